"""The office's new award pages (organisations, the edition report, the rules and points on
the setup page) and the portal pages the journey checks in one language only (the
applicant's form, the judge's scoring page, the chair's consensus and board, edition setup,
screening): axe and screenshots in Arabic and in English.

The data goes in through the JSON API on one small framework (six criteria), so the pages
are the subject and the run stays short; the phases move on as in the journey test."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import msgspec

from api.schemas.awards import FrameworkDoc
from tests.api.award_world import ANSWERS
from tests.awards_support import small_framework
from tests.browser.conftest import STAFF_PASSWORD, Site, Visitor, in_both_languages
from tests.browser.test_awards_journey import PNG  # inline on the judge's page, unlike a PDF

FRAMEWORK = "office-pages-framework"


class People:
    """Accounts on the session server and their bearer tokens (the JSON API's own sign-in)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.ids: dict[str, str] = {}
        self.tokens: dict[str, str] = {}

    def add(self, username: str, role: str) -> str:
        created = self.site.api(
            "POST",
            "/api/v1/users",
            json={"username": username, "role": role, "password": STAFF_PASSWORD},
        )
        assert created.status_code == 201, created.text
        self.ids[username] = str(created.json()["id"])
        self.tokens[username] = httpx.post(
            f"{self.site.base}/api/v1/auth/token",
            data={"username": username, "password": STAFF_PASSWORD},
        ).json()["access_token"]
        return self.ids[username]

    def call(
        self, who: str | None, method: str, path: str, expect: int = 200, **kwargs: Any
    ) -> httpx.Response:
        """As ``who`` (None: the admin), with ``version`` sent as If-Match."""
        headers = kwargs.pop("headers", {})
        if "version" in kwargs:
            headers["If-Match"] = str(kwargs.pop("version"))
        if who is not None:
            headers["Authorization"] = f"Bearer {self.tokens[who]}"
        response = self.site.api(method, path, headers=headers, **kwargs)
        assert response.status_code == expect, (method, path, response.text)
        return response


def _etag(response: httpx.Response) -> str:
    return response.headers["etag"]


def _edition(people: People, year: int, open_now: bool) -> str:
    """An Amyaz edition on the small framework; open (registration now) or left in draft."""
    now = datetime.now(UTC)
    created = people.call(
        None,
        "POST",
        "/api/v1/editions",
        201,
        json={
            "programme_code": "AMYAZ",
            "year": year,
            "title": {"ar": f"أميز {year}", "en": f"Amyaz {year}"},
            "minimum_score": "50",
        },
    )
    edition = created.json()["id"]
    url = f"/api/v1/editions/{edition}"
    response = people.call(
        None,
        "PUT",
        f"{url}/categories/hospitals",
        version=_etag(created),
        json={
            "title": {"ar": "المستشفيات", "en": "Hospitals"},
            "organisation_types": ["hospital"],
            "winners": 2,
            "framework_key": FRAMEWORK,
            "framework_version": 1,
            "min_beds": 50,
        },
    )
    if not open_now:
        return str(edition)
    windows = {
        "announcement": (-3, -2),
        "registration": (-2, 2),
        "screening": (2, 4),
        "judging": (4, 6),
        "ceremony": (6, 8),
    }
    for kind, (start, end) in windows.items():
        response = people.call(
            None,
            "PUT",
            f"{url}/phases/{kind}",
            version=_etag(response),
            json={
                "opens_at": (now + timedelta(hours=start)).isoformat(),
                "closes_at": (now + timedelta(hours=end)).isoformat(),
            },
        )
    people.call(None, "POST", f"{url}/open", version=_etag(response))
    return str(edition)


def _hospital(people: People, name: str, applicant: str) -> str:
    created = people.call(
        None,
        "POST",
        "/api/v1/organisations",
        201,
        json={
            "licence_number": f"LIC-OFFICE-{name.upper()}",
            "name": {"ar": f"مستشفى {name}", "en": f"{name} Hospital"},
            "type": "hospital",
            "region": "eastern_province",
            "beds": 80,
            "licence_expires_on": "2030-12-31",
            "operating_since": "2012-03-01",
        },
    )
    organisation = created.json()["id"]
    people.call(
        None,
        "POST",
        f"/api/v1/organisations/{organisation}/accreditations",
        201,
        version=_etag(created),
        json={"name": "CBAHI", "issuer": "CBAHI", "expires_on": "2030-06-30"},
    )
    people.call(
        None,
        "POST",
        f"/api/v1/organisations/{organisation}/members",
        json={"user_id": people.ids[applicant]},
    )
    return str(organisation)


def _application(people: People, applicant: str, edition: str, submit: bool) -> str:
    drafted = people.call(
        applicant,
        "POST",
        "/api/v1/applications",
        201,
        json={"edition_id": edition, "category": "hospitals"},
    )
    application = drafted.json()["id"]
    version = _etag(drafted)
    url = f"/api/v1/applications/{application}"
    for number, body in ANSWERS.items():
        version = _etag(
            people.call(applicant, "PUT", f"{url}/answers/{number}", version=version, json=body)
        )
    if submit:
        for number in ANSWERS:
            version = _etag(
                people.call(
                    applicant,
                    "POST",
                    f"{url}/evidence",
                    201,
                    version=version,
                    data={"criterion": number},
                    files={"file": (f"proof-{number}.png", PNG, "image/png")},
                )
            )
        people.call(applicant, "POST", f"{url}/submit", version=version)
    return str(application)


def _move_on(people: People, edition: str, current: str, following: str) -> None:
    """Closes ``current`` a moment from now and opens ``following`` then."""
    url = f"/api/v1/editions/{edition}"
    phases = {p["kind"]: p for p in people.call(None, "GET", url).json()["phases"]}
    moment = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    for kind, body in (
        (current, {"opens_at": phases[current]["opens_at"], "closes_at": moment}),
        (following, {"opens_at": moment, "closes_at": phases[following]["closes_at"]}),
    ):
        people.call(
            None,
            "PUT",
            f"{url}/phases/{kind}",
            version=_etag(people.call(None, "GET", url)),
            json={**body, "reason": "The office pages' rehearsal moves on."},
        )
    time.sleep(2.2)


def _signed_in(visitor: Callable[..., Visitor], username: str) -> Visitor:
    v = visitor(lang="ar")
    v.page.goto("/sign-in")
    v.page.fill("#f-username", username)
    v.page.fill("#f-password", STAFF_PASSWORD)
    v.page.locator("main form button[type=submit]").click()
    v.page.wait_for_url(re.compile(r"/(desk|apply|judging|chair)"))
    return v


def _eventually(v: Visitor, path: str, text: str) -> None:
    for _ in range(40):
        v.page.goto(path)
        if text in v.page.content():
            return
        time.sleep(0.25)
    raise AssertionError(f"{text!r} never appeared on {path}")


def test_office_and_portal_pages_in_both_languages(
    visitor: Callable[..., Visitor], site: Site
) -> None:
    people = People(site)
    people.call(
        None,
        "POST",
        "/api/v1/frameworks",
        201,
        json=msgspec.to_builtins(FrameworkDoc.of(small_framework(FRAMEWORK))),
    )
    for username, role in (
        ("office-pages-officer", "officer"),
        ("office-pages-chair", "committee_chair"),
        ("office-pages-judge-1", "judge"),
        ("office-pages-judge-2", "judge"),
        ("office-pages-east", "applicant"),
        ("office-pages-west", "applicant"),
        ("office-pages-new", "applicant"),
    ):
        people.add(username, role)
    edition = _edition(people, 2031, open_now=True)
    draft = _edition(people, 2032, open_now=False)
    organisation = _hospital(people, "Jubail", "office-pages-east")
    _hospital(people, "Qatif", "office-pages-west")
    submitted = _application(people, "office-pages-east", edition, submit=True)
    drafting = _application(people, "office-pages-west", edition, submit=False)

    # -- the officer: organisations (a new one registered through the page), setup, screening
    office = _signed_in(visitor, "office-pages-officer")
    office.page.goto("/desk/organisations")
    office.page.fill("#f-licence_number", "LIC-OFFICE-RAS-TANURA")
    office.page.fill("#f-name_ar", "مستشفى رأس تنورة")
    office.page.fill("#f-name_en", "Ras Tanura Hospital")
    office.page.fill("#f-beds", "75")
    office.page.fill("#f-licence_expires_on", "2030-12-31")
    office.page.fill("#f-operating_since", "2010-01-01")
    office.page.get_by_role("button", name="سجّل الجهة").click()
    office.page.wait_for_url(re.compile(r"/desk/organisations/[0-9a-f-]{36}"))
    created = office.page.url.split("?")[0]
    office.page.fill("#f-name", "CBAHI")
    office.page.fill("#f-issuer", "المجلس المركزي لاعتماد المنشآت الصحية")
    office.page.fill("#f-expires_on", "2029-05-31")
    office.page.get_by_role("button", name="أضف الاعتماد").click()
    office.page.wait_for_selector("text=المجلس المركزي لاعتماد المنشآت الصحية")
    office.page.fill("#f-username", "office-pages-new")
    office.page.get_by_role("button", name="اربط الحساب").click()
    office.page.wait_for_selector("[role=status]")
    newcomer = _signed_in(visitor, "office-pages-new")
    newcomer.page.goto("/apply")
    assert "مستشفى رأس تنورة" in newcomer.page.content()

    _eventually(office, "/desk/organisations", "LIC-OFFICE-RAS-TANURA")
    in_both_languages(office, "/desk/organisations", "office-organisations")
    in_both_languages(office, created, "office-organisation")
    in_both_languages(
        office, f"/desk/organisations/{organisation}", "office-organisation-accredited"
    )
    in_both_languages(office, f"/desk/editions/{draft}", "office-edition-setup-draft")
    in_both_languages(office, f"/desk/editions/{edition}", "office-edition-setup-open")
    _eventually(office, f"/desk/editions/{edition}/screening", "Jubail")
    in_both_languages(office, f"/desk/editions/{edition}/screening", "office-screening")

    # -- the applicant's form while registration is open ----------------------------------
    applicant = _signed_in(visitor, "office-pages-west")
    in_both_languages(applicant, f"/apply/{drafting}", "office-apply-form")

    # -- screening, assignment, judging -------------------------------------------------
    _move_on(people, edition, "registration", "screening")
    current = people.call(None, "GET", f"/api/v1/applications/{submitted}")
    people.call(
        None,
        "POST",
        f"/api/v1/applications/{submitted}/screening",
        version=_etag(current),
        json={"eligible": True, "reason": "Documents verified against the licence"},
    )
    for judge in ("office-pages-judge-1", "office-pages-judge-2"):
        people.call(
            "office-pages-chair",
            "POST",
            f"/api/v1/applications/{submitted}/judges",
            201,
            json={"judge_id": people.ids[judge]},
        )
    _move_on(people, edition, "screening", "judging")
    for judge, points in (("office-pages-judge-1", "1"), ("office-pages-judge-2", "4")):
        people.call(
            judge,
            "POST",
            f"/api/v1/applications/{submitted}/declaration",
            json={"conflicted": False},
        )
        card = people.call(judge, "GET", f"/api/v1/applications/{submitted}/my-scorecard")
        version = _etag(card)
        bodies = {"1": {"points": points}, "2": {}, "3": {}, "4": {}, "5": {"items": ["proof"]}}
        for number, body in bodies.items():
            version = _etag(
                people.call(
                    judge,
                    "PUT",
                    f"/api/v1/applications/{submitted}/my-scorecard/scores/{number}",
                    version=version,
                    json={"justification": f"Seen in the evidence for {number}", **body},
                )
            )
        people.call(
            judge,
            "POST",
            f"/api/v1/applications/{submitted}/my-scorecard/submit",
            version=version,
        )

    judge = _signed_in(visitor, "office-pages-judge-1")
    in_both_languages(judge, f"/judging/{submitted}/criteria/1", "office-judging-criterion")

    chair = _signed_in(visitor, "office-pages-chair")
    _eventually(chair, f"/chair/applications/{submitted}", "office-pages-judge-2")
    in_both_languages(chair, f"/chair/applications/{submitted}", "office-chair-consensus")
    in_both_languages(chair, f"/chair/editions/{edition}", "office-chair-board")

    # -- the edition report, with the judges' disagreement on criterion 1 ----------------
    _eventually(office, f"/desk/editions/{edition}/report", "office-pages-judge-2")
    in_both_languages(office, f"/desk/editions/{edition}/report", "office-edition-report")
    assert office.page.locator("svg.chart").count() == 2
    download = office.page.request.get(
        f"/desk/editions/{edition}/report/export?format=csv&section=spread"
    )
    assert download.ok and download.text().lstrip("\ufeff").startswith("criterion,")
