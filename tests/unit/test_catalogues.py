"""The gettext catalogues: every string the pages, the domain's refusals and the API's problem
documents use is translated (one source per message: ``N_`` msgids in domain/, registry/ and
api/, ``gettext`` in the templates), none is fuzzy, and each reads the same through the
compiled catalogue as the code meant."""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from domain.errors import InvalidInput, Problems, VersionConflict
from domain.people import check_mobile
from registry import i18n
from registry.i18n import message as say_msgid
from registry.i18n import say

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "api" / "locale"


def _catalogue(lang: str):  # type: ignore[no-untyped-def]
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def _extracted(tmp_path: Path) -> set[str]:
    """The msgids in the code and templates today (what `make messages-extract` finds)."""
    pot = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run(
        [
            str(pybabel),
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-k",
            "translate:2",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as f:
        template = read_po(f)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}


def test_every_string_the_pages_use_has_an_arabic_translation(tmp_path: Path) -> None:
    catalogue = _catalogue("ar")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue
        if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    missing = sorted(_extracted(tmp_path) - translated)
    assert missing == [], "untranslated (run `make messages-extract` and translate): " + repr(
        missing
    )


def test_no_arabic_translation_is_fuzzy() -> None:
    fuzzy = [m.id for m in _catalogue("ar") if m.id and m.fuzzy]
    assert fuzzy == []


def test_arabic_has_six_plural_forms_and_every_plural_fills_them() -> None:
    catalogue = _catalogue("ar")
    assert catalogue.num_plurals == 6
    for message in catalogue:
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == 6 and all(message.string), message.id


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_no_arabic_translation_names_a_placeholder_its_msgid_does_not_fill() -> None:
    """A msgstr's ``{name}`` must be one of the msgid's, or saying it would fail."""
    wrong = [
        m.id
        for m in _catalogue("ar")
        if m.id
        and isinstance(m.id, str)
        and "{" in m.id
        and not _placeholders(m.string) <= _placeholders(m.id)
    ]
    assert wrong == []


def test_every_refusal_msgid_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    """The extraction reads the domain, the services and the API, not only the pages."""
    extracted = _extracted(tmp_path)
    assert "Expected version {expected} but the current version is {actual}." in extracted
    assert "The national ID or iqama number is required." in extracted  # domain/people.py
    assert "No such application." in extracted  # registry/applications.py
    assert "The request is malformed or has invalid fields" in extracted  # api/errors.py


@pytest.fixture
def compiled_arabic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Arabic catalogue as `make messages` compiles it (a real .mo), for registry.i18n."""
    mo = tmp_path / "messages.mo"
    pybabel = Path(sys.executable).parent / "pybabel"
    po = LOCALES / "ar" / "LC_MESSAGES" / "messages.po"
    subprocess.run(
        [str(pybabel), "-q", "compile", "-i", str(po), "-o", str(mo), "-l", "ar"],
        check=True,
        capture_output=True,
    )
    with mo.open("rb") as f:
        arabic = Translations(f, domain="messages")
    monkeypatch.setattr(
        i18n, "translations", lambda lang: arabic if lang == "ar" else NullTranslations()
    )


@pytest.mark.usefixtures("compiled_arabic")
def test_a_domain_refusal_reads_in_english_and_in_arabic_through_the_catalogue() -> None:
    problems = Problems()
    check_mobile("12345", problems)
    with pytest.raises(InvalidInput) as refused:
        problems.raise_if_any()
    error = refused.value
    [mobile] = error.problems
    assert say(mobile.message, "en") == (
        "A Saudi mobile number looks like 05XXXXXXXX or +9665XXXXXXXX."
    )
    assert (
        say(mobile.message, "ar") == "رقم الجوال السعودي بالشكل 05XXXXXXXX أو \u200e+9665XXXXXXXX."
    )
    assert say(error.message, "ar") == "mobile: " + say(mobile.message, "ar")
    assert say_msgid(error.title, "en") == "Some of the input is not valid"
    assert say_msgid(error.title, "ar") == "بعض البيانات المدخلة غير صالحة"


@pytest.mark.usefixtures("compiled_arabic")
def test_a_refusal_fills_its_placeholders_in_each_language() -> None:
    stale = VersionConflict(3, 4)
    assert say(stale.message, "en") == "Expected version 3 but the current version is 4."
    assert say(stale.message, "ar") == "الإصدار المتوقع 3 لكن الإصدار الحالي 4."
    assert str(stale) == say(stale.message, "en")  # the exception's text is the English
