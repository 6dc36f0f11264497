"""One small hierarchy of errors; `api/errors.py` maps each to its HTTP status."""


class StreamAIError(Exception):
    """Base of every error a user can be told about; `status` is the HTTP status it maps to."""

    status = 500

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(StreamAIError):
    status = 400


class NotFound(StreamAIError):
    status = 404


class Conflict(StreamAIError):
    status = 409


class UnsupportedMediaType(StreamAIError):
    status = 415


class Unavailable(StreamAIError):
    """A dependency (OBS, the processing API) is not reachable or not configured."""

    status = 503


class ObsUnavailable(Unavailable):
    """OBS is closed, unreachable, or refused our password."""


class ObsRequestFailed(StreamAIError):
    """OBS answered a request with an error status."""

    status = 502

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message, obs_code=code)
        self.code = code


class Forbidden(StreamAIError):
    """Authenticated, but this role or origin may not do that."""

    status = 403


class Unauthorized(StreamAIError):
    status = 401


class Unprocessable(StreamAIError):
    """Well-formed, but the thing it points at cannot be used (an empty or unreadable recording)."""

    status = 422


class StorageUnavailable(Unavailable):
    """RECORDINGS_PATH or the database cannot be read or written."""


class InsufficientStorage(StreamAIError):
    status = 507


class Relayed(StreamAIError):
    """An error another StreamAI process answered (the controller, to a web process), passed on
    with its own status and details."""

    def __init__(self, status: int, message: str, **details):
        super().__init__(message, **details)
        self.status = status
