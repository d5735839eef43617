"""Third-party front-end files are exactly the pinned ones, and nothing unlisted hides beside them."""

from __future__ import annotations

from pathlib import Path

from api import vendor


def test_every_vendored_file_matches_its_pinned_digest() -> None:
    assert vendor.mismatches(vendor.load()) == []


def test_the_manifest_lists_every_file_in_the_vendor_folders() -> None:
    listed = {item.path for item in vendor.load()}
    folders = [
        vendor.ROOT / "api" / "static" / "vendor",
        vendor.ROOT / "tests" / "browser" / "vendor",
    ]
    on_disk = {
        str(p.relative_to(vendor.ROOT))
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    }
    assert on_disk == listed


def test_htmx_is_the_2_0_line_and_every_file_names_a_licence() -> None:
    files = vendor.load()
    assert all(item.licence and item.version for item in files)
    htmx = next(item for item in files if item.package == "htmx.org")
    # htmx 4 renames the request headers Litestar's HTMX support reads.
    assert htmx.version.startswith("2.0.")


def test_a_changed_file_is_reported(tmp_path: Path) -> None:
    item = vendor.load()[0]
    copy = tmp_path / item.path
    copy.parent.mkdir(parents=True)
    copy.write_bytes((vendor.ROOT / item.path).read_bytes() + b" ")
    assert vendor.mismatches([item], root=tmp_path) == [
        f"{item.path}: SHA-256 differs from the manifest"
    ]
