"""What every page template receives, and the shape of a form's errors.

Page handlers call :func:`page` with a template and their own context; the language, the
direction, the signed-in user, the navigation for their role and the language toggle's link
are added here, once. Domain errors become :class:`FormErrors`: one message per field in the
page's language, from the messages the registry's rules already carry in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from litestar.response import Template
from litestar.status_codes import HTTP_200_OK

from api.http import AnyRequest
from api.pages.i18n import DIRECTION, OTHER_NAME, language_of, translate
from domain.errors import DomainError
from domain.messages import N_
from domain.roles import STAFF, Role
from registry.i18n import say

# Content-Security-Policy of every page: nothing from another host, no inline script or style.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


ROLE_LABELS: dict[str, str] = {
    Role.ADMIN: N_("Administrator"),
    Role.OFFICER: N_("Officer"),
    Role.JUDGE: N_("Judge"),
    Role.COMMITTEE_CHAIR: N_("Committee chair"),
    Role.APPLICANT: N_("Applicant"),
    Role.AUDITOR: N_("Auditor"),
    "public": N_("The public"),
    "system": N_("The registry"),
}


@dataclass(frozen=True)
class NavItem:
    href: str
    label: str  # an English msgid; the template translates it


# The staff navigation, by role: each role sees only the pages its guards let it open.
NAV: list[tuple[NavItem, frozenset[Role]]] = [
    (NavItem("/desk", N_("Desk")), frozenset(Role)),
    (NavItem("/desk/ambassadors", N_("Ambassadors")), frozenset(STAFF | {Role.AUDITOR})),
    (NavItem("/desk/licences", N_("Licences")), frozenset(STAFF | {Role.AUDITOR})),
    (
        NavItem("/desk/reports/membership", N_("Membership report")),
        frozenset(STAFF | {Role.AUDITOR}),
    ),
    (NavItem("/desk/reports/licences", N_("Licences report")), frozenset(STAFF | {Role.AUDITOR})),
    (NavItem("/desk/dashboard", N_("Dashboard")), frozenset(STAFF | {Role.AUDITOR})),
    (NavItem("/desk/initiatives", N_("Initiatives")), frozenset(STAFF | {Role.AUDITOR})),
    (NavItem("/desk/audit", N_("Audit")), frozenset({Role.AUDITOR})),
    (NavItem("/desk/users", N_("Users")), frozenset({Role.ADMIN})),
    # The award portal: each role's own way in.
    (NavItem("/apply", N_("My applications")), frozenset({Role.APPLICANT})),
    (NavItem("/judging", N_("My assignments")), frozenset({Role.JUDGE})),
    (NavItem("/chair", N_("Committee")), frozenset({Role.COMMITTEE_CHAIR})),
    (NavItem("/desk/editions", N_("Award editions")), frozenset(STAFF)),
    (NavItem("/desk/organisations", N_("Organisations")), frozenset(STAFF)),
]


def nav_for(role: str | None) -> list[NavItem]:
    if role is None:
        return []
    return [item for item, roles in NAV if role in roles]


@dataclass
class FormErrors:
    """A refused form's messages by field, in one language, in the order the rules named them."""

    lang: str
    by_field: dict[str, str] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, error: DomainError, lang: str, fields: set[str] | None = None) -> FormErrors:
        """The error's field problems; any that name no field on this form become general."""
        errors = cls(lang)
        for problem in error.problems:
            message = say(problem.message, lang)
            name = problem.field.split(".")[0].split("[")[0]
            if (fields is None or name in fields) and name not in errors.by_field:
                errors.by_field[name] = message
            elif fields is not None and name not in fields:
                errors.general.append(message)
        if not error.problems:
            errors.general.append(say(error.message, lang))
        return errors

    @classmethod
    def unconfirmed_erasure(cls, lang: str, confirm: str) -> FormErrors | None:
        """The erasure form's box (macros/erasure.html) left unticked: erasing is for good,
        so the officer says twice that the person asked for it."""
        if confirm == "yes":
            return None
        errors = cls(lang)
        errors.by_field["confirm"] = translate(
            lang, "Tick the box to confirm that the person asked for their data to be erased."
        )
        return errors

    def __bool__(self) -> bool:
        return bool(self.by_field or self.general)

    def get(self, name: str) -> str | None:
        return self.by_field.get(name)


def message_of(error: DomainError, lang: str) -> str:
    """A domain error's own message in the page's language."""
    return say(error.message, lang)


def page(
    request: AnyRequest,
    template: str,
    status_code: int = HTTP_200_OK,
    **context: Any,
) -> Template:
    """Renders ``template`` with the context every page shares."""
    lang = language_of(request)
    user = request.scope.get("user")
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    other = "en" if lang == "ar" else "ar"
    return Template(
        template_name=template,
        status_code=status_code,
        context={
            "lang": lang,
            "dir": DIRECTION[lang],
            "user": user,
            "nav": nav_for(getattr(user, "role", None)),
            "role_label": ROLE_LABELS.get(getattr(user, "role", ""), ""),
            "role_labels": ROLE_LABELS,
            "path": request.url.path,
            "toggle_href": f"/language/{other}?next={quote(here, safe='/')}",
            "toggle_label": OTHER_NAME[lang],
            "toggle_lang": other,
            "errors": None,
            **context,
        },
        headers={**PAGE_HEADERS, "Content-Language": lang, "Vary": "Cookie, Accept-Language"},
    )
