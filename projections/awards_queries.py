"""Queries over the award read model. Each returns plain rows; arithmetic happens in
``domain/awards/`` (scoring and ranking), never here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from domain.text import Text
from projections.sql import Database, Row


def _all(db: Database, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    with db.read() as cur:
        return cur.fetchall(sql, params)


@dataclass(frozen=True)
class FrameworkSummary:
    """One version of a criteria framework, as listed."""

    id: str
    key: str
    version: int
    title: Text
    criteria: int
    locked: bool


def list_frameworks(db: Database) -> list[FrameworkSummary]:
    rows = _all(
        db,
        "SELECT id, key, version, title_ar, title_en, criteria, locked"
        " FROM view_award_frameworks ORDER BY key, version",
    )
    return [
        FrameworkSummary(r[0], r[1], int(r[2]), Text(r[3], r[4]), int(r[5]), bool(r[6]))
        for r in rows
    ]


def programme_ids(db: Database) -> list[str]:
    """The award programmes' ids, by code."""
    return [r[0] for r in _all(db, "SELECT id FROM view_award_programmes ORDER BY code")]


@dataclass(frozen=True)
class EditionSummary:
    """One edition of a programme, as listed."""

    id: str
    programme_code: str
    year: int
    title: Text
    status: str
    version: int


def list_editions(db: Database, programme_code: str | None) -> list[EditionSummary]:
    where, params = ("WHERE programme_code=?", [programme_code]) if programme_code else ("", [])
    rows = _all(
        db,
        "SELECT id, programme_code, year, title_ar, title_en, status, version"
        f" FROM view_award_editions {where} ORDER BY programme_code, year",
        params,
    )
    return [EditionSummary(r[0], r[1], int(r[2]), Text(r[3], r[4]), r[5], int(r[6])) for r in rows]


@dataclass(frozen=True)
class OrganisationSummary:
    """One organisation, as listed."""

    id: str
    licence_number: str
    name: Text
    type: str
    region: str
    beds: int | None
    status: str
    version: int


def list_organisations(
    db: Database, limit: int, offset: int
) -> tuple[list[OrganisationSummary], int]:
    with db.read() as cur:
        total = cur.fetchone("SELECT COUNT(*) FROM view_organisations")
        rows = cur.fetchall(
            "SELECT id, licence_number, name_ar, name_en, type, region, beds, status, version"
            " FROM view_organisations ORDER BY name_en LIMIT ? OFFSET ?",
            (limit, offset),
        )
    organisations = [
        OrganisationSummary(r[0], r[1], Text(r[2], r[3]), r[4], r[5], r[6], r[7], int(r[8]))
        for r in rows
    ]
    return organisations, int(total[0]) if total else 0


def organisation_names(db: Database) -> dict[str, Text]:
    """Every organisation's name by id (for rankings and results)."""
    rows = _all(db, "SELECT id, name_ar, name_en FROM view_organisations")
    return {r[0]: Text(r[1], r[2]) for r in rows}


@dataclass(frozen=True)
class ApplicationSummary:
    """One application, as listed (with its organisation's name once the read model has it)."""

    id: str
    edition_id: str
    category: str
    organisation_id: str
    organisation: Text | None
    status: str
    submitted_at: str | None
    answers: int
    evidence: int
    version: int


def list_applications(
    db: Database,
    *,
    limit: int,
    offset: int,
    edition_id: str | None = None,
    organisation_id: str | None = None,
    status: str | None = None,
    judge_id: str | None = None,
) -> tuple[list[ApplicationSummary], int]:
    conditions, params = [], []
    for column, value in (
        ("a.edition_id", edition_id),
        ("a.organisation_id", organisation_id),
        ("a.status", status),
    ):
        if value is not None:
            conditions.append(f"{column}=?")
            params.append(value)
    if judge_id is not None:
        conditions.append(
            "a.id IN (SELECT application_id FROM view_award_scorecards WHERE judge_id=?"
            " AND assigned=1)"
        )
        params.append(judge_id)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    with db.read() as cur:
        total = cur.fetchone(f"SELECT COUNT(*) FROM view_award_applications a {where}", params)
        rows = cur.fetchall(
            "SELECT a.id, a.edition_id, a.category, a.organisation_id, o.name_ar, o.name_en,"
            " a.status, a.drafted_at, a.submitted_at,"
            " (SELECT COUNT(*) FROM view_award_answers w WHERE w.application_id = a.id),"
            " a.evidence, a.version"
            " FROM view_award_applications a"
            " LEFT JOIN view_organisations o ON o.id = a.organisation_id"
            f" {where} ORDER BY a.drafted_at, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    applications = [
        ApplicationSummary(
            r[0],
            r[1],
            r[2],
            r[3],
            Text(r[4], r[5]) if r[5] else None,
            r[6],
            r[8],
            int(r[9]),
            int(r[10]),
            int(r[11]),
        )
        for r in rows
    ]
    return applications, int(total[0]) if total else 0


@dataclass(frozen=True)
class ConsensusRow:
    application_id: str
    category: str
    organisation_id: str
    submitted_at: str
    criterion: str | None
    points: str | None


def consensus_points(db: Database, edition_id: str) -> list[ConsensusRow]:
    """Every eligible application of the edition with its consensus points (one query)."""
    rows = _all(
        db,
        "SELECT a.id, a.category, a.organisation_id, a.submitted_at, c.criterion, c.points"
        " FROM view_award_applications a"
        " LEFT JOIN view_award_consensus_heads h ON h.application_id = a.id"
        " LEFT JOIN view_award_consensus c ON c.consensus_id = h.id"
        " WHERE a.edition_id=? AND a.status='eligible'",
        (edition_id,),
    )
    return [ConsensusRow(*r) for r in rows]


@dataclass(frozen=True)
class FunnelCounts:
    """An edition's applications by status, how many eligible ones have a consensus on
    every criterion asked of their category, and its winners (not withdrawn)."""

    statuses: dict[str, int]
    complete: int
    winners: int


def funnel_counts(
    db: Database, required: dict[str, dict[str, list[str]]]
) -> dict[str, FunnelCounts]:
    """Per edition id, its funnel's counts; ``required`` names, per edition and category,
    the criteria a consensus must cover to be complete. Three queries for every edition
    together, whatever their size: the counting happens in the database."""
    editions = list(required)
    if not editions:
        return {}
    marks = ", ".join("?" * len(editions))
    parts: list[str] = []
    params: list[Any] = []
    cells = [(e, c, numbers) for e in editions for c, numbers in required[e].items()]
    for i, (edition, category, numbers) in enumerate(cells):
        if numbers:
            parts.append(
                f"SELECT {i}, COUNT(*) FROM (SELECT a.id FROM view_award_applications a"
                " JOIN view_award_consensus_heads h ON h.application_id = a.id"
                " JOIN view_award_consensus c ON c.consensus_id = h.id"
                " WHERE a.edition_id = ? AND a.category = ? AND a.status = 'eligible'"
                f" AND c.criterion IN ({', '.join('?' * len(numbers))})"
                f" GROUP BY a.id HAVING COUNT(*) = {len(numbers)}) AS complete_{i}"
            )
            params += [edition, category, *numbers]
        else:  # nothing asked: every eligible application is complete
            parts.append(
                f"SELECT {i}, COUNT(*) FROM view_award_applications WHERE edition_id = ?"
                " AND category = ? AND status = 'eligible'"
            )
            params += [edition, category]
    with db.read() as cur:
        statuses = cur.fetchall(
            "SELECT edition_id, status, COUNT(*) FROM view_award_applications"
            f" WHERE edition_id IN ({marks}) GROUP BY edition_id, status",
            editions,
        )
        winners: dict[str, int] = dict(
            cur.fetchall(
                "SELECT edition_id, COUNT(*) FROM view_award_results"
                f" WHERE edition_id IN ({marks}) AND winner = 1 AND withdrawn = 0"
                " GROUP BY edition_id",
                editions,
            )
        )
        complete = cur.fetchall(" UNION ALL ".join(parts), params) if parts else []
    by_status: dict[str, dict[str, int]] = {e: {} for e in editions}
    for edition, status, n in statuses:
        by_status[edition][status] = int(n)
    complete_in: dict[str, int] = dict.fromkeys(editions, 0)
    for i, n in complete:
        complete_in[cells[int(i)][0]] += int(n)
    return {e: FunnelCounts(by_status[e], complete_in[e], int(winners.get(e, 0))) for e in editions}


def judge_workload(db: Database, edition_id: str) -> list[Row]:
    """Per judge: assigned, conflicts declared, scorecards submitted, criteria scored."""
    return _all(
        db,
        "SELECT s.judge_id, u.username,"
        " SUM(s.assigned), SUM(CASE WHEN s.declaration='conflict' THEN 1 ELSE 0 END),"
        " SUM(s.submitted),"
        " (SELECT COUNT(*) FROM view_award_scores x JOIN view_award_scorecards y"
        "   ON y.id = x.scorecard_id WHERE y.judge_id = s.judge_id AND y.edition_id = ?)"
        " FROM view_award_scorecards s LEFT JOIN view_users u ON u.id = s.judge_id"
        " WHERE s.edition_id=? GROUP BY s.judge_id, u.username ORDER BY u.username, s.judge_id",
        (edition_id, edition_id),
    )


def judge_scores(db: Database, edition_id: str) -> list[Row]:
    """(application, judge, criterion, points) of every assigned, unconflicted judge."""
    return _all(
        db,
        "SELECT s.application_id, s.judge_id, x.criterion, x.points"
        " FROM view_award_scores x JOIN view_award_scorecards s ON s.id = x.scorecard_id"
        " WHERE s.edition_id=? AND s.assigned=1 AND s.declaration='no_conflict'",
        (edition_id,),
    )


def judge_assignments(db: Database, judge_id: str) -> list[Row]:
    return _all(
        db,
        "SELECT s.application_id, s.edition_id, a.category, o.name_ar, o.name_en, s.assigned,"
        " s.declaration, s.submitted, s.version"
        " FROM view_award_scorecards s"
        " JOIN view_award_applications a ON a.id = s.application_id"
        " LEFT JOIN view_organisations o ON o.id = a.organisation_id"
        " WHERE s.judge_id=? ORDER BY a.drafted_at",
        (judge_id,),
    )


def submitted_evidence(db: Database, application_id: str) -> tuple[Row, list[str]] | None:
    """(edition, category, framework) and the criteria with evidence of a submitted
    application; None while it is a draft or not yet in the read model.

    Once the read model shows an application submitted, it holds every earlier event of
    that application too (events are applied in order), and nothing changes after.
    """
    with db.read() as cur:
        head = cur.fetchone(
            "SELECT edition_id, category, framework_id FROM view_award_applications"
            " WHERE id=? AND status <> 'draft'",
            (application_id,),
        )
        if head is None:
            return None
        rows = cur.fetchall(
            "SELECT DISTINCT criterion FROM view_award_evidence WHERE application_id=?",
            (application_id,),
        )
    return head, [r[0] for r in rows]
