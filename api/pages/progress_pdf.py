"""The progress report of a reporting period as a printable PDF, in Arabic or English.

It is drawn from the same :class:`registry.executive.Dashboard` as the dashboard page, and its
words come from the pages' catalogues (``translate``), so the page and the printout say the
same things in the same words. Arabic is shaped by HarfBuzz through fpdf2 (joined letters,
right to left), as in the membership certificate; tables run right to left in Arabic. Every
page's footer names the registry and the period it reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from fpdf import FPDF

from api.pages.dashboard_labels import (
    EDITION_LABELS,
    FUNNEL_LABELS,
    LICENCE_LABELS,
    MEMBER_LABELS,
)
from api.pages.i18n import translate
from api.pages.initiative_forms import PHASE_LABELS, STATUS_LABELS
from domain.dates import ReportingPeriod
from domain.text import Text
from registry.certificates import FONTS, shape_arabic
from registry.executive import Dashboard

GREEN = (0, 108, 53)
_ARABIC = re.compile("[\u0600-\u06ff]")
MARGIN = 14


class _Report(FPDF):
    def __init__(self, lang: str, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.lang = lang
        self.footer_text = footer_text
        self.add_font("naskh", "", str(FONTS / "NotoNaskhArabic-Regular.ttf"))
        self.add_font("naskh", "B", str(FONTS / "NotoNaskhArabic-Bold.ttf"))
        self.add_font("sans", "", str(FONTS / "NotoSans-Regular.ttf"))
        self.add_font("sans", "B", str(FONTS / "NotoSans-Bold.ttf"))
        self.set_fallback_fonts(["sans"])
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=18)

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"

    def use(self, size: float, bold: bool = False, text: str | None = None) -> None:
        """The font for ``text``: shaped Naskh for Arabic, plain Noto Sans for anything else.
        (A cell without Arabic letters in the shaped font came out as wrong glyphs through the
        fallback font, so each cell picks its own.) A fallback glyph (a digit, a bracket) leaves
        fpdf2's current font on the fallback while it still names the first one, so the font is
        always set afresh."""
        self.font_family = ""
        if self.rtl and (text is None or _ARABIC.search(text)):
            shape_arabic(self)
            self.set_font("naskh", "B" if bold else "", size)
        else:
            self.set_text_shaping(False)
            self.set_font("sans", "B" if bold else "", size)

    def line_of(self, text: str, size: float = 10, bold: bool = False, height: float = 6) -> None:
        self.use(size, bold)
        self.set_x(MARGIN)
        self.multi_cell(
            self.w - 2 * MARGIN, height, text, align="R" if self.rtl else "L", new_x="LMARGIN"
        )

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_text_color(*GREEN)
        self.line_of(text, 13, bold=True, height=8)
        self.set_text_color(0, 0, 0)

    def grid(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> None:
        """A simple table; columns run right to left in Arabic."""
        total = self.w - 2 * MARGIN
        scale = total / sum(widths)
        cols = [w * scale for w in widths]

        def draw(cells: Sequence[str], bold: bool) -> None:
            self.use(9, bold)
            if self.will_page_break(7):
                self.add_page()
            order = list(zip(cells, cols, strict=True))
            if self.rtl:
                order.reverse()
            x: float = MARGIN
            y = self.get_y()
            for text, width in order:
                self.use(9, bold, text)
                self.set_xy(x, y)
                self.cell(width, 7, text[:90], border=1, align="R" if self.rtl else "L")
                x += width
            self.set_xy(MARGIN, y + 7)

        self.set_fill_color(235, 242, 238)
        draw(header, True)
        for row in rows:
            draw(row, False)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_text_color(80, 80, 80)
        self.use(8)
        self.cell(0, 5, f"{self.footer_text} — {self.page_no()}", align="C")
        self.set_text_color(0, 0, 0)


def progress_report_pdf(board: Dashboard, period: ReportingPeriod, lang: str) -> bytes:
    """The period's progress report: initiatives, membership, licences, awards."""

    def _(message: str, **values: object) -> str:
        return translate(lang, message, **values)

    rtl = lang == "ar"
    # Latin codes and numbers inside Arabic lines stay left to right (isolated marks).
    iso = (lambda s: f"\u2066{s}\u2069") if rtl else (lambda s: s)
    registry_name = _("NQS Registry — NQS Executive Office, SASO")
    footer = _(
        "%(registry)s · progress report for %(period)s",
        registry=registry_name,
        period=iso(period.value),
    )
    pdf = _Report(lang, footer)
    pdf.set_title(f"NQS progress report {period.value}")
    pdf.set_author("NQS Registry")
    pdf.set_subject(f"Progress report for {period.value}")
    pdf.set_creator("NQS Registry")
    pdf.set_creation_date(datetime.combine(board.today, datetime.min.time()))
    pdf.add_page()

    pdf.set_text_color(*GREEN)
    pdf.line_of(_("National Quality Strategy"), 18, bold=True, height=10)
    pdf.set_text_color(0, 0, 0)
    pdf.line_of(
        _("Progress report for %(period)s", period=iso(period.value)), 15, bold=True, height=9
    )
    pdf.line_of(
        _(
            "As of %(day)s. Issued by the %(registry)s.",
            day=iso(board.today.isoformat()),
            registry=registry_name,
        )
    )

    pdf.heading(_("Initiatives"))
    pdf.line_of(
        _(
            "%(done)s of %(total)s milestones done",
            done=iso(str(board.totals["milestones_done"])),
            total=iso(str(board.totals["milestones"])),
        )
        + " · "
        + _("Overdue milestones:")
        + " "
        + iso(str(board.totals["overdue_milestones"]))
    )
    rows = []
    for p in board.initiatives:
        report = next((r for r in _reports(board, p.initiative.code) if r[0] == period.value), None)
        rows.append(
            [
                p.initiative.code,
                _(STATUS_LABELS.get(p.initiative.status, p.initiative.status)),
                "—" if p.percent_done is None else f"{p.percent_done}%",
                str(len(p.overdue)),
                ", ".join(f"{_(PHASE_LABELS[k])}: {n}" for k, n in p.pilots_by_phase.items() if n)
                or "—",
                "—" if report is None or report[1] is None else f"{report[1]}%",
            ]
        )
    pdf.grid(
        [
            _("Initiative"),
            _("Status"),
            _("Milestones done"),
            _("Overdue milestones"),
            _("Pilots by phase"),
            _("Percent complete"),
        ],
        rows,
        [34, 20, 18, 18, 46, 18],
    )
    for p in board.initiatives:
        for period_value, _percent, summary in _reports(board, p.initiative.code):
            if period_value == period.value:
                pdf.line_of(f"{p.initiative.code}: {summary.ar if rtl else summary.en}", 9)

    pdf.heading(_("Pilots and their evaluations"))
    pdf.grid(
        [_("Organisation"), _("Initiative"), _("Phase")],
        [
            [
                line.pilot.organisation.ar if rtl else line.pilot.organisation.en,
                line.initiative_code,
                _(PHASE_LABELS[line.pilot.phase]),
            ]
            for line in board.pilots
        ],
        [60, 40, 40],
    )

    pdf.heading(_("Quality ambassadors"))
    pdf.line_of(
        _(
            "A quality ambassador in every home: %(active)s active ambassadors for about %(households)s households (%(percent)s%%).",  # noqa: E501 - one msgid
            active=iso(f"{board.active_ambassadors:,}"),
            households=iso(f"{board.households:,}"),
            percent=iso(str(board.membership.national_progress.percent)),
        )
    )
    region_rows = []
    for region in board.membership.regional_progress:
        region_rows.append(
            [
                region.name_ar if rtl else region.name_en,
                f"{region.active:,}",
                f"{region.target:,}" if region.target else "—",
                f"{region.percent}%" if region.percent is not None else "—",
            ]
        )
    pdf.grid([_("Region"), _("Active"), _("Target"), _("Of target")], region_rows, [50, 30, 30, 30])
    pdf.grid(
        [_("Status"), _("Members")],
        [[_(MEMBER_LABELS.get(s, s)), f"{n:,}"] for s, n in board.membership.by_status.items()],
        [70, 70],
    )

    pdf.heading(_("Licences by stage and status"))
    pdf.grid(
        [_("Stage"), _("Status"), _("Licences")],
        [
            [_(LICENCE_LABELS.get(stage, stage)), _(LICENCE_LABELS.get(status, status)), f"{n:,}"]
            for stage, counts in sorted(board.licences.by_stage.items())
            for status, n in sorted(counts.items())
        ],
        [50, 50, 40],
    )

    pdf.heading(_("Award editions"))
    for e in board.editions:
        pdf.line_of(
            f"{e.title.ar if rtl else e.title.en} ({iso(f'{e.programme_code} {e.year}')}) — "
            f"{_(EDITION_LABELS.get(e.status, e.status))}",
            10,
            bold=True,
        )
        pdf.grid(
            [_(FUNNEL_LABELS[k]) for k in e.funnel],
            [[f"{v:,}" for v in e.funnel.values()]],
            [1] * len(e.funnel),
        )

    pdf.ln(6)
    pdf.line_of(
        _(
            "Signed: %(registry)s, for the reporting period %(period)s.",
            registry=registry_name,
            period=iso(period.value),
        ),
        10,
        bold=True,
    )
    return bytes(pdf.output())


def _reports(board: Dashboard, code: str) -> list[tuple[str, int | None, Text]]:
    """(period, percent, summary) of one initiative's progress reports (from the dashboard)."""
    return board.progress_reports.get(code, [])
