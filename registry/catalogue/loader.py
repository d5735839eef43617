"""Loads the reference catalogue: idempotent, one atomic write per initiative."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid5

from domain.dates import PartialDate, ReportingPeriod
from domain.initiatives.initiative import Initiative
from domain.initiatives.values import EvaluationStage, KpiDirection
from registry.bootstrap import Registry
from registry.catalogue.awards import load_awards
from registry.catalogue.initiatives import INITIATIVES, OWNER, SNAPSHOT_PERIOD, InitiativeSeed
from registry.context import RequestContext


@dataclass
class LoadReport:
    created: int = 0
    unchanged: int = 0
    # Award frameworks, programmes and editions (registry/catalogue/awards.py).
    awards_created: int = 0
    awards_unchanged: int = 0
    licence_types_created: int = 0
    licence_types_unchanged: int = 0


def part_id(initiative: UUID, kind: str, key: str) -> UUID:
    """Fixed ids for catalogue parts, so every installation names them alike."""
    return uuid5(initiative, f"{kind}:{key}")


def build_initiative(seed: InitiativeSeed, registry: Registry, ctx: RequestContext) -> Initiative:
    envelope = registry.initiatives.envelope(
        ctx,
        reason="Transcribed from SASO's page 'SASO initiatives in the field of the NQS' "
        "(last modified 31 May 2021)",
    )
    initiative = Initiative.register(envelope, seed.code, seed.title, seed.aim, OWNER)
    for c in seed.components:
        initiative.add_component(envelope, c.key, c.title, c.description)
    for m in seed.milestones:
        mid = part_id(initiative.id, "milestone", m.key)
        planned = PartialDate(m.planned_on) if m.planned_on else None
        initiative.add_milestone(envelope, mid, m.title, planned)
        if m.done:
            initiative.complete_milestone(envelope, mid, None)
    for p in seed.pilots:
        pid = part_id(initiative.id, "pilot", p.key)
        initiative.add_pilot(envelope, pid, p.organisation, p.description, p.region)
        if p.internal_completed:
            initiative.complete_evaluation(
                envelope, pid, EvaluationStage.INTERNAL, None, None, None
            )
        if p.external_planned_on:
            initiative.schedule_evaluation(
                envelope, pid, EvaluationStage.EXTERNAL, PartialDate(p.external_planned_on)
            )
    for d in seed.deliverables:
        initiative.add_deliverable(
            envelope,
            part_id(initiative.id, "deliverable", d.key),
            d.kind,
            d.title,
            d.description,
            d.status,
            None,
        )
    for s in seed.partnerships:
        initiative.add_partnership(
            envelope,
            part_id(initiative.id, "partnership", s.key),
            s.partner,
            s.scope,
            s.description,
            None,
        )
    for k in seed.kpis:
        initiative.define_kpi(
            envelope,
            part_id(initiative.id, "kpi", k.key),
            k.name,
            k.unit,
            k.target,
            KpiDirection.HIGHER_IS_BETTER,
        )
    initiative.report_progress(envelope, ReportingPeriod(SNAPSHOT_PERIOD), seed.progress, None)
    return initiative


def load_catalogue(registry: Registry, ctx: RequestContext) -> LoadReport:
    report = LoadReport()
    for seed in INITIATIVES:
        if registry.initiatives.find_by_code(seed.code) is not None:
            report.unchanged += 1
            continue
        registry.initiatives.save(build_initiative(seed, registry, ctx))
        report.created += 1
    report.awards_created, report.awards_unchanged = load_awards(registry, ctx)
    load_licence_types(registry, ctx, report)
    return report


def load_licence_types(registry: Registry, ctx: RequestContext, report: LoadReport) -> None:
    """The licence types of the two stages; types already there (maybe revised) are kept."""
    from domain.licences.licence_type import LicenceType, licence_type_id
    from registry.catalogue.licences import LICENCE_TYPES

    envelope = registry.licences.envelope(
        ctx, reason="The two stages of professional licences on SASO's NQS initiatives page"
    )
    for seed in LICENCE_TYPES:
        if registry.licences.find(LicenceType, licence_type_id(seed.code)) is not None:
            report.licence_types_unchanged += 1
            continue
        registry.licences.save(
            LicenceType.define(
                envelope, seed.code, seed.stage, seed.title, seed.validity_years, seed.cpd_hours
            )
        )
        report.licence_types_created += 1
