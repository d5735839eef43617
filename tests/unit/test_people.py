"""ID numbers, mobiles, e-mails and names: what the enrolment form accepts and how it says no."""

from __future__ import annotations

import pytest

from domain.ambassadors.enrolment import EnrolmentForm, validate_enrolment
from domain.errors import InvalidInput, Problems
from domain.people import check_email, check_mobile, check_national_id, person_id
from registry.i18n import say
from tests.people import national_id

PEPPER = b"test-pepper"


def checked(check, raw):  # type: ignore[no-untyped-def]
    problems = Problems()
    value = check(raw, problems)
    return value, [p.field for p in problems.items], [str(p.message) for p in problems.items]


def test_a_valid_citizen_id_and_iqama_pass_and_arabic_digits_are_read() -> None:
    citizen, resident = national_id(1), national_id(2, citizen=False)
    assert checked(check_national_id, citizen)[0] == citizen
    assert checked(check_national_id, resident)[0] == resident
    arabic = citizen.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert checked(check_national_id, arabic)[0] == citizen


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("", "required"),
        ("12345", "exactly 10 digits"),
        ("12345678901", "exactly 10 digits"),
        ("3000000001", "starts with 1"),
        ("1000000001", "check digit"),
        ("10000000a8", "exactly 10 digits"),
    ],
)
def test_an_invalid_id_number_is_refused_saying_why(raw: str, says: str) -> None:
    value, fields, messages = checked(check_national_id, raw)
    assert value is None
    assert fields == ["national_id"]
    assert says in messages[0]


@pytest.mark.parametrize(
    "raw",
    [
        "0551234567",
        "+966551234567",
        "966551234567",
        "00966551234567",
        "055 123 4567",
        "٠٥٥١٢٣٤٥٦٧",
        "551234567",
    ],
)
def test_saudi_mobiles_are_normalised(raw: str) -> None:
    assert checked(check_mobile, raw)[0] == "+966551234567"


@pytest.mark.parametrize("raw", ["0451234567", "05512345", "+971551234567", "hello", "05512345678"])
def test_other_numbers_are_not_saudi_mobiles(raw: str) -> None:
    value, fields, _ = checked(check_mobile, raw)
    assert value is None
    assert fields == ["mobile"]


def test_emails_keep_their_local_part_and_lower_their_domain() -> None:
    assert checked(check_email, "Sara.A@Example.SA")[0] == "Sara.A@example.sa"
    assert checked(check_email, "not-an-email")[0] is None


def test_the_person_id_is_keyed_stable_and_not_the_number() -> None:
    number = national_id(7)
    assert person_id(PEPPER, number) == person_id(PEPPER, number)
    assert person_id(PEPPER, number) != person_id(b"another pepper", number)
    assert number not in str(person_id(PEPPER, number)).replace("-", "")


def form(**overrides: object) -> EnrolmentForm:
    base: dict[str, object] = {
        "national_id": national_id(3),
        "name_ar": "سارة",
        "mobile": "0551234567",
        "email": "sara@example.sa",
        "region": "Eastern Province",
        "city": "Dammam",
    }
    base.update(overrides)
    return EnrolmentForm(**base)  # type: ignore[arg-type]


def test_every_invalid_field_is_named_in_one_refusal_in_both_languages() -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_enrolment(
            form(
                national_id="1234",
                mobile="12",
                email="x",
                region="Atlantis",
                name_ar="Sara",
                city="",
            ),
            PEPPER,
        )
    fields = [p.field for p in refused.value.problems]
    assert fields == ["national_id", "name_ar", "mobile", "email", "region", "city"]
    assert all(str(p.message) and say(p.message, "ar") for p in refused.value.problems)


def test_the_general_track_is_for_citizens_only() -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_enrolment(form(national_id=national_id(4, citizen=False)), PEPPER)
    assert refused.value.field == "national_id"
    assert "citizens" in str(refused.value.message)


def test_a_resident_may_join_the_sectoral_track_with_a_sector_and_employer() -> None:
    enrolment = validate_enrolment(
        form(
            national_id=national_id(4, citizen=False),
            track="sectoral",
            sector="health",
            employer="King Fahd Hospital",
        ),
        PEPPER,
    )
    assert enrolment.region == "eastern_province"
    assert enrolment.details.sector == "health"


def test_tracks_ask_for_what_they_need() -> None:
    with pytest.raises(InvalidInput) as sectoral:
        validate_enrolment(form(track="sectoral"), PEPPER)
    assert [p.field for p in sectoral.value.problems] == ["sector", "employer"]
    with pytest.raises(InvalidInput) as expert:
        validate_enrolment(form(track="expert", sector="industry"), PEPPER)
    assert [p.field for p in expert.value.problems] == ["qualifications", "evidence"]
