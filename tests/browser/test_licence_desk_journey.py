"""The licences desk in a real browser, on the session's shared server: an officer finds a
pending application, assesses it, issues the licence, tries to renew it, suspends and
reinstates it; every new page passes axe in Arabic and English."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.api.test_licences_api import TECHNICAL, application
from tests.browser.conftest import PHONE, Visitor, check_page, in_both_languages, wait_listed

NAME = "Faisal Alotaibi"


def _decide(v: Visitor, action: str, reason: str, button: str) -> None:
    v.page.fill(f"#f-reason-{action}", reason)
    v.page.get_by_role("button", name=button, exact=True).click()
    v.page.wait_for_url(re.compile(rf"done={action}"))


def test_an_officer_assesses_issues_renews_suspends_and_reinstates_a_licence(
    visitor: Callable[..., Visitor],
) -> None:
    officer = visitor(lang="en")
    site = officer.site
    applied = site.api("POST", "/api/v1/licences/applications", json=application(701, name_en=NAME))
    assert applied.status_code == 201, applied.text
    licence = applied.json()["id"]
    officer.sign_in("officer")

    # The desk says what waits and leads to the queue.
    officer.set_language("en")
    officer.page.goto("/desk")
    officer.page.get_by_role("link", name=re.compile("licence applications to assess")).click()
    officer.page.wait_for_url(re.compile(r"/desk/licences\?status=applied"))
    wait_listed(officer, f"/desk/licences?status=applied&type_code={TECHNICAL}", NAME)
    in_both_languages(
        officer, f"/desk/licences?status=applied&type_code={TECHNICAL}", "desk-licences"
    )
    officer.set_language("en")
    officer.page.goto(f"/desk/licences?status=applied&type_code={TECHNICAL}")
    officer.page.get_by_role("link", name=NAME).click()
    officer.page.wait_for_url(re.compile(licence))
    in_both_languages(officer, f"/desk/licences/{licence}", "desk-licence-applied")

    # Assessment: a missing result is named beside it, then the pass is recorded.
    officer.set_language("en")
    officer.page.goto(f"/desk/licences/{licence}")
    officer.page.fill("#f-reason-assess", "Written exam and interview")
    officer.page.get_by_role("button", name="Record the assessment", exact=True).click()
    assert (
        "Say whether the applicant passed" in officer.page.locator("#e-passed-assess").inner_text()
    )
    check_page(officer.page, "desk-licence-refused")
    officer.page.get_by_label("Passed", exact=True).check()
    officer.page.fill("#f-score-assess", "88")
    _decide(officer, "assess", "Written exam and interview", "Record the assessment")
    assert officer.page.get_by_test_id("licence-status").inner_text() == "Passed"

    _decide(officer, "issue", "Licensing committee, 1 December", "Issue the licence")
    assert officer.page.get_by_test_id("licence-status").inner_text() == "Issued"
    number = officer.page.get_by_test_id("licence-number").inner_text()
    assert re.fullmatch(r"T-\d{4}-[0-9A-Z]{8}", number)

    # Renewal with CPD hours: the domain only renews within 90 days of expiry, and this
    # server's clock is today's, so the page shows that refusal and records nothing.
    officer.page.fill("#f-cpd_hours-renew", "35")
    officer.page.get_by_role("button", name="Renew", exact=True).click()
    summary = officer.page.locator("[data-error-summary]")
    assert "is renewed within 90 days of its expiry" in summary.inner_text()
    check_page(officer.page, "desk-licence-renewal-refused")
    assert officer.page.get_by_test_id("licence-status").inner_text() == "Issued"

    _decide(officer, "suspend", "Complaint under review", "Suspend")
    assert officer.page.get_by_test_id("licence-status").inner_text() == "Suspended"
    _decide(officer, "reinstate", "Complaint dismissed", "Reinstate")
    assert officer.page.get_by_test_id("licence-status").inner_text() == "Issued"
    history = officer.page.locator("#history ~ ol").inner_text()
    for reason in ("Written exam and interview", "Complaint under review", "Complaint dismissed"):
        assert reason in history
    in_both_languages(officer, f"/desk/licences/{licence}", "desk-licence-issued")
    in_both_languages(officer, "/desk/licences/types", "desk-licence-types")
    in_both_languages(officer, f"/desk/licences/types/{TECHNICAL}", "desk-licence-type")

    # The public check agrees; and the licence page reads well on a phone, in Arabic.
    stranger = visitor(lang="en")
    wait_listed(stranger, f"/verify/licences/{number}", NAME)
    phone = visitor(lang="ar", viewport=PHONE)
    phone.sign_in("officer")
    phone.page.goto(f"/desk/licences/{licence}")
    check_page(phone.page, "desk-licence-phone")
