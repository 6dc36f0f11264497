"""Who may do what, from where: trusted hosts, origins, JSON-only bodies, roles, safe headers.

- A request whose `Host` is not trusted is refused (400) before anything else runs, Socket.IO
  included: a page on a rebound DNS name cannot read the API nor open the websocket.
- A state-changing request that carries an `Origin` must carry an allowed one (403), and a body
  must be JSON (415): a cross-site form or `fetch(…, {mode: "no-cors"})` can do neither. The
  guide's `curl -X POST …/recording/stop` (no body, no Origin) keeps working.
- Two roles: the operator token (`STREAMAI_API_TOKEN`) may do everything; the viewer token
  (`STREAMAI_VIEWER_TOKEN`) may read everything and join the room, and nothing else (403).
  With no token configured, everyone is an operator (the one-machine default).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import re
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from flask import Flask, request
from werkzeug.exceptions import BadRequest
from werkzeug.sansio.utils import host_is_trusted

from ..config import Settings
from ..contract.vocabulary import Role
from .strict_json import describe_refusal

OPEN_PATHS = ("/api/health", "/api/openapi.json", "/api/docs")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
OPERATOR: Role = "operator"
VIEWER: Role = "viewer"
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


# -- hosts -------------------------------------------------------------------------------------


def trusted_hosts(settings: Settings) -> tuple[str, ...]:
    """The loopback names (no DNS rebinding can take them), plus STREAMAI_TRUSTED_HOSTS or else the
    bind address."""
    bind = settings.host.strip("[]")
    extra = settings.trusted_hosts or (() if bind in ("0.0.0.0", "::", "") else (bind,))
    return tuple(dict.fromkeys(LOCAL_NAMES + tuple(extra)))


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class TrustedHostsMiddleware:
    """Outermost WSGI layer: a request for an unknown `Host` gets 400, whatever it was for."""

    def __init__(self, app: Callable, hosts: Iterable[str]):
        self.app = app
        self.hosts = [h.strip("[]") if h.count(":") > 1 else h for h in hosts]
        self.any_host = "*" in self.hosts

    def __call__(self, environ: dict[str, Any], start_response: Callable):
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        if self.any_host or self._trusted(host):
            return self.app(environ, start_response)
        body = json.dumps(
            {
                "error": f"this server does not answer to the host name {host[:100]!r}; "
                "add it to STREAMAI_TRUSTED_HOSTS if it is yours"
            }
        ).encode()
        start_response(
            "400 Bad Request",
            [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *SECURITY_HEADERS.items()],
        )
        return [body]

    def _trusted(self, host: str) -> bool:
        if host.startswith("["):  # [::1]:5002 -> ::1
            name = host[1 : host.find("]")] if "]" in host else ""
            return name in self.hosts
        return host_is_trusted(host, self.hosts)


# -- origins -----------------------------------------------------------------------------------


def origin_allowed(origin: str | None, host: str, configured: Iterable[str]) -> bool:
    """No Origin (curl, same-origin GET), the page's own origin, or one configured."""
    if origin is None:
        return True
    if origin in configured:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.netloc.lower() == host.lower()


# -- roles -------------------------------------------------------------------------------------


def _matches(expected: str, offered: str | None) -> bool:
    return bool(expected and offered) and hmac.compare_digest(expected.encode(), (offered or "").encode())


def role_for(settings: Settings, token: str | None) -> Role | None:
    """The role a token gives; everyone is an operator when no token is configured; None: refused."""
    if not settings.api_token and not settings.viewer_token:
        return OPERATOR
    if _matches(settings.api_token, token):
        return OPERATOR
    if _matches(settings.viewer_token, token):
        return VIEWER
    return None


MEDIA_PATH = re.compile(r"^/api/integrated/(recordings/[^/]+/(thumbnail|results/[a-z]+)|uploads/\d+/results/[a-z]+)$")
MEDIA_URL_TTL_S = 7 * 24 * 3600


class MediaSigner:
    """Signed URLs for <img>/<video>, which cannot send a bearer token.

    The key is derived from the operator token, so changing that token revokes every URL; an URL
    names one path and lives a week (its expiry is rounded to the hour, so it stays cacheable).
    """

    def __init__(self, settings: Settings):
        secret = settings.api_token.encode()
        self.key = hmac.new(secret, b"streamai media urls v1", hashlib.sha256).digest() if secret else b""

    def _signature(self, path: str, expires: int) -> str:
        return hmac.new(self.key, f"{path}\n{expires}".encode(), hashlib.sha256).hexdigest()

    def url(self, path: str) -> str:
        if not self.key:
            return path
        expires = (int(time.time()) // 3600 + 1) * 3600 + MEDIA_URL_TTL_S
        return f"{path}?expires={expires}&sig={self._signature(unquote(path), expires)}"

    def allows(self, path: str, expires: str | None, signature: str | None) -> bool:
        if not (self.key and expires and signature and expires.isdigit()) or int(expires) < time.time():
            return False
        return hmac.compare_digest(self._signature(path, int(expires)), signature)


def bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def auth_required(settings: Settings) -> bool:
    return bool(settings.api_token or settings.viewer_token)


def init_app(app: Flask, settings: Settings) -> None:
    from .errors import error_response

    app.config["MAX_CONTENT_LENGTH"] = settings.max_body
    signer: MediaSigner = app.extensions["streamai_media_signer"]

    @app.before_request
    def _guard():
        path, method = request.path, request.method
        if method not in SAFE_METHODS:
            origin = request.headers.get("Origin")
            if origin is not None and not origin_allowed(origin, request.host, settings.cors_origins):
                return error_response(
                    403, f"requests from {origin[:100]!r} may not change anything here", origin=origin
                )
            if request.content_length and request.content_length > settings.max_body:
                return error_response(413, f"the body is larger than {settings.max_body} bytes (STREAMAI_MAX_BODY)")
            chunked = bool(request.headers.get("Transfer-Encoding"))
            if request.content_length or chunked:
                if not request.is_json:
                    return error_response(415, "send the body as JSON with Content-Type: application/json")
                # A chunked body has no length to check up front: it is read up to the limit.
                if chunked and len(request.get_data(cache=True)) >= settings.max_body:
                    return error_response(413, f"the body is larger than {settings.max_body} bytes (STREAMAI_MAX_BODY)")
                try:
                    request.get_json()  # parsed once, strictly (strict_json.py); routes get the cached value
                except BadRequest as exc:
                    return error_response(400, describe_refusal(exc))
        if not path.startswith("/api/") or path.startswith(OPEN_PATHS) or method == "OPTIONS":
            return None
        role = role_for(settings, bearer_token())
        if (
            role is None
            and method == "GET"
            and MEDIA_PATH.match(path)
            and signer.allows(path, request.args.get("expires"), request.args.get("sig"))
        ):
            return None  # a signed media URL: read-only, one file
        if role is None:
            return error_response(
                401, "this server needs a token: send Authorization: Bearer <token>", auth_required=True
            )
        if role == VIEWER and method not in SAFE_METHODS:
            return error_response(
                403, "this needs the operator role; your token has the viewer role", required_role=OPERATOR, role=VIEWER
            )
        return None

    @app.after_request
    def _headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
