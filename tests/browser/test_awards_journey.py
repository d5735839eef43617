"""The whole Amyaz hospitals cycle in the browser, each person in their own browser context.

The server runs on the real clock, so the officer moves the edition's phases forward (a
rescheduling with a reason, as the registry allows while a phase is still open) where the
real cycle would wait weeks. One applicant answers all 36 criteria and uploads evidence
through the pages; the other's answers go in through the JSON API (the issue allows it).
"""

from __future__ import annotations

import os
import re
import struct
import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from tests.browser.conftest import STAFF_PASSWORD, Site, Visitor, check_page, in_both_languages

# A real 1x1 PNG: images open inline on the judge's page as <img>. (A PDF opens in Chromium's
# own viewer, whose internal chrome-extension:// resources the visitor's guard would count.)
PNG = (
    b"\x89PNG\r\n\x1a\n"
    + struct.pack(">I", 13)
    + b"IHDR"
    + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    + struct.pack(">I", zlib.crc32(b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)))
    + struct.pack(">I", 12)
    + b"IDAT"
    + zlib.compress(b"\x00\xff\xff\xff")[:12]
)
NOW = datetime.now(UTC)
WITHOUT_EVIDENCE = "3"  # one criterion the applicant leaves without a file


def _user(site: Site, username: str, role: str) -> str:
    created = site.api(
        "POST",
        "/api/v1/users",
        json={"username": username, "role": role, "password": STAFF_PASSWORD},
    )
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def _sign_in(v: Visitor, username: str, lands: str) -> None:
    v.page.goto("/sign-in")
    v.page.fill("#f-username", username)
    v.page.fill("#f-password", STAFF_PASSWORD)
    v.page.locator("main form button[type=submit]").click()
    v.page.wait_for_url(re.compile(r"/desk"))
    v.page.goto(lands)


def _hospital(site: Site, name: str, beds: int, applicant: str) -> str:
    created = site.api(
        "POST",
        "/api/v1/organisations",
        json={
            "licence_number": f"LIC-{name.upper()}",
            "name": {"ar": f"مستشفى {name}", "en": f"{name} Hospital"},
            "type": "hospital",
            "region": "eastern_province",
            "beds": beds,
            "licence_expires_on": "2030-12-31",
            "operating_since": "2012-03-01",
        },
    )
    assert created.status_code == 201, created.text
    organisation = created.json()["id"]
    accredited = site.api(
        "POST",
        f"/api/v1/organisations/{organisation}/accreditations",
        headers={"If-Match": created.headers["etag"]},
        json={"name": "CBAHI", "issuer": "CBAHI", "expires_on": "2030-06-30"},
    )
    assert accredited.status_code == 201, accredited.text
    linked = site.api(
        "POST", f"/api/v1/organisations/{organisation}/members", json={"user_id": applicant}
    )
    assert linked.status_code == 200, linked.text
    return str(organisation)


def _move_on(site: Site, edition: str, current: str, following: str) -> None:
    """Closes ``current`` a moment from now and opens ``following`` then (officer's decision)."""
    state = site.api("GET", f"/api/v1/editions/{edition}").json()
    phases = {p["kind"]: p for p in state["phases"]}
    moment = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    for kind, body in (
        (current, {"opens_at": phases[current]["opens_at"], "closes_at": moment}),
        (following, {"opens_at": moment, "closes_at": phases[following]["closes_at"]}),
    ):
        version = site.api("GET", f"/api/v1/editions/{edition}").headers["etag"]
        moved = site.api(
            "PUT",
            f"/api/v1/editions/{edition}/phases/{kind}",
            headers={"If-Match": version},
            json={**body, "reason": "Rehearsal of the cycle: the committee moves on."},
        )
        assert moved.status_code == 200, moved.text
    time.sleep(2.2)


def _eventually(v: Visitor, path: str, text: str) -> None:
    """Reloads until the read model has caught up with the last write."""
    for _ in range(40):
        v.page.goto(path)
        if text in v.page.content():
            return
        time.sleep(0.25)
    raise AssertionError(f"{text!r} never appeared on {path}")


def _riyadh(instant: datetime) -> str:
    return (instant + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")


def _answer_in_page(v: Visitor, with_evidence: bool = True) -> int:
    blocks = v.page.locator("article.criterion")
    count = blocks.count()
    for i in range(count):
        block = v.page.locator("article.criterion").nth(i)
        number = block.get_attribute("data-criterion")
        block.locator("textarea[name=text]").fill(f"Our evidence for criterion {number}.")
        if block.locator("input[name=numerator]").count():
            block.locator("input[name=numerator]").fill("45")
            block.locator("input[name=denominator]").fill("50")
            assert block.locator("[data-kpi-percent]").inner_text().strip() == "90.00%"
        if block.locator("input[name=count]").count():
            block.locator("input[name=count]").fill("0")
        if block.locator("input[name=certificate_number]").count():
            block.locator("input[name=certificate_number]").fill("MW-2026-1")
            block.locator("input[name=issuer]").fill("MHRSD")
            block.locator("input[name=expires_on]").fill("2030-01-01")
        for box in block.locator("input[name=items]").all():
            box.check()
        block.locator("button", has_text=re.compile("Save answer|حفظ الإجابة")).click()
        v.page.wait_for_selector(f'#s-{number} [data-saved="1"]')
        v.page.wait_for_function("document.querySelectorAll('.htmx-request').length === 0")
        if with_evidence and number != WITHOUT_EVIDENCE:
            block = v.page.locator(f"#c-{number}")
            block.locator("input[type=file]").set_input_files(
                {"name": f"proof-{number}.png", "mimeType": "image/png", "buffer": PNG}
            )
            block.locator("button", has_text=re.compile("^(Upload|رفع)$")).click()
            v.page.wait_for_selector(f"#c-{number} ul.files li")
            v.page.wait_for_function("document.querySelectorAll('.htmx-request').length === 0")
    return count


def test_the_amyaz_hospitals_cycle(visitor: Callable[..., Visitor], site: Site) -> None:
    made: list[Visitor] = []

    def tracked(**kwargs: object) -> Visitor:
        v = visitor(**kwargs)
        made.append(v)
        return v

    try:
        _cycle(tracked, site)
    except BaseException:
        # NQS_DEBUG_PAGES=1: print what each person's page showed when the journey broke.
        if os.environ.get("NQS_DEBUG_PAGES"):
            for v in made:
                print("=====", v.page.url)
                print(v.page.inner_text("main")[:3000])
        raise


def _cycle(visitor: Callable[..., Visitor], site: Site) -> None:
    officer = site.user("officer")
    chair = site.user("committee_chair")
    applicants = {
        "east": _user(site, "quality-east", "applicant"),
        "small": _user(site, "quality-small", "applicant"),
    }
    judges = {n: _user(site, f"judge-{n}", "judge") for n in ("one", "two", "three")}
    _hospital(site, "Dammam", 60, applicants["east"])
    _hospital(site, "Khobar", 40, applicants["small"])

    # -- the officer sets up the edition ------------------------------------------------
    office = visitor(lang="en")
    _sign_in(office, officer, "/desk/editions")
    office.page.select_option("#f-programme_code", "AMYAZ")
    office.page.fill("#f-year", "2027")
    office.page.fill("#f-title_ar", "أميز 2027")
    office.page.fill("#f-title_en", "Amyaz 2027")
    office.page.fill("#f-minimum_score", "60")
    office.page.get_by_role("button", name="Create the edition").click()
    office.page.wait_for_url(re.compile(r"/desk/editions/[0-9a-f-]{36}$"))
    edition = office.page.url.rsplit("/", 1)[1]
    office.page.fill("#f-key", "hospitals")
    office.page.fill("#f-title_ar", "المستشفيات")
    office.page.fill("#f-title_en", "Hospitals")
    office.page.select_option("#f-framework", "amyaz-hospitals:1")
    office.page.check("#f-types-hospital")
    office.page.fill("#f-min_beds", "50")
    office.page.get_by_role("button", name="Save the category").click()
    windows = {
        "announcement": (-2, -1),
        "registration": (-1, 2),
        "screening": (2, 4),
        "judging": (4, 6),
        "ceremony": (6, 8),
    }
    for kind, (start, end) in windows.items():
        office.page.fill(f"#f-{kind}-opens", _riyadh(NOW + timedelta(hours=start)))
        office.page.fill(f"#f-{kind}-closes", _riyadh(NOW + timedelta(hours=end)))
        office.page.locator(f"#phase-{kind} button").click()
        office.page.wait_for_url(re.compile("#timeline$"))
    check_page(office.page, "award-edition-setup")
    office.page.once("dialog", lambda dialog: dialog.accept())
    office.page.get_by_role("button", name="Open the edition").click()
    office.page.wait_for_selector("[data-testid=edition-status]:has-text('open')")

    public = visitor(lang="ar")
    in_both_languages(public, f"/awards/editions/{edition}", "award-edition")
    assert public.page.locator("ol.criteria > li").count() == 36
    in_both_languages(public, "/awards", "awards")

    # -- applicants draft, answer, upload, submit ----------------------------------------
    east = visitor(lang="ar")
    _sign_in(east, "quality-east", "/apply")
    check_page(east.page, "apply-home")
    east.page.get_by_role("button", name="ابدأ الطلب").click()
    east.page.wait_for_url(re.compile(r"/apply/[0-9a-f-]{36}$"))
    application = east.page.url.rsplit("/", 1)[1]
    assert _answer_in_page(east) == 36
    east.page.reload()  # nothing typed is lost
    assert east.page.locator("#f-c1-text").input_value() == "Our evidence for criterion 1."
    east.page.set_default_timeout(60_000)  # a full-page screenshot of 36 criteria takes a while
    check_page(east.page, "apply-form")
    east.page.get_by_role("button", name="قدّم الطلب").click()
    east.page.wait_for_selector("[data-testid=application-status]:has-text('مقدَّم')")

    small = visitor(lang="en")
    _sign_in(small, "quality-small", "/apply")
    small.page.get_by_role("button", name="Start the application").click()
    small.page.wait_for_url(re.compile(r"/apply/[0-9a-f-]{36}$"))
    small_application = small.page.url.rsplit("/", 1)[1]
    assert "This category needs at least 50 beds (recorded: 40)." in small.page.content()
    # An applicant opening another organisation's application by its address sees nothing.
    small.page.goto(f"/apply/{application}")
    assert small.page.locator("h1").inner_text() != ""
    assert "Our evidence" not in small.page.content()
    assert small.page.evaluate("document.title").startswith(("Page not found", "الصفحة غير"))

    # -- registration closes: the small hospital's draft is read-only -------------------
    _move_on(site, edition, "registration", "screening")
    small.page.goto(f"/apply/{small_application}")
    assert "Registration closed on" in small.page.content()
    assert small.page.locator("button", has_text="Submit the application").count() == 0
    check_page(small.page, "apply-closed")

    # -- screening -----------------------------------------------------------------------
    _eventually(office, f"/desk/editions/{edition}/screening", "Dammam")
    check_page(office.page, "award-screening")
    office.page.fill(f"#r-{application}", "Complete; conditions met.")
    office.page.get_by_role("button", name="Record the decision").click()
    office.page.wait_for_selector("[data-testid=screening-status]:has-text('Eligible')")

    # -- the chair assigns three judges ------------------------------------------------
    committee = visitor(lang="en")
    _sign_in(committee, chair, f"/chair/editions/{edition}")
    _eventually(committee, f"/chair/editions/{edition}", "Dammam Hospital")
    for n in ("one", "two", "three"):
        committee.page.select_option(f"#j-{application}", judges[n])
        committee.page.locator(f"#a-{application} button", has_text="Assign").last.click()
        committee.page.wait_for_url(re.compile(r"/chair/editions/"))
    _move_on(site, edition, "screening", "judging")

    # -- judges declare and score ------------------------------------------------------
    conflicted = visitor(lang="en")
    _sign_in(conflicted, "judge-one", f"/judging/{application}")
    conflicted.page.check("#f-conflicted-yes")
    conflicted.page.fill("#f-reason", "My brother works there.")
    conflicted.page.get_by_role("button", name="Send the declaration").click()
    conflicted.page.wait_for_selector("[data-testid=conflicted]")
    conflicted.page.goto(f"/judging/{application}/criteria/1")
    assert "Our evidence" not in conflicted.page.content()

    scorers = []
    for n, lang in (("two", "ar"), ("three", "en")):
        judge = visitor(lang=lang)
        _sign_in(judge, f"judge-{n}", "/judging")
        judge.page.goto(f"/judging/{application}")
        judge.page.check("#f-conflicted-no")
        judge.page.locator("main form button[type=submit]").click()
        judge.page.wait_for_selector("[data-testid=card-state]")
        scorers.append(judge)
    two = scorers[0]
    # No evidence, no points: the page says so and the registry refuses.
    two.page.goto(f"/judging/{application}/criteria/{WITHOUT_EVIDENCE}")
    check_page(two.page, "judging-criterion-no-evidence")
    if two.page.locator("#f-points").count():
        two.page.fill("#f-points", "2")
        two.page.fill("#f-justification", "Looks fine.")
        two.page.locator("main form button[type=submit]").first.click()
        # Waits for the answer (the refusal re-renders the page) instead of counting at once.
        two.page.wait_for_selector(".error-summary", timeout=15_000)
        assert two.page.locator(".error-summary").count() == 1
    for judge in scorers:
        judge.page.goto(f"/judging/{application}/criteria/1")
        for _ in range(36):
            number = judge.page.url.rsplit("/", 1)[1]
            points = judge.page.locator("#f-points")
            if points.count():
                points.fill(
                    "0" if number == WITHOUT_EVIDENCE else points.get_attribute("max") or "0"
                )
            for box in judge.page.locator("input[name=items]:not([disabled])").all():
                box.check()
            judge.page.fill("#f-justification", f"Verified against the evidence of {number}.")
            judge.page.keyboard.press("Tab")
            judge.page.locator("main form button[type=submit]").first.click()
            judge.page.wait_for_load_state()
            if "#scorecard" in judge.page.url or judge.page.url.endswith(application):
                break
    # Blind: before submitting, judge two sees only their own column.
    two.page.goto(f"/judging/{application}")
    assert two.page.locator("table.score-grid thead th").count() == 3
    check_page(two.page, "judging-scorecard")
    for judge in scorers:
        judge.page.goto(f"/judging/{application}")
        judge.page.locator("#scorecard form button[type=submit]").click()
        judge.page.wait_for_selector("[data-testid=card-state]")
    two.page.goto(f"/judging/{application}")
    assert two.page.locator("table.score-grid thead th").count() == 4

    # -- consensus, leaderboard, publication, withdrawal ----------------------------------
    committee.page.goto(f"/chair/applications/{application}")
    committee.page.get_by_role(
        "button", name="Record the consensus wherever all judges agree"
    ).click()
    committee.page.wait_for_url(re.compile(r"/chair/applications/"))
    committee.page.fill("#f-feedback_ar", "أداء متميز في سلامة المرضى.")
    committee.page.fill("#f-feedback_en", "Outstanding patient safety work.")
    committee.page.get_by_role("button", name="Save the feedback").click()
    check_page(committee.page, "chair-consensus")
    _eventually(committee, f"/chair/editions/{edition}", "Winner")
    check_page(committee.page, "chair-board")
    _move_on(site, edition, "judging", "ceremony")
    office.page.goto(f"/desk/editions/{edition}/publication")
    check_page(office.page, "award-publication-preview")
    office.page.get_by_role("button", name="Publish these results").click()
    office.page.wait_for_url(re.compile(r"/results$"))
    assert "Winner" in office.page.content()
    east.page.goto(f"/apply/{application}")
    _eventually(east, f"/apply/{application}", "أداء متميز في سلامة المرضى.")
    check_page(east.page, "apply-result")
    committee.page.goto(f"/chair/editions/{edition}")
    committee.page.fill("#f-reason", "A breach of the award's conditions was proven.")
    committee.page.get_by_role("button", name="Withdraw the award").click()
    committee.page.wait_for_url(re.compile("#leaderboard$"))
    public.set_language("en")
    public.page.goto(f"/awards/editions/{edition}/results")
    assert "Award withdrawn" in public.page.content()
    in_both_languages(public, f"/awards/editions/{edition}/results", "award-results")
