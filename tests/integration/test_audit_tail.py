"""The chain's tail and its checkpoints cannot be cut without a trace (issue 10 §5).

Each tampering is done as an attacker with database access would, directly in SQLite and
PostgreSQL; none of them may leave `verify` saying "intact" any more. The auditor's weapon
is their own saved copy of the checkpoints (the worker's file, or what the public
`/api/v1/audit/checkpoints` gave them): the store must still hold and extend each one.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from click.testing import CliRunner

from domain.text import Text
from projections.sql import Cursor
from registry.audit.chain import GENESIS, link
from registry.audit.checkpoints import (
    CHECKPOINT_TABLE,
    Checkpoint,
    chain_head,
    list_checkpoints,
    load_checkpoints,
)
from registry.audit.verify import Unsealed, Verification, verify
from registry.bootstrap import Registry, build
from registry.clock import ManualClock
from registry.settings import Settings
from tests.integration.test_audit_chain import (
    CTX,
    _uuid,
    edit_a_field,
    events_table,
    history,
)


def check(registry: Registry, saved: list[Checkpoint] | None = None) -> Verification:
    return verify(
        registry.app,
        registry.db,
        registry.signing_key().public,
        keys=registry.public_keys(),
        saved=saved or [],
        now=registry.clock.now(),
        interval=timedelta(seconds=registry.settings.audit_checkpoint_seconds),
    )


def sealed_history(registry: Registry) -> list[Checkpoint]:
    """Events 1–12 sealed by a checkpoint the auditor saved, then 13–16 not yet sealed."""
    history(registry, 6)
    registry.checkpoint()
    saved = list_checkpoints(registry.db)
    history_more(registry, 2)
    return saved


def history_more(registry: Registry, count: int) -> None:
    """Two more events per ``count``: an initiative and its first milestone."""
    for n in range(count):
        initiative = registry.initiatives.register(
            CTX, code=f"LATER-{n}", title=Text("ع", f"L{n}"), aim=Text("ه", "A"), owner="O"
        )
        registry.initiatives.add_milestone(
            CTX, initiative.id, 1, title=Text("م", "M"), planned_on=None
        )


def delete_events(cur: Cursor, registry: Registry, first: int) -> None:
    table, id_col = events_table(registry)
    cur.execute(f"DELETE FROM {table} WHERE {id_col} >= ?", (first,))
    cur.execute("DELETE FROM event_chain WHERE notification_id >= ?", (first,))


def rechain(cur: Cursor, registry: Registry) -> None:
    """Recomputes every link of the stored events, as a forger covering their tracks."""
    table, id_col = events_table(registry)
    rows = cur.fetchall(
        f"SELECT {id_col}, originator_id, originator_version, topic, state"
        f" FROM {table} ORDER BY {id_col}"
    )
    previous = GENESIS
    for notification_id, originator, version, topic, state in rows:
        rec, previous = link(previous, _uuid(originator), version, topic, bytes(state))
        cur.execute(
            "UPDATE event_chain SET record_digest = ?, chain_digest = ? WHERE notification_id = ?",
            (rec, previous, int(notification_id)),
        )


def head(registry: Registry) -> int:
    found = chain_head(registry.db)
    assert found is not None
    return found[0]


def test_an_untouched_sealed_store_is_intact_against_the_saved_copy(registry: Registry) -> None:
    saved = sealed_history(registry)
    registry.checkpoint()
    result = check(registry, load_checkpoints(registry.checkpoint_file()))
    assert result.intact, result
    assert result.saved_checked == 2 and result.checkpoints_ok == 2
    assert check(registry, saved).intact


def test_events_after_the_latest_checkpoint_are_listed_as_not_yet_sealed(
    registry: Registry, clock: ManualClock
) -> None:
    sealed_history(registry)
    result = check(registry)
    assert result.ok and not result.intact
    assert result.latest_checkpoint == 12
    assert result.unsealed == Unsealed(13, head(registry), 4)
    assert result.sealing_overdue is None  # the worker's interval has not passed yet
    clock.advance(timedelta(seconds=2 * registry.settings.audit_checkpoint_seconds + 1))
    overdue = check(registry)
    assert overdue.sealing_overdue is not None and "overdue" in overdue.sealing_overdue


def test_1_deleting_the_last_events_after_the_latest_checkpoint(registry: Registry) -> None:
    saved = sealed_history(registry)
    with registry.db.transaction() as cur:
        delete_events(cur, registry, 15)
    result = check(registry, saved)
    assert not result.intact  # never "intact": what is left of the tail is named unsealed
    assert result.unsealed == Unsealed(13, 14, 2)


def test_2_appending_a_forged_event_with_a_correctly_computed_link(registry: Registry) -> None:
    saved = sealed_history(registry)
    table, id_col = events_table(registry)
    with registry.db.transaction() as cur:
        row = cur.fetchone(
            f"SELECT originator_id, topic, state FROM {table} ORDER BY {id_col} DESC LIMIT 1"
        )
        last = cur.fetchone("SELECT MAX(notification_id), MAX(chain_digest) FROM event_chain")
        assert row is not None and last is not None
        top = cur.fetchone(
            "SELECT chain_digest FROM event_chain WHERE notification_id = ?", (last[0],)
        )
        assert top is not None
        cur.execute(
            f"INSERT INTO {table} (originator_id, originator_version, topic, state)"
            " VALUES (?, 99, ?, ?)",
            (row[0], row[1], row[2]),
        )
        forged = cur.fetchone(f"SELECT MAX({id_col}) FROM {table}")
        assert forged is not None
        rec, digest = link(top[0], _uuid(row[0]), 99, row[1], bytes(row[2]))
        cur.execute(
            "INSERT INTO event_chain (notification_id, record_digest, chain_digest)"
            " VALUES (?, ?, ?)",
            (int(forged[0]), rec, digest),
        )
    result = check(registry, saved)
    assert result.first_break is None  # the link is right …
    assert not result.intact  # … but the forged event is named as not sealed
    assert result.unsealed is not None and result.unsealed.last == int(forged[0])
    assert result.unsealed.count == 5


def test_3_editing_after_the_latest_checkpoint_and_rechaining(registry: Registry) -> None:
    saved = sealed_history(registry)
    table, id_col = events_table(registry)
    with registry.db.transaction() as cur:
        state = cur.fetchone(f"SELECT state FROM {table} WHERE {id_col} = 14")
        assert state is not None
        cur.execute(
            f"UPDATE {table} SET state = ? WHERE {id_col} = 14",
            (bytes(state[0]).replace(b'"officer-1"', b'"officer-2"'),),
        )
        rechain(cur, registry)
    result = check(registry, saved)
    assert result.ok and not result.intact
    assert result.unsealed == Unsealed(13, head(registry), 4)


def test_4_rechaining_everything_and_deleting_the_checkpoints(registry: Registry) -> None:
    saved = sealed_history(registry)
    table, id_col = events_table(registry)
    with registry.db.transaction() as cur:
        edit_a_field(cur, table, id_col)
        rechain(cur, registry)
        cur.execute(f"DELETE FROM {CHECKPOINT_TABLE}", ())
    alone = check(registry)
    assert not alone.intact and alone.unsealed == Unsealed(1, head(registry), 16)
    against_copy = check(registry, saved)
    assert not against_copy.ok
    failures = " ".join(against_copy.checkpoint_failures)
    assert "checkpoint table shrank" in failures
    assert "does not extend the saved checkpoint at 12" in failures


def test_5_a_checkpoint_table_that_shrank(registry: Registry) -> None:
    sealed_history(registry)
    registry.checkpoint()  # now 12 and 16 are sealed; the auditor saves both
    saved = load_checkpoints(registry.checkpoint_file())
    assert [c.position for c in saved] == [12, head(registry)]
    with registry.db.transaction() as cur:
        delete_events(cur, registry, 15)
        cur.execute(f"DELETE FROM {CHECKPOINT_TABLE} WHERE position > 12", ())
    assert not check(registry).intact  # 13–14 unsealed, even without the copy
    result = check(registry, saved)
    assert not result.ok
    failures = " ".join(result.checkpoint_failures)
    assert f"saved checkpoint at {saved[-1].position} is missing from the store" in failures
    assert "beyond the stored chain" in failures


def test_6_a_chain_that_does_not_extend_a_saved_checkpoint(registry: Registry) -> None:
    saved = sealed_history(registry)
    with registry.db.transaction() as cur:
        # Cut below the saved checkpoint, drop what sealed it, and seal the rest anew.
        delete_events(cur, registry, 10)
        cur.execute(f"DELETE FROM {CHECKPOINT_TABLE}", ())
    registry.checkpoint()
    assert check(registry).intact  # the store alone looks perfect …
    result = check(registry, saved)  # … the auditor's copy does not agree
    assert not result.ok
    assert any("beyond the stored chain" in f for f in result.checkpoint_failures)


def test_7_older_checkpoints_still_verify_after_a_key_change(
    store: Settings, registry: Registry, clock: ManualClock
) -> None:
    saved = sealed_history(registry)
    old_key = registry.signing_key().key_id
    registry.close()
    rotated = Settings(**{**store.__dict__, "audit_key_file": store.data_dir / "new-key.pem"})
    renewed = build(rotated, clock)
    try:
        assert renewed.signing_key().key_id != old_key
        renewed.checkpoint()
        result = check(renewed, saved)
        assert result.intact, result.checkpoint_failures
        assert result.checkpoints_ok == 2 and result.saved_checked == 1
        assert set(renewed.public_keys()) == {old_key, renewed.signing_key().key_id}
    finally:
        renewed.close()


def test_the_worker_appends_every_checkpoint_to_the_data_directory(registry: Registry) -> None:
    history(registry, 2)
    tick = registry.housekeeping()
    tick()  # the worker's idle tick signs the head
    history_more(registry, 1)
    registry.checkpoint()
    lines = registry.checkpoint_file().read_text().splitlines()
    assert [json.loads(line)["position"] for line in lines] == [
        c.position for c in list_checkpoints(registry.db)
    ]
    assert load_checkpoints(registry.checkpoint_file()) == list_checkpoints(registry.db)


def test_nqs_audit_verify_checks_the_store_against_a_saved_copy(
    store: Settings, registry: Registry, tmp_path: Any
) -> None:
    from registry.cli import main

    saved = sealed_history(registry)
    copy = tmp_path / "my-checkpoints.json"
    copy.write_text(
        json.dumps({"items": [c.__dict__ for c in saved]})  # as the API gave them
    )
    env = {
        "NQS_DATA_DIR": str(store.data_dir),
        "NQS_DATABASE_URL": _url(store),
        "NQS_SECRET_KEY": "test-secret-key-that-is-long-enough-for-hs256",
    }
    runner = CliRunner()
    unsealed = runner.invoke(main, ["audit", "verify", "--checkpoints", str(copy)], env=env)
    assert unsealed.exit_code == 2, unsealed.output
    assert "NOT SEALED: events 13–16 (4 events)" in unsealed.output
    registry.checkpoint()
    intact = runner.invoke(main, ["audit", "verify", "--checkpoints", str(copy)], env=env)
    assert intact.exit_code == 0, intact.output
    assert "The chain is intact." in intact.output
    with registry.db.transaction() as cur:
        cur.execute(f"DELETE FROM {CHECKPOINT_TABLE}", ())
    shrunk = runner.invoke(main, ["audit", "verify", "--checkpoints", str(copy)], env=env)
    assert shrunk.exit_code == 1, shrunk.output
    assert "the checkpoint table shrank" in shrunk.output


def _url(store: Settings) -> str:
    db = store.database
    if db.kind == "sqlite":
        return f"sqlite:///{db.path}"
    return f"postgresql://{db.user}@{db.host}:{db.port}/{db.dbname}"
