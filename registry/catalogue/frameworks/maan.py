"""Maan (معًا): the beneficiary-experience award of the Eastern Region, 2025.

Transcribed from seed 001 ("جائزة معًا 2025", the second annual beneficiary-experience
forum): its three goals and its target categories, in the seed's Arabic word for word;
the English is the registry's translation. The seed gives no criteria for Maan, so the
framework has no domains; a later version adds them when they are published.
"""

# ruff: noqa: E501

from __future__ import annotations

from domain.awards.framework import Framework
from domain.text import Text

FRAMEWORK = Framework(
    key="maan",
    version=1,
    title=Text(
        ar="جائزة معًا",
        en="Maan (Together) Award",
    ),
    source="seed 001_5810685168bda0c6 (Eastern Region health excellence awards, 2025): جائزة معًا 2025، ملتقى تجربة المستفيد السنوي الثاني",
    domains=(),
    goals=(
        Text(
            ar="رفع مؤشر الرضا العام للمستفيدين في القطاع الصحي بالمنطقة الشرقية",
            en="Raise the overall beneficiary satisfaction index in the health sector in the Eastern Region",
        ),
        Text(
            ar="تشجيع المنشآت الصحية الرائدة في تجربة المستفيد",
            en="Encourage health facilities that lead in beneficiary experience",
        ),
        Text(
            ar="مشاركة الخبرات وأفضل الممارسات بين المنشآت الصحية المتميزة",
            en="Share expertise and best practices among distinguished health facilities",
        ),
    ),
    goal_titles=(
        Text(
            ar="الهدف الأول",
            en="First goal",
        ),
        Text(
            ar="الهدف الثاني",
            en="Second goal",
        ),
        Text(
            ar="الهدف الثالث",
            en="Third goal",
        ),
    ),
    categories=(
        Text(
            ar="لسعة 100 سرير وأكثر",
            en="With a capacity of 100 beds or more",
        ),
        Text(
            ar="لسعة 100 سرير وأكثر",
            en="With a capacity of 100 beds or more",
        ),
        Text(
            ar="جميع المجمعات الطبية المرخصة",
            en="All licensed medical complexes",
        ),
    ),
    notes=(
        Text(
            ar="النصوص العربية هي نصوص المصدر حرفياً؛ والنصوص الإنجليزية ترجمة السجل.",
            en="Arabic texts are the seed's own, verbatim; the English texts are the registry's translation.",
        ),
        Text(
            ar="يذكر المصدر أهداف جائزة معًا وفئاتها المستهدفة دون معايير تقييم؛ لذا لا مجالات في هذا الإطار حتى تصدر نسخة تتضمن المعايير.",
            en="The seed gives Maan's goals and target categories but no assessment criteria; the framework therefore has no domains until a version with criteria is published.",
        ),
        Text(
            ar='يورد المصدر الفئة "لسعة 100 سرير وأكثر" مرتين، ويبدو أن النشر أسقط ما يميز كل سطر (نوع المنشآت المقصودة)؛ أُبقي السطران كما وردا، وتسمّي الدورة فئاتها.',
            en='The seed lists "لسعة 100 سرير وأكثر" (a capacity of 100 beds or more) twice; the publication seems to have lost what told the two lines apart (which facilities each covers). Both lines are kept as written; the edition names its categories.',
        ),
    ),
)
