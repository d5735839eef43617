"""Third-party front-end files, pinned: which package, version and licence each comes from, and
its SHA-256 (``api/static/vendor/manifest.json``).

``make assets`` (``python -m api.vendor refresh``) fetches the packages named in the manifest
from the npm registry with ``npm pack`` and rewrites the files and digests; ``python -m
api.vendor check`` (and a test) confirms the files on disk are the pinned ones. Nothing is ever
loaded from a CDN: pages only reference these copies.

A file with a ``subset`` is a font cut down with fontTools' subsetter to the code points the
pages need (the fonts were most of a first visit's bytes: docs/benchmarks.md, "Pages"). Its
entry keeps the upstream file's digest beside the served file's, and every option the cut
used, so the served bytes can be made again from the pinned package and checked. Each cut
is shaped with HarfBuzz against its upstream file before it is written: a cut that would
join or place any glyph differently is refused. The cut fonts carry a name of their own:
IBM's upstream release of Plex reserves the font name "Plex" (OFL §3), and a subset is a
Modified Version.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = Path(__file__).resolve().parent / "static" / "vendor" / "manifest.json"
ARABIC_CATALOGUE = Path(__file__).resolve().parent / "locale" / "ar" / "LC_MESSAGES" / "messages.po"
# Name records that carry the family's name (family, unique id, full name, PostScript name,
# typographic family and subfamily, variations prefix): renamed in a cut. The copyright (0),
# trademark (7) and licence (13, 14) records are left as they are.
FAMILY_NAME_IDS = {1, 3, 4, 6, 16, 17, 25}
# Words whose shaping a cut must keep exactly: joining across a whole name, lam-alef in all
# its forms, the lam-lam-heh of «الله» inside a name, marks on letters, tatweel.
SHAPING_WORDS = (
    "عبدالله",
    "عبد الله",
    "الله",
    "لا لأ لإ لآ",
    "سلام لاعب الأمل الإمارة",
    "مُعَلِّمٌ مَدْرَسَةً",
    "هـ ـبـ",
)


@dataclass(frozen=True)
class Subset:
    """How a served font is cut from its upstream file."""

    family: str  # the name the cut carries (name table and @font-face)
    unicodes: str  # the code points kept, as CSS writes them: "U+0020-007E, U+00A0-00FF"
    options: dict[str, Any]  # fontTools.subset.Options, by attribute name
    tool: str = ""  # the fontTools and Brotli that wrote it: the served digest depends on them


@dataclass(frozen=True)
class VendoredFile:
    path: str  # where it lives, relative to the repository root
    package: str  # npm package name
    version: str  # exact version
    source: str  # the file's path inside the package tarball
    licence: str  # SPDX id
    sha256: str  # of the file as served
    upstream_sha256: str | None = None  # of the package's file, when the served one is cut from it
    subset: Subset | None = None


def load(manifest: Path = MANIFEST) -> list[VendoredFile]:
    files = []
    for item in json.loads(manifest.read_text())["files"]:
        subset = item.pop("subset", None)
        files.append(VendoredFile(**item, subset=Subset(**subset) if subset else None))
    return files


def save(files: list[VendoredFile], manifest: Path = MANIFEST) -> None:
    entries = [{k: v for k, v in asdict(f).items() if v is not None} for f in files]
    manifest.write_text(json.dumps({"files": entries}, indent=2, ensure_ascii=False) + "\n")


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
        elif item.subset is not None and not item.upstream_sha256:
            wrong.append(f"{item.path}: a cut font without its upstream file's SHA-256")
    return wrong


# -- code points ----------------------------------------------------------------------------


def code_points(spec: str) -> set[int]:
    """``"U+0020-007E, U+00A0"`` (a CSS unicode-range without wildcards) as a set."""
    points: set[int] = set()
    for part in re.split(r"[,\s]+", spec.strip()):
        if not part:
            continue
        found = re.fullmatch(r"U\+([0-9A-Fa-f]{1,6})(?:-([0-9A-Fa-f]{1,6}))?", part)
        if found is None:
            msg = f"not a code point or range: {part!r}"
            raise ValueError(msg)
        first = int(found.group(1), 16)
        points.update(range(first, int(found.group(2) or found.group(1), 16) + 1))
    return points


def unicode_range(points: Iterable[int]) -> str:
    """The shortest CSS unicode-range for a set of code points."""
    runs: list[list[int]] = []
    for point in sorted(set(points)):
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)


# -- cutting and checking fonts -------------------------------------------------------------


def font_code_points(data: bytes) -> set[int]:
    """The code points a font (TTF, OTF, WOFF2) maps to glyphs."""
    from fontTools.ttLib import TTFont

    return set(TTFont(io.BytesIO(data)).getBestCmap())


def cut(data: bytes, subset: Subset) -> bytes:
    """The font cut to ``subset``, as WOFF2: the same bytes every time from the same input
    and tools (the head table's timestamp is not touched)."""
    from fontTools import subset as subsetter
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    wanted = code_points(subset.unicodes)
    missing = wanted - set(font.getBestCmap())
    if missing:
        msg = f"the upstream font has no glyph for {unicode_range(missing)}"
        raise SystemExit(msg)
    options = subsetter.Options(**subset.options)
    cutter = subsetter.Subsetter(options)
    cutter.populate(unicodes=wanted)
    cutter.subset(font)
    rename(font, subset.family)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def rename(font: Any, family: str) -> None:
    """Gives a cut font its own family name in every record that names the family."""
    name = font["name"]
    upstream = str(name.getDebugName(16) or name.getDebugName(1))
    for record in name.names:
        if record.nameID not in FAMILY_NAME_IDS:
            continue
        text = record.toUnicode()
        text = text.replace(upstream, family).replace(
            upstream.replace(" ", ""), family.replace(" ", "")
        )
        record.string = text
    for text in (r.toUnicode() for r in name.names if r.nameID in FAMILY_NAME_IDS):
        if "Plex" in text:
            msg = f"a cut font would still be called {text!r}"
            raise SystemExit(msg)


def sfnt(data: bytes) -> bytes:
    """A WOFF2 file as the plain TrueType font HarfBuzz reads."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    font.flavor = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


class Shaper:
    """HarfBuzz over one font, reporting each glyph by its outline (so two fonts that number
    their glyphs differently compare), with its cluster, advance and offsets."""

    def __init__(self, data: bytes) -> None:
        import uharfbuzz as hb
        from fontTools.ttLib import TTFont

        plain = sfnt(data)
        self._font = hb.Font(hb.Face(plain))
        parsed = TTFont(io.BytesIO(plain))
        self._glyphs = parsed.getGlyphSet()
        self._order = parsed.getGlyphOrder()
        self._outlines: dict[int, str] = {}

    def outline(self, gid: int) -> str:
        from fontTools.pens.recordingPen import DecomposingRecordingPen

        if gid not in self._outlines:
            pen = DecomposingRecordingPen(self._glyphs)
            self._glyphs[self._order[gid]].draw(pen)
            self._outlines[gid] = repr(pen.value)
        return self._outlines[gid]

    def glyph_ids(self, text: str, features: dict[str, bool] | None = None) -> list[int]:
        return [info.codepoint for info, _ in self._shape(text, features)]

    def shape(self, text: str, features: dict[str, bool] | None = None) -> list[tuple[Any, ...]]:
        return [
            (
                info.codepoint == 0,  # .notdef: the font has no glyph for the character
                self.outline(info.codepoint),
                info.cluster,
                position.x_advance,
                position.x_offset,
                position.y_offset,
            )
            for info, position in self._shape(text, features)
        ]

    def _shape(self, text: str, features: dict[str, bool] | None) -> list[tuple[Any, Any]]:
        import uharfbuzz as hb

        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hb.shape(self._font, buffer, features or {})
        return list(zip(buffer.glyph_infos, buffer.glyph_positions, strict=True))


def samples(points: set[int]) -> list[str]:
    """Texts to shape in a cut: every kept character alone and joined to itself (initial,
    medial and final forms), after a beh (marks), the shaping words, and every message the
    pages show in Arabic and English, each split into the runs of characters the cut keeps
    (a browser draws the others from the next font, as a run of its own)."""
    from babel.messages.pofile import read_po

    def runs(text: str) -> list[str]:
        return re.split("[^" + re.escape("".join(map(chr, sorted(points)))) + "]+", text)

    texts = [chr(p) for p in points] + [chr(p) * 3 for p in points]
    if 0x0628 in points:
        texts += [f"ب{chr(p)}ب" for p in points] + [f"ب{chr(p)}" for p in points]
    texts += [run for word in SHAPING_WORDS for run in runs(word)]
    with ARABIC_CATALOGUE.open("rb") as f:
        for message in read_po(f, locale="ar"):
            for part in (message.id, message.string):
                for text in part if isinstance(part, (tuple, list)) else (part,):
                    texts += runs(str(text or ""))
    return sorted({t for t in texts if t})


def shaping_differences(upstream: bytes, served: bytes, points: set[int]) -> list[str]:
    """The sample texts a cut lays out differently from its upstream font (with and without
    tabular figures, which the tables ask for)."""
    before, after = Shaper(upstream), Shaper(served)
    different = []
    for text in samples(points):
        for features in ({}, {"tnum": True}):
            if before.shape(text, features) != after.shape(text, features):
                different.append(f"{text!r} {features or ''}".strip())
    return different


# -- refreshing -----------------------------------------------------------------------------


def refresh(manifest: Path = MANIFEST, root: Path = ROOT) -> list[VendoredFile]:
    """Fetches each pinned package once with ``npm pack`` and rewrites its files and digests
    (cutting the fonts that have a ``subset``)."""
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
            changes: dict[str, Any] = {}
            if item.subset is not None:
                upstream, data = data, cut(data, item.subset)
                different = shaping_differences(upstream, data, code_points(item.subset.unicodes))
                if different:
                    msg = f"{item.path} would shape differently from {item.source}: " + "; ".join(
                        different[:5]
                    )
                    raise SystemExit(msg)
                tool = f"fonttools {installed_version('fonttools')}, brotli {installed_version('brotli')}"
                changes = {
                    "upstream_sha256": hashlib.sha256(upstream).hexdigest(),
                    "subset": Subset(**{**asdict(item.subset), "tool": tool}),
                }
            target = root / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            sha = hashlib.sha256(data).hexdigest()
            updated.append(VendoredFile(**{**asdict(item), "sha256": sha, **changes}))
    save(updated, manifest)
    return updated


def main(argv: list[str]) -> int:
    if argv[:1] == ["refresh"]:
        for item in refresh():
            cut_note = f" (cut to {item.subset.family})" if item.subset else ""
            print(f"{item.package}@{item.version} {item.source} -> {item.path}{cut_note}")
        return 0
    wrong = mismatches(load())
    for line in wrong:
        print(line, file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
