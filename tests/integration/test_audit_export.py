"""The auditor's recipe (docs/audit.md) verifies a real export — and rejects doctored ones."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from domain.text import Text
from registry.audit.export import RECIPE, export_bundle
from registry.bootstrap import Registry
from registry.context import Actor, RequestContext
from registry.settings import Settings

CTX = RequestContext(Actor("officer-1", "officer"), "req-1")
DOC = Path(__file__).parents[2] / "docs" / "audit.md"


def recipe_from_the_docs() -> str:
    match = re.search(r"```bash\n(.*?)```", DOC.read_text(), re.DOTALL)
    assert match, "docs/audit.md has no bash recipe"
    return match.group(1)


def run_recipe(bundle: Path, *saved: Path) -> subprocess.CompletedProcess[str]:
    script = bundle.parent / "recipe-from-docs.sh"
    script.write_text(recipe_from_the_docs())
    return subprocess.run(
        ["bash", str(script), str(bundle), *map(str, saved)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def register(registry: Registry, code: str):  # type: ignore[no-untyped-def]
    initiative = registry.initiatives.register(
        CTX, code=code, title=Text("ع", code), aim=Text("ه", "A"), owner="O"
    )
    registry.initiatives.add_milestone(CTX, initiative.id, 1, title=Text("م", "M"), planned_on=None)
    return initiative


@pytest.fixture
def bundle(registry: Registry, tmp_path: Path) -> Path:
    register(registry, "EARLY")
    registry.checkpoint()  # the anchor: history before it is not in the bundle
    chosen = [register(registry, f"CHOSEN-{n}").id for n in range(2)]
    register(registry, "OTHER")
    out = tmp_path / "bundle"
    manifest = export_bundle(registry, out, chosen, title="test")
    assert manifest.events == 4 and manifest.anchor == 2
    return out


def test_the_recipe_in_the_docs_is_the_one_bundles_carry() -> None:
    assert recipe_from_the_docs() == RECIPE.read_text()


def test_the_recipe_verifies_a_real_export(bundle: Path) -> None:
    done = run_recipe(bundle)
    assert done.returncode == 0, done.stderr
    assert "OK: 4 events verified" in done.stdout
    assert len((bundle / "events.jsonl").read_text().splitlines()) == 4


def test_the_recipe_rejects_an_edited_event(bundle: Path) -> None:
    events = bundle / "events.jsonl"
    events.write_text(events.read_text().replace("officer-1", "officer-2", 1))
    done = run_recipe(bundle)
    assert done.returncode != 0
    assert "differs from what the chain recorded" in done.stderr


def test_the_recipe_rejects_a_rewritten_link(bundle: Path) -> None:
    chain = bundle / "chain.tsv"
    lines = chain.read_text().splitlines()
    ident, rec, digest = lines[1].split("\t")
    lines[1] = "\t".join([ident, rec.replace(rec[0], "f" if rec[0] != "f" else "e", 1), digest])
    chain.write_text("\n".join(lines) + "\n")
    done = run_recipe(bundle)
    assert done.returncode != 0
    assert f"breaks at event {ident}" in done.stderr


def test_the_recipe_rejects_a_checkpoint_signed_by_another_key(
    bundle: Path, tmp_path: Path
) -> None:
    from registry.audit.checkpoints import SigningKey

    other = SigningKey.load_or_create(tmp_path / "other.pem")
    (bundle / "public-key.pem").write_text(other.public_pem())
    done = run_recipe(bundle)
    assert done.returncode != 0
    assert "signature does not verify" in done.stderr


def test_exporting_nothing_is_refused(registry: Registry, tmp_path: Path) -> None:
    from uuid import uuid4

    with pytest.raises(ValueError, match="No stored events"):
        export_bundle(registry, tmp_path / "b", [uuid4()], title="t")
    shutil.rmtree(tmp_path / "b", ignore_errors=True)


def test_the_recipe_checks_the_bundle_against_the_auditors_saved_checkpoints(
    registry: Registry, tmp_path: Path
) -> None:
    from registry.audit.checkpoints import CHECKPOINT_TABLE
    from tests.integration.test_audit_tail import rechain

    for n in range(3):
        register(registry, f"SEALED-{n}")
    registry.checkpoint()
    saved = tmp_path / "my-copy.jsonl"  # the auditor keeps the worker's file
    shutil.copyfile(registry.checkpoint_file(), saved)
    honest = export_bundle(registry, tmp_path / "honest", None, title="all")
    done = run_recipe(tmp_path / "honest", saved)
    assert done.returncode == 0, done.stderr
    assert "saved checkpoints agree with the bundle: 1 checked" in done.stdout
    assert honest.checkpoints

    # A forger rewrites history, re-chains it, drops the checkpoints and seals anew:
    table = "stored_events" if registry.settings.database.kind == "sqlite" else "nqs_events"
    id_col = "rowid" if registry.settings.database.kind == "sqlite" else "notification_id"
    with registry.db.transaction() as cur:
        row = cur.fetchone(f"SELECT state FROM {table} WHERE {id_col} = 3")
        assert row is not None
        forged = bytes(row[0]).replace(b'"officer-1"', b'"officer-2"')
        cur.execute(f"UPDATE {table} SET state = ? WHERE {id_col} = 3", (forged,))
        rechain(cur, registry)
        cur.execute(f"DELETE FROM {CHECKPOINT_TABLE}", ())
    export_bundle(registry, tmp_path / "forged", None, title="all")
    assert run_recipe(tmp_path / "forged").returncode == 0  # consistent on its own …
    done = run_recipe(tmp_path / "forged", saved)  # … but not with the auditor's copy
    assert done.returncode != 0
    assert "does not extend your saved checkpoint" in done.stderr


def test_a_bundle_verifies_checkpoints_signed_before_a_key_change(
    store: Settings, registry: Registry, tmp_path: Path
) -> None:
    from registry.bootstrap import build

    register(registry, "OLD-KEY")
    registry.checkpoint()
    clock = registry.clock
    registry.close()
    rotated = Settings(**{**store.__dict__, "audit_key_file": tmp_path / "new-key.pem"})
    renewed = build(rotated, clock)
    try:
        register(renewed, "NEW-KEY")
        manifest = export_bundle(renewed, tmp_path / "bundle", None, title="all")
        assert len(manifest.checkpoints) == 2
    finally:
        renewed.close()
    done = run_recipe(tmp_path / "bundle")
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "bundle" / "keys").glob("*.pem"))) == 1
