"""The award programmes of seed 001 and their 2025 editions, with the criteria frameworks.

From the seed: Amyaz (hospitals and health centres/polyclinics, five winners each; the
timeline July → November 2025; the conditions: Eastern Region, hospitals of 50 beds or
more, a valid licence, three years of operation, current accreditation), Nawah
(licensed non-profit health associations of the Eastern Region, registered and
activated on the platform) and Maan (hospitals of 100 beds or more; licensed medical
complexes). Arabic texts are the seed's own; English texts are the registry's
translation.

Registry defaults, where the seed is silent (officers change them on a draft edition):
- the minimum score for winning: 60 of 100;
- Nawah and Maan name no number of winners: three per category;
- the seed publishes a timeline for Amyaz only (Nawah's timeline heading is empty and
  Maan gives none), so the Nawah and Maan 2025 editions load as drafts without phases;
  Maan's framework has no criteria yet, so its edition cannot open until a version
  with criteria is published.
Amyaz 2025 loads open (it was announced in July 2025), which locks the two Amyaz
framework versions it judges against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.awards.edition import RIYADH, Category, Edition, Phase, PhaseKind, Programme
from domain.awards.eligibility import EligibilityRules
from domain.awards.framework_version import FrameworkVersion, framework_id
from domain.awards.organisation import OrganisationType
from domain.regions import Region
from domain.text import Text
from registry.bootstrap import Registry
from registry.catalogue.frameworks import FRAMEWORKS, framework
from registry.context import RequestContext

SOURCE = "Transcribed from seed 001 (Eastern Region health excellence awards, 2025)"
MINIMUM_SCORE = Decimal(60)
DEFAULT_WINNERS = 3


@dataclass(frozen=True)
class ProgrammeSeed:
    code: str
    name: Text
    description: Text
    organiser: Text
    goals: tuple[Text, ...]


@dataclass(frozen=True)
class EditionSeed:
    programme: str
    year: int
    title: Text
    categories: tuple[Category, ...]
    eligibility: EligibilityRules
    phases: tuple[Phase, ...] = ()


def _month(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=RIYADH)


def _months(*kinds_and_months: tuple[PhaseKind, int]) -> tuple[Phase, ...]:
    """Whole months of 2025, Riyadh time: open on the 1st, closed from the 1st of the next."""
    return tuple(
        Phase(kind, _month(2025, month), _month(2025, month + 1))
        for kind, month in kinds_and_months
    )


EASTERN = Text(ar="المنطقة الشرقية", en="Eastern Region")
MOH_EASTERN = Text(
    ar="فرع وزارة الصحة بالمنطقة الشرقية",
    en="Ministry of Health, Eastern Region branch",
)

PROGRAMMES: tuple[ProgrammeSeed, ...] = (
    ProgrammeSeed(
        code="AMYAZ",
        name=Text(ar="أميز الأداء للمنشآت الصحية", en="Amyaz Award for Healthcare Excellence"),
        description=Text(
            ar="أميز هي جائزة تميز الأداء للمنشآت في القطاع الصحي بالمنطقة الشرقية حيث ارتأ فرع "
            "وزارة الصحة بالمنطقة الشرقية تكريم وتقدير المنشآت التي تفوقت وتميزت في خدمة "
            "المستفيدين، بهدف تعزيز التنافس الإيجابي وضمان تطور مستويات أداء المنشآت الصحية في "
            "المنطقة وتقدير جهودهم المبذولة، وكذلك كدافع للاستمرار في السعي نحو تحسين الأداء.",
            en="Amyaz is the performance excellence award for health facilities in the Eastern "
            "Region: the Ministry of Health's Eastern Region branch honours the facilities that "
            "excelled in serving beneficiaries, to encourage positive competition, raise the "
            "performance of the region's health facilities and recognise their efforts.",
        ),
        organiser=MOH_EASTERN,
        goals=(
            Text(
                ar="تحقيق مفهوم رعاية صحية آمنة مستدامة مقدمة بقوى عاملة متميزة",
                en="Safe, sustainable health care delivered by an outstanding workforce",
            ),
            Text(
                ar="مشاركة جميع المنشآت الصحية في المنطقة الشرقية",
                en="Participation of every health facility in the Eastern Region",
            ),
            Text(
                ar="خلق روح المبادرة والتنافس في توفير الخدمات الصحية",
                en="A spirit of initiative and competition in providing health services",
            ),
            Text(
                ar="رفع مستويات الأداء ونشر ثقافة سلامة المرضى",
                en="Higher performance and a culture of patient safety",
            ),
        ),
    ),
    ProgrammeSeed(
        code="NAWAH",
        name=Text(ar="جائزة نواة", en="Nawah Award"),
        description=Text(
            ar="جائزة التميز للجمعيات الصحية الأهلية بالمنطقة الشرقية 2025. تأتي هذه الجائزة في "
            "إطار تحقيق مستهدفات رؤية السعودية 2030 وبرامج التحول في القطاع الصحي",
            en="The excellence award for non-profit health associations in the Eastern Region, "
            "2025, part of achieving the targets of Saudi Vision 2030 and the health sector "
            "transformation programmes.",
        ),
        organiser=EASTERN,
        goals=framework("nawah").goals,
    ),
    ProgrammeSeed(
        code="MAAN",
        name=Text(ar="جائزة معًا", en="Maan (Together) Award"),
        description=Text(
            ar="ملتقى تجربة المستفيد السنوي الثاني (معًا) 2025م هو منصة لتبادل أفضل الممارسات في "
            "تحسين تجربة المستفيد.",
            en="The second annual beneficiary experience forum (Maan) 2025: a platform to share "
            "best practice in improving beneficiary experience and to honour the leaders in "
            "beneficiary satisfaction.",
        ),
        organiser=EASTERN,
        goals=framework("maan").goals,
    ),
)

EDITIONS: tuple[EditionSeed, ...] = (
    EditionSeed(
        programme="AMYAZ",
        year=2025,
        title=Text(
            ar="أميز الأداء للمنشآت الصحية — المنطقة الشرقية 2025م",
            en="Amyaz Award for Healthcare Excellence — Eastern Region 2025",
        ),
        categories=(
            Category(
                "hospitals",
                Text(ar="المستشفيات", en="Hospitals"),
                (OrganisationType.HOSPITAL,),
                5,
                "amyaz-hospitals",
                1,
                min_beds=50,
            ),
            Category(
                "health-centres",
                Text(ar="المراكز الصحية والمجمعات الطبية", en="Health centres and polyclinics"),
                (OrganisationType.HEALTH_CENTRE,),
                5,
                "amyaz-polyclinics",
                1,
            ),
        ),
        eligibility=EligibilityRules(
            regions=(Region.EASTERN_PROVINCE,),
            min_years_of_operation=3,
            requires_valid_licence=True,
            requires_current_accreditation=True,
        ),
        phases=_months(
            (PhaseKind.ANNOUNCEMENT, 7),
            (PhaseKind.REGISTRATION, 8),
            (PhaseKind.SCREENING, 9),
            (PhaseKind.JUDGING, 10),
            (PhaseKind.CEREMONY, 11),
        ),
    ),
    EditionSeed(
        programme="NAWAH",
        year=2025,
        title=Text(
            ar="جائزة نواة للتميز — الجمعيات الصحية الأهلية بالمنطقة الشرقية 2025",
            en="Nawah Excellence Award — health associations, Eastern Region 2025",
        ),
        categories=(
            Category(
                "associations",
                Text(ar="الجمعيات الصحية الأهلية غير الربحية", en="Non-profit health associations"),
                (OrganisationType.HEALTH_ASSOCIATION,),
                DEFAULT_WINNERS,
                "nawah",
                1,
            ),
        ),
        eligibility=EligibilityRules(
            regions=(Region.EASTERN_PROVINCE,),
            min_years_of_operation=None,
            requires_valid_licence=True,
            requires_current_accreditation=False,
            requires_activated_organisation=True,
        ),
    ),
    EditionSeed(
        programme="MAAN",
        year=2025,
        title=Text(ar="جائزة معًا 2025", en="Maan Award 2025"),
        categories=(
            Category(
                "hospitals",
                Text(ar="المستشفيات لسعة 100 سرير وأكثر", en="Hospitals of 100 beds or more"),
                (OrganisationType.HOSPITAL,),
                DEFAULT_WINNERS,
                "maan",
                1,
                min_beds=100,
            ),
            Category(
                "medical-complexes",
                Text(ar="جميع المجمعات الطبية المرخصة", en="All licensed medical complexes"),
                (OrganisationType.HEALTH_CENTRE,),
                DEFAULT_WINNERS,
                "maan",
                1,
            ),
        ),
        eligibility=EligibilityRules(
            regions=(Region.EASTERN_PROVINCE,),
            min_years_of_operation=None,
            requires_valid_licence=True,
            requires_current_accreditation=False,
        ),
    ),
)


def load_awards(registry: Registry, ctx: RequestContext) -> tuple[int, int]:
    """Frameworks, programmes and editions not yet present; returns (created, unchanged)."""
    created = unchanged = 0
    for shipped in FRAMEWORKS:
        if registry.frameworks.find(FrameworkVersion, framework_id(shipped.key, shipped.version)):
            unchanged += 1
            continue
        registry.frameworks.publish(ctx, shipped)
        created += 1
    envelope = registry.editions.envelope(ctx, reason=SOURCE)
    for p in PROGRAMMES:
        if registry.editions.find_programme(p.code) is not None:
            unchanged += 1
            continue
        registry.editions.save(
            Programme.register(envelope, p.code, p.name, p.description, p.organiser, p.goals)
        )
        created += 1
    for e in EDITIONS:
        if registry.editions.find_edition(e.programme, e.year) is not None:
            unchanged += 1
            continue
        edition = Edition.create(
            envelope, e.programme, e.year, e.title, MINIMUM_SCORE, e.eligibility
        )
        versions: dict[str, FrameworkVersion] = {}
        for category in e.categories:
            version = registry.frameworks.get(category.framework_key, category.framework_version)
            versions[str(version.id)] = version
            edition.configure_category(envelope, category, version.id)
        for phase in e.phases:
            edition.schedule_phase(envelope, phase)
        if e.phases:
            edition.open(envelope)
            for version in versions.values():
                version.lock(envelope, edition.id)
            registry.editions.save(edition, *versions.values())
        else:
            registry.editions.save(edition)
        created += 1
    return created, unchanged
