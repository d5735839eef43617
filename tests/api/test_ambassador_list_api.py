"""The members list through HTTP, on SQLite and PostgreSQL: paging by cursor (next and
previous), the old offset beside it, the enrolment-date filter and its count."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import pytest

from domain.roles import Role
from registry.clock import ManualClock
from tests.conftest import Api
from tests.people import enrolment, national_id

BASE = "/api/v1/ambassadors"


def enrol_on_days(
    api: Api, clock: ManualClock, days: list[int], region: str, first: int = 500
) -> list[str]:
    """Enrols people ``first``, ``first + 1``, … each ``days[i]`` days after the clock's
    start."""
    start = clock.now()
    ids = []
    for seq, day in enumerate(days, start=first):
        clock.set(start + timedelta(days=day))
        response = api.client.post(BASE, json=enrolment(seq, region=region))
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    clock.set(start)
    api.catch_up()
    return ids


def listed(api: Api, query: str) -> dict[str, Any]:
    response = api.client.get(f"{BASE}?{query}", headers=api.as_(Role.AUDITOR))
    assert response.status_code == 200, response.text
    return response.json()


def test_an_officer_pages_by_cursor_to_the_end_and_back(api: Api, clock: ManualClock) -> None:
    enrol_on_days(api, clock, [2, 0, 1, 0, 2, 1, 0], "tabuk")
    enrol_on_days(api, clock, [0, 1], "hail", first=600)
    everyone = [m["id"] for m in listed(api, "region=tabuk&limit=200")["items"]]
    assert len(everyone) == 7

    pages = [listed(api, "region=tabuk&limit=3")]
    while pages[-1]["next_cursor"]:
        pages.append(listed(api, f"region=tabuk&limit=3&cursor={pages[-1]['next_cursor']}"))
    assert [len(p["items"]) for p in pages] == [3, 3, 1]
    # The same members in the same order as the offset gives them, none twice.
    assert [m["id"] for p in pages for m in p["items"]] == everyone
    assert all((p["total"], p["total_exact"]) == (7, True) for p in pages)
    assert pages[0]["previous_cursor"] is None
    # Back from the last page: the page before, then the first (with no page before it).
    back = listed(api, f"region=tabuk&limit=3&cursor={pages[2]['previous_cursor']}")
    assert back["items"] == pages[1]["items"]
    first = listed(api, f"region=tabuk&limit=3&cursor={back['previous_cursor']}")
    assert first["items"] == pages[0]["items"]
    assert first["previous_cursor"] is None
    assert first["next_cursor"]
    # The offset still pages as before.
    assert listed(api, "region=tabuk&limit=3&offset=3")["items"] == pages[1]["items"]


def test_a_cursor_carries_nothing_personal(api: Api, clock: ManualClock) -> None:
    enrol_on_days(api, clock, [0, 0], "jazan")
    page = listed(api, "region=jazan&limit=1")
    raw = page["next_cursor"]
    decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
    member = page["items"][0]
    # A direction, the status, the enrolment day and the membership id: nothing else.
    assert decoded.split("~") == [
        "n",
        "pending",
        member["enrolled_on"],
        member["id"].replace("-", ""),
    ]
    for personal in (member["name_ar"], member["name_en"], national_id(0)[:6]):
        assert personal not in decoded


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        _b64("n~pending~2026-01-15"),
        _b64("x~pending~2026-01-15~" + "0" * 32),
        _b64("n~dormant~2026-01-15~" + "0" * 32),
        _b64("n~pending~2026-02-30~" + "0" * 32),
        _b64("n~pending~2026-01-15~" + "z" * 32),
        _b64("n~pending~2026-01-15' OR 1=1 --~" + "0" * 32),
    ],
)
def test_a_cursor_the_list_did_not_give_is_refused_naming_cursor(api: Api, cursor: str) -> None:
    response = api.client.get(f"{BASE}?cursor={cursor}", headers=api.as_(Role.OFFICER))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["field"] == "cursor"
    assert problem["title_ar"]


def test_a_cursor_with_an_offset_or_too_long_is_refused(api: Api, clock: ManualClock) -> None:
    enrol_on_days(api, clock, [0, 0], "najran")
    cursor = listed(api, "region=najran&limit=1")["next_cursor"]
    both = api.client.get(f"{BASE}?cursor={cursor}&offset=1", headers=api.as_(Role.OFFICER))
    assert (both.status_code, both.json()["field"]) == (422, "cursor")
    long = api.client.get(f"{BASE}?cursor={'A' * 300}", headers=api.as_(Role.OFFICER))
    assert long.status_code == 400
    assert "cursor" in long.text


def test_enrolment_dates_filter_the_list_and_are_counted(
    api: Api, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    enrol_on_days(api, clock, [0, 1, 1, 2, 3], "asir")
    day = (clock.now() + timedelta(days=1)).date().isoformat()
    last = (clock.now() + timedelta(days=2)).date().isoformat()
    page = listed(api, f"region=asir&enrolled_from={day}&enrolled_to={last}")
    assert sorted(m["enrolled_on"] for m in page["items"]) == [day, day, last]
    assert (page["total"], page["total_exact"]) == (3, True)
    # Past the counting limit a date range says "more than" rather than counting millions.
    monkeypatch.setattr("registry.ambassadors.MAX_MATCHING", 2)
    capped = listed(api, f"region=asir&enrolled_from={day}&limit=2")
    assert (capped["total"], capped["total_exact"]) == (2, False)
    assert capped["next_cursor"]
    rest = listed(api, f"region=asir&enrolled_from={day}&limit=2&cursor={capped['next_cursor']}")
    assert len(rest["items"]) == 2
    # Without dates the counters count, exact at any size.
    assert (listed(api, "region=asir")["total"], listed(api, "region=asir")["total_exact"]) == (
        5,
        True,
    )


def test_a_date_range_ending_before_it_starts_or_not_a_date_is_named(api: Api) -> None:
    backwards = api.client.get(
        f"{BASE}?enrolled_from=2026-02-01&enrolled_to=2026-01-01", headers=api.as_(Role.OFFICER)
    )
    assert (backwards.status_code, backwards.json()["field"]) == (422, "enrolled_to")
    garbled = api.client.get(f"{BASE}?enrolled_from=yesterday", headers=api.as_(Role.OFFICER))
    assert garbled.status_code == 400
    assert garbled.json()["field"] == "enrolled_from"
