"""The applicant's pages: the organisation's profile and applications, the application form
(answers saved one criterion at a time with the version the page showed), evidence files,
the checklist before submitting, the submission and, once published, the result."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from litestar import Controller, get, post
from litestar.datastructures import UploadFile
from litestar.params import FromPath
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.award_forms import FormData, Multipart, criterion_of
from api.pages.award_views import FormValues, status_label, timeline
from api.pages.i18n import language_of
from api.pages.labels import TYPE_LABELS
from api.pages.rendering import FormErrors, message_of, page
from domain.awards.application import (
    EVIDENCE_TYPES,
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_PER_CRITERION,
    Answer,
    Application,
    ApplicationStatus,
)
from domain.awards.edition import PhaseKind
from domain.awards.framework import Criterion, CriterionKind
from domain.errors import DomainError, InvalidInput, NotFound, VersionConflict
from domain.messages import N_
from domain.regions import REGION_NAMES
from domain.roles import Role
from registry.idempotency import IdempotencyKey

ACCEPT = ",".join(sorted({ext for exts, _ in EVIDENCE_TYPES.values() for ext in exts}))


def _version(form: dict[str, Any]) -> int:
    raw = str(form.get("version") or "")
    if not raw.isdigit():
        raise InvalidInput(N_("The page's version is missing."), field="version")
    return int(raw)


def answer_of(criterion: Criterion, form: dict[str, Any]) -> Answer:
    """The fields of the criterion's kind, parsed; each refused value named by its field."""
    values = FormValues(form)
    kind = criterion.kind
    answer = Answer(
        text=values.text("text"),
        numerator=values.decimal("numerator") if kind == CriterionKind.KPI else None,
        denominator=values.decimal("denominator") if kind == CriterionKind.KPI else None,
        count=values.integer("count") if kind == CriterionKind.COUNT else None,
        certificate_number=values.text("certificate_number")
        if kind == CriterionKind.CERTIFICATE
        else None,
        issuer=values.text("issuer") if kind == CriterionKind.CERTIFICATE else None,
        expires_on=values.day("expires_on") if kind == CriterionKind.CERTIFICATE else None,
        items=values.items("items") if kind == CriterionKind.ITEMISED else (),
    )
    values.check()
    return answer


class ApplicantPages(Controller):
    path = "/apply"
    include_in_schema = False

    @get("/", name="apply_home", **access(Role.APPLICANT), sync_to_thread=True)
    def home(self, request: AnyRequest) -> Template:
        """The organisation as the registry holds it, its applications, and editions open now."""
        registry = registry_of(request)
        ctx = context_of(request)
        lang = language_of(request)
        own = registry.organisations.organisation_of(ctx.actor.id)
        organisation = registry.organisations.get(own) if own else None
        now = registry.clock.now()
        open_editions = []
        for row in registry.editions.list_editions():
            if row.status == "draft":
                continue
            edition = registry.editions.get(UUID(row.id))
            if edition.phase_at(now) == PhaseKind.REGISTRATION:
                open_editions.append(edition)
        applications = registry.applications.list_applications(ctx, 10_000, 0).items
        return page(
            request,
            "awards/applicant/home.html",
            organisation=organisation,
            region_name=REGION_NAMES[organisation.profile.region][1 if lang == "ar" else 0]
            if organisation
            else "",
            applications=applications,
            open_editions=open_editions,
            type_labels=TYPE_LABELS,
            titles={r.id: r.title for r in registry.editions.list_editions()},
            status_label=status_label,
            key=str(uuid4()),
        )

    @post("/start", name="apply_start", **access(Role.APPLICANT), sync_to_thread=True)
    def start(self, request: AnyRequest, data: FormData) -> Redirect | Template:
        """Drafts the application (a repeated submit of the same form returns the same draft)."""
        registry = registry_of(request)
        ctx = context_of(request)
        try:
            edition_id = UUID(str(data.get("edition_id")))
            key = str(data.get("key") or uuid4())
            idempotency = IdempotencyKey.of(
                ctx.actor.id, key, f"{edition_id}:{data.get('category')}".encode()
            )
            application = registry.applications.draft(
                ctx,
                edition_id=edition_id,
                category=str(data.get("category") or ""),
                idempotency=idempotency,
            )
        except ValueError:
            raise NotFound(N_("No such edition.")) from None
        except DomainError as error:
            return page(
                request,
                "awards/applicant/refused.html",
                HTTP_422_UNPROCESSABLE_ENTITY,
                message=message_of(error, language_of(request)),
            )
        return Redirect(f"/apply/{application.id}", status_code=HTTP_303_SEE_OTHER)

    @get("/{application_id:uuid}", name="apply_form", **access(Role.APPLICANT), sync_to_thread=True)
    def form(self, request: AnyRequest, application_id: FromPath[UUID]) -> Template:
        """Every criterion by domain in the framework's order, with its answer and evidence."""
        return self._render(request, application_id, "awards/applicant/form.html")

    @get(
        "/{application_id:uuid}/criteria/{number:str}",
        name="apply_criterion",
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def criterion(
        self, request: AnyRequest, application_id: FromPath[UUID], number: FromPath[str]
    ) -> Template:
        """One criterion's block as stored now (another tab refreshes it after a change)."""
        return self._render(request, application_id, "awards/applicant/criterion.html", number)

    @post(
        "/{application_id:uuid}/answers/{number:str}",
        name="apply_answer",
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def answer(
        self,
        request: AnyRequest,
        application_id: FromPath[UUID],
        number: FromPath[str],
        data: FormData,
    ) -> Template | Redirect:
        """Saves one answer with the version the page showed; a newer version is not overwritten."""
        registry = registry_of(request)
        ctx = context_of(request)
        application = registry.applications.read(ctx, application_id)
        _, framework = registry.applications.context_of(application)
        chosen = criterion_of(framework.criteria(), number)
        try:
            registry.applications.answer(
                ctx, application_id, _version(data), number, answer_of(chosen, data)
            )
        except VersionConflict:
            if request.headers.get("hx-request"):
                return self._render(
                    request,
                    application_id,
                    "awards/applicant/save_status.html",
                    number,
                    status=HTTP_409_CONFLICT,
                    conflict=number,
                    focus=number,
                )
            return self._criterion(
                request,
                application_id,
                number,
                status=HTTP_409_CONFLICT,
                conflict=number,
                typed=data,
            )
        except DomainError as error:
            if request.headers.get("hx-request"):
                return self._render(
                    request,
                    application_id,
                    "awards/applicant/save_status.html",
                    number,
                    status=HTTP_422_UNPROCESSABLE_ENTITY,
                    errors=FormErrors.of(error, language_of(request)),
                    focus=number,
                )
            return self._criterion(
                request,
                application_id,
                number,
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                errors=FormErrors.of(error, language_of(request)),
                typed=data,
            )
        if request.headers.get("hx-request"):
            return self._render(
                request,
                application_id,
                "awards/applicant/save_status.html",
                number,
                saved=number,
                focus=number,
            )
        return Redirect(f"/apply/{application_id}#c-{number}", status_code=HTTP_303_SEE_OTHER)

    @post(
        "/{application_id:uuid}/evidence",
        name="apply_evidence",
        **access(Role.APPLICANT),
        request_max_body_size=MAX_EVIDENCE_BYTES + 64 * 1024,
        sync_to_thread=True,
    )
    def upload(
        self, request: AnyRequest, application_id: FromPath[UUID], data: Multipart
    ) -> Template | Redirect:
        """Attaches a file to a criterion; the limits are shown beside the field beforehand."""
        registry = registry_of(request)
        number = str(data.get("criterion") or "")
        upload = data.get("file")
        try:
            if not isinstance(upload, UploadFile) or not upload.filename:
                raise InvalidInput(N_("Choose a file."), field="file")
            registry.applications.attach_evidence(
                context_of(request),
                application_id,
                _version(data),
                criterion=number,
                name=upload.filename,
                media_type=upload.content_type,
                content=upload.file.read(MAX_EVIDENCE_BYTES + 1),
            )
        except VersionConflict:
            return self._criterion(
                request,
                application_id,
                number,
                status=HTTP_409_CONFLICT,
                conflict=number,
            )
        except DomainError as error:
            if isinstance(error, NotFound):
                raise
            return self._criterion(
                request,
                application_id,
                number,
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                errors=FormErrors.of(error, language_of(request)),
            )
        if request.headers.get("hx-request"):
            return self._render(
                request,
                application_id,
                "awards/applicant/criterion.html",
                number,
                saved=number,
                focus=number,
            )
        return Redirect(f"/apply/{application_id}#c-{number}", status_code=HTTP_303_SEE_OTHER)

    @post(
        "/{application_id:uuid}/evidence/{evidence_id:uuid}/remove",
        name="apply_evidence_remove",
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def remove(
        self,
        request: AnyRequest,
        application_id: FromPath[UUID],
        evidence_id: FromPath[UUID],
        data: FormData,
    ) -> Template | Redirect:
        registry = registry_of(request)
        application = registry.applications.read(context_of(request), application_id)
        number = application.evidence_file(evidence_id).criterion
        try:
            registry.applications.detach_evidence(
                context_of(request), application_id, _version(data), evidence_id
            )
        except VersionConflict:
            return self._criterion(
                request,
                application_id,
                number,
                status=HTTP_409_CONFLICT,
                conflict=number,
            )
        return Redirect(f"/apply/{application_id}#c-{number}", status_code=HTTP_303_SEE_OTHER)

    @get(
        "/{application_id:uuid}/evidence/{evidence_id:uuid}",
        name="apply_evidence_file",
        **access(Role.APPLICANT, Role.JUDGE, Role.COMMITTEE_CHAIR, Role.OFFICER, Role.ADMIN),
        sync_to_thread=True,
    )
    def evidence_file(
        self, request: AnyRequest, application_id: FromPath[UUID], evidence_id: FromPath[UUID]
    ) -> Any:
        """The file itself, inline, for those who may see the application (judges beside the score)."""
        from litestar import Response

        evidence, content = registry_of(request).applications.evidence_content(
            context_of(request), application_id, evidence_id
        )
        return Response(
            content=content,
            media_type=evidence.media_type,
            headers={
                "Content-Disposition": f'inline; filename="evidence-{evidence.evidence_id}"',
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "private, no-store",
                "Content-Security-Policy": "default-src 'none'; img-src 'self'; object-src 'self'",
                "X-Frame-Options": "SAMEORIGIN",
            },
        )

    @post(
        "/{application_id:uuid}/submit",
        name="apply_submit",
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def submit(
        self, request: AnyRequest, application_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        """Submits; refused with every missing item and eligibility problem listed."""
        registry = registry_of(request)
        try:
            registry.applications.submit(context_of(request), application_id, _version(data))
        except VersionConflict:
            return self._render(
                request,
                application_id,
                "awards/applicant/form.html",
                status=HTTP_409_CONFLICT,
                conflict="submit",
            )
        except DomainError as error:
            if isinstance(error, NotFound):
                raise
            return self._render(
                request,
                application_id,
                "awards/applicant/form.html",
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(f"/apply/{application_id}", status_code=HTTP_303_SEE_OTHER)

    # -- rendering -----------------------------------------------------------------------

    def _criterion(
        self,
        request: AnyRequest,
        application_id: UUID,
        number: str,
        status: int = 200,
        **extra: Any,
    ) -> Template:
        """The criterion's block for htmx; the whole form, scrolled to it, without JavaScript."""
        template = (
            "awards/applicant/criterion.html"
            if request.headers.get("hx-request")
            else "awards/applicant/form.html"
        )
        return self._render(
            request, application_id, template, number, status=status, focus=number, **extra
        )

    def _render(
        self,
        request: AnyRequest,
        application_id: UUID,
        template: str,
        number: str | None = None,
        *,
        status: int = 200,
        **extra: Any,
    ) -> Template:
        registry = registry_of(request)
        ctx = context_of(request)
        lang = language_of(request)
        application = registry.applications.read(ctx, application_id)
        edition, framework = registry.applications.context_of(application)
        now = registry.clock.now()
        registration = edition.phases.get(PhaseKind.REGISTRATION)
        editable = (
            application.status == ApplicationStatus.DRAFT
            and edition.phase_at(now) == PhaseKind.REGISTRATION
        )
        checks = registry.applications.checks(application)
        result = None
        if edition.results.get(application.category):
            try:
                result = registry.results.applicant_result(ctx, application_id)
            except NotFound:
                result = None
        chosen = None
        if number is not None:
            chosen = criterion_of(framework.criteria(), number)
        return page(
            request,
            template,
            status,
            application=application,
            edition=edition,
            framework=framework,
            organisation=registry.organisations.get(application.organisation_id),
            criterion=chosen,
            editable=editable,
            registration=registration,
            now=now,
            timeline=timeline(edition, now, lang),
            checks=checks,
            missing_by_criterion=_by_criterion(checks.missing),
            warnings_by_criterion=_by_criterion(checks.warnings),
            evidence=_evidence_by_criterion(application),
            result=result,
            status_label=status_label,
            limits={
                "size_mb": MAX_EVIDENCE_BYTES // (1024 * 1024),
                "per_criterion": MAX_EVIDENCE_PER_CRITERION,
                "accept": ACCEPT,
                "types": "PDF, PNG, JPEG, Word, Excel, PowerPoint",
            },
            conflict=extra.pop("conflict", None),
            saved=extra.pop("saved", None),
            typed=extra.pop("typed", None),
            refusal=extra.pop("refusal", None),
            focus=extra.pop("focus", None),
            **extra,
        )


def _by_criterion(problems: list[Any]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for problem in problems:
        parts = problem.field.split(".")
        if len(parts) >= 2 and parts[0] in ("answers", "evidence"):
            found.setdefault(parts[1], []).append(problem)
    return found


def _evidence_by_criterion(application: Application) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for evidence in application.evidence.values():
        found.setdefault(evidence.criterion, []).append(evidence)
    return found
