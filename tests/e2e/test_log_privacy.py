"""No personal data in the log, even when enrolment fails with an unhandled error (issue 10 §4).

A real `nqs serve` process on PostgreSQL, its real log output (stderr), and a real fault: a
trigger on the event table makes every insert fail with a database error the API does not
expect, while a person enrols. The log must tell an operator where it failed (types, files,
lines, functions) and nothing of who was enrolling: no ID number, mobile, e-mail or name, in
the JSON format production uses and in the console format alike.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg import sql

from registry.bootstrap import drop_postgres_database, postgres_conninfo
from registry.settings import DatabaseConfig
from tests.conftest import PG_URL, make_settings
from tests.e2e.test_server import free_port, nqs
from tests.people import national_id

PERSON = {
    "national_id": national_id(4242),
    "name_ar": "زهيرة القحطانية",
    "name_en": "Zuhaira Qahtani",
    "mobile": "0559876543",
    "email": "zuhaira.private@example.sa",
    "region": "riyadh",
    "city": "Riyadh",
}


@pytest.fixture
def database(tmp_path: Path) -> Iterator[DatabaseConfig]:
    make_settings("postgres", tmp_path)  # skips (or fails under CI) without PostgreSQL
    url = f"{PG_URL.rsplit('/', 1)[0]}/nqs_test_{uuid.uuid4().hex[:12]}"
    config = DatabaseConfig.from_url(url, data_dir=tmp_path)
    yield config
    drop_postgres_database(config)


def _break_event_inserts(config: DatabaseConfig) -> None:
    with psycopg.connect(postgres_conninfo(config), autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'public' AND table_name LIKE '%events'"
            )
        ]
        assert tables
        conn.execute(
            "CREATE FUNCTION nqs_test_fail() RETURNS trigger LANGUAGE plpgsql"
            " AS $$ BEGIN PERFORM 1 / 0; RETURN NEW; END $$"
        )
        for table in tables:
            conn.execute(
                sql.SQL(
                    "CREATE TRIGGER nqs_test_fail BEFORE INSERT ON {} FOR EACH ROW"
                    " EXECUTE FUNCTION nqs_test_fail()"
                ).format(sql.Identifier(table))
            )


@pytest.mark.parametrize("log_format", ["json", "console"])
def test_an_unhandled_error_while_enrolling_logs_no_personal_data(
    database: DatabaseConfig, tmp_path: Path, log_format: str
) -> None:
    port = free_port()
    url = (
        f"postgresql://{database.user}@{database.host}:{database.port}/{database.dbname}"
        "?pool_size=4"
    )
    env = {
        **os.environ,
        "NQS_DATA_DIR": str(tmp_path / "var"),
        "NQS_DATABASE_URL": url,
        "NQS_PORT": str(port),
        "NQS_LOG_FORMAT": log_format,
        "NQS_SECRET_KEY": "test-secret-key-that-is-long-enough-for-hs256",
    }
    nqs(env, "migrate")
    _break_event_inserts(database)
    log_path = tmp_path / "server.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "registry.cli", "serve"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert process.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
            response = httpx.post(f"{base}/api/v1/ambassadors", json=PERSON, timeout=30)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)
    output = log_path.read_text()
    assert response.status_code == 500, response.text
    assert "unhandled_error" in output
    for value in PERSON.values():
        if value not in ("riyadh", "Riyadh"):
            assert value not in output, f"{value!r} is in the log"
    # ... still useful to an operator: the error's types and where it happened.
    assert "DataError" in output or "DivisionByZero" in output
    assert "group_commit.py" in output or "personal_data.py" in output
    assert "division by zero" not in output  # a message can quote data: messages stay out
    if log_format == "json":
        records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        error = next(r for r in records if r["event"] == "unhandled_error")
        frames = [f for link in error["trace"] for f in link["frames"]]
        assert frames and all(set(f) == {"file", "line", "function"} for f in frames)
