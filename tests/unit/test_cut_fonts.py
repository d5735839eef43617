"""The served fonts are cuts of the pinned IBM Plex Sans Arabic files (api/vendor.py): each
maps exactly the code points its manifest entry and its @font-face name, every character the
pages show has a face, and Arabic still joins in the cuts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from api import vendor
from api.pages.i18n import OTHER_NAME

SITE_CSS = vendor.ROOT / "api" / "static" / "css" / "site.css"
TEMPLATES = vendor.ROOT / "api" / "templates"
# Symbols the pages use that IBM Plex Sans Arabic has no glyph for (nor had before the cut):
# the browser draws them from the system's fonts, as it always did.
SYSTEM_FONT_SYMBOLS = set("→≤≥Σ▲▶◀")
CUTS = [item for item in vendor.load() if item.subset is not None]


def faces() -> list[dict[str, str]]:
    """site.css's @font-face rules: family, weight, the file (repository path), unicode-range."""
    found = []
    for body in re.findall(r"@font-face\s*\{([^}]*)\}", SITE_CSS.read_text()):
        rule = {
            key: " ".join(value.split())
            for key, value in re.findall(r"([a-z-]+)\s*:\s*([^;]+);", body)
        }
        url = re.search(r'url\("([^"]+)"\)', rule["src"])
        assert url, body
        rule["file"] = str((SITE_CSS.parent / url.group(1)).resolve().relative_to(vendor.ROOT))
        rule["font-family"] = rule["font-family"].strip('"')
        found.append(rule)
    return found


def shown_text() -> str:
    """Every message in both languages and the templates' own text."""
    with (vendor.ROOT / "api" / "locale" / "ar" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        messages = [
            s
            for m in read_po(f, locale="ar")
            for part in (m.id, m.string)
            for s in (part if isinstance(part, tuple) else (part,))
            if s
        ]
    templates = [p.read_text() for p in TEMPLATES.rglob("*.html")]
    return "\n".join(messages + templates)


def test_code_points_and_unicode_ranges_read_each_other() -> None:
    points = vendor.code_points("U+0020-007E, U+00A0, U+0621-063A,U+0640")
    assert len(points) == 95 + 1 + 26 + 1
    assert vendor.unicode_range(points) == "U+0020-007E, U+00A0, U+0621-063A, U+0640"
    with pytest.raises(ValueError, match="not a code point"):
        vendor.code_points("U+06??")


def test_every_cut_records_its_upstream_file_and_how_it_was_cut() -> None:
    assert len(CUTS) >= 4
    for item in CUTS:
        assert item.subset is not None
        assert re.fullmatch(r"[0-9a-f]{64}", item.upstream_sha256 or ""), item.path
        assert item.upstream_sha256 != item.sha256
        assert item.subset.options and item.subset.tool.startswith("fonttools ")
        # IBM reserves the font name "Plex": a Modified Version is called otherwise (OFL §3).
        assert "plex" not in item.subset.family.lower()
        assert "plex" not in Path(item.path).name


def test_a_cut_maps_exactly_the_code_points_its_entry_names() -> None:
    for item in CUTS:
        assert item.subset is not None
        served = (vendor.ROOT / item.path).read_bytes()
        assert vendor.font_code_points(served) == vendor.code_points(item.subset.unicodes)


def test_each_font_face_serves_a_cut_over_exactly_its_code_points() -> None:
    # A unicode-range wider than the file would send those characters to another font
    # letter by letter, breaking the joins of an Arabic word.
    cuts = {item.path: item for item in CUTS}
    rules = faces()
    assert {rule["file"] for rule in rules} == set(cuts)
    for rule in rules:
        subset = cuts[rule["file"]].subset
        assert subset is not None
        assert rule["font-family"] == subset.family
        assert vendor.code_points(rule["unicode-range"]) == vendor.code_points(subset.unicodes)


def test_every_character_the_pages_show_has_a_font_face() -> None:
    covered = set().union(*(vendor.code_points(rule["unicode-range"]) for rule in faces()))
    used = {ord(ch) for ch in shown_text() if ch.isprintable() and ch not in SYSTEM_FONT_SYMBOLS}
    assert vendor.unicode_range(used - covered) == ""


def test_arabic_joins_and_lam_alef_ligates_in_the_cuts() -> None:
    arabic = [item for item in CUTS if "arabic-arabic" in item.path]
    assert arabic
    for item in arabic:
        shaper = vendor.Shaper((vendor.ROOT / item.path).read_bytes())
        # Isolated, initial, medial and final beh are four glyphs.
        assert len(set(shaper.glyph_ids("ب") + shaper.glyph_ids("ببب"))) == 4
        assert len(shaper.glyph_ids("لا")) == 1
        for word in vendor.SHAPING_WORDS:
            laid_out = shaper.shape(word.replace(" ", ""))
            assert not any(notdef for notdef, *_ in laid_out), word


def test_the_english_pages_toggle_word_is_whole_in_its_own_cut() -> None:
    toggle = next(item for item in CUTS if "toggle" in item.path)
    assert toggle.subset is not None
    assert {ord(ch) for ch in OTHER_NAME["en"]} == vendor.code_points(toggle.subset.unicodes)
    assert (
        '.language-toggle:lang(ar) { font-family: "NQS Sans Arabic Toggle"' in SITE_CSS.read_text()
    )
