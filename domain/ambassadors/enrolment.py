"""The enrolment form, checked once, whole: every invalid field is named in one refusal.

The same check serves the public form, the officer's CSV import and track
changes, so a row refused by the import reads exactly like a refused form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from uuid import UUID

from domain.ambassadors.values import SECTOR_NAMES, Sector, Track
from domain.errors import Problems
from domain.messages import N_, Joined
from domain.people import Residency, check_personal, person_id, residency_of
from domain.personal import PersonalData
from domain.regions import REGION_NAMES, Region
from domain.text import (
    CONTROL_CHARACTERS,
    Text,
    check_text,
    has_control_characters,
)

MAX_CITY_LENGTH = 100
MAX_EMPLOYER_LENGTH = 200
MAX_ITEMS = 20
MAX_ITEM_LENGTH = 500


@dataclass(frozen=True)
class EnrolmentForm:
    """The form as typed: strings, unchecked (the columns of the import CSV, too)."""

    national_id: str
    name_ar: str
    mobile: str
    email: str
    region: str
    city: str
    track: str = Track.GENERAL.value
    name_en: str | None = None
    sector: str | None = None
    employer: str | None = None
    qualifications: Sequence[str] = ()
    evidence: Sequence[str] = ()


@dataclass(frozen=True)
class TrackDetails:
    """What a track asks of its members beyond who they are."""

    track: Track
    sector: Sector | None = None
    employer: str | None = None
    qualifications: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Enrolment:
    """A checked form: the person's id, their sealed-to-be personal data, the rest in clear."""

    person_id: UUID
    personal: PersonalData
    residency: Residency
    region: Region
    city: str
    details: TrackDetails


def validate_enrolment(form: EnrolmentForm, pepper: bytes) -> Enrolment:
    """Checks every field; raises one InvalidInput naming all that are wrong."""
    problems = Problems()
    _refuse_control_characters(form, problems)
    personal = check_personal(
        form.national_id, form.name_ar, form.name_en, form.mobile, form.email, problems
    )
    region = check_region(form.region, problems)
    city = _text(form.city, "city", MAX_CITY_LENGTH, problems, required=True)
    residency = residency_of(personal.national_id) if personal else None
    details = check_track_details(
        form.track,
        residency,
        form.sector,
        form.employer,
        form.qualifications,
        form.evidence,
        problems,
    )
    problems.raise_if_any()
    assert personal is not None
    assert region is not None
    assert city is not None
    assert residency is not None
    assert details is not None
    return Enrolment(
        person_id=person_id(pepper, personal.national_id),
        personal=personal,
        residency=residency,
        region=region,
        city=city,
        details=details,
    )


def _refuse_control_characters(form: EnrolmentForm, problems: Problems) -> None:
    """The text rule of ``domain.text`` for every field (the API's bodies already obey it;
    a CSV row reaches this check straight from the file)."""
    for field_ in fields(form):
        value = getattr(form, field_.name)
        values = [value] if isinstance(value, str | None) else list(value)
        if any(v and has_control_characters(v) for v in values):
            problems.add(field_.name, CONTROL_CHARACTERS)


def check_region(raw: str | None, problems: Problems, field_name: str = "region") -> Region | None:
    value = (raw or "").strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Region(value)
    except ValueError:
        # The codes to send; in Arabic, each region's name with its code.
        allowed = Joined.of(
            Text(ar=f"{REGION_NAMES[r][1]} ({r.value})", en=r.value) for r in Region
        )
        problems.add(field_name, N_("Choose one of the 13 regions: {allowed}."), allowed=allowed)
        return None


def check_track_details(
    raw_track: str | None,
    residency: Residency | None,
    raw_sector: str | None,
    raw_employer: str | None,
    qualifications: Sequence[str],
    evidence: Sequence[str],
    problems: Problems,
) -> TrackDetails | None:
    """The track and what it requires: a citizen for the general track, a sector and an
    employer for the sectoral one, a sector, qualifications and evidence for experts."""
    try:
        track = Track((raw_track or Track.GENERAL.value).strip().lower())
    except ValueError:
        problems.add("track", N_("Choose general, sectoral or expert."))
        return None
    sector = None
    if raw_sector and raw_sector.strip():
        try:
            sector = Sector(raw_sector.strip().lower().replace(" ", "_"))
        except ValueError:
            allowed = Joined.of(
                Text(ar=f"{SECTOR_NAMES[s][1]} ({s.value})", en=s.value) for s in Sector
            )
            problems.add("sector", N_("Choose one of: {allowed}."), allowed=allowed)
            return None
    employer = _text(raw_employer, "employer", MAX_EMPLOYER_LENGTH, problems, required=False)
    quals = _items(qualifications, "qualifications", problems)
    proofs = _items(evidence, "evidence", problems)
    if track == Track.GENERAL and residency == Residency.RESIDENT:
        problems.add(
            "national_id",
            N_("The general track is for citizens: a national ID starts with 1."),
        )
    if track in (Track.SECTORAL, Track.EXPERT) and sector is None:
        problems.add(
            "sector",
            N_("This track needs the sector you work in."),
        )
    if track == Track.SECTORAL and not employer:
        problems.add("employer", N_("The sectoral track needs your employer."))
    if track == Track.EXPERT:
        if not quals:
            problems.add(
                "qualifications",
                N_("An expert lists at least one qualification."),
            )
        if not proofs:
            problems.add(
                "evidence",
                N_("An expert gives at least one piece of evidence."),
            )
    return TrackDetails(track, sector, employer, quals, proofs)


def _text(
    raw: str | None, field_name: str, max_length: int, problems: Problems, *, required: bool
) -> str | None:
    value, problem = check_text(raw, field_name, max_length, required=required, collapse=True)
    if problem is not None:
        problems.items.append(problem)
    return value


def _items(raw: Sequence[str], field_name: str, problems: Problems) -> tuple[str, ...]:
    items = tuple(v for v in (" ".join((item or "").split()) for item in raw) if v)
    if len(items) > MAX_ITEMS or any(len(v) > MAX_ITEM_LENGTH for v in items):
        problems.add(
            field_name,
            N_("At most {max_items} items of {max_item_length} characters."),
            max_items=MAX_ITEMS,
            max_item_length=MAX_ITEM_LENGTH,
        )
        return ()
    return items
