"""The throwaway PostgreSQL cluster the crash tests restart (never the shared server)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.chaos.cluster import ThrowawayCluster, postgres_bindir

REQUIRE_PG = os.environ.get("NQS_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def cluster() -> Iterator[ThrowawayCluster]:
    bindir = postgres_bindir()
    missing = None
    if bindir is None:
        missing = "PostgreSQL's initdb/pg_ctl are not installed"
    elif os.geteuid() == 0 and shutil.which("runuser") is None:
        missing = "running as root without runuser (initdb refuses root)"
    if missing is not None or bindir is None:
        if REQUIRE_PG:
            pytest.fail(f"the crash tests need their own PostgreSQL cluster: {missing}")
        pytest.skip(f"no throwaway PostgreSQL cluster: {missing}")
    cluster = ThrowawayCluster(bindir)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()
