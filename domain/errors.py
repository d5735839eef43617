"""The one small hierarchy of domain errors.

Every error carries a stable ``code`` (it becomes the problem ``type``), an
English and an Arabic message, and, where one input is at fault, the ``field``.
The API maps each class to one HTTP status in one place (``api/errors.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldProblem:
    """One invalid input, named so a user can find it on their form."""

    field: str
    message: str
    message_ar: str


class DomainError(Exception):
    """Base of every rule the domain refuses to break."""

    code = "domain-error"
    title = "The request breaks a rule of the registry"
    title_ar = "الطلب يخالف إحدى قواعد السجل"

    def __init__(
        self,
        message: str,
        message_ar: str,
        *,
        field: str | None = None,
        problems: list[FieldProblem] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_ar = message_ar
        self.field = field
        self.problems = problems or ([FieldProblem(field, message, message_ar)] if field else [])


class InvalidInput(DomainError):
    """A value is malformed or out of range."""

    code = "invalid-input"
    title = "Some of the input is not valid"
    title_ar = "بعض البيانات المدخلة غير صالحة"


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to the caller)."""

    code = "not-found"
    title = "Not found"
    title_ar = "غير موجود"


class Forbidden(DomainError):
    """The caller's role allows the route, but not this particular thing (e.g. another's scores)."""

    code = "forbidden"
    title = "You may not see or do this"
    title_ar = "لا يحق لك الاطلاع على هذا أو القيام به"


class AlreadyExists(DomainError):
    """A creating command named something that already exists."""

    code = "already-exists"
    title = "It already exists"
    title_ar = "موجود مسبقاً"


class InvalidTransition(DomainError):
    """The command does not fit the current state (e.g. completing a completed milestone)."""

    code = "invalid-transition"
    title = "Not allowed in the current state"
    title_ar = "غير مسموح في الحالة الحالية"


class VersionConflict(DomainError):
    """The caller's expected version is not the current one: someone changed it first."""

    code = "version-conflict"
    title = "It was changed by someone else; reload and try again"
    title_ar = "تم تعديله من قبل مستخدم آخر؛ أعد التحميل وحاول مرة أخرى"

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(
            f"Expected version {expected} but the current version is {actual}.",
            f"الإصدار المتوقع {expected} لكن الإصدار الحالي {actual}.",
            field="If-Match",
        )
        self.expected = expected
        self.actual = actual


class IdempotencyMismatch(DomainError):
    """An Idempotency-Key was reused with a different request body."""

    code = "idempotency-key-reused"
    title = "This Idempotency-Key was already used for a different request"
    title_ar = "مفتاح عدم التكرار مستخدم مسبقاً لطلب مختلف"


class ReasonRequired(InvalidInput):
    """A decision was taken without saying why."""

    code = "reason-required"
    title = "A reason is required for this decision"
    title_ar = "يجب ذكر سبب لهذا القرار"

    def __init__(self) -> None:
        super().__init__(
            "A reason is required for this decision.",
            "يجب ذكر سبب لهذا القرار.",
            field="reason",
        )


@dataclass
class Problems:
    """Collects every invalid field of one input before refusing it, so users fix all at once."""

    items: list[FieldProblem] = field(default_factory=list)

    def add(self, field_name: str, message: str, message_ar: str) -> None:
        self.items.append(FieldProblem(field_name, message, message_ar))

    def raise_if_any(self) -> None:
        if self.items:
            first = self.items[0]
            raise InvalidInput(
                "; ".join(f"{p.field}: {p.message}" for p in self.items),
                "؛ ".join(f"{p.field}: {p.message_ar}" for p in self.items),
                field=first.field,
                problems=list(self.items),
            )
