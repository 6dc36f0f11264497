"""The calls a web process forwards to the controller: each one's arguments and answer, typed by
the same contract models as the HTTP API, so that both ends validate what crosses Redis."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_jsonable_python

from ..contract import models as m
from ..contract import requests as r
from ..exceptions import StreamAIError
from ..service.control import RecordingControl

log = logging.getLogger(__name__)

RigId = str | None


@dataclass(frozen=True)
class Command:
    """`args`: name -> type; `answer`: the type it returns; `runs_for_s`: how long the controller
    may take once it has the call (a start waits for OBS, a stop for the final file)."""

    args: dict[str, Any]
    answer: Any
    runs_for_s: float = 30.0
    _adapters: dict[str, TypeAdapter] = field(default_factory=dict, compare=False, repr=False)

    def adapter(self, name: str) -> TypeAdapter:
        if name not in self._adapters:
            self._adapters[name] = TypeAdapter(self.answer if name == "<answer>" else self.args[name])
        return self._adapters[name]


COMMANDS: dict[str, Command] = {
    "start_recording": Command(
        # StartRecordingBody: a rig route's body (RigStartRecordingBody) is one without `rigs`
        {"body": r.StartRecordingBody, "started_by": str, "rig_id": RigId},
        m.StartResult,
        runs_for_s=120.0,
    ),
    "stop_recording": Command(
        {"stopped_by": str, "leave_file_in_place": bool, "rig_id": RigId}, m.StopResult, runs_for_s=300.0
    ),
    "pause_recording": Command({"rig_id": RigId}, m.RecorderAnswer),
    "resume_recording": Command({"rig_id": RigId}, m.RecorderAnswer),
    "add_marker": Command({"body": r.MarkerBody, "rig_id": RigId}, m.MarkerAnswer),
    "recording_status": Command({"rig_id": RigId}, m.IdleRecordingStatus | m.ActiveRecordingStatus),
    "rigs": Command({}, m.RigsPage),
    "status": Command({}, m.ServiceStatus),
    "health": Command({"auth_required": bool}, m.Health),
}


def encode_args(name: str, args: dict[str, Any]) -> dict[str, Any]:
    command = COMMANDS[name]
    return {
        key: value.model_dump(mode="json", by_alias=True, exclude_unset=True)
        if isinstance(value, BaseModel)  # as the client sent it (a subclass keeps its own fields)
        else command.adapter(key).dump_python(value, mode="json")
        for key, value in args.items()
    }


def decode_args(name: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Raises KeyError / pydantic.ValidationError on a call this version does not know."""
    command = COMMANDS[name]
    return {key: command.adapter(key).validate_python(raw[key]) for key in command.args}


def encode_answer(name: str, value: Any) -> Any:
    return COMMANDS[name].adapter("<answer>").dump_python(value, mode="json")


def decode_answer(name: str, raw: Any) -> Any:
    return COMMANDS[name].adapter("<answer>").validate_python(raw)


def run(control: RecordingControl, name: str, raw_args: dict[str, Any]) -> dict[str, Any]:
    """Carry out one forwarded call on the real control; the reply as it crosses Redis:
    `{"ok": true, "answer": …}` or `{"ok": false, "status": …, "error": …, "details": {…}}`."""
    try:
        args = decode_args(name, raw_args)
    except Exception as exc:  # a web process of another version: refuse, never guess
        return refusal(400, f"the controller cannot run {name!r}: {exc}")
    try:
        answer = getattr(control, name)(**args)
    except StreamAIError as exc:
        return refusal(exc.status, exc.message, **exc.details)
    except OSError as exc:  # as the HTTP API says it
        log.error("storage error in %s: %s", name, exc)
        return refusal(503, f"the recordings folder cannot be used right now: {exc.strerror or exc}", storage=False)
    except Exception:
        log.exception("unhandled error in forwarded %s", name)
        return refusal(500, "internal error; the controller's log has the details")
    return {"ok": True, "answer": encode_answer(name, answer)}


def refusal(status: int, error: str, **details: Any) -> dict[str, Any]:
    return {"ok": False, "status": status, "error": error, "details": to_jsonable_python(details)}
