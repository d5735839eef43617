"""Value objects: partial dates, reporting periods, envelopes, idempotency keys, settings."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from domain.dates import PartialDate, ReportingPeriod
from domain.envelope import Envelope
from domain.errors import IdempotencyMismatch, InvalidInput, ReasonRequired
from registry.idempotency import IdempotencyKey
from registry.settings import DatabaseConfig, Settings, SettingsError


@pytest.mark.parametrize(
    ("value", "last"),
    [
        ("2021", date(2021, 12, 31)),
        ("2021-02", date(2021, 2, 28)),
        ("2024-02", date(2024, 2, 29)),
        ("2021-03-15", date(2021, 3, 15)),
    ],
)
def test_a_partial_date_ends_on_the_last_day_it_covers(value: str, last: date) -> None:
    assert PartialDate(value).last_day() == last


@pytest.mark.parametrize("value", ["21-03", "2021-13", "2021-02-30", "March 2021", ""])
def test_malformed_partial_dates_are_refused(value: str) -> None:
    with pytest.raises(InvalidInput):
        PartialDate(value)


def test_reporting_periods_sort_by_when_they_end() -> None:
    periods = [ReportingPeriod(p) for p in ["2021-H2", "2021-Q1", "2021", "2021-05", "2020"]]
    ordered = [p.value for p in sorted(periods, key=ReportingPeriod.sort_key)]
    assert ordered == ["2020", "2021-Q1", "2021-05", "2021", "2021-H2"]


def test_an_unknown_period_shape_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        ReportingPeriod("2021-H3")
    assert refused.value.field == "period"


def test_envelope_round_trips_and_requires_a_reason_for_decisions() -> None:
    envelope = Envelope("u1", "officer", "c1", datetime(2021, 1, 1, tzinfo=UTC), reason="  ")
    assert Envelope.from_dict(envelope.to_dict()) == envelope
    with pytest.raises(ReasonRequired):
        envelope.require_reason()
    assert envelope.with_reason("Because").require_reason() == "Because"


def test_envelope_times_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError, match="timezone"):
        Envelope("u1", "officer", "c1", datetime(2021, 1, 1))


def test_an_idempotency_key_replays_the_same_body_and_refuses_another() -> None:
    first = IdempotencyKey.of("user-1", "key-1", b'{"a":1}')
    assert first.is_replay_of(first.stamp)
    assert not IdempotencyKey.of("user-2", "key-1", b'{"a":1}').is_replay_of(first.stamp)
    with pytest.raises(IdempotencyMismatch):
        IdempotencyKey.of("user-1", "key-1", b'{"a":2}').is_replay_of(first.stamp)


def test_settings_default_to_an_sqlite_file_in_var() -> None:
    settings = Settings.from_env({})
    assert settings.database.kind == "sqlite"
    assert settings.database.path == Path("var/nqs.sqlite3")
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


def test_a_postgres_url_configures_the_event_store() -> None:
    config = DatabaseConfig.from_url(
        "postgresql://nqs:s%40cret@db:5433/registry?pool_size=4", data_dir=Path("var")
    )
    env = config.eventsourcing_env()
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.postgres"
    assert (env["POSTGRES_HOST"], env["POSTGRES_PORT"], env["POSTGRES_DBNAME"]) == (
        "db",
        "5433",
        "registry",
    )
    assert env["POSTGRES_PASSWORD"] == "s@cret"
    assert env["POSTGRES_POOL_SIZE"] == "4"
    assert "s@cret" not in config.describe()


def test_bad_settings_are_reported_by_name() -> None:
    with pytest.raises(SettingsError, match="NQS_PORT"):
        Settings.from_env({"NQS_PORT": "eighty"})
    with pytest.raises(SettingsError, match="NQS_DATABASE_URL"):
        Settings.from_env({"NQS_DATABASE_URL": "mysql://x"})
