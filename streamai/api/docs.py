"""The contract, machine-readable at `/api/openapi.json` and browsable at `/api/docs`.

The page is Swagger UI from the flask-openapi3-swagger package, served from this server (no CDN:
it works offline and under our Content-Security-Policy, which allows no inline script).
"""

from __future__ import annotations

from pathlib import Path

import flask_openapi3_swagger
from flask import Blueprint, Response, current_app, jsonify

ASSETS = Path(flask_openapi3_swagger.__file__).parent / "templates" / "swagger"

bp = Blueprint("docs", __name__, static_folder=str(ASSETS), static_url_path="/api/docs/assets")

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>StreamAI API</title>
<link rel="stylesheet" href="/api/docs/assets/css/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/js/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script></body></html>
"""

START = """window.ui = SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis], showExtensions: true});
"""


@bp.get("/api/openapi.json")
def openapi_document():
    """The OpenAPI 3.1 document of every route, and (`x-socketio`) of every Socket.IO event."""
    return jsonify(current_app.api_doc)  # type: ignore[attr-defined]  # the app is flask-openapi3's


@bp.get("/api/docs")
def page():
    return Response(PAGE, mimetype="text/html")


@bp.get("/api/docs/start.js")
def start_script():
    return Response(START, mimetype="text/javascript")
