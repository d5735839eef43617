"""Read model of the award area: frameworks, programmes, editions, organisations,
applications, scorecards, individual scores, consensus scores and published results.

Feeds the lists of ``/api/v1/frameworks``, ``/awards``, ``/editions``,
``/organisations`` and ``/applications``, the leaderboard (consensus points per
application and criterion: one query, then arithmetic) and
``/api/v1/reports/editions/{id}``. Points are kept as exact decimal text.
"""

from __future__ import annotations

from typing import Any

from domain.awards.application import Application
from domain.awards.edition import Edition, Programme
from domain.awards.framework_version import FrameworkVersion
from domain.awards.judging import Consensus, Scorecard
from domain.awards.organisation import Organisation
from domain.users import User
from projections.base import Handler, Projection
from projections.sql import Cursor


class AwardsProjection(Projection):
    name = "awards"
    version = 2
    tables = (
        "view_award_frameworks",
        "view_award_programmes",
        "view_award_editions",
        "view_organisations",
        "view_organisation_members",
        "view_award_applications",
        "view_award_answers",
        "view_award_evidence",
        "view_award_scorecards",
        "view_award_scores",
        "view_award_consensus_heads",
        "view_award_consensus",
        "view_award_results",
    )

    def create_statements(self, dialect: str) -> list[str]:
        return [
            "CREATE TABLE IF NOT EXISTS view_award_frameworks ("
            " id TEXT PRIMARY KEY, key TEXT NOT NULL, version INTEGER NOT NULL,"
            " title_ar TEXT NOT NULL, title_en TEXT NOT NULL, criteria INTEGER NOT NULL,"
            " locked INTEGER NOT NULL, aggregate_version INTEGER NOT NULL,"
            " UNIQUE (key, version))",
            "CREATE TABLE IF NOT EXISTS view_award_programmes ("
            " id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
            " name_ar TEXT NOT NULL, name_en TEXT NOT NULL, version INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS view_award_editions ("
            " id TEXT PRIMARY KEY, programme_code TEXT NOT NULL, year INTEGER NOT NULL,"
            " title_ar TEXT NOT NULL, title_en TEXT NOT NULL, status TEXT NOT NULL,"
            " version INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS view_organisations ("
            " id TEXT PRIMARY KEY, licence_number TEXT NOT NULL UNIQUE,"
            " name_ar TEXT NOT NULL, name_en TEXT NOT NULL, type TEXT NOT NULL,"
            " region TEXT NOT NULL, beds INTEGER, status TEXT NOT NULL, version INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS view_organisation_members ("
            " user_id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS view_award_applications ("
            " id TEXT PRIMARY KEY, edition_id TEXT NOT NULL, category TEXT NOT NULL,"
            " organisation_id TEXT NOT NULL, framework_id TEXT NOT NULL,"
            " status TEXT NOT NULL, drafted_at TEXT NOT NULL,"
            " submitted_at TEXT, evidence INTEGER NOT NULL,"
            " version INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS view_award_applications_edition"
            " ON view_award_applications (edition_id, status)",
            "CREATE TABLE IF NOT EXISTS view_award_evidence ("
            " application_id TEXT NOT NULL, evidence_id TEXT NOT NULL, criterion TEXT NOT NULL,"
            " PRIMARY KEY (application_id, evidence_id))",
            "CREATE TABLE IF NOT EXISTS view_award_answers ("
            " application_id TEXT NOT NULL, criterion TEXT NOT NULL,"
            " PRIMARY KEY (application_id, criterion))",
            "CREATE TABLE IF NOT EXISTS view_award_scorecards ("
            " id TEXT PRIMARY KEY, application_id TEXT NOT NULL, edition_id TEXT NOT NULL,"
            " judge_id TEXT NOT NULL, assigned INTEGER NOT NULL, declaration TEXT NOT NULL,"
            " submitted INTEGER NOT NULL, version INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS view_award_scorecards_application"
            " ON view_award_scorecards (application_id)",
            "CREATE INDEX IF NOT EXISTS view_award_scorecards_edition"
            " ON view_award_scorecards (edition_id)",
            "CREATE TABLE IF NOT EXISTS view_award_scores ("
            " scorecard_id TEXT NOT NULL, criterion TEXT NOT NULL, points TEXT NOT NULL,"
            " revision INTEGER NOT NULL, PRIMARY KEY (scorecard_id, criterion))",
            "CREATE TABLE IF NOT EXISTS view_award_consensus_heads ("
            " id TEXT PRIMARY KEY, application_id TEXT NOT NULL UNIQUE, edition_id TEXT NOT NULL,"
            " feedback INTEGER NOT NULL, version INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS view_award_consensus ("
            " consensus_id TEXT NOT NULL, criterion TEXT NOT NULL, points TEXT NOT NULL,"
            " revision INTEGER NOT NULL, PRIMARY KEY (consensus_id, criterion))",
            "CREATE TABLE IF NOT EXISTS view_award_results ("
            " edition_id TEXT NOT NULL, application_id TEXT NOT NULL, category TEXT NOT NULL,"
            " rank INTEGER, total TEXT NOT NULL, winner INTEGER NOT NULL,"
            " withdrawn INTEGER NOT NULL, PRIMARY KEY (edition_id, application_id))",
        ]

    def handlers(self) -> dict[type[Any], Handler]:
        return {
            FrameworkVersion.Published: self._framework_published,
            FrameworkVersion.Revised: self._framework_revised,
            FrameworkVersion.Locked: self._framework_locked,
            Programme.Registered: self._programme,
            Programme.Revised: self._programme,
            Edition.Created: self._edition_created,
            Edition.CategoryConfigured: self._edition_touched,
            Edition.CategoryRemoved: self._edition_touched,
            Edition.RulesSet: self._edition_touched,
            Edition.PhaseScheduled: self._edition_touched,
            Edition.Opened: self._edition_opened,
            Edition.ResultsPublished: self._results_published,
            Edition.AwardWithdrawn: self._award_withdrawn,
            Organisation.Registered: self._organisation,
            Organisation.ProfileRevised: self._organisation,
            Organisation.AccreditationAdded: self._organisation_touched,
            Organisation.AccreditationRemoved: self._organisation_touched,
            Organisation.Activated: self._organisation_status,
            Organisation.Suspended: self._organisation_status,
            User.OrganisationAssigned: self._member,
            Application.Drafted: self._application_drafted,
            Application.Answered: self._application_answered,
            Application.EvidenceAttached: self._evidence_counted,
            Application.EvidenceDetached: self._evidence_counted,
            Application.Submitted: self._application_submitted,
            Application.Screened: self._application_screened,
            Scorecard.Opened: self._scorecard_opened,
            Scorecard.Assigned: self._scorecard_assigned,
            Scorecard.Unassigned: self._scorecard_unassigned,
            Scorecard.ConflictDeclared: self._declared,
            Scorecard.NoConflictDeclared: self._declared,
            Scorecard.CriterionScored: self._scored,
            Scorecard.Submitted: self._scorecard_submitted,
            Consensus.Opened: self._consensus_opened,
            Consensus.ConsensusRecorded: self._consensus_recorded,
            Consensus.FeedbackGiven: self._feedback_given,
        }

    # -- frameworks, programmes, editions ------------------------------------------------

    def _framework_published(self, cur: Cursor, e: Any) -> None:
        f = e.framework
        cur.execute(
            "INSERT INTO view_award_frameworks (id, key, version, title_ar, title_en, criteria,"
            " locked, aggregate_version) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
            (
                str(e.originator_id),
                e.key,
                e.number,
                f.title.ar,
                f.title.en,
                len(f.criteria()),
                e.originator_version,
            ),
        )

    def _framework_revised(self, cur: Cursor, e: Any) -> None:
        f = e.framework
        cur.execute(
            "UPDATE view_award_frameworks SET title_ar=?, title_en=?, criteria=?,"
            " aggregate_version=? WHERE id=?",
            (f.title.ar, f.title.en, len(f.criteria()), e.originator_version, str(e.originator_id)),
        )

    def _framework_locked(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_award_frameworks SET locked=1, aggregate_version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _programme(self, cur: Cursor, e: Any) -> None:
        code = getattr(e, "code", None)
        if code is not None:
            cur.execute(
                "INSERT INTO view_award_programmes (id, code, name_ar, name_en, version)"
                " VALUES (?, ?, ?, ?, ?)",
                (str(e.originator_id), code, e.name.ar, e.name.en, e.originator_version),
            )
            return
        cur.execute(
            "UPDATE view_award_programmes SET name_ar=?, name_en=?, version=? WHERE id=?",
            (e.name.ar, e.name.en, e.originator_version, str(e.originator_id)),
        )

    def _edition_created(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_award_editions (id, programme_code, year, title_ar, title_en,"
            " status, version) VALUES (?, ?, ?, ?, ?, 'draft', ?)",
            (
                str(e.originator_id),
                e.programme_code,
                e.year,
                e.title.ar,
                e.title.en,
                e.originator_version,
            ),
        )

    def _edition_touched(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_award_editions SET version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _edition_opened(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_award_editions SET status='open', version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _results_published(self, cur: Cursor, e: Any) -> None:
        edition = str(e.originator_id)
        cur.execute("DELETE FROM view_award_results WHERE edition_id=?", (edition,))
        rows = [
            (
                edition,
                str(s.application_id),
                r.category,
                s.rank,
                str(s.total),
                int(s.winner),
                int(s.withdrawn),
            )
            for r in e.results
            for s in r.standings
        ]
        if rows:
            cur.executemany(
                "INSERT INTO view_award_results (edition_id, application_id, category, rank, total,"
                " winner, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        cur.execute(
            "UPDATE view_award_editions SET status='published', version=? WHERE id=?",
            (e.originator_version, edition),
        )

    def _award_withdrawn(self, cur: Cursor, e: Any) -> None:
        edition, application = str(e.originator_id), str(e.application_id)
        cur.execute(
            "UPDATE view_award_results SET rank = rank - 1 WHERE edition_id=? AND category=?"
            " AND rank > (SELECT rank FROM view_award_results WHERE edition_id=?"
            " AND application_id=?)",
            (edition, e.category, edition, application),
        )
        cur.execute(
            "UPDATE view_award_results SET rank=NULL, winner=0, withdrawn=1"
            " WHERE edition_id=? AND application_id=?",
            (edition, application),
        )
        self._edition_touched(cur, e)

    # -- organisations -------------------------------------------------------------------

    def _organisation(self, cur: Cursor, e: Any) -> None:
        p = e.profile
        licence = getattr(e, "licence_number", None)
        if licence is not None:
            cur.execute(
                "INSERT INTO view_organisations (id, licence_number, name_ar, name_en, type,"
                " region, beds, status, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'registered', ?)",
                (
                    str(e.originator_id),
                    licence,
                    p.name.ar,
                    p.name.en,
                    str(p.type),
                    str(p.region),
                    p.beds,
                    e.originator_version,
                ),
            )
            return
        cur.execute(
            "UPDATE view_organisations SET name_ar=?, name_en=?, type=?, region=?, beds=?,"
            " version=? WHERE id=?",
            (
                p.name.ar,
                p.name.en,
                str(p.type),
                str(p.region),
                p.beds,
                e.originator_version,
                str(e.originator_id),
            ),
        )

    def _organisation_touched(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_organisations SET version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _organisation_status(self, cur: Cursor, e: Any) -> None:
        status = "active" if type(e).__name__ == "Activated" else "suspended"
        cur.execute(
            "UPDATE view_organisations SET status=?, version=? WHERE id=?",
            (status, e.originator_version, str(e.originator_id)),
        )

    def _member(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_organisation_members (user_id, organisation_id) VALUES (?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET organisation_id=excluded.organisation_id",
            (str(e.originator_id), str(e.organisation_id)),
        )

    # -- applications --------------------------------------------------------------------

    def _application_drafted(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_award_applications (id, edition_id, category, organisation_id,"
            " framework_id, status, drafted_at, evidence, version)"
            " VALUES (?, ?, ?, ?, ?, 'draft', ?, 0, ?)",
            (
                str(e.originator_id),
                str(e.edition_id),
                e.category,
                str(e.organisation_id),
                str(e.framework_id),
                e.timestamp.isoformat(),
                e.originator_version,
            ),
        )

    def _application_answered(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_award_answers (application_id, criterion) VALUES (?, ?)"
            " ON CONFLICT (application_id, criterion) DO NOTHING",
            (str(e.originator_id), e.criterion),
        )
        cur.execute(
            "UPDATE view_award_applications SET version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _evidence_counted(self, cur: Cursor, e: Any) -> None:
        application = str(e.originator_id)
        if type(e).__name__ == "EvidenceAttached":
            step = 1
            cur.execute(
                "INSERT INTO view_award_evidence (application_id, evidence_id, criterion)"
                " VALUES (?, ?, ?)",
                (application, str(e.evidence.evidence_id), e.evidence.criterion),
            )
        else:
            step = -1
            cur.execute(
                "DELETE FROM view_award_evidence WHERE application_id=? AND evidence_id=?",
                (application, str(e.evidence_id)),
            )
        cur.execute(
            "UPDATE view_award_applications SET evidence = evidence + ?, version=? WHERE id=?",
            (step, e.originator_version, str(e.originator_id)),
        )

    def _application_submitted(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_award_applications SET status='submitted', submitted_at=?, version=?"
            " WHERE id=?",
            (e.timestamp.isoformat(), e.originator_version, str(e.originator_id)),
        )

    def _application_screened(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_award_applications SET status=?, version=? WHERE id=?",
            (
                "eligible" if e.eligible else "ineligible",
                e.originator_version,
                str(e.originator_id),
            ),
        )

    # -- judging -------------------------------------------------------------------------

    def _scorecard_opened(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_award_scorecards (id, application_id, edition_id, judge_id,"
            " assigned, declaration, submitted, version) VALUES (?, ?, ?, ?, 0, 'pending', 0, ?)",
            (
                str(e.originator_id),
                str(e.application_id),
                str(e.edition_id),
                str(e.judge_id),
                e.originator_version,
            ),
        )

    def _scorecard_set(self, cur: Cursor, e: Any, assignment: str) -> None:
        cur.execute(
            f"UPDATE view_award_scorecards SET {assignment}, version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _scorecard_assigned(self, cur: Cursor, e: Any) -> None:
        self._scorecard_set(cur, e, "assigned=1")

    def _scorecard_unassigned(self, cur: Cursor, e: Any) -> None:
        self._scorecard_set(cur, e, "assigned=0")

    def _declared(self, cur: Cursor, e: Any) -> None:
        conflict = type(e).__name__ == "ConflictDeclared"
        self._scorecard_set(cur, e, f"declaration='{'conflict' if conflict else 'no_conflict'}'")

    def _scorecard_submitted(self, cur: Cursor, e: Any) -> None:
        self._scorecard_set(cur, e, "submitted=1")

    def _scored(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_award_scores (scorecard_id, criterion, points, revision)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (scorecard_id, criterion)"
            " DO UPDATE SET points=excluded.points, revision=excluded.revision",
            (str(e.originator_id), e.criterion, str(e.points), e.revision),
        )
        cur.execute(
            "UPDATE view_award_scorecards SET version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _consensus_opened(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_award_consensus_heads (id, application_id, edition_id, feedback,"
            " version) VALUES (?, ?, ?, 0, ?)",
            (str(e.originator_id), str(e.application_id), str(e.edition_id), e.originator_version),
        )

    def _consensus_recorded(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_award_consensus (consensus_id, criterion, points, revision)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (consensus_id, criterion)"
            " DO UPDATE SET points=excluded.points, revision=excluded.revision",
            (str(e.originator_id), e.criterion, str(e.points), e.revision),
        )
        cur.execute(
            "UPDATE view_award_consensus_heads SET version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )

    def _feedback_given(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_award_consensus_heads SET feedback=1, version=? WHERE id=?",
            (e.originator_version, str(e.originator_id)),
        )
