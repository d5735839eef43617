"""The desk's reports: chart and table, CSV and XLSX downloads, and who may read them."""

from __future__ import annotations

from domain.roles import Role
from tests.conftest import Api
from tests.pages.support import sign_in
from tests.people import enrolment

EN = {"Accept-Language": "en"}


def test_the_membership_report_draws_a_chart_beside_its_table_and_downloads(api: Api) -> None:
    for seq in range(3):
        assert api.client.post("/api/v1/ambassadors", json=enrolment(900 + seq)).status_code == 201
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get("/desk/reports/membership", headers=EN)
    assert page.status_code == 200
    assert page.text.count('<svg class="chart"') == 3
    assert "3 members in all" in page.text
    assert "<td>Riyadh</td>" in page.text
    csv = api.client.get("/desk/reports/membership/export?format=csv&table=counts")
    assert csv.status_code == 200
    assert csv.content.startswith(b"\xef\xbb\xbf")  # BOM, so spreadsheets read Arabic
    assert b"riyadh" in csv.content
    xlsx = api.client.get("/desk/reports/membership/export?format=xlsx")
    assert xlsx.content[:2] == b"PK"
    arabic = api.client.get("/desk/reports/membership")
    assert "تقرير العضويات" in arabic.text


def test_the_licences_report_opens_for_an_auditor_and_not_for_an_applicant(api: Api) -> None:
    sign_in(api.client, api.registry, Role.AUDITOR)
    assert api.client.get("/desk/reports/licences", headers=EN).status_code == 200
    other = api.client.__class__(app=api.client.app)
    with other:
        sign_in(other, api.registry, Role.APPLICANT)
        refused = other.get("/desk/reports/licences", headers=EN)
        assert refused.status_code == 403
