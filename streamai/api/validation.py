"""Reading request input: types are checked here so the service only sees clean values."""

from __future__ import annotations

import json
from typing import Any

from flask import request

from ..config import SUBTITLE_MODELS
from ..exceptions import InvalidInput, UnsupportedMediaType

MAX_PRIORITY = 10
MAX_METADATA_BYTES = 16 * 1024


def json_body() -> dict[str, Any]:
    """The request's JSON object; an empty body counts as `{}` so `curl -X POST` just works."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        return {}
    if not request.is_json:
        raise UnsupportedMediaType("send the body as JSON with Content-Type: application/json")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"the body is not valid JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise InvalidInput("the body must be a JSON object")
    return body


def optional_string(body: dict, key: str, max_length: int = 200) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{key} must be a string", field=key)
    if len(value) > max_length:
        raise InvalidInput(f"{key} must be at most {max_length} characters", field=key)
    return value if value.strip() else None


def required_string(body: dict, key: str, max_length: int = 200) -> str:
    value = optional_string(body, key, max_length)
    if value is None:
        raise InvalidInput(f"{key} is required", field=key)
    return value


def optional_bool(body: dict, key: str) -> bool | None:
    value = body.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise InvalidInput(f"{key} must be true or false", field=key)


def subtitle_model(body: dict, key: str = "subtitleModel") -> str | None:
    value = optional_string(body, key, 20)
    if value is not None and value not in SUBTITLE_MODELS:
        raise InvalidInput(f"{key} must be one of {', '.join(SUBTITLE_MODELS)}", field=key)
    return value


def priority(body: dict, key: str = "priority") -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PRIORITY:
        raise InvalidInput(f"{key} must be a whole number from 1 to {MAX_PRIORITY}", field=key)
    return value


def metadata(body: dict, key: str = "metadata") -> dict[str, Any] | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InvalidInput(f"{key} must be a JSON object", field=key)
    if len(json.dumps(value)) > MAX_METADATA_BYTES:
        raise InvalidInput(f"{key} must be at most {MAX_METADATA_BYTES} bytes of JSON", field=key)
    return value


def query_int(name: str, default: int, minimum: int, maximum: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a whole number", field=name) from None
    if not minimum <= value <= maximum:
        raise InvalidInput(f"{name} must be between {minimum} and {maximum}", field=name)
    return value
