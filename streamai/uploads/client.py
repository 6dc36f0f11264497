"""Thin client of the processing API ("Vultr API"): streamed upload, task status, clear errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

import requests
from requests.adapters import HTTPAdapter

from .multipart import MultipartFileBody, UploadAborted
from .windows import WINDOW_SIZE, FileChanged

log = logging.getLogger(__name__)

RETRYABLE_STATUSES = {408, 425, 429, 500, 502, 503, 504}


class ProcessingApiError(Exception):
    """Base of the client's errors; `retryable` says whether trying again can help."""

    retryable = False

    def __init__(self, message: str, *, status: int | None = None, retry_after_s: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after_s = retry_after_s


class TransientError(ProcessingApiError):
    retryable = True


class PermanentError(ProcessingApiError):
    pass


class TaskUnknown(PermanentError):
    pass


class Cancelled(ProcessingApiError):
    pass


class ResultMissing(PermanentError):
    """The task has no result of that kind (not an error: not every processing makes every kind)."""


@dataclass(frozen=True)
class UploadReceipt:
    task_id: str
    sha256: str
    size: int
    response: dict[str, Any]


class _LargeWritesAdapter(HTTPAdapter):
    """1 MiB socket writes instead of urllib3's 16 KiB: throughput close to curl's."""

    def init_poolmanager(self, *args, **kwargs):
        kwargs["blocksize"] = WINDOW_SIZE
        super().init_poolmanager(*args, **kwargs)


class ProcessingApiClient:
    def __init__(
        self,
        base_url: str,
        *,
        upload_endpoint: str = "/upload",
        api_key: str = "",
        connect_timeout_s: float = 10.0,
        read_timeout_s: float = 300.0,
    ):
        self.base_url = base_url.rstrip("/")
        self.upload_endpoint = "/" + upload_endpoint.lstrip("/")
        self.timeout = (connect_timeout_s, read_timeout_s)
        self._session = requests.Session()
        self._session.trust_env = False  # an HTTP(S)_PROXY meant for browsers must not reroute uploads
        adapter = _LargeWritesAdapter()
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        if api_key:
            self._session.headers["Authorization"] = f"Bearer {api_key}"

    def upload(
        self,
        fh: BinaryIO,
        filename: str,
        size: int,
        *,
        fields: dict[str, str],
        idempotency_key: str,
        on_progress: Callable[[int], None] | None = None,
        should_abort: Callable[[], bool] | None = None,
    ) -> UploadReceipt:
        """POST the open file as multipart; the body is streamed from disk and hashed on the way."""
        body = MultipartFileBody(fh, filename, size, fields, on_progress=on_progress, should_abort=should_abort)
        headers = {"Content-Type": body.content_type, "Idempotency-Key": idempotency_key}
        try:
            with body:
                response = self._session.post(
                    self.base_url + self.upload_endpoint,
                    data=body,  # type: ignore[arg-type]  # a file-like body: requests streams it with its length
                    headers=headers,
                    timeout=self.timeout,
                )
        except (UploadAborted, FileChanged) as exc:
            raise (Cancelled if isinstance(exc, UploadAborted) else PermanentError)(str(exc)) from exc
        except requests.RequestException as exc:
            cause = exc.__context__ or exc.__cause__
            if isinstance(cause, (UploadAborted, FileChanged)):
                raise (Cancelled if isinstance(cause, UploadAborted) else PermanentError)(str(cause)) from exc
            raise TransientError(f"upload to {self.base_url} failed: {_describe(exc)}") from exc
        payload = self._json(response, "upload")
        task_id = payload.get("task_id")
        if not task_id:
            raise PermanentError(
                "the processing API accepted the file but returned no task_id", status=response.status_code
            )
        return UploadReceipt(str(task_id), body.sha256 or "", body.size, payload)

    def status(self, task_id: str) -> dict[str, Any]:
        try:
            response = self._session.get(f"{self.base_url}/status/{task_id}", timeout=(self.timeout[0], 30))
        except requests.RequestException as exc:
            raise TransientError(f"status of {task_id} unavailable: {_describe(exc)}") from exc
        if response.status_code == 404:
            raise TaskUnknown(f"the processing API does not know task {task_id}", status=404)
        return self._json(response, "status")

    def fetch_result(self, task_id: str, kind: str) -> requests.Response:
        """A processed result, as a streamed response the caller reads in chunks and closes."""
        url = f"{self.base_url}/results/{task_id}/{kind}"
        try:
            response = self._session.get(url, stream=True, timeout=self.timeout)
        except requests.RequestException as exc:
            raise TransientError(f"{kind} of {task_id} unavailable: {_describe(exc)}") from exc
        if response.status_code == 404:
            response.close()
            raise ResultMissing(f"task {task_id} has no {kind}", status=404)
        if response.status_code >= 400:
            error = TransientError if response.status_code in RETRYABLE_STATUSES else PermanentError
            reason = _reason(response)
            response.close()
            raise error(
                f"{kind} of {task_id} refused with HTTP {response.status_code}: {reason}",
                status=response.status_code,
                retry_after_s=_retry_after(response),
            )
        return response

    @staticmethod
    def _json(response: requests.Response, what: str) -> dict[str, Any]:
        if response.status_code >= 400:
            error = TransientError if response.status_code in RETRYABLE_STATUSES else PermanentError
            raise error(
                f"{what} refused with HTTP {response.status_code}: {_reason(response)}",
                status=response.status_code,
                retry_after_s=_retry_after(response),
            )
        try:
            payload = response.json()
        except ValueError:
            raise TransientError(
                f"{what} answered HTTP {response.status_code} without JSON", status=response.status_code
            ) from None
        if not isinstance(payload, dict):
            raise PermanentError(f"{what} answered with unexpected JSON", status=response.status_code)
        return payload


def _reason(response: requests.Response) -> str:
    try:
        payload = response.json()
        if isinstance(payload, dict):
            detail = payload.get("detail") or payload.get("error") or payload.get("message")
            if detail:
                return str(detail)[:300]
    except ValueError:
        pass
    return (response.text or response.reason or "no reason given").strip()[:300]


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            from datetime import datetime

            return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
        except (TypeError, ValueError):
            return None


def _describe(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, requests.ConnectionError):
        text = str(exc)
        if "Connection refused" in text:
            return "connection refused (is the processing API running?)"
        if "reset" in text or "aborted" in text or "RemoteDisconnected" in text:
            return "connection dropped by the server"
        return "connection error"
    if isinstance(exc, requests.Timeout):
        return "the server stopped reading or answering (timeout)"
    return type(exc).__name__
