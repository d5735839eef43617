"""Nawah: the excellence award for non-profit health associations in the Eastern Region.

Transcribed from seed 001 ("دليل المشاركة في جائزة التميز للجمعيات الصحية الأهلية بالمنطقة
الشرقية 2025"): the award's four objectives and its six standards, each sub-criterion
with its goal (الهدف) and every evidence item, in the seed's Arabic word for word; the
English is the registry's translation. The seed gives neither weights nor points: the
standards are weighed equally and each sub-criterion scores 0..4 (registry defaults, see
``registry.catalogue.frameworks``). Sub-criterion 5.3 is the one the seed marks
"(معيار إضافي)": it is scored but left out of its standard's maximum.
"""

# ruff: noqa: E501

from __future__ import annotations

from decimal import Decimal

from domain.awards.framework import Criterion, Domain, Framework
from domain.text import Text
from registry.catalogue.frameworks.defaults import certificate, evidence

# 100 / 6 does not divide evenly; the first four standards take the extra hundredth.
_WEIGHTS = (Decimal("16.67"),) * 4 + (Decimal("16.66"),) * 2


def _sub_criterion(
    number: str,
    title: Text,
    goal: Text,
    evidence_items: tuple[Text, ...],
    *,
    certified: bool = False,
    additional: bool = False,
) -> Criterion:
    """The goal is the only explanatory text the seed gives, so it is the guidance too."""
    if certified:
        return certificate(number, title, goal, goal=goal, evidence_items=evidence_items)
    return evidence(
        number, title, goal, goal=goal, evidence_items=evidence_items, additional=additional
    )


FRAMEWORK = Framework(
    key="nawah",
    version=1,
    title=Text(
        ar="جائزة نواة للتميز",
        en="Nawah Excellence Award",
    ),
    source="seed 001_5810685168bda0c6 (Eastern Region health excellence awards, 2025): دليل المشاركة في جائزة التميز للجمعيات الصحية الأهلية بالمنطقة الشرقية 2025",
    domains=(
        Domain(
            key="leadership-governance",
            title=Text(
                ar="القيادة والحوكمة",
                en="Leadership and Governance",
            ),
            weight=_WEIGHTS[0],
            criteria=(
                _sub_criterion(
                    "1.1",
                    Text(
                        ar="الشفافية والالتزام",
                        en="Transparency and Compliance",
                    ),
                    Text(
                        ar="بناء بيئة عمل شفافة قائمة على الوضوح المؤسسي والامتثال",
                        en="Build a transparent work environment founded on institutional clarity and compliance",
                    ),
                    (
                        Text(
                            ar="وجود لوائح مكتوبة تغطي جميع الجوانب (إدارية، مالية، تشغيلية)",
                            en="Written regulations covering all aspects (administrative, financial, operational)",
                        ),
                        Text(
                            ar="تحديث السياسات بحد أقصى كل سنتين",
                            en="Policies updated every two years at most",
                        ),
                        Text(
                            ar="اعتماد رسمي من مجلس الإدارة",
                            en="Formal approval by the board of directors",
                        ),
                    ),
                ),
                _sub_criterion(
                    "1.2",
                    Text(
                        ar="المساءلة",
                        en="Accountability",
                    ),
                    Text(
                        ar="تعزيز الرقابة والشفافية عبر مراجعات منتظمة للأداء المؤسسي",
                        en="Strengthen oversight and transparency through regular reviews of institutional performance",
                    ),
                    (
                        Text(
                            ar="وجود جهة داخلية أو خارجية مسؤولة عن المراجعة",
                            en="An internal or external body responsible for the review",
                        ),
                        Text(
                            ar="جدول مراجعة معتمد",
                            en="An approved review schedule",
                        ),
                        Text(
                            ar="تنفيذ التوصيات الناتجة عن المراجعة",
                            en="Implementation of the recommendations arising from the review",
                        ),
                    ),
                ),
                _sub_criterion(
                    "1.3",
                    Text(
                        ar="قيادة فعالة",
                        en="Effective Leadership",
                    ),
                    Text(
                        ar="التأكيد على فاعلية قيادة الجمعية ومشاركتها في توجيه العمل المؤسسي",
                        en="Confirm the effectiveness of the association's leadership and its involvement in steering institutional work",
                    ),
                    (
                        Text(
                            ar="مجلس إدارة نشط ينعقد بانتظام",
                            en="An active board of directors that meets regularly",
                        ),
                        Text(
                            ar="توثيق المحاضر والقرارات",
                            en="Minutes and decisions documented",
                        ),
                        Text(
                            ar="مشاركة المجلس في التخطيط والتقييم",
                            en="The board takes part in planning and evaluation",
                        ),
                    ),
                ),
                _sub_criterion(
                    "1.4",
                    Text(
                        ar="التخطيط الاستراتيجي",
                        en="Strategic Planning",
                    ),
                    Text(
                        ar="تعزيز التخطيط المؤسسي لضمان استدامة العمل وتحقيق الأهداف",
                        en="Strengthen institutional planning to ensure sustainable work and the achievement of objectives",
                    ),
                    (
                        Text(
                            ar="توفر خطة تشمل: الرؤية، الرسالة، الأهداف، البرامج، والتدريب",
                            en="A plan covering: vision, mission, objectives, programmes and training",
                        ),
                        Text(
                            ar="تغطية الخطة لثلاث سنوات على الأقل",
                            en="The plan covers at least three years",
                        ),
                        Text(
                            ar="اعتماد الخطة من مجلس الإدارة",
                            en="The plan approved by the board of directors",
                        ),
                    ),
                ),
            ),
        ),
        Domain(
            key="development-innovation",
            title=Text(
                ar="التطوير والابتكار",
                en="Development and Innovation",
            ),
            weight=_WEIGHTS[1],
            criteria=(
                _sub_criterion(
                    "2.1",
                    Text(
                        ar="المشاريع المبتكرة",
                        en="Innovative Projects",
                    ),
                    Text(
                        ar="تحفيز الجمعيات على إيجاد حلول مبتكرة جديدة للتحديات الصحية",
                        en="Encourage associations to find new, innovative solutions to health challenges",
                    ),
                    (
                        Text(
                            ar="وجود فكرة جديدة غير مكررة تعالج حاجة صحية واقعية",
                            en="A new, non-duplicated idea that addresses a real health need",
                        ),
                        Text(
                            ar="تنفيذ المشروع على أرض الواقع مع وجود خطة تنفيذ واضحة",
                            en="The project implemented on the ground with a clear implementation plan",
                        ),
                        Text(
                            ar="توثيق مراحل التنفيذ والنتائج الفعلية المحققة",
                            en="The implementation stages and the actual results achieved documented",
                        ),
                    ),
                ),
                _sub_criterion(
                    "2.2",
                    Text(
                        ar="التكنولوجيا الصحية",
                        en="Health Technology",
                    ),
                    Text(
                        ar="تعزيز كفاءة العمليات الصحية والإدارية من خلال تبني أدوات رقمية",
                        en="Raise the efficiency of health and administrative operations by adopting digital tools",
                    ),
                    (
                        Text(
                            ar="تفعيل نظام إلكتروني جديد (أنظمة المواعيد، إدارة المتطوعين، إدارة الحالات)",
                            en="A new electronic system put into service (appointment systems, volunteer management, case management)",
                        ),
                        Text(
                            ar="تطوير أو أتمتة نظام موجود لتحسين الكفاءة",
                            en="An existing system developed or automated to improve efficiency",
                        ),
                    ),
                ),
                _sub_criterion(
                    "2.3",
                    Text(
                        ar="حلول جديدة",
                        en="New Solutions",
                    ),
                    Text(
                        ar="رفع رضا المستفيدين عبر تحسين جوانب الخدمة المرتبطة بالتجربة الشخصية",
                        en="Raise beneficiary satisfaction by improving the aspects of the service tied to the personal experience",
                    ),
                    (
                        Text(
                            ar="توفر مبادرة واحدة على الأقل ذات بعد إنساني أو اجتماعي واضح",
                            en="At least one initiative with a clear humanitarian or social dimension",
                        ),
                        Text(
                            ar="ارتباط واضح للمبادرة برؤية الجمعية وأهدافها المجتمعية",
                            en="A clear link between the initiative and the association's vision and community objectives",
                        ),
                        Text(
                            ar="تضمين أدوات تقييم رضا المستفيدين (استبيانات، مقابلات، جلسات عصف ذهني)",
                            en="Tools for assessing beneficiary satisfaction included (surveys, interviews, brainstorming sessions)",
                        ),
                        Text(
                            ar="وجود آلية لقياس الأثر الفعلي (تحسن الرضا، سهولة الوصول، جودة التواصل)",
                            en="A mechanism to measure the actual impact (improved satisfaction, ease of access, quality of communication)",
                        ),
                    ),
                ),
            ),
        ),
        Domain(
            key="social-health-impact",
            title=Text(
                ar="الأثر الاجتماعي والصحي",
                en="Social and Health Impact",
            ),
            weight=_WEIGHTS[2],
            criteria=(
                _sub_criterion(
                    "3.1",
                    Text(
                        ar="عدد المستفيدين",
                        en="Number of Beneficiaries",
                    ),
                    Text(
                        ar="تعزيز فعالية وشمولية خدمات الجمعيات الصحية",
                        en="Enhance the effectiveness and inclusiveness of health associations' services",
                    ),
                    (
                        Text(
                            ar="وجود قاعدة بيانات محدثة تشمل جميع المستفيدين",
                            en="An up-to-date database covering all beneficiaries",
                        ),
                        Text(
                            ar="توفر قائمة تصنيف المستفيدين حسب نطاق خدمات الجمعية",
                            en="A list classifying beneficiaries by the scope of the association's services",
                        ),
                        Text(
                            ar="توفر قائمة بالخدمات المباشرة والغير مباشرة",
                            en="A list of the direct and indirect services",
                        ),
                        Text(
                            ar="توفير آليات للوصول إلى الفئات الغير قادرة على الوصول للجمعية",
                            en="Mechanisms to reach groups unable to reach the association",
                        ),
                    ),
                ),
                _sub_criterion(
                    "3.2",
                    Text(
                        ar="تحسين صحة المجتمع",
                        en="Improving Community Health",
                    ),
                    Text(
                        ar="تعزيز الصحة العامة لكافة الفئات من خلال برامج الوقاية والتثقيف",
                        en="Promote public health for all groups through prevention and education programmes",
                    ),
                    (
                        Text(
                            ar="تحديد الأمراض المزمنة المنتشرة حالياً وترتيبها حسب الأولوية",
                            en="The chronic diseases currently prevalent identified and ranked by priority",
                        ),
                        Text(
                            ar="تنفيذ حملات توعية وتقديم مساندات وقائية",
                            en="Awareness campaigns run and preventive support provided",
                        ),
                        Text(
                            ar="توفير خدمات الكشف المبكر وإجراء التحاليل الدورية",
                            en="Early detection services and periodic tests provided",
                        ),
                    ),
                ),
                _sub_criterion(
                    "3.3",
                    Text(
                        ar="قياس الأثر",
                        en="Impact Measurement",
                    ),
                    Text(
                        ar="إنشاء قاعدة بيانات دقيقة لتقييم الأثر المجتمعي والصحي",
                        en="Build an accurate database for assessing the community and health impact",
                    ),
                    (
                        Text(
                            ar="وجود نظام لتسجيل بيانات المستفيدين مع وسائل التواصل",
                            en="A system recording beneficiaries' data with their contact details",
                        ),
                        Text(
                            ar="تصنيف المستفيدين حسب البرامج والخدمات المقدمة",
                            en="Beneficiaries classified by the programmes and services provided",
                        ),
                        Text(
                            ar="ربط قاعدة البيانات بمؤشرات الأداء لقياس الأثر",
                            en="The database linked to performance indicators to measure impact",
                        ),
                        Text(
                            ar="استخدام النتائج لتحسين جودة التخطيط والتنفيذ",
                            en="The results used to improve the quality of planning and implementation",
                        ),
                    ),
                ),
                _sub_criterion(
                    "3.4",
                    Text(
                        ar="إشراك المتطوعين",
                        en="Volunteer Engagement",
                    ),
                    Text(
                        ar="تعزيز دور المتطوعين كمساهمين فاعلين في المبادرات الصحية",
                        en="Strengthen the role of volunteers as active contributors to health initiatives",
                    ),
                    (
                        Text(
                            ar="وجود سياسة واضحة لإشراك المتطوعين",
                            en="A clear policy for engaging volunteers",
                        ),
                        Text(
                            ar="تحديد أدوار ومسؤوليات المتطوعين وتدريبهم",
                            en="Volunteers' roles and responsibilities defined and volunteers trained",
                        ),
                        Text(
                            ar="توفر قاعدة بيانات للمتطوعين",
                            en="A volunteer database",
                        ),
                        Text(
                            ar="تقييم الأداء بشكل دوري وقياس رضا المتطوعين",
                            en="Periodic performance evaluation and measurement of volunteer satisfaction",
                        ),
                        Text(
                            ar="تقدير مساهمات المتطوعين وتقديم الشكر",
                            en="Volunteers' contributions recognised and thanked",
                        ),
                    ),
                ),
                _sub_criterion(
                    "3.5",
                    Text(
                        ar="التواصل الفعال مع الجهات الإشرافية",
                        en="Effective Communication with Supervisory Bodies",
                    ),
                    Text(
                        ar="تعزيز ثقافة الشفافية وضمان توفير قنوات تواصل فعالة",
                        en="Promote a culture of transparency and ensure effective communication channels",
                    ),
                    (
                        Text(
                            ar="تحديد المسؤوليات والصلاحيات داخل الجمعية",
                            en="Responsibilities and authorities within the association defined",
                        ),
                        Text(
                            ar="الاستجابة لتوجيهات ومتطلبات الجهات الإشرافية في الوقت المحدد",
                            en="Timely response to the supervisory bodies' directives and requirements",
                        ),
                        Text(
                            ar="وجود آلية لمتابعة التحديثات والتعليمات الصادرة",
                            en="A mechanism to follow up on the updates and instructions issued",
                        ),
                        Text(
                            ar="توثيق التواصل الدوري والتقارير المرسلة",
                            en="Regular communication and the reports sent documented",
                        ),
                    ),
                ),
            ),
        ),
        Domain(
            key="financial-sustainability",
            title=Text(
                ar="الاستدامة المالية",
                en="Financial Sustainability",
            ),
            weight=_WEIGHTS[3],
            criteria=(
                _sub_criterion(
                    "4.1",
                    Text(
                        ar="تنويع مصادر الدخل",
                        en="Diversifying Income Sources",
                    ),
                    Text(
                        ar="تعزيز الاستدامة المالية من خلال تنويع مصادر التمويل",
                        en="Strengthen financial sustainability by diversifying funding sources",
                    ),
                    (
                        Text(
                            ar="وجود تبرعات منتظمة من أفراد أو جهات",
                            en="Regular donations from individuals or organisations",
                        ),
                        Text(
                            ar="وجود شراكات مؤسسية أو دعم من قطاع خاص",
                            en="Institutional partnerships or private-sector support",
                        ),
                        Text(
                            ar="وجود استثمار أو نشاط يدر دخلاً ذاتياً",
                            en="An investment or activity generating self-earned income",
                        ),
                        Text(
                            ar="توفر توثيق سنوي رسمي لكل مصدر دخل",
                            en="Formal annual documentation of each source of income",
                        ),
                    ),
                ),
                _sub_criterion(
                    "4.2",
                    Text(
                        ar="تخطيط مالي مستدام",
                        en="Sustainable Financial Planning",
                    ),
                    Text(
                        ar="تأمين الاستدامة المالية من خلال تخطيط منهجي",
                        en="Secure financial sustainability through systematic planning",
                    ),
                    (
                        Text(
                            ar="خطة مالية تتضمن الإيرادات والمصروفات المتوقعة",
                            en="A financial plan covering the expected revenues and expenses",
                        ),
                        Text(
                            ar="تحديد مؤشرات أداء مالية (مثل العجز المتوقع، نسب التغطية)",
                            en="Financial performance indicators defined (such as the expected deficit, coverage ratios)",
                        ),
                        Text(
                            ar="اعتماد الخطة من مجلس الإدارة",
                            en="The plan approved by the board of directors",
                        ),
                        Text(
                            ar="مراجعة دورية للخطة وربطها بالتقارير الفعلية",
                            en="Periodic review of the plan, linked to the actual reports",
                        ),
                    ),
                ),
            ),
        ),
        Domain(
            key="partnerships-cooperation",
            title=Text(
                ar="الشراكات والتعاون",
                en="Partnerships and Cooperation",
            ),
            weight=_WEIGHTS[4],
            criteria=(
                _sub_criterion(
                    "5.1",
                    Text(
                        ar="التعاون مع الجهات الحكومية",
                        en="Cooperation with Government Entities",
                    ),
                    Text(
                        ar="دعم التكامل والتنسيق مع الجهات الحكومية",
                        en="Support integration and coordination with government entities",
                    ),
                    (
                        Text(
                            ar="توقيع مذكرات تفاهم أو اتفاقيات تعاون رسمية",
                            en="Memoranda of understanding or formal cooperation agreements signed",
                        ),
                        Text(
                            ar="تنفيذ مشاريع أو خدمات بالتعاون مع جهة حكومية",
                            en="Projects or services delivered in cooperation with a government entity",
                        ),
                        Text(
                            ar="وجود تواصل دوري مع الجهة الحكومية",
                            en="Regular communication with the government entity",
                        ),
                    ),
                ),
                _sub_criterion(
                    "5.2",
                    Text(
                        ar="شراكات مجتمعية",
                        en="Community Partnerships",
                    ),
                    Text(
                        ar="تعزيز الخدمة الصحية من خلال شراكات مجتمعية متنوعة",
                        en="Strengthen health services through diverse community partnerships",
                    ),
                    (
                        Text(
                            ar="توقيع مذكرات تعاون أو شراكات فاعلة",
                            en="Cooperation memoranda or active partnerships signed",
                        ),
                        Text(
                            ar="تنفيذ برامج توعوية أو صحية مشتركة",
                            en="Joint awareness or health programmes delivered",
                        ),
                        Text(
                            ar="وجود خطط أو أنشطة موثقة ضمن الشراكة",
                            en="Documented plans or activities within the partnership",
                        ),
                    ),
                ),
                _sub_criterion(
                    "5.3",
                    Text(
                        ar="علاقات دولية",
                        en="International Relations",
                    ),
                    Text(
                        ar="تعزيز جودة العمل من خلال الانفتاح على التجارب الدولية",
                        en="Raise the quality of work through openness to international experience",
                    ),
                    (
                        Text(
                            ar="توقيع شراكة أو مذكرة مع جهة دولية",
                            en="A partnership or memorandum signed with an international body",
                        ),
                        Text(
                            ar="تطبيق تجربة عالمية داخل برامج الجمعية",
                            en="A global practice applied within the association's programmes",
                        ),
                        Text(
                            ar="المشاركة في ورش أو مؤتمرات دولية",
                            en="Participation in international workshops or conferences",
                        ),
                    ),
                    additional=True,
                ),
            ),
        ),
        Domain(
            key="health-service-quality",
            title=Text(
                ar="جودة الخدمات الصحية",
                en="Quality of Health Services",
            ),
            weight=_WEIGHTS[5],
            criteria=(
                _sub_criterion(
                    "6.1",
                    Text(
                        ar="نظام قياس رضا المستفيدين",
                        en="Beneficiary Satisfaction Measurement System",
                    ),
                    Text(
                        ar="ضمان توفر نظام فعال وثابت لقياس رضا المستفيدين بشكل نصف سنوي",
                        en="Ensure an effective, consistent system for measuring beneficiary satisfaction every six months",
                    ),
                    (
                        Text(
                            ar="خطة معتمدة لقياس رضا المستفيدين تتضمن جدول زمني مرتين سنوياً على الأقل",
                            en="An approved plan for measuring beneficiary satisfaction with a schedule of at least twice a year",
                        ),
                        Text(
                            ar="أدوات قياس مهنية (استبيانات، مقابلات، أو منصات إلكترونية)",
                            en="Professional measurement tools (surveys, interviews or electronic platforms)",
                        ),
                        Text(
                            ar="تحليل دوري للنتائج وتوثيقها",
                            en="Periodic analysis and documentation of the results",
                        ),
                        Text(
                            ar="معالجة الملاحظات المستخلصة من القياس",
                            en="The observations drawn from the measurement addressed",
                        ),
                        Text(
                            ar="ربط النتائج بخطط التحسين",
                            en="The results linked to improvement plans",
                        ),
                    ),
                ),
                _sub_criterion(
                    "6.2",
                    Text(
                        ar="التحسين والتطوير المستمر",
                        en="Continuous Improvement and Development",
                    ),
                    Text(
                        ar="تحقيق تحسين مستدام في جودة الخدمات الصحية",
                        en="Achieve sustained improvement in the quality of health services",
                    ),
                    (
                        Text(
                            ar="وجود خطة تحسين جودة الخدمات مبنية على بيانات",
                            en="A data-based plan for improving service quality",
                        ),
                        Text(
                            ar="تدريب مستمر للكوادر الصحية والإدارية",
                            en="Continuous training of health and administrative staff",
                        ),
                        Text(
                            ar="مراجعة دورية للأداء والجودة",
                            en="Periodic review of performance and quality",
                        ),
                    ),
                ),
                _sub_criterion(
                    "6.3",
                    Text(
                        ar="سهولة الوصول للخدمات",
                        en="Ease of Access to Services",
                    ),
                    Text(
                        ar="تعزيز العدالة الصحية من خلال رفع نسبة المستفيدين في المناطق الطرفية",
                        en="Promote health equity by raising the share of beneficiaries in outlying areas",
                    ),
                    (
                        Text(
                            ar="تنفيذ برامج أو خدمات صحية في مناطق طرفية",
                            en="Health programmes or services delivered in outlying areas",
                        ),
                        Text(
                            ar="توثيق أماكن إقامة المستفيدين بدقة",
                            en="Beneficiaries' places of residence accurately documented",
                        ),
                    ),
                ),
                _sub_criterion(
                    "6.4",
                    Text(
                        ar="شهادات الجودة أو التميز",
                        en="Quality or Excellence Certificates",
                    ),
                    Text(
                        ar="تعزيز التميز المؤسسي وضمان التزام الجمعية بمعايير الجودة",
                        en="Promote institutional excellence and ensure the association's commitment to quality standards",
                    ),
                    (
                        Text(
                            ar="الحصول على شهادة جودة صحية مثل (ISO 9001)",
                            en="A health quality certificate obtained, such as (ISO 9001)",
                        ),
                        Text(
                            ar="وجود تجديد مستمر للشهادة وتحديث مستنداتها",
                            en="The certificate continuously renewed and its documents kept up to date",
                        ),
                        Text(
                            ar="وجود دلائل تطبيق فعلي للمعايير ضمن إجراءات العمل اليومي",
                            en="Evidence that the standards are actually applied in daily work procedures",
                        ),
                    ),
                    certified=True,
                ),
            ),
        ),
    ),
    goals=(
        Text(
            ar="تحفيز الجمعيات الصحية الأهلية على تبني أفضل الممارسات الإدارية والفنية",
            en="Encourage non-profit health associations to adopt the best administrative and technical practices",
        ),
        Text(
            ar="إبراز الإنجازات النوعية وتكريم المبادرات المؤثرة في المجتمع",
            en="Showcase distinctive achievements and honour initiatives with an impact on the community",
        ),
        Text(
            ar="تعزيز الشفافية والحوكمة والاستدامة المالية والابتكار في العمل الصحي غير الربحي",
            en="Promote transparency, governance, financial sustainability and innovation in non-profit health work",
        ),
        Text(
            ar="تحسين جودة الخدمات الصحية وتوسيع نطاق الوصول إليها، خصوصاً في المناطق ذات الاحتياج",
            en="Improve the quality of health services and widen access to them, especially in areas of need",
        ),
    ),
    goal_titles=(
        Text(
            ar="تحفيز التميز",
            en="Encouraging excellence",
        ),
        Text(
            ar="إبراز الإنجازات",
            en="Showcasing achievements",
        ),
        Text(
            ar="تعزيز الشفافية",
            en="Promoting transparency",
        ),
        Text(
            ar="تحسين الخدمات",
            en="Improving services",
        ),
    ),
    categories=(
        Text(
            ar="الجمعيات الصحية الأهلية - غير الربحية المرخص لها رسمياً في المنطقة الشرقية",
            en="Non-profit civil health associations officially licensed in the Eastern Region",
        ),
    ),
    notes=(
        Text(
            ar="النصوص العربية هي نصوص المصدر حرفياً؛ والنصوص الإنجليزية ترجمة السجل.",
            en="Arabic texts are the seed's own, verbatim; the English texts are the registry's translation.",
        ),
        Text(
            ar="لا يحدد المصدر أوزاناً للمعايير الستة: يوزنها السجل بالتساوي (16.67% لكل من المعايير الأربعة الأولى و16.66% لكل من الأخيرين ليكون المجموع 100 تماماً). وهذا إعداد افتراضي للسجل يجوز للدورة تغييره.",
            en="The seed gives no weights for the six standards: the registry weighs them equally (16.67 % each for the first four and 16.66 % each for the last two, so that they total exactly 100). This is a registry default that an edition may change.",
        ),
        Text(
            ar="لا يحدد المصدر درجات: يُقيَّم كل معيار فرعي من 0 إلى 4 وفق الإعداد الافتراضي للسجل، ويجوز للدورة تغييره. وإرشادات كل معيار فرعي هي هدفه، إذ هو النص التوضيحي الوحيد في المصدر.",
            en="The seed gives no points: each sub-criterion scores 0..4 by the registry's default, which an edition may change. Each sub-criterion's guidance is its goal, the only explanatory text the seed gives.",
        ),
        Text(
            ar="المعيار الفرعي 5.3 (علاقات دولية) موسوم في المصدر بأنه معيار إضافي: يُقيَّم لكنه لا يُحتسب ضمن الدرجة القصوى لمعياره.",
            en="Sub-criterion 5.3 (International Relations) is marked additional in the seed (معيار إضافي): it is scored but does not count towards its standard's maximum.",
        ),
    ),
)
