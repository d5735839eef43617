"""One place that turns every error into RFC 9457 problem+json.

Domain errors keep their stable ``code`` (the problem ``type``); their title and message
are msgids, said here in English and Arabic through the catalogues (``registry/i18n.py``),
so each problem carries ``title``/``title_ar``, ``detail``/``detail_ar`` and each field's
``message``/``message_ar``; framework errors (bad JSON, wrong types, unknown fields, oversized
bodies, auth) get the same shape; anything unexpected is a 500 without a trace.
"""

from __future__ import annotations

import re
from typing import Any

import structlog
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    PermissionDeniedException,
    ValidationException,
)
from litestar.status_codes import (
    HTTP_400_BAD_REQUEST,
    HTTP_401_UNAUTHORIZED,
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_405_METHOD_NOT_ALLOWED,
    HTTP_409_CONFLICT,
    HTTP_412_PRECONDITION_FAILED,
    HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    HTTP_415_UNSUPPORTED_MEDIA_TYPE,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_428_PRECONDITION_REQUIRED,
    HTTP_429_TOO_MANY_REQUESTS,
    HTTP_500_INTERNAL_SERVER_ERROR,
    HTTP_503_SERVICE_UNAVAILABLE,
)

from domain.errors import (
    AlreadyExists,
    DomainError,
    FieldProblem,
    Forbidden,
    IdempotencyMismatch,
    InvalidInput,
    InvalidTransition,
    NotFound,
    VersionConflict,
)
from domain.messages import N_, Message, Readable
from domain.text import CONTROL_CHARACTERS, Text
from registry.availability import RETRY_AFTER_SECONDS, UNAVAILABLE
from registry.i18n import message, say
from registry.sign_in_throttle import SignInThrottled

log = structlog.get_logger("nqs.api")

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://nqs.saso.gov.sa/problems/"

_STATUS: list[tuple[type[DomainError], int]] = [
    (VersionConflict, HTTP_412_PRECONDITION_FAILED),
    (NotFound, HTTP_404_NOT_FOUND),
    (Forbidden, HTTP_403_FORBIDDEN),
    (AlreadyExists, HTTP_409_CONFLICT),
    (IdempotencyMismatch, HTTP_422_UNPROCESSABLE_ENTITY),
    (InvalidTransition, HTTP_409_CONFLICT),
    (InvalidInput, HTTP_422_UNPROCESSABLE_ENTITY),
    (DomainError, HTTP_422_UNPROCESSABLE_ENTITY),
]


class PreconditionRequired(DomainError):
    code = "precondition-required"
    title = N_("This change needs the If-Match header with the version you read")


class UnsupportedMediaType(DomainError):
    code = "unsupported-media-type"
    title = N_("This endpoint does not read that media type")


class BodyTooLarge(DomainError):
    code = "body-too-large"
    title = N_("The request body is too large")


class BadRequest(DomainError):
    """Input the API could not even parse (bad headers, query strings)."""

    code = "bad-request"
    title = N_("The request could not be understood")


def problem(
    status: int,
    code: str,
    title: str,
    detail: Readable | str | None = None,
    problems: list[FieldProblem] | None = None,
    request: Request[Any, Any, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response[dict[str, Any]]:
    """A problem+json answer. ``title`` is a msgid and ``detail`` a message, each said in
    English and Arabic; a plain ``str`` detail is the framework's own English words."""
    body: dict[str, Any] = {
        "type": TYPE_BASE + code,
        "title": message(title, "en"),
        "title_ar": message(title, "ar"),
        "status": status,
    }
    if isinstance(detail, str):
        body["detail"] = detail
    elif detail is not None:
        body["detail"] = say(detail, "en")
        body["detail_ar"] = say(detail, "ar")
    if problems:
        body["field"] = problems[0].field
        body["errors"] = [
            {"field": p.field, "message": say(p.message, "en"), "message_ar": say(p.message, "ar")}
            for p in problems
        ]
    if request is not None:
        body["instance"] = request.url.path
        correlation_id = request.scope.get("state", {}).get("correlation_id")
        if correlation_id:
            body["correlation_id"] = correlation_id
    if extra:
        body.update(extra)
    return Response(content=body, status_code=status, media_type=PROBLEM_JSON)


def domain_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    assert isinstance(exc, DomainError)
    status = next(code for cls, code in _STATUS if isinstance(exc, cls))
    if isinstance(exc, PreconditionRequired):
        status = HTTP_428_PRECONDITION_REQUIRED
    elif isinstance(exc, BadRequest):
        status = HTTP_400_BAD_REQUEST
    elif isinstance(exc, SignInThrottled):
        status = HTTP_429_TOO_MANY_REQUESTS
    elif isinstance(exc, BodyTooLarge):
        status = HTTP_413_REQUEST_ENTITY_TOO_LARGE
    elif isinstance(exc, UnsupportedMediaType):
        status = HTTP_415_UNSUPPORTED_MEDIA_TYPE
    extra: dict[str, Any] | None = None
    if isinstance(exc, VersionConflict):
        extra = {"expected_version": exc.expected, "current_version": exc.actual}
    response = problem(
        status,
        exc.code,
        exc.title,
        exc.message,
        problems=exc.problems,
        request=request,
        extra=extra,
    )
    if isinstance(exc, SignInThrottled):
        response.headers["Retry-After"] = str(exc.retry_after_seconds)
    return response


# msgspec says e.g. "Expected `int`, got `str`" or "Object contains unknown field `x`".
_UNKNOWN_FIELD = re.compile(r"unknown field `([^`]+)`")
_MISSING_FIELD = re.compile(r"missing required field `([^`]+)`")
_CONTROL_CHARACTERS = re.compile(r"Control characters in `([^`]+)`")  # api.schemas.common.Input
_PATH = re.compile(r"at `\$\.?([^`]*)`")


def _field_problems(exc: ValidationException) -> list[FieldProblem]:
    problems = []
    extra = exc.extra if isinstance(exc.extra, list) else []
    for item in extra:
        if not isinstance(item, dict):
            continue
        message = str(item.get("message", "Invalid value"))
        key = str(item.get("key") or "")
        parent_match = _PATH.search(message)
        # Litestar gives the parent path either in the message ("at `$.title`") or as the key.
        parent = parent_match.group(1) if parent_match else key
        if parent == "data":  # the body itself, not a field of it
            parent = ""
        if match := _UNKNOWN_FIELD.search(message):
            key = ".".join(filter(None, [parent, match.group(1)]))
            problems.append(FieldProblem(key, Message(N_("This field is not allowed."))))
            continue
        if match := _MISSING_FIELD.search(message):
            key = ".".join(filter(None, [parent, match.group(1)]))
            problems.append(FieldProblem(key, Message(N_("This field is required."))))
            continue
        if match := _CONTROL_CHARACTERS.search(message):
            key = ".".join(filter(None, [parent, match.group(1)]))
            problems.append(FieldProblem(key, Message(CONTROL_CHARACTERS)))
            continue
        if match := _PATH.search(message):
            key = match.group(1) or key
        problems.append(FieldProblem(key or "body", _readable(_PATH.sub("", message).strip(" -"))))
    return problems


_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Expected `str` matching regex"), N_("Does not have the expected format.")),
    (
        re.compile(r"Expected `(?:str|array|object)` of length <= (\d+)"),
        N_("Too long: at most {limit}."),
    ),
    (
        re.compile(r"Expected `(?:str|array|object)` of length >= (\d+)"),
        N_("Too short: at least {limit}."),
    ),
    (
        re.compile(r"Expected `(?:int|float|decimal)` >= (-?[\d.]+)"),
        N_("Must be at least {limit}."),
    ),
    (re.compile(r"Expected `(?:int|float|decimal)` <= (-?[\d.]+)"), N_("Must be at most {limit}.")),
    (re.compile(r"Invalid enum value"), N_("Not one of the allowed values.")),
    (re.compile(r"Invalid (?:RFC 3339 encoded )?date"), N_("Not a valid date (YYYY-MM-DD).")),
    (re.compile(r"Invalid UUID"), N_("Not a valid identifier.")),
    (re.compile(r"Expected `int`"), N_("Expected a whole number.")),
    (re.compile(r"Expected `(?:float|decimal)`"), N_("Expected a number.")),
    (re.compile(r"Expected `str`"), N_("Expected text.")),
    (re.compile(r"Expected `bool`"), N_("Expected true or false.")),
    (re.compile(r"Expected `object`"), N_("Expected an object.")),
    (re.compile(r"Expected `array`"), N_("Expected a list.")),
]


def _readable(said: str) -> Message:
    """Our message for a framework validation message; one we do not know keeps the
    framework's English words, with a general Arabic one."""
    for pattern, msgid in _MESSAGES:
        if match := pattern.search(said):
            return Message(msgid, limit=match.group(1)) if match.groups() else Message(msgid)
    return Message(N_("{reason}"), reason=Text(ar=message(N_("Not a valid value."), "ar"), en=said))


def validation_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    assert isinstance(exc, ValidationException)
    problems = _field_problems(exc)
    return problem(
        HTTP_400_BAD_REQUEST,
        "invalid-request",
        N_("The request is malformed or has invalid fields"),
        # English only, as the framework's own detail is.
        detail="; ".join(f"{p.field}: {say(p.message, 'en')}" for p in problems) or exc.detail,
        problems=problems,
        request=request,
    )


_HTTP_TITLES: dict[int, tuple[str, str]] = {
    HTTP_400_BAD_REQUEST: ("bad-request", N_("The request could not be understood")),
    HTTP_401_UNAUTHORIZED: (
        "unauthenticated",
        N_("Sign in first: a valid bearer token is required"),
    ),
    HTTP_403_FORBIDDEN: ("forbidden", N_("Your role does not allow this")),
    HTTP_404_NOT_FOUND: ("not-found", N_("Not found")),
    HTTP_405_METHOD_NOT_ALLOWED: ("method-not-allowed", N_("This method is not allowed here")),
    HTTP_413_REQUEST_ENTITY_TOO_LARGE: ("body-too-large", N_("The request body is too large")),
}


def http_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    if isinstance(exc, NotAuthorizedException):
        status = HTTP_401_UNAUTHORIZED
    elif isinstance(exc, PermissionDeniedException):
        status = HTTP_403_FORBIDDEN
    if status >= HTTP_500_INTERNAL_SERVER_ERROR:
        return internal_error_handler(request, exc)
    code, title = _HTTP_TITLES.get(status, ("http-error", N_("The request could not be served")))
    detail = exc.detail if exc.detail and exc.detail != title else None
    response = problem(status, code, title, detail=detail, request=request)
    if status == HTTP_401_UNAUTHORIZED:
        response.headers["WWW-Authenticate"] = "Bearer"
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def unavailable_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """The database could not be reached in time: 503 and when to try again, never a 500."""
    log.warning("database_unavailable", error_type=type(exc).__name__)
    response = problem(
        HTTP_503_SERVICE_UNAVAILABLE,
        "unavailable",
        N_("The registry cannot reach its database right now; try again shortly"),
        detail=Message(
            N_(
                "A change sent now may or may not have been saved: retry it with the same "
                "Idempotency-Key or If-Match, which never applies it twice."
            )
        ),
        request=request,
    )
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def internal_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    # The trace goes to the log (with the correlation id), never to the client.
    log.error("unhandled_error", error_type=type(exc).__name__, exc_info=exc)
    return problem(
        HTTP_500_INTERNAL_SERVER_ERROR,
        "internal-error",
        N_("Something went wrong on our side; it has been logged"),
        request=request,
    )


EXCEPTION_HANDLERS: dict[type[Exception], Any] = {
    DomainError: domain_error_handler,
    ValidationException: validation_error_handler,
    HTTPException: http_error_handler,
    **dict.fromkeys(UNAVAILABLE, unavailable_handler),
    Exception: internal_error_handler,
}

__all__ = [
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "BadRequest",
    "BodyTooLarge",
    "PreconditionRequired",
    "UnsupportedMediaType",
    "problem",
]
