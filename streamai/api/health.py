from importlib.metadata import PackageNotFoundError, version

from flask import Blueprint, current_app

from ..service import timestamp
from . import service

bp = Blueprint("health", __name__)

try:
    VERSION = version("streamai")
except PackageNotFoundError:  # running from a source tree
    VERSION = "dev"


@bp.get("/api/health")
def health():
    """Liveness: answers while the process is up, whatever OBS or the processing API do."""
    settings = current_app.config["STREAMAI_SETTINGS"]
    return {
        "status": "healthy",
        "timestamp": timestamp(),
        "obs": service().obs.state.as_dict(),
        "uploads_enabled": settings.uploads_enabled,
        "auth_required": bool(settings.api_token),
        "version": VERSION,
    }
