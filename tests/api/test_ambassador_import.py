"""Bulk import of ambassadors through the officer endpoint, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io

from domain.roles import Role
from tests.conftest import Api
from tests.people import national_id

URL = "/api/v1/ambassadors/import"
HEADER = "national_id,name_ar,name_en,mobile,email,region,city,track,sector,employer\n"


def csv_file(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode()


def post(api: Api, body: bytes, query: str = "") -> object:
    return api.client.post(
        URL + query, content=body, headers=api.as_(Role.OFFICER, **{"Content-Type": "text/csv"})
    )


GOOD = [
    f"{national_id(1)},سارة,Sara,0551234567,sara@example.sa,riyadh,Riyadh,general,,",
    f"{national_id(2, citizen=False)},جون,John,0551234568,john@example.sa,Makkah,Jeddah,sectoral,"
    "health,Ministry of Health",
    f"{national_id(3)},علي,,+966551234569,ali@example.sa,eastern province,Dammam,,,",
]
BAD = [
    "1234,منى,Mona,0551234570,mona@example.sa,riyadh,Riyadh,general,,",
    f"{national_id(5)},Noura,Noura,0412345678,noura@example.sa,Gotham,City,general,,",
    f"{national_id(6, citizen=False)},فهد,Fahd,0551234571,fahd@example.sa,riyadh,Riyadh,general,,",
]


def test_good_rows_are_enrolled_and_bad_rows_reported_with_row_field_and_reason(api: Api) -> None:
    # Given a file with three good rows and three bad ones
    response = post(api, csv_file(*GOOD, *BAD))
    # Then the good ones are enrolled and each bad one is reported by row and field
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["rows"], body["enrolled"], body["skipped"], body["refused"]) == (6, 3, 0, 3)
    assert [(e["row"], e["field"]) for e in body["errors"]] == [
        (5, "national_id"),
        (6, "name_ar"),
        (6, "mobile"),
        (6, "region"),
        (7, "national_id"),
    ]
    assert all(e["message_ar"] for e in body["errors"])
    api.catch_up()
    report = api.client.get("/api/v1/reports/membership", headers=api.as_(Role.OFFICER)).json()
    assert report["by_status"] == {"pending": 3}
    assert report["by_track"] == {"general": 2, "sectoral": 1}
    assert set(report["by_region"]) == {"riyadh", "makkah", "eastern_province"}


def test_running_the_same_file_again_duplicates_no_one(api: Api) -> None:
    post(api, csv_file(*GOOD, *BAD))
    again = post(api, csv_file(*GOOD, *BAD, GOOD[0])).json()
    assert (again["enrolled"], again["skipped"], again["refused"]) == (0, 4, 3)
    api.catch_up()
    report = api.client.get("/api/v1/reports/membership", headers=api.as_(Role.OFFICER)).json()
    assert report["total"] == 3
    # Imported events go straight to the recorder, and still into the audit chain.
    verified = api.client.get("/api/v1/audit/verify", headers=api.as_(Role.AUDITOR)).json()
    assert verified["ok"] is True and verified["first_break"] is None


def test_the_error_report_comes_as_csv_when_asked(api: Api) -> None:
    response = post(api, csv_file(*BAD), "?report=csv")
    assert response.status_code == 200
    assert response.headers["x-refused"] == "3"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["row", "field", "message", "message_ar"]
    assert rows[1][:2] == ["2", "national_id"]


def test_a_file_without_the_required_columns_is_refused_whole(api: Api) -> None:
    response = post(api, b"name,phone\nSara,0551234567\n")
    assert response.status_code == 422
    assert response.json()["field"] == "file"
    assert "national_id" in response.json()["detail"]


def test_only_staff_import(api: Api) -> None:
    response = api.client.post(
        URL, content=csv_file(*GOOD), headers=api.as_(Role.AUDITOR, **{"Content-Type": "text/csv"})
    )
    assert response.status_code == 403
