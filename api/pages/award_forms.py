"""What the award portal's form handlers share: the form body, its numbers, the criterion a
path names, and the shape of one change — run the command; a refusal re-renders the page
(422) with the rule's own message in the page's language; success redirects (post/redirect/
get). Applicants, judges, the chair and the office all post forms this way."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any

from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.http import AnyRequest
from api.pages.i18n import language_of
from api.pages.rendering import message_of
from domain.awards.framework import Criterion
from domain.errors import DomainError, InvalidInput, NotFound, VersionConflict
from domain.messages import N_

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
Multipart = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART)]
# A value outside a select's options (an enum refusing it) reads as this.
NOT_IN_LIST = InvalidInput(N_("Choose from the list."))


def form_int(data: dict[str, Any], name: str) -> int:
    """A whole number the page put in the form (a version, a count); 0 when missing."""
    raw = str(data.get(name) or "")
    return int(raw) if raw.isdigit() else 0


def criterion_of(criteria: Iterable[Criterion], number: str) -> Criterion:
    """The criterion a path names; any other number is no such page."""
    chosen = next((c for c in criteria if c.number == number), None)
    if chosen is None:
        raise NotFound(N_("No such criterion."))
    return chosen


def attempt(
    request: AnyRequest,
    command: Callable[[], object],
    redirect: str,
    render: Callable[..., Template],
    *,
    choices: bool = False,
) -> Template | Redirect:
    """Runs ``command``; a refusal is ``render(status, refusal=message)`` (422; 409 when the
    thing changed since the page showed it), success a 303
    to ``redirect``. With ``choices``, a value outside the form's options is a refusal too."""
    lang = language_of(request)
    try:
        command()
    except ValueError:
        if not choices:
            raise
        return render(HTTP_422_UNPROCESSABLE_ENTITY, refusal=message_of(NOT_IN_LIST, lang))
    except VersionConflict as error:
        # Someone else changed it since this page was opened: the page re-renders the fresh
        # state with the message, as every versioned page does (409, never an overwrite).
        return render(HTTP_409_CONFLICT, refusal=message_of(error, lang))
    except DomainError as error:
        return render(HTTP_422_UNPROCESSABLE_ENTITY, refusal=message_of(error, lang))
    return Redirect(redirect, status_code=HTTP_303_SEE_OTHER)
