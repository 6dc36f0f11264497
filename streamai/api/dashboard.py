"""Serves the built React dashboard at `/`, so one port gives the whole product."""

from flask import Blueprint, current_app, send_from_directory
from werkzeug.routing import PathConverter

bp = Blueprint("dashboard", __name__)


class PagePath(PathConverter):
    """Any path outside /api/, so unknown API routes keep their JSON 404 and 405 answers."""

    regex = r"(?!api(?:/|$))[^/].*?"


@bp.record_once
def _register_converter(state) -> None:
    state.app.url_map.converters.setdefault("page", PagePath)


NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>StreamAI</title>
<p>The dashboard is not built yet. Run <code>npm --prefix frontend ci &amp;&amp; npm --prefix frontend run build</code>
(the README's run command does it for you), then reload. The API is up at <code>/api/health</code>.</p>"""


@bp.get("/")
@bp.get("/<page:path>")
def page(path: str = ""):
    dist = current_app.config["STREAMAI_SETTINGS"].frontend_dist
    if not (dist / "index.html").is_file():
        return NOT_BUILT, 503
    if path and (dist / path).is_file():
        return send_from_directory(dist, path, max_age=31536000 if path.startswith("assets/") else 0)
    return send_from_directory(dist, "index.html", max_age=0)  # client-side routes
