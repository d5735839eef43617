"""The ``nqs`` command line: migrate, load the catalogue, manage users, run things."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from domain.errors import DomainError
from domain.roles import Role
from registry.ambassadors import AmbassadorService
from registry.bootstrap import Registry, build, migrate
from registry.context import RequestContext
from registry.licences import LicenceService
from registry.logging import configure_logging
from registry.runtime import tune_garbage_collector
from registry.settings import Settings


def _settings() -> Settings:
    settings = Settings.from_env()
    configure_logging(settings.log_format, settings.log_level)
    return settings


@click.group()
def main() -> None:
    """NQS Registry: the system of record of the National Quality Strategy's executive office."""


@main.command("migrate")
def migrate_command() -> None:
    """Create the database, event store and read-model tables (run once before starting)."""
    settings = _settings()
    rebuilt = migrate(settings)
    click.echo(f"Migrated {settings.database.describe()}")
    for name in rebuilt:
        click.echo(f"  rebuilt read model {name} (its shape changed)")


@main.group()
def catalogue() -> None:
    """Reference data transcribed from the source documents."""


@catalogue.command("load")
def catalogue_load() -> None:
    """Load the nine NQS initiatives and the award frameworks, programmes and 2025 editions
    (idempotent: a second run changes nothing)."""
    from registry.catalogue.loader import load_catalogue

    registry = build(_settings())
    try:
        report = load_catalogue(registry, RequestContext.system())
    finally:
        registry.close()
    click.echo(f"Catalogue: {report.created} created, {report.unchanged} already present")
    click.echo(
        f"Awards: {report.awards_created} created, {report.awards_unchanged} already present"
    )
    click.echo(
        f"Licence types: {report.licence_types_created} created, "
        f"{report.licence_types_unchanged} already present"
    )


@main.group()
def users() -> None:
    """User accounts."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    envvar="NQS_NEW_USER_PASSWORD",
    help="Prompted for when not given (or set NQS_NEW_USER_PASSWORD).",
)
def users_add(username: str, role: str, password: str) -> None:
    """Create a user with a role."""
    registry = build(_settings())
    try:
        user = registry.users.add(
            RequestContext.system(), username=username, role=Role(role), password=password
        )
    finally:
        registry.close()
    click.echo(f"Created {role} {user.username} ({user.id})")


@users.command("ensure-admin")
def users_ensure_admin() -> None:
    """Create the first admin from NQS_ADMIN_USERNAME/NQS_ADMIN_PASSWORD if missing.

    Without NQS_ADMIN_PASSWORD a password is generated and written to
    <data dir>/admin-password.txt (readable only by you).
    """
    settings = _settings()
    username = settings.admin_username or "admin"
    registry = build(settings)
    try:
        user, generated = registry.users.ensure_admin(
            RequestContext.system(), username, settings.admin_password
        )
    finally:
        registry.close()
    if generated is None:
        click.echo(f"Admin account: {user.username}")
        return
    path = settings.data_dir / "admin-password.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(generated + "\n")
    click.echo(f"Created admin account {user.username}; its password is in {path.resolve()}")


@main.group()
def projections() -> None:
    """Read models."""


@projections.command("run")
@click.option("--poll-interval", default=0.1, show_default=True, help="Seconds between polls.")
def projections_run(poll_interval: float) -> None:
    """Follow the event log and keep every read model up to date (the production worker)."""
    registry = build(_settings())
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    click.echo("Projection worker following the event log; Ctrl-C to stop.")
    tune_garbage_collector()
    try:
        registry.runner.run_forever(stop, poll_interval, on_idle=registry.housekeeping())
    finally:
        registry.close()


@projections.command("rebuild")
@click.argument("name", required=False)
def projections_rebuild(name: str | None) -> None:
    """Drop and replay one read model (or all) from the start of the event log."""
    registry = build(_settings())
    try:
        names = [name] if name else list(registry.runner.projections)
        for each in names:
            with Progress(
                TextColumn(f"[bold]{each}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                transient=False,
            ) as bar:
                task = bar.add_task(each, total=registry.runner.head() or 1)

                def advance(done: int, total: int, task: object = task) -> None:
                    bar.update(task, completed=done, total=total)  # type: ignore[arg-type]

                try:
                    count = registry.runner.rebuild(each, progress=advance)
                except KeyError as error:
                    raise click.BadParameter(str(error.args[0]), param_hint="NAME") from None
                bar.update(task, completed=registry.runner.head() or 1)
            click.echo(f"Rebuilt {each} from {count} events")
    finally:
        registry.close()


@projections.command("status")
def projections_status() -> None:
    """Show each read model's position and lag behind the event log."""
    registry = build(_settings())
    try:
        head = registry.runner.head()
        for each, position in sorted(registry.runner.positions().items()):
            click.echo(f"{each:20} position {position:>10}  lag {head - position}")
    finally:
        registry.close()


@main.group()
def audit() -> None:
    """Tamper evidence: verify the hash chain, sign checkpoints."""


@audit.command("verify")
def audit_verify() -> None:
    """Recompute the hash chain over every stored event; name the first broken link."""
    from registry.audit.verify import verify

    registry = build(_settings())
    try:
        with Progress(
            TextColumn("[bold]verifying"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        ) as bar:
            task = bar.add_task("verify", total=registry.runner.head() or 1)
            result = verify(
                registry.app,
                registry.db,
                registry.signing_key().public,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
    finally:
        registry.close()
    click.echo(f"Checked {result.events} events; head {result.head} {result.head_digest}")
    click.echo(f"Signed checkpoints confirmed: {result.checkpoints_ok}")
    if result.first_break is not None:
        click.echo(
            f"BROKEN at event {result.first_break.notification_id} "
            f"({result.first_break.kind}): {result.first_break.message}"
        )
    for failure in result.checkpoint_failures:
        click.echo(f"CHECKPOINT FAILURE: {failure}")
    if not result.ok:
        sys.exit(1)
    click.echo("The chain is intact.")


@audit.command("export")
@click.option("--stream", "streams", multiple=True, help="An aggregate id to include (repeatable).")
@click.option("--edition", help="An award edition id: all of its decisions' streams.")
@click.option("--all", "everything", is_flag=True, help="Every stored event.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Bundle directory.")
def audit_export(
    streams: tuple[str, ...], edition: str | None, everything: bool, out: Path
) -> None:
    """Write an audit bundle an auditor can verify with standard tools (docs/audit.md)."""
    from uuid import UUID

    from registry.audit.export import export_bundle

    if not streams and not everything and not edition:
        raise click.UsageError(
            "Say what to export: --edition ID, --stream ID (repeatable) or --all."
        )
    try:
        selection = None if everything else {UUID(s) for s in streams}
        edition_id = UUID(edition) if edition else None
    except ValueError:
        raise click.BadParameter("not a UUID", param_hint="--stream/--edition") from None
    registry = build(_settings())
    try:
        if edition_id is not None and selection is not None:
            registry.runner.catch_up()
            selection |= registry.replay.edition_streams(edition_id)
        title = (
            f"NQS Registry audit bundle — edition {edition}"
            if edition
            else "NQS Registry audit bundle"
        )
        manifest = export_bundle(registry, out, selection, title=title)
    except (ValueError, DomainError) as error:
        raise click.ClickException(str(error)) from None
    finally:
        registry.close()
    click.echo(
        f"Wrote {out}: {manifest.events} events, {manifest.chain_links} chain links, "
        f"checkpoints {manifest.checkpoints}. Verify with: {out}/verify.sh {out}"
    )


@audit.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the chain's current head now (the worker also does this periodically)."""
    registry = build(_settings())
    try:
        checkpoint = registry.checkpoint()
    finally:
        registry.close()
    if checkpoint is None:
        click.echo("Nothing new to sign.")
    else:
        click.echo(f"Signed position {checkpoint.position}: {checkpoint.chain_digest}")


@main.group()
def ambassadors() -> None:
    """The National Program for Quality Ambassadors."""


@ambassadors.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where the per-row error report goes (default: FILE.errors.csv).",
)
@click.option("--batch-size", default=2000, show_default=True, help="Rows per transaction.")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    help="Processes that check and seal rows while this one writes (0: a thread).",
)
def ambassadors_import(file: str, errors_path: str | None, batch_size: int, workers: int) -> None:
    """Import enrolments from a CSV with the enrolment form's columns (re-runnable)."""
    from pathlib import Path

    from registry.ambassador_import import import_enrolments

    source = Path(file)
    errors_file = Path(errors_path) if errors_path else source.with_suffix(".errors.csv")
    registry = build(_settings())
    try:
        with (
            source.open("rb") as data,
            errors_file.open("w", encoding="utf-8-sig", newline="") as errors,
            Progress(
                TextColumn("[bold]import"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()
            ) as bar,
        ):
            task = bar.add_task("import", total=source.stat().st_size or 1)
            report = import_enrolments(
                registry.ambassadors,
                RequestContext.system(),
                data,
                errors,
                batch_size=batch_size,
                workers=workers,
                progress=lambda done: bar.update(task, completed=done),
            )
    finally:
        registry.close()
    click.echo(
        f"{report.rows} rows: {report.enrolled} enrolled, {report.skipped} already enrolled, "
        f"{report.refused} refused" + (f" (see {errors_file})" if report.refused else "")
    )


@ambassadors.command("expire")
@click.option("--reason", default="Daily expiry run", show_default=True)
def ambassadors_expire(reason: str) -> None:
    """Record the expiry of every active membership past its expiry date."""
    _record_expiries(lambda r: r.ambassadors, "membership", reason)


@main.group()
def licences() -> None:
    """Professional licences."""


@licences.command("expire")
@click.option("--reason", default="Daily expiry run", show_default=True)
def licences_expire(reason: str) -> None:
    """Record the expiry of every issued licence past its validity."""
    _record_expiries(lambda r: r.licences, "licences", reason)


def _record_expiries(
    service: Callable[[Registry], AmbassadorService | LicenceService], read_model: str, reason: str
) -> None:
    """The daily expiry run: a thousand at a time until none is left past its date (each
    round waits for the read model, which lists what is due)."""
    registry = build(_settings())
    total = 0
    try:
        while count := service(registry).record_expiries(RequestContext.system(), reason, 1000):
            total += count
            registry.runner.catch_up([read_model])
    finally:
        registry.close()
    click.echo(f"Recorded {total} expiries")


@main.command("serve")
@click.option("--with-projections", is_flag=True, help="Run the read models in-process.")
@click.option("--host", default=None, help="Defaults to NQS_HOST (127.0.0.1).")
@click.option("--port", default=None, type=int, help="Defaults to NQS_PORT (8000).")
@click.option("--workers", default=None, type=int, help="Defaults to NQS_WORKERS (1).")
def serve(with_projections: bool, host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the API with uvicorn."""
    import uvicorn

    settings = _settings()
    host = host or settings.host
    port = port or settings.port
    workers = workers or settings.workers
    if with_projections:
        os.environ["NQS_RUN_PROJECTIONS"] = "1"
    click.echo(f"NQS Registry on http://{host}:{port}  (API docs: http://{host}:{port}/schema)")
    click.echo(f"Data: {settings.database.describe()}")
    uvicorn.run(
        "api.asgi:app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
