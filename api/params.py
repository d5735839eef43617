"""Query parameters every list shares: where a page starts and how long it is.

Each has an upper bound, so a number no database column can hold (e.g.
``?offset=9223372036854775808``) is a 400 naming the parameter, not a 500 from deep in
the database driver.
"""

from __future__ import annotations

from typing import Annotated

from litestar.params import QueryParameter

# Far beyond any list the registry holds (4.2 million households is the ambassadors' aim).
MAX_OFFSET = 10_000_000
# The largest value a PostgreSQL BIGINT (and SQLite's INTEGER) holds: positions and versions.
MAX_POSITION = 2**63 - 1

Offset = Annotated[
    int,
    QueryParameter(ge=0, le=MAX_OFFSET, description="How many items to skip (0 to 10,000,000)."),
]
Limit = Annotated[int, QueryParameter(ge=1, le=200, description="Items per page (1 to 200).")]
Limit500 = Annotated[int, QueryParameter(ge=1, le=500, description="Items per page (1 to 500).")]
Limit1000 = Annotated[
    int, QueryParameter(ge=1, le=1000, description="Items per page (1 to 1,000).")
]
After = Annotated[
    int,
    QueryParameter(
        ge=0, le=MAX_POSITION, description="Only what comes after this position (exclusive)."
    ),
]
