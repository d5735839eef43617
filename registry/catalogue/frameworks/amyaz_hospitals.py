"""Amyaz Award for Healthcare Excellence: the Hospital criteria.

Transcribed from seed 001 (Eastern Region health excellence awards, 2025): 36 criteria in
four weighted domains. Titles (each criterion's first line) and guidance (the paragraph
under it) are the seed's English word for word, typos included; the Arabic is the
registry's translation. The seed gives no points for hospitals (criterion 11 lacks the
polyclinics' "= 2" items), so every criterion scores 0..4 by the registry's default (see
``registry.catalogue.frameworks``). Where the seed leaves a measure open, the
criterion's ``notes`` say how the registry reads it.
"""

# ruff: noqa: E501

from __future__ import annotations

from decimal import Decimal

from domain.awards.framework import Direction, Domain, Framework
from domain.text import Text
from registry.catalogue.frameworks import readings
from registry.catalogue.frameworks.defaults import certificate, count, evidence, kpi

FRAMEWORK = Framework(
    key="amyaz-hospitals",
    version=1,
    title=Text(
        en="Amyaz Award for Healthcare Excellence — Hospital Criteria",
        ar="جائزة أميز للتميز في الرعاية الصحية — معايير المستشفيات",
    ),
    source="seed 001_5810685168bda0c6 (Eastern Region health excellence awards, 2025): Amyaz Award for Healthcare Excellence, Hospital Criteria - Eastern Region | Ministry of Health - Saudi Arabia",
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
                        en="A strategic plan with valid date, implemented and addresses the health organization's vision and mission, objectives, analytic tools, show associated traceable measures to the strategic plan; activities to achieve the objectives performance are being accomplished.",
                        ar="خطة استراتيجية سارية التاريخ ومنفذة، تتناول رؤية المنشأة الصحية ورسالتها وأهدافها وأدوات التحليل، وتُظهر مقاييس مرتبطة بالخطة الاستراتيجية يمكن تتبعها؛ ويجري إنجاز الأنشطة اللازمة لتحقيق أداء الأهداف.",
                    ),
                    Text(
                        en="Strategy complies with ministry of health strategic goals. Strategy generally involves setting goals and priorities, determining actions to achieve the goals, and mobilizing resources to execute the actions. Shaping the strategy with the future. Whether the developers and implementers are making decisions consistent with the current national policies.",
                        ar="تتوافق الاستراتيجية مع الأهداف الاستراتيجية لوزارة الصحة. وتشمل الاستراتيجية عادةً تحديد الأهداف والأولويات، وتحديد الإجراءات اللازمة لتحقيق الأهداف، وحشد الموارد لتنفيذ هذه الإجراءات. وصياغة الاستراتيجية بما يواكب المستقبل. ومدى اتخاذ واضعي الاستراتيجية ومنفذيها قرارات متسقة مع السياسات الوطنية الحالية.",
                    ),
                ),
                evidence(
                    "2",
                    Text(
                        en="A strategic plan: Objectives (goals) Include patient safety, organization's risk and quality goals. Appropriate progress and success performance measures have been established against the strategic plan and improvement efforts.",
                        ar="الخطة الاستراتيجية: تشمل الأهداف (الغايات) سلامة المرضى وأهداف المنشأة في إدارة المخاطر والجودة. وقد وُضعت مقاييس أداء مناسبة للتقدم والنجاح مقابل الخطة الاستراتيجية وجهود التحسين.",
                    ),
                    Text(
                        en="Strategic planning is a process and thus has inputs, activities, outputs and outcomes. Sitting objectives should include patient safety. Analytical tools (PESTLE, SWOT analysis, Growth-share matrix, Balanced scorecards and strategy maps). If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="التخطيط الاستراتيجي عملية، ولذلك له مدخلات وأنشطة ومخرجات ونتائج. ويجب أن تشمل الأهداف الموضوعة سلامة المرضى. أدوات التحليل (تحليل PESTLE، تحليل SWOT، مصفوفة النمو والحصة السوقية، بطاقات الأداء المتوازن والخرائط الاستراتيجية). إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                evidence(
                    "3",
                    Text(
                        en="Structured leadership Walkrounds program addressing patient safety improvement / initiatives.",
                        ar="برنامج منظم للجولات القيادية يتناول تحسين سلامة المرضى / مبادراتها.",
                    ),
                    Text(
                        en="CEO senior leaders perform patient safety measures walk rounds, as leaders establish open and transparent communication with front line staff, fostering an environment where safety concerns are identified, discussed, and acted upon collaboratively. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="يجري الرئيس التنفيذي وكبار القياديين جولات لمقاييس سلامة المرضى، إذ يقيم القادة تواصلاً مفتوحاً وشفافاً مع موظفي الخطوط الأمامية، مما يعزز بيئة يتم فيها تحديد مخاوف السلامة ومناقشتها والتعامل معها بشكل تعاوني. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                evidence(
                    "4",
                    Text(
                        en="Board of Directors meetings.",
                        ar="اجتماعات مجلس الإدارة.",
                    ),
                    Text(
                        en="Board meetings reporting to/chaired by Chief Executive Officer (CEO) are documenting patient safety discussions during periodic meeting agenda or minutes. Board members also review performance data, patient satisfaction scores, and incident reports to identify trends and opportunities for improvement. If there is no clear evidence of the criterion, the entire criterion = zero.",
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
                        en="Data is collected at the facility level, The presence of systematic, data-guided activities designed to bring about the progress of the plan according to the proposed schedule. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="تُجمع البيانات على مستوى المنشأة، مع وجود أنشطة منهجية موجهة بالبيانات تهدف إلى تحقيق تقدم الخطة وفق الجدول الزمني المقترح. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                kpi(
                    "6",
                    Text(
                        en="Manpower: Prioritizing citizen staffing requirements and specific qualifications.",
                        ar="القوى العاملة: إعطاء الأولوية للمواطنين في متطلبات التوظيف والمؤهلات المحددة.",
                    ),
                    Text(
                        en="The organization must have documented evidence that indicates Prioritizing citizen staffing requirements and specific qualifications. This indicator measures the number of Saudis working in the hospital. ((Number of Saudis working in the hospital / Total employees in the hospital) * 100 A staffing policy is a strategic framework that guides how an organization hires, manages and places its employees. Attach (شهادة التوطين) certificate from Human Resources and Social Development",
                        ar="يجب أن يكون لدى المنشأة دليل موثق على إعطاء الأولوية للمواطنين في متطلبات التوظيف والمؤهلات المحددة. يقيس هذا المؤشر عدد السعوديين العاملين في المستشفى. ((عدد السعوديين العاملين في المستشفى / إجمالي الموظفين في المستشفى) × 100. سياسة التوظيف إطار استراتيجي يوجّه كيفية توظيف المنشأة لموظفيها وإدارتهم وتوزيعهم. أرفق (شهادة التوطين) من وزارة الموارد البشرية والتنمية الاجتماعية",
                    ),
                    numerator=Text(
                        en="Number of Saudis working in the hospital",
                        ar="عدد السعوديين العاملين في المستشفى",
                    ),
                    denominator=Text(
                        en="Total employees in the hospital",
                        ar="إجمالي الموظفين في المستشفى",
                    ),
                    notes=(readings.SAUDIZATION_RATE,),
                ),
                kpi(
                    "7",
                    Text(
                        en="Manpower: Formulate an associated Saudi staffing, recruitment and retention plan.",
                        ar="القوى العاملة: صياغة خطة مرتبطة لتوظيف الكوادر السعودية واستقطابها والمحافظة عليها.",
                    ),
                    Text(
                        en="The percentage of Saudi employees who left the hospital over the last 12 month.",
                        ar="نسبة الموظفين السعوديين الذين غادروا المستشفى خلال الاثني عشر شهراً الماضية.",
                    ),
                    numerator=Text(
                        en="Number of Saudi employees who left the hospital over the last 12 months",
                        ar="عدد الموظفين السعوديين الذين غادروا المستشفى خلال الاثني عشر شهراً الماضية",
                    ),
                    denominator=Text(
                        en="Total number of Saudi employees of the hospital",
                        ar="إجمالي عدد الموظفين السعوديين في المستشفى",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                    notes=(
                        Text(
                            en="The seed measures this criterion by turnover of Saudi staff (the percentage who left in the last 12 months) but states no numerator or denominator; the registry reads them from that wording. Lower is better.",
                            ar="يقيس المصدر هذا المعيار بمعدل دوران الموظفين السعوديين (نسبة من غادروا خلال الاثني عشر شهراً الماضية) دون أن يحدد البسط والمقام؛ وقد استنبطهما السجل من هذه الصياغة. الأقل أفضل.",
                        ),
                    ),
                ),
                evidence(
                    "8",
                    Text(
                        en="Safe Staffing Levels (SSL); Nursing ratio requirement. The hospital complies with the minimum nurse staffing standards in all clinical areas at all times according to Saudi healthcare system",
                        ar="مستويات التوظيف الآمن (SSL)؛ متطلبات نسبة التمريض. يلتزم المستشفى بالحد الأدنى من معايير التوظيف التمريضي في جميع المناطق السريرية وفي جميع الأوقات وفقاً للنظام الصحي السعودي",
                    ),
                    Text(
                        en="Safe staffing is achieved when an appropriate number of health workers are always available across the continuum of care with the correct education, skills/competence, and experience to deliver safe patient care. The evidence is definitive. For example: 1:3 patients or fewer for (Emergency Room and for Cardiac Coronary Unit) / 1:2 patients for (Adult Intensive Care Unit/Cardiovascular Intensive Care Unit and for Pediatric Intensive Care Unit) / 1:6 patients Antenatal Ward: latent phase/induction area)",
                        ar="يتحقق التوظيف الآمن عندما يتوفر دائماً عدد مناسب من العاملين الصحيين على امتداد مراحل الرعاية، بالتعليم والمهارات / الكفاءة والخبرة الصحيحة لتقديم رعاية آمنة للمرضى. والدليل قاطع. على سبيل المثال: 1:3 مرضى أو أقل في (قسم الطوارئ ووحدة العناية القلبية التاجية) / 1:2 مريض في (وحدة العناية المركزة للبالغين / وحدة العناية المركزة القلبية الوعائية ووحدة العناية المركزة للأطفال) / 1:6 مرضى في جناح ما قبل الولادة: منطقة المرحلة الكامنة / تحريض الولادة)",
                    ),
                ),
                evidence(
                    "9",
                    Text(
                        en="Nurse Participation in Hospital Affair",
                        ar="مشاركة التمريض في شؤون المستشفى",
                    ),
                    Text(
                        en="Attachment of different committees formation order",
                        ar="إرفاق قرارات تشكيل اللجان المختلفة",
                    ),
                ),
                certificate(
                    "10",
                    Text(
                        en="Nursing Recognition Program (Magnet, Nurse-Friendly Hospital)",
                        ar="برنامج الاعتراف بالتميز التمريضي (ماغنت، المستشفى الصديق للتمريض)",
                    ),
                    Text(
                        en="Approved or certificate in the process of recognition",
                        ar="معتمد، أو شهادة بأنه قيد إجراءات الاعتراف",
                    ),
                    notes=(
                        Text(
                            en="The seed accepts either the recognition itself or a certificate that recognition is in process.",
                            ar="يقبل المصدر الاعتراف ذاته أو شهادة بأن الاعتراف قيد الإجراء.",
                        ),
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
                evidence(
                    "11",
                    Text(
                        en="Patient Experience Measurement Program: Presence of focused improvement project, initiated from the program",
                        ar="برنامج قياس تجربة المريض: وجود مشروع تحسين مركّز منبثق من البرنامج",
                    ),
                    Text(
                        en="The organization implements mechanisms to gather, review, and utilize patient and family opinion about the health services provided. Patient experience is a process that reflects the interpersonal aspects of quality of care received.",
                        ar="تطبق المنشأة آليات لجمع آراء المرضى وذويهم حول الخدمات الصحية المقدمة ومراجعتها والاستفادة منها. وتجربة المريض عملية تعكس الجوانب الإنسانية والتواصلية لجودة الرعاية المتلقاة.",
                    ),
                ),
                kpi(
                    "12",
                    Text(
                        en="Percentage of closure within the recommended time 48 hours",
                        ar="نسبة الإغلاق خلال الوقت الموصى به (48 ساعة)",
                    ),
                    Text(
                        en="Percentage of 937 complaints resolved within 48 hours from time it was filed/submitted by patient family or others. Resolution was communicated to the patient/ family/other. Numerator: Number of Complaints resolved within 48 hours from filing/submission to communication of resolution over total number of complaints Denominator : Total number of complaints received.",
                        ar="نسبة بلاغات 937 التي حُلّت خلال 48 ساعة من وقت تقديمها من المريض أو ذويه أو غيرهم. وأُبلغ المريض / ذووه / غيرهم بالحل. البسط: عدد الشكاوى التي حُلّت خلال 48 ساعة من تقديمها حتى الإبلاغ بالحل على إجمالي عدد الشكاوى. المقام: إجمالي عدد الشكاوى المستلمة.",
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
                        en="satisfaction about closure of customer complaints of different sources (937 & reception disk complaint, social media … etc) Overall Satisfaction with complaint resolution",
                        ar="الرضا عن إغلاق شكاوى العملاء من مصادر مختلفة (937 وشكاوى مكتب الاستقبال ووسائل التواصل الاجتماعي … إلخ): الرضا العام عن حل الشكاوى",
                    ),
                    Text(
                        en="Not only the closure of 937 notification, it is the decision for improvement. Numerator: Complaints who received a (satisfied, very satisfied) scoring on its resolution/ outcome by the patient/family/others Denominator : Total number of complaints received",
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
                        en="Reported Customer abuse against the health facility or employee over the last 12 months.",
                        ar="بلاغات العملاء عن الإساءة ضد المنشأة الصحية أو موظفيها خلال الاثني عشر شهراً الماضية.",
                    ),
                    Text(
                        en="Any report or complaint that includes verbal or physical abuse or expulsion of the beneficiary. Ministry of health indicator for the number of reports of abuse is calculated monthly (in the monitoring mechanism, one number per month).",
                        ar="أي بلاغ أو شكوى تتضمن إساءة لفظية أو جسدية للمستفيد أو طرده. يُحسب مؤشر وزارة الصحة لعدد بلاغات الإساءة شهرياً (في آلية الرصد، رقم واحد لكل شهر).",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                    notes=(readings.MONTHLY_ABUSE_COUNT,),
                ),
                kpi(
                    "15",
                    Text(
                        en="Adherence to the guiding framework for dealing with reports: Compliance rate with the guiding framework for dealing with complaints.",
                        ar="الالتزام بالإطار الاسترشادي للتعامل مع البلاغات: نسبة الالتزام بالإطار الاسترشادي للتعامل مع الشكاوى.",
                    ),
                    Text(
                        en="Patients and their families have a great understanding of their needs and have their perspective on the expected level of health care provided in a healthcare facility. A proper complaint management system can assist in answering number questions related to safety and quality of care. There is clear policy and clear presentation of the standards (an office, phone number, on line, web site) for customers related to Ministry of Health complaint policy to Increase customer satisfaction with the service provided. Attach clear and complete proof and evidence",
                        ar="يتمتع المرضى وذووهم بفهم كبير لاحتياجاتهم، ولهم تصورهم لمستوى الرعاية الصحية المتوقع في المنشأة الصحية. ويمكن لنظام سليم لإدارة الشكاوى أن يساعد في الإجابة عن عدد من الأسئلة المتعلقة بسلامة الرعاية وجودتها. وتوجد سياسة واضحة وعرض واضح للمعايير (مكتب، رقم هاتف، عبر الإنترنت، موقع إلكتروني) للعملاء وفق سياسة وزارة الصحة للشكاوى، لزيادة رضا العملاء عن الخدمة المقدمة. أرفق إثباتاً ودليلاً واضحاً وكاملاً",
                    ),
                    numerator=Text(
                        en="Number of complaints handled in compliance with the guiding framework",
                        ar="عدد الشكاوى التي عولجت وفق الإطار الاسترشادي",
                    ),
                    denominator=Text(
                        en="Total number of complaints",
                        ar="إجمالي عدد الشكاوى",
                    ),
                    notes=(
                        Text(
                            en="The seed names a compliance rate but not its numerator and denominator; the registry reads it as the share of complaints handled in compliance with the guiding framework.",
                            ar="يذكر المصدر نسبة الالتزام دون أن يحدد البسط والمقام؛ ويقرؤها السجل نسبةً للشكاوى التي عولجت وفق الإطار الاسترشادي.",
                        ),
                    ),
                ),
                count(
                    "16",
                    Text(
                        en="violations and convictions: Number of institutional violations according to Private Health Institutions Law.",
                        ar="المخالفات والإدانات: عدد المخالفات المؤسسية وفقاً لنظام المؤسسات الصحية الخاصة.",
                    ),
                    Text(
                        en="Improper conduct, Negligence or Default issued against health institution. (The committee, mentioned is meant to look into Violations, negligence, or dereliction against a healthcare facility. These include professional violations committed by medical staff, with penalties imposed by the Health Administration Violations Review Committee). Violations committed by medical and administrative staff are punished by the facility to which they belong or even will be raised to higher health authority.",
                        ar="سوء سلوك أو إهمال أو تقصير صادر بحق المؤسسة الصحية. (اللجنة المذكورة مختصة بالنظر في المخالفات أو الإهمال أو التقصير بحق المنشأة الصحية، وتشمل المخالفات المهنية التي يرتكبها الطاقم الطبي، والتي تفرض عقوباتها لجنة النظر في مخالفات الشؤون الصحية). أما المخالفات التي يرتكبها الطاقم الطبي والإداري فتعاقب عليها المنشأة التي ينتمون إليها، أو تُرفع إلى جهة صحية أعلى.",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                ),
                count(
                    "17",
                    Text(
                        en="violations and convictions: Number of hospital healthcare providers violation",
                        ar="المخالفات والإدانات: عدد مخالفات الممارسين الصحيين في المستشفى",
                    ),
                    Text(
                        en="Improper conduct, Negligence or Default issued against healthcare profession. (The committee, mentioned is meant to look into violations of the healthcare professions practice. Professional violations committed by the medical staff, the penalty will be imposed by the Committee for Reviewing Violations of the Health Administrative violations committed by the medical and administrative staff, the penalty will be imposed by the facility to which it belongs. Improper conduct, Negligence or Default issued against health care workers Attach clear and complete proof and evidence",
                        ar="سوء سلوك أو إهمال أو تقصير صادر بحق ممارسي المهن الصحية. (اللجنة المذكورة مختصة بالنظر في مخالفات مزاولة المهن الصحية. المخالفات المهنية التي يرتكبها الطاقم الطبي تفرض عقوبتها لجنة النظر في مخالفات الشؤون الصحية، والمخالفات الإدارية التي يرتكبها الطاقم الطبي والإداري تفرض عقوبتها المنشأة التي ينتمي إليها. سوء سلوك أو إهمال أو تقصير صادر بحق العاملين في الرعاية الصحية. أرفق إثباتاً ودليلاً واضحاً وكاملاً",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                ),
                count(
                    "18",
                    Text(
                        en="Number of improvement projects or processes implemented based on beneficiary feedback",
                        ar="عدد مشاريع أو عمليات التحسين المنفذة بناءً على آراء المستفيدين",
                    ),
                    Text(
                        en="Improvement projects or processes that have been implemented and are based on beneficiary feedback. Monitoring mechanism: number of projects affecting the patient experience survey element. Attach clear and complete design/ details of the projects.",
                        ar="مشاريع أو عمليات التحسين التي نُفذت وتستند إلى آراء المستفيدين. آلية الرصد: عدد المشاريع المؤثرة في عنصر استبيان تجربة المريض. أرفق تصميماً / تفاصيل واضحة وكاملة للمشاريع.",
                    ),
                    direction=Direction.HIGHER_IS_BETTER,
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
                        en="Recognition, Licensing and accreditation: National / International accreditations obtained by the Hospital.",
                        ar="الاعتراف والترخيص والاعتماد: الاعتمادات الوطنية / الدولية التي حصل عليها المستشفى.",
                    ),
                    Text(
                        en="An accredited organization demonstrates that it has met departmental standards. If there is no clear evidence of the criterion, the entire criterion = zero. (Attach valid accreditations certificate obtained by the hospital)",
                        ar="تُثبت المنشأة المعتمدة أنها استوفت المعايير المطلوبة لأقسامها. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر. (أرفق شهادات الاعتماد السارية التي حصل عليها المستشفى)",
                    ),
                ),
                certificate(
                    "20",
                    Text(
                        en="Recognition, Licensing and accreditation: Accredited post graduate SCFHS training program; established and maintained.",
                        ar="الاعتراف والترخيص والاعتماد: برنامج تدريب للدراسات العليا معتمد من الهيئة السعودية للتخصصات الصحية، قائم ومستمر.",
                    ),
                    Text(
                        en="If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                certificate(
                    "21",
                    Text(
                        en="Recognition, Licensing and accreditation: Accredited research protection program (IRP), Establish and maintain a facility-based Research Ethics Committee.",
                        ar="الاعتراف والترخيص والاعتماد: برنامج معتمد لحماية البحث (IRP)، وإنشاء لجنة أخلاقيات بحث في المنشأة والمحافظة عليها.",
                    ),
                    Text(
                        en="If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                ),
                evidence(
                    "22",
                    Text(
                        en="Recognition, Licensing and accreditation: Published scientific article, by the organization or one of its employees in the past 12 months.",
                        ar="الاعتراف والترخيص والاعتماد: مقال علمي منشور من المنشأة أو أحد موظفيها خلال الاثني عشر شهراً الماضية.",
                    ),
                    Text(
                        en="Attach a copy of published articles / website of the Journal/ research. With clear evidence of the employee name.",
                        ar="أرفق نسخة من المقالات المنشورة / موقع المجلة / البحث، مع دليل واضح على اسم الموظف.",
                    ),
                ),
                count(
                    "23",
                    Text(
                        en="Recognition, Licensing and accreditation: Number of training courses conducted by the organization over 12 months.",
                        ar="الاعتراف والترخيص والاعتماد: عدد الدورات التدريبية التي نفذتها المنشأة خلال 12 شهراً.",
                    ),
                    Text(
                        en="If there is no clear evidence of attendance at all training courses with names, the full criterion = zero. (Attach training course schedules, accreditation numbers, and evidence of submitting and attending training programs)",
                        ar="إذا لم يوجد دليل واضح على حضور جميع الدورات التدريبية بالأسماء، فإن المعيار كاملاً = صفر. (أرفق جداول الدورات التدريبية وأرقام الاعتماد وما يثبت تقديم البرامج التدريبية وحضورها)",
                    ),
                    direction=Direction.HIGHER_IS_BETTER,
                    zero_without_evidence=True,
                ),
                evidence(
                    "24",
                    Text(
                        en="Recognition, Licensing and accreditation: Employees trained by the facility on quality and patient safety/infection control tasks and skills.",
                        ar="الاعتراف والترخيص والاعتماد: الموظفون الذين دربتهم المنشأة على مهام ومهارات الجودة وسلامة المرضى / مكافحة العدوى.",
                    ),
                    Text(
                        en="(Attach the number and names of employees trained and the quality training programs are clear and evidence of providing and attending the training programs)",
                        ar="(أرفق عدد الموظفين المدربين وأسماءهم، وبرامج التدريب على الجودة بشكل واضح، وما يثبت تقديم البرامج التدريبية وحضورها)",
                    ),
                    notes=(readings.TRAINED_EMPLOYEES_JUDGED,),
                ),
                kpi(
                    "25",
                    Text(
                        en="Recognition, Licensing and accreditation. Percentage of administrators trained in safety programs",
                        ar="الاعتراف والترخيص والاعتماد: نسبة الإداريين المدربين على برامج السلامة",
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
                    "26",
                    Text(
                        en="Active agreements with non-profit organizations. (Attach a copy of each agreement)",
                        ar="اتفاقيات سارية مع منظمات غير ربحية. (أرفق نسخة من كل اتفاقية)",
                    ),
                    Text(
                        en="The hospital provide evidence of its leadership support and contributions for needy patients through Non-profit organizations. If there is no clear evidence, the full criterion = zero.",
                        ar="يقدم المستشفى دليلاً على دعم قيادته ومساهماتها للمرضى المحتاجين من خلال المنظمات غير الربحية. إذا لم يوجد دليل واضح، فإن المعيار كاملاً = صفر.",
                    ),
                ),
                count(
                    "27",
                    Text(
                        en="Number of national initiatives, events, and campaigns in which the facility has participated (Attach a copy of the participation certificates.)",
                        ar="عدد المبادرات والفعاليات والحملات الوطنية التي شاركت فيها المنشأة (أرفق نسخة من شهادات المشاركة.)",
                    ),
                    Text(
                        en="one per quarter, equivalent to 4 contributions over 12 months during the current year. If there is no clear evidence of the criterion, the entire criterion = zero.",
                        ar="مشاركة واحدة كل ربع سنة، أي ما يعادل 4 مشاركات خلال 12 شهراً في السنة الحالية. إذا لم يوجد دليل واضح على المعيار، فإن المعيار بأكمله = صفر.",
                    ),
                    direction=Direction.HIGHER_IS_BETTER,
                    target=4,
                    zero_without_evidence=True,
                    notes=(readings.NATIONAL_CONTRIBUTIONS_TARGET,),
                ),
                evidence(
                    "28",
                    Text(
                        en="Amount of financial support provided to charitable organizations (Attach the name of the organization and the amount of support)",
                        ar="مبلغ الدعم المالي المقدم للجمعيات الخيرية (أرفق اسم الجهة ومبلغ الدعم)",
                    ),
                    Text(
                        en="If there is no clear evidence, the full criterion = zero.",
                        ar="إذا لم يوجد دليل واضح، فإن المعيار كاملاً = صفر.",
                    ),
                    notes=(
                        Text(
                            en="The seed asks for an amount of money but gives no scale for it; a judge scores the evidence.",
                            ar="يطلب المصدر مبلغاً مالياً دون مقياس له؛ ويقيّم المحكّم الأدلة.",
                        ),
                    ),
                ),
                evidence(
                    "29",
                    Text(
                        en="Medical staff members have current delineated clinical privileges, Documented evidence of implementing best practice.",
                        ar="لدى أعضاء الطاقم الطبي امتيازات سريرية محددة وسارية، مع دليل موثق على تطبيق أفضل الممارسات.",
                    ),
                    Text(
                        en="If there is no clear evidence, the full criterion = zero.",
                        ar="إذا لم يوجد دليل واضح، فإن المعيار كاملاً = صفر.",
                    ),
                ),
                evidence(
                    "30",
                    Text(
                        en="The hospital has an employee wellbeing program",
                        ar="لدى المستشفى برنامج لرفاهية الموظفين",
                    ),
                    Text(
                        en="How hospitals can improve the well-being of their workers, according to the World Health Organization recommendations for the vital role healthcare workers",
                        ar="كيف يمكن للمستشفيات تحسين رفاهية العاملين فيها، وفقاً لتوصيات منظمة الصحة العالمية بشأن الدور الحيوي للعاملين في الرعاية الصحية",
                    ),
                ),
                evidence(
                    "31",
                    Text(
                        en="The hospital has Wellbeing Trigger (burnout) and mental health evaluation",
                        ar="لدى المستشفى مؤشر إنذار للرفاهية (الاحتراق الوظيفي) وتقييم للصحة النفسية",
                    ),
                    Text(
                        en="Hospital support staff well-being formulated wellbeing committee",
                        ar="يدعم المستشفى رفاهية الموظفين، وقد شكّل لجنة للرفاهية",
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
                kpi(
                    "32",
                    Text(
                        en="Percent of drills completed from the total number of the (11) required drills.",
                        ar="نسبة التمارين (الفرضيات) المنفذة من إجمالي عدد التمارين المطلوبة (11).",
                    ),
                    Text(
                        en="Hospital drills, also known as emergency exercises, are supervised activities designed to test and improve a hospital's emergency response plans and procedures. The required information to be uploaded is Percentage of completed simulation exercises (Drill) done for each code during the year. Attach clear and complete proof and evidence",
                        ar="تمارين المستشفى، المعروفة أيضاً بتمارين الطوارئ (الفرضيات)، أنشطة خاضعة للإشراف تهدف إلى اختبار خطط المستشفى وإجراءاته للاستجابة للطوارئ وتحسينها. والمعلومات المطلوب رفعها هي نسبة تمارين المحاكاة (الفرضيات) المنفذة لكل رمز خلال العام. أرفق إثباتاً ودليلاً واضحاً وكاملاً",
                    ),
                    numerator=Text(
                        en="Number of the required drills completed",
                        ar="عدد التمارين المطلوبة المنفذة",
                    ),
                    denominator=Text(
                        en="the total number of the (11) required drills",
                        ar="إجمالي عدد التمارين المطلوبة (11)",
                    ),
                    notes=(
                        Text(
                            en="The denominator is the seed's (11 required drills); the numerator, drills completed, is read from the title.",
                            ar="المقام من المصدر (11 تمريناً مطلوباً)؛ أما البسط، أي التمارين المنفذة، فمستنبط من العنوان.",
                        ),
                    ),
                ),
                kpi(
                    "33",
                    Text(
                        en="Sentinel Event Reporting and Management Policy Supporting safe reporting Closure rate of improvement plans for OVR",
                        ar="سياسة الإبلاغ عن الأحداث الجسيمة وإدارتها ودعم الإبلاغ الآمن: معدل إغلاق خطط التحسين لتقارير الحوادث (OVR)",
                    ),
                    Text(
                        en="employee safety reporting of sentinel events under a just culture policy ensures a culture where errors are disclosed without fear of blame, focusing on continuous improvement and preventing future harm. There is evidence of implementation of approved CAPs in MOH Sentinel Events Platform. Exclusion of other improvement plans (approved from surveys or walkrounds) Attach clear and complete proof and evidence",
                        ar="يضمن إبلاغ الموظفين عن الأحداث الجسيمة في إطار سياسة الثقافة العادلة ثقافةً يُفصح فيها عن الأخطاء دون خوف من اللوم، مع التركيز على التحسين المستمر ومنع الضرر مستقبلاً. ويوجد دليل على تنفيذ خطط الإجراءات التصحيحية (CAPs) المعتمدة في منصة الأحداث الجسيمة بوزارة الصحة. مع استبعاد خطط التحسين الأخرى (المعتمدة من الاستبيانات أو الجولات). أرفق إثباتاً ودليلاً واضحاً وكاملاً",
                    ),
                    numerator=Text(
                        en="Number of approved improvement plans (CAPs) for OVRs that were closed",
                        ar="عدد خطط التحسين (CAPs) المعتمدة لتقارير الحوادث التي أُغلقت",
                    ),
                    denominator=Text(
                        en="Total number of approved improvement plans (CAPs) for OVRs",
                        ar="إجمالي عدد خطط التحسين (CAPs) المعتمدة لتقارير الحوادث",
                    ),
                    notes=(
                        Text(
                            en="The seed names a closure rate but not its numerator and denominator; the registry reads them as approved corrective action plans in the MOH Sentinel Events Platform, excluding plans from surveys or walkrounds, as the guidance says.",
                            ar="يذكر المصدر معدل الإغلاق دون أن يحدد البسط والمقام؛ ويقرؤهما السجل على أنهما خطط الإجراءات التصحيحية المعتمدة في منصة الأحداث الجسيمة بوزارة الصحة، مع استبعاد الخطط الناتجة عن الاستبيانات أو الجولات كما تنص الإرشادات.",
                        ),
                    ),
                ),
                evidence(
                    "34",
                    Text(
                        en="Hospital Safety Index",
                        ar="مؤشر سلامة المستشفيات",
                    ),
                    Text(
                        en="The Hospital Safety Index is a tool that is used to assess hospitals' safety and vulnerabilities, make recommendations on necessary actions, and promote low-cost/high-impact measures for improving safety and strengthening emergency preparedness.",
                        ar="مؤشر سلامة المستشفيات أداة تُستخدم لتقييم سلامة المستشفيات ومواطن ضعفها، وتقديم التوصيات بشأن الإجراءات اللازمة، وتعزيز التدابير منخفضة التكلفة وعالية الأثر لتحسين السلامة وتعزيز الجاهزية للطوارئ.",
                    ),
                    notes=(
                        Text(
                            en="The seed names the Hospital Safety Index but gives no formula or scale for it; a judge scores the assessment as evidence.",
                            ar="يذكر المصدر مؤشر سلامة المستشفيات دون صيغة أو مقياس له؛ ويقيّم المحكّم التقييم دليلاً.",
                        ),
                    ),
                ),
                kpi(
                    "35",
                    Text(
                        en="In-hospital Mortality Rate",
                        ar="معدل الوفيات داخل المستشفى",
                    ),
                    Text(
                        en="Total number of deaths in the Emergency Department in the month, number of patients with disposition as LAMA or DAMA / total number of discharges in the Emergency Department in the month x 100",
                        ar="إجمالي عدد الوفيات في قسم الطوارئ خلال الشهر، وعدد المرضى الذين غادروا خلافاً للمشورة الطبية (LAMA) أو خرجوا على مسؤوليتهم (DAMA) / إجمالي عدد حالات الخروج من قسم الطوارئ خلال الشهر × 100",
                    ),
                    numerator=Text(
                        en="Total number of deaths in the Emergency Department in the month, number of patients with disposition as LAMA or DAMA",
                        ar="إجمالي عدد الوفيات في قسم الطوارئ خلال الشهر، وعدد المرضى الذين غادروا خلافاً للمشورة الطبية (LAMA) أو خرجوا على مسؤوليتهم (DAMA)",
                    ),
                    denominator=Text(
                        en="total number of discharges in the Emergency Department in the month",
                        ar="إجمالي عدد حالات الخروج من قسم الطوارئ خلال الشهر",
                    ),
                    direction=Direction.LOWER_IS_BETTER,
                    notes=(
                        Text(
                            en="The title says in-hospital mortality while the seed's formula counts Emergency Department deaths and LAMA/DAMA dispositions per month; the registry keeps the formula as written. Lower is better.",
                            ar="يذكر العنوان الوفيات داخل المستشفى بينما تحسب صيغة المصدر وفيات قسم الطوارئ وحالات المغادرة خلافاً للمشورة الطبية أو على المسؤولية شهرياً؛ ويحتفظ السجل بالصيغة كما وردت. الأقل أفضل.",
                        ),
                    ),
                ),
                kpi(
                    "36",
                    Text(
                        en="Hospital compliance rate with the highest-risk standards",
                        ar="نسبة التزام المستشفى بالمعايير الأعلى خطورة",
                    ),
                    Text(
                        en="An index that measures the extent to which hospitals adhere to risk assessment standards that aim to raise the level of patient safety and avoid the identified harms (safety, fairness in providing services, patient-centered services, efficient, effective, and timely services). Attach clear and complete proof and evidence",
                        ar="مؤشر يقيس مدى التزام المستشفيات بمعايير تقييم المخاطر التي تهدف إلى رفع مستوى سلامة المرضى وتجنب الأضرار المحددة (السلامة، والعدالة في تقديم الخدمات، والخدمات المتمحورة حول المريض، والخدمات الكفؤة والفعالة وفي الوقت المناسب). أرفق إثباتاً ودليلاً واضحاً وكاملاً",
                    ),
                    numerator=Text(
                        en="Number of highest-risk standards the hospital complies with",
                        ar="عدد المعايير الأعلى خطورة التي يلتزم بها المستشفى",
                    ),
                    denominator=Text(
                        en="Total number of highest-risk standards assessed",
                        ar="إجمالي عدد المعايير الأعلى خطورة التي جرى تقييمها",
                    ),
                    notes=(readings.READ_FROM_TITLE,),
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
            en="Domain weights are the seed's. The seed gives no points for hospital criteria; each scores 0..4 by the registry's default, which an edition may change.",
            ar="أوزان المجالات من المصدر. لا يحدد المصدر درجات لمعايير المستشفيات؛ ويُقيَّم كل معيار من 0 إلى 4 وفق الإعداد الافتراضي للسجل، ويجوز للدورة تغييره.",
        ),
    ),
)
