"""The membership certificate: one A4 landscape page, Arabic and English, code and QR.

fpdf2 shapes the Arabic text with HarfBuzz (joined letters, right to left); the
fonts are vendored Noto Naskh Arabic and Noto Sans (SIL Open Font License, see
``registry/fonts/OFL.txt``). The QR code (segno) is drawn as vector squares and
points at the public page ``/verify/certificates/{code}`` under the configured public base URL.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import segno
from fpdf import FPDF

from domain.ambassadors.membership import Membership
from domain.ambassadors.values import TRACK_NAMES
from domain.errors import InvalidTransition
from domain.messages import N_
from domain.personal import PersonalData
from domain.regions import REGION_NAMES

FONTS = Path(__file__).parent / "fonts"
GREEN = (0, 108, 53)


def shape_arabic(pdf: FPDF) -> None:
    """Shape what follows as Arabic (HarfBuzz: joined letters, right to left).

    "liga" is off: Noto Naskh's optional ligature for the word Allah (in names like عبدالله)
    maps back to the wrong letters, so a reader copying or searching the PDF's text got
    "عبداهلل". The required lam-alef ligature ("rlig") stays on."""
    pdf.set_text_shaping(
        use_shaping_engine=True,
        direction="rtl",
        script="arab",
        language="ar",
        features={"liga": False},
    )


@cache
def _font_files() -> dict[str, Path]:
    return {
        "naskh": FONTS / "NotoNaskhArabic-Regular.ttf",
        "naskh-bold": FONTS / "NotoNaskhArabic-Bold.ttf",
        "sans": FONTS / "NotoSans-Regular.ttf",
        "sans-bold": FONTS / "NotoSans-Bold.ttf",
    }


def membership_certificate(  # noqa: PLR0915 - one page, laid out top to bottom
    membership: Membership,
    personal: PersonalData | None,
    today: date,
    verify_base: str,
) -> bytes:
    """The PDF certificate of an approved membership that still has its personal data."""
    if membership.verification_code is None:
        raise InvalidTransition(
            N_("A certificate is issued once the membership is approved."),
        )
    if personal is None:
        raise InvalidTransition(
            N_("This person's personal data was erased: no certificate can carry their name."),
        )
    assert membership.valid_from is not None
    assert membership.expires_on is not None
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title("NQS quality ambassador certificate")
    pdf.set_creator("NQS Registry")
    for name, path in _font_files().items():
        family, _, style = name.partition("-")
        pdf.add_font(family, "B" if style else "", str(path))
    pdf.set_fallback_fonts(["sans"])
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    width = pdf.w

    pdf.set_draw_color(*GREEN)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, width - 16, pdf.h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, width - 22, pdf.h - 22)

    track_en, track_ar = TRACK_NAMES[membership.track]
    region_en, region_ar = REGION_NAMES[membership.region]

    def arabic(text: str, size: float, y: float, bold: bool = False) -> None:
        shape_arabic(pdf)
        pdf.set_font("naskh", "B" if bold else "", size)
        pdf.set_xy(20, y)
        pdf.cell(width - 40, size * 0.5, text, align="C")

    def english(text: str, size: float, y: float, bold: bool = False) -> None:
        pdf.set_text_shaping(False)
        pdf.set_font("sans", "B" if bold else "", size)
        pdf.set_xy(20, y)
        pdf.cell(width - 40, size * 0.45, text, align="C")

    pdf.set_text_color(*GREEN)
    arabic("الاستراتيجية الوطنية للجودة — البرنامج الوطني لسفراء الجودة", 18, 20, bold=True)
    english("National Quality Strategy — National Program for Quality Ambassadors", 14, 32, True)
    pdf.set_text_color(0, 0, 0)
    arabic("شهادة عضوية", 26, 46, bold=True)
    english("Certificate of Membership", 20, 62, bold=True)
    arabic("يشهد المكتب التنفيذي للاستراتيجية الوطنية للجودة بأن", 15, 78)
    arabic(personal.name_ar, 24, 90, bold=True)
    if personal.name_en:
        english(personal.name_en, 18, 104, bold=True)
    arabic(f"عضو في البرنامج بصفة «{track_ar}» — منطقة {region_ar}", 15, 116)
    english(f"is a member of the programme as \u201c{track_en}\u201d — {region_en} region", 12, 128)
    valid_from, expires_on = membership.valid_from.isoformat(), membership.expires_on.isoformat()
    # Dates stay left to right inside the Arabic sentence (isolated, or bidi flips them).
    arabic(f"صالحة من \u200e{valid_from}\u200e حتى \u200e{expires_on}\u200e", 13, 140)
    english(f"Valid from {valid_from} until {expires_on} (issued {today.isoformat()})", 11, 150)

    code = membership.verification_code
    url = verify_base + code
    _qr(pdf, url, x=24, y=pdf.h - 62, size=38)
    pdf.set_text_shaping(False)
    pdf.set_font("sans", "", 9)
    pdf.set_xy(66, pdf.h - 46)
    pdf.cell(150, 5, f"Verification code: {code}")
    pdf.set_xy(66, pdf.h - 40)
    pdf.cell(150, 5, f"Verify: {url}")
    shape_arabic(pdf)
    pdf.set_font("naskh", "", 11)
    pdf.set_xy(66, pdf.h - 33)
    pdf.cell(150, 6, f"رمز التحقق: {code} — امسح الرمز للتحقق من الشهادة")
    return bytes(pdf.output())


def _qr(pdf: FPDF, data: str, x: float, y: float, size: float) -> None:
    qr = segno.make(data, error="m", micro=False)
    matrix = list(qr.matrix_iter(scale=1, border=2))
    cell = size / len(matrix)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    for row, modules in enumerate(matrix):
        for col, dark in enumerate(modules):
            if dark:
                pdf.rect(x + col * cell, y + row * cell, cell, cell, style="F")
