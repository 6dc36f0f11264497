"""Rigs files (STREAMAI_RIGS) for tests: several OBS, real or fake, behind one StreamAI."""

from __future__ import annotations

import json
from pathlib import Path


def rigs_file(tmp_path: Path, **rigs: dict) -> Path:
    """A rigs.toml: rig id -> its keys."""
    lines = []
    for rig_id, keys in rigs.items():
        lines.append(f"[rigs.{rig_id}]")
        lines += [
            f"{key} = {json.dumps(value) if not isinstance(value, dict) else _table(value)}"
            for key, value in keys.items()
        ]
    path = tmp_path / "rigs.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _table(mapping: dict) -> str:
    return "{ " + ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in mapping.items()) + " }"


def rig(obs, label: str, **extra) -> dict:
    """A rig's keys for the OBS `obs` on this machine (a real OBS or a FakeObs)."""
    return {"label": label, "host": "127.0.0.1", "port": obs.port, "password": obs.password, **extra}
