"""The service layer: what the API and the Socket.IO layer call (`IntegratedRecordingService`),
built from the recording lifecycle, the uploads façade and the presenter."""

from .integrated import IntegratedRecordingService
from .lifecycle import RecordingLifecycle

__all__ = ["IntegratedRecordingService", "RecordingLifecycle"]
