from .manager import RecordingManager, sanitize_session_name
from .store import FAILED, INTERRUPTED, RECORDING, STOPPED, Session, SessionStore
