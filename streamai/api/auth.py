"""Optional bearer token (STREAMAI_API_TOKEN) for HTTP and Socket.IO."""

from __future__ import annotations

import hmac

from flask import Flask, request

from .errors import error_response

OPEN_PATHS = {"/api/health"}


def token_matches(expected: str, offered: str | None) -> bool:
    return bool(offered) and hmac.compare_digest(expected.encode(), offered.encode())


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def init_app(app: Flask, token: str) -> None:
    if not token:
        return

    @app.before_request
    def _require_token():
        if not request.path.startswith("/api/") or request.path in OPEN_PATHS or request.method == "OPTIONS":
            return None
        if token_matches(token, bearer_token()):
            return None
        return error_response(401, "this server needs a token: send Authorization: Bearer <STREAMAI_API_TOKEN>",
                              auth_required=True)
