"""Third-party front-end files, pinned: which package, version and licence each comes from, and
its SHA-256 (``api/static/vendor/manifest.json``).

``make assets`` (``python -m api.vendor refresh``) fetches the packages named in the manifest
from the npm registry with ``npm pack`` and rewrites the files and digests; ``python -m
api.vendor check`` (and a test) confirms the files on disk are the pinned ones. Nothing is ever
loaded from a CDN: pages only reference these copies.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = Path(__file__).resolve().parent / "static" / "vendor" / "manifest.json"


@dataclass(frozen=True)
class VendoredFile:
    path: str  # where it lives, relative to the repository root
    package: str  # npm package name
    version: str  # exact version
    source: str  # the file's path inside the package tarball
    licence: str  # SPDX id
    sha256: str


def load(manifest: Path = MANIFEST) -> list[VendoredFile]:
    return [VendoredFile(**item) for item in json.loads(manifest.read_text())["files"]]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mismatches(files: list[VendoredFile], root: Path = ROOT) -> list[str]:
    """Every file that is missing or differs from its pinned digest (empty when all match)."""
    wrong = []
    for item in files:
        target = root / item.path
        if not target.is_file():
            wrong.append(f"{item.path}: missing")
        elif digest(target) != item.sha256:
            wrong.append(f"{item.path}: SHA-256 differs from the manifest")
    return wrong


def refresh(manifest: Path = MANIFEST, root: Path = ROOT) -> list[VendoredFile]:
    """Fetches each pinned package once with ``npm pack`` and rewrites its files and digests."""
    files = load(manifest)
    packages = sorted({(f.package, f.version) for f in files})
    updated: list[VendoredFile] = []
    with tempfile.TemporaryDirectory() as tmp:
        tarballs: dict[tuple[str, str], Path] = {}
        for package, version in packages:
            out = subprocess.run(  # noqa: S603 - fixed argv, names from our own manifest
                ["npm", "pack", "--silent", f"{package}@{version}"],  # noqa: S607 - npm on PATH
                cwd=tmp,
                capture_output=True,
                text=True,
                check=True,
            )
            tarballs[(package, version)] = Path(tmp) / out.stdout.strip().splitlines()[-1]
        for item in files:
            with tarfile.open(tarballs[(item.package, item.version)]) as tar:
                member = tar.extractfile(f"package/{item.source}")
                if member is None:
                    msg = f"{item.package}@{item.version} has no {item.source}"
                    raise SystemExit(msg)
                data = member.read()
            target = root / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            sha = hashlib.sha256(data).hexdigest()
            updated.append(VendoredFile(**{**asdict(item), "sha256": sha}))
    manifest.write_text(
        json.dumps({"files": [asdict(f) for f in updated]}, indent=2, ensure_ascii=False) + "\n"
    )
    return updated


def main(argv: list[str]) -> int:
    if argv[:1] == ["refresh"]:
        for item in refresh():
            print(f"{item.package}@{item.version} {item.source} -> {item.path}")
        return 0
    wrong = mismatches(load())
    for line in wrong:
        print(line, file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
