"""The desk's ambassador pages through the HTTP client: list, member, decisions, conflicts,
bulk, the certificate, and who may open them."""

from __future__ import annotations

import re
import uuid
from typing import Any

from domain.roles import Role
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in
from tests.people import enrolment

EN = {"Accept-Language": "en"}


def enrol(api: Api, seq: int, **overrides: object) -> str:
    response = api.client.post("/api/v1/ambassadors", json=enrolment(seq, **overrides))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def decide(api: Api, member: str, action: str, version: Any, reason: str, csrf: str):  # type: ignore[no-untyped-def]
    return api.client.post(
        f"/desk/ambassadors/{member}/decide",
        data={"action": action, "version": str(version), "reason": reason, "_csrf_token": csrf},
        headers=EN,
        follow_redirects=False,
    )


def test_an_officer_finds_a_pending_member_and_approves_them(api: Api) -> None:
    member = enrol(api, 11, name_en="Noura Saleh")
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    listing = api.client.get("/desk/ambassadors?status=pending", headers=EN)
    assert listing.status_code == 200
    assert "Noura Saleh" in listing.text
    assert "1 member matches" in listing.text
    page = api.client.get(f"/desk/ambassadors/{member}", headers=EN)
    assert "Pending review" in page.text
    assert "1******" not in page.text or "*" in page.text  # the ID number is masked
    assert enrolment(11)["national_id"] not in page.text
    response = decide(api, member, "approve", 1, "Documents checked", csrf_of(page.text))
    assert response.status_code == 303
    after = api.client.get(response.headers["location"], headers=EN)
    assert "Your decision was recorded." in after.text
    assert '<dd data-testid="member-status">Active</dd>' in after.text
    assert "Documents checked" in after.text  # the history says why
    assert '— by <bdi class="ltr">officer-pages</bdi> (Officer)' in after.text  # and who
    assert "Download the certificate (PDF)" in after.text


def test_a_decision_without_a_reason_is_named_beside_the_reason(api: Api) -> None:
    member = enrol(api, 12)
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/ambassadors/{member}", headers=EN)
    response = decide(api, member, "approve", 1, "  ", csrf_of(page.text))
    assert response.status_code == 422
    assert 'id="e-reason-approve"' in response.text
    assert api.registry.ambassadors.get(uuid.UUID(member)).version == 1


def test_the_second_officer_is_told_someone_else_changed_the_member(api: Api) -> None:
    member = enrol(api, 13)
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/ambassadors/{member}", headers=EN)
    csrf = csrf_of(page.text)
    # Another officer rejects while this page is open (version 1 -> 2) ...
    assert decide(api, member, "reject", 1, "Duplicate of another file", csrf).status_code == 303
    # ... so approving against version 1 changes nothing and shows the fresh state.
    stale = decide(api, member, "approve", 1, "Looks fine", csrf)
    assert stale.status_code == 409
    assert "Someone else changed this member" in stale.text
    assert '<dd data-testid="member-status">Rejected</dd>' in stale.text
    membership = api.registry.ambassadors.get(uuid.UUID(member))
    assert str(membership.status) == "rejected"
    assert membership.version == 2


def test_bulk_approval_with_one_reason_gives_each_member_a_result(api: Api) -> None:
    members = [enrol(api, 20 + i) for i in range(3)]
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/ambassadors/{members[0]}", headers=EN)
    csrf = csrf_of(page.text)
    decide(api, members[0], "reject", 1, "Not eligible", csrf)
    response = api.client.post(
        "/desk/ambassadors/bulk",
        data={
            "action": "approve",
            "reason": "Batch of 1 December",
            "ids": members,
            "_csrf_token": csrf,
        },
        headers=EN,
    )
    assert response.status_code == 200
    assert "2 of 3 members: done." in response.text
    assert response.text.count('data-ok="yes"') == 2
    assert response.text.count('data-ok="no"') == 1
    for member in members[1:]:
        assert str(api.registry.ambassadors.get(uuid.UUID(member)).status) == "active"


def test_bulk_without_a_reason_changes_nobody(api: Api) -> None:
    members = [enrol(api, 30 + i) for i in range(2)]
    sign_in(api.client, api.registry, Role.OFFICER)
    csrf = csrf_of(api.client.get("/desk/ambassadors", headers=EN).text)
    response = api.client.post(
        "/desk/ambassadors/bulk",
        data={"action": "approve", "reason": "", "ids": members, "_csrf_token": csrf},
        headers=EN,
    )
    assert response.status_code == 422
    assert all(api.registry.ambassadors.get(uuid.UUID(m)).version == 1 for m in members)


def test_the_certificate_downloads_and_its_qr_link_is_the_public_page(api: Api) -> None:
    member = enrol(api, 40)
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/ambassadors/{member}", headers=EN)
    decide(api, member, "approve", 1, "ok", csrf_of(page.text))
    api.catch_up()
    pdf = api.client.get(f"/desk/ambassadors/{member}/certificate.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    code = api.registry.ambassadors.get(uuid.UUID(member)).verification_code
    assert code
    check = api.client.get(f"/verify/certificates/{code.lower()}", headers=EN)
    assert check.status_code == 200
    assert "This certificate is valid" in check.text
    assert "Mohammed Abdullah" in check.text


def test_a_judge_cannot_open_the_desk_ambassador_pages(api: Api) -> None:
    member = enrol(api, 50)
    sign_in(api.client, api.registry, Role.JUDGE)
    for path in ("/desk/ambassadors", f"/desk/ambassadors/{member}"):
        response = api.client.get(path, headers=EN)
        assert response.status_code == 403
        assert response.headers["content-type"].startswith("text/html")
        assert "You cannot open this page" in response.text


def test_an_auditor_reads_but_is_offered_no_decision(api: Api) -> None:
    member = enrol(api, 51)
    sign_in(api.client, api.registry, Role.AUDITOR)
    page = api.client.get(f"/desk/ambassadors/{member}", headers=EN)
    assert page.status_code == 200
    assert "/decide" not in page.text
    csrf = csrf_of(page.text)  # the sign-out form
    assert decide(api, member, "approve", 1, "no", csrf).status_code == 403


def test_a_script_typed_into_any_field_shows_escaped(api: Api) -> None:
    # Names only take letters (the domain refuses markup there, the enrolment form shows it
    # back escaped); free text — the city, an employer, a reason — is escaped wherever shown.
    script = "<script>alert(1)</script>"
    member = enrol(api, 52, city=script, track="sectoral", sector="health", employer=script)
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/ambassadors/{member}", headers=EN)
    decide(api, member, "approve", 1, script, csrf_of(page.text))
    html = api.client.get(f"/desk/ambassadors/{member}", headers=EN).text
    assert script not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # city, employer, reason


def test_an_unknown_code_says_so_on_the_verification_page(api: Api) -> None:
    response = api.client.get("/verify/certificates/NOSUCHCODE1")
    assert response.status_code == 404
    assert "لا توجد شهادة بهذا الرمز." in response.text
    assert re.search(r'value="NOSUCHCODE1"', response.text)
    form = api.client.get("/verify/certificates?code=ab12", follow_redirects=False)
    assert form.headers["location"] == "/verify/certificates/ab12"


def test_an_officer_erases_a_members_data_on_request_after_ticking_the_box(api: Api) -> None:
    member = enrol(api, 19, name_en="Huda Fahad")
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get(f"/desk/ambassadors/{member}", headers=EN)
    assert "Erase personal data" in page.text
    form = {"action": "erase", "version": "1", "reason": "PDPL request", "_csrf_token": ""}
    form["_csrf_token"] = csrf_of(page.text)
    unticked = api.client.post(
        f"/desk/ambassadors/{member}/decide", data=form, headers=EN, follow_redirects=False
    )
    assert unticked.status_code == 422
    assert 'id="e-confirm-erase"' in unticked.text
    assert "Huda Fahad" in unticked.text  # nothing was erased
    erased = api.client.post(
        f"/desk/ambassadors/{member}/decide",
        data={**form, "confirm": "yes"},
        headers=EN,
        follow_redirects=False,
    )
    assert erased.status_code == 303
    after = api.client.get(erased.headers["location"], headers=EN)
    assert "Huda Fahad" not in after.text
    assert "Personal data erased" in after.text  # the history says so, and why
    assert "PDPL request" in after.text
    assert 'id="f-confirm-erase"' not in after.text  # nothing left to erase
    api.catch_up()
    listing = api.client.get("/desk/ambassadors", headers=EN)
    assert "Huda Fahad" not in listing.text
