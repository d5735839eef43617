"""The award portal's lists: what the applicant, judge, chair and officer pages show as tables.

Each method is one read-model query, already filtered to what the caller may see (an
applicant their own organisation's applications, a judge their own assignments). Single
things (an edition, an application, a scorecard) are read from their aggregates by the
other award services; the lists come from the read model and may trail a write by a
moment, so the pages link to the aggregate after a change, never to a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.roles import Role
from domain.text import Text
from projections import awards_queries as q
from projections.awards_queries import ApplicationRow
from projections.sql import Database
from registry.context import RequestContext
from registry.organisations import OrganisationService


@dataclass(frozen=True)
class EditionRow:
    id: str
    programme_code: str
    year: int
    title: Text
    status: str


@dataclass(frozen=True)
class AssignmentRow:
    application_id: str
    edition_id: str
    category: str
    organisation: Text
    assigned: bool
    declaration: str | None
    submitted: bool


@dataclass(frozen=True)
class WorkloadRow:
    judge_id: str
    username: str
    assigned: int
    conflicts: int
    submitted: int
    scored: int


@dataclass(frozen=True)
class JudgeRow:
    id: str
    username: str


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    licence_number: str
    name: Text
    type: str
    region: str
    beds: int | None
    status: str


class AwardPortal:
    def __init__(self, db: Database, organisations: OrganisationService) -> None:
        self.db = db
        self.organisations = organisations

    def editions(self) -> list[EditionRow]:
        return [
            EditionRow(r[0], r[1], int(r[2]), Text(ar=r[3], en=r[4]), r[5])
            for r in q.list_editions(self.db, None)
        ]

    def applications(
        self, ctx: RequestContext, edition_id: UUID | None = None, status: str | None = None
    ) -> list[ApplicationRow]:
        """Applications the caller may see: applicants their organisation's, judges their
        assignments, everyone else all of them."""
        organisation_id = judge_id = None
        if ctx.actor.role == Role.APPLICANT:
            own = self.organisations.organisation_of(ctx.actor.id)
            if own is None:
                return []
            organisation_id = str(own)
        elif ctx.actor.role == Role.JUDGE:
            judge_id = ctx.actor.id
        rows, _ = q.list_applications(
            self.db,
            limit=10_000,
            offset=0,
            edition_id=str(edition_id) if edition_id else None,
            organisation_id=organisation_id,
            status=status,
            judge_id=judge_id,
        )
        return rows

    def assignments(self, ctx: RequestContext) -> list[AssignmentRow]:
        """The signed-in judge's applications: assigned or declared on."""
        return [
            AssignmentRow(
                r[0], r[1], r[2], Text(ar=r[3] or "", en=r[4] or ""), bool(r[5]), r[6], bool(r[7])
            )
            for r in q.judge_assignments(self.db, ctx.actor.id)
        ]

    def scorecards_of(self, edition_id: UUID) -> dict[str, list[tuple[str, bool, str | None]]]:
        """Per application: (judge id, assigned, declaration) of every scorecard."""
        with self.db.read() as cur:
            rows = cur.fetchall(
                "SELECT application_id, judge_id, assigned, declaration"
                " FROM view_award_scorecards WHERE edition_id=? ORDER BY judge_id",
                (str(edition_id),),
            )
        found: dict[str, list[tuple[str, bool, str | None]]] = {}
        for application_id, judge_id, assigned, declaration in rows:
            found.setdefault(application_id, []).append((judge_id, bool(assigned), declaration))
        return found

    def workload(self, edition_id: UUID) -> list[WorkloadRow]:
        return [
            WorkloadRow(
                str(r[0]),
                r[1] or "",
                int(r[2] or 0),
                int(r[3] or 0),
                int(r[4] or 0),
                int(r[5] or 0),
            )
            for r in q.judge_workload(self.db, str(edition_id))
        ]

    def judges(self) -> list[JudgeRow]:
        """Active judges' accounts, by username."""
        with self.db.read() as cur:
            rows = cur.fetchall(
                "SELECT id, username FROM view_users WHERE role=? AND active=1 ORDER BY username",
                (Role.JUDGE.value,),
            )
        return [JudgeRow(r[0], r[1]) for r in rows]

    def organisation_list(self) -> list[OrganisationRow]:
        rows, _ = q.list_organisations(self.db, 10_000, 0)
        return [
            OrganisationRow(r[0], r[1], Text(ar=r[2], en=r[3]), r[4], r[5], r[6], r[7])
            for r in rows
        ]

    def frameworks(self) -> list[FrameworkRow]:
        return [
            FrameworkRow(r[1], int(r[2]), Text(ar=r[3], en=r[4]), int(r[5] or 0), bool(r[6]))
            for r in q.list_frameworks(self.db)
        ]


@dataclass(frozen=True)
class FrameworkRow:
    key: str
    version: int
    title: Text
    criteria: int
    locked: bool
