"""/api/v1/frameworks, /api/v1/awards and /api/v1/editions: what award programmes judge
against, the programmes themselves, and their yearly editions with their results."""

from __future__ import annotations

from uuid import UUID

import msgspec
from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_201_CREATED

from api.errors import BadRequest
from api.guards import access
from api.http import (
    AnyRequest,
    context_of,
    expected_version,
    idempotency_of,
    registry_of,
    versioned,
)
from api.schemas.awards import (
    AwardWithdrawal,
    CategoryDoc,
    CategoryResultsOut,
    EditionCreate,
    EditionOut,
    EditionSummaryOut,
    FrameworkDoc,
    FrameworkOut,
    FrameworkRevision,
    FrameworkSummaryOut,
    PhaseChange,
    PointsChange,
    ProgrammeCreate,
    ProgrammeOut,
    PublishResults,
    ResultsOut,
    RulesChange,
)
from api.schemas.common import EventOut
from api.schemas.history import events_out
from domain.awards.edition import Edition, PhaseKind
from domain.awards.framework_version import FrameworkVersion
from domain.awards.ranking import TIE_BREAK
from domain.messages import N_
from domain.roles import OVERSIGHT, READERS, STAFF, Role
from domain.text import Text
from registry.editions import EditionService
from registry.frameworks import FrameworkService
from registry.results import Ranking, ResultsService


def _version(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 10_000:
        raise BadRequest(N_("A version is a whole number from 1."), field="version")
    return int(raw)


def _framework_out(version: FrameworkVersion) -> FrameworkOut:
    return FrameworkOut(
        str(version.id),
        version.key,
        version.number,
        version.locked,
        FrameworkDoc.of(version.framework),
        version.version,
    )


class FrameworkController(Controller):
    path = "/api/v1/frameworks"
    tags = ["Awards"]

    @get(
        "/",
        operation_id="listFrameworks",
        summary="List criteria frameworks / قائمة أطر المعايير",
        **access(READERS),
        sync_to_thread=True,
    )
    def list_frameworks(
        self, frameworks: NamedDependency[FrameworkService]
    ) -> list[FrameworkSummaryOut]:
        """Every version of every criteria framework (read model)."""
        found = frameworks.list_frameworks()
        return msgspec.convert(found, list[FrameworkSummaryOut], from_attributes=True)

    @get(
        "/{key:str}/versions/{version:str}",
        operation_id="getFramework",
        summary="Read a criteria framework version / عرض إصدار من إطار معايير",
        **access(READERS),
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        frameworks: NamedDependency[FrameworkService],
        key: FromPath[str],
        version: FromPath[str],
    ) -> Response[FrameworkOut]:
        """One framework version: its domains, weights, criteria, guidance and scoring rules."""
        found = frameworks.get(key, _version(version))
        return versioned(_framework_out(found), found.version)

    @post(
        "/",
        operation_id="publishFramework",
        summary="Publish a criteria framework version / نشر إصدار من إطار معايير",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def publish(
        self,
        request: AnyRequest,
        frameworks: NamedDependency[FrameworkService],
        data: JSONBody[FrameworkDoc],
    ) -> Response[FrameworkOut]:
        """Publishes a new framework version (the next number after the latest of its key)."""
        found = frameworks.publish(
            context_of(request), data.to_domain(), idempotency_of(request, data)
        )
        return versioned(
            _framework_out(found),
            found.version,
            HTTP_201_CREATED,
            f"{self.path}/{found.key}/versions/{found.number}",
        )

    @put(
        "/{key:str}/versions/{version:str}",
        operation_id="reviseFramework",
        summary="Revise an unlocked framework version / تعديل إصدار إطار غير مقفل",
        **access(STAFF),
        sync_to_thread=True,
    )
    def revise(
        self,
        request: AnyRequest,
        frameworks: NamedDependency[FrameworkService],
        key: FromPath[str],
        version: FromPath[str],
        data: JSONBody[FrameworkRevision],
    ) -> Response[FrameworkOut]:
        """Corrects a version no open edition uses yet (409 once locked: publish a new version)."""
        found = frameworks.revise(
            context_of(request),
            key,
            _version(version),
            expected_version(request),
            data.framework.to_domain(),
            data.reason,
        )
        return versioned(_framework_out(found), found.version)


class AwardController(Controller):
    path = "/api/v1/awards"
    tags = ["Awards"]

    @get(
        "/",
        operation_id="listAwardProgrammes",
        summary="List award programmes / قائمة برامج الجوائز",
        **access(public=True),
        sync_to_thread=True,
    )
    def list_programmes(self, editions: NamedDependency[EditionService]) -> list[ProgrammeOut]:
        """The award programmes (Amyaz, Nawah, Maan…)."""
        return [ProgrammeOut.of(p) for p in editions.list_programmes()]

    @get(
        "/{programme_id:uuid}",
        operation_id="getAwardProgramme",
        summary="Read an award programme / عرض برنامج جائزة",
        **access(public=True),
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        programme_id: FromPath[UUID],
    ) -> Response[ProgrammeOut]:
        """One programme with its goals."""
        programme = editions.get_programme(programme_id)
        return versioned(ProgrammeOut.of(programme), programme.version)

    @post(
        "/",
        operation_id="createAwardProgramme",
        summary="Register an award programme / تسجيل برنامج جائزة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def create(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        data: JSONBody[ProgrammeCreate],
    ) -> Response[ProgrammeOut]:
        """Registers an award programme."""
        programme = editions.register_programme(
            context_of(request),
            code=data.code,
            name=data.name.to_domain("name"),
            description=data.description.to_domain("description"),
            organiser=data.organiser.to_domain("organiser"),
            goals=tuple(g.to_domain("goals") for g in data.goals),
            idempotency=idempotency_of(request, data),
        )
        return versioned(
            ProgrammeOut.of(programme),
            programme.version,
            HTTP_201_CREATED,
            f"{self.path}/{programme.id}",
        )


def _edition(request: AnyRequest, edition: Edition) -> Response[EditionOut]:
    return versioned(EditionOut.of(edition, registry_of(request).clock.now()), edition.version)


def organisation_names(request: AnyRequest) -> dict[str, Text]:
    return registry_of(request).organisations.names()


class EditionController(Controller):
    path = "/api/v1/editions"
    tags = ["Awards"]

    @get(
        "/",
        operation_id="listEditions",
        summary="List award editions / قائمة دورات الجوائز",
        **access(public=True),
        sync_to_thread=True,
    )
    def list_editions(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        programme: FromQuery[str | None] = None,
    ) -> list[EditionSummaryOut]:
        """The editions, optionally of one programme (by code, e.g. `AMYAZ`)."""
        found = editions.list_editions(programme)
        return msgspec.convert(found, list[EditionSummaryOut], from_attributes=True)

    @get(
        "/{edition_id:uuid}",
        operation_id="getEdition",
        summary="Read an award edition / عرض دورة جائزة",
        **access(public=True),
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
    ) -> Response[EditionOut]:
        """An edition: categories, framework versions, timeline (with the current phase), rules."""
        return _edition(request, editions.get(edition_id))

    @post(
        "/",
        operation_id="createEdition",
        summary="Create an award edition / إنشاء دورة جائزة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def create(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        data: JSONBody[EditionCreate],
    ) -> Response[EditionOut]:
        """Creates a yearly edition of a programme as a draft to configure."""
        edition = editions.create_edition(
            context_of(request),
            programme_code=data.programme_code,
            year=data.year,
            title=data.title.to_domain("title"),
            minimum_score=data.minimum_score,
            eligibility=data.eligibility.to_domain(),
            idempotency=idempotency_of(request, data),
        )
        response = _edition(request, edition)
        response.status_code = HTTP_201_CREATED
        response.headers["Location"] = f"{self.path}/{edition.id}"
        return response

    @put(
        "/{edition_id:uuid}/categories/{key:str}",
        operation_id="configureCategory",
        summary="Configure a category of an edition / إعداد فئة في دورة",
        **access(STAFF),
        sync_to_thread=True,
    )
    def configure_category(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
        key: FromPath[str],
        data: JSONBody[CategoryDoc],
    ) -> Response[EditionOut]:
        """Adds or replaces a category of a draft edition, with its framework version."""
        edition = editions.configure_category(
            context_of(request), edition_id, expected_version(request), data.to_domain(key)
        )
        return _edition(request, edition)

    @post(
        "/{edition_id:uuid}/categories/{key:str}/remove",
        operation_id="removeCategory",
        summary="Remove a category from a draft edition / حذف فئة من دورة مسودة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def remove_category(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
        key: FromPath[str],
    ) -> Response[EditionOut]:
        """Removes a category from a draft edition."""
        edition = editions.remove_category(
            context_of(request), edition_id, expected_version(request), key
        )
        return _edition(request, edition)

    @put(
        "/{edition_id:uuid}/categories/{key:str}/points/{criterion:str}",
        operation_id="setCriterionPoints",
        summary="Set a criterion's points for an edition / تحديد درجات معيار في دورة",
        **access(STAFF),
        sync_to_thread=True,
    )
    def set_points(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
        key: FromPath[str],
        criterion: FromPath[str],
        data: JSONBody[PointsChange],
    ) -> Response[EditionOut]:
        """Sets a criterion's maximum points for this edition where the source gives none (the
        registry's default is 4); KPI and count bands scale with it. Draft editions only."""
        edition = editions.set_points(
            context_of(request),
            edition_id,
            expected_version(request),
            key,
            criterion,
            data.max_points,
        )
        return _edition(request, edition)

    @put(
        "/{edition_id:uuid}/rules",
        operation_id="setEditionRules",
        summary="Set an edition's eligibility rules / تحديد شروط الأهلية لدورة",
        **access(STAFF),
        sync_to_thread=True,
    )
    def set_rules(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
        data: JSONBody[RulesChange],
    ) -> Response[EditionOut]:
        """Sets the eligibility rules and the minimum score for winning (draft only)."""
        edition = editions.set_rules(
            context_of(request),
            edition_id,
            expected_version(request),
            data.minimum_score,
            data.eligibility.to_domain(),
        )
        return _edition(request, edition)

    @put(
        "/{edition_id:uuid}/phases/{kind:str}",
        operation_id="schedulePhase",
        summary="Schedule a phase of an edition / جدولة مرحلة من دورة",
        **access(STAFF),
        sync_to_thread=True,
    )
    def schedule_phase(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
        kind: FromPath[PhaseKind],
        data: JSONBody[PhaseChange],
    ) -> Response[EditionOut]:
        """Sets a phase's window (hard deadlines). Once open, a change needs a `reason` and a
        phase that has closed cannot be moved."""
        edition = editions.schedule_phase(
            context_of(request),
            edition_id,
            expected_version(request),
            data.to_domain(kind),
            data.reason,
        )
        return _edition(request, edition)

    @post(
        "/{edition_id:uuid}/open",
        operation_id="openEdition",
        summary="Open an edition / فتح دورة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def open_edition(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
    ) -> Response[EditionOut]:
        """Opens the edition: its configuration and framework versions are frozen from now on."""
        edition = editions.open(context_of(request), edition_id, expected_version(request))
        return _edition(request, edition)

    @get(
        "/{edition_id:uuid}/history",
        operation_id="getEditionHistory",
        summary="An edition's history / سجل دورة",
        **access(STAFF, Role.COMMITTEE_CHAIR, Role.AUDITOR),
        sync_to_thread=True,
    )
    def history(
        self,
        request: AnyRequest,
        editions: NamedDependency[EditionService],
        edition_id: FromPath[UUID],
    ) -> list[EventOut]:
        """Every change and decision on the edition: who, when, why — publications included."""
        return events_out(editions.history(edition_id))

    @get(
        "/{edition_id:uuid}/leaderboard",
        operation_id="getLeaderboard",
        summary="Live leaderboard of an edition / الترتيب الحي لدورة",
        **access(OVERSIGHT),
        description=f"Live ranking on consensus scores. {TIE_BREAK}",
        sync_to_thread=True,
    )
    def leaderboard(
        self, results: NamedDependency[ResultsService], edition_id: FromPath[UUID]
    ) -> list[CategoryResultsOut]:
        """The live ranking per category, recomputed from the consensus scores."""
        ranking = results.live_ranking(edition_id)
        return [CategoryResultsOut.of(c, ranking.names) for c in ranking.categories]

    @post(
        "/{edition_id:uuid}/results",
        operation_id="publishResults",
        summary="Publish an edition's results / نشر نتائج دورة",
        status_code=200,
        description=f"Publishes the ranking and winners once judging has closed. {TIE_BREAK}",
        **access(STAFF),
        sync_to_thread=True,
    )
    def publish(
        self,
        request: AnyRequest,
        results: NamedDependency[ResultsService],
        edition_id: FromPath[UUID],
        data: JSONBody[PublishResults],
    ) -> Response[ResultsOut]:
        """Publishes the results (a re-publication is a correction and needs a `reason`)."""
        edition = results.publish(
            context_of(request), edition_id, expected_version(request), data.reason
        )
        return versioned(_results(results.published(edition), breakdown=True), edition.version)

    @get(
        "/{edition_id:uuid}/results",
        operation_id="getResults",
        summary="Published results of an edition / النتائج المنشورة لدورة",
        **access(public=True),
        description=f"The published ranking and winners. {TIE_BREAK}",
        sync_to_thread=True,
    )
    def results(
        self,
        editions: NamedDependency[EditionService],
        results: NamedDependency[ResultsService],
        edition_id: FromPath[UUID],
    ) -> Response[ResultsOut]:
        """The published ranking and winners (each applicant sees its own breakdown on its result)."""
        ranking = results.published(editions.get(edition_id))
        return versioned(_results(ranking, breakdown=False), ranking.edition.version)

    @post(
        "/{edition_id:uuid}/withdrawals",
        operation_id="withdrawAward",
        summary="Withdraw an award / سحب جائزة",
        status_code=200,
        **access(Role.COMMITTEE_CHAIR),
        sync_to_thread=True,
    )
    def withdraw(
        self,
        request: AnyRequest,
        results: NamedDependency[ResultsService],
        edition_id: FromPath[UUID],
        data: JSONBody[AwardWithdrawal],
    ) -> Response[ResultsOut]:
        """Withdraws an award for a proven breach (`reason` required); the ranking closes up and
        nobody is promoted by the withdrawal itself."""
        edition = results.withdraw(
            context_of(request),
            edition_id,
            expected_version(request),
            data.application_id,
            data.reason,
        )
        return versioned(_results(results.published(edition), breakdown=True), edition.version)


def _results(ranking: Ranking, breakdown: bool) -> ResultsOut:
    edition = ranking.edition
    return ResultsOut(
        str(edition.id),
        str(edition.status),
        edition.results_revision,
        [CategoryResultsOut.of(r, ranking.names, breakdown) for r in ranking.categories],
    )
