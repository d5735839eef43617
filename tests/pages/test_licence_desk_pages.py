"""The desk's licence pages through the HTTP client: the queue, each decision, a refusal's
message, the version conflict, licence types, and who may open them."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from litestar.testing import TestClient

from domain.roles import Role
from registry.clock import ManualClock
from tests.api.test_licences_api import ADMINISTRATIVE, TECHNICAL, application, seed
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in

EN = {"Accept-Language": "en"}
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def apply(api: Api, seq: int, type_code: str = TECHNICAL, **overrides: object) -> str:
    response = api.client.post(
        "/api/v1/licences/applications", json=application(seq, type_code, **overrides)
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def decide(client: TestClient, licence: str, csrf: str, action: str, version: int, **fields: str):  # type: ignore[no-untyped-def]
    return client.post(
        f"/desk/licences/{licence}/decide",
        data={"action": action, "version": str(version), "_csrf_token": csrf, **fields},
        headers=EN,
        follow_redirects=False,
    )


def status_of(html: str) -> str:
    found = re.search(r'data-testid="licence-status">([^<]+)<', html)
    assert found, "the page shows no status"
    return found.group(1)


def version_of(api: Api, licence: str) -> int:
    return api.registry.licences.get(uuid.UUID(licence)).version


def officer_opens(api: Api, seq: int) -> tuple[str, str]:
    """A technical application, and an officer signed in with a page of it open: its id and
    the form's CSRF token."""
    seed(api)
    licence = apply(api, seq)
    sign_in(api.client, api.registry, Role.OFFICER)
    return licence, csrf_of(api.client.get(f"/desk/licences/{licence}", headers=EN).text)


def test_the_queue_lists_applications_awaiting_assessment_with_filters(api: Api) -> None:
    seed(api)
    waiting = apply(api, 1, name_en="Khalid Alharbi")
    other = apply(api, 2, name_en="Sara Alqahtani")
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/licences/{other}", headers=EN)
    decide(api.client, other, csrf_of(page.text), "assess", 1, passed="no", reason="Exam failed")
    api.catch_up()
    queue = api.client.get("/desk/licences", headers=EN)
    assert queue.status_code == 200
    assert "1 licence or application matches" in queue.text  # awaiting assessment only
    assert f'href="/desk/licences/{waiting}">Khalid Alharbi' in queue.text
    assert "Sara Alqahtani" not in queue.text
    every = api.client.get("/desk/licences?status=", headers=EN)
    assert "2 licences and applications match" in every.text
    failed = api.client.get("/desk/licences?status=failed", headers=EN)
    assert "Sara Alqahtani" in failed.text and "Khalid Alharbi" not in failed.text
    admin = api.client.get("/desk/licences?status=&stage=administrative", headers=EN)
    assert "0 licences and applications match" in admin.text
    by_type = api.client.get(f"/desk/licences?status=&type_code={TECHNICAL}&size=50", headers=EN)
    assert "2 licences and applications match" in by_type.text
    landing = api.client.get("/desk", headers=EN)
    assert 'href="/desk/licences?status=applied"' in landing.text
    assert 'href="/desk/licences"' in landing.text  # the navigation


def test_an_officer_assesses_issues_suspends_reinstates_and_revokes(api: Api) -> None:
    seed(api)
    licence = apply(api, 3)
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/licences/{licence}", headers=EN)
    csrf = csrf_of(page.text)
    assert status_of(page.text) == "Applied"
    assert "Result of the technical assessment" in page.text
    assert application(3)["national_id"] not in page.text  # the ID number is masked
    steps = [
        ("assess", {"passed": "yes", "score": "84", "reason": "Passed the written exam"}, "Passed"),
        ("issue", {"reason": "Committee of 1 December"}, "Issued"),
        ("suspend", {"reason": "Complaint under review"}, "Suspended"),
        ("reinstate", {"reason": "Complaint dismissed"}, "Issued"),
        ("revoke", {"reason": "Forged evidence"}, "Revoked"),
    ]
    for action, fields, status in steps:
        response = decide(api.client, licence, csrf, action, version_of(api, licence), **fields)
        assert response.status_code == 303, response.text
        after = api.client.get(response.headers["location"], headers=EN)
        assert "Your decision was recorded." in after.text
        assert status_of(after.text) == status
        assert fields["reason"] in after.text  # the history says why
    assert re.search(r'data-testid="licence-number">T-\d{4}-[0-9A-Z]{8}<', after.text)
    assert "(<bdi>84</bdi>)" in after.text  # the score, in the history
    assert after.text.count('— by <bdi class="ltr">officer-pages</bdi> (Officer)') == 5  # who
    assert 'id="decide"' not in after.text  # a revoked licence offers no more decisions
    assert 'value="erase"' in after.text  # but its holder's data can still be erased


def test_the_holders_data_is_erased_on_request_once_the_box_is_ticked(api: Api) -> None:
    licence, csrf = officer_opens(api, 8)
    name = application(8)["name_en"]
    fields = {"reason": "PDPL request"}
    unticked = decide(api.client, licence, csrf, "erase", version_of(api, licence), **fields)
    assert unticked.status_code == 422
    assert 'id="e-confirm-erase"' in unticked.text
    assert name in unticked.text  # nothing was erased
    erased = decide(
        api.client, licence, csrf, "erase", version_of(api, licence), confirm="yes", **fields
    )
    assert erased.status_code == 303, erased.text
    after = api.client.get(erased.headers["location"], headers=EN)
    assert name not in after.text
    assert "Personal data erased" in after.text and "PDPL request" in after.text
    assert 'value="erase"' not in after.text


def test_renewal_asks_for_the_types_cpd_hours_beside_the_field(
    api: Api, clock: ManualClock
) -> None:
    licence, csrf = officer_opens(api, 4)
    decide(api.client, licence, csrf, "assess", 1, passed="yes", reason="Passed")
    decide(api.client, licence, csrf, "issue", 2, reason="Issued")
    # Too early: the domain's refusal is shown, nothing is recorded.
    early = decide(api.client, licence, csrf, "renew", 3, cpd_hours="40")
    assert early.status_code == 409
    assert "A licence is renewed within 90 days of its expiry (2029-01-15)." in early.text
    clock.advance(timedelta(days=3 * 365 - 30))
    sign_in(api.client, api.registry, Role.OFFICER, "officer-years-later")  # the session ended
    csrf = csrf_of(api.client.get(f"/desk/licences/{licence}", headers=EN).text)
    short = decide(api.client, licence, csrf, "renew", 3, cpd_hours="10")
    assert short.status_code == 422
    assert 'id="e-cpd_hours-renew"' in short.text
    assert "Renewal needs at least 30 hours of continuing professional development." in short.text
    assert 'href="#f-cpd_hours-renew"' in short.text  # the summary links to the field
    typed = decide(api.client, licence, csrf, "renew", 3, cpd_hours="thirty")
    assert 'id="e-cpd_hours-renew"' in typed.text
    assert version_of(api, licence) == 3
    renewed = decide(api.client, licence, csrf, "renew", 3, cpd_hours="35", reason="CPD log")
    assert renewed.status_code == 303
    after = api.client.get(renewed.headers["location"], headers=EN)
    assert "35 CPD hours" in after.text
    assert "15 January 2032" in after.text  # three more years from the end of the running term
    # Past its validity it reads expired at once; the office records the expiry.
    clock.advance(timedelta(days=4 * 365))
    sign_in(api.client, api.registry, Role.OFFICER, "officer-after-expiry")
    lapsed = api.client.get(f"/desk/licences/{licence}", headers=EN)
    assert status_of(lapsed.text) == "Expired"
    assert 'id="action-expire"' in lapsed.text and 'id="action-renew"' in lapsed.text
    csrf = csrf_of(lapsed.text)
    recorded = decide(api.client, licence, csrf, "expire", 4, reason="Daily check")
    assert recorded.status_code == 303
    final = api.client.get(recorded.headers["location"], headers=EN)
    assert 'id="action-expire"' not in final.text
    assert str(api.registry.licences.get(uuid.UUID(licence)).status) == "expired"


def test_a_refused_decision_is_named_beside_its_field_in_arabic(api: Api) -> None:
    seed(api)
    licence = apply(api, 5)
    sign_in(api.client, api.registry, Role.OFFICER)
    ar = {"Accept-Language": "ar"}
    csrf = csrf_of(api.client.get(f"/desk/licences/{licence}", headers=ar).text)
    no_reason = api.client.post(
        f"/desk/licences/{licence}/decide",
        data={"action": "assess", "version": "1", "passed": "yes", "_csrf_token": csrf},
        headers=ar,
    )
    assert no_reason.status_code == 422
    assert 'id="e-reason-assess"' in no_reason.text
    assert 'dir="rtl"' in no_reason.text
    score = api.client.post(
        f"/desk/licences/{licence}/decide",
        data={
            "action": "assess",
            "version": "1",
            "passed": "yes",
            "score": "120",
            "reason": "ok",
            "_csrf_token": csrf,
        },
        headers=ar,
    )
    assert score.status_code == 422
    assert "الدرجة بين 0 و 100." in score.text
    assert 'id="e-score-assess"' in score.text
    unsaid = decide(api.client, licence, csrf, "assess", 1, reason="ok")
    assert unsaid.status_code == 422
    assert "Say whether the applicant passed the assessment." in unsaid.text
    assert version_of(api, licence) == 1


def test_the_second_officer_is_told_someone_else_changed_the_licence(api: Api) -> None:
    licence, csrf = officer_opens(api, 6)
    # Another officer records a failed assessment while this page is open (1 -> 2) ...
    assert (
        decide(api.client, licence, csrf, "assess", 1, passed="no", reason="Failed").status_code
        == 303
    )
    # ... so a pass sent against version 1 changes nothing and shows the fresh state.
    stale = decide(api.client, licence, csrf, "assess", 1, passed="yes", reason="Passed")
    assert stale.status_code == 409
    assert "Someone else changed this licence" in stale.text
    assert status_of(stale.text) == "Failed"
    found = api.registry.licences.get(uuid.UUID(licence))
    assert (str(found.status), found.version) == ("failed", 2)


def test_an_administrative_licence_waits_for_a_valid_technical_one(api: Api) -> None:
    technical, csrf = officer_opens(api, 7)
    decide(api.client, technical, csrf, "assess", 1, passed="yes", reason="Passed")
    decide(api.client, technical, csrf, "issue", 2, reason="Issued")
    administrative = apply(api, 7, ADMINISTRATIVE)
    page = api.client.get(f"/desk/licences/{administrative}", headers=EN)
    assert "Result of the administrative assessment" in page.text
    assert f'href="/desk/licences/{technical}"' in page.text  # the first stage, beside it
    decide(api.client, administrative, csrf, "assess", 1, passed="yes", reason="Passed")
    decide(api.client, technical, csrf, "suspend", 3, reason="Under review")
    refused = decide(api.client, administrative, csrf, "issue", 2, reason="Issue it")
    assert refused.status_code == 409
    assert "An administrative licence requires a valid technical licence." in refused.text
    assert "None valid: an administrative licence cannot be issued without one." in refused.text
    assert status_of(refused.text) == "Passed"


def test_licence_types_are_listed_added_revised_and_retired(api: Api) -> None:
    seed(api)
    sign_in(api.client, api.registry, Role.OFFICER)
    listing = api.client.get("/desk/licences/types", headers=EN)
    assert listing.status_code == 200
    assert "Professional technical licence in the areas of quality" in listing.text
    key = re.search(r'name="key" value="([^"]+)"', listing.text)
    assert key
    form = {
        "_csrf_token": csrf_of(listing.text),
        "key": key.group(1),
        "code": "quality-auditor",
        "stage": "technical",
        "title_ar": "مدقق جودة",
        "title_en": f"Quality auditor {SCRIPT}",
        "validity_years": "2",
        "cpd_hours": "20",
    }
    for wrong, field, message in (
        ({"title_ar": ""}, "title_ar", "Arabic text is required."),
        ({"validity_years": "20"}, "validity_years", "A licence is valid for 1 to 10 years."),
        ({"code": "a b"}, "code", "A licence type code is 2 to 40 capital letters"),
    ):
        bad = api.client.post("/desk/licences/types", data={**form, **wrong}, headers=EN)
        assert bad.status_code == 422
        assert f'id="e-{field}"' in bad.text and message in bad.text
    made = api.client.post("/desk/licences/types", data=form, follow_redirects=False)
    assert made.status_code == 303
    again = api.client.post("/desk/licences/types", data=form, follow_redirects=False)
    assert again.headers["location"] == made.headers["location"]  # added once
    page = api.client.get(made.headers["location"], headers=EN)
    assert "QUALITY-AUDITOR" in page.text
    assert SCRIPT not in page.text and ESCAPED in page.text
    csrf = csrf_of(page.text)
    revise = {"_csrf_token": csrf, "version": "1", "title_ar": "مدقق جودة", "title_en": "Auditor"}
    revised = api.client.post(
        "/desk/licences/types/QUALITY-AUDITOR",
        data={**revise, "validity_years": "4", "cpd_hours": "25"},
        follow_redirects=False,
    )
    assert revised.status_code == 303
    stale = api.client.post(
        "/desk/licences/types/QUALITY-AUDITOR",
        data={**revise, "validity_years": "5", "cpd_hours": "25"},
        headers=EN,
    )
    assert stale.status_code == 409
    assert "Someone else changed this licence type" in stale.text
    assert api.registry.licences.get_type("QUALITY-AUDITOR").validity_years == 4
    retired = api.client.post(
        "/desk/licences/types/QUALITY-AUDITOR/retire",
        data={"_csrf_token": csrf, "version": "2", "reason": "Merged into another type"},
        follow_redirects=False,
    )
    assert retired.status_code == 303
    after = api.client.get(retired.headers["location"], headers=EN)
    assert '<dd data-testid="type-open">No, retired</dd>' in after.text


def test_a_script_in_an_application_shows_escaped(api: Api) -> None:
    seed(api)
    licence = apply(api, 8, qualifications=[SCRIPT], evidence=[SCRIPT])
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/licences/{licence}", headers=EN)
    decide(api.client, licence, csrf_of(page.text), "assess", 1, passed="no", reason=SCRIPT)
    html = api.client.get(f"/desk/licences/{licence}", headers=EN).text
    assert SCRIPT not in html
    assert html.count(ESCAPED) >= 3  # qualification, evidence, reason


def test_judges_and_applicants_get_the_403_page_and_auditors_only_read(api: Api) -> None:
    seed(api)
    licence = apply(api, 9)
    for role in (Role.JUDGE, Role.APPLICANT):
        sign_in(api.client, api.registry, role)
        for path in ("/desk/licences", f"/desk/licences/{licence}", "/desk/licences/types"):
            response = api.client.get(path, headers=EN)
            assert response.status_code == 403, (role, path)
            assert response.headers["content-type"].startswith("text/html")
            assert "You cannot open this page" in response.text
        assert 'href="/desk/licences"' not in api.client.get("/desk", headers=EN).text
    sign_in(api.client, api.registry, Role.AUDITOR)
    page = api.client.get(f"/desk/licences/{licence}", headers=EN)
    assert page.status_code == 200
    assert "/decide" not in page.text
    assert "Add a licence type" not in api.client.get("/desk/licences/types", headers=EN).text
    csrf = csrf_of(page.text)  # the sign-out form's
    refused = decide(api.client, licence, csrf, "assess", 1, passed="yes", reason="x")
    assert refused.status_code == 403
    assert version_of(api, licence) == 1
