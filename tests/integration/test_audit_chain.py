"""Tamper evidence: every way of changing stored rows behind the registry's back is caught.

The rows are edited directly in SQLite and in PostgreSQL, as an attacker with database
access would; `verify` must name the first broken link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from domain.text import Text
from projections.sql import Cursor
from registry.audit.chain import GENESIS, link
from registry.audit.verify import verify
from registry.bootstrap import Registry
from registry.context import Actor, RequestContext

CTX = RequestContext(Actor("officer-1", "officer"), "req-1")


def history(registry: Registry, count: int = 6) -> None:
    for n in range(count):
        initiative = registry.initiatives.register(
            CTX, code=f"AUDIT-{n}", title=Text("ع", f"T{n}"), aim=Text("ه", "A"), owner="O"
        )
        registry.initiatives.add_milestone(
            CTX, initiative.id, 1, title=Text("م", "M"), planned_on=None
        )


def events_table(registry: Registry) -> tuple[str, str]:
    """(table, notification id column) of the event store."""
    if registry.settings.database.kind == "sqlite":
        return "stored_events", "rowid"
    return "nqs_events", "notification_id"


def check(registry: Registry, window: int = 20_000) -> Any:
    return verify(registry.app, registry.db, registry.signing_key().public, window=window)


def edit_a_field(cur: Cursor, table: str, id_col: str) -> int:
    row = cur.fetchone(f"SELECT state FROM {table} WHERE {id_col} = 5")
    assert row is not None
    # Pretend somebody else took the decision: change who acted.
    state = bytes(row[0]).replace(b'"officer-1"', b'"officer-2"')
    assert state != bytes(row[0])
    cur.execute(f"UPDATE {table} SET state = ? WHERE {id_col} = 5", (state,))
    return 5


def delete_a_row(cur: Cursor, table: str, id_col: str) -> int:
    cur.execute(f"DELETE FROM {table} WHERE {id_col} = 7", ())
    return 7


def swap_two_rows(cur: Cursor, table: str, id_col: str) -> int:
    rows = cur.fetchall(f"SELECT {id_col}, topic, state FROM {table} WHERE {id_col} IN (3, 4)")
    (a, topic_a, state_a), (b, topic_b, state_b) = sorted(rows)
    cur.execute(
        f"UPDATE {table} SET topic = ?, state = ? WHERE {id_col} = ?",
        (topic_b, state_b, a),
    )
    cur.execute(
        f"UPDATE {table} SET topic = ?, state = ? WHERE {id_col} = ?",
        (topic_a, state_a, b),
    )
    return 3


def insert_a_forged_row(cur: Cursor, table: str, id_col: str) -> int:
    row = cur.fetchone(
        f"SELECT originator_id, topic, state, {id_col} FROM {table} ORDER BY {id_col} DESC LIMIT 1"
    )
    assert row is not None
    cur.execute(
        f"INSERT INTO {table} (originator_id, originator_version, topic, state)"
        " VALUES (?, 99, ?, ?)",
        (row[0], row[1], row[2]),
    )
    return int(row[3]) + 1


TAMPERINGS: dict[str, tuple[Callable[[Cursor, str, str], int], str]] = {
    "edit": (edit_a_field, "altered"),
    "delete": (delete_a_row, "missing"),
    "swap": (swap_two_rows, "altered"),
    "insert": (insert_a_forged_row, "unchained"),
}


def test_an_untouched_store_verifies(registry: Registry) -> None:
    history(registry)
    registry.checkpoint()
    # In one window, and in windows of 5 (read ahead while the previous one is hashed).
    for window in (20_000, 5):
        result = check(registry, window)
        assert result.ok, result
        assert result.events == registry.runner.head() == 12
        assert result.checkpoints_ok == 1


@pytest.mark.parametrize("tampering", sorted(TAMPERINGS))
def test_tampering_with_stored_rows_is_caught(registry: Registry, tampering: str) -> None:
    history(registry)
    table, id_col = events_table(registry)
    tamper, kind = TAMPERINGS[tampering]
    with registry.db.transaction() as cur:
        expected_break = tamper(cur, table, id_col)
    for window in (20_000, 2):
        result = check(registry, window)
        assert not result.ok
        assert result.first_break is not None
        assert (result.first_break.notification_id, result.first_break.kind) == (
            expected_break,
            kind,
        )


def test_rewriting_the_whole_chain_is_caught_by_an_earlier_signed_checkpoint(
    registry: Registry,
) -> None:
    history(registry)
    registry.checkpoint()
    table, id_col = events_table(registry)
    with registry.db.transaction() as cur:
        edit_a_field(cur, table, id_col)
        # The forger recomputes every digest so the chain is self-consistent again…
        rows = cur.fetchall(
            f"SELECT {id_col}, originator_id, originator_version, topic, state"
            f" FROM {table} ORDER BY {id_col}"
        )
        previous = GENESIS
        for notification_id, originator, version, topic, state in rows:
            rec, previous = link(previous, _uuid(originator), version, topic, bytes(state))
            cur.execute(
                "UPDATE event_chain SET record_digest = ?, chain_digest = ?"
                " WHERE notification_id = ?",
                (rec, previous, int(notification_id)),
            )
    result = check(registry)
    assert result.first_break is None  # …so the chain alone looks fine,
    assert result.checkpoint_failures  # but it no longer matches what was signed.
    assert "rewritten" in result.checkpoint_failures[0]


def _uuid(value: Any) -> str:
    from uuid import UUID

    return str(value if isinstance(value, UUID) else UUID(str(value)))


def test_writers_in_two_processes_interleave_into_one_valid_chain(
    store: Any, registry: Registry
) -> None:
    """Each process caches the chain head; the other's appends must never fork the chain."""
    import threading

    from registry.bootstrap import build

    other = build(store, registry.clock)
    try:

        def write(reg: Registry, prefix: str) -> None:
            for n in range(15):
                reg.initiatives.register(
                    CTX,
                    code=f"{prefix}-{n}",
                    title=Text("ع", "T"),
                    aim=Text("ه", "A"),
                    owner="O",
                )

        threads = [
            threading.Thread(target=write, args=(reg, prefix))
            for reg, prefix in ((registry, "ONE"), (other, "TWO"), (registry, "THREE"))
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        result = check(registry)
        assert result.ok, result.first_break
        assert result.events == 45
    finally:
        other.close()


def test_the_canonical_record_is_plain_sorted_ascii_json() -> None:
    """Auditors recompute records with standard JSON tools: the shortcut must agree."""
    import json
    from uuid import uuid4

    from registry.audit.chain import canonical_record

    stream = uuid4()
    for state in ['{"a":"ع\\n","b":[1,2]}', '{"quote":"\\"x\\"","tab":"\\t"}', "{}"]:
        expected = json.dumps(
            {"originator_id": str(stream), "state": state, "topic": "m:T", "version": 3},
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=True,
        ).encode()
        assert canonical_record(stream, 3, "m:T", state.encode()) == expected
        assert canonical_record(stream.hex, 3, "m:T", state.encode()) == expected
