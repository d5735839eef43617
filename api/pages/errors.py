"""Errors on pages are pages: a 403, 404 or 409 is HTML in the visitor's language, never JSON.

The JSON API keeps its problem+json (``api/errors.py``); :func:`exception_handlers` wraps
each of its handlers so a request for a page gets the page instead. A visitor who is not
signed in and opens a staff page is sent to the sign-in page, then back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import structlog
from litestar import Request, Response
from litestar.exceptions import HTTPException, NotAuthorizedException, PermissionDeniedException
from litestar.response import Redirect
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_500_INTERNAL_SERVER_ERROR,
)

from api.auth import PAGE_PATHS
from api.pages.i18n import language_of
from api.pages.rendering import message_of, page
from api.pages.session import EXPIRED_FLAG
from domain.errors import DomainError

log = structlog.get_logger("nqs.pages")
_PAGE = re.compile(PAGE_PATHS)
Handler = Callable[[Request[Any, Any, Any], Exception], Response[Any]]

CSRF_FAILED = "CSRF token verification failed"


def is_page(request: Request[Any, Any, Any]) -> bool:
    return bool(_PAGE.match(request.url.path))


def exception_handlers(api_handlers: dict[type[Exception], Handler]) -> dict[type[Exception], Any]:
    """The API's handlers, each answering page requests with an HTML page instead."""

    def wrap(api_handler: Handler) -> Handler:
        def handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
            if not is_page(request):
                return api_handler(request, exc)
            try:
                return page_error(request, exc, api_handler)
            except Exception as render_error:  # never let an error page hide the first error
                log.error("error_page_failed", error_type=type(render_error).__name__)
                return api_handler(request, exc)

        return handler

    return {cls: wrap(h) for cls, h in api_handlers.items()}


def page_error(
    request: Request[Any, Any, Any], exc: Exception, api_handler: Handler
) -> Response[Any]:
    user = request.scope.get("user")
    if isinstance(exc, PermissionDeniedException | NotAuthorizedException) and (
        str(exc.detail) != CSRF_FAILED
    ):
        if user is None:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            expired = "&expired=1" if request.scope.get("state", {}).get(EXPIRED_FLAG) else ""
            return Redirect(
                f"/sign-in?next={quote(target, safe='/')}{expired}", status_code=HTTP_303_SEE_OTHER
            )
        return page(request, "errors/403.html", HTTP_403_FORBIDDEN)
    if isinstance(exc, PermissionDeniedException):  # the form's CSRF token was missing or stale
        return page(request, "errors/csrf.html", HTTP_403_FORBIDDEN)
    if isinstance(exc, DomainError):
        # The API decides the status; the page shows the rule's own message.
        status = api_handler(request, exc).status_code
        template = "errors/404.html" if status == HTTP_404_NOT_FOUND else "errors/problem.html"
        return page(request, template, status or 422, message=message_of(exc, language_of(request)))
    if isinstance(exc, HTTPException) and exc.status_code < HTTP_500_INTERNAL_SERVER_ERROR:
        template = (
            "errors/404.html" if exc.status_code == HTTP_404_NOT_FOUND else "errors/problem.html"
        )
        return page(request, template, exc.status_code, message=None)
    api_handler(request, exc)  # logs the trace with the correlation id
    correlation_id = request.scope.get("state", {}).get("correlation_id")
    return page(
        request, "errors/500.html", HTTP_500_INTERNAL_SERVER_ERROR, correlation_id=correlation_id
    )
