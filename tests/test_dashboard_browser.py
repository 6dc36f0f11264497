"""The dashboard in a real headless Chromium, against the real server, OBS and processing API."""

from __future__ import annotations

import re

import pytest

from .conftest import obs_env
from .support.browser import ARTIFACTS, Console
from .support.media import VTT, make_jpeg, make_video

pytestmark = [pytest.mark.obs, pytest.mark.browser]


def open_dashboard(browser, url: str):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    console = Console(page)
    page.goto(url)
    page.get_by_role("heading", name="Enregistrement Intégré").wait_for()
    return context, page, console


def shot(page, name: str, full_page: bool = True) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def open_small(browser, url: str):
    """A 1280×800 page (the README's screenshots), French, its console errors collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    page = context.new_page()
    console = Console(page)
    page.goto(url)
    page.get_by_role("heading", name="Enregistrement Intégré").wait_for()
    return context, page, console


def shot_of(page, locator, name: str, block: str = "start") -> None:
    """The viewport (1280×800) with `locator` at its top (or its bottom, `block="end"`): what a
    person sees when looking at it."""
    locator.evaluate("(el, block) => el.scrollIntoView({block})", block)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_record_upload_and_reupload_from_the_dashboard(browser, live_obs, processing_api, make_server):
    from playwright.sync_api import expect

    server = make_server({**obs_env(live_obs), "VULTR_API_URL": processing_api.url})
    server.wait_obs_connected()
    processing_api.script_statuses("processing", "processing", "completed")
    ctx1, streamer, console1 = open_dashboard(browser, server.url)
    ctx2, watcher, console2 = open_dashboard(browser, server.url)
    expect(streamer.get_by_test_id("obs-connection")).to_have_attribute("data-state", "connected")
    shot(streamer, "01-idle")

    streamer.get_by_label("Nom de session (optionnel)").fill("Émission du jeudi")
    expect(streamer.get_by_label("Upload automatique (recommandé)")).to_be_checked()
    streamer.get_by_role("button", name="Démarrer l'enregistrement").click()

    # The second browser sees the recording and its timecode move.
    timecode = watcher.get_by_test_id("timecode")
    expect(timecode).to_have_text(re.compile(r"00:00:0[1-9]"), timeout=15_000)
    expect(timecode).not_to_have_text(timecode.inner_text())  # it moves on
    expect(watcher.get_by_test_id("started-by")).to_contain_text("Tableau de bord")
    expect(streamer.get_by_role("button", name="Démarrer l'enregistrement")).to_be_disabled()
    shot(watcher, "02-recording-second-browser")

    streamer.get_by_role("button", name="Arrêter l'enregistrement").click()
    for page in (streamer, watcher):
        expect(page.get_by_test_id("task-id")).to_have_text(re.compile(r"task_\d+"), timeout=20_000)
    expect(watcher.get_by_role("progressbar").first).to_have_attribute("aria-valuenow", "100")
    [received] = processing_api.wait_for_uploads(1)
    expect(streamer.get_by_test_id("task-id")).to_have_text(received.task_id)
    expect(streamer.get_by_test_id("processing-status")).to_contain_text(
        re.compile("terminé|completed"), timeout=20_000
    )
    shot(streamer, "03-uploaded")

    streamer.reload()
    row = streamer.get_by_test_id("recording-row").filter(has_text="Émission du jeudi").first
    expect(row).to_be_visible()
    expect(row).to_contain_text(received.task_id)
    row.get_by_label(re.compile("Modèle pour")).select_option("medium")
    row.get_by_role("button", name="Envoyer").click()
    uploads = processing_api.wait_for_uploads(2)
    assert uploads[1].fields["subtitle_model"] == "medium" and uploads[1].sha256 == received.sha256
    expect(watcher.get_by_test_id("task-id")).to_have_text(uploads[1].task_id, timeout=20_000)
    shot(streamer, "04-manual-upload")
    shot(watcher, "05-second-browser-after-manual-upload")

    assert console1.errors == [] and console2.errors == []
    ctx1.close()
    ctx2.close()


def test_the_page_says_when_the_server_is_gone_and_recovers(browser, live_obs, make_server):
    from playwright.sync_api import expect

    server = make_server(obs_env(live_obs))
    server.wait_obs_connected()
    context, page, _ = open_dashboard(browser, server.url)
    server.stop()
    expect(page.get_by_test_id("server-banner")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name="Démarrer l'enregistrement")).to_be_disabled()
    shot(page, "06-server-unreachable")
    server.start()
    expect(page.get_by_test_id("server-banner")).to_be_hidden(timeout=45_000)
    expect(page.get_by_test_id("obs-connection")).to_have_attribute("data-state", "connected", timeout=30_000)
    expect(page.get_by_role("button", name="Démarrer l'enregistrement")).to_be_enabled()
    context.close()


def test_the_page_asks_for_the_token_once(browser, live_obs, make_server):
    from playwright.sync_api import expect

    server = make_server({**obs_env(live_obs), "STREAMAI_API_TOKEN": "studio-secret"})
    server.wait_obs_connected()
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(server.url)
    token = page.get_by_label("Jeton d'accès")
    expect(token).to_be_visible()
    shot(page, "07-token-prompt", full_page=False)  # the dialog covers the viewport
    token.fill("wrong")
    token.press("Enter")
    expect(page.get_by_text("Jeton refusé", exact=False)).to_be_visible()
    token.fill("studio-secret")
    token.press("Enter")
    expect(token).to_be_hidden()
    expect(page.get_by_test_id("obs-connection")).to_have_attribute("data-state", "connected")
    expect(page.get_by_test_id("socket-connection")).to_have_attribute("data-state", "connected")
    page.get_by_role("button", name="Démarrer l'enregistrement").click()
    expect(page.get_by_test_id("timecode")).to_have_text(re.compile(r"00:00:0[1-9]"), timeout=15_000)
    page.get_by_role("button", name="Arrêter l'enregistrement").click()
    expect(page.get_by_role("button", name="Démarrer l'enregistrement")).to_be_enabled(timeout=20_000)
    page.reload()
    page.get_by_role("heading", name="Enregistrement Intégré").wait_for()
    expect(page.get_by_label("Jeton d'accès")).to_have_count(0)
    expect(page.get_by_test_id("recording-row")).to_have_count(1)
    context.close()


def test_a_viewer_sees_everything_live_but_cannot_control(browser, live_obs, processing_api, make_server):
    from playwright.sync_api import expect

    operator, viewer = "studio-operator-secret", "studio-viewer-secret"
    server = make_server(
        {
            **obs_env(live_obs),
            "VULTR_API_URL": processing_api.url,
            "STREAMAI_API_TOKEN": operator,
            "STREAMAI_VIEWER_TOKEN": viewer,
        }
    )
    server.wait_obs_connected()
    as_operator = {"Authorization": f"Bearer {operator}"}
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    console = Console(page)
    response = page.goto(server.url)
    # The page runs under the server's strict policy (no inline script, same-origin connections only).
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy

    token = page.get_by_label("Jeton d'accès")
    token.fill(viewer)
    token.press("Enter")
    expect(token).to_be_hidden()
    expect(page.get_by_test_id("obs-connection")).to_have_attribute("data-state", "connected")
    expect(page.get_by_test_id("socket-connection")).to_have_attribute("data-state", "connected")
    read_only = "Lecture seule : ce jeton permet de suivre l'enregistrement, pas de le piloter."
    expect(page.get_by_text(read_only).first).to_be_visible()
    start = page.get_by_role("button", name="Démarrer l'enregistrement")
    stop = page.get_by_role("button", name="Arrêter l'enregistrement")
    expect(start).to_be_disabled()
    expect(stop).to_be_disabled()
    expect(start).to_have_accessible_description(read_only)

    # The viewer's token cannot start anything, even without the page; the operator's can.
    refused = server.post("/api/integrated/recording/start", json={}, headers={"Authorization": f"Bearer {viewer}"})
    assert refused.status_code == 403 and refused.json()["role"] == "viewer"
    started = server.post(
        "/api/integrated/recording/start",
        headers=as_operator,
        json={"sessionName": "Direct vu par le lecteur", "autoUpload": False},
    )
    assert started.status_code == 200, started.text
    session = started.json()["session_name"]

    # The viewer's page follows it live: the session, who started it, the timecode moving.
    expect(page.get_by_test_id("recording-session")).to_have_text(session, timeout=15_000)
    expect(page.get_by_test_id("started-by")).to_have_text("API")
    timecode = page.get_by_test_id("timecode")
    expect(timecode).to_have_text(re.compile(r"00:00:0[1-9]"), timeout=15_000)
    expect(timecode).not_to_have_text(timecode.inner_text())  # it moves on
    expect(stop).to_be_disabled()
    expect(start).to_be_disabled()
    shot(page, "08-viewer")

    stopped = server.post("/api/integrated/recording/stop", json={}, headers=as_operator)
    assert stopped.status_code == 200, stopped.text
    expect(page.get_by_test_id("recording-state")).to_have_text("Prêt", timeout=20_000)
    expect(timecode).to_have_text("00:00:00")
    expect(page.get_by_role("log")).to_contain_text(f"Enregistrement arrêté : {session}")
    row = page.get_by_test_id("recording-row").filter(has_text=session)
    expect(row).to_be_visible()
    send = row.get_by_role("button", name="Envoyer")
    expect(send).to_be_disabled()
    expect(send).to_have_accessible_description(read_only)
    shot(page, "09-viewer-after-stop")

    # « Changer de jeton » to the operator's token: the same page may now act.
    page.get_by_role("button", name="Changer de jeton").click()
    token.fill(operator)
    token.press("Enter")
    expect(token).to_be_hidden()
    expect(start).to_be_enabled(timeout=15_000)
    expect(send).to_be_enabled()
    expect(page.get_by_text(read_only)).to_have_count(0)
    expect(page.get_by_test_id("socket-connection")).to_have_attribute("data-state", "connected")
    shot(page, "10-operator-after-switch")

    assert console.errors == []
    context.close()


def test_the_whole_timeline_in_the_browser(browser, live_obs, processing_api, make_server, tmp_path):
    from playwright.sync_api import expect

    processing_api.serve_results(
        {
            "subtitles": ("text/vtt", VTT),
            "thumbnail": ("image/jpeg", make_jpeg(tmp_path / "processed.jpg")),
            "video": ("video/webm", make_video(tmp_path / "processed.webm")),
        }
    )
    processing_api.script_statuses("processing", "completed")
    server = make_server({**obs_env(live_obs), "VULTR_API_URL": processing_api.url})
    server.wait_obs_connected()
    context, page, console = open_small(browser, server.url)
    expect(page.get_by_test_id("obs-connection")).to_have_attribute("data-state", "connected")
    expect(page.get_by_test_id("obs-guide")).to_have_count(0)

    page.get_by_label("Nom de session (optionnel)").fill("Chronologie complète")
    page.get_by_role("button", name="Démarrer l'enregistrement").click()
    timecode = page.get_by_test_id("timecode")
    state = page.get_by_test_id("recording-state")
    pause = page.get_by_test_id("pause-resume")
    expect(timecode).to_have_text(re.compile(r"00:00:0[1-9]"), timeout=15_000)

    # Pause, and stay paused until the page has counted a second of it (OBS's timecode stands still).
    expect(pause).to_have_text("Pause")
    pause.click()
    expect(pause).to_have_text("Reprendre")
    expect(state).to_have_text(re.compile(r"^En pause — 00:00:0[1-9]$"), timeout=10_000)
    expect(page.get_by_test_id("paused-total")).to_have_text(re.compile(r"^00:00:0[1-9]$"))
    expect(page.get_by_role("log")).to_contain_text("Enregistrement en pause : Chronologie_complète")
    pause.click()
    expect(state).to_have_text("Enregistrement en cours")
    expect(pause).to_have_text("Pause")

    # Two markers once the recording runs again: one by the button with a label, one by the M key.
    resumed_at = timecode.inner_text()
    expect(timecode).not_to_have_text(resumed_at, timeout=10_000)
    marker = page.get_by_role("button", name=re.compile("^Marqueur"))
    expect(marker).to_have_attribute("aria-keyshortcuts", "M")
    page.get_by_label("Libellé du marqueur (optionnel)").fill("But !")
    marker.click()
    markers = page.get_by_test_id("marker")
    expect(markers).to_have_count(1)
    expect(markers.first).to_contain_text("But !")
    expect(page.get_by_label("Libellé du marqueur (optionnel)")).to_have_value("")
    first_at = timecode.inner_text()
    expect(timecode).not_to_have_text(first_at, timeout=10_000)
    page.get_by_role("heading", name="Enregistrement Intégré").click()  # focus out of the text field
    page.keyboard.press("m")
    expect(markers).to_have_count(2)
    expect(page.get_by_role("log")).to_contain_text("Marqueur à 00:00:0")
    live = page.get_by_test_id("live-timeline")
    expect(live.get_by_test_id("timeline-pause")).to_have_count(1)
    expect(live.get_by_test_id("timeline-marker")).to_have_count(2)
    page.mouse.move(0, 0)
    shot_of(page, live, "11-recording-markers-pause", block="end")

    page.get_by_role("button", name="Arrêter l'enregistrement").click()
    expect(page.get_by_role("button", name="Démarrer l'enregistrement")).to_be_enabled(timeout=20_000)

    # The session's picture: one pause gap, two marker ticks (label and timecode on hover).
    row = page.get_by_test_id("recording-row").filter(has_text="Chronologie complète")
    timeline = row.get_by_test_id("timeline")
    expect(timeline).to_have_attribute("data-live", "false", timeout=15_000)
    expect(timeline.get_by_test_id("timeline-pause")).to_have_count(1)
    ticks = timeline.get_by_test_id("timeline-marker")
    expect(ticks).to_have_count(2)
    expect(ticks.first).to_have_attribute("aria-label", re.compile(r"^Marqueur 1 — 00:00:0\d — But !$"))
    expect(ticks.nth(1)).to_have_attribute("aria-label", re.compile(r"^Marqueur 2 — 00:00:\d\d$"))
    expect(timeline.get_by_test_id("timeline-summary")).to_contain_text("1 pause")
    expect(timeline.get_by_test_id("timeline-summary")).to_contain_text("2 marqueurs")

    # Upload and processing, live, to the end; then what processing gave back.
    upload = timeline.get_by_test_id("timeline-upload")
    expect(upload).to_have_attribute("data-outcome", "completed", timeout=60_000)
    expect(upload).to_contain_text(re.compile(r"En file .* → Envoi .* → Traitement .* → Terminé"))
    expect(row.get_by_test_id("recording-thumbnail")).to_be_visible(timeout=30_000)
    processed = row.get_by_test_id("result-thumbnail")
    expect(processed).to_be_visible(timeout=60_000)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=processed.element_handle())
    cues = row.get_by_test_id("subtitle-cue")
    expect(cues.first).to_contain_text("Bonjour et bienvenue")
    expect(cues.nth(1)).to_contain_text("Premier marqueur")
    expect(page.get_by_role("log")).to_contain_text("Résultats prêts pour Chronologie_complète")

    # A tick's tooltip on hover, once the row above it has stopped growing (upload state, Task ID):
    # hovered earlier, the tick could move from under the pointer.
    ticks.first.hover()
    expect(ticks.first.get_by_role("tooltip")).to_be_visible()
    expect(ticks.first.get_by_role("tooltip")).to_contain_text("But !")

    # The processed video plays (served with HTTP Range).
    video = row.get_by_test_id("result-video").element_handle()
    page.wait_for_function("v => v.readyState >= 2", arg=video, timeout=30_000)
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("v => !v.paused && v.currentTime > 0.3", arg=video, timeout=15_000)
    video.evaluate("v => { v.pause(); v.currentTime = 0; }")
    page.wait_for_function("v => v.readyState >= 2 && !v.seeking", arg=video, timeout=15_000)
    page.mouse.move(0, 0)
    shot_of(page, row, "12-session-timeline-results")

    assert console.errors == []
    context.close()


def test_first_run_explains_how_to_connect_obs(browser, live_obs, make_server):
    from playwright.sync_api import expect

    live_obs.stop_obs()  # OBS not started yet: the server waits for it
    try:
        server = make_server(obs_env(live_obs))
        context, page, console = open_small(browser, server.url)
        guide = page.get_by_test_id("obs-guide")
        expect(guide).to_be_visible()
        expect(guide).to_contain_text("Outils → Paramètres du serveur WebSocket")
        expect(guide).to_contain_text("OBS_PASSWORD")
        expect(guide.get_by_test_id("obs-error")).to_be_visible()
        expect(page.get_by_test_id("recording-state")).to_have_text("OBS non connecté")
        expect(page.get_by_role("button", name="Démarrer l'enregistrement")).to_be_disabled()
        page.mouse.move(0, 0)
        shot(page, "13-first-run", full_page=False)
    finally:
        live_obs.start()
    # OBS comes up: the server connects by itself, and the page drops the guidance.
    expect(page.get_by_test_id("obs-connection")).to_have_attribute("data-state", "connected", timeout=60_000)
    expect(guide).to_have_count(0)
    expect(page.get_by_test_id("recording-state")).to_have_text("Prêt")
    expect(page.get_by_role("button", name="Démarrer l'enregistrement")).to_be_enabled()
    assert console.errors == []
    context.close()
