"""The one small hierarchy of domain errors.

Every error carries a stable ``code`` (it becomes the problem ``type``), a ``title`` and a
``message``, each one English msgid (``domain/messages.py``) that the edge translates through
the gettext catalogues, and, where one input is at fault, the ``field``:
``InvalidInput(N_("At most {max_length} characters."), field="city", max_length=120)``.
The API maps each class to one HTTP status in one place (``api/errors.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.messages import N_, Joined, Message, Param, Readable


@dataclass(frozen=True)
class FieldProblem:
    """One invalid input, named so a user can find it on their form."""

    field: str
    message: Readable


class DomainError(Exception):
    """Base of every rule the domain refuses to break."""

    code = "domain-error"
    title = N_("The request breaks a rule of the registry")

    def __init__(
        self,
        message: str | Readable,
        /,
        *,
        field: str | None = None,
        problems: list[FieldProblem] | None = None,
        **params: Param,
    ) -> None:
        """``message`` is a msgid (its placeholders filled from ``params``) or a ready message."""
        self.message: Readable = Message(message, **params) if isinstance(message, str) else message
        super().__init__(str(self.message))
        self.field = field
        self.problems = problems or ([FieldProblem(field, self.message)] if field else [])


class InvalidInput(DomainError):
    """A value is malformed or out of range."""

    code = "invalid-input"
    title = N_("Some of the input is not valid")


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to the caller)."""

    code = "not-found"
    title = N_("Not found")


class Forbidden(DomainError):
    """The caller's role allows the route, but not this particular thing (e.g. another's scores)."""

    code = "forbidden"
    title = N_("You may not see or do this")


class AlreadyExists(DomainError):
    """A creating command named something that already exists."""

    code = "already-exists"
    title = N_("It already exists")


class InvalidTransition(DomainError):
    """The command does not fit the current state (e.g. completing a completed milestone)."""

    code = "invalid-transition"
    title = N_("Not allowed in the current state")


class VersionConflict(DomainError):
    """The caller's expected version is not the current one: someone changed it first."""

    code = "version-conflict"
    title = N_("It was changed by someone else; reload and try again")

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(
            N_("Expected version {expected} but the current version is {actual}."),
            field="If-Match",
            expected=expected,
            actual=actual,
        )
        self.expected = expected
        self.actual = actual


class IdempotencyMismatch(DomainError):
    """An Idempotency-Key was reused with a different request body."""

    code = "idempotency-key-reused"
    title = N_("This Idempotency-Key was already used for a different request")


class ReasonRequired(InvalidInput):
    """A decision was taken without saying why."""

    code = "reason-required"
    title = N_("A reason is required for this decision")

    def __init__(self) -> None:
        super().__init__(N_("A reason is required for this decision."), field="reason")


@dataclass
class Problems:
    """Collects every invalid field of one input before refusing it, so users fix all at once."""

    items: list[FieldProblem] = field(default_factory=list)

    def add(self, field_name: str, message: str | Readable, /, **params: Param) -> None:
        """Names what is wrong with ``field_name``: a msgid and its placeholders' values."""
        readable = Message(message, **params) if isinstance(message, str) else message
        self.items.append(FieldProblem(field_name, readable))

    def raise_if_any(self) -> None:
        if self.items:
            first = self.items[0]
            raise InvalidInput(
                Joined.of(
                    (
                        Message(N_("{field}: {problem}"), field=p.field, problem=p.message)
                        for p in self.items
                    ),
                    N_("; "),
                ),
                field=first.field,
                problems=list(self.items),
            )
