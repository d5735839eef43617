"""Journeys at the staff desk, in a real browser against the real server."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.browser.conftest import Site, Visitor, check_page, in_both_languages, wait_listed
from tests.people import enrolment, national_id


def _enrol(site: Site, seq: int, **overrides: object) -> str:
    response = site.api("POST", "/api/v1/ambassadors", json=enrolment(seq, **overrides))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_an_officer_signs_in_finds_a_member_approves_and_a_stranger_verifies_the_qr_link(
    visitor: Callable[..., Visitor], tmp_path: Path
) -> None:
    officer = visitor(lang="en")
    site = officer.site
    member = _enrol(site, 601, name_en="Huda Alqahtani", region="tabuk")
    officer.sign_in("officer")
    in_both_languages(officer, "/desk", "desk-landing")
    in_both_languages(officer, "/desk/reports/membership", "desk-report-membership")
    in_both_languages(officer, "/desk/reports/licences", "desk-report-licences")
    officer.set_language("en")
    wait_listed(officer, "/desk/ambassadors?status=pending&region=tabuk", "Huda Alqahtani")
    in_both_languages(officer, "/desk/ambassadors?status=pending&region=tabuk", "desk-ambassadors")
    officer.set_language("en")
    officer.page.goto("/desk/ambassadors?status=pending&region=tabuk")
    officer.page.get_by_role("link", name="Huda Alqahtani").click()
    officer.page.wait_for_url(re.compile(member))
    in_both_languages(officer, f"/desk/ambassadors/{member}", "desk-member")
    officer.set_language("en")
    officer.page.goto(f"/desk/ambassadors/{member}")
    officer.page.fill("#f-reason-approve", "Identity and region checked")
    officer.page.get_by_role("button", name="Approve", exact=True).click()
    officer.page.wait_for_url(re.compile(r"done=approve"))
    assert officer.page.get_by_test_id("member-status").inner_text() == "Active"
    assert "Identity and region checked" in officer.page.locator("#history ~ ol").inner_text()

    # The certificate downloads from the member's page; its QR link is the public page.
    with officer.page.expect_download() as download:
        officer.page.get_by_role("link", name="Download the certificate (PDF)").click()
    pdf = tmp_path / "certificate.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    link = re.search(r"(http://127\.0\.0\.1:\d+/verify/certificates/[0-9A-Z]+)", text.stdout)
    assert link, text.stdout
    stranger = visitor(lang="ar")
    stranger.page.goto(link.group(1))
    assert stranger.page.locator("h1").inner_text() == "هذه الشهادة سارية"
    assert "Huda Alqahtani" in stranger.page.locator("main").inner_text()
    check_page(stranger.page, "certificate-check")
    in_both_languages(stranger, "/verify", "verify")


def test_verification_works_with_javascript_off(visitor: Callable[..., Visitor]) -> None:
    v = visitor(lang="en", javascript=False)
    v.page.goto("/verify")
    v.page.fill("#f-code", "NOSUCHCODE")
    v.page.get_by_role("button", name="Check the certificate").click()
    v.page.wait_for_url(re.compile(r"/verify/certificates/NOSUCHCODE$"))
    assert "No certificate has this verification code." in v.page.locator("main").inner_text()
    check_page(v.page, "verify-not-found", axe=False)


def test_two_officers_on_the_same_member_the_second_is_told_and_nothing_is_lost(
    visitor: Callable[..., Visitor],
) -> None:
    first, second = visitor(lang="en"), visitor(lang="en")
    member = _enrol(first.site, 602)
    first.sign_in("officer")
    second.sign_in("admin")
    for v in (first, second):
        v.page.goto(f"/desk/ambassadors/{member}")
    first.page.fill("#f-reason-reject", "Incomplete file")
    first.page.get_by_role("button", name="Reject", exact=True).click()
    first.page.wait_for_url(re.compile(r"done=reject"))
    second.page.fill("#f-reason-approve", "All good")
    second.page.get_by_role("button", name="Approve", exact=True).click()
    summary = second.page.locator("[data-error-summary]")
    assert "Someone else changed this member" in summary.inner_text()
    assert second.page.get_by_test_id("member-status").inner_text() == "Rejected"
    check_page(second.page, "desk-member-conflict")
    state = first.site.api("GET", f"/api/v1/ambassadors/{member}").json()
    assert state["status"] == "rejected"


def test_an_officer_bulk_approves_500_with_one_reason_and_watches_the_progress(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="ar")
    site = v.site
    rows = "".join(
        f"{national_id(10_000 + i)},عضو,,0551234567,m{i}@example.sa,jazan,Jazan,general,,\n"
        for i in range(500)
    )
    header = "national_id,name_ar,name_en,mobile,email,region,city,track,sector,employer\n"
    imported = site.api(
        "POST",
        "/api/v1/ambassadors/import",
        content=(header + rows).encode(),
        headers={"Content-Type": "text/csv"},
    )
    assert imported.status_code == 200, imported.text
    v.sign_in("officer")
    url = "/desk/ambassadors?status=pending&region=jazan&size=500"
    for _ in range(50):
        v.page.goto(url)
        if v.page.locator('input[name="ids"]').count() == 500:
            break
        v.page.wait_for_timeout(200)
    v.page.locator("[data-tick-all]").check()
    v.page.select_option("#f-action", "approve")
    v.page.fill("#f-reason", "دفعة جازان المعتمدة")
    seen: list[float] = []

    def progress(value: float) -> None:  # Playwright wants a Python function, not a builtin
        seen.append(value)

    v.page.expose_function("nqsProgress", progress)
    v.page.evaluate(
        "() => new MutationObserver("
        "() => window.nqsProgress(document.querySelector('progress').value))"
        ".observe(document.querySelector('[data-bulk-status]'),"
        " {childList: true, characterData: true, subtree: true})"
    )
    v.page.get_by_role("button", name="طبّق القرار").click()
    v.page.wait_for_function(
        "document.querySelectorAll('[data-bulk-rows] tr').length === 500", timeout=60_000
    )
    assert v.page.locator('[data-bulk-rows] tr[data-ok="yes"]').count() == 500
    assert sorted(set(seen)) == [0, 20, 40, 60, 80, 100]  # the bar moved in five steps
    # (axe ran on this page with few rows above; on 1,000 rows it would take most of a minute)
    check_page(v.page, "desk-bulk-done", axe=False, full_page=False)
    for _ in range(50):
        report = site.api("GET", "/api/v1/ambassadors?status=pending&region=jazan&limit=1").json()
        if report["total"] == 0:
            break
        v.page.wait_for_timeout(200)
    assert report["total"] == 0
