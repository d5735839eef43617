"""The desk's licence types: the list (technical first), a new type, and a type's page to
revise its name, validity and CPD hours or retire it — changes carry the version shown.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.forms import MAX_FIELD, form_key, form_version, new_key, whole_number
from api.pages.i18n import language_of, translate
from api.pages.labels import LICENCE_STAGE_EN
from api.pages.rendering import FormErrors, page
from domain.errors import (
    AlreadyExists,
    DomainError,
    IdempotencyMismatch,
    InvalidInput,
    VersionConflict,
)
from domain.licences.licence_type import LicenceStage
from domain.messages import N_
from domain.roles import STAFF, Role
from domain.text import Text
from registry.i18n import say
from registry.idempotency import IdempotencyKey

READ = access(STAFF, Role.AUDITOR)
ACT = access(STAFF)
STAGE_ORDER = {"technical": 0, "administrative": 1}


class TypeFormIn(msgspec.Struct):
    key: str = ""
    version: str = ""
    code: str = ""
    stage: str = ""
    title_ar: str = ""
    title_en: str = ""
    validity_years: str = "3"
    cpd_hours: str = "30"
    reason: str = ""


TypeForm = Annotated[TypeFormIn, Body(media_type=RequestEncodingType.URL_ENCODED)]


def _errors(error: DomainError, lang: str) -> FormErrors:
    """The refusal by field; a title's languages are two fields here (``title.ar`` is
    ``title_ar``)."""
    errors = FormErrors(lang)
    for problem in error.problems:
        name = problem.field.replace(".", "_")
        errors.by_field.setdefault(name, say(problem.message, lang))
    if not error.problems:
        errors.general.append(say(error.message, lang))
    return errors


def _title(form: TypeFormIn) -> Text:
    return Text.of(form.title_ar[:MAX_FIELD], form.title_en[:MAX_FIELD], field="title")


def _stages(lang: str) -> list[tuple[str, str]]:
    return [(s, translate(lang, label)) for s, label in LICENCE_STAGE_EN.items()]


def types_page(
    request: AnyRequest, status_code: int = 200, *, form: TypeFormIn, **context: Any
) -> Template:
    """Every licence type, and the form for a new one."""
    types = sorted(
        registry_of(request).licences.list_types(),
        key=lambda t: (STAGE_ORDER.get(t.stage, 2), t.code),
    )
    return page(
        request,
        "desk/licences/types.html",
        status_code,
        types=types,
        form=form,
        stages=_stages(language_of(request)),
        stage_labels=LICENCE_STAGE_EN,
        can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
        **context,
    )


def type_page(
    request: AnyRequest,
    code: str,
    status_code: int = 200,
    *,
    form: TypeFormIn | None = None,
    **context: Any,
) -> Template:
    """One licence type: its terms, the revision form (filled with them) and retirement."""
    licence_type = registry_of(request).licences.get_type(code)
    shown = form or TypeFormIn(
        title_ar=licence_type.title.ar,
        title_en=licence_type.title.en,
        validity_years=str(licence_type.validity_years),
        cpd_hours=str(licence_type.cpd_hours),
    )
    return page(
        request,
        "desk/licences/type.html",
        status_code,
        licence_type=licence_type,
        form=shown,
        stage_labels=LICENCE_STAGE_EN,
        can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
        **{"conflict": False, "done": None, "failed": None, **context},
    )


class DeskLicenceTypePages(Controller):
    path = "/desk/licences/types"
    include_in_schema = False

    @get("/", name="desk_licence_types", **READ, sync_to_thread=True)
    def index(self, request: AnyRequest) -> Template:
        """The licence types, technical (first stage) then administrative."""
        return types_page(request, form=TypeFormIn(key=new_key()))

    @post("/", name="desk_licence_type_define", **ACT, sync_to_thread=True)
    def define(self, request: AnyRequest, data: TypeForm) -> Template | Redirect:
        """Adds a licence type; the form's key makes a second send the same request."""
        lang = language_of(request)
        data = msgspec.structs.replace(data, key=form_key(data.key))
        ctx = context_of(request)
        try:
            if data.stage not in STAGE_ORDER:
                raise InvalidInput(N_("Choose the licence's stage."), field="stage")
            licence_type = registry_of(request).licences.define_type(
                ctx,
                code=data.code[:MAX_FIELD],
                stage=LicenceStage(data.stage),
                title=_title(data),
                validity_years=whole_number(data.validity_years),
                cpd_hours=whole_number(data.cpd_hours),
                idempotency=IdempotencyKey.of(ctx.actor.id, data.key, msgspec.json.encode(data)),
            )
        except IdempotencyMismatch:
            errors = FormErrors(lang)
            errors.general.append(
                translate(lang, "This form was already sent. To add another type, open a new form.")
            )
            fresh = msgspec.structs.replace(data, key=new_key())
            return types_page(request, HTTP_409_CONFLICT, form=fresh, errors=errors)
        except AlreadyExists as error:
            errors = FormErrors(lang)
            errors.by_field["code"] = say(error.message, lang)
            return types_page(request, HTTP_409_CONFLICT, form=data, errors=errors)
        except InvalidInput as error:
            return types_page(
                request, HTTP_422_UNPROCESSABLE_ENTITY, form=data, errors=_errors(error, lang)
            )
        return Redirect(
            f"/desk/licences/types/{licence_type.code}?done=define",
            status_code=HTTP_303_SEE_OTHER,
        )

    @get("/{code:str}", name="desk_licence_type", **READ, sync_to_thread=True)
    def licence_type(
        self, request: AnyRequest, code: FromPath[str], done: FromQuery[str] = ""
    ) -> Template:
        """One type: its terms, and (for the office) its revision and retirement."""
        return type_page(request, code, done=done[:20] or None)

    @post("/{code:str}", name="desk_licence_type_revise", **ACT, sync_to_thread=True)
    def revise(
        self, request: AnyRequest, code: FromPath[str], data: TypeForm
    ) -> Template | Redirect:
        """Revises the type's name, validity and CPD hours against the version shown."""
        return self._change(request, code, data, "revise")

    @post("/{code:str}/retire", name="desk_licence_type_retire", **ACT, sync_to_thread=True)
    def retire(
        self, request: AnyRequest, code: FromPath[str], data: TypeForm
    ) -> Template | Redirect:
        """Stops new applications for the type, with a reason, against the version shown."""
        return self._change(request, code, data, "retire")

    def _change(
        self, request: AnyRequest, code: str, data: TypeForm, action: str
    ) -> Template | Redirect:
        lang = language_of(request)
        licences = registry_of(request).licences
        ctx, version = context_of(request), form_version(data.version)
        try:
            if action == "revise":
                changed = licences.revise_type(
                    ctx,
                    code,
                    version,
                    title=_title(data),
                    validity_years=whole_number(data.validity_years),
                    cpd_hours=whole_number(data.cpd_hours),
                )
            else:
                changed = licences.retire_type(ctx, code, version, data.reason[:2000])
        except VersionConflict:
            return type_page(request, code, HTTP_409_CONFLICT, conflict=True)
        except InvalidInput as error:
            return type_page(
                request,
                code,
                HTTP_422_UNPROCESSABLE_ENTITY,
                form=data if action == "revise" else None,
                errors=_errors(error, lang),
                failed=action,
            )
        except DomainError as error:  # e.g. retiring a retired type
            return type_page(
                request, code, HTTP_409_CONFLICT, errors=_errors(error, lang), failed=action
            )
        return Redirect(
            f"/desk/licences/types/{changed.code}?done={action}", status_code=HTTP_303_SEE_OTHER
        )
