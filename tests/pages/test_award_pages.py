"""The award portal's pages over HTTP, each person with their own client (cookie jar), on a
small framework with one criterion of every kind and the test's manual clock."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from litestar.testing import TestClient

from domain.roles import Role
from tests.api.award_world import ANSWERS, PDF, World, at
from tests.conftest import TEST_PASSWORD, Api
from tests.pages.support import csrf_of

VERSION = re.compile(r'name="version" value="(\d+)"')


class Person:
    """One person's browser session: their own cookies on the shared test client."""

    def __init__(self, client: TestClient[Any], name: str, lang: str) -> None:
        self.client = client
        self.name = name
        self.jar: dict[str, str] = {"nqs_lang": lang}

    def sign_in(self) -> None:
        """Signs in (again: moving the test clock by days expires the session)."""
        form = self.get("/sign-in")
        signed = self.post(
            "/sign-in",
            data={
                "username": self.name,
                "password": TEST_PASSWORD,
                "_csrf_token": csrf_of(form.text),
            },
            follow_redirects=False,
        )
        assert signed.status_code == 303, signed.text

    def _send(self, method: str, path: str, **kwargs: Any) -> Any:
        self.client.cookies.clear()
        for name, value in self.jar.items():
            self.client.cookies.set(name, value)
        response = self.client.request(method, path, **kwargs)
        self.jar = {c.name: c.value for c in self.client.cookies.jar if c.value is not None}
        return response

    def get(self, path: str, **kwargs: Any) -> Any:
        return self._send("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self._send("POST", path, **kwargs)


def person(api: Api, world: World, name: str, role: Role, lang: str = "en") -> Person:
    """A signed-in browser session of ``name`` (created through the world if new)."""
    world.person(name, role)
    client = Person(api.client, name, lang)
    client.sign_in()
    return client


def version_of(html: str) -> str:
    match = VERSION.search(html)
    assert match, "no version on the page"
    return match.group(1)


def post(client: Person, path: str, page: str, **data: Any) -> Any:
    return client.post(path, data={"_csrf_token": csrf_of(page), **data}, follow_redirects=False)


def test_the_award_cycle_through_the_pages(api: Api, clock: Any) -> None:
    world = World(api, clock)
    edition = world.edition()
    world.organisation("east")
    world.organisation("small", beds=40)
    clock.set(at(2))
    public = api.client.get(f"/awards/editions/{edition}", headers={"Accept-Language": "en"})
    assert public.status_code == 200, public.text
    assert "registration and upload" in public.text and "Criterion 6" in public.text

    east = person(api, world, "east", Role.APPLICANT)
    home = east.get("/apply")
    assert home.status_code == 200, home.text
    assert "LIC-EAST" in home.text
    started = post(
        east, "/apply/start", home.text, edition_id=edition, category="hospitals", key="k-1"
    )
    assert started.status_code == 303, started.text
    url = started.headers["location"]
    application = url.rsplit("/", 1)[1]
    again = post(
        east, "/apply/start", home.text, edition_id=edition, category="hospitals", key="k-1"
    )
    assert again.headers["location"] == url  # a double submit drafts once
    form = east.get(url)
    assert form.status_code == 200, form.text
    version = version_of(form.text)
    stale = version
    for number, body in ANSWERS.items():
        saved = post(
            east,
            f"{url}/answers/{number}",
            form.text,
            version=version,
            **body,
        )
        assert saved.status_code == 303, saved.text
        version = version_of(east.get(url).text)
    # A second tab that still holds the first version is told, and overwrites nothing.
    conflict = post(east, f"{url}/answers/1", form.text, version=stale, text="From the old tab")
    assert conflict.status_code == 409
    assert "changed in another tab" in conflict.text
    assert "From the old tab" in conflict.text  # what they typed is shown back
    # The page's autosave (htmx) gets the status line with the new version, not the fields.
    autosaved = east.post(
        f"{url}/answers/1",
        headers={"HX-Request": "true"},
        data={
            "_csrf_token": csrf_of(form.text),
            "version": version,
            "text": "Our strategic plan 2024-2027.",
        },
    )
    assert autosaved.status_code == 200, autosaved.text
    assert 'data-saved="1"' in autosaved.text and "<textarea" not in autosaved.text
    version = re.findall(r'data-version="(\d+)"', autosaved.text)[0]
    bad = post(east, f"{url}/answers/2", form.text, version=version, numerator="abc")
    assert bad.status_code == 422 and "Enter a number" in bad.text
    for number in ("1", "2", "3", "4", "5"):
        page = east.get(url).text
        uploaded = east.post(
            f"{url}/evidence",
            data={"_csrf_token": csrf_of(page), "version": version_of(page), "criterion": number},
            files={"file": (f"p{number}.pdf", PDF, "application/pdf")},
            follow_redirects=False,
        )
        assert uploaded.status_code == 303, uploaded.text
    page = east.get(url).text
    assert "Registration closes on" in page
    assert "Criterion 6: no evidence attached" in page
    submitted = post(east, f"{url}/submit", page, version=version_of(page))
    assert submitted.status_code == 303, submitted.text
    assert "Submitted" in east.get(url).text

    small = person(api, world, "small", Role.APPLICANT)
    assert small.get(url).status_code == 404  # another organisation's application
    home = small.get("/apply").text
    drafted = post(small, "/apply/start", home, edition_id=edition, category="hospitals", key="s")
    small_url = drafted.headers["location"]
    page = small.get(small_url).text
    assert "This category needs at least 50 beds (recorded: 40)." in page
    refused = post(small, f"{small_url}/submit", page, version=version_of(page))
    assert refused.status_code == 422 and "at least 50 beds" in refused.text

    clock.set(at(12))
    small.sign_in()
    east.sign_in()
    page = small.get(small_url).text
    assert "Registration closed on" in page, page[page.find("<main") :][:3000]
    assert "Submit the application" not in page
    late = post(small, f"{small_url}/submit", page, version=version_of(page))
    assert late.status_code == 422 and "phase closed" in late.text

    api.catch_up()
    officer = person(api, world, "office", Role.OFFICER)
    queue = officer.get(f"/desk/editions/{edition}/screening")
    assert queue.status_code == 200, queue.text
    screened = post(
        officer,
        f"/desk/editions/{edition}/screening/{application}",
        queue.text,
        version=version_of(queue.text),
        decision="eligible",
        reason="Complete",
    )
    assert screened.status_code == 303, screened.text

    api.catch_up()
    chair = person(api, world, "chair", Role.COMMITTEE_CHAIR)
    judges = {n: person(api, world, n, Role.JUDGE) for n in ("judge-1", "judge-2", "judge-3")}
    board = chair.get(f"/desk/editions/{edition}".replace("/desk/editions", "/chair/editions"))
    assert board.status_code == 200, board.text
    for n in judges:
        assigned = post(
            chair, f"/chair/applications/{application}/judges", board.text, judge_id=world.ids[n]
        )
        assert assigned.status_code == 303, assigned.text

    clock.set(at(17))
    chair.sign_in()
    officer.sign_in()
    for judge in judges.values():
        judge.sign_in()
    j1, j2, j3 = judges.values()
    card = j1.get(f"/judging/{application}")
    assert card.status_code == 200, card.text
    assert "Declaration of interests" in card.text and "Our strategic plan" not in card.text
    declared = post(
        j1,
        f"/judging/{application}/declaration",
        card.text,
        conflicted="yes",
        reason="Former employer",
    )
    assert declared.status_code == 303
    assert "You declared a conflict" in j1.get(f"/judging/{application}").text
    assert j1.get(f"/judging/{application}/criteria/1").status_code == 403
    for judge in (j2, j3):
        page = judge.get(f"/judging/{application}").text
        assert (
            post(judge, f"/judging/{application}/declaration", page, conflicted="no").status_code
            == 303
        )
    scoring = j2.get(f"/judging/{application}/criteria/6")
    assert scoring.status_code == 200, scoring.text
    assert "No evidence: only zero can be given." in scoring.text
    refused = post(
        j2,
        f"/judging/{application}/criteria/6",
        scoring.text,
        version=version_of(scoring.text),
        points="2",
        justification="Fine",
    )
    assert refused.status_code == 422 and "scores zero" in refused.text
    bodies: dict[str, dict[str, Any]] = {
        "1": {"points": "4"},
        "2": {},
        "3": {},
        "4": {},
        "5": {"items": ["proof", "example"]},
        "6": {"points": "0"},
    }
    for judge in (j2, j3):
        for number, body in bodies.items():
            page = judge.get(f"/judging/{application}/criteria/{number}").text
            saved = post(
                judge,
                f"/judging/{application}/criteria/{number}",
                page,
                version=version_of(page),
                justification=f"Seen {number}",
                **body,
            )
            assert saved.status_code == 303, saved.text
        card = judge.get(f"/judging/{application}").text
        assert "Judge 1" not in card  # blind until submitted
        assert (
            post(
                judge, f"/judging/{application}/submit", card, version=version_of(card)
            ).status_code
            == 303
        )
    api.catch_up()
    assert "Judge 1" in j2.get(f"/judging/{application}").text

    page = chair.get(f"/chair/applications/{application}")
    assert page.status_code == 200, page.text
    agreed = post(
        chair,
        f"/chair/applications/{application}/agreed",
        page.text,
        version="0",
        justification="All judges agreed.",
    )
    assert agreed.status_code == 303, agreed.text
    page = chair.get(f"/chair/applications/{application}").text
    feedback = post(
        chair,
        f"/chair/applications/{application}/feedback",
        page,
        version=version_of(page),
        feedback_ar="عمل ممتاز",
        feedback_en="Excellent work",
    )
    assert feedback.status_code == 303, feedback.text

    clock.set(at(31))
    for someone in (east, chair, officer):
        someone.sign_in()
    api.catch_up()
    preview = officer.get(f"/desk/editions/{edition}/publication")
    assert preview.status_code == 200, preview.text
    assert "Winner" in preview.text
    published = post(
        officer,
        f"/desk/editions/{edition}/publication",
        preview.text,
        version=version_of(preview.text),
    )
    assert published.status_code == 303, published.text
    result = east.get(url).text
    assert "Excellent work" in result and "Rank 1 of 1" in result
    board = chair.get(f"/chair/editions/{edition}").text
    withdrawn = post(
        chair,
        f"/chair/editions/{edition}/withdrawals",
        board,
        version=re.findall(r'name="version" value="(\d+)"', board)[-1],
        application_id=application,
        reason="Breach proven",
    )
    assert withdrawn.status_code == 303, withdrawn.text
    results = api.client.get(
        f"/awards/editions/{edition}/results", headers={"Accept-Language": "en"}
    ).text
    assert "Award withdrawn" in results


def test_the_office_sets_up_and_opens_an_edition_on_its_pages(api: Api, clock: Any) -> None:
    world = World(api, clock)
    world.edition()  # the programme and a framework to choose
    api.catch_up()
    officer = person(api, world, "office", Role.OFFICER)
    index = officer.get("/desk/editions")
    assert index.status_code == 200, index.text
    created = post(
        officer,
        "/desk/editions/",
        index.text,
        programme_code="AMYAZ",
        year="2027",
        title_ar="أميز 2027",
        title_en="Amyaz 2027",
        minimum_score="60",
        key="e1",
    )
    assert created.status_code == 303, created.text
    url = created.headers["location"]
    setup = officer.get(url)
    assert setup.status_code == 200, setup.text
    saved = post(
        officer,
        f"{url}/categories",
        setup.text,
        version=version_of(setup.text),
        key="hospitals",
        title_ar="المستشفيات",
        title_en="Hospitals",
        framework="test-framework:1",
        types="hospital",
        winners="5",
        min_beds="50",
    )
    assert saved.status_code == 303, saved.text
    days = {
        "announcement": (-1, 1),
        "registration": (1, 11),
        "screening": (11, 16),
        "judging": (16, 30),
        "ceremony": (30, 40),
    }
    for kind, (start, end) in days.items():
        page = officer.get(url).text
        moved = post(
            officer,
            f"{url}/phases/{kind}",
            page,
            version=version_of(page),
            opens_at=(at(start) + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            closes_at=(at(end) + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        )
        assert moved.status_code == 303, moved.text
    page = officer.get(url).text
    assert "locks the framework versions" in page
    opened = post(officer, f"{url}/open", page, version=version_of(page))
    assert opened.status_code == 303, opened.text
    page = officer.get(url).text
    assert "Screening queue" in page
    overlap = post(
        officer,
        f"{url}/phases/screening",
        page,
        version=version_of(page),
        opens_at="2026-01-20T09:00",
        closes_at="2026-01-19T09:00",
        reason="Moved",
    )
    assert overlap.status_code == 422 and "closes after it opens" in overlap.text
