"""The award portal's lists that no other service gives: a judge's own assignments, the
scorecards of an edition by application, the judges' workload, the active judges.

Each method is one read-model query. The lists may trail a write by a moment, so the pages
link to the aggregate after a change, never to a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.roles import Role
from domain.text import Text
from projections import awards_queries as q
from projections.sql import Database
from registry.context import RequestContext
from registry.organisations import OrganisationService


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


class AwardPortal:
    def __init__(self, db: Database, organisations: OrganisationService) -> None:
        self.db = db
        self.organisations = organisations

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
