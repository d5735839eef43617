"""The pages' gettext catalogues: every string the pages use is translated, none is fuzzy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "api" / "locale"


def _catalogue(lang: str):  # type: ignore[no-untyped-def]
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def _extracted(tmp_path: Path) -> set[str]:
    """The msgids in the page modules and templates today (what `make messages-extract` finds)."""
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
