"""A real OBS Studio, headless under its own Xvfb, with the websocket on a free port and a password.

Only the processes started here are ever stopped, by their pid. OBS gets a fresh HOME with a
small profile (320x240, x264, mkv) so recordings are real and cheap. Its one call home (the
rtmp-services list) is sent to a closed loopback proxy so nothing leaves the machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import obsws_python

GLOBAL_INI = """[General]
FirstRun=true
EnableAutoUpdates=false
[Basic]
Profile=StreamAI
ProfileDir=StreamAI
SceneCollection=StreamAI
SceneCollectionFile=StreamAI
ConfigOnNewProfile=false
[OBSWebSocket]
FirstLoad=false
ServerEnabled=true
ServerPort={port}
AuthRequired={auth}
ServerPassword={password}
AlertsEnabled=false
"""

PROFILE_INI = """[General]
Name=StreamAI
[Output]
Mode=Simple
[SimpleOutput]
FilePath={record_dir}
RecFormat=mkv
RecQuality=Small
RecEncoder=x264
VBitrate=400
ABitrate=64
[Video]
BaseCX=320
BaseCY=240
OutputCX=320
OutputCY=240
FPSType=0
FPSCommon=30
"""

# OBS 29 splits files only in Advanced output mode ([AdvOut] RecSplitFile; Simple mode has no
# splitting). RecSplitFileTime is in whole minutes and RecSplitFileSize in MB: UI/window-basic-main-
# outputs.cpp (AdvancedOutput::StartRecording) turns them into the muxer's max_time_sec/max_size_mb.
# The recording has its own encoder (recordEncoder.json): with RecEncoder=none ("same as stream")
# OBS cannot pause, and PauseRecord answers 100 but does nothing.
ADVANCED_PROFILE_INI = """[General]
Name=StreamAI
[Output]
Mode=Advanced
[AdvOut]
RecType=Standard
RecFilePath={record_dir}
RecFormat=mkv
RecEncoder=obs_x264
RecTracks=1
Track1Bitrate=64
RecSplitFile=true
RecSplitFileType={split_type}
RecSplitFileTime={split_minutes}
RecSplitFileSize={split_mb}
[Video]
BaseCX=320
BaseCY=240
OutputCX=320
OutputCY=240
FPSType=0
FPSCommon=30
"""
RECORD_ENCODER_JSON = '{{"rate_control": "CBR", "bitrate": {bitrate}, "preset": "veryfast", "keyint_sec": 1}}'

# A scene with a moving test pattern would need a media file; a colour source is enough to
# make frames, and the encoder produces a real, playable mkv either way.


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def available() -> str | None:
    """Why OBS cannot run here, or None when it can."""
    missing = [tool for tool in ("obs", "Xvfb", "ffprobe") if shutil.which(tool) is None]
    return f"missing {', '.join(missing)} (apt-get install obs-studio xvfb ffmpeg)" if missing else None


def _stop(proc: subprocess.Popen | None, grace_s: float = 10) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


class ObsStudio:
    """One OBS. `split_every_s` (whole minutes: OBS 29 counts in minutes) or `split_every_mb` turn on
    OBS's automatic file splitting, which needs the Advanced output mode; by default the profile is
    the Simple mode, without splitting."""

    def __init__(
        self,
        workdir: Path | None = None,
        password: str = "obs-test-password",
        port: int | None = None,
        *,
        split_every_s: int | None = None,
        split_every_mb: int | None = None,
        bitrate_kbps: int = 400,
    ):
        if split_every_s is not None and (split_every_s < 60 or split_every_s % 60):
            raise ValueError("OBS 29 splits by time in whole minutes: split_every_s must be 60, 120, ...")
        if split_every_s and split_every_mb:
            raise ValueError("OBS splits either by time or by size, not both")
        self.split_every_s = split_every_s
        self.split_every_mb = split_every_mb
        self.bitrate_kbps = bitrate_kbps  # of the split profile: a higher one splits by size sooner
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="streamai-obs-"))
        self.home = self.workdir / "home"
        self.record_dir = self.workdir / "obs-output"
        self.password = password
        self.port = port or free_port()
        self.xvfb: subprocess.Popen | None = None
        self.obs: subprocess.Popen | None = None
        self.display: str | None = None
        self.log_path = self.workdir / "obs.log"

    def _configure(self) -> None:
        config = self.home / ".config" / "obs-studio"
        profile = config / "basic" / "profiles" / "StreamAI"
        profile.mkdir(parents=True, exist_ok=True)
        self.record_dir.mkdir(parents=True, exist_ok=True)
        auth = "true" if self.password else "false"
        (config / "global.ini").write_text(GLOBAL_INI.format(port=self.port, auth=auth, password=self.password))
        if self.split_every_s or self.split_every_mb:
            ini = ADVANCED_PROFILE_INI.format(
                record_dir=self.record_dir,
                split_type="Time" if self.split_every_s else "Size",
                split_minutes=(self.split_every_s or 0) // 60 or 15,
                split_mb=self.split_every_mb or 2048,
            )
            (profile / "recordEncoder.json").write_text(RECORD_ENCODER_JSON.format(bitrate=self.bitrate_kbps))
        else:
            ini = PROFILE_INI.format(record_dir=self.record_dir)
        (profile / "basic.ini").write_text(ini)

    def _start_xvfb(self) -> None:
        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def start(self, timeout_s: float = 60) -> ObsStudio:
        self._configure()
        if self.xvfb is None or self.xvfb.poll() is not None:
            self._start_xvfb()
        env = {
            **os.environ,
            "HOME": str(self.home),
            "DISPLAY": self.display,
            "LIBGL_ALWAYS_SOFTWARE": "1",
            "QT_QPA_PLATFORM": "xcb",
            # OBS fetches a services list at start-up: point it at a closed local port instead.
            "http_proxy": "http://127.0.0.1:9",
            "https_proxy": "http://127.0.0.1:9",
            "HTTP_PROXY": "http://127.0.0.1:9",
            "HTTPS_PROXY": "http://127.0.0.1:9",
            "ALL_PROXY": "http://127.0.0.1:9",
            "no_proxy": "",
            "NO_PROXY": "",
        }
        log = open(self.log_path, "ab")
        self.obs = subprocess.Popen(
            ["obs", "--multi", "--disable-shutdown-check", "--minimize-to-tray", "--disable-missing-files-check"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
        )
        log.close()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.obs.poll() is not None:
                raise RuntimeError(f"OBS exited with {self.obs.returncode}; see {self.log_path}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"OBS did not open port {self.port} in {timeout_s}s; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL OBS (a crash), keeping Xvfb for a restart."""
        if self.obs and self.obs.poll() is None:
            self.obs.kill()
            self.obs.wait(10)

    def stop_obs(self) -> None:
        _stop(self.obs)

    def restart(self) -> ObsStudio:
        self.stop_obs()
        return self.start()

    def close(self) -> None:
        _stop(self.obs)
        _stop(self.xvfb)
        self.obs = self.xvfb = None

    def window(self) -> obsws_python.ReqClient:
        """Another obs-websocket client: what a user does in the OBS window (use it in a `with`)."""
        return obsws_python.ReqClient(host="127.0.0.1", port=self.port, password=self.password, timeout=5)

    def stop_recording(self, timeout_s: float = 30) -> None:
        """Stop from the OBS window and return once OBS has written the file: StopRecord answers
        before that, RecordStateChanged(STOPPED) comes after."""
        stopped = threading.Event()

        def on_record_state_changed(data) -> None:
            if data.output_state == "OBS_WEBSOCKET_OUTPUT_STOPPED":
                stopped.set()

        with obsws_python.EventClient(
            host="127.0.0.1", port=self.port, password=self.password, subs=obsws_python.Subs.OUTPUTS
        ) as events:
            events.callback.register(on_record_state_changed)
            with self.window() as client:
                client.stop_record()
            if not stopped.wait(timeout_s):
                raise RuntimeError(f"OBS did not finish its recording in {timeout_s}s; see {self.log_path}")

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
