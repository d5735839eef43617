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

CTX = RequestContext(Actor("officer-1", "officer"), "req-1")
DOC = Path(__file__).parents[2] / "docs" / "audit.md"


def recipe_from_the_docs() -> str:
    match = re.search(r"```bash\n(.*?)```", DOC.read_text(), re.DOTALL)
    assert match, "docs/audit.md has no bash recipe"
    return match.group(1)


def run_recipe(bundle: Path) -> subprocess.CompletedProcess[str]:
    script = bundle.parent / "recipe-from-docs.sh"
    script.write_text(recipe_from_the_docs())
    return subprocess.run(
        ["bash", str(script), str(bundle)], capture_output=True, text=True, timeout=120, check=False
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
