"""People: Saudi national IDs and iqamas, mobile numbers, e-mail addresses, names.

Each checker adds what is wrong to a :class:`Problems` instead of raising, so a
form with several bad fields is refused once, naming every one of them. Digits
may be typed in Arabic-Indic (٠١٢…) or Eastern Arabic-Indic (۰۱۲…) forms: they
are normalised to ASCII first, as people in the Kingdom type both.

A person is known to the registry by :func:`person_id`, a ``uuid5`` of a keyed
hash (HMAC-SHA256 under a secret pepper) of the normalised ID number: the raw
number never becomes an id, a URL or a log line, and without the pepper the id
cannot be turned back into the number by trying all billion of them.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.errors import Problems
from domain.messages import N_
from domain.personal import PersonalData

NAMESPACE_PERSONS = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/persons")

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SEPARATORS = re.compile(r"[\s\-()]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_NAME_AR = re.compile(r"^[\u0600-\u06FF\s.'\-ـ]+$")
_NAME_EN = re.compile(r"^[A-Za-z][A-Za-z\s.'\-]*$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
MAX_NAME_LENGTH = 150
MAX_EMAIL_LENGTH = 254


class Residency(StrEnum):
    """What the first digit of a national ID says: 1 a citizen, 2 a resident (iqama)."""

    CITIZEN = "citizen"
    RESIDENT = "resident"


def ascii_digits(value: str) -> str:
    return (value or "").translate(_DIGITS)


def luhn_valid(digits: str) -> bool:
    """The Luhn check over every digit, the last one being the check digit."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def check_national_id(
    raw: str | None, problems: Problems, field: str = "national_id"
) -> str | None:
    """The normalised 10-digit ID or iqama number, or None after naming what is wrong."""
    value = _SEPARATORS.sub("", ascii_digits(raw or ""))
    if not value:
        problems.add(
            field,
            N_("The national ID or iqama number is required."),
        )
        return None
    if not value.isdigit() or len(value) != 10:
        problems.add(
            field,
            N_("A national ID or iqama number has exactly 10 digits."),
        )
        return None
    if value[0] not in "12":
        problems.add(
            field,
            N_("A national ID starts with 1 (citizen) or 2 (resident, iqama)."),
        )
        return None
    if not luhn_valid(value):
        problems.add(
            field,
            N_("This is not a valid national ID or iqama number (check digit)."),
        )
        return None
    return value


def residency_of(national_id: str) -> Residency:
    return Residency.CITIZEN if national_id.startswith("1") else Residency.RESIDENT


def check_mobile(raw: str | None, problems: Problems, field: str = "mobile") -> str | None:
    """A Saudi mobile number as +9665XXXXXXXX; accepts 05XXXXXXXX, 5XXXXXXXX, 9665…, 009665…."""
    value = _SEPARATORS.sub("", ascii_digits(raw or ""))
    if not value:
        problems.add(field, N_("The mobile number is required."))
        return None
    for prefix in ("+966", "00966", "966", "0"):
        if value.startswith(prefix):
            value = value[len(prefix) :]
            break
    if not (value.isdigit() and len(value) == 9 and value.startswith("5")):
        problems.add(
            field,
            N_("A Saudi mobile number looks like 05XXXXXXXX or +9665XXXXXXXX."),
        )
        return None
    return "+966" + value


def check_email(raw: str | None, problems: Problems, field: str = "email") -> str | None:
    value = (raw or "").strip()
    if not value:
        problems.add(field, N_("The e-mail address is required."))
        return None
    if len(value) > MAX_EMAIL_LENGTH or not _EMAIL.match(value):
        problems.add(field, N_("This is not a valid e-mail address."))
        return None
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def check_name_ar(raw: str | None, problems: Problems, field: str = "name_ar") -> str | None:
    value = " ".join((raw or "").split())
    if not value:
        problems.add(field, N_("The name in Arabic is required."))
        return None
    if (
        len(value) > MAX_NAME_LENGTH
        or not _NAME_AR.match(value)
        or not _ARABIC_LETTER.search(value)
    ):
        problems.add(
            field,
            N_("Write the name in Arabic letters (up to 150)."),
        )
        return None
    return value


def check_name_en(raw: str | None, problems: Problems, field: str = "name_en") -> str | None:
    """The optional English name: None when not given (or after naming what is wrong)."""
    value = " ".join((raw or "").split())
    if not value:
        return None
    if len(value) > MAX_NAME_LENGTH or not _NAME_EN.match(value):
        problems.add(
            field,
            N_("Write the English name in Latin letters (up to 150)."),
        )
        return None
    return value


def check_personal(
    national_id: str | None,
    name_ar: str | None,
    name_en: str | None,
    mobile: str | None,
    email: str | None,
    problems: Problems,
) -> PersonalData | None:
    """Who someone is, checked field by field; None if anything is wrong (named in problems)."""
    checked = (
        check_national_id(national_id, problems),
        check_name_ar(name_ar, problems),
        check_name_en(name_en, problems),
        check_mobile(mobile, problems),
        check_email(email, problems),
    )
    number, arabic, english, phone, mail = checked
    if number is None or arabic is None or phone is None or mail is None:
        return None
    if english is None and name_en and name_en.strip():
        return None
    return PersonalData(number, arabic, english, phone, mail)


def person_id(pepper: bytes, national_id: str) -> UUID:
    """The registry's id of a person: never the number, always the same for the same number."""
    digest = hmac.new(pepper, national_id.encode("ascii"), hashlib.sha256).hexdigest()
    return uuid5(NAMESPACE_PERSONS, digest)
