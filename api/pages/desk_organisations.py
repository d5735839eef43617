"""The executive office's organisation pages: the organisations that apply for awards, one
organisation's profile with its accreditations (and their expiry), its status, and the
applicant accounts linked to it — through the same service as /api/v1/organisations."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID, uuid4

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
from api.pages.award_views import FormValues
from api.pages.i18n import language_of, translate
from api.pages.labels import TYPE_LABELS
from api.pages.rendering import FormErrors, page
from domain.awards.organisation import OrganisationType, Profile, normalise_licence
from domain.errors import DomainError, InvalidInput, VersionConflict
from domain.messages import N_
from domain.regions import REGION_NAMES, Region
from domain.roles import STAFF, Role
from domain.text import Text
from registry.idempotency import IdempotencyKey

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
READ = access(STAFF, Role.AUDITOR)
ACT = access(STAFF)
PAGE_SIZE = 50

STATUS_LABELS: dict[str, str] = {
    "registered": N_("Registered"),
    "active": N_("Activated"),
    "suspended": N_("Suspended"),
}
PROFILE_FIELDS = {
    "licence_number",
    "name",
    "type",
    "region",
    "beds",
    "licence_expires_on",
    "operating_since",
}
# The service names a clash with an existing licence "id"; on this form it is the licence.
RENAMED = {"id": "licence_number"}


def refused(error: DomainError, lang: str, fields: set[str]) -> FormErrors:
    """The error's messages beside the fields of this form."""
    errors = FormErrors.of(error, lang, fields | set(RENAMED))
    errors.by_field = {RENAMED.get(k, k): v for k, v in errors.by_field.items()}
    return errors


def _version(data: dict[str, Any]) -> int:
    raw = str(data.get("version") or "")
    return int(raw) if raw.isdigit() else -1


def _choice(values: FormValues, kind: type[Any], field: str) -> Any:
    try:
        return kind(str(values.form.get(field) or ""))
    except ValueError:
        values.problems.add(field, N_("Choose from the list."))
        return None


def _required_day(values: FormValues, field: str) -> Any:
    day = values.day(field)
    if day is None and values.text(field) is None:
        values.problems.add(field, N_("Enter a date (YYYY-MM-DD)."))
    return day


def profile_of(data: dict[str, Any]) -> Profile:
    """The profile fields of the form; every refused value is named by its field, all at once."""
    values = FormValues(data)
    name = None
    try:  # the registry checks the licence number again; here so every refusal shows at once
        normalise_licence(str(data.get("licence_number") or ""))
    except InvalidInput as error:
        values.problems.items.extend(error.problems)
    try:
        name = Text.of(str(data.get("name_ar") or ""), str(data.get("name_en") or ""), field="name")
    except InvalidInput as error:
        values.problems.items.extend(error.problems)
    kind = _choice(values, OrganisationType, "type")
    region = _choice(values, Region, "region")
    beds = values.integer("beds")
    expires = _required_day(values, "licence_expires_on")
    since = _required_day(values, "operating_since")
    values.check()
    return Profile(name, kind, region, beds, expires, since)  # type: ignore[arg-type]


def options(lang: str) -> dict[str, list[tuple[str, str]]]:
    return {
        "types": [(str(t), translate(lang, label)) for t, label in TYPE_LABELS.items()],
        "regions": [(str(r), names[1 if lang == "ar" else 0]) for r, names in REGION_NAMES.items()],
    }


class DeskOrganisationPages(Controller):
    path = "/desk/organisations"
    include_in_schema = False

    @get("/", name="desk_organisations", **READ, sync_to_thread=True)
    def index(self, request: AnyRequest, p: FromQuery[int] = 1) -> Template:
        """The organisations by English name, and the form to register one."""
        return self._index(request, max(1, min(p, 100_000)))

    @post("/", name="desk_organisation_create", **ACT, sync_to_thread=True)
    def create(self, request: AnyRequest, data: FormData) -> Template | Redirect:
        """Registers an organisation (a repeated submit of the same form registers it once)."""
        ctx = context_of(request)
        licence = str(data.get("licence_number") or "")
        try:
            organisation = registry_of(request).organisations.register(
                ctx,
                licence_number=licence,
                profile=profile_of(data),
                idempotency=IdempotencyKey.of(
                    ctx.actor.id, str(data.get("key") or uuid4()), licence.encode()
                ),
            )
        except DomainError as error:
            return self._index(
                request,
                1,
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=refused(error, language_of(request), PROFILE_FIELDS),
                form=data,
            )
        return Redirect(f"{self.path}/{organisation.id}", status_code=HTTP_303_SEE_OTHER)

    @get("/{organisation_id:uuid}", name="desk_organisation", **READ, sync_to_thread=True)
    def organisation(
        self, request: AnyRequest, organisation_id: FromPath[UUID], done: FromQuery[str] = ""
    ) -> Template:
        """Its profile, status, accreditations with expiry, and the linked applicants."""
        return self._organisation(request, organisation_id, done=done[:20] or None)

    @post(
        "/{organisation_id:uuid}/accreditations",
        name="desk_accreditation_add",
        **ACT,
        sync_to_thread=True,
    )
    def add_accreditation(
        self, request: AnyRequest, organisation_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        """Records an accreditation with its expiry (idempotent: the form carries a key)."""
        ctx = context_of(request)

        def add() -> object:
            values = FormValues(data)
            expires = _required_day(values, "expires_on")
            values.check()
            return registry_of(request).organisations.add_accreditation(
                ctx,
                organisation_id,
                _version(data),
                name=str(data.get("name") or ""),
                issuer=str(data.get("issuer") or ""),
                expires_on=expires,
                idempotency=IdempotencyKey.of(
                    ctx.actor.id,
                    str(data.get("key") or uuid4()),
                    f"{organisation_id}:{data.get('name')}".encode(),
                ),
            )

        return self._act(
            request, organisation_id, data, "accreditation", {"name", "issuer", "expires_on"}, add
        )

    @post(
        "/{organisation_id:uuid}/accreditations/{accreditation_id:uuid}/remove",
        name="desk_accreditation_remove",
        **ACT,
        sync_to_thread=True,
    )
    def remove_accreditation(
        self,
        request: AnyRequest,
        organisation_id: FromPath[UUID],
        accreditation_id: FromPath[UUID],
        data: FormData,
    ) -> Template | Redirect:
        """Removes an accreditation recorded in error, with the reason."""
        return self._act(
            request,
            organisation_id,
            data,
            f"remove-{accreditation_id}",
            {"reason"},
            lambda: registry_of(request).organisations.remove_accreditation(
                context_of(request),
                organisation_id,
                _version(data),
                accreditation_id,
                str(data.get("reason") or "").strip() or None,
            ),
        )

    @post(
        "/{organisation_id:uuid}/status",
        name="desk_organisation_status",
        **ACT,
        sync_to_thread=True,
    )
    def status(
        self, request: AnyRequest, organisation_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        """Activates (verified on the platform) or suspends the organisation, with the reason."""
        return self._act(
            request,
            organisation_id,
            data,
            "status",
            {"status_reason"},
            lambda: registry_of(request).organisations.set_status(
                context_of(request),
                organisation_id,
                _version(data),
                str(data.get("active")) == "yes",
                str(data.get("status_reason") or "").strip() or None,
            ),
            renamed={"reason": "status_reason"},
        )

    @post(
        "/{organisation_id:uuid}/members",
        name="desk_organisation_member",
        **ACT,
        sync_to_thread=True,
    )
    def member(
        self, request: AnyRequest, organisation_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        """Links an applicant account, found by its username, to this organisation."""
        registry = registry_of(request)

        def link() -> object:
            user = registry.users.find_by_username(str(data.get("username") or "").strip())
            if user is None or user.role != Role.APPLICANT:
                raise InvalidInput(
                    N_("No applicant account has this username."),
                    field="username",
                )
            return registry.organisations.assign_member(
                context_of(request),
                user.id,
                None,  # as the JSON API: a move to another organisation needs a reason instead
                organisation_id,
                str(data.get("member_reason") or "").strip() or None,
            )

        return self._act(
            request,
            organisation_id,
            data,
            "member",
            {"username", "member_reason"},
            link,
            renamed={"reason": "member_reason"},
        )

    # -- the shape every change shares ---------------------------------------------------

    def _act(
        self,
        request: AnyRequest,
        organisation_id: UUID,
        data: FormData,
        form: str,
        fields: set[str],
        command: Any,
        renamed: dict[str, str] | None = None,
    ) -> Template | Redirect:
        """Runs one change: a stale version is a 409 with the fresh state, a refusal a 422
        with the message next to the field; success redirects (post/redirect/get)."""
        lang = language_of(request)
        try:
            command()
        except VersionConflict:
            return self._organisation(request, organisation_id, HTTP_409_CONFLICT, conflict=True)
        except DomainError as error:
            errors = FormErrors.of(error, lang, fields | set(renamed or {}))
            errors.by_field = {(renamed or {}).get(k, k): v for k, v in errors.by_field.items()}
            return self._organisation(
                request,
                organisation_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=errors,
                failed=form,
                form=data,
            )
        return Redirect(
            f"{self.path}/{organisation_id}?done={form[:20]}", status_code=HTTP_303_SEE_OTHER
        )

    # -- rendering -----------------------------------------------------------------------

    def _index(self, request: AnyRequest, p: int, status: int = 200, **extra: Any) -> Template:
        lang = language_of(request)
        found = registry_of(request).organisations.list_organisations(
            PAGE_SIZE, (p - 1) * PAGE_SIZE
        )
        return page(
            request,
            "desk/organisations/index.html",
            status,
            organisations=found,
            page_number=p,
            pages=max(1, -(-found.total // PAGE_SIZE)),
            type_labels=TYPE_LABELS,
            status_labels=STATUS_LABELS,
            key=str(uuid4()),
            form=extra.get("form") or {},
            errors=extra.get("errors"),
            can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
            **options(lang),
        )

    def _organisation(
        self, request: AnyRequest, organisation_id: UUID, status: int = 200, **extra: Any
    ) -> Template:
        registry = registry_of(request)
        organisation = registry.organisations.get(organisation_id)
        today = registry.clock.now().date()
        accreditations = sorted(
            organisation.accreditations.values(), key=lambda a: (a.expires_on, a.name)
        )
        return page(
            request,
            "desk/organisations/organisation.html",
            status,
            organisation=organisation,
            accreditations=accreditations,
            today=today,
            years=organisation.facts().years_of_operation(today),
            type_labels=TYPE_LABELS,
            status_labels=STATUS_LABELS,
            key=str(uuid4()),
            conflict=extra.get("conflict", False),
            errors=extra.get("errors"),
            failed=extra.get("failed"),
            form=extra.get("form") or {},
            done=extra.get("done"),
            can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
        )
