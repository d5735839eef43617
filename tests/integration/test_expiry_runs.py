"""The daily expiry runs (`nqs ambassadors expire`, `nqs licences expire`): each records the
expiry of what is past its date, and nothing else, through the same command line an
operator's cron job calls."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from click.testing import CliRunner

from domain.ambassadors.enrolment import EnrolmentForm
from domain.ambassadors.values import MembershipStatus
from domain.licences.licence import LicenceStatus
from domain.licences.licence_type import LicenceStage
from domain.text import Text
from registry.bootstrap import Registry
from registry.cli import main
from registry.clock import ManualClock, SystemClock
from registry.context import RequestContext
from registry.licences import LicenceApplicationForm
from registry.settings import Settings
from tests.people import national_id

WHY = "checked"


def _env(settings: Settings) -> dict[str, str]:
    return {
        "NQS_DATABASE_URL": settings.database.describe(),
        "NQS_DATA_DIR": str(settings.data_dir),
        "NQS_SECRET_KEY": "test-secret-key-that-is-long-enough-for-hs256",
        "NQS_LOG_LEVEL": "WARNING",
        "NQS_LOG_FORMAT": "json",
    }


def _member(registry: Registry, seq: int) -> UUID:
    ctx = RequestContext.system()
    form = EnrolmentForm(
        national_id=national_id(seq),
        name_ar="سارة",
        mobile="0551234567",
        email=f"s{seq}@example.sa",
        region="riyadh",
        city="Riyadh",
    )
    membership = registry.ambassadors.enrol(ctx, form)
    registry.ambassadors.decide(ctx, "approve", membership.id, membership.version, WHY)
    return membership.id


def _licence(registry: Registry, seq: int) -> UUID:
    ctx = RequestContext.system()
    form = LicenceApplicationForm(
        national_id=national_id(seq),
        name_ar="سارة",
        mobile="0551234567",
        email=f"s{seq}@example.sa",
        type_code="QM-T",
        qualifications=["BSc"],
        experience_years=5,
        evidence=["certificate.pdf"],
    )
    licence = registry.licences.apply(ctx, form)
    licence = registry.licences.assess(ctx, licence.id, licence.version, True, 80, WHY)
    licence = registry.licences.issue(ctx, licence.id, licence.version, WHY)
    return licence.id


def test_each_daily_run_records_only_what_is_past_its_date(
    registry: Registry, store: Settings, clock: ManualClock
) -> None:
    today = SystemClock().now()  # the command line runs on the real clock
    registry.licences.define_type(
        RequestContext.system(),
        code="QM-T",
        stage=LicenceStage.TECHNICAL,
        title=Text("رخصة الجودة", "Quality licence"),
        validity_years=3,
        cpd_hours=30,
    )
    clock.set(today - timedelta(days=4 * 366))  # a year's membership, a 3-year licence
    lapsed_member, lapsed_licence = _member(registry, 1), _licence(registry, 1)
    clock.set(today - timedelta(days=30))
    current_member, current_licence = _member(registry, 2), _licence(registry, 2)
    registry.runner.catch_up()

    runner = CliRunner()
    members = runner.invoke(main, ["ambassadors", "expire"], env=_env(store))
    licences = runner.invoke(main, ["licences", "expire"], env=_env(store))

    assert members.exit_code == 0, members.output
    assert "Recorded 1 expiries" in members.output
    assert licences.exit_code == 0, licences.output
    assert "Recorded 1 expiries" in licences.output
    ambassadors, held = registry.ambassadors, registry.licences
    assert ambassadors.get(lapsed_member).status == MembershipStatus.EXPIRED
    assert ambassadors.get(current_member).status == MembershipStatus.ACTIVE
    assert held.get(lapsed_licence).status == LicenceStatus.EXPIRED
    assert held.get(current_licence).status == LicenceStatus.ISSUED
    # Each expiry is a decision with its reason, by the system.
    expired = [e for e in ambassadors.history(lapsed_member) if e.type == "Expired"]
    assert [(e.actor_role, e.reason) for e in expired] == [("system", "Daily expiry run")]
