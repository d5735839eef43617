"""The OpenAPI document as the server behaves: what each operation needs and what it answers.

Litestar writes the document from the handlers' signatures; this module adds what those
signatures cannot say, in one place for every operation:

- which operations change an existing record (``If-Match`` required; 428 without it, 412
  when stale), which create one (``Idempotency-Key`` honoured), which reads answer with
  the record's version as ``ETag``;
- every error status an operation can return, each as RFC 9457
  ``application/problem+json`` with the problem shape ``api/errors.py`` writes;
- bodies and answers that are files (the CSV import, CSV/XLSX exports, PDFs).

The lists below are checked where the headers are read: ``api/http.py`` refuses to read
``If-Match`` or ``Idempotency-Key`` for an operation not listed here, so a handler cannot
start enforcing a header the document does not declare (the test suite would see a 500).
``tests/api/test_openapi_contract.py`` walks the generated document and fails when an
operation lacks any of it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any

import msgspec
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import OpenAPI
from litestar.types import Message, Scope

from api.errors import PROBLEM_JSON, TYPE_BASE
from domain.awards.application import EVIDENCE_TYPES
from registry.ambassador_import import COLUMNS, REQUIRED
from registry.exports import CSV, XLSX

# -- what each operation takes ---------------------------------------------------------------

# Change an existing record: If-Match with the version read (428 without, 412 when stale).
CHANGES: frozenset[str] = frozenset(
    {
        "activateOrganisation",
        "addAccreditation",
        "addDeliverable",
        "addInitiativeComponent",
        "addMilestone",
        "addPartnership",
        "addPilot",
        "answerCriterion",
        "approveAmbassador",
        "approveAmbassadorTrackChange",
        "cancelMilestone",
        "changeDeliverableStatus",
        "changeInitiativeStatus",
        "changeUserRole",
        "completeEvaluation",
        "completeMilestone",
        "configureCategory",
        "deactivateUser",
        "defineKpi",
        "endPartnership",
        "eraseAmbassadorPersonalData",
        "eraseLicenceHolderData",
        "expireAmbassador",
        "expireLicence",
        "giveFeedback",
        "issueLicence",
        "logAmbassadorActivity",
        "openEdition",
        "publishResults",
        "reactivateUser",
        "recordConsensus",
        "recordKpiValue",
        "recordLicenceAssessment",
        "reinstateAmbassador",
        "reinstateLicence",
        "rejectAmbassador",
        "rejectAmbassadorActivity",
        "rejectAmbassadorTrackChange",
        "removeAccreditation",
        "removeCategory",
        "removeEvidence",
        "renewAmbassador",
        "renewLicence",
        "reportProgress",
        "requestAmbassadorTrackChange",
        "rescheduleMilestone",
        "retireLicenceType",
        "reviseFramework",
        "reviseInitiative",
        "reviseLicenceType",
        "reviseOrganisation",
        "revokeLicence",
        "scheduleEvaluation",
        "schedulePhase",
        "scoreCriterion",
        "screenApplication",
        "setCriterionPoints",
        "setEditionRules",
        "setUserPassword",
        "submitApplication",
        "submitScorecard",
        "suspendAmbassador",
        "suspendLicence",
        "suspendOrganisation",
        "unassignJudge",
        "uploadEvidence",
        "verifyAmbassadorActivity",
        "withdrawAmbassador",
        "withdrawAward",
    }
)

# Create a record and honour Idempotency-Key (a retry gets the first answer back).
CREATES: frozenset[str] = frozenset(
    {
        "addAccreditation",
        "addDeliverable",
        "addMilestone",
        "addPartnership",
        "addPilot",
        "applyForLicence",
        "createAwardProgramme",
        "createEdition",
        "createInitiative",
        "createUser",
        "defineKpi",
        "defineLicenceType",
        "draftApplication",
        "enrolAmbassador",
        "logAmbassadorActivity",
        "publishFramework",
        "registerOrganisation",
    }
)

# Commands that take neither header, and why (the reason goes into their description).
NEITHER: dict[str, str] = {
    "signIn": "Signing in changes no record.",
    "lookUpAmbassador": "A search sent as POST so that the ID number stays out of the URL.",
    "importAmbassadors": "Each row is an enrolment of its own; a re-run skips people already "
    "enrolled.",
    "decideAmbassadorsInBulk": "Applies one decision to many memberships at the version each "
    "has; every item reports its own outcome.",
    "recordAmbassadorExpiries": "The daily run: records only expiries that are due, so running "
    "it twice changes nothing.",
    "recordLicenceExpiries": "The daily run: records only expiries that are due, so running "
    "it twice changes nothing.",
    "setAmbassadorTarget": "Sets a region's target to the value sent: repeating it changes "
    "nothing.",
    "assignApplicant": "Links an account to an organisation; moving it needs a reason.",
    "assignJudge": "Assigning a judge twice is refused (409), so a retry cannot duplicate.",
    "declareInterests": "Declaring no conflict again changes nothing; a declared conflict "
    "is final.",
}

# Creates (201) that take no Idempotency-Key, and why (the first two add to a record the
# caller read, under If-Match).
CREATES_WITHOUT_KEY: dict[str, str] = {
    "addInitiativeComponent": "A retry carries the same If-Match, which the first attempt "
    "made stale: it gets 412, never a second component.",
    "uploadEvidence": "A retry carries the same If-Match, which the first upload made "
    "stale: it gets 412, never a second copy.",
    "assignJudge": NEITHER["assignJudge"],
}

# Reads that answer with the record's version as ETag (send it back in If-Match).
VERSIONED_READS: frozenset[str] = frozenset(
    {
        "getAmbassador",
        "getApplication",
        "getAwardProgramme",
        "getConsensus",
        "getEdition",
        "getFramework",
        "getInitiative",
        "getLicence",
        "getLicenceType",
        "getMyScorecard",
        "getOrganisation",
        "getResults",
        "getScorecard",
        "getUser",
    }
)

# Answers that are files: operation → {media type: what it is}.
FILES: dict[str, dict[str, str]] = {
    "exportEditionReport": {
        XLSX: "`format=xlsx` (default): one sheet per section.",
        CSV: "`format=csv`: the `section` asked for, UTF-8 with a byte-order mark.",
    },
    "exportMembershipReport": {
        XLSX: "`format=xlsx` (default): one sheet per table.",
        CSV: "`format=csv`: the `table` asked for, UTF-8 with a byte-order mark.",
    },
    "exportLicencesReport": {
        XLSX: "`format=xlsx` (default): one sheet per table.",
        CSV: "`format=csv`: the `table` asked for, UTF-8 with a byte-order mark.",
    },
    "getAmbassadorCertificate": {"application/pdf": "The certificate."},
    "auditExport": {"application/gzip": "The audit bundle (tar.gz)."},
    "auditPublicKey": {"application/x-pem-file": "The checkpoint signing key (PEM)."},
    "downloadEvidence": dict.fromkeys(EVIDENCE_TYPES, "The evidence file, as uploaded."),
}
# Which operations answer in CSV as well as JSON: operation → what the CSV holds.
ALSO_CSV: dict[str, str] = {
    "importAmbassadors": "`report=csv`: the error report itself (columns row, field, message, "
    "message_ar), with the counts in the `X-Rows`, `X-Enrolled`, `X-Skipped` and "
    "`X-Refused` headers.",
}
# Errors an operation answers beyond those its kind implies: sign-in is public, yet a wrong
# password is a 401.
EXTRA_ERRORS: dict[str, frozenset[int]] = {"signIn": frozenset({401})}
# Operations throttled per caller (429 with Retry-After).
THROTTLED: frozenset[str] = frozenset({"signIn"})

# -- the problem shape and the error answers -------------------------------------------------

MAX_INT64 = 2**63 - 1
PROBLEM = "Problem"
FIELD_ERROR = "FieldError"

SCHEMAS: dict[str, dict[str, Any]] = {
    FIELD_ERROR: {
        "type": "object",
        "required": ["field", "message", "message_ar"],
        "properties": {
            "field": {"type": "string", "description": "The field, e.g. `name.ar`."},
            "message": {"type": "string"},
            "message_ar": {"type": "string"},
        },
    },
    PROBLEM: {
        "type": "object",
        "description": "An RFC 9457 problem, in English and Arabic.",
        "required": ["type", "title", "title_ar", "status"],
        "properties": {
            "type": {
                "type": "string",
                "description": f"Stable identifier of the problem, `{TYPE_BASE}<code>`.",
            },
            "title": {"type": "string"},
            "title_ar": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "detail_ar": {"type": "string"},
            "field": {"type": "string", "description": "The first offending field."},
            "errors": {"type": "array", "items": {"$ref": f"#/components/schemas/{FIELD_ERROR}"}},
            "instance": {"type": "string", "description": "The request path."},
            "correlation_id": {
                "type": "string",
                "description": "The request's `X-Request-ID`, to quote when asking for help.",
            },
            "expected_version": {"type": "integer", "description": "412: the version sent."},
            "current_version": {"type": "integer", "description": "412: the version now."},
        },
        # RFC 9457 lets a problem carry more members; clients ignore those they do not know.
        "additionalProperties": True,
    },
}

# status → (English, Arabic): when an operation answers it.
ERRORS: dict[int, tuple[str, str]] = {
    400: (
        "The request could not be read or has invalid fields; `field` and `errors` name them.",
        "تعذر فهم الطلب أو فيه حقول غير صالحة؛ يسمّيها `field` و`errors`.",
    ),
    401: (
        "Sign in first: a valid bearer token is required.",
        "يجب تسجيل الدخول أولاً: مطلوب رمز وصول صالح.",
    ),
    403: ("Your role does not allow this.", "دورك لا يسمح بهذا الإجراء."),
    404: ("Not found (or not yours to see).", "غير موجود (أو لا يحق لك الاطلاع عليه)."),
    409: (
        "The record's state does not allow this now (e.g. already decided, outside its window).",
        "حالة السجل لا تسمح بهذا الآن (مثلاً تقرر مسبقاً أو خارج المدة).",
    ),
    412: (
        "If-Match names a version that is no longer current; read again (the problem gives "
        "`current_version`). Nothing was written.",
        "الإصدار في If-Match لم يعد الحالي؛ أعد القراءة. لم يُكتب شيء.",
    ),
    413: ("The request body is too large.", "حجم محتوى الطلب كبير جداً."),
    415: (
        "The body's Content-Type is not one this operation reads.",
        "نوع محتوى الطلب غير مقبول لهذه العملية.",
    ),
    422: (
        "The request breaks a rule of the registry (the problem says which, in both languages).",
        "الطلب يخالف قاعدة من قواعد السجل (توضحها المشكلة باللغتين).",
    ),
    428: (
        'This change needs If-Match with the ETag of the version you read, e.g. `"3"`.',
        "هذا التعديل يتطلب ترويسة If-Match بالإصدار الذي قرأته.",
    ),
    429: (
        "Too many attempts: wait for `Retry-After` seconds.",
        "محاولات كثيرة: انتظر المدة المذكورة في Retry-After.",
    ),
    503: (
        "The database cannot be reached just now: retry after `Retry-After` seconds.",
        "تعذر الوصول إلى قاعدة البيانات حالياً: أعد المحاولة بعد Retry-After.",
    ),
}

IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": 'The `ETag` of the version you read, e.g. `"3"` (`"0"` for a record not yet '
    "written, such as the first consensus score). Without it: 428; stale: 412.",
    "schema": {"type": "string", "pattern": r'^\s*(W/)?"?[0-9]{1,12}"?\s*$'},
    "example": '"3"',
}
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Any 1–200 characters you choose per intended creation. A retry with the "
    "same key and the same body gets the first answer back (the same record). Signed in, the "
    "key is yours alone: reused for another body that lands on the record it made, 422. "
    "Anonymous (public enrolment, licence applications), the key is scoped by the body as "
    "well: another body under it is a separate request, and a stranger's key never answers "
    "with someone else's record.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
}
ETAG = {
    "description": 'The record\'s version, e.g. `"3"`: send it back as `If-Match` to change it.',
    "schema": {"type": "string"},
}
LOCATION = {"description": "The URL of the record created.", "schema": {"type": "string"}}
RETRY_AFTER = {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}
REQUEST_ID = {
    "description": "The request's correlation id (the one sent, or a generated one).",
    "schema": {"type": "string"},
}


def _problem_response(status: int) -> dict[str, Any]:
    english, arabic = ERRORS[status]
    headers: dict[str, Any] = {"X-Request-ID": REQUEST_ID}
    if status in (429, 503):
        headers["Retry-After"] = RETRY_AFTER
    if status == 401:
        headers["WWW-Authenticate"] = {"schema": {"type": "string"}, "description": "`Bearer`."}
    return {
        "description": f"{english} / {arabic}",
        "headers": headers,
        "content": {PROBLEM_JSON: {"schema": {"$ref": f"#/components/schemas/{PROBLEM}"}}},
    }


FILE_SCHEMA = {"schema": {"type": "string", "format": "binary"}}


# -- completing the document -----------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """What the document states about the running app (taken from its handlers)."""

    body_bytes: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, app: Litestar, settings: object) -> Limits:
        sizes: dict[str, int] = {}
        for route in app.routes:
            for handler in getattr(route, "route_handlers", ()):
                if isinstance(handler, HTTPRouteHandler) and isinstance(handler.operation_id, str):
                    size = handler.resolve_request_max_body_size()
                    if size:
                        sizes[handler.operation_id] = size
        # The CSV import streams its body and checks its own limit, a setting
        # (NQS_IMPORT_MAX_BYTES) where there is one, instead of the handler's.
        import_limit = getattr(settings, "import_max_bytes", None)
        if isinstance(import_limit, int):
            sizes["importAmbassadors"] = import_limit
        return cls(sizes)


def _errors_of(operation_id: str, method: str, operation: dict[str, Any]) -> list[int]:
    public = operation.get("x-roles") == ["public"]
    has_body = "requestBody" in operation
    names_something = has_body or bool(operation.get("parameters"))
    statuses = [400]
    if not public:
        statuses += [401, 403]
    if names_something:
        statuses.append(404)
    statuses += [409, 422]
    if operation_id in CHANGES:
        statuses += [412, 428]
    if has_body:
        statuses += [413, 415]
    if operation_id in THROTTLED:
        statuses.append(429)
    statuses += EXTRA_ERRORS.get(operation_id, ())
    if operation_id != "health":  # /health answers 503 with its own report
        statuses.append(503)
    return sorted(set(statuses))


def _mb(size: int) -> str:
    return f"{size / (1 << 20):g} MiB" if size >= 1 << 20 else f"{size:,} bytes"


def _describe(operation_id: str, operation: dict[str, Any], limits: Limits) -> str:
    """The handler's own description, then what the contract adds in words."""
    # (who may call it is said by api/guards.py, from the roles the guard enforces)
    parts = [operation.get("description", "").strip()]
    takes = []
    if operation_id in CHANGES:
        takes.append("`If-Match` with the version read (428 without it, 412 when stale)")
    if operation_id in CREATES:
        takes.append("`Idempotency-Key` (a retry gets the first answer)")
    if takes:
        parts.append("**Takes:** " + "; ".join(takes) + ".")
    why_not = NEITHER.get(operation_id) or CREATES_WITHOUT_KEY.get(operation_id)
    if why_not:
        parts.append(f"**Why no If-Match / Idempotency-Key:** {why_not}")
    if "requestBody" in operation and operation_id in limits.body_bytes:
        parts.append(f"**Body:** at most {_mb(limits.body_bytes[operation_id])} (bigger gets 413).")
    return "\n\n".join(p for p in parts if p)


def _complete_operation(
    operation_id: str, method: str, operation: dict[str, Any], limits: Limits
) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    success = next((s for s in responses if s.startswith("2")), None)

    # Files instead of JSON.
    if operation_id in FILES and success:
        responses[success]["content"] = {
            media: copy.deepcopy(FILE_SCHEMA) for media in FILES[operation_id]
        }
        texts = FILES[operation_id]
        responses[success]["description"] = (
            " ".join(f"`{media}`: {text}" for media, text in texts.items())
            if len(set(texts.values())) > 1
            else f"{next(iter(texts.values()))} ({', '.join(f'`{m}`' for m in texts)})"
        )
    if operation_id in ALSO_CSV and success:
        responses[success].setdefault("content", {})[CSV] = copy.deepcopy(FILE_SCHEMA)
        responses[success]["description"] = f"JSON by default; {ALSO_CSV[operation_id]}"
    if operation_id == "importAmbassadors":
        size = limits.body_bytes.get(operation_id)
        operation["requestBody"] = {
            "required": True,
            "description": "The enrolment form's columns, one person per row; the header row "
            "names them, in any order. Columns: "
            + ", ".join(f"`{c}`" for c in COLUMNS)
            + ". Required: "
            + ", ".join(f"`{c}`" for c in REQUIRED)
            + ". `qualifications` and `evidence` hold several values separated by `|`. "
            + "UTF-8 (a byte-order mark is fine)."
            + (f" At most {_mb(size)}; bigger gets 413." if size else ""),
            "content": {CSV: copy.deepcopy(FILE_SCHEMA)},
        }

    # Headers the operation takes and answers with.
    parameters: list[dict[str, Any]] = operation.setdefault("parameters", [])
    for parameter in parameters:
        schema = parameter.get("schema", {})
        if schema.get("type") == "integer" and "maximum" not in schema:
            # Positions and offsets are 64-bit in both stores; beyond that is a 400.
            schema["maximum"] = MAX_INT64
    names = {(p.get("in"), p.get("name", "").lower()) for p in parameters}
    if operation_id in CHANGES and ("header", "if-match") not in names:
        parameters.append(copy.deepcopy(IF_MATCH))
    if operation_id in CREATES and ("header", "idempotency-key") not in names:
        parameters.append(copy.deepcopy(IDEMPOTENCY_KEY))
    if not parameters:
        del operation["parameters"]
    if success:
        headers = responses[success].setdefault("headers", {})
        headers["X-Request-ID"] = REQUEST_ID
        if operation_id in VERSIONED_READS or operation_id in CHANGES or operation_id in CREATES:
            headers["ETag"] = ETAG
        if success == "201":
            headers["Location"] = LOCATION

    # Every error as problem+json (Litestar's own 400 promised another shape).
    for status in _errors_of(operation_id, method, operation):
        responses[str(status)] = {"$ref": f"#/components/responses/{_error_name(status)}"}

    operation["description"] = _describe(operation_id, operation, limits)


def _struct_classes(cls: type[msgspec.Struct]) -> Iterator[type[msgspec.Struct]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _struct_classes(sub)


def _closed_structs() -> set[str]:
    """Names of the request/response shapes that refuse unknown fields (a 400 names them):
    the document says so, so a client knows before trying. A name two shapes share is only
    closed if both are."""
    closed: dict[str, bool] = {}
    for cls in _struct_classes(msgspec.Struct):
        forbids = bool(cls.__struct_config__.forbid_unknown_fields)
        closed[cls.__name__] = closed.get(cls.__name__, True) and forbids
    return {name for name, forbids in closed.items() if forbids}


def _error_name(status: int) -> str:
    return f"Problem{status}"


def complete(document: dict[str, Any], limits: Limits) -> dict[str, Any]:
    """The generated document with the contract added (a new dict; the input is left as is)."""
    document = copy.deepcopy(document)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    closed = _closed_structs()
    for name, schema in schemas.items():
        if name in closed and schema.get("type") == "object":
            schema["additionalProperties"] = False
    schemas.update(copy.deepcopy(SCHEMAS))
    components.setdefault("responses", {}).update(
        {_error_name(status): _problem_response(status) for status in ERRORS}
    )
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method in ("get", "put", "post", "patch", "delete"):
                _complete_operation(operation.get("operationId", ""), method, operation, limits)
    return document


class _ContractOpenAPI(OpenAPI):
    limits: Limits = Limits()

    def to_schema(self) -> dict[str, Any]:
        return complete(super().to_schema(), self.limits)


@dataclass
class ContractOpenAPIConfig(OpenAPIConfig):
    """Litestar's config, whose document comes out completed by :func:`complete`."""

    limits: Limits = field(default_factory=Limits)

    def to_openapi_schema(self) -> OpenAPI:
        base = super().to_openapi_schema()
        document = _ContractOpenAPI(**{f.name: getattr(base, f.name) for f in fields(base)})
        document.limits = self.limits
        return document


class ContractError(RuntimeError):
    """A handler reads a header its operation's contract does not declare."""


async def check_etag(message: Message, scope: Scope) -> None:
    """A ``before_send`` hook: a read answers with an ETag exactly when the document says so."""
    if message["type"] != "http.response.start" or scope.get("method") != "GET":
        return
    handler = scope.get("route_handler")
    operation_id = getattr(handler, "operation_id", None)
    if not isinstance(operation_id, str) or operation_id in FILES:
        return  # the schema pages; files carry the framework's own content ETag
    if not 200 <= message["status"] < 300:
        return
    sent = any(name.lower() == b"etag" for name, _ in message.get("headers", []))
    if sent != (operation_id in VERSIONED_READS):
        raise ContractError(
            f"{operation_id} answers {'with' if sent else 'without'} an ETag, but "
            "api/contract.py VERSIONED_READS says otherwise: make them agree."
        )


def require_declared(operation_id: object, header: str) -> None:
    """Called where If-Match / Idempotency-Key are read: the document must say so too."""
    declared = {"If-Match": CHANGES, "Idempotency-Key": CREATES}[header]
    if operation_id not in declared:
        raise ContractError(
            f"{operation_id} reads {header} but api/contract.py does not declare it: "
            "add the operation there so the OpenAPI document says so."
        )
