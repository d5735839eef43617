"""The edition report page over HTTP: funnel, leaderboard with the minimum score line, the
judges' workload and where they disagree, each chart beside its table, the CSV and XLSX
downloads, names escaped, and who may open it."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl

from domain.roles import Role
from registry.clock import ManualClock
from tests.api.award_world import World, at
from tests.conftest import Api
from tests.pages.test_award_pages import person

SCRIPT = "<script>alert(1)</script>"


def scored_edition(world: World, clock: ManualClock) -> str:
    """One hospital (named like a script) scored by two judges who disagree on criterion 1,
    and the committee's consensus."""
    edition = world.edition()
    world.organisation("alpha", display={"en": SCRIPT, "ar": SCRIPT})
    clock.set(at(2))
    application = world.applied("alpha")
    clock.set(at(12))
    world.screen(application)
    for judge in ("judge-one", "judge-two"):
        world.person(judge, Role.JUDGE)
        world.assign(application, judge)
        world.declare(application, judge)
    clock.set(at(17))
    world.score_all(application, "judge-one", points_1="1")
    world.score_all(application, "judge-two", points_1="4")
    world.consensus(application, ["judge-one", "judge-two"], points_1="3")
    world.api.catch_up()
    return edition


def test_the_report_shows_each_section_with_its_chart_and_table(
    api: Api, clock: ManualClock
) -> None:
    world = World(api, clock)
    edition = scored_edition(world, clock)
    officer = person(api, world, "office", Role.OFFICER)
    setup = officer.get(f"/desk/editions/{edition}").text
    assert f'href="/desk/editions/{edition}/report"' in setup  # from the edition's page
    page = officer.get(f"/desk/editions/{edition}/report")
    assert page.status_code == 200, page.text
    html = page.text
    for section in ("funnel", "leaderboard", "workload", "spread"):
        assert f'<h2 id="{section}">' in html, section
    assert html.count('class="chart"') == 2  # funnel and workload, each beside its table
    assert "Found eligible" in html and "Consensus complete" in html
    assert "judge-one" in html and "judge-two" in html
    assert "minimum score 50" in html
    assert SCRIPT not in html and "&lt;script&gt;" in html
    # Criterion 1 was scored 1 and 4: a spread of 3 points, the first row.
    spread = html[html.index('id="spread"') :]
    first_row = spread[spread.index("<tbody>") :].split("</tr>")[0]
    assert '<bdi class="ltr" dir="ltr">1</bdi>' in first_row and ">3" in first_row

    arabic = person(api, world, "office-ar", Role.OFFICER, lang="ar")
    shown = arabic.get(f"/desk/editions/{edition}/report").text
    assert "مسار الطلبات" in shown and 'dir="rtl"' in shown


def test_the_report_downloads_as_csv_and_xlsx(api: Api, clock: ManualClock) -> None:
    world = World(api, clock)
    edition = scored_edition(world, clock)
    officer = person(api, world, "office", Role.OFFICER)
    base = f"/desk/editions/{edition}/report/export"

    funnel = officer.get(base, params={"format": "csv", "section": "funnel"})
    assert funnel.status_code == 200
    assert funnel.headers["content-type"].startswith("text/csv")
    rows = {
        r["stage"]: r["applications"]
        for r in csv.DictReader(io.StringIO(funnel.content.decode("utf-8-sig")))
    }
    assert rows == {
        "drafted": "1",
        "submitted": "1",
        "eligible": "1",
        "scored": "1",
        "winners": "0",
    }

    spread = officer.get(base, params={"format": "csv", "section": "spread"})
    first = next(csv.DictReader(io.StringIO(spread.content.decode("utf-8-sig"))))
    assert first["criterion"] == "1" and first["max_spread"] in {"3", "3.00", "3.0"}

    xlsx = officer.get(base, params={"format": "xlsx"})
    assert xlsx.status_code == 200
    assert "attachment" in xlsx.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert set(book.sheetnames) == {"funnel", "leaderboard", "workload", "spread"}
    workload = [[c.value for c in row] for row in book["workload"].iter_rows(min_row=2)]
    assert {row[1] for row in workload} == {"judge-one", "judge-two"}
    board = [[c.value for c in row] for row in book["leaderboard"].iter_rows(min_row=2)]
    assert board and all(row[3] == SCRIPT for row in board)  # text, as typed


def test_judges_and_applicants_may_not_open_the_report(api: Api, clock: Any) -> None:
    world = World(api, clock)
    edition = world.edition()
    for name, role in (("judge-x", Role.JUDGE), ("applicant-x", Role.APPLICANT)):
        someone = person(api, world, name, role)
        assert someone.get(f"/desk/editions/{edition}/report").status_code == 403
        assert someone.get(f"/desk/editions/{edition}/report/export").status_code == 403
    chair = person(api, world, "chair", Role.COMMITTEE_CHAIR)
    assert chair.get(f"/desk/editions/{edition}/report").status_code == 200
