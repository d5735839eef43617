"""The JSON log lines (registry/logging.py): one parseable object per line, personal data
redacted, what JSON cannot hold written as its repr, tracebacks without messages."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from uuid import uuid4

import pytest
import structlog

from registry.logging import configure_logging


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    saved = structlog.get_config()
    configure_logging("json", "INFO")
    out = io.StringIO()
    structlog.configure(logger_factory=structlog.PrintLoggerFactory(file=out))
    yield out
    structlog.configure(**saved)


def test_a_log_line_is_one_json_object_without_personal_data(
    json_lines: io.StringIO,
) -> None:
    request = uuid4()
    log = structlog.get_logger("nqs.test")
    log.info("request", request=request, national_id="1012345678", error=ValueError("x"))
    try:
        raise RuntimeError("Ahmad 0501234567")
    except RuntimeError:
        log.exception("failed")

    first, second = (json.loads(line) for line in json_lines.getvalue().splitlines())
    assert first["event"] == "request" and first["level"] == "info"
    assert first["request"] == str(request)
    assert first["national_id"] == "[redacted]"
    assert first["error"] == "ValueError('x')"
    assert second["trace"][0]["type"] == "RuntimeError"
    assert "0501234567" not in json.dumps(second)
