"""What the licences' queries return: the types, lists with holders' names, the public
check and the licences report — plain values any entry point renders.

Holders' names are decrypted here, a page at a time; an erased holder reads "erased".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.licences.licence import PUBLIC_STATUS, LicenceStatus, effective_status
from domain.personal import name_or_erased
from domain.text import Text
from projections import licences_queries as q
from projections.licences_queries import LicenceRow
from projections.sql import Database
from registry.pages import Page
from registry.personal_data import PersonalDataVault


@dataclass(frozen=True)
class LicenceTypeSummary:
    code: str
    stage: str
    title: Text
    validity_years: int
    cpd_hours: int
    active: bool
    version: int


@dataclass(frozen=True)
class LicenceSummary:
    """One row of the licences list, with the holder's name."""

    id: UUID
    type_code: str
    stage: str
    status: str
    number: str | None
    valid_until: str | None
    holder_name_ar: str
    holder_name_en: str | None
    applied_on: str
    version: int


@dataclass(frozen=True)
class LicenceCheck:
    """The public check: status, holder's name, type and validity — nothing more."""

    number: str
    status: str
    holder_name_ar: str
    holder_name_en: str | None
    type_code: str
    type_title: Text
    stage: str
    valid_from: str | None
    valid_until: str | None


@dataclass(frozen=True)
class LicenceCount:
    type_code: str
    stage: str
    status: str
    count: int


@dataclass(frozen=True)
class ExpiringLicence:
    id: UUID
    number: str | None
    type_code: str
    valid_until: str | None
    holder_name_ar: str


@dataclass(frozen=True)
class LicencesReport:
    """Licences by type, stage and status (an issued one past its validity counts as
    expired) and those expiring within the next 90 days, as of a day."""

    as_of_date: str
    total: int
    counts: list[LicenceCount]
    by_type: dict[str, dict[str, int]]
    by_stage: dict[str, dict[str, int]]
    by_status: dict[str, int]
    expiring_within_90_days: list[ExpiringLicence]


def holders(vault: PersonalDataVault, rows: list[LicenceRow]) -> dict[UUID, tuple[str, str | None]]:
    """Holders' names for a page of licences, decrypted in one go."""
    return vault.names({UUID(r.person_id): r.personal for r in rows})


def licence_types(db: Database) -> list[LicenceTypeSummary]:
    return [
        LicenceTypeSummary(
            t.code,
            t.stage,
            Text(t.title_ar, t.title_en),
            t.validity_years,
            t.cpd_hours,
            t.active,
            t.version,
        )
        for t in q.licence_types(db)
    ]


def list_licences(
    db: Database,
    vault: PersonalDataVault,
    limit: int,
    offset: int,
    status: LicenceStatus | None,
    type_code: str | None,
    stage: str | None = None,
) -> Page[LicenceSummary]:
    rows, total = q.list_licences(db, limit, offset, status, type_code, stage)
    named = holders(vault, rows)
    items = [
        LicenceSummary(
            id=UUID(r.id),
            type_code=r.type_code,
            stage=r.stage,
            status=r.status,
            number=r.number,
            valid_until=r.valid_until,
            holder_name_ar=named[UUID(r.person_id)][0],
            holder_name_en=named[UUID(r.person_id)][1],
            applied_on=r.applied_on,
            version=r.version,
        )
        for r in rows
    ]
    return Page(items, total, limit, offset)


def check_licence(
    db: Database,
    vault: PersonalDataVault,
    number: str,
    title_of: Callable[[str], Text],
    today: date,
) -> LicenceCheck | None:
    """The public check of the licence with this number (None if there is none)."""
    row = q.licence_by_number(db, number)
    if row is None or row.number is None:
        return None
    status = effective_status(
        LicenceStatus(row.status),
        date.fromisoformat(row.valid_until) if row.valid_until else None,
        today,
    )
    name_ar, name_en = name_or_erased(vault.open(UUID(row.person_id), row.personal))
    return LicenceCheck(
        number=row.number,
        status=PUBLIC_STATUS[status],
        holder_name_ar=name_ar,
        holder_name_en=name_en,
        type_code=row.type_code,
        type_title=title_of(row.type_code),
        stage=row.stage,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
    )


def licences_report(db: Database, vault: PersonalDataVault, today: date) -> LicencesReport:
    report = q.licences_report(db, today)
    named = holders(vault, report.expiring)
    return LicencesReport(
        as_of_date=report.as_of_date,
        total=report.total,
        counts=[LicenceCount(t, s, st, n) for t, s, st, n in report.counts],
        by_type=report.by_type,
        by_stage=report.by_stage,
        by_status=report.by_status,
        expiring_within_90_days=[
            ExpiringLicence(
                id=UUID(r.id),
                number=r.number,
                type_code=r.type_code,
                valid_until=r.valid_until,
                holder_name_ar=named[UUID(r.person_id)][0],
            )
            for r in report.expiring
        ],
    )
