"""`python -m streamai.openapi [FILE]`: write the OpenAPI document the server serves at /api/openapi.json.

The dashboard's types are generated from this file (frontend/src/types/openapi.json), and CI fails
when it is stale, so the server's contract and the dashboard's types cannot drift apart.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any


def document() -> dict[str, Any]:
    from .app import create_app
    from .config import load_settings

    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="streamai-openapi-") as folder:
        settings = load_settings({"RECORDINGS_PATH": folder}, dotenv=False)
        app = create_app(settings, start_background=False)
        return app.api_doc


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = json.dumps(document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
