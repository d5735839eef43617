"""Commands and queries of the professional licences and their types."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from domain.envelope import Envelope
from domain.errors import AlreadyExists, NotFound, Problems
from domain.licences.licence import Licence, licence_id
from domain.licences.licence_type import (
    LicenceStage,
    LicenceType,
    licence_type_id,
    normalise_type_code,
)
from domain.people import check_personal, person_id
from domain.personal import PersonalData
from domain.text import Text
from projections.sql import Database
from registry.application import NQSApplication
from registry.clock import Clock
from registry.context import RequestContext
from registry.idempotency import IdempotencyKey
from registry.personal_data import NEW_KEYS, PersonalDataVault, save_erasure
from registry.service import Service

NOUN = ("licence", "رخصة")
TYPE_NOUN = ("licence type", "نوع رخصة")
TYPE_EXISTS = ("A licence type with this code already exists.", "يوجد نوع رخصة بهذا الرمز مسبقاً.")
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

    # -- licence types ---------------------------------------------------------------

    def get_type(self, code: str) -> LicenceType:
        try:
            type_id = licence_type_id(code)
        except Exception:  # noqa: BLE001 - a malformed code names no type
            raise NotFound(
                "No such licence type.", "لا يوجد نوع رخصة بهذا الرمز.", field="type_code"
            ) from None
        found = self.find(LicenceType, type_id)
        if found is None:
            raise NotFound(
                "No such licence type.", "لا يوجد نوع رخصة بهذا الرمز.", field="type_code"
            )
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
            try:
                self.app.save(licence, **{NEW_KEYS: rows})
            except IntegrityError:
                continue  # someone saved this person's key or this licence first: look again
            return licence
        raise AlreadyExists(
            "This application was made at the same moment by someone else.",
            "تم تقديم هذا الطلب في اللحظة نفسها من جهة أخرى.",
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
        if self.replayed_entity(existing, idempotency):
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

    def erase(self, ctx: RequestContext, id_: UUID, expected: int, reason: str | None) -> Licence:
        """Destroys the holder's data key (their ambassador record reads "erased" too)."""
        licence = self.get(id_)
        licence.check_version(expected)
        licence.erase_personal_data(self.envelope(ctx, reason))
        save_erasure(self.app, licence, licence.person_id)
        return licence
