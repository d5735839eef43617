"""Public application for a professional licence in quality (technical first, then
administrative), checked by the same rules as ``POST /api/v1/licences/applications``."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.forms import MAX_FIELD, form_key, idempotency, lines, new_key
from api.pages.i18n import language_of, translate
from api.pages.rendering import FormErrors, page
from domain.errors import (
    AlreadyExists,
    IdempotencyMismatch,
    InvalidInput,
    InvalidTransition,
    NotFound,
)
from registry.licences import LicenceApplicationForm

FIELDS = {
    "type_code",
    "national_id",
    "name_ar",
    "name_en",
    "mobile",
    "email",
    "qualifications",
    "experience_years",
    "evidence",
}


class LicenceFormIn(msgspec.Struct):
    key: str = ""
    type_code: str = ""
    national_id: str = ""
    name_ar: str = ""
    name_en: str = ""
    mobile: str = ""
    email: str = ""
    qualifications: str = ""
    experience_years: str = ""
    evidence: str = ""

    def to_form(self) -> LicenceApplicationForm:
        try:
            years = int(self.experience_years.strip())
        except ValueError:
            years = -1  # not a number of years: the domain's range rule names the field
        return LicenceApplicationForm(
            national_id=self.national_id[:MAX_FIELD],
            name_ar=self.name_ar[:MAX_FIELD],
            name_en=self.name_en[:MAX_FIELD] or None,
            mobile=self.mobile[:MAX_FIELD],
            email=self.email[:MAX_FIELD],
            type_code=self.type_code[:MAX_FIELD],
            qualifications=lines(self.qualifications),
            experience_years=years,
            evidence=lines(self.evidence),
        )


Form = Annotated[LicenceFormIn, Body(media_type=RequestEncodingType.URL_ENCODED)]


def _types(request: AnyRequest) -> dict[str, Any]:
    """The licence types open for application, technical first."""
    lang = language_of(request)
    open_types = [t for t in registry_of(request).licences.list_types() if t.active]
    order = {"technical": 0, "administrative": 1}
    open_types.sort(key=lambda t: (order.get(t.stage, 2), t.code))
    return {
        "types": [
            (t.code, t.title.ar if lang == "ar" else t.title.en, t.stage, t.validity_years)
            for t in open_types
        ]
    }


class LicenceApplicationPages(Controller):
    path = "/licences"
    include_in_schema = False

    @get("/apply", name="licence_apply", **access(public=True), sync_to_thread=True)
    def form(self, request: AnyRequest) -> Template:
        """The application form, with a fresh idempotency key."""
        return page(
            request,
            "public/licence_apply.html",
            form=LicenceFormIn(key=new_key()),
            **_types(request),
        )

    @post("/apply", name="licence_apply_post", **access(public=True), sync_to_thread=True)
    def apply(self, request: AnyRequest, data: Form) -> Template | Redirect:
        """Records the application, or shows the form again with each problem beside its field."""
        lang = language_of(request)
        data = msgspec.structs.replace(data, key=form_key(data.key))
        form = data.to_form()
        try:
            licence = registry_of(request).licences.apply(
                context_of(request), form, idempotency(data.key, form)
            )
        except (InvalidInput, InvalidTransition, NotFound, AlreadyExists) as error:
            status = (
                HTTP_422_UNPROCESSABLE_ENTITY
                if isinstance(error, InvalidInput)
                else HTTP_409_CONFLICT
            )
            return page(
                request,
                "public/licence_apply.html",
                status,
                form=data,
                errors=FormErrors.of(error, lang, FIELDS),
                **_types(request),
            )
        except IdempotencyMismatch:
            errors = FormErrors(lang)
            errors.general.append(
                translate(lang, "This form was already sent. To apply again, open a new form.")
            )
            return page(
                request,
                "public/licence_apply.html",
                HTTP_409_CONFLICT,
                form=msgspec.structs.replace(data, key=new_key()),
                errors=errors,
                **_types(request),
            )
        return Redirect(f"/licences/applied/{licence.id}", status_code=HTTP_303_SEE_OTHER)

    @get(
        "/applied/{licence_id:uuid}",
        name="licence_applied",
        **access(public=True),
        sync_to_thread=True,
    )
    def applied(self, request: AnyRequest, licence_id: FromPath[UUID]) -> Template:
        """The receipt: which licence was applied for and what happens next."""
        licence = registry_of(request).licences.get(licence_id)
        licence_type = registry_of(request).licences.get_type(licence.type_code)
        return page(
            request, "public/licence_applied.html", licence=licence, licence_type=licence_type
        )
