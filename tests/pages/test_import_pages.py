"""The desk's CSV import through the HTTP client: the size limit shown before upload, the
import in the background with its progress page, the counts, the refused rows' report, a
re-run that adds no one; refusals beside the file field; who may open it; CSRF."""

from __future__ import annotations

import csv
import io
import os
import re
import time
from collections.abc import Callable

import httpx

from domain.roles import Role
from registry.ambassador_reads import MemberFilters
from registry.import_jobs import STALE_SECONDS, ImportJobs
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in
from tests.people import national_id

EN = {"Accept-Language": "en"}
HEADER = "national_id,name_ar,name_en,mobile,email,region,city,track,sector,employer\n"
GOOD = [
    f"{national_id(71)},سارة,Sara,0551234567,sara@example.sa,riyadh,Riyadh,general,,",
    f"{national_id(72)},علي,,+966551234569,ali@example.sa,eastern province,Dammam,,,",
]
BAD = [
    "1234,منى,Mona,0551234570,mona.secret@example.sa,riyadh,Riyadh,general,,",
    f"{national_id(75)},<script>alert(1)</script>,Noura,0551234578,noura@example.sa,Gotham,City,general,,",
]


def key_of(html: str) -> str:
    match = re.search(r'name="key" value="([^"]+)"', html)
    assert match, "the form has no idempotency key"
    return match.group(1)


def csv_file(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode()


def upload(
    api: Api, content: bytes, key: str | None = None, filename: str = "people.csv"
) -> httpx.Response:
    form = api.client.get("/desk/ambassadors/import", headers=EN)
    fields = {"_csrf_token": csrf_of(form.text)}
    fields["key"] = key or key_of(form.text)
    return api.client.post(
        "/desk/ambassadors/import",
        data=fields,
        files={"file": (filename, content, "text/csv")},
        headers=EN,
        follow_redirects=False,
    )


def finished(api: Api, location: str) -> str:
    """The job's page once the import is no longer running (as a person reloading it)."""
    deadline = time.monotonic() + 60
    while True:
        html = api.client.get(location, headers=EN).text
        if 'data-import-state="running"' not in html or time.monotonic() > deadline:
            return html
        time.sleep(0.1)


def count(html: str, name: str) -> int:
    match = re.search(rf'data-testid="import-{name}"><bdi>(\d+)</bdi>', html)
    assert match, html
    return int(match.group(1))


def test_the_form_shows_the_size_limit_before_upload(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get("/desk/ambassadors/import", headers=EN)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text
    hint = re.sub(r"<[^>]+>", "", page.text.split('id="h-file"')[1].split("</small>")[0])
    assert "At most: 8 MiB (8388608 bytes)" in hint
    listing = api.client.get("/desk/ambassadors", headers=EN)
    assert 'href="/desk/ambassadors/import"' in listing.text


def test_an_import_with_refused_rows_gives_counts_and_a_report(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    response = upload(api, csv_file(*GOOD, *BAD))
    assert response.status_code == 303
    location = response.headers["location"]
    html = finished(api, location)
    assert "The import is done." in html
    assert (count(html, "enrolled"), count(html, "skipped"), count(html, "refused")) == (2, 0, 2)
    # The partial htmx polls is the same box, without the page around it.
    partial = api.client.get(location, headers={**EN, "HX-Request": "true"})
    assert 'id="import-box"' in partial.text and "<html" not in partial.text
    assert "hx-trigger" not in partial.text  # done: the polling stops
    report = api.client.get(f"{location}/refused.csv", headers=EN)
    assert report.status_code == 200
    assert report.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(report.content.decode("utf-8-sig"))))
    assert rows[0] == ["row", "field", "message", "message_ar"]
    assert {(r[0], r[1]) for r in rows[1:]} >= {
        ("4", "national_id"),
        ("5", "name_ar"),
        ("5", "region"),
    }
    # Nothing of what the file said about anyone: row, field and reason only.
    assert "mona.secret@example.sa" not in report.text
    assert national_id(75) not in report.text
    assert "<script>" not in html
    # The uploaded file (personal data) is gone once the import ended.
    assert not list((api.registry.settings.data_dir / "imports").glob("*/upload.csv"))


def test_re_running_the_same_file_adds_no_one(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    first = finished(api, upload(api, csv_file(*GOOD)).headers["location"])
    assert count(first, "enrolled") == 2
    again = finished(api, upload(api, csv_file(*GOOD)).headers["location"])
    assert (count(again, "enrolled"), count(again, "skipped")) == (0, 2)
    assert "Already enrolled" in again
    assert "refused.csv" not in again  # nothing refused, no report to offer


def test_sending_the_form_twice_imports_once(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    form = api.client.get("/desk/ambassadors/import", headers=EN)
    key = key_of(form.text)
    first = upload(api, csv_file(*GOOD), key=key)
    second = upload(api, csv_file(*GOOD), key=key)
    assert first.headers["location"] == second.headers["location"]
    assert count(finished(api, first.headers["location"]), "enrolled") == 2


def test_a_file_without_the_required_columns_is_refused_beside_the_field(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    response = upload(api, b"name,phone\n<script>alert(1)</script>,1\n")
    assert response.status_code == 422
    assert 'id="e-file"' in response.text
    assert "national_id" in response.text
    none = upload(api, b"", filename="")
    assert none.status_code == 422
    assert 'id="e-file"' in none.text


def test_a_file_over_the_limit_is_refused_and_nothing_imported(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    big = csv_file(*GOOD) + b"#" * (api.registry.settings.import_max_bytes + 1)
    response = upload(api, big)
    assert response.status_code == 413
    assert 'id="e-file"' in response.text
    api.catch_up()
    assert api.registry.ambassadors.list_members(MemberFilters(), 1, 0).total == 0


def test_who_may_import(api: Api) -> None:
    sign_in(api.client, api.registry, Role.AUDITOR)
    response = api.client.get("/desk/ambassadors/import", headers=EN)
    assert response.status_code == 403
    assert "You cannot open this page" in response.text


def test_an_upload_without_its_csrf_token_is_refused(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    response = api.client.post(
        "/desk/ambassadors/import",
        files={"file": ("people.csv", csv_file(*GOOD), "text/csv")},
        headers=EN,
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_another_officer_cannot_see_my_import(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    location = upload(api, csv_file(*GOOD)).headers["location"]
    finished(api, location)
    sign_in(api.client, api.registry, Role.ADMIN, username="other-admin")
    assert api.client.get(location, headers=EN).status_code == 404
    assert api.client.get(f"{location}/refused.csv", headers=EN).status_code == 404


def test_while_it_runs_the_page_polls_and_offers_a_refresh_link(api: Api) -> None:
    # The import is held back (started by hand below), so the page shows it running.
    held: list[Callable[[], None]] = []
    api.registry.imports = ImportJobs(
        api.registry.ambassadors, api.registry.settings.data_dir / "imports", start=held.append
    )
    sign_in(api.client, api.registry, Role.OFFICER)
    location = upload(api, csv_file(*GOOD)).headers["location"]
    running = api.client.get(location, headers=EN)
    assert 'data-import-state="running"' in running.text
    assert f'hx-get="{location}" hx-trigger="every 1s"' in running.text
    assert f'<a href="{location}">Refresh</a>' in running.text  # JavaScript off
    assert 'value="0"' in running.text
    assert api.client.get(f"{location}/refused.csv").status_code == 404  # not ready yet
    held.pop()()
    done = api.client.get(location, headers={**EN, "HX-Request": "true"})
    assert 'data-import-state="done"' in done.text
    assert count(done.text, "enrolled") == 2


def test_an_import_whose_server_died_says_so_and_its_upload_is_deleted(api: Api) -> None:
    # Held back and never run: as if the process that ran it had died.
    held: list[Callable[[], None]] = []
    directory = api.registry.settings.data_dir / "imports"
    api.registry.imports = ImportJobs(api.registry.ambassadors, directory, start=held.append)
    sign_in(api.client, api.registry, Role.OFFICER)
    location = upload(api, csv_file(*GOOD)).headers["location"]
    (folder,) = [f for f in directory.iterdir() if f.name in location]
    assert (folder / "upload.csv").exists()
    assert 'data-import-state="running"' in api.client.get(location, headers=EN).text
    long_ago = time.time() - STALE_SECONDS - 5  # no heartbeat since
    os.utime(folder / "state.json", (long_ago, long_ago))
    page = api.client.get(location, headers=EN)
    assert 'data-import-state="failed"' in page.text
    assert "stopped when the server restarted" in page.text
    assert not (folder / "upload.csv").exists()  # the personal data in it is gone
