"""JSON as the API reads and writes it: no NaN/Infinity, no lone surrogates, no endless nesting.

Python's json accepts `NaN` and `Infinity`; stored, they would make every later answer invalid
JSON for browsers. Lone surrogates cannot be written to disk or SQLite as UTF-8. Deep nesting
exhausts recursion later, far from the request. All three are refused where the body is read.
"""

from __future__ import annotations

import json
import math
from typing import Any

from flask.json.provider import DefaultJSONProvider

MAX_DEPTH = 32


class RefusedJSON(ValueError):
    """Valid JSON that StreamAI will not store (its message is a whole sentence)."""


class StrictJSONProvider(DefaultJSONProvider):
    ensure_ascii = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            data = json.loads(s, parse_constant=_refuse_constant)
        except RecursionError:
            raise RefusedJSON(f"the body nests deeper than {MAX_DEPTH} levels") from None
        check(data)
        return data

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", self.ensure_ascii)
        kwargs.setdefault("default", self.default)
        try:
            return json.dumps(obj, allow_nan=False, **kwargs)
        except ValueError:  # a non-finite number got in after all: null, never invalid JSON
            return json.dumps(finite(obj), allow_nan=False, **kwargs)


def check(value: Any, depth: int = 0) -> None:
    """Refuse what must never be stored (ValueError, with a sentence)."""
    if depth > MAX_DEPTH:
        raise RefusedJSON(f"the body nests deeper than {MAX_DEPTH} levels")
    if isinstance(value, str):
        _check_text(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            check(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check(item, depth + 1)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise RefusedJSON("the body holds a lone surrogate (\\ud800-\\udfff): it is not valid Unicode text") from None


def describe_refusal(exc: BaseException) -> str:
    """A sentence from the ValueError under Flask's generic "Failed to decode JSON object"."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, RefusedJSON):
            return str(seen)
        if isinstance(seen, ValueError):
            return f"the body is not valid JSON: {seen}"
        seen = seen.__cause__ or seen.__context__
    return "the body is not valid JSON"


def finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a valid JSON number")
