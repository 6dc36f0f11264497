"""Debian's chromium under Playwright, for the dashboard's browser tests (tests/test_*_browser.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own calls home are refused on this network; switch them off instead.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]


def launch_chromium(playwright):
    """Debian's chromium, headless (skipped, or failed in CI, without it or without the built page)."""
    missing = [
        what
        for what, ok in (
            ("chromium", Path(CHROMIUM).exists()),
            ("frontend/dist", (REPO / "frontend" / "dist" / "index.html").exists()),
        )
        if not ok
    ]
    if missing and os.environ.get("CI"):
        pytest.fail(f"missing in CI: {missing}")
    if missing:
        pytest.skip(f"missing {missing}: run scripts/setup.sh --with-tests")
    ARTIFACTS.mkdir(exist_ok=True)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


class Console:
    """Collects console errors and uncaught exceptions of a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
