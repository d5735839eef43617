"""The executive dashboard: where the strategy stands, on one page, and its printable report.

Both the page and the progress report PDF come from :func:`registry.executive.dashboard`,
so the printout says exactly what the page says.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Response, get
from litestar.params import FromQuery
from litestar.response import Template

from api.guards import access
from api.http import AnyRequest, registry_of
from api.pages import charts
from api.pages import initiative_forms as labels
from api.pages.dashboard_labels import (
    EDITION_LABELS,
    FUNNEL_LABELS,
    LICENCE_LABELS,
    MEMBER_LABELS,
)
from api.pages.i18n import language_of, translate
from api.pages.progress_pdf import progress_report_pdf
from api.pages.rendering import FormErrors, page
from domain.awards.edition import PHASE_NAMES
from domain.dates import ReportingPeriod
from domain.errors import InvalidInput
from domain.licences.licence import LicenceStatus
from domain.regions import REGION_NAMES
from domain.roles import STAFF, Role
from registry import executive


def _label(table: dict[str, str], key: str, lang: str) -> str:
    return translate(lang, table[key]) if key in table else key


def _period_of(raw: str | None, today_year: int, month: int) -> ReportingPeriod:
    if not raw:
        return ReportingPeriod(f"{today_year}-Q{(month - 1) // 3 + 1}")
    try:
        return ReportingPeriod(raw.strip())
    except InvalidInput as error:
        raise InvalidInput(error.message, field="period") from None


class DashboardPages(Controller):
    path = "/desk/dashboard"
    include_in_schema = False

    @get("/", name="dashboard", **access(STAFF, Role.AUDITOR), sync_to_thread=True)
    def index(self, request: AnyRequest, period: FromQuery[str | None] = None) -> Template:
        """Initiatives, pilots, KPIs, ambassadors, licences and awards as they stand today."""
        registry = registry_of(request)
        board = executive.dashboard(registry)
        lang = language_of(request)
        errors = None
        try:
            chosen = _period_of(period, board.today.year, board.today.month)
        except InvalidInput as error:
            errors = FormErrors.of(error, lang, {"period"})
            chosen = _period_of(None, board.today.year, board.today.month)
        return page(
            request,
            "dashboard/index.html",
            board=board,
            charts=self._charts(board, lang),
            period=period if errors else chosen.value,
            errors=errors,
            **self._labels(),
        )

    @get("/report.pdf", name="dashboard_report", **access(STAFF, Role.AUDITOR), sync_to_thread=True)
    def report(
        self, request: AnyRequest, period: FromQuery[str | None] = None, lang: FromQuery[str] = ""
    ) -> Response[bytes]:
        """The progress report of a reporting period, as a signed, printable PDF."""
        registry = registry_of(request)
        board = executive.dashboard(registry)
        chosen = _period_of(period, board.today.year, board.today.month)
        language = lang if lang in ("ar", "en") else language_of(request)
        content = progress_report_pdf(board, chosen, language)
        filename = f"nqs-progress-{chosen.value}-{language}.pdf"
        return Response(
            content=content,
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="{filename}"'},
        )

    @staticmethod
    def _labels() -> dict[str, Any]:
        return {
            "status_labels": labels.STATUS_LABELS,
            "phase_labels": labels.PHASE_LABELS,
            "evaluation_labels": labels.EVALUATION_LABELS,
            "funnel_labels": FUNNEL_LABELS,
            "edition_labels": EDITION_LABELS,
            "member_labels": MEMBER_LABELS,
            "licence_labels": LICENCE_LABELS,
            "licence_statuses": [str(s) for s in LicenceStatus],
            "region_names": {str(k): v for k, v in REGION_NAMES.items()},
            "award_phase_names": {str(k): v for k, v in PHASE_NAMES.items()},
            "sparkline": charts.sparkline,
        }

    @staticmethod
    def _charts(board: executive.Dashboard, lang: str) -> dict[str, charts.BarChart]:
        rtl = lang == "ar"
        region_rows = []
        targets: list[float | None] = []
        for region in board.membership.regional_progress:
            label = region.name_ar if rtl else region.name_en
            region_rows.append((label, float(region.active), f"{region.active:,}"))
            targets.append(float(region.target) if region.target else None)
        result = {
            "milestones": charts.bar_chart(
                [
                    (
                        p.initiative.code,
                        p.percent_done or 0.0,
                        "—" if p.percent_done is None else f"{p.percent_done}%",
                    )
                    for p in board.initiatives
                ],
                rtl,
                scale_max=100,
            ),
            "regions": charts.bar_chart(region_rows, rtl, targets=targets),
            "licences": charts.bar_chart(
                [
                    (_label(LICENCE_LABELS, s, lang), float(n), f"{n:,}")
                    for s, n in sorted(board.licences.by_status.items())
                ],
                rtl,
            ),
        }
        for line in board.editions:
            result[f"funnel-{line.id}"] = charts.bar_chart(
                [
                    (_label(FUNNEL_LABELS, k, lang), float(v), f"{v:,}")
                    for k, v in line.funnel.items()
                ],
                rtl,
            )
        return result
