"""Public enrolment in the National Program for Quality Ambassadors.

The form is checked by the same rules as ``POST /api/v1/ambassadors`` (the domain's
``validate_enrolment``); each refused field's message stands beside it in the page's
language. The form carries an idempotency key made when it was first shown, so pressing
submit twice, reloading the confirmation or going back and sending again enrols once.
"""

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
from api.pages.labels import options
from api.pages.rendering import FormErrors, page
from domain.ambassadors.enrolment import EnrolmentForm
from domain.ambassadors.values import SECTOR_NAMES, TRACK_NAMES
from domain.errors import AlreadyExists, IdempotencyMismatch, InvalidInput
from domain.messages import N_
from domain.regions import REGION_NAMES

FIELDS = {
    "track",
    "national_id",
    "name_ar",
    "name_en",
    "mobile",
    "email",
    "region",
    "city",
    "sector",
    "employer",
    "qualifications",
    "evidence",
}


class EnrolmentFormIn(msgspec.Struct):
    """The form as posted: every field a string (a half-filled form still parses)."""

    key: str = ""
    track: str = ""
    national_id: str = ""
    name_ar: str = ""
    name_en: str = ""
    mobile: str = ""
    email: str = ""
    region: str = ""
    city: str = ""
    sector: str = ""
    employer: str = ""
    qualifications: str = ""
    evidence: str = ""

    def to_form(self) -> EnrolmentForm:
        return EnrolmentForm(
            national_id=self.national_id[:MAX_FIELD],
            name_ar=self.name_ar[:MAX_FIELD],
            name_en=self.name_en[:MAX_FIELD] or None,
            mobile=self.mobile[:MAX_FIELD],
            email=self.email[:MAX_FIELD],
            region=self.region[:MAX_FIELD],
            city=self.city[:MAX_FIELD],
            # No choice made is not "general": the form asks, so the person must answer.
            track=self.track[:MAX_FIELD] or "unchosen",
            sector=self.sector[:MAX_FIELD] or None,
            employer=self.employer[:MAX_FIELD] or None,
            qualifications=lines(self.qualifications),
            evidence=lines(self.evidence),
        )


Form = Annotated[EnrolmentFormIn, Body(media_type=RequestEncodingType.URL_ENCODED)]


def _choices(lang: str) -> dict[str, Any]:
    tracks = [
        (value, label, translate(lang, description))
        for (value, label), description in zip(
            options(TRACK_NAMES, lang),
            [
                N_("For every citizen: spread a culture of quality at home and in your community."),
                N_("For employees of a sector: champion quality where you work."),
                N_(
                    "For quality professionals: advise and train, with your qualifications and evidence."
                ),
            ],
            strict=True,
        )
    ]
    return {
        "tracks": tracks,
        "regions": options(REGION_NAMES, lang),
        "sectors": options(SECTOR_NAMES, lang),
    }


class EnrolmentPages(Controller):
    path = "/ambassadors"
    include_in_schema = False

    @get("/enrol", name="enrol", **access(public=True))
    async def form(self, request: AnyRequest) -> Template:
        """The enrolment form, with a fresh idempotency key."""
        lang = language_of(request)
        return page(
            request,
            "public/enrol.html",
            form=EnrolmentFormIn(key=new_key()),
            **_choices(lang),
        )

    @post("/enrol", name="enrol_post", **access(public=True))
    async def enrol(self, request: AnyRequest, data: Form) -> Template | Redirect:
        """Enrols, or shows the form again with each problem beside its field."""
        lang = language_of(request)
        data = msgspec.structs.replace(data, key=form_key(data.key))
        form = data.to_form()
        try:
            membership = await registry_of(request).ambassadors.enrol_async(
                context_of(request), form, idempotency(data.key, form)
            )
        except (InvalidInput, AlreadyExists) as error:
            status = (
                HTTP_409_CONFLICT
                if isinstance(error, AlreadyExists)
                else HTTP_422_UNPROCESSABLE_ENTITY
            )
            return page(
                request,
                "public/enrol.html",
                status,
                form=data,
                errors=FormErrors.of(error, lang, FIELDS),
                **_choices(lang),
            )
        except IdempotencyMismatch:
            # The same form, sent before and now changed: it was already enrolled once.
            errors = FormErrors(lang)
            errors.general.append(
                translate(
                    lang,
                    "This form was already sent. To enrol someone else, open a new form.",
                )
            )
            fresh = msgspec.structs.replace(data, key=new_key())
            return page(
                request,
                "public/enrol.html",
                HTTP_409_CONFLICT,
                form=fresh,
                errors=errors,
                **_choices(lang),
            )
        return Redirect(f"/ambassadors/enrolled/{membership.id}", status_code=HTTP_303_SEE_OTHER)

    @get(
        "/enrolled/{membership_id:uuid}",
        name="enrolled",
        **access(public=True),
        sync_to_thread=True,
    )
    def enrolled(self, request: AnyRequest, membership_id: FromPath[UUID]) -> Template:
        """The confirmation: what was received and what happens next (nothing personal)."""
        membership = registry_of(request).ambassadors.get(membership_id)
        return page(request, "public/enrolled.html", membership=membership)
