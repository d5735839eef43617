"""The nine initiatives of the National Quality Strategy.

Source: SASO's page "SASO initiatives in the field of the NQS", last modified
31 May 2021 (seed 000). English texts are the page's own words, typos included
(initiative six says "accredited residents"); the Arabic texts are the
registry's translations. Facts the page does not state (dates of completed
steps, targets) are left empty rather than invented; the one KPI target below
comes from the product brief (about 4.2 million Saudi households, 2022 census).
All initiatives load as ``active``: the page reports each as under way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from domain.initiatives.values import DeliverableKind, DeliverableStatus, PartnershipScope
from domain.regions import Region
from domain.text import Text

OWNER = "NQS Executive Office, SASO"
# The page is a status snapshot; its progress text is filed as that month's report.
SNAPSHOT_PERIOD = "2021-05"


@dataclass(frozen=True)
class ComponentSeed:
    key: str
    title: Text
    description: Text


@dataclass(frozen=True)
class MilestoneSeed:
    key: str
    title: Text
    done: bool
    planned_on: str | None = None


@dataclass(frozen=True)
class PilotSeed:
    key: str
    organisation: Text
    description: Text
    region: Region | None
    internal_completed: bool
    external_planned_on: str | None = None


@dataclass(frozen=True)
class DeliverableSeed:
    key: str
    kind: DeliverableKind
    title: Text
    description: Text
    status: DeliverableStatus


@dataclass(frozen=True)
class PartnershipSeed:
    key: str
    partner: Text
    scope: PartnershipScope
    description: Text


@dataclass(frozen=True)
class KpiSeed:
    key: str
    name: Text
    unit: str
    target: Decimal


@dataclass(frozen=True)
class InitiativeSeed:
    code: str
    title: Text
    aim: Text
    progress: Text
    components: list[ComponentSeed] = field(default_factory=list)
    milestones: list[MilestoneSeed] = field(default_factory=list)
    pilots: list[PilotSeed] = field(default_factory=list)
    deliverables: list[DeliverableSeed] = field(default_factory=list)
    partnerships: list[PartnershipSeed] = field(default_factory=list)
    kpis: list[KpiSeed] = field(default_factory=list)


T = Text

INITIATIVES: list[InitiativeSeed] = [
    InitiativeSeed(
        code="PROFESSIONAL-LICENCES",
        title=T(
            "إطلاق برنامج وطني شامل للرخص المهنية في مجال الجودة والتميز المؤسسي",
            "Launching a comprehensive national program for professional licenses in the field "
            "of quality and institutional excellence",
        ),
        aim=T(
            "يهدف إلى تنظيم سوق العمل في المملكة العربية السعودية من خلال إعداد منظومة متنوعة "
            "من الرخص المهنية في مجالات الجودة، ويتكون المشروع من مرحلتين أساسيتين.",
            "Aims to regulate the labor market in the Kingdom of Saudi Arabia by preparing a "
            "diverse system of professional licenses in the areas of quality, and the project "
            "consists of two basic stages",
        ),
        progress=T(
            "يتكون المشروع من مرحلتين: أولاً إعداد الرخص المهنية الفنية في مجالات الجودة، "
            "وثانياً إعداد الرخص المهنية الإدارية في مجالات الجودة.",
            "The project consists of two basic stages: First: Preparing professional technical "
            "licenses in the areas of quality. Second: Preparing professional administrative "
            "licenses in the areas of quality.",
        ),
        components=[
            ComponentSeed(
                "technical",
                T("المرحلة الأولى: الرخص المهنية الفنية", "First stage: technical licences"),
                T(
                    "إعداد الرخص المهنية الفنية في مجالات الجودة",
                    "Preparing professional technical licenses in the areas of quality",
                ),
            ),
            ComponentSeed(
                "administrative",
                T(
                    "المرحلة الثانية: الرخص المهنية الإدارية",
                    "Second stage: administrative licences",
                ),
                T(
                    "إعداد الرخص المهنية الإدارية في مجالات الجودة",
                    "Preparing professional administrative licenses in the areas of quality",
                ),
            ),
        ],
        milestones=[
            MilestoneSeed(
                "technical-prepared",
                T(
                    "إعداد الرخص المهنية الفنية في مجالات الجودة",
                    "Professional technical licenses in the areas of quality prepared",
                ),
                done=False,
            ),
            MilestoneSeed(
                "administrative-prepared",
                T(
                    "إعداد الرخص المهنية الإدارية في مجالات الجودة",
                    "Professional administrative licenses in the areas of quality prepared",
                ),
                done=False,
            ),
        ],
    ),
    InitiativeSeed(
        code="QUALITY-DEPARTMENTS",
        title=T(
            "تشجيع إنشاء إدارات للجودة والتميز المؤسسي في جميع قطاعات الأعمال",
            "Encouraging the establishment of quality and institutional excellence departments "
            "in all business sectors",
        ),
        aim=T(
            "تهدف المبادرة إلى إعداد دليل يتضمن القواعد والمتطلبات اللازمة لإنشاء إدارات الجودة "
            "في المنظمات، تشجيعاً لإنشاء إدارات الجودة والتميز المؤسسي في جميع قطاعات الأعمال "
            "لتطبيق الاستراتيجية الوطنية للجودة بأهدافها ومبادراتها.",
            "The initiative aims to prepare a guide that includes the rules and requirements "
            "required to establish quality departments in organizations, which will achieve one "
            "of the initiatives of the National Quality Strategy. This is in order to encourage "
            "the establishment of quality and institutional excellence departments in all "
            "business sectors to implement the National Quality Strategy with its goals and "
            "initiatives.",
        ),
        progress=T(
            "تم إعداد دليل إنشاء إدارات الجودة وعرضه على مجموعة من خبراء الجودة في المملكة "
            "لإبداء آرائهم، وتم تطبيق الدليل تطبيقاً تجريبياً مع المديرية العامة للسجون (فرع "
            "منطقة جازان) والمديرية العامة للشرطة بمنطقة عسير.",
            "The guidebook for establishing quality departments was drawn up and presented to a "
            "group of quality experts in the Kingdom for their opinions. The application of the "
            "guide for establishing quality departments has been implemented as a pilot "
            "application with (General Directorate of Prisons, Jazan Region Branch), as well as "
            "(General Directorate of Police in Asir Region).",
        ),
        milestones=[
            MilestoneSeed(
                "guide-drawn-up",
                T(
                    "إعداد دليل إنشاء إدارات الجودة",
                    "Guidebook for establishing quality departments drawn up",
                ),
                done=True,
            ),
            MilestoneSeed(
                "guide-reviewed-by-experts",
                T(
                    "عرض الدليل على مجموعة من خبراء الجودة في المملكة لإبداء آرائهم",
                    "Guidebook presented to a group of quality experts in the Kingdom for their "
                    "opinions",
                ),
                done=True,
            ),
            MilestoneSeed(
                "guide-piloted",
                T("التطبيق التجريبي للدليل", "Guide implemented as a pilot application"),
                done=True,
            ),
        ],
        pilots=[
            PilotSeed(
                "prisons-jazan",
                T(
                    "المديرية العامة للسجون - فرع منطقة جازان",
                    "General Directorate of Prisons, Jazan Region Branch",
                ),
                T(
                    "تطبيق تجريبي لدليل إنشاء إدارات الجودة",
                    "Pilot application of the guide for establishing quality departments",
                ),
                Region.JAZAN,
                internal_completed=False,
            ),
            PilotSeed(
                "police-asir",
                T(
                    "المديرية العامة للشرطة بمنطقة عسير",
                    "General Directorate of Police in Asir Region",
                ),
                T(
                    "تطبيق تجريبي لدليل إنشاء إدارات الجودة",
                    "Pilot application of the guide for establishing quality departments",
                ),
                Region.ASIR,
                internal_completed=False,
            ),
        ],
        deliverables=[
            DeliverableSeed(
                "guide",
                DeliverableKind.GUIDE,
                T("دليل إنشاء إدارات الجودة", "Guidebook for establishing quality departments"),
                T(
                    "القواعد والمتطلبات اللازمة لإنشاء إدارات الجودة في المنظمات",
                    "The rules and requirements required to establish quality departments in "
                    "organizations",
                ),
                DeliverableStatus.DELIVERED,
            ),
        ],
    ),
    InitiativeSeed(
        code="QUALITY-AMBASSADORS",
        title=T(
            "إطلاق برنامج وطني يهدف إلى جذب واستقطاب الشباب (جيل المستقبل) في مجال الجودة "
            "تحت مسمى البرنامج الوطني لسفراء الجودة",
            "Launching a national program aimed at attracting and attracting young people "
            "(future generation) in the field of quality, under the name of the National Program "
            "for Quality Ambassadors",
        ),
        aim=T(
            "تهدف المبادرة إلى تبني مشروع لسفراء الجودة وإعداد برنامج يهدف إلى استقطاب الشباب "
            "وتعزيز دورهم في نشر ممارسات الجودة في مختلف قطاعات الأعمال.",
            "The initiative aims to adopt a project for quality ambassadors and prepare a program "
            "aimed at attracting young people and enhancing their role in promoting quality "
            "practices in various business sectors.",
        ),
        progress=T(
            "المبادرة تطوعية وأُطلقت خلال فترة التقرير، وتستهدف المهتمين من خلال: عضوية سفراء "
            'الجودة العامة للمواطنين للوصول إلى رؤية المكتب التنفيذي "سفير جودة في كل بيت"، '
            'وعضوية سفراء الجودة القطاعيين لموظفي جميع القطاعات في برنامج "سفير الجودة الأول"، '
            'وعضوية سفراء الجودة للخبراء تحت مسمى "سفير الجودة المستشار".',
            "This initiative is voluntary and was launched during the reporting period, and it "
            "targets interested parties through: Membership of general quality ambassadors, and "
            "citizens in the Saudi society will be targeted to reach the vision of the executive "
            'office to reach a "quality ambassador in every home"; Membership of sectoral '
            'quality ambassadors by targeting employees in all sectors in the "First Quality '
            'Ambassador" program; Membership of quality ambassadors for experts, in which '
            'quality experts are targeted in the Kingdom under the name of "quality ambassador '
            'consultant".',
        ),
        components=[
            ComponentSeed(
                "general",
                T("عضوية سفراء الجودة العامة", "Membership of general quality ambassadors"),
                T(
                    'تستهدف المواطنين في المجتمع السعودي للوصول إلى "سفير جودة في كل بيت"',
                    "Citizens in the Saudi society will be targeted to reach the vision of the "
                    'executive office to reach a "quality ambassador in every home"',
                ),
            ),
            ComponentSeed(
                "sectoral",
                T(
                    "عضوية سفراء الجودة القطاعيين (سفير الجودة الأول)",
                    'Membership of sectoral quality ambassadors ("First Quality Ambassador")',
                ),
                T(
                    'تستهدف الموظفين في جميع القطاعات في برنامج "سفير الجودة الأول"',
                    'Targeting employees in all sectors in the "First Quality Ambassador" program',
                ),
            ),
            ComponentSeed(
                "expert",
                T(
                    "عضوية سفراء الجودة للخبراء (سفير الجودة المستشار)",
                    'Membership of quality ambassadors for experts ("quality ambassador '
                    'consultant")',
                ),
                T(
                    'تستهدف خبراء الجودة في المملكة تحت مسمى "سفير الجودة المستشار"',
                    'Quality experts are targeted in the Kingdom under the name of "quality '
                    'ambassador consultant"',
                ),
            ),
        ],
        milestones=[
            MilestoneSeed(
                "programme-launched",
                T(
                    "إطلاق البرنامج الوطني لسفراء الجودة",
                    "National Program for Quality Ambassadors launched",
                ),
                done=True,
            ),
        ],
        kpis=[
            KpiSeed(
                "households-with-ambassador",
                T("الأسر التي لديها سفير جودة", "Households with a quality ambassador"),
                "households",
                Decimal("4200000"),
            ),
        ],
    ),
    InitiativeSeed(
        code="CAREER-PATHS",
        title=T(
            "استحداث وظائف ومسارات مهنية في مجالات الجودة في القطاعات المتعددة",
            "Creating jobs and career paths in the areas of quality in multiple sectors",
        ),
        aim=T(
            "تهدف المبادرة إلى إعداد دراسة لحصر المسارات المهنية الحالية وبناء مسارات مهنية "
            "مستقبلية في مجال الجودة في مختلف القطاعات، ودراستها وتصنيفها، وإعداد مسودة "
            "للمسارات الحالية وتقديم مقترح للمسارات المستقبلية في مجال الجودة والتميز المؤسسي.",
            "The initiative aims to prepare a study to enumerate the current career paths and "
            "build future career paths in the field of quality in the various sectors, study and "
            "classify them, prepare a draft of the current career paths and submit a proposal "
            "for future paths in the field of quality and institutional excellence.",
        ),
        progress=T(
            "المبادرة في مرحلة إعداد الدراسة.",
            "The initiative aims to prepare a study to enumerate the current career paths and "
            "build future career paths in the field of quality in the various sectors.",
        ),
        milestones=[
            MilestoneSeed(
                "current-paths-enumerated",
                T(
                    "حصر المسارات المهنية الحالية ودراستها وتصنيفها",
                    "Current career paths enumerated, studied and classified",
                ),
                done=False,
            ),
            MilestoneSeed(
                "current-paths-draft",
                T("إعداد مسودة المسارات المهنية الحالية", "Draft of the current career paths"),
                done=False,
            ),
            MilestoneSeed(
                "future-paths-proposal",
                T(
                    "تقديم مقترح للمسارات المستقبلية",
                    "Proposal for future paths in the field of quality and institutional excellence",
                ),
                done=False,
            ),
        ],
        deliverables=[
            DeliverableSeed(
                "career-paths-study",
                DeliverableKind.STUDY,
                T(
                    "دراسة المسارات المهنية في مجال الجودة",
                    "Study of career paths in the field of quality",
                ),
                T(
                    "حصر المسارات الحالية وبناء مسارات مستقبلية في مختلف القطاعات",
                    "Enumerating the current career paths and building future career paths in "
                    "the various sectors",
                ),
                DeliverableStatus.PLANNED,
            ),
        ],
    ),
    InitiativeSeed(
        code="PRODUCT-EXCELLENCE",
        title=T(
            "تنفيذ برامج تعريفية وتأهيلية لتطبيق نماذج التميز في المنتجات، وتأهيل مقيمين "
            "معتمدين لنماذج التميز",
            "Implementing introductory and qualifying programs to implement product excellence "
            "models, and qualifying accredited evaluators for excellence models",
        ),
        aim=T(
            "تنفيذ برامج تعريفية وتأهيلية لتطبيق نموذج التميز في المنتجات وتأهيل مقيمين معتمدين.",
            "Implementing introductory and qualifying programs to implement product excellence "
            "models, and qualifying accredited evaluators for excellence models",
        ),
        progress=T(
            "التطبيق التجريبي لنموذج التميز في المنتجات مع مجموعة العبيكان الصناعية: أكمل الفريق "
            "مرحلة التقييم الداخلي للنموذج، وسيتولى مقيمو المكتب التنفيذي للاستراتيجية الوطنية "
            "للجودة التقييم الخارجي للنموذج في مارس 2021 وفق خطة المشروع.",
            "Experimental application of the product excellence model with the Obeikan "
            "Industrial Group, as the team completed the internal evaluation phase of the model, "
            "and the evaluators of the Executive Office of the National Quality Strategy will "
            "undertake the external evaluation of the model in March 2021 according to the "
            "project plan.",
        ),
        pilots=[
            PilotSeed(
                "obeikan",
                T("مجموعة العبيكان الصناعية", "Obeikan Industrial Group"),
                T(
                    "تطبيق تجريبي لنموذج التميز في المنتجات",
                    "Experimental application of the product excellence model",
                ),
                None,
                internal_completed=True,
                external_planned_on="2021-03",
            ),
        ],
    ),
    InitiativeSeed(
        code="SERVICE-EXCELLENCE",
        title=T(
            "تنفيذ برامج تعريفية وتأهيلية لتطبيق نماذج التميز في الخدمات، وتأهيل مقيمين "
            "معتمدين لنماذج التميز",
            "Implementing induction and qualification programs to implement service excellence "
            "models, and qualifying accredited residents for models of excellence",
        ),
        aim=T(
            "تنفيذ برامج تعريفية وتأهيلية لتطبيق نموذج التميز في الخدمات وتأهيل مقيمين معتمدين.",
            "Implementing induction and qualification programs to implement service excellence "
            "models, and qualifying accredited residents for models of excellence",
        ),
        progress=T(
            "التطبيق التجريبي لنموذج التميز في الخدمات مع وزارة الصحة (خدمة 937) وقد اكتملت "
            "مرحلة التقييم الداخلي وسينفذ المكتب التنفيذي التقييم الخارجي في أبريل 2021، ومع "
            "الإدارة العامة للشهادات (علامة الجودة) وقد اكتملت مرحلة التقييم الداخلي وسيتولى "
            "مقيمو المكتب التنفيذي التقييم الخارجي في يونيو 2021.",
            "Pilot application of the Service Excellence Model with the Ministry of Health "
            "(Service 937), and the project has completed the internal evaluation phase of the "
            "model, and the Executive Office will carry out the external evaluation in April "
            "2021 AD (according to the project plan). The experimental application of the "
            "service excellence model with (General Administration of Certification - Quality "
            "Mark), and the team has completed the internal evaluation phase of the model, and "
            "the evaluators of the Executive Office of the National Quality Strategy will "
            "undertake the external evaluation of the Quality Mark Department in June 2021 AD.",
        ),
        pilots=[
            PilotSeed(
                "moh-937",
                T("وزارة الصحة (خدمة 937)", "Ministry of Health (Service 937)"),
                T(
                    "تطبيق تجريبي لنموذج التميز في الخدمات",
                    "Pilot application of the Service Excellence Model",
                ),
                None,
                internal_completed=True,
                external_planned_on="2021-04",
            ),
            PilotSeed(
                "quality-mark",
                T(
                    "الإدارة العامة للشهادات - علامة الجودة",
                    "General Administration of Certification - Quality Mark",
                ),
                T(
                    "تطبيق تجريبي لنموذج التميز في الخدمات",
                    "Experimental application of the service excellence model",
                ),
                None,
                internal_completed=True,
                external_planned_on="2021-06",
            ),
        ],
    ),
    InitiativeSeed(
        code="KNOWLEDGE-TRANSFER",
        title=T(
            "تنفيذ برامج اعتماد وتطبيق لنقل المعرفة وتبادل أفضل الممارسات الدولية في مجال "
            "الجودة والتميز المؤسسي",
            "Implementation of accreditation and implementation programs for knowledge transfer "
            "and exchange of international best practices in the field of quality and "
            "institutional excellence",
        ),
        aim=T(
            "نقل المعرفة في مجال الجودة بترجمة الكتب المهمة في مجالات الجودة لخدمة المجتمع "
            "وإثراء المعرفة بالجودة في المملكة، ودعم نشر المعرفة وثقافة الجودة في جميع القطاعات "
            "المستهدفة (الصناعة، الصحة، التعليم، الخدمات، المجتمع المدني).",
            "Transfer of knowledge in the field of quality by translating important books in the "
            "fields of quality to serve society and enrich knowledge of quality in the Kingdom "
            "and to support the spread of knowledge and quality culture in all target sectors "
            "(industry, health, education, services, civil society).",
        ),
        progress=T(
            "من مشاريع المبادرة نقل المعرفة في مجال الجودة بترجمة الكتب المهمة في مجالات الجودة.",
            "Among the projects of this initiative (transfer of knowledge in the field of quality "
            "by translating important books in the fields of quality).",
        ),
        deliverables=[
            DeliverableSeed(
                "translated-books",
                DeliverableKind.TRANSLATED_BOOK,
                T(
                    "ترجمة الكتب المهمة في مجالات الجودة",
                    "Translating important books in the fields of quality",
                ),
                T(
                    "لخدمة المجتمع وإثراء المعرفة بالجودة في المملكة في جميع القطاعات المستهدفة "
                    "(الصناعة، الصحة، التعليم، الخدمات، المجتمع المدني)",
                    "To serve society and enrich knowledge of quality in the Kingdom, in all "
                    "target sectors (industry, health, education, services, civil society)",
                ),
                DeliverableStatus.IN_PROGRESS,
            ),
        ],
    ),
    InitiativeSeed(
        code="AWARDS-COUNCIL",
        title=T(
            "إنشاء مجلس تنسيقي لجوائز وبرامج الجودة والتميز المؤسسي في المملكة",
            "Establishing a Coordinating Council for Awards and Programs for Quality and "
            "Institutional Excellence in the Kingdom",
        ),
        aim=T(
            "تهدف المبادرة إلى إيجاد مظلة موحدة لجميع جوائز وبرامج الجودة والتميز المؤسسي في "
            "المملكة العربية السعودية، وإيجاد آلية عمل مشتركة بين الجهات لتنفيذ برامج ومبادرات "
            "رؤية المملكة 2030 في برامج الجودة والتميز المؤسسي.",
            "This initiative aims to create a unified umbrella for all quality and institutional "
            "excellence awards and programs in the Kingdom of Saudi Arabia and to create a joint "
            "work mechanism between the entities to implement the Kingdom's 2030 programs and "
            "initiatives in the quality and institutional excellence programs.",
        ),
        progress=T(
            "تهدف المبادرة إلى إيجاد مظلة موحدة لجميع جوائز وبرامج الجودة والتميز المؤسسي.",
            "This initiative aims to create a unified umbrella for all quality and institutional "
            "excellence awards and programs in the Kingdom of Saudi Arabia.",
        ),
        milestones=[
            MilestoneSeed(
                "council-established",
                T(
                    "إنشاء المجلس التنسيقي للجوائز والبرامج",
                    "Coordinating Council for Awards and Programs established",
                ),
                done=False,
            ),
        ],
        deliverables=[
            DeliverableSeed(
                "council",
                DeliverableKind.BODY,
                T(
                    "المجلس التنسيقي لجوائز وبرامج الجودة والتميز المؤسسي",
                    "Coordinating Council for Awards and Programs for Quality and Institutional "
                    "Excellence",
                ),
                T(
                    "مظلة موحدة لجميع جوائز وبرامج الجودة والتميز المؤسسي في المملكة",
                    "A unified umbrella for all quality and institutional excellence awards and "
                    "programs in the Kingdom",
                ),
                DeliverableStatus.PLANNED,
            ),
        ],
    ),
    InitiativeSeed(
        code="PARTNERSHIPS",
        title=T(
            "إقامة شراكات محلية ودولية مع الجمعيات والمعاهد ومراكز البحث العلمية والمهنية في "
            "مجال الجودة والتميز المؤسسي بما يسهم في تحقيق أهداف الاستراتيجية الوطنية للجودة",
            "Establishing local and international partnerships with associations, institutes, "
            "and scientific and professional research centers in the field of quality and "
            "institutional excellence, in a way that contributes to achieving the objectives of "
            "the National Quality Strategy",
        ),
        aim=T(
            "تهدف المبادرة إلى بناء قاعدة بيانات كبيرة من خلال الشراكات مع أصحاب المصلحة "
            "الداخليين والخارجيين، مع التركيز على المجتمع المدني، لرفع مستوى الجودة والتميز "
            "المؤسسي في هذا القطاع الحيوي والمهم.",
            "This initiative aims to create a large database through partnerships with internal "
            "and external stakeholders, with a focus on civil society, in order to raise the "
            "level of quality and institutional excellence in this vital and important sector.",
        ),
        progress=T(
            "يشارك المكتب التنفيذي في اللجان المكلف بها، مثل لجنة برنامج (ندعم التميز) الذي "
            "ترعاه وزارة الصناعة والثروة المعدنية، لتفعيل نماذج التميز في المنتجات والخدمات مع "
            "القطاع الصناعي.",
            "The Executive Office also participates in the committees assigned to the office, "
            "such as the committee for the program (We Support Excellence) sponsored by the "
            "Ministry of Industry and Mineral Resources, in order to activate the models of "
            "product and service excellence with this ambitious program with the industrial "
            "sector.",
        ),
        deliverables=[
            DeliverableSeed(
                "stakeholder-database",
                DeliverableKind.OTHER,
                T(
                    "قاعدة بيانات الشراكات مع أصحاب المصلحة",
                    "Database of partnerships with internal and external stakeholders",
                ),
                T("مع التركيز على المجتمع المدني", "With a focus on civil society"),
                DeliverableStatus.PLANNED,
            ),
        ],
        partnerships=[
            PartnershipSeed(
                "we-support-excellence",
                T(
                    "وزارة الصناعة والثروة المعدنية - لجنة برنامج (ندعم التميز)",
                    "Ministry of Industry and Mineral Resources - committee for the program "
                    "(We Support Excellence)",
                ),
                PartnershipScope.LOCAL,
                T(
                    "مشاركة المكتب التنفيذي في لجنة البرنامج لتفعيل نماذج التميز في المنتجات "
                    "والخدمات مع القطاع الصناعي",
                    "The Executive Office participates in the program's committee in order to "
                    "activate the models of product and service excellence with the industrial "
                    "sector",
                ),
            ),
        ],
    ),
]
