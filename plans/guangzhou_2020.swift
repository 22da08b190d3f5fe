import PlanDSL

// 2020年广州市生态环境保护工作计划, transcribed from seeds/003_e4c9d4035ce7ad05.txt.
//
// From the seed: the targets of its opening paragraph, the five chapters and all 34 tasks
// (text exactly as published) and the figures stated in the tasks.
//
// ILLUSTRATIVE, not from the seed (which names no owners): every unit below other than the
// issuer, the responsibility list at the end, and the dates of 秋冬季. The divisions, direct
// units and district branches follow the usual structure of a city ecology-environment bureau;
// the city departments are the ones the task texts call on (交通、公安、住建、水务、海事…).

/// The in-plan part of the 2020 autumn–winter campaign (秋冬季); the seed gives no dates.
let autumnWinter2020 = Deadline.period(
  name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31)))

/// The bureau's eleven district branches.
let guangzhouDistricts = [
  "gz-eeb-yuexiu", "gz-eeb-haizhu", "gz-eeb-liwan", "gz-eeb-tianhe", "gz-eeb-baiyun",
  "gz-eeb-huangpu", "gz-eeb-huadu", "gz-eeb-panyu", "gz-eeb-nansha", "gz-eeb-conghua",
  "gz-eeb-zengcheng",
]

/// The district branches of the districts with farmland (涉农区).
let guangzhouRuralDistricts = [
  "gz-eeb-baiyun", "gz-eeb-huangpu", "gz-eeb-huadu", "gz-eeb-panyu", "gz-eeb-nansha",
  "gz-eeb-conghua", "gz-eeb-zengcheng",
]

// Chapters are declared one per constant: the compiler type-checks each on its own, which keeps
// a plan file fast to compile however many tasks it has (see scripts/typecheck-bench).

let guangzhouChapter1 = Chapter(1, id: "party", "推进作风建设、全面从严治党,扛起生态环境保护政治责任") {
  Item(
    1, id: "politics",
    "坚持把党的政治建设摆在首位。坚持把学习习近平新时代中国特色社会主义思想、习近平总书记重要批示指示精神作为党组会议的第一议题和理论学习中心组学习会、党支部“三会一课”的主要内容。持续巩固“不忘初心、牢记使命”主题教育成果,扎实推进整改落实,建立健全长效机制。突出抓好政治建设,自觉增强“四个意识”、坚定“四个自信”、做到“两个维护”。严格落实意识形态工作责任制,切实维护意识形态领域安全。"
  )
  Item(
    2, id: "party-organisation",
    "提升党组织建设质量。找准党建工作和业务工作结合点,把党建工作和业务工作同谋划、同部署、同落实、同检查。继续抓好基层党建三年行动计划和模范机关创建活动落实,开展基层党组织达标创优考核评定工作。加强党员教育管理和监督,开展党员亮身份、亮职责、亮承诺和评星定级活动,推广党员示范岗、党员责任区、党员突击队等做法,深入推进铸魂补钙、“头雁”培育等行动。"
  )
  Item(
    3, id: "integrity",
    "深入推进党风廉政建设。落实“一岗双责”,强化纪律教育,狠抓以案治本,深入开展基层正风反腐治理和形式主义、官僚主义专项整治,推进全面从严治党向基层延伸。开展全局系统岗位廉政风险防控,加大对领导干部和重要岗位的监督力度。从“四风”问题入手,充分运用监督执纪“四种形态”,抓早抓小,严肃查处违纪违法行为。"
  )
}

let guangzhouChapter2 = Chapter(2, id: "system", "坚持方向不变、力度不减,实行最严格的生态环境保护制度") {
  Item(
    4, id: "reform",
    "统筹生态文明体制改革。落实2020年市全面深化改革要点工作,推进完成生态文明体制改革年度任务。协调制定和实施有关专项改革政策措施,推动专项改革。"
  )
  Item(
    5, id: "legislation",
    "完善生态环境保护法制体系。推动重新制定《广州市生态环境保护条例》。修订实施行政执法公示及全过程记录、重大行政决策和重大行政执法决定合法性审核等三项制度。制定生态环境部门应诉应议规定。完善行政处罚自由裁量权规定。"
  )
  Item(
    6, id: "planning",
    "强化环保规划引领。推动生态环境规划成果与“多规合一”平台融合,运用于项目策划、联合会审、联审决策等平台。组织编制广州市生态环境保护“十四五”规划。开展《广州市环境保护第十三个五年规划》终期评估及《广州市城市环境总体规划(2014-2030年)》年度评估。"
  )
  Item(
    7, id: "accountability",
    "严明生态环境保护责任。印发实施广州市生态环境保护工作责任清单。完善市环境保护目标责任考核形式,组织开展2019年度考核工作,筹备向市人大常委会汇报2019年环境状况和环境保护目标完成情况。组织实施《广州市生态环境损害赔偿制度改革实施方案》。完善检察、公安机关及生态环境等部门执法信息共享、案件线索移送等协作机制,推动制定统一有效互认的证据收集及固定规则。"
  )
  Item(
    8, id: "eia-permits",
    "深化环评和排污许可制改革。开展区域空间生态环境评价,组织“三线一单”编制工作。继续开展重点区域规划环评。强化重大项目环评审批服务,制定重点行业建设项目环评文件审批技术指引。制定《广州市不纳入环境影响评价管理的建设项目名录》(2020年版)。试行环评审批承诺制。落实建设项目环评文件编制监督管理办法,加强编制质量管理。全面实施固定源排污许可制度,加强与环境保护相关制度的工作衔接。按要求组织做好排污许可证申请和核发工作。"
  )
  Item(
    9, id: "climate",
    "积极应对气候变化。继续推动低碳城市建设,探索低碳发展路径和模式。深入开展碳普惠制工作,建立完善广州碳普惠制运行体系。加强各区应对气候变化能力建设。"
  )
  Item(
    10, id: "emission-reduction",
    "开展总量减排和污染源普查。印发实施《广州市2020年主要污染物总量减排计划》,督促有关单位推进落实减排项目,完成年度减排目标任务。做好我市第二次全国污染源普查成果总结与开发、普查档案建档和移交等工作,全面完成污染源普查。组织开展环境统计。"
  )
  Item(
    11, id: "gba-cooperation",
    "推进粤港澳大湾区生态环保合作。继续运用推进粤港澳大湾区建设生态环境保护工作机制和广佛肇清云韶经济圈环保合作机制等平台,开展污染防治区域联防联控,健全合作交流、信息互通、资源共享等协作机制。"
  )
  Item(
    12, id: "credit",
    "强化环境信用管理。修订《广州市关于对环境保护领域生产经营者开展守信联合激励和失信联合惩戒的合作备忘录》,推动联合激励惩戒;推进企业环境信用分类评价;优化生态环境保护核查工作。"
  )
}

let guangzhouChapter3 = Chapter(3, id: "pollution", "突出精准治污、科学治污,全力打好污染防治攻坚战") {
  Item(
    13, id: "coal",
    "巩固燃煤整治效果。督促落实《广州市煤炭消费减量替代三年行动计划(2018-2020年)》,关停黄埔电厂六号燃煤机组,减少燃煤发电,实现煤炭消费减量负增长,对全市135台生物质锅炉实施全覆盖执法。加大全市超低排放燃煤锅炉监管力度。完善工业窑炉管控。"
  ) {
    Figure("biomass-boilers", "生物质锅炉全覆盖执法", .count(atLeast: 135, "台"))
    Figure("coal-consumption", "煤炭消费量", .qualitative("实现煤炭消费减量负增长"))
    Cooperating("gz-dev", "gz-eeb-enforcement")
  }
  Item(
    14, id: "dust",
    "强化扬尘污染控制。压实主体责任,督促建设工程落实“6个100%”要求。督促严厉打击泥头车超载、带泥上路和沿途撒漏等违法行为。督促推广应用全封闭建筑垃圾和粉状物料运输车辆。督促落实道路冲洗、洒水频次要求。"
  )
  Item(
    15, id: "mobile-sources",
    "深化移动源污染控制。督促实施《广州市柴油货车污染防治作战方案(2018-2020年)》。督促推进巡游出租车、物流配送车电动化,新增或更新的巡游出租车全部使用新能源汽车,纯电动比例不低于90%,联合相关部门推动老旧车提前淘汰。督促各区加大道路抽检、停放地抽检和遥感监测力度,秋冬季期间监督抽测柴油车数量不低于保有量的50%。加强非道路移动机械监管。督促落实《广州港口船舶排放控制作战方案(2018-2020年)》,加大船舶使用燃油抽检力度,抽检船舶燃油不低于1000艘次。"
  ) {
    Figure("taxi-new-energy", "新增或更新巡游出租车使用新能源汽车比例", .share(atLeast: 100, of: "新增或更新的巡游出租车"))
    Figure("taxi-electric", "新增或更新巡游出租车纯电动比例", .share(atLeast: 90, of: "新增或更新的巡游出租车"))
    Figure(
      "diesel-spot-checks", "秋冬季监督抽测柴油车数量", .share(atLeast: 50, of: "柴油车保有量"),
      period: autumnWinter2020)
    Figure("ship-fuel-checks", "抽检船舶燃油", .count(atLeast: 1000, "艘次"))
    Lead("gz-eeb-air")
    Cooperating(["gz-transport", "gz-police", "gz-msa", "gz-port"] + guangzhouDistricts)
  }
  Item(
    16, id: "vocs",
    "加强挥发性有机物污染控制。借助科技手段,建立“问题诊断—执法支持—动态评估”的高效监管模式。组织深化重点行业重点企业挥发性有机物整治。督促完成加油站在线监控设施安装工作,加强加油站、储油库油气监管。"
  ) {
    Figure("fuel-station-monitoring", "加油站在线监控设施安装", .qualitative("完成安装"))
  }
  Item(
    17, id: "water-sections",
    "推动考核断面水质达到考核要求。继续推动落实《广州市水污染防治强化方案》,强化各项措施落实情况督导、水质监测预警排名和重点考核断面周边一级支流水环境综合整治,督促按计划完成城镇、城中村污水收集处理设施建设管理和提质增效,督促加强农村生活污水治理工程建设管理和“查漏补缺”工作。做好入河排污口设置管理。"
  )
  Item(
    18, id: "drinking-water",
    "加强饮用水水源保护。继续组织实施《广州市饮用水水源地保护作战方案》。开展饮用水水源地环境保护专项行动,完成乡镇及以下“千吨万人”饮用水水源地环境问题排查和整治工作,组织划定乡镇及以下集中式饮用水源保护区。按要求开展饮用水水源保护区边界确定及标志标准化设置。开展集中式饮用水水源地环境状况评估。"
  ) {
    Figure("drinking-source-survey", "乡镇及以下“千吨万人”饮用水水源地环境问题排查整治", .qualitative("完成排查和整治"))
  }
  Item(
    19, id: "marine",
    "加强海洋生态环境保护。强化海洋环境质量监测评估,推进入海河流水质改善,减少陆源污染,逐步实现“海陆统筹,河海共治”。推进入海排污口备案管理,强化入海排污口水质监测和排查整治。联合港口、海事、海监等部门加强海上污染源以及港口船舶污染控制。"
  )
  Item(
    20, id: "soil",
    "加大土壤污染防治力度。继续组织实施《广州市土壤污染防治行动计划工作方案》,进一步开展重点行业企业用地土壤污染状况调查,加强再开发利用地块环境管理工作。协调开展地下水污染防治工作。"
  )
  Item(
    21, id: "solid-waste",
    "强化固体废物污染防治。组织实施《广州市贯彻落实广东省固体废物污染防治三年行动计划实施方案(2018-2020年)》。加大固体废物处置能力建设,督促推进广州市废弃物安全处置中心二期项目建设,督促广东生活环境无害化处理中心升级改造。加强危险废物重点企业现场抽查,督促企业提升危险废物规范化管理水平。强化固体废物申报登记,开展申报登记数据质量抽查核查工作。"
  )
  Item(
    22, id: "metals-noise",
    "持续推进重金属、环境噪声污染防治。组织重金属污染防治现状调查与评估。印发实施广州市2020年噪声污染防治重点工作计划。"
  )
  Item(
    23, id: "rural",
    "加强农村生态环境保护。组织实施《广州市实施农村环境保护行动计划工作方案(2018-2020年)》,监督指导各涉农区落实省下达的“十三五”期间农村环境综合整治任务。"
  )
}

let guangzhouChapter4 = Chapter(4, id: "law", "坚持依法治污、以人为本,切实解决突出环境问题") {
  Item(
    24, id: "inspection-rectification",
    "推进环保督察问题整改。继续抓好中央、省环保督察反馈问题整改落实,加强督导,逐项排查,加快推进交办案件整治到位。全力配合开展第二轮中央环保督察工作。"
  )
  Item(
    25, id: "enforcement",
    "严厉打击环境违法行为。持续保持环境执法高压态势,充分运用科技信息化手段提升执法精准度和效能。继续开展生态环境领域扫黑除恶专项斗争工作,加强线索摸排核查力度和管理。深入落实“双随机、一公开”制度,组织开展水、大气、土壤、固废等专项执法行动,开展跨界执法和相关部门联合执法,加强行政执法与刑事司法联动,配合做好 “散乱污”场所清理整治及村级工业园整治提升工作,严厉打击环境违法犯罪行为。"
  )
  Item(
    26, id: "petitions",
    "推动环境信访矛盾化解。继续优化完善环境信访工作机制,加强统筹管理和业务指导服务,提高办理效率和成效,强化分析研判,聚焦污染防治重点,从源头减少信访投诉问题。"
  )
  Item(
    27, id: "emergency",
    "提高环境风险预防与化解能力。完成区域环境风险评估和应急资源调查,加强环境应急值守,开展环境安全隐患排查,组织环境应急演练和培训,推进重点污染源工业企业应急预案编制、修编和备案管理,做好突发环境事件应对。"
  )
}

let guangzhouChapter5 = Chapter(5, id: "governance", "提升治理能力、管理水平,推动生态环境治理体系现代化") {
  Item(
    28, id: "monitoring",
    "健全生态环境监测体系。印发实施《2020年广州市生态环境监测常规、指令性工作任务表》。完成环境空气质量监测新增国控点的建设、联网并试运行。建成地表水省考断面水质自动监测站、广佛跨界流域污染通量站;开展水功能区和跨区河流、海洋水质监测。进一步完善国控、省控土壤监测网络。按照新调整声环境功能区点位开展噪声监测。完成年度重点排污单位自动监控设施建设任务。"
  ) {
    Figure("auto-monitoring", "重点排污单位自动监控设施建设", .qualitative("完成年度建设任务"))
  }
  Item(
    29, id: "supervision",
    "完善生态环境监管体系。按照《广州市生态环境局重点事项监督管理办法(试行)》的要求,加强对重点事项的监督管理。结合省以下环保机构监测监察执法垂直管理制度改革以及综合执法改革,加强生态环境执法能力建设。组织开展专职环保员队伍管理试点并在全市推广,构建镇(街)园区基层环境监管体系。"
  )
  Item(
    30, id: "informatisation",
    "完善信息化监管体系。推进生态环境数据资源整合共享。开展生态环境信息化体系设计研究,编制生态环境信息化建设规划(2021-2025年)。全面启动镇(街)园区生态环境监督检查员管理信息化建设及“数字政府”改革建设工作信息化基础支撑项目。依托全市“四标四实”工作基础,逐步建立完善环保基础图层。加强信息化监管和基础设施运行保障,提升网络安全保障能力。"
  )
  Item(
    31, id: "science",
    "增强科技支撑引领能力。推动建立臭氧前体物和PM2.5成分监测网,继续开展PM2.5来源解析、臭氧生成前体物VOCs组分及臭氧层消耗物质(ODS)监测。推进《环珠江口气候环境与空气质量变化野外科学观测研究站》、《广州市地表水氨氮污染及防治对策》等科研项目的研究。推动建设广州市水环境质量自动监测预警与环境质量综合分析移动端决策支撑平台。配合国家开展《环境空气颗粒物(PM10和PM2.5)连续自动监测系统技术要求及检测方法》(HJ653-2013)、《城市建成区土壤环境监测技术规范》的制修订工作。开展广州市高风险放射源系统监管研究。完善市一级绿色发展与环境竞争力评价常态化工作机制,继续开展广州市及各区环境竞争力评价。"
  )
  Item(
    32, id: "publicity",
    "提升环保宣传教育能力。完善局新闻发布工作机制,按照市委市政府的要求落实新闻发布活动。发挥新媒体矩阵功能,加强舆情监测与分析研判。依托党报、电视台、政府网站,曝光突出环境问题,并跟踪报道。深化环保社会宣传,完善官网、微博、微信发布内容和形式;继续组织开展“送法上门”等系列宣传活动,加强对环保诚信企业等守法典范的宣传;组织生态环保志愿服务队开展志愿服务;推动环保社会组织依法依规开展生态环保宣传活动;推进环保设施向公众开放。"
  )
  Item(
    33, id: "cadres",
    "加强干部队伍能力建设。选优配强局机关处级领导干部和各直属单位、各区分局领导班子成员。稳步推进职级公务员晋升工作,不断完善工作方案。注重培养优秀年轻干部,加强人员交流和干部日常监督管理,做好干部考核评优工作。按要求扎实开展深化事业单位改革工作。不断优化综合素质培训、岗位业务专题培训模式。"
  )
  Item(
    34, id: "other-work",
    "做好其他重点工作。落实精准扶贫精准脱贫和精神文明建设考核任务,扎实推进打赢脱贫攻坚战各项工作;加强内部控制;继续做好预算、安全生产、政务公开、人大建议和政协提案办理、保密及档案管理等工作。"
  )
}

/// ILLUSTRATIVE, not in the source: 番禺分局's share of PM2.5, which the illustrative plan
/// `panyu-2020-illustrative` implements (a cascade for `planbook cascade` to show).
let gzPM25Shares = [Share("gz-eeb-panyu", .atMost(33, "微克/立方米"))]

/// The Guangzhou 2020 ecological-environment work plan.
let guangzhou2020 = Plan(
  "guangzhou-2020", title: "2020年广州市生态环境保护工作计划", issuer: "gz-eeb",
  period: .year(2020), source: "seeds/003_e4c9d4035ce7ad05.txt",
  sourceTitle: "广州市生态环境局2020年工作计划"
) {
  Organisation {
    Unit("gz-gov", "广州市人民政府", short: "市政府", kind: .government) {
      Unit("gz-eeb", "广州市生态环境局", short: "市生态环境局", kind: .department) {
        Unit("gz-eeb-office", "广州市生态环境局办公室", short: "办公室", kind: .division)
        Unit("gz-eeb-party", "广州市生态环境局机关党委", short: "机关党委", kind: .division)
        Unit("gz-eeb-discipline", "广州市生态环境局机关纪委", short: "机关纪委", kind: .division)
        Unit("gz-eeb-policy", "广州市生态环境局政策法规处", short: "法规处", kind: .division)
        Unit("gz-eeb-planning", "广州市生态环境局综合规划处", short: "规划处", kind: .division)
        Unit("gz-eeb-eia", "广州市生态环境局环境影响评价与排放管理处", short: "环评处", kind: .division)
        Unit("gz-eeb-climate", "广州市生态环境局应对气候变化处", short: "气候处", kind: .division)
        Unit("gz-eeb-air", "广州市生态环境局大气环境管理处", short: "大气处", kind: .division)
        Unit("gz-eeb-water", "广州市生态环境局水生态环境管理处", short: "水处", kind: .division)
        Unit("gz-eeb-marine", "广州市生态环境局海洋生态环境处", short: "海洋处", kind: .division)
        Unit("gz-eeb-soil", "广州市生态环境局土壤生态环境处", short: "土壤处", kind: .division)
        Unit("gz-eeb-waste", "广州市生态环境局固体废物与化学品处", short: "固废处", kind: .division)
        Unit("gz-eeb-nature", "广州市生态环境局自然生态保护处", short: "生态处", kind: .division)
        Unit("gz-eeb-inspection", "广州市生态环境局生态环境督察处", short: "督察处", kind: .division)
        Unit("gz-eeb-petition", "广州市生态环境局信访办公室", short: "信访办", kind: .division)
        Unit("gz-eeb-emergency", "广州市生态环境局环境应急与事故调查处", short: "应急处", kind: .division)
        Unit("gz-eeb-monitoring", "广州市生态环境局生态环境监测处", short: "监测处", kind: .division)
        Unit("gz-eeb-science", "广州市生态环境局科技与财务处", short: "科财处", kind: .division)
        Unit("gz-eeb-publicity", "广州市生态环境局宣传教育处", short: "宣教处", kind: .division)
        Unit("gz-eeb-personnel", "广州市生态环境局人事处", short: "人事处", kind: .division)
        Unit(
          "gz-eeb-enforcement", "广州市生态环境局生态环境综合行政执法支队", short: "执法支队",
          kind: .directUnit)
        Unit(
          "gz-eeb-monitoring-centre", "广州市生态环境监测中心站", short: "监测中心站",
          kind: .directUnit)
        Unit("gz-eeb-info", "广州市生态环境局信息中心", short: "信息中心", kind: .directUnit)
        Unit("gz-eeb-yuexiu", "广州市生态环境局越秀区分局", short: "越秀分局", kind: .directUnit)
        Unit("gz-eeb-haizhu", "广州市生态环境局海珠区分局", short: "海珠分局", kind: .directUnit)
        Unit("gz-eeb-liwan", "广州市生态环境局荔湾区分局", short: "荔湾分局", kind: .directUnit)
        Unit("gz-eeb-tianhe", "广州市生态环境局天河区分局", short: "天河分局", kind: .directUnit)
        Unit("gz-eeb-baiyun", "广州市生态环境局白云区分局", short: "白云分局", kind: .directUnit)
        Unit("gz-eeb-huangpu", "广州市生态环境局黄埔区分局", short: "黄埔分局", kind: .directUnit)
        Unit("gz-eeb-huadu", "广州市生态环境局花都区分局", short: "花都分局", kind: .directUnit)
        Unit("gz-eeb-panyu", "广州市生态环境局番禺区分局", short: "番禺分局", kind: .directUnit)
        Unit("gz-eeb-nansha", "广州市生态环境局南沙区分局", short: "南沙分局", kind: .directUnit)
        Unit("gz-eeb-conghua", "广州市生态环境局从化区分局", short: "从化分局", kind: .directUnit)
        Unit("gz-eeb-zengcheng", "广州市生态环境局增城区分局", short: "增城分局", kind: .directUnit)
      }
      Unit("gz-dev", "广州市发展和改革委员会", short: "市发展改革委", kind: .department)
      Unit("gz-housing", "广州市住房和城乡建设局", short: "市住房城乡建设局", kind: .department)
      Unit("gz-transport", "广州市交通运输局", short: "市交通运输局", kind: .department)
      Unit("gz-police", "广州市公安局", short: "市公安局", kind: .department)
      Unit("gz-water", "广州市水务局", short: "市水务局", kind: .department)
      Unit("gz-agri", "广州市农业农村局", short: "市农业农村局", kind: .department)
      Unit("gz-urban", "广州市城市管理和综合执法局", short: "市城市管理综合执法局", kind: .department)
      Unit("gz-port", "广州港务局", short: "市港务局", kind: .department)
    }
    Unit("gz-msa", "广州海事局", short: "广州海事局", kind: .other)
  }

  Targets {
    Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), rollUp: .measured, shares: gzPM25Shares)
    Target("air-quality", "环境空气质量其他5项指标和优良天数比例", .qualitative("达到省考核要求"))
    Target("drinking-water", "城市集中式饮用水水源水质达标率", .atLeast(100, "%"))
    Target(
      "water-sections", "地表水考核断面水质达到考核要求的断面数", .count(atLeast: 13, "个"),
      aspirational: true)
    Target("good-sections", "水质优良断面比例", .atLeast(61.5, "%"))
    Target("lost-function", "丧失使用功能水体断面比例", .equal(0, "%"))
    Target("land-safe-use", "污染地块安全利用率", .atLeast(90, "%"))
    Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015))
    Target("nh3n", "氨氮排放量", .reduction(by: 18.4, against: 2015))
    Target("so2", "二氧化硫排放量", .reduction(by: 9.9, against: 2015))
    Target("nox", "氮氧化物排放量", .reduction(by: 9.5, against: 2015))
    Target("carbon-intensity", "碳强度（较上年）", .reduction(by: 1.1, against: 2019))
    Target("carbon-intensity-13fyp", "碳强度（“十三五”累计）", .reduction(by: 23, against: 2015))
  }

  // How units are scored (ILLUSTRATIVE: the seed names 考核 but no 考核细则). Tasks and targets
  // declare no weights, so each counts 2 points; cooperating units answer for 30 %. Units report
  // the previous month's progress by the 5th (the 月报告 of the Qingyuan bulletins, seeds/000).
  // The books' 三、考核方式 is written from these rules.
  Assessment(defaultPoints: 2, cooperatingShare: 0.3, bonusCap: 3, reportDay: 5) {
    Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)  // 每差1微克/立方米扣0.5分
    Deduction(.shortfall(target: "ship-fuel-checks", per: 100), points: 0.5)  // 每差100艘次扣0.5分
    Deduction(.targetClass(.nearlyMet), share: 0.5)
    Deduction(.targetClass(.notMet), share: 1)
    Deduction(.targetClass(.noData), share: 1)
    Deduction(.taskClass(.behind), share: 0.5)
    Deduction(.taskClass(.overdue), share: 1)
    Deduction(.taskClass(.notStarted), share: 0.5)
    Bonus(.doneEarly(task: nil), points: 1, reason: "提前完成")
    Veto(.targetNotMet("drinking-water"), cap: "不合格", reason: "饮用水安全一票否决")
  }

  // Who signs with whom (ILLUSTRATIVE: the seed names no signing). The bureau signs with its
  // divisions and the units under it (the district branches included); the city government
  // with the city departments, which the bureau cannot bind. 广州海事局 answers to the Ministry
  // of Transport, outside the city government: it is sent a 任务分工告知书 and signs nothing.
  // The 责任人 are posts, not names.
  Signatures {
    PartyA("gz-eeb", for: .kind(.division), .kind(.directUnit))
    PartyA("gz-gov", for: .kind(.department))
    Notice(for: .kind(.other))
    Signatory("gz-eeb", "局长")
    Signatory("gz-gov", "分管副市长")
  }

  // The books' words beyond the seed's (ILLUSTRATIVE: the seed states no 考核方式).
  Clauses {
    Clause(
      .assessment,
      "甲方按季度对乙方责任目标和重点任务完成情况进行跟踪调度，年终组织考核；考核结果纳入年度绩效考核，作为评优评先的依据。",
      illustrative: true)
  }

  guangzhouChapter1
  guangzhouChapter2
  guangzhouChapter3
  guangzhouChapter4
  guangzhouChapter5

  // The responsibility list (ILLUSTRATIVE). Keywords are chosen so that each falls in one
  // task's text only; `planbook check` reports a keyword that matches two tasks with
  // different owners.
  Responsibilities {
    Rule(.all, due: .endOfYear(2020))
    Rule(.chapter("party"), lead: ["gz-eeb-party"])
    Rule(.keyword("党风廉政"), lead: ["gz-eeb-discipline"], cooperating: ["gz-eeb-party"])
    Rule(.keyword("生态文明体制改革"), lead: ["gz-eeb-policy"])
    Rule(.keyword("法制体系"), lead: ["gz-eeb-policy"], due: .endOfHalf(year: 2020, half: 1))
    Rule(.keyword("规划引领"), lead: ["gz-eeb-planning"], due: .endOfQuarter(year: 2020, quarter: 3))
    Rule(.keyword("责任清单"), lead: ["gz-eeb-inspection"], cooperating: ["gz-eeb-policy"])
    Rule(.keyword("排污许可"), lead: ["gz-eeb-eia"])
    Rule(.keyword("应对气候变化"), lead: ["gz-eeb-climate"], cooperating: ["gz-dev"] + guangzhouDistricts)
    Rule(.keyword("总量减排"), lead: ["gz-eeb-eia"], cooperating: ["gz-eeb-monitoring"])
    Rule(
      .keyword("粤港澳大湾区"), lead: ["gz-eeb-planning"], cooperating: ["gz-eeb-air", "gz-eeb-water"])
    Rule(.keyword("环境信用"), lead: ["gz-eeb-policy"], cooperating: ["gz-eeb-enforcement"])
    Rule(.keyword("燃煤"), lead: ["gz-eeb-air"])
    Rule(
      .keyword("扬尘"), lead: ["gz-eeb-air"], cooperating: ["gz-housing", "gz-urban", "gz-police"])
    Rule(.keyword("挥发性有机物"), lead: ["gz-eeb-air"], cooperating: ["gz-eeb-enforcement"])
    Rule(.keyword("考核断面"), lead: ["gz-eeb-water"], cooperating: ["gz-water", "gz-agri"])
    Rule(.keyword("饮用水水源"), lead: ["gz-eeb-water"], cooperating: ["gz-water"])
    Rule(.keyword("海洋生态环境"), lead: ["gz-eeb-marine"], cooperating: ["gz-msa", "gz-port"])
    Rule(.keyword("土壤污染"), lead: ["gz-eeb-soil"])
    Rule(.keyword("固体废物"), lead: ["gz-eeb-waste"], cooperating: ["gz-urban"])
    Rule(.keyword("重金属"), lead: ["gz-eeb-soil"], cooperating: ["gz-eeb-air"])
    Rule(
      .keyword("农村环境"), lead: ["gz-eeb-nature"], cooperating: ["gz-agri"] + guangzhouRuralDistricts)
    Rule(.keyword("环保督察"), lead: ["gz-eeb-inspection"], cooperating: guangzhouDistricts)
    Rule(.keyword("环境违法"), lead: ["gz-eeb-enforcement"], cooperating: ["gz-police"])
    Rule(.keyword("信访"), lead: ["gz-eeb-petition"])
    Rule(.keyword("环境风险"), lead: ["gz-eeb-emergency"])
    Rule(.keyword("监测体系"), lead: ["gz-eeb-monitoring"], cooperating: ["gz-eeb-monitoring-centre"])
    Rule(.keyword("生态环境监管体系"), lead: ["gz-eeb-enforcement"], cooperating: ["gz-eeb-personnel"])
    Rule(.keyword("信息化监管体系"), lead: ["gz-eeb-info"])
    Rule(.keyword("科技支撑"), lead: ["gz-eeb-science"], cooperating: ["gz-eeb-monitoring-centre"])
    Rule(.keyword("宣传教育"), lead: ["gz-eeb-publicity"])
    Rule(.keyword("干部队伍"), lead: ["gz-eeb-personnel"])
    Rule(.keyword("其他重点工作"), lead: ["gz-eeb-office"])

    Rule(.target("pm25"), lead: ["gz-eeb-air"], cooperating: ["gz-eeb-monitoring-centre"])
    Rule(.target("air-quality"), lead: ["gz-eeb-air"], cooperating: ["gz-eeb-monitoring-centre"])
    Rule(.target("drinking-water"), lead: ["gz-eeb-water"], cooperating: ["gz-water"])
    Rule(.target("water-sections"), lead: ["gz-eeb-water"], cooperating: ["gz-water"])
    Rule(.target("good-sections"), lead: ["gz-eeb-water"], cooperating: ["gz-water"])
    Rule(.target("lost-function"), lead: ["gz-eeb-water"], cooperating: ["gz-water"])
    Rule(.target("land-safe-use"), lead: ["gz-eeb-soil"])
    Rule(.target("cod"), lead: ["gz-eeb-eia"])
    Rule(.target("nh3n"), lead: ["gz-eeb-eia"])
    Rule(.target("so2"), lead: ["gz-eeb-eia"])
    Rule(.target("nox"), lead: ["gz-eeb-eia"])
    Rule(.target("carbon-intensity"), lead: ["gz-eeb-climate"], cooperating: ["gz-dev"])
    Rule(.target("carbon-intensity-13fyp"), lead: ["gz-eeb-climate"], cooperating: ["gz-dev"])
  }
}
