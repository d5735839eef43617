"""The executive dashboard over HTTP, and its progress report PDF: the same facts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from domain.dates import ReportingPeriod
from domain.initiatives.values import KpiDirection
from domain.roles import Role
from domain.text import Text
from registry.catalogue.loader import load_catalogue
from registry.context import RequestContext
from tests.conftest import Api
from tests.pages.support import sign_in


def test_the_dashboard_shows_the_strategy_from_the_catalogue(api: Api) -> None:
    load_catalogue(api.registry, RequestContext.system())
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    api.client.cookies.set("nqs_lang", "en")
    page = api.client.get("/desk/dashboard")
    assert page.status_code == 200
    html = page.text
    assert html.count('<tr data-code="') == 9
    # Obeikan: internal evaluation done, external planned for March 2021.
    obeikan = re.search(
        r'<tr data-testid="pilot">\s*<th scope="row">Obeikan Industrial Group</th>(.*?)</tr>',
        html,
        re.S,
    )
    assert obeikan, "the Obeikan pilot is on the dashboard"
    assert "External evaluation" in obeikan.group(1)
    assert "2021-03" in obeikan.group(1)
    assert "4,200,000" in html  # a quality ambassador in every home
    assert html.count('role="img"') >= 4  # charts, each with its table
    api.client.cookies.set("nqs_lang", "ar")
    arabic = api.client.get("/desk/dashboard")
    assert "مجموعة العبيكان الصناعية" in arabic.text


def test_a_kpi_value_recorded_after_a_visit_shows_on_the_next_one(api: Api) -> None:
    """The page keeps each initiative as it last read it while the read model shows no newer
    change; a new measurement moves the read model, so the next visit shows it."""
    ctx = RequestContext.system()
    initiative = api.registry.initiatives.register(
        ctx, code="KPI-TRIAL", title=Text("تجربة", "KPI trial"), aim=Text("هدف", "Aim"),
        owner="NQS Executive Office",
    )  # fmt: skip
    initiative, kpi = api.registry.initiatives.define_kpi(
        ctx, initiative.id, initiative.version, name=Text("مؤشر", "Trial KPI"), unit="%",
        target=Decimal("80"), direction=KpiDirection.HIGHER_IS_BETTER,
    )  # fmt: skip
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    api.client.cookies.set("nqs_lang", "en")

    def trial_kpi() -> str:
        page = api.client.get("/desk/dashboard")
        row = re.search(r'<tr data-testid="kpi">\s*<th scope="row">Trial KPI</th>(.*?)</tr>',
                        page.text, re.S)  # fmt: skip
        assert row, "the KPI is on the dashboard"
        return row.group(1)

    assert "2026-Q1" not in trial_kpi()
    api.registry.initiatives.record_kpi_value(
        ctx, initiative.id, initiative.version, kpi, ReportingPeriod("2026-Q1"), Decimal("64"), None
    )
    api.catch_up()
    assert "64 (2026-Q1)" in trial_kpi() and "80%" in trial_kpi()


def test_a_bad_period_is_named_and_the_judge_may_not_open_the_dashboard(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    bad = api.client.get("/desk/dashboard", params={"period": "spring"})
    assert bad.status_code == 200
    assert 'href="#f-period"' in bad.text
    api.client.cookies.clear()
    sign_in(api.client, api.registry, Role.JUDGE)
    assert api.client.get("/desk/dashboard").status_code == 403


@pytest.mark.skipif(
    shutil.which("pdftotext") is None and not os.environ.get("NQS_REQUIRE_BROWSER"),
    reason="poppler-utils not installed (CI installs it and runs this)",
)
def test_the_progress_report_pdf_carries_shaped_arabic_and_the_period(
    api: Api, tmp_path: Path
) -> None:
    load_catalogue(api.registry, RequestContext.system())
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    for lang, words, signature in (
        ("ar", ["الاستراتيجية الوطنية للجودة", "مجموعة العبيكان الصناعية", "2026-Q1"], "سجل"),
        (
            "en",
            ["National Quality Strategy", "Obeikan Industrial Group", "2026-Q1"],
            "NQS Registry",
        ),
    ):
        response = api.client.get(
            "/desk/dashboard/report.pdf", params={"period": "2026-Q1", "lang": lang}
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        pdf = tmp_path / f"report-{lang}.pdf"
        pdf.write_bytes(response.content)
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for word in words:
            assert word in text, (lang, word)
        pages = [p for p in text.split("\f") if p.strip()]
        assert all(signature in p for p in pages)  # every page's footer names the registry
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / lang)],
            check=True,
        )
        assert list(tmp_path.glob(f"{lang}*.png"))
