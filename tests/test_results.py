"""Processed results come back: fetched into the session folder (retried like uploads), announced,
and served by the API, the video with HTTP Range so a browser can seek."""

from __future__ import annotations

import pytest
import requests

from .support.media import VTT, make_video
from .support.recordings import make_session_folder

API = "/api/integrated"


@pytest.fixture
def uploaded(tmp_path, processing_api, make_server, listen):
    """A server whose session `show` was uploaded; `fetch()` waits for its results."""

    def make(env: dict | None = None):
        make_session_folder(tmp_path / "srv" / "recordings", "show", 1 << 20)
        server = make_server({"VULTR_API_URL": processing_api.url, **(env or {})}, workdir=tmp_path / "srv")
        headers = {"Authorization": f"Bearer {env['STREAMAI_API_TOKEN']}"} if env else {}
        server.wait_until(lambda: server.get(f"{API}/recordings", headers=headers).json()["total"] == 1, 10, "adoption")
        room = listen(server.url, auth={"token": env["STREAMAI_API_TOKEN"]} if env else None)
        job = server.post(f"{API}/upload/manual", json={"sessionName": "show", "force": True}, headers=headers).json()[
            "job"
        ]
        return server, room, job, headers

    return make


def test_results_are_fetched_after_two_failures_and_served(tmp_path, processing_api, uploaded):
    video = make_video(tmp_path / "processed.webm")
    processing_api.serve_results(
        {"subtitles": ("text/vtt; charset=utf-8", VTT), "video": ("video/webm", video)}, fail_first=2
    )
    server, room, job, _ = uploaded()
    ready = room.wait_for("processing_results_ready", timeout=60)
    assert ready["job_id"] == job["id"] and sorted(r["kind"] for r in ready["results"]) == ["subtitles", "video"]
    assert processing_api.state.result_requests[:2] == ["subtitles", "subtitles"]  # the two 503s, retried
    assert "thumbnail" in processing_api.state.result_requests  # asked for, missing: not an error
    stored = server.recordings / "show" / "results" / f"job-{job['id']}"
    assert (stored / "subtitles.vtt").read_bytes() == VTT and (stored / "video.webm").read_bytes() == video

    subtitles = server.get(f"{API}/recordings/show/results/subtitles")
    assert subtitles.status_code == 200 and subtitles.headers["Content-Type"].startswith("text/vtt")
    assert subtitles.content == VTT
    part = server.get(f"{API}/recordings/show/results/video", headers={"Range": "bytes=100-1099"})
    assert part.status_code == 206 and part.content == video[100:1100]
    assert part.headers["Content-Range"] == f"bytes 100-1099/{len(video)}" and part.headers["Accept-Ranges"] == "bytes"
    assert server.get(f"{API}/recordings/show/results/thumbnail").status_code == 404
    assert server.get(f"{API}/recordings/show/results/other").status_code == 404
    assert server.get(f"{API}/recordings/nope/results/video").status_code == 404

    finished = server.job(job["id"])
    assert finished["results_state"] == "ready" and {r["kind"] for r in finished["results"]} == {"subtitles", "video"}
    session = server.get(f"{API}/recordings").json()["recordings"][0]
    assert [r["kind"] for r in session["results"]] == ["subtitles", "video"]
    phases = session["uploads"][0]
    assert phases["queued_at"] <= phases["upload_started_at"] <= phases["uploaded_at"] <= phases["processed_at"]
    for result in session["results"]:
        assert server.get(result["url"]).status_code == 200


def test_a_result_that_is_not_media_is_offered_as_a_download(processing_api, uploaded):
    processing_api.serve_results({"subtitles": ("text/html", b"<script>alert(1)</script>")})
    server, room, _, _ = uploaded()
    room.wait_for("processing_results_ready", timeout=60)
    served = server.get(f"{API}/recordings/show/results/subtitles")
    assert served.headers["Content-Type"] == "application/octet-stream"
    assert served.headers["Content-Disposition"].startswith("attachment")


def test_result_urls_are_signed_when_tokens_are_on(tmp_path, processing_api, uploaded):
    processing_api.serve_results({"video": ("video/webm", make_video(tmp_path / "v.webm", 1))})
    server, room, job, headers = uploaded({"STREAMAI_API_TOKEN": "op"})
    [result] = room.wait_for("processing_results_ready", timeout=60)["results"]
    assert "sig=" in result["url"]
    assert requests.get(server.url + result["url"], timeout=10).status_code == 200  # a <video> sends no token
    assert server.get(f"{API}/uploads/{job['id']}/results/video").status_code == 401
    assert server.get(f"{API}/uploads/{job['id']}/results/video", headers=headers).status_code == 200
