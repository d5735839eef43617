"""The shipped criteria frameworks match the customer's seed 001, criterion for criterion.

The seed is read here on its own terms (its lines, numbers and bullets) and compared
with ``registry.catalogue.frameworks``; the comparison is itself shown to catch a dropped
criterion, a changed word, a moved bullet and a changed weight.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from domain.awards.framework import Criterion, CriterionKind, Direction, Domain, Framework
from domain.errors import NotFound
from domain.text import Text
from registry.catalogue.frameworks import FRAMEWORKS, framework
from registry.catalogue.frameworks.defaults import (
    COUNT_HIGHER_IS_BETTER,
    COUNT_LOWER_IS_BETTER,
    PERCENT_HIGHER_IS_BETTER,
    PERCENT_LOWER_IS_BETTER,
)

SEED = Path(__file__).resolve().parents[2] / "docs" / "sources" / "001_5810685168bda0c6.txt"
POLYCLINICS_HEADING = (
    "Health Centers & Polyclinics Criteria - Eastern Region | Ministry of Health - Saudi Arabia"
)
HOSPITALS_HEADING = "Hospital Criteria - Eastern Region | Ministry of Health - Saudi Arabia"
ADDITIONAL_MARK = " (معيار إضافي)"
ORDINALS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس")


# --- the seed, read line by line ------------------------------------------------------


@dataclass(frozen=True)
class SeedCriterion:
    number: str
    title: str
    guidance: str


@dataclass(frozen=True)
class SeedDomain:
    title: str
    weight: int
    criteria: tuple[SeedCriterion, ...]


@dataclass(frozen=True)
class SeedSubCriterion:
    number: str
    title: str
    additional: bool
    goal: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class SeedStandard:
    ordinal: str
    title: str
    subs: tuple[SeedSubCriterion, ...]


@cache
def seed_lines() -> tuple[str, ...]:
    return tuple(SEED.read_text(encoding="utf-8").split("\n"))


def read_amyaz(heading: str) -> list[SeedDomain]:
    """Domains and criteria after ``heading``: a title line, then its guidance line.

    The guidance line is taken whole whatever it starts with (polyclinic 24's begins
    "1 per quarter"), which is why titles and guidance are read in pairs.
    """
    lines = seed_lines()
    i = lines.index(heading) + 1
    domains: list[dict[str, Any]] = []
    heading_of_next_domain = ""
    while i < len(lines):
        line = lines[i]
        if weighted := re.fullmatch(r"Weight: (\d+)%(\d+) (.+)", line):
            domains.append(
                {"title": heading_of_next_domain, "weight": int(weighted[1]), "criteria": []}
            )
            number, title = weighted[2], weighted[3]
        elif numbered := re.fullmatch(r"(\d+) (.+)", line):
            number, title = numbered[1], numbered[2]
        elif domains and line.startswith("🏆"):
            break
        else:
            heading_of_next_domain = line.split(" ", 1)[1]
            i += 1
            continue
        domains[-1]["criteria"].append(SeedCriterion(number, title, lines[i + 1]))
        i += 2
    return [SeedDomain(d["title"], d["weight"], tuple(d["criteria"])) for d in domains]


def read_nawah() -> list[SeedStandard]:
    lines = seed_lines()
    start = lines.index("📊 معايير التقييم التفصيلية") + 1
    stop = lines.index("🏅 فئات الجائزة")
    standards: list[tuple[str, str, list[dict[str, Any]]]] = []
    for line in lines[start:stop]:
        if standard := re.fullmatch(r"\S+ المعيار (\S+): (.+)", line):
            standards.append((standard[1], standard[2], []))
        elif sub := re.fullmatch("(\\d)\ufe0f\u20e3 (.+)", line):
            standards[-1][2].append({"n": sub[1], "title": sub[2], "evidence": []})
        elif line.startswith("الهدف: "):
            standards[-1][2][-1]["goal"] = line.removeprefix("الهدف: ")
        elif line.startswith("- "):
            standards[-1][2][-1]["evidence"].append(line.removeprefix("- "))
        else:
            pytest.fail(f"Unexpected line in Nawah's standards: {line!r}")
    return [
        SeedStandard(
            ordinal,
            title,
            tuple(
                SeedSubCriterion(
                    f"{index}.{s['n']}",
                    s["title"].removesuffix(ADDITIONAL_MARK),
                    s["title"].endswith(ADDITIONAL_MARK),
                    s["goal"],
                    tuple(s["evidence"]),
                )
                for s in subs
            ),
        )
        for index, (ordinal, title, subs) in enumerate(standards, 1)
    ]


def read_pairs(first: str, stop: str, after: str | None = None) -> list[tuple[str, str]]:
    """(heading, text) pairs between the line ``first`` and the line ``stop``."""
    lines = seed_lines()
    begin = lines.index(after) if after else 0
    start = lines.index(first, begin) + 1
    end = lines.index(stop, start)
    return [(lines[i], lines[i + 1]) for i in range(start, end, 2)]


# --- comparisons (each returns what differs, so a test can also show it catches) -------


def amyaz_differences(fw: Framework, seed: list[SeedDomain]) -> list[str]:
    found: list[str] = []
    if len(fw.domains) != len(seed):
        found.append(f"{len(fw.domains)} domains, the seed has {len(seed)}")
    for domain, seed_domain in zip(fw.domains, seed, strict=False):
        if domain.title.en != seed_domain.title:
            found.append(f"domain {domain.title.en!r} is {seed_domain.title!r} in the seed")
        if domain.weight != seed_domain.weight:
            found.append(f"{domain.key} weighs {domain.weight}, the seed {seed_domain.weight}")
        ours = [(c.number, c.title.en, c.guidance.en) for c in domain.criteria]
        theirs = [(c.number, c.title, c.guidance) for c in seed_domain.criteria]
        for number in sorted({n for n, _, _ in theirs} - {n for n, _, _ in ours}, key=int):
            found.append(f"criterion {number} of {domain.key} is missing")
        for number in sorted({n for n, _, _ in ours} - {n for n, _, _ in theirs}, key=int):
            found.append(f"criterion {number} is not in the seed's {seed_domain.title}")
        by_number = {n: (t, g) for n, t, g in theirs}
        for number, title, guidance in ours:
            if number in by_number and by_number[number] != (title, guidance):
                found.append(f"criterion {number}'s text differs from the seed")
        if [n for n, _, _ in ours] != [n for n, _, _ in theirs]:
            found.append(f"criteria of {domain.key} are not in the seed's order")
    return found


def nawah_differences(fw: Framework, seed: list[SeedStandard]) -> list[str]:
    found: list[str] = []
    if len(fw.domains) != len(seed):
        found.append(f"{len(fw.domains)} standards, the seed has {len(seed)}")
    for domain, standard in zip(fw.domains, seed, strict=False):
        if domain.title.ar != standard.title:
            found.append(f"standard {domain.title.ar!r} is {standard.title!r} in the seed")
        if len(domain.criteria) != len(standard.subs):
            found.append(
                f"{domain.key} has {len(domain.criteria)} sub-criteria, "
                f"the seed {len(standard.subs)}"
            )
        for criterion, sub in zip(domain.criteria, standard.subs, strict=False):
            where = f"sub-criterion {sub.number}"
            if criterion.number != sub.number:
                found.append(f"{where} is numbered {criterion.number}")
            if criterion.title.ar != sub.title:
                found.append(f"{where}'s title differs from the seed")
            if criterion.additional != sub.additional:
                found.append(f"{where}'s additional mark differs from the seed")
            if criterion.goal is None or criterion.goal.ar != sub.goal:
                found.append(f"{where}'s goal differs from the seed")
            ours = [t.ar for t in criterion.evidence_items]
            for bullet in sub.evidence:
                if bullet not in ours:
                    found.append(f"{where} lacks the seed's evidence item {bullet!r}")
            for bullet in ours:
                if bullet not in sub.evidence:
                    found.append(f"{where} has an evidence item not in the seed: {bullet!r}")
            if ours != list(sub.evidence) and sorted(ours) == sorted(sub.evidence):
                found.append(f"{where}'s evidence items are not in the seed's order")
    return found


def texts_in(value: Any, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text inside a framework, with where it sits."""
    if isinstance(value, Text):
        yield path, value
    elif is_dataclass(value):
        for f in fields(value):
            yield from texts_in(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from texts_in(item, f"{path}[{i}]")


def with_criteria(fw: Framework, domain_index: int, criteria: tuple[Criterion, ...]) -> Framework:
    domains = list(fw.domains)
    domains[domain_index] = replace(domains[domain_index], criteria=criteria)
    return replace(fw, domains=tuple(domains))


AMYAZ = [
    pytest.param("amyaz-polyclinics", POLYCLINICS_HEADING, 45, id="polyclinics"),
    pytest.param("amyaz-hospitals", HOSPITALS_HEADING, 36, id="hospitals"),
]


# --- Amyaz ------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "heading", "total"), AMYAZ)
def test_amyaz_lists_every_criterion_numbered_one_to_n_without_gaps(
    key: str, heading: str, total: int
) -> None:
    expected = [str(n) for n in range(1, total + 1)]
    assert [c.number for d in read_amyaz(heading) for c in d.criteria] == expected
    assert [c.number for c in framework(key).criteria()] == expected


@pytest.mark.parametrize(("key", "heading", "total"), AMYAZ)
def test_amyaz_titles_guidance_domains_and_weights_are_the_seeds_word_for_word(
    key: str, heading: str, total: int
) -> None:
    assert amyaz_differences(framework(key), read_amyaz(heading)) == []


@pytest.mark.parametrize(("key", "heading", "total"), AMYAZ)
def test_amyaz_domain_weights_are_20_30_20_30_and_sum_to_100(
    key: str, heading: str, total: int
) -> None:
    fw = framework(key)
    assert [d.title.en for d in fw.domains] == [
        "Governance & Leadership",
        "Customer/Beneficiary Services",
        "Performance & Sustainability",
        "Patient Safety",
    ]
    assert [d.weight for d in fw.domains] == [20, 30, 20, 30]
    assert [d.weight for d in fw.domains] == [d.weight for d in read_amyaz(heading)]
    assert sum(d.weight for d in fw.domains) == 100


@pytest.mark.parametrize(("key", "heading", "total"), AMYAZ)
def test_every_amyaz_title_and_guidance_appears_verbatim_in_the_seed(
    key: str, heading: str, total: int
) -> None:
    seed = set(seed_lines())
    for c in framework(key).criteria():
        assert c.guidance.en in seed, c.number
        assert any(line.endswith(f"{c.number} {c.title.en}") for line in seed), c.number


def test_a_dropped_criterion_is_caught() -> None:
    fw = framework("amyaz-polyclinics")
    patient_safety = fw.domains[3]
    dropped = with_criteria(fw, 3, patient_safety.criteria[:-1])
    assert amyaz_differences(dropped, read_amyaz(POLYCLINICS_HEADING)) == [
        "criterion 45 of patient-safety is missing",
        "criteria of patient-safety are not in the seed's order",
    ]


def test_a_changed_word_in_guidance_is_caught() -> None:
    fw = framework("amyaz-hospitals")
    first = fw.domains[0].criteria[0]
    edited = replace(
        first, guidance=replace(first.guidance, en=first.guidance.en.replace("goals", "aims", 1))
    )
    changed = with_criteria(fw, 0, (edited, *fw.domains[0].criteria[1:]))
    assert amyaz_differences(changed, read_amyaz(HOSPITALS_HEADING)) == [
        "criterion 1's text differs from the seed"
    ]


def test_a_corrected_typo_in_a_title_is_caught() -> None:
    fw = framework("amyaz-polyclinics")
    first = fw.domains[0].criteria[0]
    assert "strategeic" in first.title.en
    corrected = replace(
        first, title=replace(first.title, en=first.title.en.replace("strategeic", "strategic"))
    )
    changed = with_criteria(fw, 0, (corrected, *fw.domains[0].criteria[1:]))
    assert amyaz_differences(changed, read_amyaz(POLYCLINICS_HEADING)) == [
        "criterion 1's text differs from the seed"
    ]


def test_a_changed_domain_weight_is_caught() -> None:
    fw = framework("amyaz-hospitals")
    domains = (replace(fw.domains[0], weight=Decimal(25)), *fw.domains[1:])
    assert amyaz_differences(replace(fw, domains=domains), read_amyaz(HOSPITALS_HEADING)) == [
        "governance-leadership weighs 25, the seed 20"
    ]


def test_polyclinic_11_carries_the_seeds_own_points_proof_2_and_example_project_2() -> None:
    c = framework("amyaz-polyclinics").criteria()[10]
    assert c.number == "11"
    assert c.kind is CriterionKind.ITEMISED
    assert [(i.key, i.points) for i in c.items] == [
        ("proof", Decimal(2)),
        ("example-project", Decimal(2)),
    ]
    assert c.max_points == 4
    assert c.default_points is False
    for item in c.items:
        assert f"{item.label.en} ={item.points}" in c.guidance.en


def test_only_itemised_points_come_from_the_seed_every_other_criterion_scores_0_to_4() -> None:
    for fw in FRAMEWORKS:
        for c in fw.criteria():
            if c.kind is CriterionKind.ITEMISED:
                assert c.max_points == sum(i.points for i in c.items)
                assert not c.default_points
            else:
                assert (c.max_points, c.default_points) == (Decimal(4), True), (fw.key, c.number)


def test_zero_without_evidence_follows_the_seeds_text_and_defaults_by_kind() -> None:
    """True where the text says "no clear evidence … = zero"; else only for judged kinds."""
    judged = {CriterionKind.EVIDENCE, CriterionKind.ITEMISED, CriterionKind.CERTIFICATE}
    for fw in FRAMEWORKS:
        for c in fw.criteria():
            stated = re.search(r"no clear evidence.*= zero", c.guidance.en) is not None
            assert c.zero_without_evidence == (stated or c.kind in judged), (fw.key, c.number)


def test_criteria_whose_text_says_no_evidence_means_zero_are_all_flagged() -> None:
    stated = {
        fw.key: [c.number for c in fw.criteria() if "no clear evidence" in c.guidance.en]
        for fw in FRAMEWORKS[:2]
    }
    assert stated == {
        "amyaz-polyclinics": [
            "2",
            "3",
            "4",
            "5",
            "8",
            "19",
            "20",
            "22",
            "23",
            "24",
            "27",
            "28",
            "40",
        ],
        "amyaz-hospitals": [
            "2",
            "3",
            "4",
            "5",
            "19",
            "20",
            "21",
            "23",
            "25",
            "26",
            "27",
            "28",
            "29",
        ],
    }
    for fw in FRAMEWORKS[:2]:
        assert all(c.zero_without_evidence for c in fw.criteria() if c.number in stated[fw.key])


# --- KPIs and counts ----------------------------------------------------------------------


def test_every_kpi_has_a_numerator_and_denominator_quoted_from_the_seed_or_a_stated_reading() -> (
    None
):
    for fw in FRAMEWORKS:
        for c in fw.criteria():
            if c.kind is not CriterionKind.KPI:
                assert (c.numerator, c.denominator) == (None, None), (fw.key, c.number)
                continue
            assert c.numerator is not None, (fw.key, c.number)
            assert c.denominator is not None, (fw.key, c.number)
            seed_text = f"{c.title.en} {c.guidance.en}"
            quoted = c.numerator.en in seed_text and c.denominator.en in seed_text
            assert quoted or c.notes, f"{fw.key} {c.number}: the numerator is not the seed's"


@pytest.mark.parametrize(
    ("key", "number", "numerator", "denominator"),
    [
        (
            "amyaz-polyclinics",
            "12",
            "Number of Complaints resolved within 48 hours from filing/submission to "
            "communication of resolution over total number of complaints",
            "Total number of complaints received",
        ),
        (
            "amyaz-polyclinics",
            "13",
            "Complaints who received a (satisfied, very satisfied) scoring on its resolution/ "
            "outcome by the patient/family/others",
            "Total number of complaints received",
        ),
        (
            "amyaz-polyclinics",
            "6",
            "Number of Saudis working in the private sector",
            "Total employees in the private sector",
        ),
        (
            "amyaz-polyclinics",
            "35",
            "Number of Missed Appointments ( no show)",
            "Total Number of Appointments",
        ),
        (
            "amyaz-hospitals",
            "12",
            "Number of Complaints resolved within 48 hours from filing/submission to "
            "communication of resolution over total number of complaints",
            "Total number of complaints received",
        ),
        (
            "amyaz-hospitals",
            "6",
            "Number of Saudis working in the hospital",
            "Total employees in the hospital",
        ),
    ],
)
def test_kpis_whose_seed_states_numerator_and_denominator_use_its_words(
    key: str, number: str, numerator: str, denominator: str
) -> None:
    c = framework(key).criteria()[int(number) - 1]
    assert c.kind is CriterionKind.KPI
    assert c.numerator is not None
    assert c.numerator.en == numerator
    assert c.denominator is not None
    assert c.denominator.en == denominator


@pytest.mark.parametrize(
    ("key", "number"),
    [
        ("amyaz-polyclinics", "7"),  # staff turnover
        ("amyaz-polyclinics", "35"),  # no-show rate
        ("amyaz-hospitals", "7"),  # Saudi staff turnover
        ("amyaz-hospitals", "35"),  # mortality
    ],
)
def test_turnover_no_shows_and_mortality_are_lower_is_better_kpis(key: str, number: str) -> None:
    c = framework(key).criteria()[int(number) - 1]
    assert (c.kind, c.direction, c.bands) == (
        CriterionKind.KPI,
        Direction.LOWER_IS_BETTER,
        PERCENT_LOWER_IS_BETTER,
    )


@pytest.mark.parametrize(
    ("key", "numbers"),
    [("amyaz-polyclinics", ["14", "16", "17"]), ("amyaz-hospitals", ["14", "16", "17"])],
)
def test_violations_and_abuse_reports_are_counts_where_fewer_is_better(
    key: str, numbers: list[str]
) -> None:
    for number in numbers:
        c = framework(key).criteria()[int(number) - 1]
        assert (c.kind, c.direction, c.bands) == (
            CriterionKind.COUNT,
            Direction.LOWER_IS_BETTER,
            COUNT_LOWER_IS_BETTER,
        ), number


@pytest.mark.parametrize(
    ("key", "number"), [("amyaz-polyclinics", "24"), ("amyaz-hospitals", "27")]
)
def test_the_seeds_target_of_four_national_contributions_a_year_is_the_top_band(
    key: str, number: str
) -> None:
    c = framework(key).criteria()[int(number) - 1]
    assert "equivalent to 4 contributions over 12 months" in c.guidance.en
    assert c.kind is CriterionKind.COUNT
    assert c.direction is Direction.HIGHER_IS_BETTER
    assert (c.bands[0].threshold, c.bands[0].points) == (Decimal(4), Decimal(4))


def test_bands_run_best_first_in_the_criterions_direction_and_top_out_at_its_maximum() -> None:
    for fw in FRAMEWORKS:
        for c in fw.criteria():
            if c.kind not in (CriterionKind.KPI, CriterionKind.COUNT):
                assert c.bands == (), (fw.key, c.number)
                continue
            thresholds = [b.threshold for b in c.bands]
            best_first = sorted(thresholds, reverse=c.direction is Direction.HIGHER_IS_BETTER)
            assert thresholds == best_first, (fw.key, c.number)
            assert c.bands[0].points == c.max_points, (fw.key, c.number)
            defaults = {
                (CriterionKind.KPI, Direction.HIGHER_IS_BETTER): PERCENT_HIGHER_IS_BETTER,
                (CriterionKind.KPI, Direction.LOWER_IS_BETTER): PERCENT_LOWER_IS_BETTER,
                (CriterionKind.COUNT, Direction.HIGHER_IS_BETTER): COUNT_HIGHER_IS_BETTER,
                (CriterionKind.COUNT, Direction.LOWER_IS_BETTER): COUNT_LOWER_IS_BETTER,
            }
            assert c.bands == defaults[c.kind, c.direction], (fw.key, c.number)


def test_valid_certificates_are_scored_as_certificates() -> None:
    certified = {
        fw.key: [c.number for c in fw.criteria() if c.kind is CriterionKind.CERTIFICATE]
        for fw in FRAMEWORKS
    }
    assert certified["amyaz-polyclinics"] == ["15", "19"]  # Mowaamah, accreditations
    assert certified["amyaz-hospitals"] == ["10", "19", "20", "21"]
    assert certified["nawah"] == ["6.4"]  # ISO 9001
    assert "Mowaamah" in framework("amyaz-polyclinics").criteria()[14].title.en


# --- Nawah ------------------------------------------------------------------------------


def test_nawah_has_the_seeds_six_standards_with_4_3_5_2_3_4_sub_criteria() -> None:
    seed = read_nawah()
    assert [s.ordinal for s in seed] == list(ORDINALS)
    assert [len(s.subs) for s in seed] == [4, 3, 5, 2, 3, 4]
    assert [len(d.criteria) for d in framework("nawah").domains] == [4, 3, 5, 2, 3, 4]


def test_nawah_standards_titles_goals_and_evidence_items_are_the_seeds_word_for_word() -> None:
    assert nawah_differences(framework("nawah"), read_nawah()) == []


def test_nawah_counts_every_evidence_bullet_of_the_seed() -> None:
    lines = seed_lines()
    start, stop = lines.index("📊 معايير التقييم التفصيلية"), lines.index("🏅 فئات الجائزة")
    bullets = [line for line in lines[start:stop] if line.startswith("- ")]
    shipped = [item for c in framework("nawah").criteria() for item in c.evidence_items]
    assert len(shipped) == len(bullets) == 71


def test_a_missing_nawah_evidence_item_is_caught() -> None:
    fw = framework("nawah")
    first = fw.domains[0].criteria[0]
    trimmed = replace(first, evidence_items=first.evidence_items[:-1])
    changed = with_criteria(fw, 0, (trimmed, *fw.domains[0].criteria[1:]))
    assert nawah_differences(changed, read_nawah()) == [
        "sub-criterion 1.1 lacks the seed's evidence item 'اعتماد رسمي من مجلس الإدارة'"
    ]


def test_an_evidence_item_moved_to_another_sub_criterion_is_caught() -> None:
    fw = framework("nawah")
    first, second = fw.domains[0].criteria[:2]
    moved = first.evidence_items[-1]
    changed = with_criteria(
        fw,
        0,
        (
            replace(first, evidence_items=first.evidence_items[:-1]),
            replace(second, evidence_items=(*second.evidence_items, moved)),
            *fw.domains[0].criteria[2:],
        ),
    )
    assert nawah_differences(changed, read_nawah()) == [
        f"sub-criterion 1.1 lacks the seed's evidence item {moved.ar!r}",
        f"sub-criterion 1.2 has an evidence item not in the seed: {moved.ar!r}",
    ]


def test_a_changed_word_in_a_nawah_goal_is_caught() -> None:
    fw = framework("nawah")
    first = fw.domains[0].criteria[0]
    assert first.goal is not None
    reworded = replace(first, goal=replace(first.goal, ar=first.goal.ar.replace("شفافة", "واضحة")))
    changed = with_criteria(fw, 0, (reworded, *fw.domains[0].criteria[1:]))
    assert nawah_differences(changed, read_nawah()) == [
        "sub-criterion 1.1's goal differs from the seed"
    ]


def test_international_relations_alone_is_additional_and_stays_out_of_the_maximum() -> None:
    fw = framework("nawah")
    additional = [c for c in fw.criteria() if c.additional]
    assert [(c.number, c.title.ar) for c in additional] == [("5.3", "علاقات دولية")]
    partnerships = fw.domains[4]
    assert len(partnerships.criteria) == 3
    assert partnerships.max_points == 8


def test_nawah_weights_are_equal_registry_defaults_summing_to_exactly_100_and_say_so() -> None:
    fw = framework("nawah")
    weights = [d.weight for d in fw.domains]
    assert sum(weights) == Decimal(100)
    assert max(weights) - min(weights) == Decimal("0.01")
    assert any("registry default" in n.en and "يجوز للدورة تغييره" in n.ar for n in fw.notes)


def test_nawah_objectives_are_the_seeds_four_goals_with_their_headings() -> None:
    fw = framework("nawah")
    seed = read_pairs("🎯 أهداف الجائزة", "📊 معايير التقييم التفصيلية")
    assert [(t.ar, g.ar) for t, g in zip(fw.goal_titles, fw.goals, strict=True)] == seed
    assert [t.ar for t in fw.goal_titles] == [
        "تحفيز التميز",
        "إبراز الإنجازات",
        "تعزيز الشفافية",
        "تحسين الخدمات",
    ]
    assert [c.ar for c in fw.categories] == [
        "الجمعيات الصحية الأهلية - غير الربحية المرخص لها رسمياً في المنطقة الشرقية"
    ]


# --- Maan -------------------------------------------------------------------------------


def test_maan_carries_its_three_goals_and_target_categories_verbatim() -> None:
    fw = framework("maan")
    seed_goals = read_pairs("أهداف الجائزة", "الفئات المستهدفة", after="جائزة معًا 2025")
    assert [(t.ar, g.ar) for t, g in zip(fw.goal_titles, fw.goals, strict=True)] == seed_goals
    assert len(fw.goals) == 3
    lines = seed_lines()
    categories = [
        line
        for line in lines[lines.index("الفئات المستهدفة", lines.index("جائزة معًا 2025")) + 1 :]
        if line
    ]
    assert (
        [c.ar for c in fw.categories]
        == categories
        == [
            "لسعة 100 سرير وأكثر",
            "لسعة 100 سرير وأكثر",
            "جميع المجمعات الطبية المرخصة",
        ]
    )


def test_maan_has_no_criteria_and_says_why() -> None:
    fw = framework("maan")
    assert fw.domains == ()
    assert any("no assessment criteria" in n.en for n in fw.notes)


# --- every framework ---------------------------------------------------------------------


def test_the_four_frameworks_are_shipped_under_their_keys() -> None:
    assert [f.key for f in FRAMEWORKS] == ["amyaz-polyclinics", "amyaz-hospitals", "nawah", "maan"]
    assert all(framework(f.key) is f for f in FRAMEWORKS)


def test_an_unknown_framework_key_is_not_found() -> None:
    with pytest.raises(NotFound):
        framework("amyaz-schools")


@pytest.mark.parametrize("fw", FRAMEWORKS, ids=lambda f: f.key)
def test_every_text_reads_in_arabic_and_in_english(fw: Framework) -> None:
    texts = list(texts_in(fw))
    assert texts
    for where, text in texts:
        assert text.ar.strip(), where
        assert text.en.strip(), where
        assert re.search("[\u0621-\u064a]", text.ar), f"{where}: no Arabic in {text.ar!r}"
        assert re.search("[A-Za-z]", text.en), f"{where}: no English in {text.en!r}"
        assert text.ar != text.en, where


@pytest.mark.parametrize("fw", [f for f in FRAMEWORKS if f.domains], ids=lambda f: f.key)
def test_domain_weights_sum_to_100_and_criterion_numbers_are_unique(fw: Framework) -> None:
    assert sum(d.weight for d in fw.domains) == 100
    numbers = [c.number for c in fw.criteria()]
    assert len(numbers) == len(set(numbers))
    assert len({d.key for d in fw.domains}) == len(fw.domains)
    assert all(isinstance(d, Domain) and d.max_points > 0 for d in fw.domains)
