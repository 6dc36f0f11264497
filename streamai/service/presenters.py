"""The one place that shapes payloads: sessions, jobs and statuses become contract models here.

Every route, every Socket.IO event and every `session_metadata.json` uses these builders, so a
session or a job has exactly one shape wherever it appears.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, cast
from urllib.parse import quote

from ..contract import models as m
from ..contract.vocabulary import JobState, ObsLinkState, RecorderState, ResultsState, SessionStatus, StoppedBy
from ..obs import ConnectionState
from ..rigs import DEFAULT_RIG, RigConfig
from ..sessions import RecordingManager, Session
from ..sessions.media import hms, human_size
from ..uploads.queue import Job
from .disk import DiskReading
from .lifecycle import Snapshot

_SUMMARY_TYPES: dict[str, type | tuple[type, ...]] = {
    "job_id": int,
    "task_id": str,
    "status": str,
    "processing_status": str,
    "progress": (int, float),
    "message": str,
    "upload_time": str,
    "file_name": str,
    "file_size": int,
    "attempts": int,
    "manual": bool,
}


def iso(epoch: float | None) -> str | None:
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds") if epoch else None


class Presenter:
    """`media_url` turns a media path into a URL a browser can load in <img>/<video> (signed when
    tokens are on: those elements cannot send a bearer token)."""

    def __init__(self, manager: RecordingManager, media_url: Callable[[str], str] = lambda path: path):
        self.manager = manager
        self.media_url = media_url

    def session_url(self, name: str, *rest: str) -> str:
        return self.media_url("/".join(("/api/integrated/recordings", quote(name, safe=""), *rest)))

    def results(self, job: Job) -> list[m.ResultFile]:
        return [
            m.ResultFile(
                kind=r["kind"],
                name=r["name"],
                size_bytes=r["size_bytes"],
                content_type=r["content_type"],
                url=self.media_url(f"/api/integrated/uploads/{job.id}/results/{r['kind']}"),
            )
            for r in job.results
        ]

    # -- jobs ------------------------------------------------------------------------------

    def job(self, job: Job) -> m.UploadJob:
        return m.UploadJob(
            id=job.id,
            session_name=job.session_name,
            rig=job.rig,
            file_name=job.file_name,
            file_path=str(self.manager.folder.path(job.session_name, *job.file_parts)),
            state=job.state,
            manual=job.manual,
            subtitle_model=job.subtitle_model,
            priority=job.priority,
            attempts=job.attempts,
            bytes_sent=job.bytes_sent,
            total_bytes=job.total_bytes,
            percent=round(100 * job.bytes_sent / job.total_bytes, 1) if job.total_bytes else 0.0,
            sha256=job.sha256,
            last_error=job.last_error,
            next_attempt_at=iso(job.next_attempt_at) if job.state == JobState.RETRYING else None,
            task_id=job.task_id,
            processing_status=job.processing_status,
            processing_progress=job.processing_progress,
            processing_message=job.processing_message,
            created_at=job.created_at,
            updated_at=job.updated_at,
            finished_at=job.finished_at,
            can_retry=job.can_retry,
            can_cancel=job.can_cancel,
            upload_started_at=job.upload_started_at,
            uploaded_at=job.uploaded_at,
            processed_at=job.processed_at,
            results_state=cast(ResultsState | None, job.results_state),
            worker=job.claimed_by,
            results=self.results(job),
        )

    @staticmethod
    def phases(job: Job) -> m.UploadPhases:
        return m.UploadPhases(
            job_id=job.id,
            rig=job.rig,
            file_name=job.file_name,
            state=job.state,
            queued_at=job.created_at,
            finished_at=job.finished_at,
            upload_started_at=job.upload_started_at,
            uploaded_at=job.uploaded_at,
            processed_at=job.processed_at,
            task_id=job.task_id,
            processing_status=job.processing_status,
            results_state=cast(ResultsState | None, job.results_state),
        )

    @staticmethod
    def upload_summary(job: Job) -> m.UploadSummary:
        """The session's `vultr_upload` block, in the original StreamAI's field names."""
        return m.UploadSummary(
            job_id=job.id,
            task_id=job.task_id,
            status=job.state,
            processing_status=job.processing_status,
            progress=job.processing_progress,
            message=job.processing_message or job.last_error,
            upload_time=job.finished_at if job.task_id else None,
            file_name=job.file_name,
            file_size=job.total_bytes,
            attempts=job.attempts,
            manual=job.manual,
        )

    @staticmethod
    def legacy_summary(data: dict[str, Any] | None) -> m.UploadSummary | None:
        """An upload block read from an old metadata file: wrong types are dropped, not trusted."""
        if not data:
            return None
        clean = {
            k: v
            for k, v in data.items()
            if k not in _SUMMARY_TYPES
            or (isinstance(v, _SUMMARY_TYPES[k]) and not (isinstance(v, bool) and k != "manual"))
        }
        return m.UploadSummary.model_validate(clean)

    # -- sessions --------------------------------------------------------------------------

    def files(self, session: Session) -> list[m.RecordedFile]:
        return [
            m.RecordedFile(
                rig=f.folder or next(iter(session.rigs), DEFAULT_RIG),
                name=f.name,
                path=str(self.manager.file_path(session, f)),
                relative_path="/".join((session.folder, *f.parts)),
                size_bytes=f.size_bytes,
                duration_s=f.duration_s,
            )
            for f in session.files
        ]

    def facts(self, session: Session) -> dict[str, Any]:
        return dict(
            session_name=session.name,
            title=session.title,
            session_path=str(self.manager.session_path(session)),
            auto_upload=session.auto_upload,
            subtitle_model=session.subtitle_model,
            priority=session.priority,
            started_by=session.started_by,
            start_time=session.start_time,
        )

    def timeline(self, session: Session) -> dict[str, Any]:
        """Pauses and markers, as the session and the live status both show them."""
        return dict(
            pauses=[m.PauseSpan(**p) for p in session.pauses],
            paused_s=round(session.paused_seconds(), 1),
            markers=[m.Marker(**mk) for mk in session.markers],
        )

    def session(self, session: Session, job: Job | None = None, jobs: list[Job] | None = None) -> m.Session:
        """`job` is the latest upload; `jobs` all of them, oldest first (the timeline's phases)."""
        jobs = jobs if jobs is not None else ([job] if job else [])
        done = next((j for j in reversed(jobs) if j.results), None)
        return m.Session(
            **self.facts(session),
            status=SessionStatus(session.status),
            end_time=session.end_time,
            duration_s=session.duration_s,
            duration=hms(session.duration_s),
            size_bytes=session.size_bytes,
            size=human_size(session.size_bytes),
            files=self.files(session),
            obs_output_path=session.obs_output_path,
            note=session.note,
            metadata=session.metadata,
            vultr_upload=self.upload_summary(job) if job else self.legacy_summary(session.legacy_upload),
            **self.timeline(session),
            thumbnail_url=self.session_url(session.name, "thumbnail") if session.thumbnail else None,
            uploads=[self.phases(j) for j in jobs],
            results=self.results(done) if done else [],
            rigs=self.rig_parts(session),
        )

    def formatted(self, session: Session, job: Job | None) -> m.FormattedRecording:
        legacy = self.legacy_summary(session.legacy_upload)
        main = session.main_file
        processing = job.processing_status if job else (legacy.status if legacy else None)
        categories = session.metadata.get("categories")
        return m.FormattedRecording(
            id=session.name,
            session_name=session.name,
            title=session.title,
            date=session.start_time[:10],
            start_time=session.start_time,
            duration=hms(session.duration_s),
            size=human_size(session.size_bytes),
            views=0,
            thumbnail=self.session_url(session.name, "thumbnail") if session.thumbnail else "",
            platforms=["OBS Recording"],
            status="ready" if session.status == "stopped" else str(session.status),
            hasTranscription=processing == "completed",
            hasHighlights=False,
            hasShorts=False,
            categories=categories if isinstance(categories, list) and categories else ["General"],
            isManualUpload=bool(job and job.manual),
            filePath=str(self.manager.file_path(session, main)) if main else None,
            vultr_task_id=job.task_id if job else (legacy.task_id if legacy else None),
            upload_status=job.state if job else (legacy.status if legacy else None),
            upload_time=(job.finished_at if job and job.task_id else None) or (legacy.upload_time if legacy else None),
            processing_progress=job.processing_progress if job else None,
            note=session.note,
        )

    def metadata_document(self, session: Session, job: Job | None) -> dict[str, Any]:
        return self.session(session, job).model_dump(mode="json")

    # -- recording -------------------------------------------------------------------------

    @staticmethod
    def rig_parts(session: Session) -> list[m.RigPart]:
        """Each rig's part, with how much later than the first rig it started."""
        starts = {rig: _time(part.get("start_time")) for rig, part in session.rigs.items()}
        known = [t for t in starts.values() if t is not None]
        first = min(known) if known else None

        def skew(rig: str) -> float | None:
            start = starts[rig]
            return round((start - first) * 1000, 1) if first is not None and start is not None else None

        return [
            m.RigPart(
                rig=rig,
                label=str(part.get("label") or rig),
                status=str(part.get("status") or "unknown"),
                start_time=part.get("start_time"),
                end_time=part.get("end_time"),
                skew_ms=skew(rig),
            )
            for rig, part in session.rigs.items()
        ]

    def start_result(self, session: Session, message: str) -> m.StartResult:
        parts = self.rig_parts(session)
        skews = [p.skew_ms for p in parts if p.skew_ms is not None]
        return m.StartResult(
            **self.facts(session),
            message=message,
            rigs=parts,
            start_skew_ms=max(skews) if len(skews) > 1 else None,
        )

    def stop_result(
        self, session: Session, stopped_by: str, uploads: list[m.UploadQueued | m.UploadNotQueued]
    ) -> m.StopResult:
        verb = {"stopped": "stopped", "failed": "failed", "recording": "stopped"}.get(
            str(session.status), "interrupted"
        )
        return m.StopResult(
            message=f"Recording {session.name} {verb}",
            session_name=session.name,
            session_path=str(self.manager.session_path(session)),
            status=SessionStatus(session.status),
            files=self.files(session),
            duration_s=session.duration_s,
            size_bytes=session.size_bytes,
            note=session.note,
            stopped_by=cast(StoppedBy, stopped_by),
            upload_result=uploads[-1] if uploads else None,
            upload_results=uploads,
            rigs=self.rig_parts(session),
        )

    def recording_status(
        self, snap: Snapshot, obs: dict[str, Any] | None, obs_error: str | None, disk: DiskReading | None = None
    ) -> m.IdleRecordingStatus | m.ActiveRecordingStatus:
        if snap.session is None:
            return m.IdleRecordingStatus(
                state=snap.state, message="No recording in progress", obs_connected=snap.obs_connected
            )
        record = _record(obs) if obs is not None else m.ObsRecordStatus(active=False, paused=False, error=obs_error)
        return m.ActiveRecordingStatus(
            **self.facts(snap.session),
            state=snap.state,
            stopping=snap.state in (RecorderState.STOPPING, RecorderState.INTERRUPTED),
            stop_error=snap.stop_error,
            obs_status=record,
            obs_connected=snap.obs_connected,
            **self.timeline(snap.session),
            rig=snap.rig,
            rigs=self.rig_parts(snap.session),
            disk=_disk(disk),
        )

    def rig_state(
        self,
        config: RigConfig,
        link: ConnectionState,
        snap: Snapshot,
        raw: dict[str, Any] | None,
        disk: DiskReading | None,
        default: bool,
    ) -> m.RigState:
        return m.RigState(
            id=config.id,
            label=config.label,
            default=default,
            obs=self.obs_connection(link),
            state=snap.state,
            session_name=snap.session.name if snap.session else None,
            obs_status=_record(raw) if raw is not None else None,
            disk=_disk(disk),
        )

    @staticmethod
    def obs_connection(state: ConnectionState) -> m.ObsConnection:
        return m.ObsConnection(connected=state.connected, state=ObsLinkState(state.state), error=state.error)


def _record(obs: dict[str, Any]) -> m.ObsRecordStatus:
    return m.ObsRecordStatus(
        active=bool(obs.get("outputActive")),
        paused=bool(obs.get("outputPaused")),
        timecode=obs.get("outputTimecode") or "00:00:00.000",
        bytes=obs.get("outputBytes") or 0,
        duration_ms=int(obs.get("outputDuration") or 0),
    )


def _disk(disk: DiskReading | None) -> m.DiskStatus | None:
    if disk is None:
        return None
    remaining = disk.estimated_remaining_s
    return m.DiskStatus(
        free_bytes=disk.free_bytes,
        low=disk.low,
        estimated_remaining_s=round(remaining) if remaining is not None else None,
    )


def _time(value: Any) -> float | None:
    try:
        return datetime.fromisoformat(value).timestamp() if isinstance(value, str) else None
    except ValueError:
        return None
