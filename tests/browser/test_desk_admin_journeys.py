"""Journeys at the desk for the pages of users, the CSV import and "all that match" bulk
decisions, in a real browser against the real server (axe + screenshots in both languages)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable

from tests.browser.conftest import Visitor, check_page, in_both_languages
from tests.people import national_id

HEADER = "national_id,name_ar,name_en,mobile,email,region,city,track,sector,employer\n"


def test_an_admin_adds_a_user_and_changes_its_role(visitor: Callable[..., Visitor]) -> None:
    v = visitor(lang="ar")
    v.sign_in("admin")
    in_both_languages(v, "/desk/users", "desk-users")
    v.set_language("ar")
    v.page.goto("/desk/users")
    username = f"new.officer.{uuid.uuid4().hex[:6]}"
    v.page.fill("#f-username", username)
    v.page.select_option("#f-role", "officer")
    v.page.fill("#f-password", "short")
    v.page.get_by_role("button", name="أضف المستخدم").click()
    assert v.page.locator("#e-password").is_visible()
    assert v.page.input_value("#f-password") == ""  # a password is never sent back
    check_page(v.page, "desk-users-refused")
    v.page.fill("#f-password", "a good long password for the officer")
    v.page.get_by_role("button", name="أضف المستخدم").click()
    v.page.wait_for_url("**/desk/users/*")
    assert v.page.locator('[data-testid="user-role"]').inner_text() == "موظف المكتب التنفيذي"
    in_both_languages(v, v.page.url, "desk-user")
    v.set_language("en")
    v.page.goto(v.page.url.split("?")[0])
    v.page.select_option("#f-role", "auditor")
    v.page.fill("#f-reason-role", "Moved to the audit team")
    v.page.get_by_role("button", name="Change the role").last.click()
    v.page.wait_for_url("**?done=role")
    assert v.page.locator('[data-testid="user-role"]').inner_text() == "Auditor"
    assert "Your change was recorded." in v.page.locator("main").inner_text()
    user_id = v.page.url.split("?")[0].rsplit("/", 1)[-1]
    user = v.site.api("GET", f"/api/v1/users/{user_id}").json()
    assert (user["username"], user["role"]) == (username, "auditor")


def test_an_officer_imports_a_csv_watches_it_finish_and_downloads_the_refused_rows(
    visitor: Callable[..., Visitor],
) -> None:
    good = [
        f"{national_id(20_000 + i)},عضو مستورد,,0551234567,imp{i}@example.sa,hail,Hail,general,,"
        for i in range(40)
    ]
    bad = [
        "12345,منى,Mona,0551234570,mona@example.sa,hail,Hail,general,,",
        f"{national_id(20_100)},نورة,Noura,0551234571,noura@example.sa,Gotham,City,general,,",
    ]
    content = (HEADER + "".join(r + "\n" for r in good + bad)).encode()
    v = visitor(lang="ar")
    v.sign_in("officer")
    in_both_languages(v, "/desk/ambassadors/import", "desk-import")
    v.set_language("ar")
    v.page.goto("/desk/ambassadors/import")
    assert "8 MiB" in v.page.locator("#h-file").inner_text()  # the limit, before upload
    v.page.set_input_files(
        "#f-file", files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": content}]
    )
    v.page.get_by_role("button", name="ارفع واستورد").click()
    v.page.wait_for_url("**/desk/ambassadors/import/*")
    assert v.page.locator("#import-progress").count() == 1
    # htmx polls the progress until the import is done; nobody reloads the page.
    v.page.wait_for_selector('[data-import-state="done"]', timeout=60_000)
    assert v.page.locator("#import-progress").get_attribute("value") == "100"
    assert v.page.locator('[data-testid="import-enrolled"]').inner_text() == "40"
    assert v.page.locator('[data-testid="import-refused"]').inner_text() == "2"
    job = v.page.url
    in_both_languages(v, job, "desk-import-done")
    with v.page.expect_download() as download:
        v.page.get_by_role("link", name="Download the refused rows' report (CSV)").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))  # noqa: SIM115
    assert rows[0] == ["row", "field", "message", "message_ar"]
    assert {r[0] for r in rows[1:]} == {"42", "43"}
    assert "mona@example.sa" not in str(rows)
    # The same file again adds no one: all already enrolled.
    v.page.goto("/desk/ambassadors/import")
    v.page.set_input_files(
        "#f-file", files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": content}]
    )
    v.page.get_by_role("button", name="Upload and import").click()
    v.page.wait_for_selector('[data-import-state="done"]', timeout=60_000)
    assert v.page.locator('[data-testid="import-enrolled"]').inner_text() == "0"
    assert v.page.locator('[data-testid="import-skipped"]').inner_text() == "40"


def test_an_officer_approves_all_pending_matching_a_filter_with_one_reason(
    visitor: Callable[..., Visitor],
) -> None:
    v = visitor(lang="ar")
    rows = "".join(
        f"{national_id(21_000 + i)},عضو,,0551234567,n{i}@example.sa,najran,Najran,general,,\n"
        for i in range(150)
    )
    imported = v.site.api(
        "POST",
        "/api/v1/ambassadors/import",
        content=(HEADER + rows).encode(),
        headers={"Content-Type": "text/csv"},
    )
    assert imported.status_code == 200, imported.text
    v.sign_in("officer")
    url = "/desk/ambassadors?status=pending&region=najran"
    for _ in range(50):
        v.page.goto(url)
        if v.page.locator("#f-scope-matching").count():
            break
        v.page.wait_for_timeout(200)
    label = v.page.locator('label[for="f-scope-matching"]').inner_text()
    assert "150" in label
    check_page(v.page, "desk-bulk-matching")
    v.page.check("#f-scope-matching")
    v.page.select_option("#f-action", "approve")
    v.page.fill("#f-reason", "دفعة نجران المعتمدة")
    v.page.get_by_role("button", name="طبّق القرار").click()
    v.page.wait_for_function(
        "document.querySelectorAll('[data-bulk-rows] tr').length === 150", timeout=60_000
    )
    assert v.page.locator('[data-bulk-rows] tr[data-ok="yes"]').count() == 150
    assert v.page.locator("#bulk-progress-bar").get_attribute("value") is not None
    assert v.page.evaluate("document.querySelector('#bulk-progress-bar').value") == 100
    check_page(v.page, "desk-bulk-matching-done", axe=False, full_page=False)
    for _ in range(50):
        left = v.site.api("GET", "/api/v1/ambassadors?status=pending&region=najran&limit=1")
        if left.json()["total"] == 0:
            break
        v.page.wait_for_timeout(200)
    assert left.json()["total"] == 0
