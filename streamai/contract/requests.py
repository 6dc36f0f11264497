"""Every request body and query the HTTP API accepts, as pydantic models.

Bodies are strict (`"1"` is not a priority, `1` is not a boolean) and keep the guide's camelCase
keys; an empty body counts as `{}`, so the guide's `curl -X POST …/recording/stop` just works.
Queries are strings on the wire, so they are parsed leniently (`?limit=10`).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .vocabulary import MAX_PRIORITY, MIN_PRIORITY, JobState, SubtitleModel

MAX_NAME_LENGTH = 200
MAX_METADATA_BYTES = 16 * 1024
MAX_LIST_LIMIT = 500


class Body(BaseModel):
    model_config = ConfigDict(strict=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_nothing(cls, data: Any) -> Any:
        return {} if data is None else data


Priority = Field(default=None, ge=MIN_PRIORITY, le=MAX_PRIORITY, description="a higher number is uploaded first")


class RigStartRecordingBody(Body):
    """A start on one rig (POST /api/rigs/<rig>/recording/start)."""

    session_name: str | None = Field(
        default=None,
        alias="sessionName",
        max_length=MAX_NAME_LENGTH,
        description="made folder-safe and unique; a default name when absent",
    )
    auto_upload: bool | None = Field(default=None, alias="autoUpload", description="default: VULTR_AUTO_UPLOAD")
    subtitle_model: SubtitleModel | None = Field(default=None, alias="subtitleModel")
    priority: int | None = Priority
    metadata: dict[str, Any] | None = Field(
        default=None, description=f"any JSON object up to {MAX_METADATA_BYTES} bytes"
    )

    @field_validator("metadata")
    @classmethod
    def _bounded(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and len(json.dumps(value, ensure_ascii=False).encode()) > MAX_METADATA_BYTES:
            raise ValueError(f"must be at most {MAX_METADATA_BYTES} bytes of JSON")
        return value


class StartRecordingBody(RigStartRecordingBody):
    rigs: list[str] | Literal["all"] | None = Field(
        default=None,
        description='record one session over several rigs: their ids (at least one), or "all"; absent: the default rig',
    )

    @field_validator("rigs")
    @classmethod
    def _some(cls, value: list[str] | str | None) -> list[str] | str | None:
        if isinstance(value, list) and not value:
            raise ValueError('must name at least one rig, or be "all"')
        return value


class StopRecordingBody(Body):
    leave_file_in_place: bool = Field(
        False,
        alias="leaveFileInPlace",
        description="after a failed stop: close the session even if the file cannot be moved into its folder",
    )


class MarkerBody(Body):
    label: str | None = Field(default=None, max_length=200, description="what happens there (optional)")


class ManualUploadBody(Body):
    session_name: str = Field(alias="sessionName", min_length=1, max_length=MAX_NAME_LENGTH)
    subtitle_model: SubtitleModel | None = Field(default=None, alias="subtitleModel")
    priority: int | None = Priority
    force: bool = Field(default=False, description="upload even a file ffprobe cannot read as a video")


class Page(BaseModel):
    limit: int = Field(10, ge=1, le=MAX_LIST_LIMIT)
    offset: int = Field(0, ge=0, le=10**9)


class FormattedPageQuery(Page):
    limit: int = Field(50, ge=1, le=MAX_LIST_LIMIT)


class UploadsQuery(Page):
    limit: int = Field(50, ge=1, le=MAX_LIST_LIMIT)
    state: JobState | None = None


class JobPath(BaseModel):
    job_id: int = Field(ge=0, le=2**63 - 1)
