"""What waits on the staff desk: the queues an officer works through, and how far the read
models are behind the event log (their figures lag by that many events)."""

from __future__ import annotations

from dataclasses import dataclass

from projections.runner import ProjectionRunner
from projections.sql import Database

# Counting stops here: the desk says "1,000 or more" rather than scan a huge table.
COUNT_CAP = 1000


@dataclass(frozen=True)
class WorkWaiting:
    pending_enrolments: int
    track_changes: int
    activities_to_verify: int
    licence_applications: int
    lag: dict[str, int]  # read model -> events not yet applied (only those behind)

    @property
    def behind(self) -> int:
        return max(self.lag.values(), default=0)


class DeskService:
    """The desk's landing figures, read from the read models."""

    def __init__(self, db: Database, runner: ProjectionRunner) -> None:
        self.db = db
        self.runner = runner

    def waiting(self) -> WorkWaiting:
        with self.db.read() as cur:
            pending = cur.fetchone(
                "SELECT COALESCE(SUM(n), 0) FROM view_membership_counts WHERE status = ?",
                ("pending",),
            )
            track = cur.fetchone(
                "SELECT COUNT(*) FROM (SELECT 1 FROM view_ambassadors"
                " WHERE pending_track IS NOT NULL LIMIT ?) AS capped",
                (COUNT_CAP,),
            )
            activities = cur.fetchone(
                "SELECT COUNT(*) FROM (SELECT 1 FROM view_membership_activities"
                " WHERE status = ? LIMIT ?) AS capped",
                ("logged", COUNT_CAP),
            )
            licences = cur.fetchone(
                "SELECT COUNT(*) FROM (SELECT 1 FROM view_licences WHERE status = ? LIMIT ?)"
                " AS capped",
                ("applied", COUNT_CAP),
            )
        head = self.runner.head()
        lag = {
            name: head - position
            for name, position in sorted(self.runner.positions().items())
            if head > position
        }
        return WorkWaiting(
            pending_enrolments=int(pending[0]) if pending else 0,
            track_changes=int(track[0]) if track else 0,
            activities_to_verify=int(activities[0]) if activities else 0,
            licence_applications=int(licences[0]) if licences else 0,
            lag=lag,
        )
