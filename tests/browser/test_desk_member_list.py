"""The desk's members list in a real browser: next and previous links with JavaScript off,
the filters kept, and axe on a page reached by a cursor, in both languages."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.browser.conftest import Visitor, check_page, in_both_languages
from tests.people import national_id


def test_an_officer_pages_the_filtered_list_with_javascript_off(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="en", javascript=False)
    rows = "".join(
        f"{national_id(30_000 + i)},عضو,,0551234567,b{i}@example.sa,al_bahah,Baha,general,,\n"
        for i in range(60)
    )
    header = "national_id,name_ar,name_en,mobile,email,region,city,track,sector,employer\n"
    imported = v.site.api(
        "POST",
        "/api/v1/ambassadors/import",
        content=(header + rows).encode(),
        headers={"Content-Type": "text/csv"},
    )
    assert imported.status_code == 200, imported.text
    v.sign_in("officer")
    url = "/desk/ambassadors?status=pending&region=al_bahah"
    for _ in range(50):
        v.page.goto(url)
        if "60 members match" in v.page.locator("main").inner_text():
            break
        v.page.wait_for_timeout(200)
    shown = "els => els.map(e => e.id)"
    first = v.page.locator("tbody a").evaluate_all(shown)
    assert len(first) == 50
    v.page.get_by_role("link", name="Next page").click()
    v.page.wait_for_url(re.compile(r"cursor="))
    assert "region=al_bahah" in v.page.url and "status=pending" in v.page.url
    assert len(v.page.locator("tbody a").evaluate_all(shown)) == 10
    assert v.page.locator("#f-region").input_value() == "al_bahah"
    assert v.page.get_by_role("link", name="Next page").count() == 0
    check_page(v.page, "desk-ambassadors-page-2", axe=False)
    second = v.page.url
    v.page.get_by_role("link", name="Previous page").click()
    v.page.wait_for_url(re.compile(r"cursor="))
    assert v.page.locator("tbody a").evaluate_all(shown) == first

    # The same page reached by its cursor, with scripts on: axe in Arabic and in English.
    seeing = visitor(lang="en")
    seeing.sign_in("officer")
    in_both_languages(seeing, second.removeprefix(v.site.base), "desk-ambassadors-page-2")
