"""The initiatives workspace over HTTP: create, change with the version the page showed,
a clear conflict when someone else changed it first, "as it stood on", the history."""

from __future__ import annotations

import re
from datetime import timedelta

from domain.roles import Role
from registry.clock import ManualClock
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in

_HIDDEN = re.compile(r'name="(version|part|idempotency)" value="([^"]*)"')


def hidden(html: str) -> dict[str, str]:
    return dict(_HIDDEN.findall(html))


def create(api: Api, code: str = "WORKSPACE") -> str:
    form = api.client.get("/desk/initiatives/new")
    assert form.status_code == 200
    body = {
        "_csrf_token": csrf_of(form.text),
        **hidden(form.text),
        "code": code,
        "title_ar": "مبادرة التجربة",
        "title_en": "Trial initiative",
        "aim_ar": "هدف",
        "aim_en": "An aim",
        "owner": "NQS Executive Office",
        "status": "active",
    }
    response = api.client.post("/desk/initiatives/new", data=body, follow_redirects=False)
    assert response.status_code == 303, response.text
    again = api.client.post("/desk/initiatives/new", data=body, follow_redirects=False)
    assert again.headers["location"] == response.headers["location"]  # a double submit: one
    return response.headers["location"].split("?")[0]


def act(api: Api, path: str, key: str, part: str = "", **fields: str) -> tuple[int, str]:
    form = api.client.get(f"{path}/act/{key}" + (f"?part={part}" if part else ""))
    assert form.status_code == 200, form.text
    data = {"_csrf_token": csrf_of(form.text), **hidden(form.text), **fields}
    response = api.client.post(f"{path}/act/{key}", data=data)
    return response.status_code, response.text


def test_an_officer_creates_an_initiative_plans_and_completes_a_milestone(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    path = create(api)
    status, html = act(
        api, path, "milestone-add", title_ar="إطلاق", title_en="Launch", planned_on="2030-03"
    )
    assert status == 200
    assert "Launch" in html or "إطلاق" in html
    assert "0 of 1" in html or "0 من 1" in html
    milestone = re.search(r"act/milestone-complete\?part=([0-9a-f-]{36})", html)
    assert milestone
    status, html = act(
        api, path, "milestone-complete", milestone.group(1), completed_on="2026-01-14"
    )
    assert status == 200
    assert "1 of 1" in html or "1 من 1" in html


def test_a_refused_form_names_its_fields_in_the_page_language(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    path = create(api)
    status, html = act(api, path, "milestone-add", title_ar="", title_en="", planned_on="")
    assert status == 422
    assert 'href="#f-title"' in html
    assert "النص باللغة العربية مطلوب" in html  # Arabic, the default
    status, html = act(api, path, "milestone-add", title_ar="م", title_en="M", planned_on="March")
    assert status == 422
    assert 'href="#f-planned_on"' in html and "ليس تاريخاً صالحاً" in html
    api.client.cookies.set("nqs_lang", "en")
    status, html = act(api, path, "status", status="completed", reason="")
    assert status == 422
    assert "A reason is required for this decision." in html


def test_a_second_officer_is_told_someone_changed_it_first_and_nothing_is_lost(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    api.client.cookies.set("nqs_lang", "en")
    path = create(api)
    first = api.client.get(f"{path}/act/edit")
    second = api.client.get(f"{path}/act/milestone-add")
    fields = {
        "title_ar": "عنوان",
        "title_en": "Revised title",
        "aim_ar": "هدف",
        "aim_en": "An aim",
        "owner": "Someone",
    }
    done = api.client.post(
        f"{path}/act/edit",
        data={"_csrf_token": csrf_of(first.text), **hidden(first.text), **fields},
    )
    assert done.status_code == 200
    late = api.client.post(
        f"{path}/act/milestone-add",
        data={
            "_csrf_token": csrf_of(second.text),
            **hidden(second.text),
            "title_ar": "م",
            "title_en": "Late milestone",
        },
    )
    assert late.status_code == 409
    assert "Someone else changed this initiative" in late.text
    assert "Revised title" in late.text  # the fresh state is shown
    assert 'value="Late milestone"' in late.text  # what they typed is kept
    page = api.client.get(path).text
    assert "Late milestone" not in page and "Revised title" in page
    retried = api.client.post(
        f"{path}/act/milestone-add",
        data={
            "_csrf_token": csrf_of(late.text),
            **hidden(late.text),
            "title_ar": "م",
            "title_en": "Late milestone",
        },
    )
    assert retried.status_code == 200
    assert "Late milestone" in retried.text


def test_as_it_stood_on_shows_the_earlier_state_and_the_history_says_who_and_why(
    api: Api, clock: ManualClock
) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    api.client.cookies.set("nqs_lang", "en")
    path = create(api)
    before = clock.now()
    clock.advance(timedelta(hours=1))
    status, _ = act(api, path, "status", status="on_hold", reason="Budget review")
    assert status == 200
    now = api.client.get(path).text
    assert "On hold" in now
    then = api.client.get(path, params={"as_of": before.isoformat()}).text
    assert "As it stood on" in then and "On hold" not in then and "Active" in then
    assert "/act/" not in then  # the past is read-only
    history = api.client.get(f"{path}/history").text
    assert "StatusChanged" in history and "Budget review" in history
    bad = api.client.get(path, params={"as_of": "yesterday"})
    assert bad.status_code == 200
    assert 'href="#f-as_of"' in bad.text


def test_an_auditor_reads_the_workspace_but_cannot_change_it(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER, "officer-one")
    path = create(api)
    api.client.cookies.clear()
    sign_in(api.client, api.registry, Role.AUDITOR)
    assert api.client.get("/desk/initiatives").status_code == 200
    page = api.client.get(path)
    assert page.status_code == 200 and "/act/" not in page.text
    assert api.client.get(f"{path}/act/edit").status_code == 403


def test_sending_a_new_milestone_twice_plans_it_once(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    path = create(api)
    form = api.client.get(f"{path}/act/milestone-add")
    data = {
        "_csrf_token": csrf_of(form.text),
        **hidden(form.text),
        "title_ar": "مرة واحدة",
        "title_en": "Only once",
    }
    first = api.client.post(f"{path}/act/milestone-add", data=data)
    again = api.client.post(f"{path}/act/milestone-add", data=data)  # a double click, a reload
    assert first.status_code == again.status_code == 200
    assert again.text.count('data-testid="milestone"') == 1
