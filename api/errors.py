"""One place that turns every error into RFC 9457 problem+json.

Domain errors keep their stable ``code`` (the problem ``type``) and bilingual
messages; framework errors (bad JSON, wrong types, unknown fields, oversized
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
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_428_PRECONDITION_REQUIRED,
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
from projections.availability import RETRY_AFTER_SECONDS, UNAVAILABLE

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
    title = "This change needs the If-Match header with the version you read"
    title_ar = "هذا التعديل يتطلب ترويسة If-Match بالإصدار الذي قرأته"


class BadRequest(DomainError):
    """Input the API could not even parse (bad headers, query strings)."""

    code = "bad-request"
    title = "The request could not be understood"
    title_ar = "تعذر فهم الطلب"


def problem(
    status: int,
    code: str,
    title: str,
    title_ar: str,
    detail: str | None = None,
    detail_ar: str | None = None,
    problems: list[FieldProblem] | None = None,
    request: Request[Any, Any, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response[dict[str, Any]]:
    body: dict[str, Any] = {
        "type": TYPE_BASE + code,
        "title": title,
        "title_ar": title_ar,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if detail_ar:
        body["detail_ar"] = detail_ar
    if problems:
        body["field"] = problems[0].field
        body["errors"] = [
            {"field": p.field, "message": p.message, "message_ar": p.message_ar} for p in problems
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
    extra: dict[str, Any] | None = None
    if isinstance(exc, VersionConflict):
        extra = {"expected_version": exc.expected, "current_version": exc.actual}
    return problem(
        status,
        exc.code,
        exc.title,
        exc.title_ar,
        exc.message,
        exc.message_ar,
        problems=exc.problems,
        request=request,
        extra=extra,
    )


# msgspec says e.g. "Expected `int`, got `str`" or "Object contains unknown field `x`".
_UNKNOWN_FIELD = re.compile(r"unknown field `([^`]+)`")
_MISSING_FIELD = re.compile(r"missing required field `([^`]+)`")
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
            problems.append(FieldProblem(key, "This field is not allowed.", "هذا الحقل غير مسموح."))
            continue
        if match := _MISSING_FIELD.search(message):
            key = ".".join(filter(None, [parent, match.group(1)]))
            problems.append(FieldProblem(key, "This field is required.", "هذا الحقل مطلوب."))
            continue
        if match := _PATH.search(message):
            key = match.group(1) or key
        english, arabic = _readable(_PATH.sub("", message).strip(" -"))
        problems.append(FieldProblem(key or "body", english, arabic))
    return problems


_MESSAGES: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(r"Expected `str` matching regex"),
        "Does not have the expected format.",
        "الصيغة غير صحيحة.",
    ),
    (
        re.compile(r"Expected `(?:str|array|object)` of length <= (\d+)"),
        "Too long: at most {0}.",
        "طويل جداً: الحد الأقصى {0}.",
    ),
    (
        re.compile(r"Expected `(?:str|array|object)` of length >= (\d+)"),
        "Too short: at least {0}.",
        "قصير جداً: الحد الأدنى {0}.",
    ),
    (
        re.compile(r"Expected `(?:int|float|decimal)` >= (-?[\d.]+)"),
        "Must be at least {0}.",
        "يجب ألا يقل عن {0}.",
    ),
    (
        re.compile(r"Expected `(?:int|float|decimal)` <= (-?[\d.]+)"),
        "Must be at most {0}.",
        "يجب ألا يزيد عن {0}.",
    ),
    (
        re.compile(r"Invalid enum value"),
        "Not one of the allowed values.",
        "ليست من القيم المسموحة.",
    ),
    (
        re.compile(r"Invalid (?:RFC 3339 encoded )?date"),
        "Not a valid date (YYYY-MM-DD).",
        "تاريخ غير صالح (YYYY-MM-DD).",
    ),
    (re.compile(r"Invalid UUID"), "Not a valid identifier.", "معرّف غير صالح."),
    (re.compile(r"Expected `int`"), "Expected a whole number.", "يجب أن يكون عدداً صحيحاً."),
    (re.compile(r"Expected `(?:float|decimal)`"), "Expected a number.", "يجب أن يكون رقماً."),
    (re.compile(r"Expected `str`"), "Expected text.", "يجب أن يكون نصاً."),
    (
        re.compile(r"Expected `bool`"),
        "Expected true or false.",
        "يجب أن تكون القيمة true أو false.",
    ),
    (re.compile(r"Expected `object`"), "Expected an object.", "يجب أن يكون كائناً."),
    (re.compile(r"Expected `array`"), "Expected a list.", "يجب أن تكون قائمة."),
]


def _readable(message: str) -> tuple[str, str]:
    """A bilingual message for a framework validation message (unknown ones pass through)."""
    for pattern, english, arabic in _MESSAGES:
        if match := pattern.search(message):
            return english.format(*match.groups()), arabic.format(*match.groups())
    return message, "قيمة غير صالحة."


def validation_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    assert isinstance(exc, ValidationException)
    problems = _field_problems(exc)
    return problem(
        HTTP_400_BAD_REQUEST,
        "invalid-request",
        "The request is malformed or has invalid fields",
        "الطلب غير صحيح أو يحتوي على حقول غير صالحة",
        detail="; ".join(f"{p.field}: {p.message}" for p in problems) or exc.detail,
        problems=problems,
        request=request,
    )


_HTTP_TITLES: dict[int, tuple[str, str, str]] = {
    HTTP_400_BAD_REQUEST: ("bad-request", "The request could not be understood", "تعذر فهم الطلب"),
    HTTP_401_UNAUTHORIZED: (
        "unauthenticated",
        "Sign in first: a valid bearer token is required",
        "يجب تسجيل الدخول أولاً: مطلوب رمز وصول صالح",
    ),
    HTTP_403_FORBIDDEN: (
        "forbidden",
        "Your role does not allow this",
        "دورك لا يسمح بهذا الإجراء",
    ),
    HTTP_404_NOT_FOUND: ("not-found", "Not found", "غير موجود"),
    HTTP_405_METHOD_NOT_ALLOWED: (
        "method-not-allowed",
        "This method is not allowed here",
        "هذه الطريقة غير مسموحة هنا",
    ),
    HTTP_413_REQUEST_ENTITY_TOO_LARGE: (
        "body-too-large",
        "The request body is too large",
        "حجم محتوى الطلب كبير جداً",
    ),
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
    code, title, title_ar = _HTTP_TITLES.get(
        status, ("http-error", "The request could not be served", "تعذر تنفيذ الطلب")
    )
    detail = exc.detail if exc.detail and exc.detail != title else None
    response = problem(status, code, title, title_ar, detail=detail, request=request)
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
        "The registry cannot reach its database right now; try again shortly",
        "لا يستطيع السجل الوصول إلى قاعدة بياناته حالياً؛ حاول مجدداً بعد قليل",
        detail="A change sent now may or may not have been saved: retry it with the same "
        "Idempotency-Key or If-Match, which never applies it twice.",
        detail_ar="قد يكون التعديل المرسل الآن حُفظ أو لم يُحفظ: أعد إرساله بمفتاح Idempotency-Key "
        "أو If-Match نفسه، ولن يُطبَّق مرتين.",
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
        "Something went wrong on our side; it has been logged",
        "حدث خطأ من جهتنا وتم تسجيله",
        request=request,
    )


EXCEPTION_HANDLERS: dict[type[Exception], Any] = {
    DomainError: domain_error_handler,
    ValidationException: validation_error_handler,
    HTTPException: http_error_handler,
    **dict.fromkeys(UNAVAILABLE, unavailable_handler),
    Exception: internal_error_handler,
}

__all__ = ["EXCEPTION_HANDLERS", "PROBLEM_JSON", "BadRequest", "PreconditionRequired", "problem"]
