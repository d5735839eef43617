"""Read model of the ambassadors programme, built for five million members.

Reports never count member rows: ``view_membership_counts`` keeps one counter per
(track, region, sector, status) and ``view_membership_monthly`` one per
(month, track, region), moved by the handlers as events arrive. The member rows
carry only what lists, leaderboards and look-ups need, plus the *sealed*
personal data copied as it is: nothing here decrypts, so erasing a person (their
key destroyed) changes no count.

Enrolments arrive by the thousand; :meth:`process_batch` writes a run of them
with one ``executemany`` per table and folds their counter increments together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from domain.ambassadors.membership import Membership
from domain.ambassadors.targets import MembershipTargets
from projections.base import Handler, Projection
from projections.counters import StatusCounters
from projections.sql import Cursor

NO_SECTOR = ""

COUNTS = StatusCounters("view_membership_counts", "view_ambassadors", ("track", "region", "sector"))
_ADD_MONTHLY = (
    "INSERT INTO view_membership_monthly (month, track, region, n) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (month, track, region) DO UPDATE SET n = view_membership_monthly.n + excluded.n"
)
_MEMBER_COLUMNS = (
    "id",
    "track",
    "region",
    "sector",
    "city",
    "residency",
    "status",
    "enrolled_on",
    "points",
    "erased",
    "personal",
    "version",
    "updated_at",
)


def _sector(value: Any) -> str:
    return str(value) if value else NO_SECTOR


# The members list's filters besides status, each with an index of its own.
LIST_FILTERS = ("region", "track", "sector")


class MembershipProjection(Projection):
    name = "membership"
    version = 1
    tables = (
        "view_ambassadors",
        "view_membership_counts",
        "view_membership_monthly",
        "view_membership_activities",
        "view_membership_targets",
    )

    def create_statements(self, dialect: str) -> list[str]:
        blob = "BYTEA" if dialect == "postgres" else "BLOB"
        return [
            "CREATE TABLE IF NOT EXISTS view_ambassadors ("
            " id TEXT PRIMARY KEY, track TEXT NOT NULL, region TEXT NOT NULL,"
            " sector TEXT NOT NULL, city TEXT NOT NULL, residency TEXT NOT NULL,"
            " status TEXT NOT NULL, enrolled_on TEXT NOT NULL, valid_from TEXT, expires_on TEXT,"
            " verification_code TEXT, pending_track TEXT, points INTEGER NOT NULL,"
            f" erased INTEGER NOT NULL, personal {blob}, version INTEGER NOT NULL,"
            " updated_at TEXT NOT NULL)",
            "CREATE UNIQUE INDEX IF NOT EXISTS ix_ambassadors_code"
            " ON view_ambassadors (verification_code) WHERE verification_code IS NOT NULL",
            "CREATE INDEX IF NOT EXISTS ix_ambassadors_status"
            " ON view_ambassadors (status, enrolled_on, id)",
            # The desk's list filters by region, track or sector (and status) in the order
            # above: with the filter's column first, a page reads its own rows in order, not
            # every member of the status (a rare track or a deep page of 5,000,000 members
            # took seconds; tests/bench/pages.py).
            *(
                f"CREATE INDEX IF NOT EXISTS ix_ambassadors_{column}"
                f" ON view_ambassadors ({column}, status, enrolled_on, id)"
                for column in LIST_FILTERS
            ),
            "CREATE INDEX IF NOT EXISTS ix_ambassadors_expiry"
            " ON view_ambassadors (expires_on) WHERE status = 'active'",
            "CREATE INDEX IF NOT EXISTS ix_ambassadors_points"
            " ON view_ambassadors (points, id) WHERE points > 0",
            # The desk's queue of track changes (few among millions of members).
            "CREATE INDEX IF NOT EXISTS ix_ambassadors_pending_track"
            " ON view_ambassadors (id) WHERE pending_track IS NOT NULL",
            COUNTS.create,
            "CREATE TABLE IF NOT EXISTS view_membership_monthly ("
            " month TEXT NOT NULL, track TEXT NOT NULL, region TEXT NOT NULL, n BIGINT NOT NULL,"
            " PRIMARY KEY (month, track, region))",
            "CREATE TABLE IF NOT EXISTS view_membership_activities ("
            " membership_id TEXT NOT NULL, activity_id TEXT NOT NULL, kind TEXT NOT NULL,"
            " title TEXT NOT NULL, held_on TEXT NOT NULL, participants INTEGER NOT NULL,"
            " status TEXT NOT NULL, points INTEGER NOT NULL, logged_at TEXT NOT NULL,"
            " PRIMARY KEY (membership_id, activity_id))",
            "CREATE INDEX IF NOT EXISTS ix_membership_activities_status"
            " ON view_membership_activities (status, logged_at)",
            "CREATE TABLE IF NOT EXISTS view_membership_targets ("
            " region TEXT PRIMARY KEY, target BIGINT NOT NULL)",
        ]

    def handlers(self) -> dict[type[Any], Handler]:
        status = self._status
        return {
            Membership.Enrolled: self._enrolled,
            Membership.Approved: self._approved,
            Membership.Rejected: status("rejected"),
            Membership.Suspended: status("suspended"),
            Membership.Reinstated: status("active"),
            Membership.Withdrawn: status("withdrawn"),
            Membership.Expired: status("expired"),
            Membership.Renewed: self._renewed,
            Membership.TrackChangeRequested: self._track_change_requested,
            Membership.TrackChanged: self._track_changed,
            Membership.TrackChangeRejected: self._track_change_rejected,
            Membership.ActivityLogged: self._activity_logged,
            Membership.ActivityVerified: self._activity_verified,
            Membership.ActivityRejected: self._activity_rejected,
            Membership.PersonalDataErased: self._erased,
            MembershipTargets.Started: lambda cur, e: None,
            MembershipTargets.TargetSet: self._target_set,
        }

    # -- enrolments, in runs ---------------------------------------------------------

    def process_batch(self, cursor: Cursor, events: Sequence[Any]) -> None:
        run: list[Any] = []
        for event in events:
            if type(event) is Membership.Enrolled:
                run.append(event)
                continue
            if run:
                self._enrolled_run(cursor, run)
                run = []
            self.process(cursor, event)
        if run:
            self._enrolled_run(cursor, run)

    def _enrolled(self, cur: Cursor, e: Any) -> None:
        self._enrolled_run(cur, [e])

    def _enrolled_run(self, cur: Cursor, events: list[Any]) -> None:
        counts: Counter[tuple[str, str, str, str]] = Counter()
        monthly: Counter[tuple[str, str, str]] = Counter()
        rows = []
        for e in events:
            day = e.envelope.at.date().isoformat()
            track, region, sector = str(e.track), str(e.region), _sector(e.sector)
            rows.append(
                (
                    str(e.originator_id),
                    track,
                    region,
                    sector,
                    e.city,
                    str(e.residency),
                    "pending",
                    day,
                    0,
                    0,
                    e.personal.blob,
                    e.originator_version,
                    e.timestamp.isoformat(),
                )
            )
            counts[(track, region, sector, "pending")] += 1
            monthly[(day[:7], track, region)] += 1
        cur.insert_rows("view_ambassadors", _MEMBER_COLUMNS, rows)
        COUNTS.add(cur, counts)
        cur.executemany(_ADD_MONTHLY, [(*k, n) for k, n in monthly.items()])

    # -- status changes: the counters move with the member ---------------------------

    @staticmethod
    def _move(
        cur: Cursor, e: Any, status: str, extra: str = "", params: Sequence[Any] = ()
    ) -> None:
        member = str(e.originator_id)
        COUNTS.move(cur, member, status)
        cur.execute(
            f"UPDATE view_ambassadors SET status = ?{extra}, version = ?, updated_at = ?"
            " WHERE id = ?",
            (status, *params, e.originator_version, e.timestamp.isoformat(), member),
        )

    def _status(self, status: str) -> Handler:
        return lambda cur, e: self._move(cur, e, status)

    def _approved(self, cur: Cursor, e: Any) -> None:
        self._move(
            cur,
            e,
            "active",
            ", verification_code = ?, valid_from = ?, expires_on = ?",
            (e.verification_code, e.valid_from.isoformat(), e.expires_on.isoformat()),
        )

    def _renewed(self, cur: Cursor, e: Any) -> None:
        self._move(cur, e, "active", ", expires_on = ?", (e.expires_on.isoformat(),))

    def _touch(self, cur: Cursor, e: Any, extra: str = "", params: Sequence[Any] = ()) -> None:
        cur.execute(
            f"UPDATE view_ambassadors SET version = ?, updated_at = ?{extra} WHERE id = ?",
            (e.originator_version, e.timestamp.isoformat(), *params, str(e.originator_id)),
        )

    def _track_change_requested(self, cur: Cursor, e: Any) -> None:
        self._touch(cur, e, ", pending_track = ?", (str(e.track),))

    def _track_change_rejected(self, cur: Cursor, e: Any) -> None:
        self._touch(cur, e, ", pending_track = NULL")

    def _track_changed(self, cur: Cursor, e: Any) -> None:
        member = str(e.originator_id)
        COUNTS.leave(cur, member)
        cur.execute(
            "UPDATE view_ambassadors SET track = ?, sector = ?, pending_track = NULL WHERE id = ?",
            (str(e.track), _sector(e.sector), member),
        )
        COUNTS.enter(cur, member)
        self._touch(cur, e)

    # -- activities and points -------------------------------------------------------

    def _activity_logged(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_membership_activities (membership_id, activity_id, kind, title,"
            " held_on, participants, status, points, logged_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'logged', 0, ?)",
            (
                str(e.originator_id),
                str(e.activity_id),
                str(e.kind),
                e.title,
                e.held_on.isoformat(),
                e.participants,
                e.timestamp.isoformat(),
            ),
        )
        self._touch(cur, e)

    def _activity_verified(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_membership_activities SET status = 'verified', points = ?"
            " WHERE membership_id = ? AND activity_id = ?",
            (e.points, str(e.originator_id), str(e.activity_id)),
        )
        self._touch(cur, e, ", points = points + ?", (e.points,))

    def _activity_rejected(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "UPDATE view_membership_activities SET status = 'rejected'"
            " WHERE membership_id = ? AND activity_id = ?",
            (str(e.originator_id), str(e.activity_id)),
        )
        self._touch(cur, e)

    # -- erasure and targets ---------------------------------------------------------

    def _erased(self, cur: Cursor, e: Any) -> None:
        self._touch(cur, e, ", erased = 1, personal = NULL")

    def _target_set(self, cur: Cursor, e: Any) -> None:
        cur.execute(
            "INSERT INTO view_membership_targets (region, target) VALUES (?, ?)"
            " ON CONFLICT (region) DO UPDATE SET target = excluded.target",
            (str(e.region), e.target),
        )
