"""The registry's readings of the seed that apply alike to both Amyaz lists.

Where the seed leaves a measure open in the same way for polyclinics and for hospitals,
both criteria carry the same note, so one reading is stated (and changed) in one place.
"""

# ruff: noqa: E501

from __future__ import annotations

from domain.text import Text

# A percentage or ratio whose parts the seed leaves unstated.
READ_FROM_TITLE = Text(
    en="The seed names the measure but not its numerator and denominator; the registry reads them from the title.",
    ar="يذكر المصدر المقياس دون أن يحدد البسط والمقام؛ وقد استنبطهما السجل من العنوان.",
)

# The Saudization criterion asks for both a rate and a certificate.
SAUDIZATION_RATE = Text(
    en="Scored as the Saudization rate the seed defines; the Saudization certificate it asks for is attached as evidence.",
    ar="يُقيَّم بنسبة التوطين كما عرّفها المصدر؛ وتُرفق شهادة التوطين المطلوبة دليلاً.",
)

# Abuse reports are monitored monthly but scored over a year.
MONTHLY_ABUSE_COUNT = Text(
    en="The seed's monitoring records one number per month; the count scored is the total of the last 12 months, as the title says. Lower is better.",
    ar="تسجل آلية الرصد في المصدر رقماً واحداً لكل شهر؛ والعدد المقيَّم هو مجموع الاثني عشر شهراً الماضية كما ينص العنوان. الأقل أفضل.",
)

# National initiatives: the seed's own target tops the count bands.
NATIONAL_CONTRIBUTIONS_TARGET = Text(
    en="The top band is the seed's target: one per quarter, 4 contributions over 12 months.",
    ar="أعلى شريحة هي مستهدف المصدر: مشاركة كل ربع سنة، أي 4 مشاركات خلال 12 شهراً.",
)

# Employees trained: a number without a scale, so a judge scores it.
TRAINED_EMPLOYEES_JUDGED = Text(
    en="The seed asks for the number and names of the employees trained but sets no ratio or target; a judge scores the evidence.",
    ar="يطلب المصدر عدد الموظفين المدربين وأسماءهم دون نسبة أو مستهدف؛ ويقيّم المحكّم الأدلة.",
)
