"""Benchmarks of the web pages (issues 11 and 13), against real ``nqs serve`` processes.

    python -m tests.bench.pages [--members N] [--duration S] [--database NAME]
                                [--only bytes enrol_page form desk lighthouse]

* ``bytes``: the public enrolment page's first load in Chromium (Arabic, a 360 px phone,
  an empty cache): every response's transferred size (headers and encoded body), with
  each file's size uncompressed and as gzip beside it (target: ≤ 80 KB in all);
* ``enrol_page``: ``GET /ambassadors/enrol`` under ``wrk`` (32 connections, as a browser
  asks: ``Accept-Encoding: gzip, br``, no cookie, so each one is a first visit), p99
  (target ≤ 20 ms), beside a static file (``/static/css/site.css``) under the same load;
* ``form``: enrolments through the form (``enrol.lua`` with a CSRF cookie and token: a
  fresh idempotency key per submission) against the JSON enrolment (``enrol.lua``) on
  the same server, in alternating rounds (JSON, form, form, JSON); every success is
  checked against the events stored (target: form ≥ 0.8 of JSON);
* ``desk``: a store of N ambassadors (``membership.seed_members``: the membership
  report's seeding), the catalogue (nine initiatives, award programmes and editions) and
  the awards benchmark's edition (``awards.setup_for_scoring``), then, signed in as an
  officer on the sign-in page, the desk's ambassador list filtered (status and region,
  track and sector; first pages; page 200 reached by following the pages' "next" links,
  every page on the way timed too, and then page 200 itself asked again and again; page
  200 by the old ``?p=200`` offset beside it) and the executive dashboard, one request at
  a time (the server's time plus a loopback round trip), p99 (targets ≤ 50 ms and
  ≤ 100 ms);
* ``lighthouse``: ``npx lighthouse@12.2.3`` (its default mobile preset: a phone screen,
  slow 4G and 4× CPU slowdown, simulated; Debian's Chromium) on home, enrolment and
  verification; reports saved in ``var/lighthouse/``. Not in ``make bench`` unless named
  (``--only``): it downloads Lighthouse from the npm registry into npx's cache.

``--database NAME`` keeps the seeded store in that database (made and seeded when it does
not exist, reused when it does) so the desk figures can be measured again without
filling 5,000,000 members anew; drop it when done.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from tests.bench import membership
from tests.bench.common import Row
from tests.bench.membership import HERE, NQS, PG_URL, REGIONS, ROOT, SECTORS

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = "lighthouse@12.2.3"
BROWSER_ACCEPT = "gzip, deflate, br"
OFFICER, OFFICER_PASSWORD = membership.BENCH_USER, membership.BENCH_PASSWORD
FIGURES = ("bytes", "enrol_page", "form", "desk", "lighthouse")
TOKEN = re.compile(r'name="_csrf_token" value="([^"]+)"')
NEXT = re.compile(r'<a href="([^"]+)" rel="next">')
DEEP_PAGE = 200


def options(args: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tests.bench.pages",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--members", type=int, default=5_000_000)
    parser.add_argument("--applications", type=int, default=200, help="the awards edition")
    parser.add_argument("--duration", type=int, default=20, help="seconds of each load")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--requests", type=int, default=300, help="of each desk page")
    parser.add_argument("--database", help="keep (or reuse) the seeded store in this database")
    parser.add_argument(
        "--seed-processes", type=int, default=2, help="processes filling the store (one a core)"
    )
    parser.add_argument(
        "--only", nargs="*", choices=FIGURES, default=[f for f in FIGURES if f != "lighthouse"]
    )
    return parser.parse_args(args)


# -- servers and load ---------------------------------------------------------------------


@contextlib.contextmanager
def public_server(workers: int) -> Iterator[tuple[str, str]]:
    """A fresh, migrated database and ``nqs serve`` on it: (base URL, database name)."""
    with membership.fresh_database("nqs_bench_pages") as db, tempfile.TemporaryDirectory() as tmp:
        env = membership.nqs_env(db, Path(tmp))
        subprocess.run([NQS, "migrate"], env=env, check=True, capture_output=True, cwd=ROOT)
        with membership.server(env, workers) as base:
            yield base, db


def wrk(
    base: str, path: str, seconds: int, connections: int, script: str | None = None, **env: str
) -> dict[str, float]:
    """One wrk run: requests/s, p50 and p99 in ms, requests and failures (non-2xx/3xx)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", str(HERE / script)]
    else:
        command += ["-H", f"Accept-Encoding: {BROWSER_ACCEPT}"]
    out = subprocess.run(
        [*command, base + path],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": membership._wrk_ms(re.search(r"50%\s+([\d.]+)(us|ms|s)", out)),
        "p99": membership._wrk_ms(re.search(r"99%\s+([\d.]+)(us|ms|s)", out)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
        "failed": (int(failed.group(1)) if failed else 0)
        + (sum(int(n) for n in errors.groups()) if errors else 0),
    }


def csrf(client: httpx.Client, path: str) -> str:
    """Opens a form page; the CSRF token of its hidden field (the cookie is in the client)."""
    found = TOKEN.search(client.get(path).raise_for_status().text)
    if found is None:
        raise RuntimeError(f"no CSRF token on {path}")
    return found.group(1)


def cookie_header(client: httpx.Client) -> str:
    return "; ".join(f"{name}={value}" for name, value in client.cookies.items())


def sequential(client: httpx.Client, paths: list[str], count: int) -> list[float]:
    """Milliseconds of ``count`` GETs one at a time, round-robin over ``paths``."""
    for path in paths[:5]:
        client.get(path).raise_for_status()
    samples = []
    for n in range(count):
        started = time.perf_counter()
        client.get(paths[n % len(paths)]).raise_for_status()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


# -- the figures --------------------------------------------------------------------------


def first_load(base: str, path: str = "/ambassadors/enrol", lang: str = "ar") -> dict[str, Any]:
    """What Chromium transfers to show ``path`` with an empty cache, response by response."""
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"],
        )
        try:
            context = browser.new_context(
                viewport={"width": 360, "height": 780}, locale=lang, base_url=base
            )
            context.add_cookies([{"name": "nqs_lang", "value": lang, "url": base}])
            page = context.new_page()

            def finished(request: Any) -> None:
                measured = request.sizes()
                sizes[request.url.removeprefix(base)] = (
                    measured["responseBodySize"] + measured["responseHeadersSize"]
                )

            page.on("requestfinished", finished)
            page.goto(path, wait_until="networkidle")
            page.wait_for_timeout(500)
            page.evaluate("document.fonts.ready")
        finally:
            browser.close()
    files = []
    with httpx.Client(base_url=base) as client:
        for url, transferred in sizes.items():
            raw = client.get(url, headers={"Accept-Encoding": "identity"}).content
            served = client.get(url, headers={"Accept-Encoding": BROWSER_ACCEPT})
            files.append(
                {
                    "url": url.split("?")[0],
                    "transferred": transferred,
                    "raw": len(raw),
                    "gzip_9": len(gzip.compress(raw, 9)),
                    "served_encoding": served.headers.get("content-encoding", "none"),
                }
            )
    return {"total": sum(sizes.values()), "files": files}


def bytes_rows(base: str) -> list[Row]:
    rows = []
    for lang in ("ar", "en"):
        load = first_load(base, lang=lang)
        kb = load["total"] / 1024
        detail = ", ".join(
            f"{f['url'].rsplit('/', 1)[-1] or f['url']} {f['transferred'] / 1024:.1f} KB"
            f" ({f['served_encoding']}; raw {f['raw'] / 1024:.1f}, gzip-9 {f['gzip_9'] / 1024:.1f})"
            for f in load["files"]
        )
        rows.append(
            Row(
                f"enrolment page first load, {lang}, Chromium 360 px, empty cache ({detail})",
                kb,
                "KB",
                target="<= 80 KB",
                met=kb <= 80,
            )
        )
    return rows


def enrol_page_rows(base: str, opts: argparse.Namespace) -> list[Row]:
    wrk(base, "/ambassadors/enrol", 3, 8)  # warm-up: templates, catalogues
    static = wrk(base, "/static/css/site.css", opts.duration, opts.connections)
    page = wrk(base, "/ambassadors/enrol", opts.duration, opts.connections)
    note = (
        f"{opts.connections} connections, {opts.workers} server processes, "
        f"Accept-Encoding: {BROWSER_ACCEPT}, no cookies"
    )
    return [
        Row(
            f"GET /ambassadors/enrol p99 ({note}; p50 {page['p50']:.1f} ms, "
            f"{page['rate']:.0f} req/s, {page['failed']} failed)",
            page["p99"],
            "ms",
            baseline=static["p99"],
            baseline_name=f"GET /static/css/site.css p99, same load; {static['rate']:.0f} req/s",
            target="<= 20 ms",
            met=page["p99"] <= 20,
        ),
        Row(
            "GET /ambassadors/enrol requests/s",
            page["rate"],
            "req/s",
            baseline=static["rate"],
            baseline_name="GET /static/css/site.css req/s, same load",
        ),
    ]


def form_rows(base: str, db: str, opts: argparse.Namespace) -> list[Row]:
    with httpx.Client(base_url=base) as client:
        token = csrf(client, "/ambassadors/enrol")
        cookie = cookie_header(client)
    form_env = {"NQS_BENCH_COOKIE": cookie, "NQS_BENCH_CSRF_TOKEN": token}
    # Warm-up of both paths, with people of their own: each wrk thread takes 10,000,000
    # IDs from its offset, so the offsets of runs are 20,000,000 apart.
    wrk(base, "/", 3, 8, "enrol.lua", NQS_BENCH_OFFSET="40000000")
    wrk(base, "/", 3, 8, "enrol.lua", NQS_BENCH_OFFSET="60000000", **form_env)
    seconds = max(3, opts.duration // 2)
    runs: dict[str, list[dict[str, float]]] = {"json": [], "form": []}
    stored_before = membership._count_events(db)
    for n, kind in enumerate(("json", "form", "form", "json")):
        # IDs wrap at 100,000,000: the rounds share the first 20,000,000 in 2,000,000s.
        offset = str(n * 2_000_000 + 1_000_000)
        if kind == "json":
            runs[kind].append(
                wrk(base, "/", seconds, opts.connections, "enrol.lua", NQS_BENCH_OFFSET=offset)
            )
        else:
            runs[kind].append(
                wrk(
                    base,
                    "/",
                    seconds,
                    opts.connections,
                    "enrol.lua",
                    NQS_BENCH_OFFSET=offset,
                    **form_env,
                )
            )
    stored = membership._count_events(db) - stored_before
    ok = sum(r["requests"] - r["failed"] for rs in runs.values() for r in rs)
    rate = {k: statistics.mean(r["rate"] for r in rs) for k, rs in runs.items()}
    worst = {k: max(r["p99"] for r in rs) for k, rs in runs.items()}
    failed = {k: sum(int(r["failed"]) for r in rs) for k, rs in runs.items()}
    ratio = rate["form"] / rate["json"]
    return [
        Row(
            f"enrolments through the form (POST /ambassadors/enrol → 303; {opts.connections} "
            f"connections, 2 rounds of {seconds} s alternating with JSON; p99 {worst['form']:.0f} ms"
            f", {failed['form']} failed; JSON p99 {worst['json']:.0f} ms, {failed['json']} failed;"
            f" {stored} events stored for {ok} successes"
            + ("" if stored >= ok else " — FEWER EVENTS THAN SUCCESSES")
            + ")",
            rate["form"],
            "enrolments/s",
            baseline=rate["json"],
            baseline_name="POST /api/v1/ambassadors (JSON), same server, same run",
            target=">= 0.8 of JSON",
            met=ratio >= 0.8 and stored >= ok,
        )
    ]


@contextlib.contextmanager
def seeded_store(opts: argparse.Namespace) -> Iterator[tuple[str, Path, float]]:
    """(database, data dir, seconds the seeding took) of the store."""
    import psycopg

    if opts.database:
        data_dir = Path(tempfile.gettempdir()) / f"{opts.database}-data"
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (opts.database,)
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{opts.database}"')
        data_dir.mkdir(exist_ok=True)
        yield opts.database, data_dir, seed(opts.database, data_dir, opts)
        return
    with membership.fresh_database("nqs_bench_desk") as db, tempfile.TemporaryDirectory() as tmp:
        yield db, Path(tmp), seed(db, Path(tmp), opts)


def seed(db: str, data_dir: Path, opts: argparse.Namespace) -> float:
    """The membership report's seeding (split over processes), the awards edition, the
    catalogue and the officer; on a kept store, tops up what is missing."""
    from domain.roles import Role
    from registry.bootstrap import build, migrate
    from registry.catalogue.loader import load_catalogue
    from registry.context import RequestContext
    from tests.bench.awards import setup_for_scoring

    settings = membership.settings_for(db, data_dir)
    migrate(settings)
    started = time.perf_counter()
    enrolled = _enrolled(db)
    if enrolled < opts.members:
        # Topping up a store filled in order (by one process): start again just before
        # its last batch (people already enrolled are skipped). The gaps an interrupted
        # fill in processes leaves stay: the figures print the count there is.
        start = max(0, membership.seeds_for(enrolled) - 5_100) if enrolled else 0
        stop = membership.seeds_for(opts.members)
        if opts.seed_processes == 1:
            registry = build(settings)
            try:
                membership.seed_range(registry, start, stop)
            finally:
                registry.close()
        else:
            membership.seed_in_processes(db, data_dir, start, stop, opts.seed_processes)
    registry = build(settings)
    try:
        ctx = RequestContext.system()
        if registry.users.find_by_username(OFFICER) is None:
            # The awards edition first: the catalogue then keeps the programme and edition
            # it finds (same codes), and adds the nine initiatives and the other awards.
            setup_for_scoring(registry, opts.applications)
            load_catalogue(registry, ctx)
            registry.users.add(ctx, username=OFFICER, role=Role.OFFICER, password=OFFICER_PASSWORD)
        registry.runner.catch_up()
        with registry.db.transaction() as cur:
            cur.execute("ANALYZE")
    finally:
        registry.close()
    return time.perf_counter() - started


def _enrolled(db: str) -> int:
    import psycopg

    with psycopg.connect(f"{PG_URL}/{db}") as conn:
        found = conn.execute(
            "SELECT COUNT(*) FROM nqs_events WHERE topic LIKE '%Membership.Enrolled'"
        ).fetchone()
    return int(found[0]) if found else 0


def desk_paths() -> tuple[list[str], list[str]]:
    """The filtered lists an officer opens (first pages), and the lists paged deep."""
    first = [f"/desk/ambassadors?status=pending&region={r}" for r in REGIONS]
    first += [f"/desk/ambassadors?status=pending&track=sectoral&sector={s}" for s in SECTORS]
    first += [f"/desk/ambassadors?region={r}&track=general" for r in REGIONS[::3]]
    deep = [f"/desk/ambassadors?status=pending&region={r}" for r in REGIONS]
    return first, deep


def follow_next(client: httpx.Client, path: str, page: int) -> tuple[str, list[float]]:
    """The URL of page ``page`` of the list at ``path``, reached as a person does: by each
    page's "next" link; with the milliseconds of every request on the way (pages 1 to
    ``page - 1``)."""
    url, samples = path, []
    for _ in range(page - 1):
        started = time.perf_counter()
        text = client.get(url).raise_for_status().text
        samples.append((time.perf_counter() - started) * 1000)
        found = NEXT.search(text)
        if found is None:
            raise RuntimeError(f"{path} has no page {page}")
        url = html.unescape(found.group(1))
    return url, samples


def desk_rows(opts: argparse.Namespace) -> list[Row]:
    import psycopg

    with seeded_store(opts) as (db, data_dir, seeded):
        env = membership.nqs_env(db, data_dir)
        subprocess.run([NQS, "migrate"], env=env, check=True, capture_output=True, cwd=ROOT)
        with psycopg.connect(f"{PG_URL}/{db}") as conn:
            found = conn.execute("SELECT COUNT(*) FROM view_ambassadors").fetchone()
            members = int(found[0]) if found else 0
        with (
            membership.server(env, opts.workers) as base,
            httpx.Client(base_url=base, timeout=60) as client,
        ):
            token = csrf(client, "/sign-in")
            signed_in = client.post(
                "/sign-in",
                data={
                    "username": OFFICER,
                    "password": OFFICER_PASSWORD,
                    "next": "/desk",
                    "_csrf_token": token,
                },
            )
            if signed_in.status_code != 303:
                raise RuntimeError(f"sign-in refused: {signed_in.status_code}")
            static = sequential(client, ["/static/css/site.css"], opts.requests)
            first, deep = desk_paths()
            lists = sequential(client, first, opts.requests)
            walked, deep_urls = [], []
            for path in deep:
                url, samples = follow_next(client, path, DEEP_PAGE)
                deep_urls.append(url)
                walked += samples
            deeps = sequential(client, deep_urls, max(50, opts.requests // 3))
            offsets = sequential(
                client, [f"{p}&p={DEEP_PAGE}" for p in deep], max(50, opts.requests // 3)
            )
            board = sequential(client, ["/desk/dashboard"], opts.requests)
    size = f"{members:,} members, store filled or topped up in {seeded:.0f} s"
    baseline = p99(static)

    def p99_row(what: str, samples: list[float], limit: float) -> Row:
        return Row(
            f"{what}; p50 {statistics.median(samples):.1f} ms, {len(samples)} requests"
            " one at a time, officer session)",
            p99(samples),
            "ms",
            baseline=baseline,
            baseline_name="GET /static/css/site.css p99, one request at a time, same session",
            target=f"<= {limit:.0f} ms",
            met=p99(samples) <= limit,
        )

    return [
        p99_row(
            f"desk ambassador list, filtered, first page of 50, p99 ({size}; "
            f"{len(first)} filters round-robin",
            lists,
            50,
        ),
        p99_row(
            f"the same, every page 1–{DEEP_PAGE - 1} as an officer follows the next links "
            f"(status + region, {len(deep)} filters",
            walked,
            50,
        ),
        p99_row(
            f"the same, page {DEEP_PAGE} by its cursor (members 9,951–10,000 of the filter, "
            "reached by the next links, then asked again",
            deeps,
            50,
        ),
        p99_row(
            f"the same, page {DEEP_PAGE} by the old offset link ?p={DEEP_PAGE} (reads the "
            "9,950 members before it",
            offsets,
            50,
        ),
        p99_row(
            f"executive dashboard /desk/dashboard p99 ({size}, the catalogue, the awards "
            f"edition of {opts.applications} applications",
            board,
            100,
        ),
    ]


def lighthouse_rows(base: str) -> list[Row]:
    """Lighthouse's scores of the public pages, or one row saying why it could not run."""
    if shutil.which("npx") is None:
        return [Row("lighthouse: npx not found (Node.js is needed)", 0, "")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in ("/", "/ambassadors/enrol", "/verify"):
            out = Path(tmp) / "report.json"
            done = subprocess.run(
                [
                    "npx",
                    "--yes",
                    LIGHTHOUSE,
                    base + path,
                    "--output=json",
                    f"--output-path={out}",
                    "--only-categories=performance,accessibility,best-practices",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    "--quiet",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            if done.returncode or not out.exists():
                why = (done.stderr or done.stdout).strip().splitlines()[-3:]
                rows.append(Row(f"lighthouse {path}: could not run ({' / '.join(why)})", 0, ""))
                continue
            report = json.loads(out.read_text())
            saved = ROOT / "var" / "lighthouse"
            saved.mkdir(parents=True, exist_ok=True)
            shutil.copy(out, saved / f"{path.strip('/').replace('/', '-') or 'home'}.json")
            metrics = ", ".join(
                f"{label} {report['audits'][audit]['displayValue']}"
                for label, audit in (
                    ("FCP", "first-contentful-paint"),
                    ("LCP", "largest-contentful-paint"),
                    ("TBT", "total-blocking-time"),
                    ("CLS", "cumulative-layout-shift"),
                )
            )
            for key, target in (
                ("performance", 95),
                ("accessibility", 100),
                ("best-practices", 95),
            ):
                score = report["categories"][key]["score"]
                value = round((score or 0) * 100)
                rows.append(
                    Row(
                        f"lighthouse {path} {key} (mobile preset"
                        + (f"; {metrics})" if key == "performance" else ")"),
                        value,
                        "",
                        target=f">= {target}",
                        met=value >= target,
                    )
                )
    return rows


def measure(opts: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    if {"bytes", "enrol_page", "form", "lighthouse"} & set(opts.only):
        with public_server(opts.workers) as (base, db):
            if "bytes" in opts.only:
                rows += bytes_rows(base)
            if "enrol_page" in opts.only:
                rows += enrol_page_rows(base, opts)
            if "form" in opts.only:
                rows += form_rows(base, db, opts)
            if "lighthouse" in opts.only:
                rows += lighthouse_rows(base)
    if "desk" in opts.only:
        rows += desk_rows(opts)
    return rows


def run(args: argparse.Namespace) -> list[Row]:
    """The suite as `make bench` runs it: the issues' sizes, or small ones with --quick."""
    sizes = ["--members", "200000", "--applications", "40", "--duration", "6"] if args.quick else []
    return measure(options(sizes))


def main() -> None:
    for r in measure(options(sys.argv[1:])):
        ratio = f"  ratio {r.ratio:.3f} of {r.baseline:,.1f} ({r.baseline_name})" if r.ratio else ""
        met = {True: "met", False: "NOT met", None: ""}[r.met]
        print(f"{r.value:>10,.2f} {r.unit:12} {r.target or '':16} {met:8} {r.name}{ratio}")


if __name__ == "__main__":
    main()
