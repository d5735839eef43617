"""Amyaz Award for Healthcare Excellence: the Health Centers & Polyclinics criteria.

Transcribed from seed 001 (Eastern Region health excellence awards, 2025): 45 criteria in
four weighted domains. Titles (each criterion's first line) and guidance (the paragraph
under it) are the seed's English word for word, typos included ("strategeic",
"Periotizing", "A?air"); the Arabic is the registry's translation. Only criterion 11
carries the seed's own points; every other criterion scores 0..4 by the registry's
default (see ``registry.catalogue.frameworks``). Where the seed leaves a measure open,
the criterion's ``notes`` say how the registry reads it.
"""

# ruff: noqa: E501

from __future__ import annotations

from decimal import Decimal

from domain.awards.framework import Direction, Domain, Framework, ScoreItem
from domain.text import Text
from registry.catalogue.frameworks import readings
from registry.catalogue.frameworks.defaults import certificate, count, evidence, itemised, kpi

# The seed gives criteria 44 and 45 the same guidance.
_REPORTABLE_ADVERSE_EVENTS = Text(
    en="Adverse events that occur with medical treatment can include medication side effects, injury, psychological harm or trauma, or death. Adverse events can be either preventable or unpreventable and are often associated with medication errors. The list of reportable adverse events include: Surgical events - wrong patient, wrong site, wrong procedure, retained foreign body. Product/device related - contaminated products, air embolism. Patient protection events - patient elopement, suicide. Care management issues - medication errors, mismatched blood transfusion. Environmental factors - burn, electric shock, wrong gas. Criminal events - sexual assault, impersonation, physical assault",
    ar="قد تشمل الأحداث الضارة المصاحبة للعلاج الطبي الآثار الجانبية للأدوية، أو الإصابة، أو الضرر أو الصدمة النفسية، أو الوفاة. وقد تكون الأحداث الضارة قابلة للوقاية أو غير قابلة لها، وغالباً ما ترتبط بالأخطاء الدوائية. وتشمل قائمة الأحداث الضارة الواجب الإبلاغ عنها: الأحداث الجراحية - المريض الخطأ، الموضع الخطأ، الإجراء الخطأ، بقاء جسم غريب. الأحداث المتعلقة بالمنتجات/الأجهزة - المنتجات الملوثة، الانصمام الهوائي. أحداث حماية المرضى - هروب المريض، الانتحار. مشكلات إدارة الرعاية - الأخطاء الدوائية، نقل دم غير متوافق. العوامل البيئية - الحروق، الصعق الكهربائي، الغاز الخطأ. الأحداث الجنائية - الاعتداء الجنسي، انتحال الشخصية، الاعتداء الجسدي",
)

FRAMEWORK = Framework(
    key="amyaz-polyclinics",
    version=1,
    title=Text(
        en="Amyaz Award for Healthcare Excellence — Health Centers & Polyclinics Criteria",
        ar="جائزة أميز للتميز في الرعاية الصحية — معايير المراكز الصحية والمجمعات الطبية",
    ),
    source="seed 001_5810685168bda0c6 (Eastern Region health excellence awards, 2025): Amyaz Award for Healthcare Excellence, Health Centers & Polyclinics Criteria - Eastern Region | Ministry of Health - Saudi Arabia",
    domains=(
        Domain(
            key="governance-leadership",
            title=Text(
                en="Governance & Leadership",
                ar="الحوكمة والقيادة",
            ),
            weight=Decimal(20),
            criteria=(
                evidence(
                    "1",
                    Text(
                        en="A strategeic / operational plan with valid date , implemented and addresses the poly clinic vision and mission, objectives, analytic tools , show associated traceable measures to the strategic plan; activities to achieve the objectives performance are being accomplished.",
                        ar="خطة استراتيجية / تشغيلية سارية التاريخ ومنفذة، تتناول رؤية المجمع الطبي ورسالته وأهدافه وأدوات التحليل، وتُظهر مقاييس مرتبطة بالخطة الاستراتيجية يمكن تتبعها؛ ويجري إنجاز الأنشطة اللازمة لتحقيق أداء الأهداف.",
                    ),
                    Text(
                        en="Strategy complies with ministry of health stratigic goals. Strategy generally involves setting goals and priorities, determining actions to achieve the goals, and mobilizing resources to execute the actions. Shaping the strategy with the future. Whether the developers and implementers are making decisions consistent with the current national policies.",
                        ar="تتوافق الاستراتيجية مع الأهداف الاستراتيجية لوزارة الصحة. وتشمل الاستراتيجية عادةً تحديد الأهداف والأولويات، وتحديد الإجراءات اللازمة لتحقيق الأهداف، وحشد الموارد لتنفيذ هذه الإجراءات. وصياغة الاستراتيجية بما يواكب المستقبل. ومدى اتخاذ واضعي الاستراتيجية ومنفذيها قرارات متسقة مع السياسات الوطنية الحالية.",
                    ),
                ),
                evidence(
                    "2",
                    Text(
                        en="Context of the poly clinic Objectives Include patient safety, poly clinic's risk and quality goals. Appropriate progress and success performance measures have been established against the strategic plan and improvement efforts.",
                        ar="سياق المجمع الطبي: تشمل الأهداف سلامة المرضى وأهداف المجمع الطبي في إدارة المخاطر والجودة. وقد وُضعت مقاييس أداء مناسبة للتقدم والنجاح مقابل الخطة الاستراتيجية وجهود التحسين.",
                    ),
                    Text(
                        en="Strategic planning is a process and thus has inputs, activities, outputs and outcomes. Sitting objectives should include patient safety. Analytical tools (PESTLE, SWOT analysis, Growth-share matrix, Balanced scorecards or strategy maps). If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="التخطيط الاستراتيجي عملية، ولذلك له مدخلات وأنشطة ومخرجات ونتائج. ويجب أن تشمل الأهداف الموضوعة سلامة المرضى. أدوات التحليل (تحليل PESTLE، تحليل SWOT، مصفوفة النمو والحصة السوقية، بطاقات الأداء المتوازن أو الخرائط الاستراتيجية). إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                evidence(
                    "3",
                    Text(
                        en="Structured leadership Walkrounds/ meetings program addressing patient safety improvement / initiatives.",
                        ar="برنامج منظم للجولات / الاجتماعات القيادية يتناول تحسين سلامة المرضى / مبادراتها.",
                    ),
                    Text(
                        en="CEO senior leaders perform patient safety measures walk rounds / meetings, as leaders establish open and transparent communication with front line staff, fostering an environment where safety concerns are identified, discussed, and acted upon collaboratively. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="يجري الرئيس التنفيذي وكبار القياديين جولات / اجتماعات لمقاييس سلامة المرضى، إذ يقيم القادة تواصلاً مفتوحاً وشفافاً مع موظفي الخطوط الأمامية، مما يعزز بيئة يتم فيها تحديد مخاوف السلامة ومناقشتها والتعامل معها بشكل تعاوني. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                evidence(
                    "4",
                    Text(
                        en="Board of Directors meetings /excutive committee meetings.( addressing patient safety efforts and Focused Improvement projects patient safety).",
                        ar="اجتماعات مجلس الإدارة / اجتماعات اللجنة التنفيذية (التي تتناول جهود سلامة المرضى ومشاريع التحسين المركّزة لسلامة المرضى).",
                    ),
                    Text(
                        en="Board meetings reporting to /chaired by Chief Executive Officer (CEO) are documenting patient safety discussions during periodic meeting agenda or minutes. Board members also review performance data, patient satisfaction scores, and incident reports to identify trends and opportunities for improvement. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="توثّق اجتماعات المجلس، التي ترفع تقاريرها إلى الرئيس التنفيذي أو يرأسها، مناقشات سلامة المرضى في جداول أعمال الاجتماعات الدورية أو محاضرها. كما يراجع أعضاء المجلس بيانات الأداء ونتائج رضا المرضى وتقارير الحوادث لتحديد الاتجاهات وفرص التحسين. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                evidence(
                    "5",
                    Text(
                        en="Continuous comprehensive quality indicator system that reports the progress of strategic plans according to the time frame.",
                        ar="نظام شامل ومستمر لمؤشرات الجودة يرصد تقدم الخطط الاستراتيجية وفق الإطار الزمني.",
                    ),
                    Text(
                        en="Data is collected at the Polyclinic level, The presence of systematic, data-guided activities designed to bring about the progress of the plan according to the proposed schedule. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="تُجمع البيانات على مستوى المجمع الطبي، مع وجود أنشطة منهجية موجهة بالبيانات تهدف إلى تحقيق تقدم الخطة وفق الجدول الزمني المقترح. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                kpi(
                    "6",
                    Text(
                        en="Manpower: Periotizing citizen staffing requirements and specific qualifications.",
                        ar="القوى العاملة: إعطاء الأولوية للمواطنين في متطلبات التوظيف والمؤهلات المحددة.",
                    ),
                    Text(
                        en="The poly clinic must have documented evidence that indicates Periotizing citizen staffing requirements and specific qualifications. Saudization rate in the private sector. This indicator measures the number of Saudis working in the private sector. (Number of Saudis working in the private sector / Total employees in the private sector) * 100 A staffing policy is a strategic framework that guides how a poly clinic hires, manages and places its employees Attach (التوطين) certificate from Human Resources and Social Development.",
                        ar="يجب أن يكون لدى المجمع الطبي دليل موثق على إعطاء الأولوية للمواطنين في متطلبات التوظيف والمؤهلات المحددة. نسبة التوطين في القطاع الخاص: يقيس هذا المؤشر عدد السعوديين العاملين في القطاع الخاص. (عدد السعوديين العاملين في القطاع الخاص / إجمالي الموظفين في القطاع الخاص) × 100. سياسة التوظيف إطار استراتيجي يوجّه كيفية توظيف المجمع الطبي لموظفيه وإدارتهم وتوزيعهم. أرفق شهادة (التوطين) من وزارة الموارد البشرية والتنمية الاجتماعية.",
                    ),
                    numerator=Text(
                        en="Number of Saudis working in the private sector",
                        ar="عدد السعوديين العاملين في القطاع الخاص",
                    ),
                    denominator=Text(
                        en="Total employees in the private sector",
                        ar="إجمالي الموظفين في القطاع الخاص",
                    ),
                    notes=(readings.SAUDIZATION_RATE,),
                ),
                kpi(
                    "7",
                    Text(
                        en="Formulate an associated Saudi staffing recruitment and retention plan .",
                        ar="صياغة خطة مرتبطة لتوظيف الكوادر السعودية واستقطابها والمحافظة عليها.",
                    ),
                    Text(
                        en="The percentage of employees who left the poly clinic over the last 12 month.",
                        ar="نسبة الموظفين الذين غادروا المجمع الطبي خلال الاثني عشر شهراً الماضية.",
                    ),
                    numerator=Text(
                        en="Number of employees who left the polyclinic over the last 12 months",
                        ar="عدد الموظفين الذين غادروا المجمع الطبي خلال الاثني عشر شهراً الماضية",
                    ),
                    denominator=Text(
                        en="Total number of employees of the polyclinic",
                        ar="إجمالي عدد موظفي المجمع الطبي",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                    notes=(
                        Text(
                            en="The seed measures this criterion by staff turnover (the percentage of employees who left in the last 12 months) but states no numerator or denominator; the registry reads them from that wording. Lower is better.",
                            ar="يقيس المصدر هذا المعيار بمعدل دوران الموظفين (نسبة من غادروا خلال الاثني عشر شهراً الماضية) دون أن يحدد البسط والمقام؛ وقد استنبطهما السجل من هذه الصياغة. الأقل أفضل.",
                        ),
                    ),
                ),
                evidence(
                    "8",
                    Text(
                        en="Safe Staffing Levels (SSL); Nursing ratio requirement. The poly clinic complies with the minimum nurse staffing standards in all clinical areas at all times according to Saudi healthcare system",
                        ar="مستويات التوظيف الآمن (SSL)؛ متطلبات نسبة التمريض. يلتزم المجمع الطبي بالحد الأدنى من معايير التوظيف التمريضي في جميع المناطق السريرية وفي جميع الأوقات وفقاً للنظام الصحي السعودي",
                    ),
                    Text(
                        en="Safe staffing for nurses in an outpatient polyclinic involves ensuring an appropriate number of nurses with the correct skills and experience are available to meet the needs of the patient population, considering the volume of patients and the complexity of their conditions. This ensures safe, effective, and efficient healthcare delivery. In primary care settings, nurse-to-patient ratios can range from 1:10 to 1:20, depending on patient volume and needs. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="يعني التوظيف الآمن للممرضين في مجمع العيادات الخارجية ضمان توفر عدد مناسب من الممرضين ذوي المهارات والخبرات الصحيحة لتلبية احتياجات المرضى، مع مراعاة أعداد المرضى وتعقيد حالاتهم. ويضمن ذلك تقديم رعاية صحية آمنة وفعالة وكفؤة. وفي أماكن الرعاية الأولية قد تتراوح نسبة الممرضين إلى المرضى بين 1:10 و1:20 بحسب أعداد المرضى واحتياجاتهم. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                evidence(
                    "9",
                    Text(
                        en="Nurse Participation in clinical A?air",
                        ar="مشاركة التمريض في الشؤون السريرية",
                    ),
                    Text(
                        en="Clinical decision-making, from patient assessment and implementing care plans( health education sessions, nurses participate in developing policies, advocating for patients, and collaborating with other healthcare professionals to ensure optimal outcomes. Presence of different nursing committee's)",
                        ar="اتخاذ القرار السريري، بدءاً من تقييم المريض وتنفيذ خطط الرعاية (جلسات التثقيف الصحي، ومشاركة الممرضين في وضع السياسات، والدفاع عن حقوق المرضى، والتعاون مع الممارسين الصحيين الآخرين لضمان أفضل النتائج. ووجود لجان تمريضية مختلفة)",
                    ),
                    notes=(
                        Text(
                            en='The seed\'s title reads "clinical A?air", a character lost in publication; the registry reads it as "clinical Affair".',
                            ar='ورد العنوان في المصدر "clinical A?air" بحرف سقط عند النشر؛ ويقرؤه السجل "الشؤون السريرية".',
                        ),
                    ),
                ),
                evidence(
                    "10",
                    Text(
                        en="Nursing competency policy : Documented evidence of presence of competency for all nurses",
                        ar="سياسة الكفاءة التمريضية: دليل موثق على توفر الكفاءة لدى جميع الممرضين",
                    ),
                    Text(
                        en='A core competency of nursing is "the ability to practice nursing that meets the needs of clients cared for using logical thinking and accurate nursing skills".',
                        ar='من الكفاءات الأساسية في التمريض "القدرة على ممارسة التمريض بما يلبي احتياجات المستفيدين من الرعاية باستخدام التفكير المنطقي والمهارات التمريضية الدقيقة".',
                    ),
                ),
            ),
        ),
        Domain(
            key="customer-beneficiary-services",
            title=Text(
                en="Customer/Beneficiary Services",
                ar="خدمات العملاء / المستفيدين",
            ),
            weight=Decimal(30),
            criteria=(
                itemised(
                    "11",
                    Text(
                        en="Patient Experience Measurement Program. Presence of focused improvement project, initiated from the program",
                        ar="برنامج قياس تجربة المريض، ووجود مشروع تحسين مركّز منبثق من البرنامج",
                    ),
                    Text(
                        en="The poly clinic implements mechanisms to gather, review, and utilize patient and family opinion about the health services provided. Patient experience is a process that reflects the interpersonal aspects of quality of care received. Attach clear and complete detailed proof (e.g. patient regular survey)and evidence =2 attach an example of a project =2",
                        ar="يطبق المجمع الطبي آليات لجمع آراء المرضى وذويهم حول الخدمات الصحية المقدمة ومراجعتها والاستفادة منها. وتجربة المريض عملية تعكس الجوانب الإنسانية والتواصلية لجودة الرعاية المتلقاة. أرفق إثباتاً واضحاً وكاملاً ومفصلاً (مثل الاستبيان الدوري للمرضى) ودليلاً = 2، وأرفق مثالاً على مشروع = 2",
                    ),
                    (
                        ScoreItem(
                            "proof",
                            Text(
                                en="Attach clear and complete detailed proof (e.g. patient regular survey)and evidence",
                                ar="إرفاق إثبات واضح وكامل ومفصل (مثل الاستبيان الدوري للمرضى) ودليل",
                            ),
                            Decimal(2),
                        ),
                        ScoreItem(
                            "example-project",
                            Text(
                                en="attach an example of a project",
                                ar="إرفاق مثال على مشروع",
                            ),
                            Decimal(2),
                        ),
                    ),
                ),
                kpi(
                    "12",
                    Text(
                        en="Report Closure of 937 complaints within 48 hours Index Percentage of closure within the recommended time 48 hours",
                        ar="مؤشر إغلاق بلاغات 937 خلال 48 ساعة: نسبة الإغلاق خلال الوقت الموصى به (48 ساعة)",
                    ),
                    Text(
                        en="Percentage of complaints resolved within 48 hours from time it was filed/submitted by patient family or others resolution was communicated to the patient/ family/other Numerator: Number of Complaints resolved within 48 hours from filing/submission to communication of resolution over total number of complaints Denominator : Total number of complaints received",
                        ar="نسبة الشكاوى التي حُلّت خلال 48 ساعة من وقت تقديمها من المريض أو ذويه أو غيرهم وإبلاغ المريض / ذويه / غيرهم بالحل. البسط: عدد الشكاوى التي حُلّت خلال 48 ساعة من تقديمها حتى الإبلاغ بالحل على إجمالي عدد الشكاوى. المقام: إجمالي عدد الشكاوى المستلمة",
                    ),
                    numerator=Text(
                        en="Number of Complaints resolved within 48 hours from filing/submission to communication of resolution over total number of complaints",
                        ar="عدد الشكاوى التي حُلّت خلال 48 ساعة من تقديمها حتى الإبلاغ بالحل على إجمالي عدد الشكاوى",
                    ),
                    denominator=Text(
                        en="Total number of complaints received",
                        ar="إجمالي عدد الشكاوى المستلمة",
                    ),
                ),
                kpi(
                    "13",
                    Text(
                        en="937 Report Closure Satisfaction Index Overall Satisfaction with complaint resolution",
                        ar="مؤشر الرضا عن إغلاق بلاغات 937: الرضا العام عن حل الشكاوى",
                    ),
                    Text(
                        en="Not only the closure of 937 notification, it is the decision for improvement . Numerator: Complaints who received a (satisfied, very satisfied) scoring on its resolution/ outcome by the patient/family/others Denominator : Total number of complaints received",
                        ar="لا يقتصر الأمر على إغلاق بلاغ 937، بل هو قرار للتحسين. البسط: الشكاوى التي حصلت على تقييم (راضٍ، راضٍ جداً) عن حلها / نتيجتها من المريض / ذويه / غيرهم. المقام: إجمالي عدد الشكاوى المستلمة",
                    ),
                    numerator=Text(
                        en="Complaints who received a (satisfied, very satisfied) scoring on its resolution/ outcome by the patient/family/others",
                        ar="الشكاوى التي حصلت على تقييم (راضٍ، راضٍ جداً) عن حلها / نتيجتها من المريض / ذويه / غيرهم",
                    ),
                    denominator=Text(
                        en="Total number of complaints received",
                        ar="إجمالي عدد الشكاوى المستلمة",
                    ),
                ),
                count(
                    "14",
                    Text(
                        en="937 Reports of abuse Reports of Customer abuse against Polyclinic employee over the last 12 months.",
                        ar="بلاغات الإساءة عبر 937: بلاغات العملاء بشأن الإساءة المقدمة ضد موظفي المجمع الطبي خلال الاثني عشر شهراً الماضية.",
                    ),
                    Text(
                        en="Any report or complaint that includes verbal or physical abuse or expulsion of the beneficiary. Ministry of health indicator for the number of reports of abuse is calculated monthly (in the monitoring mechanism, one number per month).",
                        ar="أي بلاغ أو شكوى تتضمن إساءة لفظية أو جسدية للمستفيد أو طرده. يُحسب مؤشر وزارة الصحة لعدد بلاغات الإساءة شهرياً (في آلية الرصد، رقم واحد لكل شهر).",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                    notes=(readings.MONTHLY_ABUSE_COUNT,),
                ),
                certificate(
                    "15",
                    Text(
                        en="Care of Persons with Disabilities: Mowaamah certificate from Ministry of Human Resource and Social Development",
                        ar="رعاية الأشخاص ذوي الإعاقة: شهادة مواءمة من وزارة الموارد البشرية والتنمية الاجتماعية",
                    ),
                    Text(
                        en='Developing work environment standards for people with disabilities and making them available electronically through an automated program (platform) called "Mowaamah." These standards allow establishments wishing to develop their work environment to be accessible to people with disabilities to evaluate themselves based on these standards.',
                        ar='تطوير معايير بيئة العمل للأشخاص ذوي الإعاقة وإتاحتها إلكترونياً عبر برنامج آلي (منصة) يسمى "مواءمة". وتتيح هذه المعايير للمنشآت الراغبة في تطوير بيئة عملها لتكون مهيأة للأشخاص ذوي الإعاقة أن تقيّم نفسها بناءً على هذه المعايير.',
                    ),
                ),
                count(
                    "16",
                    Text(
                        en="Number of institutional violations (from the committee in the branch of MOH) according to Private Health Institutions Law.",
                        ar="عدد المخالفات المؤسسية (الصادرة من اللجنة في فرع وزارة الصحة) وفقاً لنظام المؤسسات الصحية الخاصة.",
                    ),
                    Text(
                        en="Improper conduct, Negligence or Default issued against health instution . (The committee, mentioned is meant to look into Violations, negligence, or dereliction against Polyclinic. These include professional violations committed by medical staff, with penalties imposed by the Health Administration Violations Review Committee). Violations committed by medical and administrative staff are punished by the Polyclinic to which they belong or even will be raised to higher health authority. Attach clear and complete proof and evidence",
                        ar="سوء سلوك أو إهمال أو تقصير صادر بحق المؤسسة الصحية. (اللجنة المذكورة مختصة بالنظر في المخالفات أو الإهمال أو التقصير بحق المجمع الطبي، وتشمل المخالفات المهنية التي يرتكبها الطاقم الطبي، والتي تفرض عقوباتها لجنة النظر في مخالفات الشؤون الصحية). أما المخالفات التي يرتكبها الطاقم الطبي والإداري فيعاقب عليها المجمع الطبي الذي ينتمون إليه، أو تُرفع إلى جهة صحية أعلى. أرفق إثباتاً ودليلاً واضحاً وكاملاً",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                ),
                count(
                    "17",
                    Text(
                        en="Number of healthcare providers violation against any staff member of the polyclinic.",
                        ar="عدد مخالفات الممارسين الصحيين بحق أي من موظفي المجمع الطبي.",
                    ),
                    Text(
                        en="Improper conduct, Negligence or Default issued against healthcare profession. (The committee, mentioned is meant to look into violations of the healthcare professions practice. Professional violations committed by the medical staff, the penalty will be imposed by the Committee for Reviewing Violations of the Health Administrative violations committed by the medical and administrative staff, the penalty will be imposed by the Polyclinic to which it belongs. Improper conduct, Negligence or Default issued against health cae workers Attach clear and complete proof and evidence",
                        ar="سوء سلوك أو إهمال أو تقصير صادر بحق ممارسي المهن الصحية. (اللجنة المذكورة مختصة بالنظر في مخالفات مزاولة المهن الصحية. المخالفات المهنية التي يرتكبها الطاقم الطبي تفرض عقوبتها لجنة النظر في مخالفات الشؤون الصحية، والمخالفات الإدارية التي يرتكبها الطاقم الطبي والإداري يفرض عقوبتها المجمع الطبي الذي ينتمي إليه. سوء سلوك أو إهمال أو تقصير صادر بحق العاملين الصحيين. أرفق إثباتاً ودليلاً واضحاً وكاملاً",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                ),
                kpi(
                    "18",
                    Text(
                        en="Number of improvement projects or processes implemented based on beneficiary feedback",
                        ar="عدد مشاريع أو عمليات التحسين المنفذة بناءً على آراء المستفيدين",
                    ),
                    Text(
                        en="Number of improvement projects or processes that have been implemented and are based on beneficiary feedback. (Monitoring mechanism: number of projects affecting the patient experience survey element, divided by the total number of projects for every 6months) Attach clear and complete design/ details of the projects.",
                        ar="عدد مشاريع أو عمليات التحسين التي نُفذت وتستند إلى آراء المستفيدين. (آلية الرصد: عدد المشاريع المؤثرة في عنصر استبيان تجربة المريض مقسوماً على إجمالي عدد المشاريع لكل 6 أشهر). أرفق تصميماً / تفاصيل واضحة وكاملة للمشاريع.",
                    ),
                    numerator=Text(
                        en="number of projects affecting the patient experience survey element",
                        ar="عدد المشاريع المؤثرة في عنصر استبيان تجربة المريض",
                    ),
                    denominator=Text(
                        en="the total number of projects",
                        ar="إجمالي عدد المشاريع",
                    ),
                    notes=(
                        Text(
                            en="The title asks for a number of projects, but the seed's monitoring mechanism divides the projects affecting the patient experience survey element by the total number of projects, every 6 months; the registry scores that ratio as a percentage.",
                            ar="يطلب العنوان عدد المشاريع، لكن آلية الرصد في المصدر تقسم عدد المشاريع المؤثرة في عنصر استبيان تجربة المريض على إجمالي عدد المشاريع كل 6 أشهر؛ ويقيّم السجل هذه النسبة مئوية.",
                        ),
                    ),
                ),
            ),
        ),
        Domain(
            key="performance-sustainability",
            title=Text(
                en="Performance & Sustainability",
                ar="الأداء والاستدامة",
            ),
            weight=Decimal(20),
            criteria=(
                certificate(
                    "19",
                    Text(
                        en="Recognition, Licensing and accreditation .Accreditations obtained by the poly clinic",
                        ar="الاعتراف والترخيص والاعتماد: الاعتمادات التي حصل عليها المجمع الطبي",
                    ),
                    Text(
                        en="An accredited poly clinic demonstrates that it has met departmental standards. If there is no clear evidence of the criterion, the entire criterion = zero (Attach the valid accreditations granted to the Polyclinic)",
                        ar="يُثبت المجمع الطبي المعتمد أنه استوفى المعايير المطلوبة لأقسامه. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر (أرفق الاعتمادات السارية الممنوحة للمجمع الطبي)",
                    ),
                ),
                count(
                    "20",
                    Text(
                        en="Recognition, Licensing and accreditation: Number of training courses conducted by the poly clinic over 12 months for the current year.",
                        ar="الاعتراف والترخيص والاعتماد: عدد الدورات التدريبية التي نفذها المجمع الطبي خلال 12 شهراً من العام الحالي.",
                    ),
                    Text(
                        en="If there is no clear evidence of attendance at all training courses with names, the full criterion = zero. (Attatch training course schedules, accreditation numbers, and evidence of submitting and attending training programs)",
                        ar="إذا لم يوجد دليل واضح على حضور جميع الدورات التدريبية بالأسماء، فإن المعيار كاملاً = صفر. (أرفق جداول الدورات التدريبية وأرقام الاعتماد وما يثبت تقديم البرامج التدريبية وحضورها)",
                    ),
                    direction=Direction.HIGHER_IS_BETTER,
                    zero_without_evidence=True,
                ),
                evidence(
                    "21",
                    Text(
                        en="Recognition, Licensing and accreditation: Employees trained by the Polyclinic on quality and patient safety/ tasks and skills.",
                        ar="الاعتراف والترخيص والاعتماد: الموظفون الذين دربهم المجمع الطبي على مهام ومهارات الجودة وسلامة المرضى.",
                    ),
                    Text(
                        en="(attach the number and names of employees trained and the quality/ patient safety training programs are clear and evidence of providing and attending the training programs)",
                        ar="(أرفق عدد الموظفين المدربين وأسماءهم، وبرامج التدريب على الجودة / سلامة المرضى بشكل واضح، وما يثبت تقديم البرامج التدريبية وحضورها)",
                    ),
                    notes=(readings.TRAINED_EMPLOYEES_JUDGED,),
                ),
                kpi(
                    "22",
                    Text(
                        en="Recognition, Licensing and accreditation: Percentage of administrators trained in safety .programs",
                        ar="الاعتراف والترخيص والاعتماد: نسبة الإداريين المدربين على برامج السلامة.",
                    ),
                    Text(
                        en="If there is no clear evidence of attendance at all training courses with names, the full criterion = zero.",
                        ar="إذا لم يوجد دليل واضح على حضور جميع الدورات التدريبية بالأسماء، فإن المعيار كاملاً = صفر.",
                    ),
                    numerator=Text(
                        en="Number of administrators trained in safety programs",
                        ar="عدد الإداريين المدربين على برامج السلامة",
                    ),
                    denominator=Text(
                        en="Total number of administrators",
                        ar="إجمالي عدد الإداريين",
                    ),
                    zero_without_evidence=True,
                    notes=(readings.READ_FROM_TITLE,),
                ),
                evidence(
                    "23",
                    Text(
                        en="Active agreements with non-profit societies or organizations for sick and needy patients (Attach a copy of each agreement)",
                        ar="اتفاقيات سارية مع جمعيات أو منظمات غير ربحية لصالح المرضى والمحتاجين (أرفق نسخة من كل اتفاقية)",
                    ),
                    Text(
                        en="Non-profit organizations and societies play a crucial role in providing support for sick and needy individuals, often through active agreements and collaborations. Active agreement with community charities to help the sick and needy people is of value in community support ( If there is no clear evidence , the full criterion = zero).",
                        ar="تؤدي المنظمات والجمعيات غير الربحية دوراً محورياً في تقديم الدعم للمرضى والمحتاجين، غالباً من خلال اتفاقيات وشراكات سارية. وللاتفاقيات السارية مع الجمعيات الخيرية المجتمعية لمساعدة المرضى والمحتاجين قيمة في دعم المجتمع (إذا لم يوجد دليل واضح، فإن المعيار كاملاً = صفر).",
                    ),
                ),
                count(
                    "24",
                    Text(
                        en="Number of national initiatives, events, and campaigns in which the Polyclinic has participated (Attach a copy of the participation certificates.)",
                        ar="عدد المبادرات والفعاليات والحملات الوطنية التي شارك فيها المجمع الطبي (أرفق نسخة من شهادات المشاركة.)",
                    ),
                    Text(
                        en="1 per quarter, equivalent to 4 contributions over 12 months during the specified year. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="مشاركة واحدة كل ربع سنة، أي ما يعادل 4 مشاركات خلال 12 شهراً في السنة المحددة. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                    direction=Direction.HIGHER_IS_BETTER,
                    target=4,
                    zero_without_evidence=True,
                    notes=(readings.NATIONAL_CONTRIBUTIONS_TARGET,),
                ),
                evidence(
                    "25",
                    Text(
                        en="Electronic Medical Records",
                        ar="السجلات الطبية الإلكترونية",
                    ),
                    Text(
                        en="Ducoment of digital version of the medical charts in the clinician's office",
                        ar="وثيقة النسخة الرقمية من الملفات الطبية في عيادة الطبيب",
                    ),
                ),
                evidence(
                    "26",
                    Text(
                        en="Integrated Health System",
                        ar="نظام صحي متكامل",
                    ),
                    Text(
                        en="All services provided in a single system. (Attach the name of the system/program and the activation date.",
                        ar="تقديم جميع الخدمات في نظام واحد. (أرفق اسم النظام / البرنامج وتاريخ التفعيل.",
                    ),
                ),
                evidence(
                    "27",
                    Text(
                        en="Active Cybersecurity Protection Program",
                        ar="برنامج فعّال لحماية الأمن السيبراني",
                    ),
                    Text(
                        en="It must have specific policies and processes that demonstrate its compliance with current and future health information and cybersecurity regulatory requirements. It must establish a secure arrangement for sharing data between third parties, including the patient. If there is no clear evidence , the full criterion = zero.",
                        ar="يجب أن تكون لديه سياسات وإجراءات محددة تُثبت التزامه بالمتطلبات التنظيمية الحالية والمستقبلية للمعلومات الصحية والأمن السيبراني. ويجب أن يضع ترتيباً آمناً لتبادل البيانات مع الأطراف الأخرى، بما في ذلك المريض. إذا لم يوجد دليل واضح، فإن المعيار كاملاً = صفر.",
                    ),
                ),
                evidence(
                    "28",
                    Text(
                        en="Medical staff members have current delineated clinical privileges, Documented evidence of implementing best practice",
                        ar="لدى أعضاء الطاقم الطبي امتيازات سريرية محددة وسارية، مع دليل موثق على تطبيق أفضل الممارسات",
                    ),
                    Text(
                        en="If there is no clear evidence, the full criterion = zero.",
                        ar="إذا لم يوجد دليل واضح، فإن المعيار كاملاً = صفر.",
                    ),
                ),
                evidence(
                    "29",
                    Text(
                        en="The Polyclinic has an employee wellbeing program",
                        ar="لدى المجمع الطبي برنامج لرفاهية الموظفين",
                    ),
                    Text(
                        en="How poly clinic can improve the well-being of their workers, according to the World Health Organization recommendations for the vital role healthcare workers, to give an example done during 2024",
                        ar="كيف يمكن للمجمع الطبي تحسين رفاهية العاملين فيه، وفقاً لتوصيات منظمة الصحة العالمية بشأن الدور الحيوي للعاملين في الرعاية الصحية، مع تقديم مثال نُفّذ خلال عام 2024",
                    ),
                ),
                evidence(
                    "30",
                    Text(
                        en="The Polyclinic has a policy for an employee safe complaint reporting program",
                        ar="لدى المجمع الطبي سياسة لبرنامج آمن لإبلاغ الموظفين عن الشكاوى",
                    ),
                    Text(
                        en="The program should ensure that employees can report safety concerns without fear of retaliation or negative consequence, it should be accessible method for employees to voice their concerns and for the organization to address potential issues.",
                        ar="يجب أن يضمن البرنامج قدرة الموظفين على الإبلاغ عن مخاوف السلامة دون خوف من الانتقام أو العواقب السلبية، وأن يكون وسيلة ميسّرة للموظفين للتعبير عن مخاوفهم وللمنشأة لمعالجة المشكلات المحتملة.",
                    ),
                ),
            ),
        ),
        Domain(
            key="patient-safety",
            title=Text(
                en="Patient Safety",
                ar="سلامة المرضى",
            ),
            weight=Decimal(30),
            criteria=(
                evidence(
                    "31",
                    Text(
                        en="Clinical warning system policy: A written policy outlines the management of clinical alarms, including setting alarm parameters and alarm escalation procedures.",
                        ar="سياسة نظام الإنذار السريري: سياسة مكتوبة تحدد إدارة الإنذارات السريرية، بما في ذلك ضبط معايير الإنذار وإجراءات تصعيده.",
                    ),
                    Text(
                        en="Clinical alarm life cycle includes the pathway for alarms of abnormal results in vital signs, lab or X ray results, which include: alarm generation, transmission, identification and response; thereby enhancing patient safety",
                        ar="تشمل دورة حياة الإنذار السريري مسار الإنذارات الخاصة بالنتائج غير الطبيعية في العلامات الحيوية أو نتائج المختبر أو الأشعة، وتتضمن: توليد الإنذار ونقله وتحديده والاستجابة له؛ مما يعزز سلامة المرضى",
                    ),
                ),
                evidence(
                    "32",
                    Text(
                        en="Clinical warning system policy: Evidence of reviewing and monitoring compliance with the clinical alarm system policy at least monthly, with a corrective action plan.",
                        ar="سياسة نظام الإنذار السريري: دليل على مراجعة الالتزام بسياسة نظام الإنذار السريري ومتابعته شهرياً على الأقل، مع خطة إجراءات تصحيحية.",
                    ),
                    Text(
                        en="This involves tracking performance indicators, conducting audits, and documenting any non-compliance or areas needing improvement.",
                        ar="ويشمل ذلك تتبع مؤشرات الأداء وإجراء عمليات التدقيق وتوثيق أي عدم التزام أو جوانب تحتاج إلى تحسين.",
                    ),
                ),
                evidence(
                    "33",
                    Text(
                        en="Clinical warning system policy: Example of flow charts for following and for measuring vital sign each visit",
                        ar="سياسة نظام الإنذار السريري: مثال على مخططات سير العمل للمتابعة ولقياس العلامات الحيوية في كل زيارة",
                    ),
                    Text(
                        en="Evidence of measuring vital signs for adult patients",
                        ar="دليل على قياس العلامات الحيوية للمرضى البالغين",
                    ),
                ),
                kpi(
                    "34",
                    Text(
                        en="Polyclinic KPIs for Monitoring Internal Processes: Ratio of ( sentinel events ) over the total number of OVR,s reported in the facility.",
                        ar="مؤشرات الأداء الرئيسية للمجمع الطبي لمتابعة العمليات الداخلية: نسبة (الأحداث الجسيمة) إلى إجمالي عدد تقارير الحوادث (OVR) المبلغ عنها في المنشأة.",
                    ),
                    Text(
                        en="Error Rate: This rate measures the number of mistakes( wrong patient identification, BP measurement , vital signs, made by staff in poly clinic when treating a patient that was reported appropriately reflecting the presence of JUST culture.",
                        ar="معدل الأخطاء: يقيس هذا المعدل عدد الأخطاء (الخطأ في تحديد هوية المريض، أو قياس ضغط الدم، أو العلامات الحيوية) التي يرتكبها موظفو المجمع الطبي عند علاج المريض والتي أُبلغ عنها بالشكل المناسب، بما يعكس وجود ثقافة عادلة.",
                    ),
                    numerator=Text(
                        en="sentinel events",
                        ar="الأحداث الجسيمة",
                    ),
                    denominator=Text(
                        en="the total number of OVR,s reported in the facility",
                        ar="إجمالي عدد تقارير الحوادث (OVR) المبلغ عنها في المنشأة",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                    notes=(
                        Text(
                            en="The seed gives no direction; the registry reads a lower share of sentinel events among the occurrences reported (more reporting under a just culture) as better.",
                            ar="لا يحدد المصدر الاتجاه؛ ويعدّ السجل انخفاض نسبة الأحداث الجسيمة بين الحوادث المبلغ عنها (أي مزيداً من الإبلاغ في ظل ثقافة عادلة) أفضل.",
                        ),
                    ),
                ),
                kpi(
                    "35",
                    Text(
                        en="Polyclinic KPIs for Monitoring Internal Processes: Cancellation Rate (%) = (Number of Missed Appointments ( no show) / Total Number of Appointments) * 100",
                        ar="مؤشرات الأداء الرئيسية للمجمع الطبي لمتابعة العمليات الداخلية: معدل الإلغاء (%) = (عدد المواعيد الفائتة (عدم الحضور) / إجمالي عدد المواعيد) × 100",
                    ),
                    Text(
                        en="Cancellation Rate: This is a KPI for outpatient clinics . If a patient misses a scheduled appointment, or schaduled procedure. Measure this value over time so you can address the issues and improve the attendance via a designed system/ proceedure .",
                        ar="معدل الإلغاء: مؤشر أداء رئيسي للعيادات الخارجية، ويُحتسب إذا فات المريض موعداً مجدولاً أو إجراءً مجدولاً. قِس هذه القيمة على مدى الزمن لتتمكن من معالجة المشكلات وتحسين الحضور من خلال نظام / إجراء مصمم لذلك.",
                    ),
                    numerator=Text(
                        en="Number of Missed Appointments ( no show)",
                        ar="عدد المواعيد الفائتة (عدم الحضور)",
                    ),
                    denominator=Text(
                        en="Total Number of Appointments",
                        ar="إجمالي عدد المواعيد",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                ),
                evidence(
                    "36",
                    Text(
                        en="Patient education materials and audiovisual health education",
                        ar="مواد تثقيف المرضى والتثقيف الصحي السمعي والبصري",
                    ),
                    Text(
                        en="Documents of different examples( pdf, and screens in waiting areas.",
                        ar="مستندات لأمثلة مختلفة (ملفات pdf، وشاشات في مناطق الانتظار.",
                    ),
                ),
                evidence(
                    "37",
                    Text(
                        en="Medical Waste Management: There is a valid medical waste management contract.",
                        ar="إدارة النفايات الطبية: يوجد عقد ساري لإدارة النفايات الطبية.",
                    ),
                    Text(
                        en="Committee Formation Order and Terms of reference of the infection prevention and control committee, and minutes of at least 6 meetings",
                        ar="قرار تشكيل لجنة الوقاية من العدوى ومكافحتها وشروطها المرجعية، ومحاضر 6 اجتماعات على الأقل",
                    ),
                    notes=(
                        Text(
                            en="The title asks for a valid contract while the guidance asks for the infection prevention and control committee's documents; a judge scores both as evidence.",
                            ar="يطلب العنوان عقداً سارياً بينما تطلب الإرشادات مستندات لجنة الوقاية من العدوى ومكافحتها؛ ويقيّم المحكّم كليهما دليلاً.",
                        ),
                    ),
                ),
                evidence(
                    "38",
                    Text(
                        en="Medical Waste Management: An assigned infection control officer with clear job description and tasks.",
                        ar="إدارة النفايات الطبية: مسؤول مكافحة عدوى مكلَّف بوصف وظيفي ومهام واضحة.",
                    ),
                    Text(
                        en="Assigment order and approved Job description.",
                        ar="قرار التكليف والوصف الوظيفي المعتمد.",
                    ),
                ),
                evidence(
                    "39",
                    Text(
                        en="Medical Waste Management: Membership of (the infection conrtol officer and/or a staff trained nurse) in the committee of infection prevention and control committee.",
                        ar="إدارة النفايات الطبية: عضوية (مسؤول مكافحة العدوى و/أو ممرض مدرب من الموظفين) في لجنة الوقاية من العدوى ومكافحتها.",
                    ),
                    Text(
                        en="Committee Formation Order.",
                        ar="قرار تشكيل اللجنة.",
                    ),
                ),
                kpi(
                    "40",
                    Text(
                        en="Infection Control: ratio of Employees that have been trained on the infection control system.",
                        ar="مكافحة العدوى: نسبة الموظفين الذين تلقوا تدريباً على نظام مكافحة العدوى.",
                    ),
                    Text(
                        en="To ensure a safe and healthy environment by equipping its workforce with the knowledge and skills to prevent and control infections. This training likely covers various aspects of infection control, such as hand hygiene, personal protective equipment, and proper cleaning and disinfection procedures. If there is no clear evidence, the full criterion = zero.",
                        ar="لضمان بيئة آمنة وصحية من خلال تزويد القوى العاملة بالمعارف والمهارات اللازمة للوقاية من العدوى ومكافحتها. ويغطي هذا التدريب عادةً جوانب مختلفة من مكافحة العدوى، مثل نظافة اليدين ومعدات الحماية الشخصية وإجراءات التنظيف والتطهير السليمة. إذا لم يوجد دليل واضح، فإن المعيار كاملاً = صفر.",
                    ),
                    numerator=Text(
                        en="Number of employees trained on the infection control system",
                        ar="عدد الموظفين المدربين على نظام مكافحة العدوى",
                    ),
                    denominator=Text(
                        en="Total number of employees",
                        ar="إجمالي عدد الموظفين",
                    ),
                    zero_without_evidence=True,
                    notes=(readings.READ_FROM_TITLE,),
                ),
                evidence(
                    "41",
                    Text(
                        en="Infection Control: There is a central sterilization room, separate from other clinics and compliant with resources.",
                        ar="مكافحة العدوى: توجد غرفة تعقيم مركزية منفصلة عن العيادات الأخرى ومستوفية للموارد.",
                    ),
                    Text(
                        en="presence of separate room or area for sterilization",
                        ar="وجود غرفة أو منطقة منفصلة للتعقيم",
                    ),
                ),
                kpi(
                    "42",
                    Text(
                        en="Infection Control: Percentage of employee with BICSL certificate.",
                        ar="مكافحة العدوى: نسبة الموظفين الحاصلين على شهادة BICSL.",
                    ),
                    Text(
                        en="Number of health care employee with Bicsll certificate / total number of healthcare employee *100",
                        ar="عدد موظفي الرعاية الصحية الحاصلين على شهادة BICSL / إجمالي عدد موظفي الرعاية الصحية × 100",
                    ),
                    numerator=Text(
                        en="Number of health care employee with Bicsll certificate",
                        ar="عدد موظفي الرعاية الصحية الحاصلين على شهادة BICSL",
                    ),
                    denominator=Text(
                        en="total number of healthcare employee",
                        ar="إجمالي عدد موظفي الرعاية الصحية",
                    ),
                ),
                evidence(
                    "43",
                    Text(
                        en="Infection Control: Clear policy for Infection Prevention and Control.",
                        ar="مكافحة العدوى: سياسة واضحة للوقاية من العدوى ومكافحتها.",
                    ),
                    Text(
                        en="Policies and procedures are based on MOH guidelines.",
                        ar="تستند السياسات والإجراءات إلى الأدلة الإرشادية لوزارة الصحة.",
                    ),
                ),
                evidence(
                    "44",
                    Text(
                        en="Never events in medical clinic standards: Sentinel Events and Root Cause Analysis Policy",
                        ar="معايير الأحداث التي يجب ألا تقع أبداً في العيادات الطبية: سياسة الأحداث الجسيمة وتحليل الأسباب الجذرية",
                    ),
                    _REPORTABLE_ADVERSE_EVENTS,
                ),
                evidence(
                    "45",
                    Text(
                        en="Never events in medical clinic standards: Documented Just Culture Training: personnel are comfortable disclosing errors, including their own",
                        ar="معايير الأحداث التي يجب ألا تقع أبداً في العيادات الطبية: تدريب موثق على الثقافة العادلة: يشعر الموظفون بالارتياح للإفصاح عن الأخطاء، بما فيها أخطاؤهم",
                    ),
                    _REPORTABLE_ADVERSE_EVENTS,
                ),
            ),
        ),
    ),
    notes=(
        Text(
            en="English texts are the seed's own, verbatim, typos included; the Arabic texts are the registry's translation.",
            ar="النصوص الإنجليزية هي نصوص المصدر حرفياً بما فيها من أخطاء مطبعية؛ والنصوص العربية ترجمة السجل.",
        ),
        Text(
            en="Domain weights are the seed's. The seed gives points only for criterion 11 (proof = 2, example project = 2); every other criterion scores 0..4 by the registry's default, which an edition may change.",
            ar="أوزان المجالات من المصدر. لا يحدد المصدر الدرجات إلا للمعيار 11 (الإثبات = 2، مثال المشروع = 2)؛ ويُقيَّم كل معيار آخر من 0 إلى 4 وفق الإعداد الافتراضي للسجل، ويجوز للدورة تغييره.",
        ),
    ),
)
