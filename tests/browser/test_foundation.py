"""The foundation every page stands on, in a real browser: languages, sign-in, errors."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.browser.conftest import PHONE, STAFF_PASSWORD, Visitor, check_page, in_both_languages


def test_home_opens_in_arabic_by_default_and_switches_to_english(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="ar")
    v.page.goto("/")
    assert v.page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    assert v.page.locator("h1").inner_text() == "الاستراتيجية الوطنية للجودة"
    assert v.page.locator("ol.initiatives > li").count() == 9
    # The toggle is labelled in the language it switches to, and the choice is remembered.
    v.page.get_by_role("link", name="English").click()
    v.page.wait_for_url(re.compile(r"/$"))
    assert v.page.evaluate("document.documentElement.lang") == "en"
    assert v.page.locator("h1").inner_text() == "National Quality Strategy"
    v.page.goto("/sign-in")
    assert v.page.evaluate("document.documentElement.dir") == "ltr"


def test_the_browser_language_decides_before_the_visitor_chooses(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="en")  # Accept-Language: en-GB
    v.page.goto("/")
    assert v.page.evaluate("document.documentElement.lang") == "en"


def test_home_sign_in_and_error_pages_pass_axe_in_both_languages(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor()
    in_both_languages(v, "/", "home")
    in_both_languages(v, "/sign-in", "sign-in")
    in_both_languages(v, "/no-such-page", "not-found")
    phone = visitor(viewport=PHONE)
    phone.page.goto("/")
    check_page(phone.page, "home-phone")


def test_staff_sign_in_with_a_wrong_password_then_the_right_one(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="en")
    username = v.site.user("officer")
    v.page.goto("/desk")
    v.page.wait_for_url(re.compile(r"/sign-in\?next=/desk"))
    v.page.fill("#f-username", username)
    v.page.fill("#f-password", "not the password")
    v.page.locator("main form button[type=submit]").click()
    summary = v.page.locator("[data-error-summary]")
    assert "Wrong username or password" in summary.inner_text()
    assert v.page.locator("#f-username").get_attribute("aria-invalid") == "true"
    # The summary takes focus, and its link leads to the field it names.
    assert v.page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    check_page(v.page, "sign-in-error")
    v.page.fill("#f-password", STAFF_PASSWORD)
    v.page.locator("main form button[type=submit]").click()
    v.page.wait_for_url(re.compile(r"/desk$"))
    assert v.page.locator("h1").inner_text() == "Desk"
    check_page(v.page, "desk")
    cookie = next(c for c in v.context.cookies() if c["name"] == "nqs_session")
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    v.page.get_by_role("button", name="Sign out").click()
    v.page.wait_for_url(re.compile(r"/sign-in"))
    v.page.goto("/desk")
    v.page.wait_for_url(re.compile(r"/sign-in"))
