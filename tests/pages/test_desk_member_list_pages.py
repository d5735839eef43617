"""The desk's members list through the HTTP client (JavaScript off): next and previous links
that keep the filters, the enrolment-date filter, and what a damaged link or a bad date
says."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from domain.roles import Role
from registry.clock import ManualClock
from tests.conftest import Api
from tests.pages.support import sign_in
from tests.people import enrolment

EN = {"Accept-Language": "en"}
LINK = re.compile(r'<a href="([^"]+)"(?: rel="(next|prev)")?>([^<]+)</a>')


def enrol_many(api: Api, count: int, first: int = 100, **overrides: object) -> None:
    for seq in range(first, first + count):
        response = api.client.post("/api/v1/ambassadors", json=enrolment(seq, **overrides))
        assert response.status_code == 201, response.text


def links(page: str) -> dict[str, str]:
    """The pager's links by their text."""
    pager = page.split('class="pager"', 1)[1].split("</nav>", 1)[0] if "pager" in page else ""
    return {text: html.unescape(href) for href, _, text in LINK.findall(pager)}


def names_shown(page: str) -> list[str]:
    return re.findall(r'<a id="name-([0-9a-f-]+)"', page)


def test_next_and_previous_links_page_through_the_filter_and_keep_it(api: Api) -> None:
    enrol_many(api, 53, region="tabuk", city="Tabuk")
    enrol_many(api, 3, first=300, region="hail", city="Hail")
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    first = api.client.get("/desk/ambassadors?status=pending&region=tabuk", headers=EN)
    assert first.status_code == 200
    assert "53 members match" in first.text
    assert len(names_shown(first.text)) == 50
    pager = links(first.text)
    assert set(pager) == {"Next page"}
    following = pager["Next page"]
    assert "status=pending" in following and "region=tabuk" in following
    assert "size=50" in following and "cursor=" in following

    second = api.client.get(following, headers=EN)
    assert second.status_code == 200
    assert len(names_shown(second.text)) == 3
    assert not set(names_shown(first.text)) & set(names_shown(second.text))
    # The filters stay chosen in the form, and the way back is there.
    assert re.search(r'<option value="tabuk" selected>', second.text)
    back = links(second.text)
    assert set(back) == {"First page", "Previous page"}
    assert back["First page"] == "/desk/ambassadors?status=pending&region=tabuk&size=50"
    previous = api.client.get(back["Previous page"], headers=EN)
    assert names_shown(previous.text) == names_shown(first.text)
    # A link from before the cursors (?p=2) still opens the second page.
    old = api.client.get("/desk/ambassadors?status=pending&region=tabuk&p=2", headers=EN)
    assert names_shown(old.text) == names_shown(second.text)


def test_a_damaged_page_link_says_so_above_the_first_page(api: Api) -> None:
    enrol_many(api, 2, region="jazan", city="Jazan")
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    response = api.client.get("/desk/ambassadors?region=jazan&cursor=bm90LWEtY3Vyc29y", headers=EN)
    assert response.status_code == 422
    assert "There is a problem" in response.text
    assert "This cursor is not one the list gave out" in response.text
    assert len(names_shown(response.text)) == 2
    arabic = api.client.get(
        "/desk/ambassadors?region=jazan&cursor=x", headers={"Accept-Language": "ar"}
    )
    assert arabic.status_code == 422
    assert "هذا المؤشر ليس مما أعطته القائمة" in arabic.text


def test_enrolment_dates_filter_the_list_and_a_bad_date_is_named_beside_its_field(
    api: Api, clock: ManualClock
) -> None:
    enrol_many(api, 2, region="asir", city="Abha")
    clock.advance(timedelta(days=3))
    enrol_many(api, 1, first=200, region="asir", city="Abha", name_en="Late Comer")
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    since = clock.now().date().isoformat()
    page = api.client.get(f"/desk/ambassadors?region=asir&enrolled_from={since}", headers=EN)
    assert page.status_code == 200
    assert "1 member matches" in page.text
    assert "Late Comer" in page.text
    assert f'name="enrolled_from" type="date" value="{since}"' in page.text
    # The bulk form acts on what the list shows: the dates go with it.
    assert f'<input type="hidden" name="enrolled_from" value="{since}">' in page.text

    bad = api.client.get("/desk/ambassadors?region=asir&enrolled_to=31/01/2026", headers=EN)
    assert bad.status_code == 422
    assert 'id="e-enrolled_to"' in bad.text
    assert 'aria-invalid="true"' in bad.text
    assert "Enter the date as year-month-day" in bad.text
    assert "3 members match" in bad.text  # the rest of the filter still lists

    backwards = api.client.get(
        "/desk/ambassadors?enrolled_from=2026-02-01&enrolled_to=2026-01-01", headers=EN
    )
    assert backwards.status_code == 422
    assert 'id="e-enrolled_to"' in backwards.text
    assert "The last enrolment date is before the first one." in backwards.text
