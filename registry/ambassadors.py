"""Commands and queries of the National Program for Quality Ambassadors."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID, uuid5

from eventsourcing.persistence import Mapper, StoredEvent

from domain.ambassadors.enrolment import (
    Enrolment,
    EnrolmentForm,
    check_track_details,
    validate_enrolment,
)
from domain.ambassadors.membership import Membership
from domain.ambassadors.targets import TARGETS_ID, MembershipTargets
from domain.ambassadors.values import ActivityKind, ActivityStatus
from domain.envelope import Envelope
from domain.errors import (
    AlreadyExists,
    DomainError,
    InvalidInput,
    NotFound,
    Problems,
    VersionConflict,
)
from domain.messages import N_
from domain.people import check_national_id, person_id
from domain.personal import PersonalData
from domain.regions import Region
from projections.membership_queries import PendingActivity, active_past_expiry, leaderboard
from projections.sql import Database
from registry import ambassador_reads as reads
from registry.ambassador_reads import (
    CertificateCheck,
    Leader,
    MemberCursor,
    MemberFilters,
    MemberPage,
    MembershipReport,
)
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.group_commit import GroupCommitWriter
from registry.history import HistoryEntry
from registry.idempotency import IdempotencyKey
from registry.personal_data import NEW_KEYS, KeyRow, PersonalDataVault, erasure_records
from registry.service import Noun, Service

NOUN = Noun(N_("No such membership."), N_("No such membership existed at {as_of}."))
DUPLICATE = N_(
    "A membership already exists for this ID number. If it is "
    "yours and you cannot find it, contact the NQS executive "
    "office."
)
# Crockford's base32: no I, L, O or U, so a code read aloud or typed is not mistaken.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
MAX_BULK = 1000
# "All that match the filter" acts on at most this many at once (narrow the filter for more).
# It is also where the list stops counting a filter the counters cannot sum (a date range):
# past it the list says "more than 5,000", which is all an officer needs to know to
# narrow the filter for a decision on all of them.
MAX_MATCHING = 5000

# The decisions officers take one by one or in bulk: name -> what it does to a membership.
Decision = Callable[["AmbassadorService", Membership, Envelope], None]
DECISIONS: dict[str, Decision] = {
    "approve": lambda s, m, e: m.approve(e, new_verification_code()),
    "reject": lambda s, m, e: m.reject(e),
    "suspend": lambda s, m, e: m.suspend(e),
    "reinstate": lambda s, m, e: m.reinstate(e),
    "withdraw": lambda s, m, e: m.withdraw(e),
    "renew": lambda s, m, e: m.renew(e),
    "expire": lambda s, m, e: m.expire(e),
}


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """A typed code as stored: upper case, no spaces or dashes, O read as 0 and I/L as 1."""
    return (
        (code or "")
        .upper()
        .replace("-", "")
        .replace(" ", "")
        .translate(str.maketrans("OIL", "011"))
    )


@dataclass(frozen=True)
class BulkOutcome:
    id: UUID
    ok: bool
    status: str | None = None
    version: int | None = None
    error: DomainError | None = None


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one row: enrolled, already there (skipped), or refused."""

    enrolled: int
    skipped: int


@dataclass(frozen=True)
class PreparedEnrolment:
    """An enrolment ready to save: its event already encoded for the store (personal data
    sealed), its key row, and its envelope."""

    enrolment: Enrolment
    stored: StoredEvent
    key_row: KeyRow
    envelope: Envelope


def sealed_membership(envelope: Envelope, enrolment: Enrolment, key: bytes) -> Membership:
    """A new membership whose personal data is sealed with ``key``."""
    sealed = PersonalDataVault.seal(key, enrolment.person_id, enrolment.personal)
    return Membership.enrol(
        envelope,
        enrolment.person_id,
        sealed,
        enrolment.residency,
        enrolment.region,
        enrolment.city,
        enrolment.details,
    )


def prepare_enrolments(
    vault: PersonalDataVault,
    mapper: Mapper[UUID],
    envelope: Envelope,
    enrolments: Iterable[Enrolment],
) -> list[PreparedEnrolment]:
    """Fresh keys and sealed, encoded events for checked enrolments: CPU only, so the import
    can run it in worker processes while the parent writes."""
    prepared = []
    for enrolment in enrolments:
        key, row = vault.new_key(enrolment.person_id)
        event = sealed_membership(envelope, enrolment, key).collect_events()[0]
        prepared.append(PreparedEnrolment(enrolment, mapper.to_stored_event(event), row, envelope))
    return prepared


class AmbassadorService(Service):
    def __init__(
        self,
        app: NQSApplication,
        clock: Clock,
        vault: PersonalDataVault,
        pepper: bytes,
        db: Database,
        writer: GroupCommitWriter | None = None,
    ) -> None:
        super().__init__(app, clock)
        self.vault = vault
        self.pepper = pepper
        self.db = db
        self.writer = writer or GroupCommitWriter(
            self.app.record_stored,
            encode=self.app.mapper.to_stored_event,
            versions=self.app.recorder.stored_versions,  # type: ignore[attr-defined]
        )

    # -- queries ---------------------------------------------------------------------

    def get(self, membership_id: UUID) -> Membership:
        return self.load(Membership, membership_id, NOUN)

    def history(self, id_: UUID) -> list[HistoryEntry]:
        """Every change of the membership: what, who, when, why."""
        return self.history_of(Membership, id_, NOUN)

    def find_by_national_id(self, national_id: str) -> Membership:
        """An officer's look-up by ID number (sent in a body, never a URL)."""
        problems = Problems()
        number = check_national_id(national_id, problems)
        problems.raise_if_any()
        assert number is not None
        return self.get(person_id(self.pepper, number))

    def personal_of(self, membership: Membership) -> PersonalData | None:
        """The member's personal data, or None once erased."""
        if membership.erased:
            return None
        return self.vault.open(membership.id, membership.personal)

    def list_members(
        self, filters: MemberFilters, limit: int, offset: int = 0, cursor: str | None = None
    ) -> MemberPage:
        """A page of members by status, then oldest enrolment first, with their names:
        ``offset`` rows in, or where a ``cursor`` from an earlier page says (every page
        costs the same then, however deep)."""
        filters.check()
        seek = None
        if cursor:
            if offset:
                raise InvalidInput(N_("Send either cursor or offset, not both."), field="cursor")
            seek = MemberCursor.decode(cursor)
        return reads.list_members(
            self.db, self.vault, filters, limit, offset, seek, count_cap=MAX_MATCHING
        )

    def matching_ids(self, filters: MemberFilters, limit: int = MAX_MATCHING) -> list[UUID]:
        """The ids of the members ``filters`` match now (the read model), in the list's order."""
        filters.check()
        return reads.matching_ids(self.db, filters, min(limit, MAX_MATCHING))

    def bulk_matching(
        self, ctx: RequestContext, action: str, filters: MemberFilters, reason: str | None
    ) -> list[BulkOutcome]:
        """One decision and one reason for every member the filter matches (up to
        ``MAX_MATCHING``), taken as they were listed when it started: each succeeds or fails
        on its own, as in :meth:`bulk`."""
        self.envelope(ctx, reason).require_reason()
        ids = self.matching_ids(filters)
        outcomes: list[BulkOutcome] = []
        for start in range(0, len(ids), MAX_BULK):
            outcomes.extend(self.bulk(ctx, action, ids[start : start + MAX_BULK], reason))
        return outcomes

    def leaderboard(self, limit: int, region: Region | None = None) -> list[Leader]:
        """Active ambassadors with the most verified points, nationally or in one region."""
        return reads.leaders(self.vault, leaderboard(self.db, limit, region))

    def list_activities(
        self, status: ActivityStatus, limit: int, offset: int
    ) -> list[PendingActivity]:
        """Activities in one status, oldest first (e.g. those waiting for verification)."""
        return reads.activities(self.db, status, limit, offset)

    def check_certificate(self, code: str) -> CertificateCheck:
        """The public check of a certificate by its verification code (as typed or read)."""
        found = reads.check_certificate(
            self.db, self.vault, normalise_code(code)[:40], self.clock.now().date()
        )
        if found is None:
            raise NotFound(N_("No certificate has this verification code."))
        return replace(found, code=normalise_code(code))

    def report(self, top: int = 10) -> MembershipReport:
        """The membership report as of today (read from the read model's counters)."""
        return reads.membership_report(self.db, self.vault, self.clock.now().date(), top)

    # -- enrolment -------------------------------------------------------------------

    def enrol(
        self, ctx: RequestContext, form: EnrolmentForm, idempotency: IdempotencyKey | None = None
    ) -> Membership:
        """Public self-enrolment: checked once, saved once (in the next group commit)."""
        envelope, enrolment, membership, row = self._prepare(ctx, form, idempotency)
        if not self.try_submit(self.writer, membership, [row]):
            return self._after_collision(envelope, enrolment, idempotency)
        return membership

    async def enrol_async(
        self, ctx: RequestContext, form: EnrolmentForm, idempotency: IdempotencyKey | None = None
    ) -> Membership:
        """The same for the event loop: the checks and sealing (a fraction of a millisecond)
        run on the loop and the commit is awaited, so no worker thread waits on the disk."""
        envelope, enrolment, membership, row = self._prepare(ctx, form, idempotency)
        if not await self.try_submit_async(self.writer, membership, [row]):
            return await asyncio.to_thread(self._after_collision, envelope, enrolment, idempotency)
        return membership

    def _prepare(
        self, ctx: RequestContext, form: EnrolmentForm, idempotency: IdempotencyKey | None
    ) -> tuple[Envelope, Enrolment, Membership, KeyRow]:
        enrolment = validate_enrolment(form, self.pepper)
        envelope = self.envelope(ctx, idempotency=idempotency)
        key, row = self.vault.new_key(enrolment.person_id)
        return envelope, enrolment, sealed_membership(envelope, enrolment, key), row

    def _after_collision(
        self, envelope: Envelope, enrolment: Enrolment, idempotency: IdempotencyKey | None
    ) -> Membership:
        """Either the person is enrolled already, or they hold a key from a licence."""
        existing = self.find(Membership, enrolment.person_id)
        if existing is not None:
            if self.is_replay(existing.id, idempotency, creation=True):
                return existing
            raise AlreadyExists(DUPLICATE, field="national_id")
        key = self.vault.key(enrolment.person_id)
        if key is None:
            raise AlreadyExists(DUPLICATE, field="national_id")
        membership = sealed_membership(envelope, enrolment, key)
        if not self.try_save(membership):
            raise AlreadyExists(DUPLICATE, field="national_id")
        return membership

    def enrol_checked(self, ctx: RequestContext, enrolments: Sequence[Enrolment]) -> ImportOutcome:
        """Saves many checked enrolments (the import) in one transaction; people already
        enrolled are skipped, so re-running a file duplicates no one."""
        return self.save_prepared(
            prepare_enrolments(self.vault, self.app.mapper, self.envelope(ctx), enrolments)
        )

    def save_prepared(self, prepared: Sequence[PreparedEnrolment]) -> ImportOutcome:
        """Saves prepared enrolments (sealed, with fresh keys) in one transaction, skipping
        people already enrolled; on a race, one by one."""
        unique = list({p.enrolment.person_id: p for p in prepared}.values())
        enrolled_already = self.app.recorder.existing_originators(  # type: ignore[attr-defined]
            [p.enrolment.person_id for p in unique]
        )
        fresh = [p for p in unique if p.enrolment.person_id not in enrolled_already]
        # Holders of a licence already have a key: they enrol with it, below.
        with_keys = self.vault.holders(p.enrolment.person_id for p in fresh)
        ready = [p for p in fresh if p.enrolment.person_id not in with_keys]
        enrolled = len(ready)
        # Straight to the recorder: the events are new and already encoded (save() would only
        # encode them again; memberships are not snapshotted, no cache or subscribers).
        if ready and not self.try_insert(
            [p.stored for p in ready], **{NEW_KEYS: [p.key_row for p in ready]}
        ):
            # Someone enrolled one of them meanwhile: one by one, skipping who is there.
            enrolled = sum(
                1 for p in ready if self.try_insert([p.stored], **{NEW_KEYS: [p.key_row]})
            )
        for p in fresh:
            if p.enrolment.person_id in with_keys:
                key = self.vault.key(p.enrolment.person_id)
                if key is not None and self.try_save(
                    sealed_membership(p.envelope, p.enrolment, key)
                ):
                    enrolled += 1
        return ImportOutcome(enrolled=enrolled, skipped=len(prepared) - enrolled)

    # -- decisions -------------------------------------------------------------------

    def decide(
        self, ctx: RequestContext, action: str, id_: UUID, expected: int | None, reason: str | None
    ) -> Membership:
        decision = DECISIONS[action]
        return self.change(
            Membership,
            id_,
            expected,
            NOUN,
            lambda m: decision(self, m, self.envelope(ctx, reason)),
        )

    def bulk(
        self, ctx: RequestContext, action: str, ids: Sequence[UUID], reason: str | None
    ) -> list[BulkOutcome]:
        """One decision, one reason, many memberships: each succeeds or fails on its own;
        those that succeed are saved together."""
        decision = DECISIONS[action]
        envelope = self.envelope(ctx, reason)
        envelope.require_reason()
        outcomes: dict[UUID, BulkOutcome] = {}
        changed: list[Membership] = []
        for id_ in dict.fromkeys(ids):
            try:
                membership = self.get(id_)
                decision(self, membership, envelope)
            except DomainError as error:
                outcomes[id_] = BulkOutcome(id_, ok=False, error=error)
                continue
            changed.append(membership)
        events = {m.id: list(m.collect_events()) for m in changed}
        if not self.try_save(*(e for evs in events.values() for e in evs)):
            for membership in changed:
                if not self.try_save(*events[membership.id]):
                    current = self.get(membership.id)
                    outcomes[membership.id] = BulkOutcome(
                        membership.id,
                        ok=False,
                        error=VersionConflict(membership.version - 1, current.version),
                    )
        for membership in changed:
            outcomes.setdefault(
                membership.id,
                BulkOutcome(
                    membership.id,
                    ok=True,
                    status=str(membership.status),
                    version=membership.version,
                ),
            )
        return [outcomes[i] for i in dict.fromkeys(ids)]

    def record_expiries(self, ctx: RequestContext, reason: str | None, limit: int = 1000) -> int:
        """Records the expiry of active memberships past their expiry date (the daily run)."""
        ids = [UUID(i) for i in active_past_expiry(self.db, self.clock.now().date(), limit)]
        if not ids:
            return 0
        return sum(1 for outcome in self.bulk(ctx, "expire", ids, reason) if outcome.ok)

    def request_track_change(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        track: str,
        sector: str | None,
        employer: str | None,
        qualifications: Sequence[str],
        evidence: Sequence[str],
    ) -> Membership:
        def command(membership: Membership) -> None:
            problems = Problems()
            details = check_track_details(
                track, membership.residency, sector, employer, qualifications, evidence, problems
            )
            problems.raise_if_any()
            assert details is not None
            membership.request_track_change(self.envelope(ctx), details)

        return self.change(Membership, id_, expected, NOUN, command)

    def decide_track_change(
        self, ctx: RequestContext, id_: UUID, expected: int, approve: bool, reason: str | None
    ) -> Membership:
        return self.change(
            Membership,
            id_,
            expected,
            NOUN,
            lambda m: m.decide_track_change(self.envelope(ctx, reason), approve),
        )

    # -- activities ------------------------------------------------------------------

    def log_activity(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        kind: ActivityKind,
        title: str,
        held_on: date,
        participants: int,
        idempotency: IdempotencyKey | None = None,
    ) -> tuple[Membership, UUID]:
        membership = self.get(id_)
        activity_id = (
            idempotency.derive_id(membership.id)
            if idempotency
            else uuid5(membership.id, secrets.token_hex(16))
        )
        if activity_id in membership.activities:
            return membership, activity_id
        membership.check_version(expected)
        membership.log_activity(
            self.envelope(ctx, idempotency=idempotency),
            activity_id,
            kind,
            title,
            held_on,
            participants,
        )
        self.save(membership)
        return membership, activity_id

    def verify_activity(
        self, ctx: RequestContext, id_: UUID, expected: int, activity_id: UUID, reason: str | None
    ) -> Membership:
        return self.change(
            Membership,
            id_,
            expected,
            NOUN,
            lambda m: m.verify_activity(self.envelope(ctx, reason), activity_id),
        )

    def reject_activity(
        self, ctx: RequestContext, id_: UUID, expected: int, activity_id: UUID, reason: str | None
    ) -> Membership:
        return self.change(
            Membership,
            id_,
            expected,
            NOUN,
            lambda m: m.reject_activity(self.envelope(ctx, reason), activity_id),
        )

    # -- erasure ---------------------------------------------------------------------

    def erase(
        self, ctx: RequestContext, id_: UUID, expected: int, reason: str | None
    ) -> Membership:
        """Destroys the person's data key and records why, in one transaction (Saudi PDPL)."""
        membership = self.get(id_)
        membership.check_version(expected)
        membership.erase_personal_data(self.envelope(ctx, reason))
        self.save(membership, **erasure_records(membership.id))
        return membership

    # -- targets ---------------------------------------------------------------------

    def targets(self) -> MembershipTargets | None:
        return self.find(MembershipTargets, TARGETS_ID)

    def set_target(
        self, ctx: RequestContext, region: Region, target: int, reason: str | None
    ) -> MembershipTargets:
        envelope = self.envelope(ctx, reason)
        targets = self.targets() or MembershipTargets.start(envelope)
        targets.set_target(envelope, region, target)
        self.save(targets)
        return targets


__all__ = ["DECISIONS", "MAX_BULK", "MAX_MATCHING", "AmbassadorService", "BulkOutcome", "NotFound"]
