"""An award edition set up through the API, step by step, for the award acceptance tests.

Timeline (from the test clock's start, 2026-01-15 09:00 UTC): announcement −1 d … +1 d,
registration +1 d … +11 d, screening … +16 d, judging … +30 d, ceremony … +40 d.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from api.schemas.awards import FrameworkDoc
from domain.roles import Role
from registry.clock import ManualClock
from tests.awards_support import small_framework
from tests.conftest import START, Api, add_user

PDF = b"%PDF-1.7\n% evidence\n" + b"x" * 200
DAY = timedelta(days=1)
PHASES = {
    "announcement": (-1, 1),
    "registration": (1, 11),
    "screening": (11, 16),
    "judging": (16, 30),
    "ceremony": (30, 40),
}
# Answers that complete every required criterion of the small framework.
ANSWERS: dict[str, dict[str, Any]] = {
    "1": {"text": "Our strategic plan 2024-2026, approved by the board."},
    "2": {"text": "937 complaints", "numerator": "45", "denominator": "50"},
    "3": {"text": "Violations register", "count": 1},
    "4": {
        "text": "Mowaamah",
        "certificate_number": "MW-1",
        "issuer": "MHRSD",
        "expires_on": "2027-01-01",
    },
    "5": {"text": "Survey and project", "items": ["proof", "example"]},
}


def at(day: float) -> Any:
    return START + timedelta(days=day)


class World:
    def __init__(self, api: Api, clock: ManualClock) -> None:
        self.api = api
        self.clock = clock
        self.headers: dict[str, dict[str, str]] = {}
        self.ids: dict[str, str] = {}

    # -- people -------------------------------------------------------------------------

    def person(self, name: str, role: Role) -> dict[str, str]:
        """Headers of a signed-in user (created on first use)."""
        if name not in self.headers:
            user = add_user(self.api.registry, name, role)
            token = self.api.client.app.state.auth.create_token(
                identifier=str(user.id), token_extras={"role": role.value}
            )
            self.headers[name] = {"Authorization": f"Bearer {token}"}
            self.ids[name] = str(user.id)
        return self.headers[name]

    def officer(self, **extra: str) -> dict[str, str]:
        return {**self.api.as_(Role.OFFICER), **extra}

    def chair(self, **extra: str) -> dict[str, str]:
        return {**self.api.as_(Role.COMMITTEE_CHAIR), **extra}

    # -- HTTP ---------------------------------------------------------------------------

    def call(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        expect: int | None = 200,
        version: int | str | None = None,
        **kwargs: Any,
    ) -> Any:
        if version is not None:
            headers = {**headers, "If-Match": f'"{version}"'}
        response = self.api.client.request(method, path, headers=headers, **kwargs)
        if expect is not None:
            assert response.status_code == expect, (method, path, response.text)
        return response

    @staticmethod
    def version(response: Any) -> int:
        return int(response.headers["etag"].strip('"'))

    # -- the edition --------------------------------------------------------------------

    def edition(self, winners: int = 1, minimum: str = "50") -> str:
        """Publishes the framework, creates the programme and an open edition; returns its id."""
        doc = FrameworkDoc.of(small_framework())
        import msgspec

        self.call("POST", "/api/v1/frameworks", self.officer(), 201, json=msgspec.to_builtins(doc))
        self.call(
            "POST",
            "/api/v1/awards",
            self.officer(),
            201,
            json={
                "code": "AMYAZ",
                "name": {"ar": "أميز", "en": "Amyaz"},
                "description": {"ar": "جائزة", "en": "Award"},
                "organiser": {"ar": "صحة الشرقية", "en": "MOH Eastern Region"},
            },
        )
        created = self.call(
            "POST",
            "/api/v1/editions",
            self.officer(),
            201,
            json={
                "programme_code": "AMYAZ",
                "year": 2026,
                "title": {"ar": "أميز 2026", "en": "Amyaz 2026"},
                "minimum_score": minimum,
            },
        )
        edition_id = created.json()["id"]
        url = f"/api/v1/editions/{edition_id}"
        version = self.version(created)
        response = self.call(
            "PUT",
            f"{url}/categories/hospitals",
            self.officer(),
            version=version,
            json={
                "title": {"ar": "المستشفيات", "en": "Hospitals"},
                "organisation_types": ["hospital"],
                "winners": winners,
                "framework_key": "test-framework",
                "framework_version": 1,
                "min_beds": 50,
            },
        )
        for kind, (start, end) in PHASES.items():
            response = self.call(
                "PUT",
                f"{url}/phases/{kind}",
                self.officer(),
                version=self.version(response),
                json={"opens_at": at(start).isoformat(), "closes_at": at(end).isoformat()},
            )
        self.call("POST", f"{url}/open", self.officer(), version=self.version(response))
        self.ids["edition"] = edition_id
        return edition_id

    def organisation(
        self,
        name: str,
        region: str = "eastern_province",
        beds: int = 120,
        accredited: bool = True,
        display: dict[str, str] | None = None,
        kind: str = "hospital",
    ) -> str:
        """Registers a hospital and links a new applicant account (named ``name``) to it;
        ``display`` is the organisation's name if not ``name`` itself."""
        created = self.call(
            "POST",
            "/api/v1/organisations",
            self.officer(),
            201,
            json={
                "licence_number": f"LIC-{name.upper()}",
                "name": display or {"ar": f"مستشفى {name}", "en": name},
                "type": kind,
                "region": region,
                "beds": beds,
                "licence_expires_on": "2027-12-31",
                "operating_since": "2015-03-01",
            },
        )
        organisation_id = created.json()["id"]
        if accredited:
            self.call(
                "POST",
                f"/api/v1/organisations/{organisation_id}/accreditations",
                self.officer(),
                201,
                version=self.version(created),
                json={"name": "CBAHI", "issuer": "CBAHI", "expires_on": "2027-06-30"},
            )
        self.person(name, Role.APPLICANT)
        self.call(
            "POST",
            f"/api/v1/organisations/{organisation_id}/members",
            self.officer(),
            json={"user_id": self.ids[name]},
        )
        self.ids[f"org:{name}"] = organisation_id
        return organisation_id

    def draft(self, applicant: str) -> tuple[str, int]:
        response = self.call(
            "POST",
            "/api/v1/applications",
            self.headers[applicant],
            201,
            json={"edition_id": self.ids["edition"], "category": "hospitals"},
        )
        return response.json()["id"], self.version(response)

    def answer_all(
        self,
        applicant: str,
        application: str,
        version: int,
        evidence_for: tuple[str, ...] = ("1", "2", "3", "4", "5"),
    ) -> int:
        headers = self.headers[applicant]
        for number, body in ANSWERS.items():
            response = self.call(
                "PUT",
                f"/api/v1/applications/{application}/answers/{number}",
                headers,
                version=version,
                json=body,
            )
            version = self.version(response)
        for number in evidence_for:
            response = self.call(
                "POST",
                f"/api/v1/applications/{application}/evidence",
                headers,
                201,
                version=version,
                data={"criterion": number},
                files={"file": (f"proof-{number}.pdf", PDF + number.encode(), "application/pdf")},
            )
            version = self.version(response)
        return version

    def applied(self, applicant: str, **kwargs: Any) -> str:
        """A complete, submitted application (the clock must be in registration)."""
        application, version = self.draft(applicant)
        version = self.answer_all(applicant, application, version, **kwargs)
        self.call(
            "POST",
            f"/api/v1/applications/{application}/submit",
            self.headers[applicant],
            version=version,
        )
        return application

    def screen(self, application: str, eligible: bool = True) -> None:
        current = self.call("GET", f"/api/v1/applications/{application}", self.officer())
        self.call(
            "POST",
            f"/api/v1/applications/{application}/screening",
            self.officer(),
            version=self.version(current),
            json={"eligible": eligible, "reason": "Documents verified against the licence"},
        )

    def assign(self, application: str, judge: str, expect: int = 201) -> Any:
        return self.call(
            "POST",
            f"/api/v1/applications/{application}/judges",
            self.chair(),
            expect,
            json={"judge_id": self.ids[judge]},
        )

    def declare(
        self, application: str, judge: str, conflicted: bool = False, reason: str | None = None
    ) -> Any:
        body: dict[str, Any] = {"conflicted": conflicted}
        if reason:
            body["reason"] = reason
        return self.call(
            "POST",
            f"/api/v1/applications/{application}/declaration",
            self.headers[judge],
            json=body,
        )

    def score(
        self,
        application: str,
        judge: str,
        number: str,
        body: dict[str, Any],
        version: int,
        expect: int = 200,
    ) -> Any:
        return self.call(
            "PUT",
            f"/api/v1/applications/{application}/my-scorecard/scores/{number}",
            self.headers[judge],
            expect,
            version=version,
            json={"justification": f"Seen in the evidence for {number}", **body},
        )

    def score_all(self, application: str, judge: str, points_1: str = "3") -> int:
        card = self.call(
            "GET", f"/api/v1/applications/{application}/my-scorecard", self.headers[judge]
        )
        version = self.version(card)
        bodies = {"1": {"points": points_1}, "2": {}, "3": {}, "4": {}, "5": {"items": ["proof"]}}
        for number, body in bodies.items():
            version = self.version(self.score(application, judge, number, body, version))
        submitted = self.call(
            "POST",
            f"/api/v1/applications/{application}/my-scorecard/submit",
            self.headers[judge],
            version=version,
        )
        return self.version(submitted)

    def consensus(self, application: str, judges: list[str], points_1: str) -> int:
        url = f"/api/v1/applications/{application}/consensus"
        version = 0
        bodies = {"1": {"points": points_1}, "2": {}, "3": {}, "4": {}, "5": {"items": ["proof"]}}
        for number, body in bodies.items():
            response = self.call(
                "PUT",
                f"{url}/scores/{number}",
                self.chair(),
                version=version,
                json={
                    "justification": "Agreed in committee",
                    **body,
                    "sources": [{"judge_id": self.ids[j]} for j in judges],
                },
            )
            version = self.version(response)
        return version
