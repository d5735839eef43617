"""Exports are safe to open: a name that looks like a formula stays text in CSV and XLSX.

Through the real export endpoints over HTTP, read back as a spreadsheet program would
(the CSV module for CSV, openpyxl for XLSX), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from domain.roles import Role
from registry.clock import ManualClock
from registry.exports import neutralise
from tests.api.award_world import World, at
from tests.conftest import Api

HYPERLINK = '=HYPERLINK("http://x","y")'
SUM = " =1+1"


@pytest.fixture
def world(api: Api, clock: ManualClock) -> World:
    return World(api, clock)


def _scored_edition(world: World, clock: ManualClock) -> tuple[str, dict[str, str]]:
    """An edition whose leaderboard holds one hospital named like two formulas, and its
    name as the registry keeps it (it trims the space before ``=1+1``)."""
    edition = world.edition()
    organisation = world.organisation("alpha", display={"en": HYPERLINK, "ar": SUM})
    name = world.call("GET", f"/api/v1/organisations/{organisation}", world.officer()).json()
    assert name["name"]["en"] == HYPERLINK
    clock.set(at(2))
    application = world.applied("alpha")
    clock.set(at(12))
    world.screen(application)
    world.person("judge-one", Role.JUDGE)
    world.assign(application, "judge-one")
    world.declare(application, "judge-one")
    clock.set(at(17))
    world.score_all(application, "judge-one")
    world.consensus(application, ["judge-one"], points_1="3")
    world.api.catch_up()
    return edition, name["name"]


def test_formula_like_names_stay_text_in_the_edition_report_exports(
    world: World, clock: ManualClock
) -> None:
    edition, name = _scored_edition(world, clock)
    url = f"/api/v1/reports/editions/{edition}/export"

    csv_export = world.call("GET", url, world.officer(), params={"format": "csv"})
    assert csv_export.headers["content-type"] == "text/csv; charset=utf-8"
    assert csv_export.headers["content-disposition"].endswith('-leaderboard.csv"')
    rows = list(csv.DictReader(io.StringIO(csv_export.content.decode("utf-8-sig"))))
    assert {r["organisation_en"] for r in rows} == {"'" + HYPERLINK}
    assert {r["organisation_ar"] for r in rows} == {"'" + name["ar"]}

    xlsx = world.call("GET", url, world.officer(), params={"format": "xlsx"})
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    sheet = book["leaderboard"]
    header = [c.value for c in sheet[1]]
    cells = [dict(zip(header, (c for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert cells
    for row in cells:
        for column, typed in (("organisation_en", HYPERLINK), ("organisation_ar", name["ar"])):
            # a text cell, never a formula; its text as typed behind the spreadsheet's mark
            assert row[column].data_type == "s"
            assert row[column].value == "'" + typed
        # figures stay figures
        assert isinstance(row["total"].value, int | float)
        assert row["rank"].value == 1


def test_formula_like_names_stay_text_in_the_register_exports(api: Api) -> None:
    """The membership and licence reports go through the same writer (content type once)."""
    for path in ("/api/v1/reports/membership/export", "/api/v1/reports/licences/export"):
        response = api.client.get(path, params={"format": "csv"}, headers=api.as_(Role.OFFICER))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.content.startswith("\ufeff".encode())


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        (SUM, "'" + SUM),
        ("+966 55 123 4567", "'+966 55 123 4567"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1+1", "'\n=1+1"),
        ("\u00a0=1+1", "'\u00a0=1+1"),
        ("Riyadh\n=cmd|' /C calc'!A0", "'Riyadh\n=cmd|' /C calc'!A0"),
        ("Riyadh", "Riyadh"),
        ("مستشفى الملك فهد", "مستشفى الملك فهد"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_gets_the_text_mark(typed: str, stored: str) -> None:
    assert neutralise(typed) == stored
