"""The executive office in a real browser: the initiatives workspace and the dashboard."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

from tests.browser.conftest import Visitor, check_page, in_both_languages

RIYADH = timezone(timedelta(hours=3))
CODE = "BROWSER-TRIAL"


def percent_on_dashboard(v: Visitor, expected: str) -> str:
    """The initiative's % on the dashboard, waiting out the read model's moment of lag."""
    cell = v.page.locator(f'tr[data-code="{CODE}"] [data-testid="percent-done"] bdi >> nth=0')
    deadline = time.monotonic() + 10
    while True:
        v.page.goto("/desk/dashboard")
        text = cell.inner_text()
        if text == expected or time.monotonic() > deadline:
            return text
        time.sleep(0.3)


def test_an_officer_plans_and_completes_a_milestone_and_the_dashboard_moves(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="en")
    v.sign_in("officer")
    v.page.goto("/desk/initiatives")
    v.page.get_by_role("link", name="New initiative").click()
    v.page.fill("#f-code", CODE)
    v.page.fill("#f-title_ar", "مبادرة تجربة المتصفح")
    v.page.fill("#f-title_en", "Browser trial initiative")
    v.page.fill("#f-aim_ar", "هدف التجربة")
    v.page.fill("#f-aim_en", "The trial's aim")
    v.page.fill("#f-owner", "NQS Executive Office")
    check_page(v.page, "initiative-new")
    v.page.get_by_role("button", name="Save").click()
    v.page.wait_for_url(re.compile(r"/desk/initiatives/[0-9a-f-]{36}\?done=create"))
    initiative = v.page.url.split("?")[0]
    assert percent_on_dashboard(v, "—") == "—"

    v.page.goto(initiative)
    before_milestone = datetime.now(UTC)
    time.sleep(1.1)  # the control's precision is a second
    v.page.get_by_role("link", name="Plan a milestone").click()
    v.page.fill("#f-title_ar", "إطلاق التجربة")
    v.page.fill("#f-title_en", "Trial launched")
    v.page.fill("#f-planned_on", "2020-01")  # long past: overdue until done
    v.page.get_by_role("button", name="Save").click()
    v.page.wait_for_url(re.compile(r"done=milestone-add"))
    assert "Overdue" in v.page.locator('[data-testid="milestone"]').inner_text()
    assert percent_on_dashboard(v, "0.0%") == "0.0%"

    v.page.goto(initiative)
    v.page.get_by_role("link", name="Complete").click()
    check_page(v.page, "initiative-action")
    v.page.get_by_role("button", name="Save").click()
    v.page.wait_for_url(re.compile(r"done=milestone-complete"))
    assert (
        "1 of 1 milestones done" in v.page.locator('[data-testid="milestones-done"]').inner_text()
    )
    assert percent_on_dashboard(v, "100.0%") == "100.0%"
    check_page(v.page, "dashboard")

    # As it stood on: before the milestone was planned, there was none.
    v.page.goto(initiative)
    v.page.fill("#f-as_of", before_milestone.astimezone(RIYADH).strftime("%Y-%m-%dT%H:%M:%S"))
    v.page.get_by_role("button", name="Show", exact=True).click()
    v.page.wait_for_url(re.compile(r"as_of="))
    assert v.page.locator('[data-testid="as-of-notice"]').is_visible()
    assert v.page.locator('[data-testid="milestone"]').count() == 0
    assert "0 of 0" in v.page.locator('[data-testid="milestones-done"]').inner_text()
    check_page(v.page, "initiative-as-of")
    v.page.goto(f"{initiative}/history")
    entries = v.page.locator('[data-testid="history-entry"]')
    assert entries.count() == 3  # registered, milestone planned, milestone completed
    assert "MilestoneCompleted" in entries.first.inner_text()


def test_the_executive_pages_pass_axe_in_both_languages(visitor: Callable[..., Visitor]) -> None:
    v = visitor()
    v.sign_in("officer")
    in_both_languages(v, "/desk/dashboard", "dashboard-all")
    in_both_languages(v, "/desk/initiatives", "initiatives")
    v.page.goto("/desk/initiatives")
    first = v.page.locator("main table tbody a").first.get_attribute("href")
    assert first
    in_both_languages(v, first, "initiative")
    in_both_languages(v, f"{first}/history", "initiative-history")
    in_both_languages(v, f"{first}/act/milestone-add", "initiative-milestone-form")
    in_both_languages(v, f"{first}/act/report", "initiative-report-form")
    # A refused form, its messages beside the fields, in Arabic.
    v.set_language("ar")
    v.page.goto(f"{first}/act/milestone-add")
    v.page.locator("main form button[type=submit]").click()
    assert v.page.locator("[data-error-summary]").is_visible()
    check_page(v.page, "initiative-form-errors")
    auditor = visitor()
    auditor.sign_in("auditor")
    in_both_languages(auditor, "/desk/dashboard", "dashboard-auditor")
