"""Replaying award decisions as they stood at any instant, from the events alone.

The read models are used only as an index (which applications belong to an edition,
which scorecards to an application); every state, score and rank below is rebuilt by
replaying those aggregates' events up to the instant asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from domain.aggregate import RegistryAggregate
from domain.awards.application import Application, ApplicationStatus
from domain.awards.edition import Edition
from domain.awards.framework_version import FrameworkVersion
from domain.awards.judging import Consensus, Scorecard, consensus_id
from domain.awards.ranking import Candidate, Standing, rank_category, without
from domain.errors import NotFound
from domain.messages import N_
from projections.sql import IN_CHUNK, Database, in_chunks
from registry.audit.verify import events_source
from registry.clock import Clock
from registry.event_store import NQSApplication
from registry.history import HistoryEntry, entry_of, history_of
from registry.service import Noun, Service

A = TypeVar("A", bound=RegistryAggregate)


@dataclass(frozen=True)
class CategoryAsOf:
    category: str
    framework_key: str
    framework_version: int
    winners_allowed: int
    published: bool  # results of this category had been published by then
    standings: list[Standing]


@dataclass(frozen=True)
class LeaderboardAsOf:
    edition: Edition
    as_of: datetime
    categories: list[CategoryAsOf]


@dataclass(frozen=True)
class DecisionAsOf:
    as_of: datetime
    application: Application
    edition: Edition
    framework_version: FrameworkVersion
    scorecards: list[Scorecard]
    consensus: Consensus | None
    standing: Standing | None
    published: bool
    events: list[tuple[str, HistoryEntry]] = field(default_factory=list)  # (stream, entry)


RECORD = Noun(N_("No such record."), N_("No such record existed at {as_of}."))


class ReplayService(Service):
    def __init__(self, app: NQSApplication, clock: Clock, db: Database) -> None:
        super().__init__(app, clock)
        self.db = db

    def _as_of(self, cls: type[A], aggregate_id: UUID, at: datetime) -> A | None:
        try:
            return self.load_as_of(cls, aggregate_id, at, RECORD)
        except NotFound:
            return None

    # -- the edition's ranking ---------------------------------------------------------

    def leaderboard(self, edition_id: UUID, at: datetime) -> LeaderboardAsOf:
        """Every category's ranking as it stood at ``at``, recomputed from consensus events."""
        return self.leaderboards(edition_id, [at])[0]

    def leaderboards(self, edition_id: UUID, instants: list[datetime]) -> list[LeaderboardAsOf]:
        """The rankings at several instants: the events are read and decoded once (most of
        the work), then replayed to each instant."""
        application_ids = self._application_ids(edition_id)
        standings = self._decoded(self._streams_as_stored(application_ids, _STANDING_TOPICS))
        consensus = self._decoded(
            self._streams_as_stored([consensus_id(i) for i in application_ids])
        )
        boards = []
        for at in instants:
            edition = self._as_of(Edition, edition_id, at)
            if edition is None:
                raise NotFound(N_("No such edition existed at {at}."), at=at.isoformat())
            applications = self._standings_facts(standings, application_ids, at)
            boards.append(
                LeaderboardAsOf(edition, at, self._rank(edition, applications, at, consensus))
            )
        return boards

    def _standings_facts(
        self, streams: _Decoded, application_ids: list[UUID], at: datetime
    ) -> list[Application]:
        """The applications as of ``at`` as far as ranking goes: only the events that set
        their category, organisation, submission time and screening are read and
        replayed (``_STANDING_TOPICS``). Answers and evidence (most of their events) change
        none of those, so leaving them in the database keeps a 200-application replay fast
        without changing the result."""
        replayed = (self._replay(streams.events(i), at) for i in application_ids)
        return [a for a in replayed if isinstance(a, Application)]

    def _decoded(self, streams: dict[UUID, list[StoredEvent]]) -> _Decoded:
        return _Decoded(self.app.mapper.to_domain_event, streams)

    @staticmethod
    def _replay(stream: Iterable[Any], at: datetime) -> Any:
        """The aggregate after its events up to ``at`` (None before its first)."""
        aggregate: Any = None
        for domain_event in stream:
            if domain_event.timestamp > at:
                break
            if aggregate is not None:
                # Events left out by topic leave a gap in versions the library would refuse.
                aggregate.version = domain_event.originator_version - 1
            aggregate = domain_event.mutate(aggregate)
        return aggregate

    def _streams_as_stored(
        self, ids: list[UUID], topics: frozenset[str] | None = None
    ) -> dict[UUID, list[StoredEvent]]:
        """Many aggregates' stored events (optionally only some topics) in a few queries
        instead of one per aggregate, each stream in version order."""
        table, _ = events_source(self.app)
        sqlite = self.db.dialect == "sqlite"
        streams: dict[UUID, list[StoredEvent]] = {i: [] for i in ids}
        # The SQLite recorder keeps ids as hex text, PostgreSQL as uuid.
        all_keys: list[Any] = [i.hex for i in ids] if sqlite else list(ids)
        for marks, keys in in_chunks(all_keys):
            params: list[Any] = list(keys)
            where = f"originator_id IN ({marks})"
            if topics is not None:
                where += f" AND topic IN ({', '.join('?' * len(topics))})"
                params += sorted(topics)
            with self.db.read() as cur:
                rows = cur.fetchall(
                    "SELECT originator_id, originator_version, topic, state"
                    f" FROM {table} WHERE {where} ORDER BY originator_id, originator_version",
                    params,
                )
            for originator, version, topic, state in rows:
                key = UUID(originator) if isinstance(originator, str) else originator
                streams[key].append(StoredEvent(key, int(version), topic, bytes(state)))
        return streams

    def _consensus_as_of(
        self, streams: _Decoded, application_ids: list[UUID], at: datetime
    ) -> dict[UUID, Consensus]:
        replayed = {i: self._replay(streams.events(consensus_id(i)), at) for i in application_ids}
        return {i: c for i, c in replayed.items() if isinstance(c, Consensus)}

    def _rank(
        self,
        edition: Edition,
        applications: Iterable[Application],
        at: datetime,
        consensus_streams: _Decoded | None = None,
    ) -> list[CategoryAsOf]:
        by_category: dict[str, list[Candidate]] = {key: [] for key in edition.categories}
        ranked = [
            a
            for a in applications
            if a.status == ApplicationStatus.ELIGIBLE
            and a.category in by_category
            and a.submitted_at is not None
        ]
        ids = [a.id for a in ranked]
        streams = consensus_streams or self._decoded(
            self._streams_as_stored([consensus_id(i) for i in ids])
        )
        consensus_of: Mapping[UUID, Consensus] = self._consensus_as_of(streams, ids, at)
        for application in ranked:
            assert application.submitted_at is not None
            consensus = consensus_of.get(application.id)
            by_category[application.category].append(
                Candidate(
                    application.id,
                    application.organisation_id,
                    application.submitted_at,
                    consensus.points() if consensus else {},
                )
            )
        categories = []
        for key, category in edition.categories.items():
            version = self._framework_version(edition, key, at)
            standings = rank_category(
                version.framework, by_category[key], category.winners, edition.minimum_score
            )
            published = edition.results.get(key)
            if published is not None:
                # Withdrawn awards had been taken out of the ranking by then.
                results = published
                for standing in published.standings:
                    if standing.withdrawn:
                        results = without(results, standing.application_id)
                withdrawn = {s.application_id for s in results.standings if s.withdrawn}
                standings = _apply_withdrawals(standings, withdrawn)
            categories.append(
                CategoryAsOf(
                    key,
                    category.framework_key,
                    category.framework_version,
                    category.winners,
                    published is not None,
                    standings,
                )
            )
        return categories

    def _framework_version(self, edition: Edition, category: str, at: datetime) -> FrameworkVersion:
        version = self._as_of(FrameworkVersion, edition.framework_ids[category], at)
        if version is None:  # pragma: no cover - an edition only names published versions
            raise NotFound(N_("The framework version is missing."))
        return version

    # -- one application's decision ---------------------------------------------------

    def decision(self, application_id: UUID, at: datetime) -> DecisionAsOf:
        """The application, its scores, rank and status as they stood at ``at``, with the
        events that led there (who, when, what, why)."""
        application = self._as_of(Application, application_id, at)
        if application is None:
            raise NotFound(
                N_("No such application existed at {at}."),
                at=at.isoformat(),
            )
        edition = self._as_of(Edition, application.edition_id, at)
        assert edition is not None
        scorecards = [
            s
            for s in (self._as_of(Scorecard, i, at) for i in self._scorecard_ids(application_id))
            if s is not None
        ]
        consensus = self._as_of(Consensus, consensus_id(application_id), at)
        application_ids = self._application_ids(edition.id)
        standings = self._decoded(self._streams_as_stored(application_ids, _STANDING_TOPICS))
        peers = [
            a
            for a in self._standings_facts(standings, application_ids, at)
            if a.category == application.category
        ]
        category = next(
            (c for c in self._rank(edition, peers, at) if c.category == application.category),
            None,
        )
        standing = next(
            (
                s
                for s in (category.standings if category else [])
                if s.application_id == application_id
            ),
            None,
        )
        streams: list[tuple[str, UUID]] = [("application", application.id)]
        streams += [(f"scorecard:{s.judge_id}", s.id) for s in scorecards]
        if consensus is not None:
            streams.append(("consensus", consensus.id))
        streams.append(("edition", edition.id))
        events = [
            (name, entry)
            for name, stream in streams
            for entry in history_of(self.app, stream)
            if datetime.fromisoformat(entry.at) <= at
            and (name != "edition" or _concerns(entry, application_id))
        ]
        events.sort(key=lambda item: (item[1].at, item[0], item[1].version))
        return DecisionAsOf(
            as_of=at,
            application=application,
            edition=edition,
            framework_version=self._framework_version(edition, application.category, at),
            scorecards=scorecards,
            consensus=consensus,
            standing=standing,
            published=bool(category and category.published),
            events=events,
        )

    def edition_streams(self, edition_id: UUID) -> set[UUID]:
        """Every stream an edition's decisions live in: the edition, its framework versions,
        applications, judges' scorecards and consensus records."""
        return set(self.edition_stream_kinds(edition_id))

    def edition_stream_kinds(self, edition_id: UUID) -> dict[UUID, str]:
        """The same streams, each with what it holds: ``edition``, ``framework``,
        ``application``, ``scorecard`` or ``consensus`` (three index queries)."""
        edition = self.find(Edition, edition_id)
        if edition is None:
            raise NotFound(N_("No such edition."))
        kinds = {edition.id: "edition"}
        kinds.update(dict.fromkeys(edition.framework_ids.values(), "framework"))
        for application_id in self._application_ids(edition_id):
            kinds[application_id] = "application"
            kinds[consensus_id(application_id)] = "consensus"
        with self.db.read() as cur:
            rows = cur.fetchall(
                "SELECT id FROM view_award_scorecards WHERE edition_id = ? ORDER BY id",
                (str(edition_id),),
            )
        kinds.update({UUID(r[0]): "scorecard" for r in rows})
        return kinds

    def events_located(
        self, edition_id: UUID, types: frozenset[str]
    ) -> list[tuple[str, UUID, int, str, datetime]]:
        """Where the edition's events of these types (class names, e.g. ``CriterionScored``)
        are, without decoding them: (kind, stream, version, type, timestamp) from its
        application, scorecard, consensus and edition streams, in a few queries.

        An edition has tens of thousands of them; a page shows a hundred. The database reads
        each one's timestamp out of the stored JSON (the library's transcoder writes it as
        ``"timestamp": {"_type_": "datetime_iso", "_data_": …}``), so only the events shown
        are decoded (:meth:`entries`), and answers and evidence stay in the database."""
        kinds = self.edition_stream_kinds(edition_id)
        all_ids = [i for i, kind in kinds.items() if kind != "framework"]
        names = {
            get_topic(c): name
            for cls in (Edition, Application, Scorecard, Consensus)
            for name in types
            if isinstance(c := getattr(cls, name, None), type)
        }
        topics = sorted(names)
        table, _ = events_source(self.app)
        sqlite = self.db.dialect == "sqlite"
        stamp = (
            "json_extract(CAST(state AS TEXT), '$.timestamp._data_')"
            if sqlite
            else "convert_from(state, 'UTF8')::json #>> '{timestamp,_data_}'"
        )
        located: list[tuple[str, UUID, int, str, datetime]] = []
        undated: list[tuple[str, UUID, int, str]] = []
        for marks, keys in in_chunks([i.hex for i in all_ids] if sqlite else all_ids):
            with self.db.read() as cur:
                rows = cur.fetchall(
                    f"SELECT originator_id, originator_version, topic, {stamp} FROM {table}"
                    f" WHERE originator_id IN ({marks})"
                    f" AND topic IN ({', '.join('?' * len(topics))})",
                    [*keys, *topics],
                )
            for originator, version, topic, at in rows:
                key = UUID(originator) if isinstance(originator, str) else originator
                if at is None:  # a state written some other way: decoded below
                    undated.append((kinds[key], key, int(version), names[topic]))
                    continue
                item = (kinds[key], key, int(version), names[topic], datetime.fromisoformat(at))
                located.append(item)
        if undated:
            entries = self.entries([(i, v) for _, i, v, _ in undated])
            located += [
                (kind, i, v, name, datetime.fromisoformat(entries[(i, v)].at))
                for kind, i, v, name in undated
            ]
        return located

    def entries(self, events: Iterable[tuple[UUID, int]]) -> dict[tuple[UUID, int], HistoryEntry]:
        """Some stored events, each as people read it, by (stream, version): only these
        rows are read and decoded."""
        wanted = list(dict.fromkeys(events))
        table, _ = events_source(self.app)
        sqlite = self.db.dialect == "sqlite"
        found: dict[tuple[UUID, int], HistoryEntry] = {}
        for start in range(0, len(wanted), IN_CHUNK // 2):
            chunk = set(wanted[start : start + IN_CHUNK // 2])
            ids = list(dict.fromkeys(i.hex if sqlite else i for i, _ in chunk))
            versions = sorted({v for _, v in chunk})
            # By stream id and version apart (the primary key's index serves the ids; a list
            # of (id, version) pairs made PostgreSQL read the whole table), exact pairs below.
            with self.db.read() as cur:
                rows = cur.fetchall(
                    "SELECT originator_id, originator_version, topic, state FROM"
                    f" {table} WHERE originator_id IN ({', '.join('?' * len(ids))})"
                    f" AND originator_version IN ({', '.join('?' * len(versions))})",
                    [*ids, *versions],
                )
            for originator, version, topic, state in rows:
                key = UUID(originator) if isinstance(originator, str) else originator
                if (key, int(version)) not in chunk:
                    continue
                stored = StoredEvent(key, int(version), topic, bytes(state))
                found[(key, int(version))] = entry_of(self.app.mapper.to_domain_event(stored))
        return found

    # -- indexes (read models, used only to find the streams) ------------------------

    def _application_ids(self, edition_id: UUID) -> list[UUID]:
        with self.db.read() as cur:
            rows = cur.fetchall(
                "SELECT id FROM view_award_applications WHERE edition_id = ? ORDER BY id",
                (str(edition_id),),
            )
        return [UUID(r[0]) for r in rows]

    def _scorecard_ids(self, application_id: UUID) -> list[UUID]:
        with self.db.read() as cur:
            rows = cur.fetchall(
                "SELECT id FROM view_award_scorecards WHERE application_id = ? ORDER BY id",
                (str(application_id),),
            )
        return [UUID(r[0]) for r in rows]


_STANDING_TOPICS = frozenset(
    get_topic(cls)
    for cls in (Application.Drafted, Application.Submitted, Application.Screened)  # type: ignore[attr-defined]
)


class _Decoded:
    """Stored streams, each event decoded once and only when a replay first reaches it
    (a replay to an early instant stops at the first later event)."""

    def __init__(
        self, decode: Callable[[StoredEvent], Any], streams: dict[UUID, list[StoredEvent]]
    ) -> None:
        self._decode = decode
        self._stored = streams
        self._done: dict[UUID, list[Any]] = {}

    def events(self, stream_id: UUID) -> Iterator[Any]:
        stored = self._stored.get(stream_id, [])
        done = self._done.setdefault(stream_id, [])
        for i, event in enumerate(stored):
            if i == len(done):
                done.append(self._decode(event))
            yield done[i]


def _apply_withdrawals(standings: list[Standing], withdrawn: set[UUID]) -> list[Standing]:
    if not withdrawn:
        return standings
    result, rank = [], 0
    for standing in standings:
        if standing.application_id in withdrawn:
            result.append(replace(standing, rank=None, winner=False, withdrawn=True))
            continue
        rank += 1
        result.append(replace(standing, rank=rank))
    return result


def _concerns(entry: HistoryEntry, application_id: UUID) -> bool:
    """Edition events that bear on one application: the edition's set-up and its results."""
    data: dict[str, Any] = entry.data
    if entry.type == "AwardWithdrawn":
        return bool(data.get("application_id") == str(application_id))
    return entry.type in {
        "Created",
        "CategoryConfigured",
        "RulesSet",
        "Opened",
        "ResultsPublished",
        "PhaseScheduled",
    }


__all__ = ["DecisionAsOf", "LeaderboardAsOf", "ReplayService"]
