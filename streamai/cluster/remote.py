"""A web process's RecordingControl: every call runs on the controller, and its answer (or its
error, with the same status and details) comes back as if it had run here."""

from __future__ import annotations

from typing import Any

from ..contract import models as m
from ..contract import requests as r
from ..contract.vocabulary import ObsLinkState, RecorderState
from ..exceptions import Relayed, Unavailable
from ..service import IntegratedRecordingService
from .bus import ControlBus
from .commands import COMMANDS, decode_answer, encode_args


class RemoteControl:
    def __init__(self, bus: ControlBus, local: IntegratedRecordingService):
        self.bus = bus
        self.local = local  # this process's own view of storage, for answers without a controller

    def _call(self, name: str, **args: Any) -> Any:
        reply = self.bus.call(name, encode_args(name, args), COMMANDS[name].runs_for_s)
        if reply.get("ok"):
            return decode_answer(name, reply["answer"])
        raise Relayed(reply["status"], reply["error"], **reply.get("details", {}))

    def start_recording(
        self, body: r.RigStartRecordingBody, started_by: str, rig_id: str | None = None
    ) -> m.StartResult:
        return self._call("start_recording", body=body, started_by=started_by, rig_id=rig_id)

    def stop_recording(
        self, stopped_by: str, leave_file_in_place: bool = False, rig_id: str | None = None
    ) -> m.StopResult:
        return self._call(
            "stop_recording", stopped_by=stopped_by, leave_file_in_place=leave_file_in_place, rig_id=rig_id
        )

    def pause_recording(self, rig_id: str | None = None) -> m.RecorderAnswer:
        return self._call("pause_recording", rig_id=rig_id)

    def resume_recording(self, rig_id: str | None = None) -> m.RecorderAnswer:
        return self._call("resume_recording", rig_id=rig_id)

    def add_marker(self, body: r.MarkerBody, rig_id: str | None = None) -> m.MarkerAnswer:
        return self._call("add_marker", body=body, rig_id=rig_id)

    def recording_status(self, rig_id: str | None = None) -> m.IdleRecordingStatus | m.ActiveRecordingStatus:
        return self._call("recording_status", rig_id=rig_id)

    def rigs(self) -> m.RigsPage:
        return self._call("rigs")

    def status(self) -> m.ServiceStatus:
        """Without a controller: what this process knows (sessions, queue), OBS said unreachable."""
        try:
            return self._call("status")
        except Unavailable as exc:
            obs = _unreachable(exc)
            idle = m.IdleRecordingStatus(state=RecorderState.IDLE, message=exc.message, obs_connected=False)
            return self.local.status().model_copy(update={"obs_connected": False, "obs": obs, "recording_status": idle})

    def health(self, auth_required: bool) -> m.Health:
        """Without a controller: degraded, and OBS's part says why."""
        try:
            return self._call("health", auth_required=auth_required)
        except Unavailable as exc:
            return self.local.health(auth_required).model_copy(update={"status": "degraded", "obs": _unreachable(exc)})


def _unreachable(exc: Unavailable) -> m.ObsConnection:
    """OBS as a web process sees it when no controller answers: disconnected, and why."""
    return m.ObsConnection(connected=False, state=ObsLinkState.DISCONNECTED, error=exc.message)
