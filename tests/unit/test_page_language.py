"""Which language a visitor reads, and how dates read in each."""

from __future__ import annotations

from datetime import date

import pytest

from api.pages.i18n import from_accept_language, readable_date


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "ar"),
        ("", "ar"),
        ("fr-FR, de;q=0.9", "ar"),
        ("en-US,en;q=0.9", "en"),
        ("ar-SA,ar;q=0.9,en;q=0.8", "ar"),
        ("fr;q=1, en;q=0.8, ar;q=0.9", "ar"),
        ("en;q=0, ar;q=0.1", "ar"),
        ("en;q=garbage", "ar"),
        ("en-GB;q=0.5, ar;q=0.5", "en"),  # a tie goes to the one listed first
    ],
)
def test_the_browser_preference_picks_arabic_or_english(header: str | None, lang: str) -> None:
    assert from_accept_language(header) == lang


def test_a_date_reads_gregorian_with_the_hijri_date_beside_it() -> None:
    assert (
        readable_date(date(2026, 12, 1), "en") == "1 December 2026 (21 Jumada al-Akhirah 1448 AH)"
    )
    assert readable_date("2026-12-01", "ar") == "1 ديسمبر 2026 (21 جمادى الآخرة 1448 هـ)"
    assert readable_date(None, "ar") == ""


def test_a_date_past_the_hijri_tables_reads_gregorian_alone() -> None:
    # A certificate an applicant says is valid until 2099: the judge's page still opens.
    assert readable_date(date(2099, 1, 1), "en") == "1 January 2099"
    assert readable_date("2099-01-01", "ar") == "1 يناير 2099"
