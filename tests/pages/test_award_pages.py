"""Public award pages: programmes and editions, criteria with weights, results."""

from __future__ import annotations

import uuid

from registry.catalogue.loader import load_catalogue
from registry.context import RequestContext
from tests.conftest import Api

EN = {"Accept-Language": "en"}


def test_the_awards_page_lists_programmes_editions_and_criteria(api: Api) -> None:
    load_catalogue(api.registry, RequestContext.system())
    api.catch_up()
    page = api.client.get("/awards", headers=EN)
    assert page.status_code == 200
    assert "Open: judging under way" in page.text  # Amyaz 2025
    assert "/awards/criteria/amyaz-hospitals" in page.text
    assert "36 criteria" in page.text
    arabic = api.client.get("/awards")
    assert "36 معياراً" in arabic.text


def test_a_framework_shows_its_domains_weights_and_criteria(api: Api) -> None:
    load_catalogue(api.registry, RequestContext.system())
    api.catch_up()
    page = api.client.get("/awards/criteria/amyaz-polyclinics", headers=EN)
    assert page.status_code == 200
    assert "Domains and their weights" in page.text
    assert page.text.count('<li value="') == 45
    missing = api.client.get("/awards/criteria/no-such-framework", headers=EN)
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")


def test_unpublished_results_are_not_shown(api: Api) -> None:
    load_catalogue(api.registry, RequestContext.system())
    api.catch_up()
    edition = next(e for e in api.registry.editions.list_editions() if e.programme_code == "AMYAZ")
    response = api.client.get(f"/awards/editions/{edition.id}/results", headers=EN)
    assert response.status_code == 404
    assert "not published yet" in response.text
    unknown = api.client.get(f"/awards/editions/{uuid.uuid4()}/results", headers=EN)
    assert unknown.status_code == 404
