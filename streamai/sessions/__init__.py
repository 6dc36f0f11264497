from .folders import RecordingsFolder, UnsafePath
from .manager import METADATA_FILE, RecordingManager
from .names import sanitize_session_name
from .store import FAILED, INTERRUPTED, RECORDING, STOPPED, Session, SessionFile, SessionStore
