"""What drives OBS, as the HTTP routes see it.

In one process it is the IntegratedRecordingService itself. In a split deployment (`streamai web`)
it is a stand-in that forwards each call to the one `streamai control` process that holds the OBS
connections, and answers exactly what that process answered (cluster/remote.py).
"""

from __future__ import annotations

from typing import Protocol

from ..contract import models as m
from ..contract import requests as r


class RecordingControl(Protocol):
    def start_recording(
        self, body: r.RigStartRecordingBody, started_by: str, rig_id: str | None = None
    ) -> m.StartResult: ...

    def stop_recording(
        self, stopped_by: str, leave_file_in_place: bool = False, rig_id: str | None = None
    ) -> m.StopResult: ...

    def pause_recording(self, rig_id: str | None = None) -> m.RecorderAnswer: ...

    def resume_recording(self, rig_id: str | None = None) -> m.RecorderAnswer: ...

    def add_marker(self, body: r.MarkerBody, rig_id: str | None = None) -> m.MarkerAnswer: ...

    def recording_status(self, rig_id: str | None = None) -> m.IdleRecordingStatus | m.ActiveRecordingStatus: ...

    def rigs(self) -> m.RigsPage: ...

    def status(self) -> m.ServiceStatus: ...

    def health(self, auth_required: bool) -> m.Health: ...
