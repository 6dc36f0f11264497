"""Session names come from users and become folder names: made safe here, or refused."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from ..exceptions import InvalidInput

MAX_NAME_LENGTH = 80
_UNSAFE = re.compile(r"[^\w.-]+")
# Names Windows gives to devices, with or without an extension ("CON", "nul.mkv", "COM¹").
_WINDOWS_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$", re.IGNORECASE)
# StreamAI's own files in RECORDINGS_PATH: its database folder, and the database of earlier versions.
_OWN_FILES = re.compile(r"^(streamai\.sqlite3.*|\.streamai)$", re.IGNORECASE)

FIELD = "sessionName"


def default_session_name(moment: datetime | None = None) -> str:
    return (moment or datetime.now()).strftime("recording_session_%Y%m%d_%H%M%S")


def sanitize_session_name(requested: str) -> str:
    """A folder-safe name from user text; path-like or reserved names are refused, not rewritten."""
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in requested):
        raise InvalidInput("sessionName is not valid Unicode text", field=FIELD)
    text = unicodedata.normalize("NFC", requested).strip()
    if not text:
        raise InvalidInput("sessionName must not be empty", field=FIELD)
    if "/" in text or "\\" in text or "\x00" in text or text.startswith(".") or ".." in text:
        raise InvalidInput("sessionName must not contain '/', '\\', '..' or start with '.'", field=FIELD)
    name = _UNSAFE.sub("_", text).strip("_-.")[:MAX_NAME_LENGTH].rstrip("_-.")
    if not name:
        raise InvalidInput("sessionName has no letters or digits", field=FIELD)
    if _WINDOWS_DEVICES.match(name):
        raise InvalidInput(f"{name!r} is a device name on Windows; choose another sessionName", field=FIELD)
    if _OWN_FILES.match(name):
        raise InvalidInput(f"{name!r} is reserved for StreamAI's own files; choose another sessionName", field=FIELD)
    return name


def is_reserved_folder(name: str) -> bool:
    """Folders in RECORDINGS_PATH that are never sessions."""
    return name.startswith(".") or bool(_OWN_FILES.match(name))
