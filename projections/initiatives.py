"""Read model of the initiatives: the list, milestones, pilots and progress reports.

Feeds ``GET /api/v1/initiatives`` (the list) and ``/api/v1/reports/initiatives``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from domain.initiatives.initiative import Initiative
from projections.base import Handler, Projection, text_columns
from projections.sql import Cursor

_TOUCH = "UPDATE view_initiatives SET version=?, updated_at=? WHERE id=?"


class InitiativesProjection(Projection):
    name = "initiatives"
    version = 1
    tables = (
        "view_initiatives",
        "view_initiative_milestones",
        "view_initiative_pilots",
        "view_initiative_progress",
    )

    def create_statements(self, dialect: str) -> list[str]:
        return [
            "CREATE TABLE IF NOT EXISTS view_initiatives ("
            " id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
            " title_ar TEXT NOT NULL, title_en TEXT NOT NULL, owner TEXT NOT NULL,"
            " status TEXT NOT NULL, version INTEGER NOT NULL,"
            " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS view_initiative_milestones ("
            " initiative_id TEXT NOT NULL, milestone_id TEXT NOT NULL,"
            " title_ar TEXT NOT NULL, title_en TEXT NOT NULL,"
            " planned_on TEXT, due_date TEXT, status TEXT NOT NULL, completed_on TEXT,"
            " PRIMARY KEY (initiative_id, milestone_id))",
            "CREATE TABLE IF NOT EXISTS view_initiative_pilots ("
            " initiative_id TEXT NOT NULL, pilot_id TEXT NOT NULL,"
            " organisation_ar TEXT NOT NULL, organisation_en TEXT NOT NULL,"
            " internal_status TEXT NOT NULL, external_status TEXT NOT NULL,"
            " external_planned_on TEXT,"
            " PRIMARY KEY (initiative_id, pilot_id))",
            "CREATE TABLE IF NOT EXISTS view_initiative_progress ("
            " initiative_id TEXT NOT NULL, period TEXT NOT NULL, period_end TEXT NOT NULL,"
            " summary_ar TEXT NOT NULL, summary_en TEXT NOT NULL, percent_complete INTEGER,"
            " submitted_at TEXT NOT NULL, revision INTEGER NOT NULL,"
            " PRIMARY KEY (initiative_id, period))",
        ]

    def handlers(self) -> dict[type[Any], Handler]:
        touch = self._changed_only
        return {
            Initiative.Registered: self._registered,
            Initiative.DetailsRevised: self._details_revised,
            Initiative.StatusChanged: self._status_changed,
            Initiative.ComponentAdded: touch,
            Initiative.MilestoneAdded: self._milestone_added,
            Initiative.MilestoneRescheduled: self._milestone_rescheduled,
            Initiative.MilestoneCompleted: self._milestone_completed,
            Initiative.MilestoneCancelled: self._milestone_cancelled,
            Initiative.PilotAdded: self._pilot_added,
            Initiative.EvaluationScheduled: self._evaluation_scheduled,
            Initiative.EvaluationCompleted: self._evaluation_completed,
            Initiative.DeliverableAdded: touch,
            Initiative.DeliverableStatusChanged: touch,
            Initiative.PartnershipAdded: touch,
            Initiative.PartnershipEnded: touch,
            Initiative.KpiDefined: touch,
            Initiative.KpiMeasured: touch,
            Initiative.ProgressReported: self._progress_reported,
        }

    # Every event moves the initiative's version and last-change time. A batch holds
    # many events of one initiative (a KPI measured monthly, say) and only the last
    # one's values survive, so they are written once per initiative, after the
    # batch's other changes: one UPDATE instead of one per event, which is what lets
    # a replay keep up (updating one row a hundred times in a transaction is slow).
    def process(self, cursor: Cursor, event: Any) -> None:
        self.process_batch(cursor, [event])

    def process_batch(self, cursor: Cursor, events: Sequence[Any]) -> None:
        latest: dict[Any, Any] = {}
        for event in events:
            handler = self._handlers.get(type(event))
            if handler is not None:
                handler(cursor, event)
                latest[event.originator_id] = event
        if latest:
            cursor.executemany(
                _TOUCH,
                [
                    (e.originator_version, e.timestamp.isoformat(), str(e.originator_id))
                    for e in latest.values()
                ],
            )

    def _changed_only(self, cur: Cursor, e: Any) -> None:
        """Events whose only effect on this read model is the version and time."""

    def _registered(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_initiatives"
            " (id, code, title_ar, title_en, owner, status, version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(e.originator_id),
                e.code,
                e.title.ar,
                e.title.en,
                e.owner,
                str(e.status),
                e.originator_version,
                e.timestamp.isoformat(),
                e.timestamp.isoformat(),
            ),
        )

    def _details_revised(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_initiatives SET title_ar=?, title_en=?, owner=? WHERE id=?",
            (e.title.ar, e.title.en, e.owner, str(e.originator_id)),
        )

    def _status_changed(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_initiatives SET status=? WHERE id=?", (str(e.status), str(e.originator_id))
        )

    def _milestone_added(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_initiative_milestones (initiative_id, milestone_id, title_ar,"
            " title_en, planned_on, due_date, status) VALUES (?, ?, ?, ?, ?, ?, 'planned')",
            (
                str(e.originator_id),
                str(e.milestone_id),
                e.title.ar,
                e.title.en,
                e.planned_on.value if e.planned_on else None,
                e.planned_on.last_day().isoformat() if e.planned_on else None,
            ),
        )

    def _milestone_rescheduled(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_initiative_milestones SET planned_on=?, due_date=?"
            " WHERE initiative_id=? AND milestone_id=?",
            (
                e.planned_on.value,
                e.planned_on.last_day().isoformat(),
                str(e.originator_id),
                str(e.milestone_id),
            ),
        )

    def _milestone_completed(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_initiative_milestones SET status='done', completed_on=?"
            " WHERE initiative_id=? AND milestone_id=?",
            (
                e.completed_on.isoformat() if e.completed_on else None,
                str(e.originator_id),
                str(e.milestone_id),
            ),
        )

    def _milestone_cancelled(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_initiative_milestones SET status='cancelled'"
            " WHERE initiative_id=? AND milestone_id=?",
            (str(e.originator_id), str(e.milestone_id)),
        )

    def _pilot_added(self, cur: Cursor, e: Any) -> None:
        organisation_ar, organisation_en = text_columns(e.organisation)
        cur.execute(
            "INSERT INTO view_initiative_pilots (initiative_id, pilot_id, organisation_ar,"
            " organisation_en, internal_status, external_status)"
            " VALUES (?, ?, ?, ?, 'pending', 'pending')",
            (str(e.originator_id), str(e.pilot_id), organisation_ar, organisation_en),
        )

    def _evaluation_scheduled(self, cur: Cursor, e: Any) -> None:
        if str(e.stage) == "internal":
            cur.execute(
                "UPDATE view_initiative_pilots SET internal_status='scheduled'"
                " WHERE initiative_id=? AND pilot_id=?",
                (str(e.originator_id), str(e.pilot_id)),
            )
        else:
            cur.execute(
                "UPDATE view_initiative_pilots SET external_status='scheduled',"
                " external_planned_on=? WHERE initiative_id=? AND pilot_id=?",
                (e.planned_on.value, str(e.originator_id), str(e.pilot_id)),
            )

    def _evaluation_completed(self, cur: Cursor, e: Any) -> None:
        column = "internal_status" if str(e.stage) == "internal" else "external_status"
        cur.execute(
            f"UPDATE view_initiative_pilots SET {column}='completed'"
            " WHERE initiative_id=? AND pilot_id=?",
            (str(e.originator_id), str(e.pilot_id)),
        )

    def _progress_reported(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_initiative_progress (initiative_id, period, period_end, summary_ar,"
            " summary_en, percent_complete, submitted_at, revision)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 1)"
            " ON CONFLICT (initiative_id, period) DO UPDATE SET"
            " summary_ar=excluded.summary_ar, summary_en=excluded.summary_en,"
            " percent_complete=excluded.percent_complete, submitted_at=excluded.submitted_at,"
            " revision=view_initiative_progress.revision + 1",
            (
                str(e.originator_id),
                e.period.value,
                e.period.last_day().isoformat(),
                e.summary.ar,
                e.summary.en,
                e.percent_complete,
                e.timestamp.isoformat(),
            ),
        )
