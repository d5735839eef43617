"""Commands and queries of the professional licences and their types."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from domain.envelope import Envelope
from domain.errors import AlreadyExists, DomainError, InvalidInput, NotFound, Problems
from domain.licences.licence import Licence, LicenceStatus, licence_id
from domain.licences.licence_type import (
    LicenceStage,
    LicenceType,
    licence_type_id,
)
from domain.messages import N_
from domain.people import check_personal, person_id
from domain.personal import PersonalData
from domain.text import Text
from projections.licences_queries import issued_past_validity
from projections.sql import Database
from registry import licence_reads as reads
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.history import HistoryEntry
from registry.idempotency import IdempotencyKey
from registry.licence_reads import LicenceCheck, LicencesReport, LicenceSummary, LicenceTypeSummary
from registry.pages import Page
from registry.personal_data import NEW_KEYS, PersonalDataVault, erasure_records
from registry.service import Noun, Service

NOUN = Noun(N_("No such licence."), N_("No such licence existed at {as_of}."))
TYPE_NOUN = Noun(N_("No such licence type."), N_("No such licence type existed at {as_of}."))
TYPE_EXISTS = N_("A licence type with this code already exists.")
NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True)
class LicenceApplicationForm:
    national_id: str
    name_ar: str
    mobile: str
    email: str
    type_code: str
    qualifications: Sequence[str]
    experience_years: int
    evidence: Sequence[str]
    name_en: str | None = None


def new_licence_number(stage: LicenceStage, year: int) -> str:
    """E.g. T-2026-7K3M9Q2X: stage, year of issue, eight random characters."""
    tail = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(8))
    return f"{'T' if stage == LicenceStage.TECHNICAL else 'A'}-{year}-{tail}"


class LicenceService(Service):
    def __init__(
        self,
        app: NQSApplication,
        clock: Clock,
        vault: PersonalDataVault,
        pepper: bytes,
        db: Database,
    ) -> None:
        super().__init__(app, clock)
        self.vault = vault
        self.pepper = pepper
        self.db = db

    # -- queries ---------------------------------------------------------------------

    def list_types(self) -> list[LicenceTypeSummary]:
        """The licence types one may apply for, technical (first stage) then administrative."""
        return reads.licence_types(self.db)

    def list_licences(
        self,
        limit: int,
        offset: int,
        status: LicenceStatus | None,
        type_code: str | None,
        stage: LicenceStage | None = None,
    ) -> Page[LicenceSummary]:
        """Licences and applications, oldest application first, with the holders' names
        (optionally of one stage: technical or administrative)."""
        return reads.list_licences(self.db, self.vault, limit, offset, status, type_code, stage)

    def check(self, number: str) -> LicenceCheck:
        """The public check of a licence by its number (as typed: case and spaces ignored)."""
        found = reads.check_licence(
            self.db,
            self.vault,
            number.strip().upper()[:40],
            lambda code: self.get_type(code).title,
            self.clock.now().date(),
        )
        if found is None:
            raise NotFound(N_("No licence has this number."))
        return found

    def report(self) -> LicencesReport:
        """The licences report as of today."""
        return reads.licences_report(self.db, self.vault, self.clock.now().date())

    # -- licence types ---------------------------------------------------------------

    def get_type(self, code: str) -> LicenceType:
        try:
            found = self.find(LicenceType, licence_type_id(code))
        except InvalidInput:  # a malformed code names no type
            found = None
        if found is None:
            raise NotFound(N_("No such licence type."), field="type_code")
        return found

    def define_type(
        self,
        ctx: RequestContext,
        *,
        code: str,
        stage: LicenceStage,
        title: Text,
        validity_years: int,
        cpd_hours: int,
        idempotency: IdempotencyKey | None = None,
    ) -> LicenceType:
        licence_type = LicenceType.define(
            self.envelope(ctx, idempotency=idempotency),
            code,
            stage,
            title,
            validity_years,
            cpd_hours,
        )
        return self.create(licence_type, idempotency, TYPE_EXISTS)

    def revise_type(
        self,
        ctx: RequestContext,
        code: str,
        expected: int,
        *,
        title: Text,
        validity_years: int,
        cpd_hours: int,
    ) -> LicenceType:
        return self.change(
            LicenceType,
            self.get_type(code).id,
            expected,
            TYPE_NOUN,
            lambda t: t.revise(self.envelope(ctx), title, validity_years, cpd_hours),
        )

    def retire_type(
        self, ctx: RequestContext, code: str, expected: int, reason: str | None
    ) -> LicenceType:
        return self.change(
            LicenceType,
            self.get_type(code).id,
            expected,
            TYPE_NOUN,
            lambda t: t.retire(self.envelope(ctx, reason)),
        )

    def technical_type_codes(self) -> list[str]:
        with self.db.read() as cur:
            rows = cur.fetchall("SELECT code FROM view_licence_types WHERE stage = 'technical'")
        return [str(r[0]) for r in rows]

    # -- licences --------------------------------------------------------------------

    def get(self, id_: UUID) -> Licence:
        return self.load(Licence, id_, NOUN)

    def history(self, id_: UUID) -> list[HistoryEntry]:
        """Every change of the licence: what, who, when, why."""
        return self.history_of(Licence, id_, NOUN)

    def personal_of(self, licence: Licence) -> PersonalData | None:
        if licence.erased:
            return None
        return self.vault.open(licence.person_id, licence.personal)

    def valid_technical(self, person: UUID) -> Licence | None:
        """The person's technical licence valid today, if they hold one."""
        today = self.clock.now().date()
        for code in self.technical_type_codes():
            licence = self.find(Licence, licence_id(person, code))
            if licence is not None and licence.is_valid_on(today):
                return licence
        return None

    def apply(
        self,
        ctx: RequestContext,
        form: LicenceApplicationForm,
        idempotency: IdempotencyKey | None = None,
    ) -> Licence:
        """An application: checked whole; the second stage needs a valid technical licence."""
        problems = Problems()
        personal = check_personal(
            form.national_id, form.name_ar, form.name_en, form.mobile, form.email, problems
        )
        problems.raise_if_any()
        assert personal is not None
        licence_type = self.get_type(form.type_code)
        person = person_id(self.pepper, personal.national_id)
        envelope = self.envelope(ctx, idempotency=idempotency)
        technical = (
            self.valid_technical(person)
            if licence_type.stage == LicenceStage.ADMINISTRATIVE
            else None
        )
        for _attempt in range(2):
            key = self.vault.key(person)
            rows = []
            if key is None:
                key, row = self.vault.new_key(person)
                rows = [row]
            sealed = self.vault.seal(key, person, personal)
            existing = self.find(Licence, licence_id(person, licence_type.code))
            if existing is not None:
                return self._reapply(existing, envelope, licence_type, form, technical, idempotency)
            licence = Licence.apply(
                envelope,
                person,
                sealed,
                licence_type,
                list(form.qualifications),
                form.experience_years,
                list(form.evidence),
                technical,
            )
            if self.try_save(licence, **{NEW_KEYS: rows}):
                return licence
            # Someone saved this person's key or this licence first: look again.
        raise AlreadyExists(
            N_("This application was made at the same moment by someone else."),
        )

    def _reapply(
        self,
        existing: Licence,
        envelope: Envelope,
        licence_type: LicenceType,
        form: LicenceApplicationForm,
        technical: Licence | None,
        idempotency: IdempotencyKey | None,
    ) -> Licence:
        if self.is_replay(existing.id, idempotency):
            return existing
        existing.reapply(
            envelope,
            licence_type,
            list(form.qualifications),
            form.experience_years,
            list(form.evidence),
            technical,
        )
        self.save(existing)
        return existing

    def assess(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        passed: bool,
        score: int | None,
        reason: str | None,
    ) -> Licence:
        return self.change(
            Licence,
            id_,
            expected,
            NOUN,
            lambda lic: lic.record_assessment(self.envelope(ctx, reason), passed, score),
        )

    def issue(self, ctx: RequestContext, id_: UUID, expected: int, reason: str | None) -> Licence:
        licence = self.get(id_)
        licence_type = self.get_type(licence.type_code)
        technical = (
            self.valid_technical(licence.person_id)
            if licence.stage == LicenceStage.ADMINISTRATIVE
            else None
        )
        number = new_licence_number(licence.stage, self.clock.now().year)
        return self.change(
            Licence,
            id_,
            expected,
            NOUN,
            lambda lic: lic.issue(self.envelope(ctx, reason), number, licence_type, technical),
        )

    def renew(
        self, ctx: RequestContext, id_: UUID, expected: int, cpd_hours: int, reason: str | None
    ) -> Licence:
        licence_type = self.get_type(self.get(id_).type_code)
        return self.change(
            Licence,
            id_,
            expected,
            NOUN,
            lambda lic: lic.renew(self.envelope(ctx, reason), cpd_hours, licence_type),
        )

    def decide(
        self, ctx: RequestContext, action: str, id_: UUID, expected: int, reason: str | None
    ) -> Licence:
        """Suspend, reinstate, revoke or record the expiry: each a decision with a reason."""
        return self.change(
            Licence,
            id_,
            expected,
            NOUN,
            lambda lic: getattr(lic, action)(self.envelope(ctx, reason)),
        )

    def record_expiries(self, ctx: RequestContext, reason: str | None, limit: int = 1000) -> int:
        """Records the expiry of issued licences past their validity (the daily run)."""
        expired = 0
        for id_ in issued_past_validity(self.db, self.clock.now().date(), limit):
            licence = self.get(UUID(id_))
            try:
                self.decide(ctx, "expire", licence.id, licence.version, reason)
            except DomainError:
                continue  # changed meanwhile (renewed, revoked): nothing to record
            expired += 1
        return expired

    def erase(self, ctx: RequestContext, id_: UUID, expected: int, reason: str | None) -> Licence:
        """Destroys the holder's data key (their ambassador record reads "erased" too)."""
        licence = self.get(id_)
        licence.check_version(expected)
        licence.erase_personal_data(self.envelope(ctx, reason))
        self.save(licence, **erasure_records(licence.person_id))
        return licence
