"""The rig grid in a real headless Chromium, against the real server driving two OBS.

The two OBS are FakeObs (tests/support/fake_obs.py): real obs-websocket v5 servers in this process
that record real mkv files with ffmpeg, configured in a rigs file (STREAMAI_RIGS). Every wait is
on the page's DOM (Playwright's `expect`) or on the server's answers, never on the clock.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

from .support.browser import ARTIFACTS, Console
from .support.fake_obs import FakeObs
from .support.rigs import rig, rigs_file

pytestmark = pytest.mark.browser

SCREENSHOT = "14-rigs"  # test-artifacts/14-rigs.png, copied to docs/screenshots/rigs.png for the README
RUNNING = re.compile(r"^00:00:0[1-9]$")  # OBS's own timecode, a second or more in
# The page's one expected console error: Chromium logs the refused « Tout enregistrer » (503).
REFUSED_START = "the server responded with a status of 503"


@pytest.fixture(autouse=True)
def _needs_ffmpeg():
    if shutil.which("ffmpeg") and shutil.which("ffprobe"):
        return
    if os.environ.get("CI"):
        pytest.fail("ffmpeg is required in CI: the fake OBS records with it (apt-get install ffmpeg)")
    pytest.skip("missing ffmpeg (apt-get install ffmpeg)")


@pytest.fixture
def cams(tmp_path):
    """Two fake OBS, closed (their ffmpeg stopped) even when the test fails."""
    fakes = [FakeObs(tmp_path / "cam1", password="cam1-secret"), FakeObs(tmp_path / "cam2", password="cam2-secret")]
    for fake in fakes:
        fake.start()
    yield fakes
    for fake in fakes:
        fake.close()


def rigs_of(server) -> dict[str, dict]:
    return {r["id"]: r for r in server.get("/api/rigs").json()["rigs"]}


def open_page(browser, url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    page = context.new_page()
    console = Console(page)
    page.goto(url)
    page.get_by_role("heading", name="Rigs OBS").wait_for()
    return context, page, console


def test_the_rig_grid_records_all_rigs_and_each_one(browser, cams, tmp_path, make_server):
    from playwright.sync_api import expect

    cam1, cam2 = cams
    rigs = rigs_file(tmp_path, cam1=rig(cam1, "Caméra 1"), cam2=rig(cam2, "Caméra 2"))
    server = make_server({"STREAMAI_RIGS": str(rigs)})
    context, page, console = open_page(browser, server.url)
    grid = page.get_by_test_id("rig-grid")
    card = {rig_id: grid.locator(f'[data-testid="rig-card"][data-rig="{rig_id}"]') for rig_id in ("cam1", "cam2")}
    timecode = {rig_id: card[rig_id].get_by_test_id("rig-timecode") for rig_id in card}

    # Both rigs, connected, idle; the first is the default rig.
    expect(grid.get_by_test_id("rig-card")).to_have_count(2)
    for rig_id, label in (("cam1", "Caméra 1"), ("cam2", "Caméra 2")):
        expect(card[rig_id]).to_have_attribute("data-connection", "connected", timeout=30_000)
        expect(card[rig_id]).to_have_attribute("data-state", "idle")
        expect(card[rig_id].get_by_role("heading", name=label)).to_be_visible()
        expect(card[rig_id].get_by_test_id("rig-state")).to_have_text("Prêt")
    expect(card["cam1"].get_by_text("Par défaut")).to_be_visible()
    expect(card["cam2"].get_by_text("Par défaut")).to_have_count(0)
    expect(grid.get_by_test_id("rigs-connected")).to_have_text("2 sur 2 connectés")

    # « Tout enregistrer » with the name typed in the start form: one session over both rigs.
    page.get_by_label("Nom de session (optionnel)").fill("Plateau jeudi")
    grid.get_by_role("button", name="Tout enregistrer").click()
    for rig_id in card:
        expect(card[rig_id]).to_have_attribute("data-state", "recording", timeout=15_000)
        expect(card[rig_id].get_by_test_id("rig-session")).to_have_text(re.compile(r"^Plateau_jeudi"))
        expect(timecode[rig_id]).to_have_text(RUNNING, timeout=15_000)
    session = card["cam1"].get_by_test_id("rig-session").inner_text()
    assert card["cam2"].get_by_test_id("rig-session").inner_text() == session
    expect(grid.get_by_test_id("rigs-started")).to_contain_text(f"Session {session} démarrée sur 2 rigs")
    expect(page.get_by_label("Nom de session (optionnel)")).to_have_value("")
    for rig_id in card:  # each rig's own clock moves on, pushed by rigs_update
        expect(timecode[rig_id]).not_to_have_text(timecode[rig_id].inner_text(), timeout=10_000)
        expect(card[rig_id].get_by_test_id("rig-disk")).to_contain_text(re.compile(r"\d (MB|GB|TB)"))
    expect(grid.get_by_role("button", name="Tout enregistrer")).to_be_disabled()
    expect(page.get_by_test_id("recording-session")).to_have_text(session)  # the card above follows it
    page.mouse.move(0, 0)
    grid.evaluate("el => { el.scrollIntoView({block: 'start'}); window.scrollBy(0, -16); }")
    page.screenshot(path=str(ARTIFACTS / f"{SCREENSHOT}.png"))

    # « Tout arrêter »: both rigs stop; the session lists each rig's file under the rig's name.
    grid.get_by_role("button", name="Tout arrêter").click()
    for rig_id in card:
        expect(card[rig_id]).to_have_attribute("data-state", "idle", timeout=30_000)
        expect(timecode[rig_id]).to_have_text("00:00:00")
    row = page.get_by_test_id("recording-row").filter(has=page.get_by_text(session, exact=True))
    parts = row.get_by_test_id("session-rig")
    expect(parts).to_have_count(2, timeout=15_000)
    for index, (rig_id, label) in enumerate((("cam1", "Caméra 1"), ("cam2", "Caméra 2"))):
        part = parts.nth(index)
        expect(part).to_have_attribute("data-rig", rig_id)
        expect(part).to_contain_text(label)
        expect(part.get_by_test_id("session-rig-status")).to_have_text("Arrêté", timeout=15_000)
        expect(part.get_by_test_id("session-rig-skew")).to_have_text(
            re.compile(r"^(Premier à démarrer|Démarré [\d ,]+ ms après le premier)$")
        )
        expect(part.get_by_test_id("session-files").get_by_role("listitem")).to_have_count(1, timeout=15_000)
        expect(part.get_by_test_id("session-files")).to_contain_text(".mkv")
    page.screenshot(path=str(ARTIFACTS / "15-rigs-session-per-rig.png"), full_page=True)
    recorded = server.get("/api/integrated/recordings").json()["recordings"][0]
    files = recorded["files"]
    assert sorted(f["rig"] for f in files) == ["cam1", "cam2"]
    assert all(f"/{session}/{f['rig']}/" in f["path"] for f in files)
    # The rigs recorded the same moments: the session lasts as long as its longest rig, not their sum.
    assert recorded["duration_s"] == max(f["duration_s"] for f in files)

    # One rig alone, from its card: cam2 records, cam1 stays idle; then cam2 stops.
    card["cam2"].get_by_role("button", name="Démarrer").click()
    expect(card["cam2"]).to_have_attribute("data-state", "recording", timeout=15_000)
    expect(timecode["cam2"]).to_have_text(RUNNING, timeout=15_000)
    expect(card["cam1"]).to_have_attribute("data-state", "idle")
    expect(card["cam1"].get_by_role("button", name="Démarrer")).to_be_enabled()
    expect(card["cam2"].get_by_role("button", name="Démarrer")).to_be_disabled()
    solo = card["cam2"].get_by_test_id("rig-session").inner_text()
    assert rigs_of(server)["cam1"]["state"] == "idle" and rigs_of(server)["cam2"]["session_name"] == solo
    card["cam2"].get_by_role("button", name="Arrêter").click()
    expect(card["cam2"]).to_have_attribute("data-state", "idle", timeout=30_000)
    solo_row = page.get_by_test_id("recording-row").filter(has=page.get_by_text(solo, exact=True))
    expect(solo_row.get_by_test_id("session-rig")).to_have_count(1, timeout=15_000)
    expect(solo_row.get_by_test_id("session-rig")).to_have_attribute("data-rig", "cam2")
    expect(solo_row.get_by_test_id("session-files").get_by_role("listitem")).to_have_count(1, timeout=15_000)
    assert console.errors == []

    # cam2's OBS goes away: its card says so, the page's own OBS (the default rig's) stays connected,
    # and « Tout enregistrer » is refused by the server, naming cam2; nothing records.
    cam2.close()
    expect(card["cam2"]).to_have_attribute("data-connection", "disconnected", timeout=30_000)
    expect(card["cam2"].get_by_test_id("rig-connection")).to_have_text("OBS déconnecté")
    expect(card["cam2"].get_by_test_id("rig-obs-error")).to_contain_text("not reachable")
    expect(card["cam2"].get_by_role("button", name="Démarrer")).to_be_disabled()
    expect(page.get_by_test_id("obs-connection")).to_have_attribute("data-state", "connected")
    expect(grid.get_by_test_id("rigs-connected")).to_have_text("1 sur 2 connectés")
    sessions_before = server.get("/api/integrated/recordings").json()["total"]
    grid.get_by_role("button", name="Tout enregistrer").click()
    refused = grid.get_by_test_id("rigs-error")
    expect(refused).to_have_attribute("data-rig", "cam2", timeout=15_000)
    expect(refused).to_contain_text("Rig en cause : Caméra 2 (cam2)")
    expect(refused).to_contain_text("rig cam2 (Caméra 2)")
    expect(card["cam2"]).to_have_class(re.compile(r"\brig-card--fault\b"))
    expect(card["cam1"]).not_to_have_class(re.compile(r"\brig-card--fault\b"))
    assert all(r["state"] == "idle" for r in rigs_of(server).values())
    assert server.get("/api/integrated/recordings").json()["total"] == sessions_before

    # It comes back on its port: the card follows, and the page may record it again.
    cam2.start()
    expect(card["cam2"]).to_have_attribute("data-connection", "connected", timeout=30_000)
    expect(card["cam2"].get_by_role("button", name="Démarrer")).to_be_enabled()
    expect(grid.get_by_role("button", name="Tout enregistrer")).to_be_enabled()

    assert [e for e in console.errors if REFUSED_START not in e] == []
    context.close()
