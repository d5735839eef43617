"""The award criteria frameworks, transcribed from seed 001 (Eastern Region, 2025).

One module per framework: Amyaz for health centres & polyclinics (45 criteria) and for
hospitals (36), each in four weighted domains; Nawah for non-profit health associations
(six standards, 21 sub-criteria with goals and evidence items); Maan (goals and target
categories, no criteria yet). Texts in the seed's language are verbatim; the other
language is the registry's translation. ``tests/unit/test_framework_transcription.py``
checks them against the seed, criterion for criterion.

Where the seed gives no points, the edition's configuration sets them; this is the
shipped default (``defaults.py``):

- Every criterion scores 0..4 (``default_points=True``). The one exception is Amyaz
  polyclinics criterion 11, whose points the seed gives ("proof … = 2, attach an example
  of a project = 2"): itemised, maximum 4, ``default_points=False``.
- KPI where the seed defines a percentage, ratio or rate (937 closure within 48 hours,
  satisfaction with complaint resolution, Saudization, staff turnover, drills completed,
  mortality…): numerator over denominator as a percentage, banded higher-is-better
  ≥90 → 4, ≥75 → 3, ≥50 → 2, ≥25 → 1, or lower-is-better (turnover, no-shows, sentinel
  events, mortality) ≤5 → 4, ≤10 → 3, ≤20 → 2, ≤30 → 1. Numerator and denominator are
  the seed's words where it gives them; otherwise the registry reads them from the
  criterion's wording and says so in the criterion's ``notes``.
- COUNT where the seed asks for a number: violations and abuse reports, lower is better
  (0 → 4, ≤1 → 3, ≤2 → 2, ≤4 → 1); improvement projects, training courses, national
  initiatives, higher is better (≥4 → 4, ≥3 → 3, ≥2 → 2, ≥1 → 1), with a target the
  seed states ("one per quarter, equivalent to 4 contributions over 12 months") as the
  top band.
- CERTIFICATE where a valid certificate is what is scored (Mowaamah, accreditations,
  SCFHS and research-ethics accreditation, nursing recognition, ISO 9001).
- EVIDENCE otherwise: a judge awards 0..4 on the evidence attached.

``zero_without_evidence`` follows the text: True wherever a criterion says "If there is
no clear evidence … = zero", whatever its kind. Where the text is silent it is True for
EVIDENCE, ITEMISED and CERTIFICATE criteria, which are scored on nothing but what is
attached, so the seed's general rule applies to them; and False for KPI and COUNT
criteria, whose figures are entered and computed (a count of zero violations is the
best result, not a missing one).
"""

from __future__ import annotations

from domain.awards.framework import Framework
from domain.errors import NotFound
from domain.messages import N_
from registry.catalogue.frameworks import amyaz_hospitals, amyaz_polyclinics, maan, nawah

FRAMEWORKS: tuple[Framework, ...] = (
    amyaz_polyclinics.FRAMEWORK,
    amyaz_hospitals.FRAMEWORK,
    nawah.FRAMEWORK,
    maan.FRAMEWORK,
)

_BY_KEY = {f.key: f for f in FRAMEWORKS}


def framework(key: str) -> Framework:
    """The shipped framework with this key."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise NotFound(N_("No criteria framework '{key}'."), key=key) from None
