"""The one place a JSON request body is read: media type, encoding and shape, before any field.

Litestar decodes a body only for handlers that take JSON ``data``, through
``Request.json()``; this request class wraps that call, so every JSON endpoint — the public
ones included — answers 415 to another media type and 400 to a body that is not UTF-8 or
nests deeper than any of our documents (decoding such a body used to end in a 500:
``RecursionError`` or ``UnicodeDecodeError``). Form and multipart bodies are read elsewhere
by Litestar and never come here.
"""

from __future__ import annotations

from typing import Any

from litestar.plugins.htmx import HTMXRequest

from api.errors import BadRequest, UnsupportedMediaType
from domain.messages import N_

# The deepest body the API accepts (a criteria framework is about eight levels deep).
MAX_JSON_DEPTH = 32


class JsonCheckedRequest(HTMXRequest):
    """Also an ``HTMXRequest``: the pages read ``request.htmx`` from the same app."""

    async def json(self) -> Any:
        if not _is_json(self.headers.get("content-type", "")):
            raise UnsupportedMediaType(
                N_("Send this body as JSON, with Content-Type: application/json."),
                field="Content-Type",
            )
        try:
            value = await super().json()
        except UnicodeDecodeError:
            raise BadRequest(
                N_("The body is not valid UTF-8 text."),
                field="body",
            ) from None
        except RecursionError:
            value = None  # nested beyond what the decoder can follow: certainly too deep
        else:
            if not _nests_too_deep(value):
                return value
        raise BadRequest(
            N_("The body nests deeper than {max_json_depth} levels."),
            field="body",
            max_json_depth=MAX_JSON_DEPTH,
        )


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def _nests_too_deep(value: Any) -> bool:
    """Iterative (a recursive walk would fail the way the decoder did)."""
    if not isinstance(value, dict | list):
        return False
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        children = current.values() if isinstance(current, dict) else current
        if depth > MAX_JSON_DEPTH:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False
