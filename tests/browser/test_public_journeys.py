"""Journeys of the public: a citizen enrols from a phone, with and without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.browser.conftest import PHONE, Visitor, check_page, in_both_languages
from tests.people import national_id


def _enrol_with_a_mistake_then_fix_it(v: Visitor, seq: int, name: str) -> None:
    page = v.page
    page.goto("/ambassadors/enrol")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # Nothing overflows sideways on a 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_label("سفير الجودة العام").check()
    page.fill("#f-national_id", "1234567890")  # fails the check digit
    page.fill("#f-name_ar", "سارة أحمد")
    page.fill("#f-mobile", "0551234567")
    page.fill("#f-email", f"sara{seq}@example.sa")
    page.select_option("#f-region", "riyadh")
    page.get_by_role("button", name="إرسال طلب التسجيل").click()

    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert "توجد مشكلة" in summary.inner_text()
    # The message is beside the field, in Arabic, and the summary links to it.
    assert page.locator("#e-national_id").is_visible()
    assert page.locator("#e-city").inner_text().endswith("هذا الحقل مطلوب.")
    assert page.locator("#f-national_id").get_attribute("aria-invalid") == "true"
    assert page.locator("#f-name_ar").input_value() == "سارة أحمد"  # nothing typed is lost
    check_page(page, f"{name}-errors", axe=v.javascript)
    page.locator('[data-error-summary] a[href="#f-city"]').click()

    page.fill("#f-national_id", national_id(seq))
    page.fill("#f-city", "الرياض")
    # An impatient double click: the form's key makes it one enrolment, JS or not.
    page.get_by_role("button", name="إرسال طلب التسجيل").dblclick()
    page.wait_for_url(re.compile(r"/ambassadors/enrolled/[0-9a-f-]{36}$"))
    assert page.locator("h1").inner_text() == "تم استلام طلب التسجيل"
    assert "قيد المراجعة" in page.locator("dl").inner_text()
    check_page(page, f"{name}-received", axe=v.javascript)
    page.reload()
    assert page.locator("h1").inner_text() == "تم استلام طلب التسجيل"
    found = v.site.api("POST", "/api/v1/ambassadors/lookup", json={"national_id": national_id(seq)})
    assert found.status_code == 200, found.text
    assert found.json()["status"] == "pending"
    assert found.headers["etag"] == '"1"'  # enrolled once, nothing after


def test_a_citizen_on_a_phone_enrols_in_arabic_after_fixing_her_errors(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="ar", viewport=PHONE)
    _enrol_with_a_mistake_then_fix_it(v, 501, "enrol-phone")


def test_enrolment_works_with_javascript_off(visitor: Callable[..., Visitor]) -> None:
    v = visitor(lang="ar", viewport=PHONE, javascript=False)
    _enrol_with_a_mistake_then_fix_it(v, 502, "enrol-no-js")


def test_public_forms_pass_axe_in_both_languages(visitor: Callable[..., Visitor]) -> None:
    v = visitor()
    in_both_languages(v, "/ambassadors/enrol", "enrol")
    in_both_languages(v, "/licences/apply", "licence-apply")
    in_both_languages(v, "/awards", "awards")
