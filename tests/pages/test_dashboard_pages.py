"""The executive dashboard over HTTP, and its progress report PDF: the same facts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from domain.roles import Role
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
