import PlanDSL

// 番禺区环境保护局2018年工作计划, transcribed from seeds/004_a762016b836e1281.txt: the part
// headed "2018年工作计划", from its opening paragraph to the sign-off (番禺区环境保护局,
// 2018年3月30日). The 2017 summary before it is not part of the plan.
//
// From the seed: the seven chapters, the sections 四(二), 五(一) and 五(三), all 24 tasks (text
// exactly as published; a heading line and the body paragraph under it are one task, kept on
// two lines), the qualitative targets the plan states (environmental quality, surface and
// coastal water quality, annual emission reduction) and the July 2018 completion of the
// national-assessment water-quality stations. Chapters 六 and 七 have no numbered items: each
// is one task, numbered 1, holding the chapter's paragraph. Numbering restarts in every chapter;
// tasks and sections of a chapter share one sequence ((一) task, (二) section…).
//
// ILLUSTRATIVE, not from the seed (which names no owners): the bureau's divisions and their
// names, the district departments' full names, the responsibility list at the end and who
// signs for each town or street. The seed names the bureau's 监测站, the 区环境执法监察大队,
// the 基层环保所, the 区城管部门, 区农业部门 and 公安交警, and says the bureau organised "全区34个
// 职能部门和16个镇(街)"; the towns and streets below are Panyu's sixteen.

/// Panyu's sixteen towns and streets (镇(街)), in the district's usual order.
let panyuTowns = [
  "py-shiqiao", "py-shatou", "py-donghuan", "py-qiaonan", "py-xiaoguwei", "py-dashi",
  "py-luopu", "py-shibi", "py-zhongcun", "py-dalong", "py-nancun", "py-xinzao", "py-hualong",
  "py-shilou", "py-shawan", "py-shiji",
]

// Chapters are declared one per constant: the compiler type-checks each on its own (see
// scripts/typecheck-bench).

let panyuChapter1 = Chapter(1, id: "party", "坚持全面从严治党,推动党建工作全面进步") {
  Item(
    1, id: "study-congress",
    "深入学习贯彻党的十九大精神,始终将学习贯彻党的十九大精神作为首要政治任务。推进“两学一做”学习教育常态化制度化,真正将十九大报告、党章和习近平新时代中国特色社会主义思想等学懂弄通做实。")
  Item(
    2, id: "party-building",
    "全面推进党建目标管理,坚持将党建工作与环保业务工作同部署、同落实、同检查;加强基层党建,对标“六个一”标准落实基层党支部建设;推进基层党建示范点创建工作,按照“五好”标准、“五统一”原则和“五有”要求,努力打造以支部党员活动室为重点的支部阵地建设。"
  )
  Item(
    3, id: "integrity",
    "规范党风廉政建设。结合巡察整改,围绕党建、廉政建设、业务、岗位职责、过错追究等方面全面梳理相关制度,印发并落实《中共广州市番禺区环境保护局党组工作规则》、《番禺区环保局党风廉政建设责任制度》、《番禺区环保局党建工作责任制度》、《番禺区环保局机关工作人员失职失责追责制度》等相关制度。严格监督检查支部党建工作情况,做好党务工作者党务知识培训。"
  )
}

let panyuChapter2 = Chapter(2, id: "eco-civilisation", "推进生态文明体系建设") {
  Item(
    1, id: "accountability",
    "落实环境保护责任制,加大生态环境损害责任追究力度\n落实番禺区环境保护“党政同责、一岗双责”责任制实施办法,明确细化环境保护责任清单配套的考核办法、考核细则及责任追究办法,将生态文明建设和环境保护工作落实情况纳入各镇(街)和职能部门绩效考核内容,实行“一票否决”。严格落实生态保护责任追究制度、环境损害赔偿制度和环境损害责任终身追究制度,用制度红线守住绿色底线,用制度红利保障绿色发展行之久远。"
  ) {
    Cooperating(["py-eeb-office"] + panyuTowns)
  }
  Item(
    2, id: "mechanisms",
    "建立健全工作机制,助推我区生态文明建设。\n完成编制区级环境保护目标考核办法,加快建立区内环保目标考核、奖惩机制。根据环境保护相关法律法规的调整,结合番禺区实际情况,修订《广州市番禺区建设项目环评审批技术指引》,完善建设项目环境准入制度。进一步探索产业园开发改造和引导相同产业集中经营、管理、治污的可行性。建立健全各项联动机制,对突发环境事件应急预案进行修编,理顺环境监察机构改革调整后的环境监察工作并编制指引。"
  ) {
    Cooperating("py-eeb-eia", "py-eeb-enforcement")
  }
}

let panyuChapter3 = Chapter(3, id: "pollution", "深化污染防治,确保环境质量持续向好") {
  Item(1, id: "air", "大气污染防治\n加强机动车尾气污染控制,强化扬尘污染控制,深入推进重点行业企业挥发性有机物综合整治。强化监测点位,尤其是国控点位周边大气污染源整治。")
  Item(
    2, id: "water",
    "水环境污染防治\n按照《广州市水污染防治行动计划实施方案》及上级部署,立足我区实际制定年度工作计划,推进水污染防治年度目标,落实省市重点任务;编制并实施《广州市番禺区水环境质量达标方案》、《广州市番禺区近岸海域污染防治实施方案》,加强统筹督办力度,推动地表水环境质量、近岸海域水质达到上级考核要求。"
  )
  Item(
    3, id: "soil-metals", "土壤、重金属污染防治\n推进番禺区重点行业工业企业土壤污染排查、土壤污染防治、重金属污染综合防治相关工作,加快推进土壤、重金属专项整治工作。")
}

let panyuChapter4 = Chapter(4, id: "enforcement", "加强环境执法监管") {
  Item(
    1, id: "enforcement-duties",
    "明确责任,确保各项工作落到实处。继续完善环境监察机构调整,明确相关部门的环境监察职责,进一步理顺区环境执法监察大队与基层环保所以及镇街环境保护监督检查员队伍的责任分工,精简和完善内设机构,充分发挥工作人员的主观能动性,进一步提高环境监察工作效率。"
  ) {
    Cooperating("py-eeb-stations", "py-eeb-office")
  }
  Chapter(2, id: "supervision", "加强监督管理") {
    Item(
      1, id: "random-inspections",
      "进一步健全随机抽取检查对象、随机选派执法检查人员的“双随机”抽查机制,在污染源日常环境监管中进一步推进随机抽查制度化、规范化、精细化。结合双随机抽查和日常环境监管抽查工作,开展对各基层环保所和各镇街环境保护监督检查员队伍环境执法监察工作的监督和指导。"
    )
    Item(
      2, id: "inspection-follow-up",
      "积极配合中央、省、市开展后督察工作,督促存在环境问题的企业整改到位,推动各类环境问题的有效解决。继续跟进落实中央环保督察交办案件、省大气和水污染防治专项督查的后续办理工作,加强督办,切实巩固提升整治效果,严防反弹。"
    )
    Item(
      3, id: "petitions",
      "加强信访人的回访工作,避免因沟通不畅顺、回应不及时造成满意率不高;发挥多职能部门联合查处的效能,充分发挥各镇(街)属地管理的作用,加强与职能部门的沟通、协调,争取更好地解决重点、难点及久拖未决的疑难信访件;借助清理“散乱污”场所,解决一批重点环境信访案件;采取多种方法,缩短区长专线交办的非咨询类案件平均办理时长。"
    )
    Item(
      4, id: "vertical-reform",
      "积极配合广州市环保机构监测监察执法垂直管理制度改革工作,推动落实关联垂改的各项任务。积极推动我区镇(街)园区环境保护监督检查员队伍建设工作,对专职环保员开展环保相关业务的实操培训工作。"
    )
    Item(
      5, id: "emergency-response",
      "健全环境应急响应机制。结合实际工作重新修改完善《番禺区环境应急预案》,加强应急组织体系建设,定期开展应急处置演练工作,加强对工作人员的应急知识培训,落实应急值守制度,及时响应,从源头上预防和有效处理应急环境事件。"
    )
  }
}

let panyuChapter5 = Chapter(5, id: "special-work", "推进重点专项工作") {
  Chapter(1, id: "scattered-polluters", "进一步巩固成果,深入整治“散乱污”场所") {
    Item(
      1, id: "river-basin-polluters",
      "紧密结合河涌综合整治区重点工作,围绕我区49条黑臭河涌,摸查流域周边的污染源情况,重点打击河涌流域范围的“散乱污”企业,继续保持高压态势,从重从严从快打击“散乱污”企业,坚决落实“散乱污”企业清理整治工作。"
    )
    Item(
      2, id: "polluters-review",
      "继续组织开展对各批次“散乱污”企业清理整治工作“回头看”。区清理整治违法小作坊专项工作领导小组将按比例进行抽查督查,并对情况进行通报,确保消除盲区,消除反弹,杜绝死灰复燃。")
    Item(
      3, id: "polluters-publicity",
      "加大信息公开和宣传引导力度。通过加大对典型违法案例的公开曝光力度,加强对公众的相关普法教育及招商、投资引导,防治结合打好“散乱污”企业专项整治攻坚战。"
    ) {
      Lead("py-eeb-publicity")
    }
  }
  Item(
    2, id: "pollution-census",
    "全面组织开展第二次全国污染源普查\n全面启动番禺区第二次全国污染源普查工作。按省、市污普领导小组的统一部署,牵头会同区有关部门推进各项普查任务,拟定普查方案,开展普查培训,组织开展入户调查与数据采集、数据审核、数据汇总、质量核查与评估、建立数据库等工作。"
  )
  Chapter(3, id: "monitoring", "推进监测系统建设,提升水、气、土壤监测技术水平") {
    Item(
      1, id: "monitoring-information",
      "进一步完善新的环境监测业务信息管理系统建设,强化监测数据信息化管理,完善监测数据处理、报告编制和报表管理,提高工作效率和服务质量。")
    Item(
      2, id: "water-auto-stations",
      "推进国考断面水质自动站的建设工作,于2018年7月,全面完成“大龙涌口、莲花山、墩头基”国考断面水质自动站的建设和实时数据联网等工作,确保按时保质完成事权上收。"
    ) {
      Figure(
        "water-auto-stations", "“大龙涌口、莲花山、墩头基”国考断面水质自动站",
        .qualitative("2018年7月全面完成建设和联网"))
      Milestone(
        "water-auto-stations-online", "国考断面水质自动站全面完成建设和实时数据联网",
        due: .endOfMonth(year: 2018, month: 7))
      Due(.endOfMonth(year: 2018, month: 7))
    }
    Item(3, id: "soil-monitoring", "逐步开展土壤重金属等项目的监测,进一步提升监测站的技术水平,为番禺的环境监测和土壤污染综合防治提供全方位的有力保障。")
  }
  Item(
    4, id: "targets-and-reduction",
    "强化目标任务考核及总量减排工作\n统筹组织有关单位完成2017年环保目标考核工作,做好2018年环保目标任务部署,强化跟踪督办和定期反馈,针对存在问题及时制定解决办法,确保各阶段考核任务顺利完成。按照上级部署制定年度减排计划,推进落实减排项目,完善减排统计、监测、考核体系,确保完成年度减排目标任务。"
  )
}

let panyuChapter6 = Chapter(6, id: "publicity", "进一步加强环境宣传工作") {
  Item(
    1, id: "publicity-campaigns",
    "利用传统媒体、新媒体等多种方式,通过制作宣传广告、制作相关专题采访节目、利用“两微”及“番禺视听”等宣传等,开展环保宣传工作。继续组织社区居民、学生代表等开展“珍爱沙湾饮用水源保护区体验活动”,继续开展环保进企业、进学校、进社区、进机关系列活动。"
  )
}

let panyuChapter7 = Chapter(7, id: "poverty", "打好精准扶贫攻坚战") {
  Item(
    1, id: "poverty-alleviation",
    "严格按照党的十九大报告提出的打赢脱贫攻坚战的号召,扎扎实实推进扶贫工作,确保落地惠及广大贫困户。用好、用活各类帮扶资金,壮大帮扶村集体经济,解决村内基础设施、环境整治、产业基地、民生福利等项目建设,圆满完成精准扶贫精准脱贫的各项工作,做到脱真贫、真脱贫。"
  )
}

/// The Panyu District Environmental Protection Bureau's 2018 work plan.
let panyu2018 = Plan(
  "panyu-2018", title: "番禺区环境保护局2018年工作计划", issuer: "py-eeb", period: .year(2018),
  source: "seeds/004_a762016b836e1281.txt", numbering: .perChapter
) {
  Organisation {
    Unit("py-gov", "番禺区人民政府", short: "区政府", kind: .government) {
      Unit("py-eeb", "番禺区环境保护局", short: "区环保局", kind: .department) {
        Unit("py-eeb-office", "番禺区环境保护局办公室", short: "办公室", kind: .division)
        Unit("py-eeb-party", "番禺区环境保护局机关党委", short: "机关党委", kind: .division)
        Unit("py-eeb-legal", "番禺区环境保护局法规科", short: "法规科", kind: .division)
        Unit("py-eeb-pollution", "番禺区环境保护局污染防治科", short: "污染防治科", kind: .division)
        Unit("py-eeb-eia", "番禺区环境保护局环境影响评价科", short: "环评科", kind: .division)
        Unit("py-eeb-publicity", "番禺区环境保护局宣传教育科", short: "宣教科", kind: .division)
        Unit(
          "py-eeb-enforcement", "番禺区环境执法监察大队", short: "监察大队", kind: .directUnit)
        Unit("py-eeb-stations", "番禺区环境保护局基层环保所", short: "基层环保所", kind: .directUnit)
        Unit("py-eeb-monitoring", "番禺区环境监测站", short: "监测站", kind: .directUnit)
      }
      Unit("py-urban", "番禺区城市管理局", short: "区城管局", kind: .department)
      Unit("py-agri", "番禺区农业局", short: "区农业局", kind: .department)
      Unit("py-police", "广州市公安局番禺区分局", short: "区公安分局", kind: .department)
      Unit("py-water", "番禺区水务局", short: "区水务局", kind: .department)
      Unit("py-housing", "番禺区住房和城乡建设局", short: "区住建局", kind: .department)
      // The sixteen towns and streets; ILLUSTRATIVE as to who signs for each (the street
      // office or the town government).
      Unit("py-shiqiao", "番禺区市桥街道办事处", short: "市桥街", kind: .town)
      Unit("py-shatou", "番禺区沙头街道办事处", short: "沙头街", kind: .town)
      Unit("py-donghuan", "番禺区东环街道办事处", short: "东环街", kind: .town)
      Unit("py-qiaonan", "番禺区桥南街道办事处", short: "桥南街", kind: .town)
      Unit("py-xiaoguwei", "番禺区小谷围街道办事处", short: "小谷围街", kind: .town)
      Unit("py-dashi", "番禺区大石街道办事处", short: "大石街", kind: .town)
      Unit("py-luopu", "番禺区洛浦街道办事处", short: "洛浦街", kind: .town)
      Unit("py-shibi", "番禺区石壁街道办事处", short: "石壁街", kind: .town)
      Unit("py-zhongcun", "番禺区钟村街道办事处", short: "钟村街", kind: .town)
      Unit("py-dalong", "番禺区大龙街道办事处", short: "大龙街", kind: .town)
      Unit("py-nancun", "番禺区南村镇人民政府", short: "南村镇", kind: .town)
      Unit("py-xinzao", "番禺区新造镇人民政府", short: "新造镇", kind: .town)
      Unit("py-hualong", "番禺区化龙镇人民政府", short: "化龙镇", kind: .town)
      Unit("py-shilou", "番禺区石楼镇人民政府", short: "石楼镇", kind: .town)
      Unit("py-shawan", "番禺区沙湾镇人民政府", short: "沙湾镇", kind: .town)
      Unit("py-shiji", "番禺区石碁镇人民政府", short: "石碁镇", kind: .town)
    }
  }

  // The plan states no figures, only qualitative targets, in its own words.
  Targets {
    Target("environment-quality", "我区生态环境质量", .qualitative("持续改善"))
    Target("surface-water", "地表水环境质量", .qualitative("达到上级考核要求"))
    Target("coastal-water", "近岸海域水质", .qualitative("达到上级考核要求"))
    Target("emission-reduction", "年度减排目标任务", .qualitative("确保完成"))
  }

  // Who signs with whom (ILLUSTRATIVE: the seed says the bureau organised the district's 34
  // departments and 16 towns and streets, not who signs). The bureau signs with its sections and
  // the units under it; the district government with the district departments and the towns
  // and streets, which the bureau cannot bind. The 责任人 are posts, not names.
  Signatures {
    PartyA("py-eeb", for: .kind(.division), .kind(.directUnit))
    PartyA("py-gov", for: .kind(.department), .kind(.town))
    Signatory("py-eeb", "局长")
    Signatory("py-gov", "分管副区长")
  }

  // The plan's own words on assessment (chapter 二, task 1), printed in every book's 三、考核方式;
  // the rest of that section is written from the default assessment rules.
  Clauses {
    Clause(.assessment, "将生态文明建设和环境保护工作落实情况纳入各镇(街)和职能部门绩效考核内容,实行“一票否决”。")
  }

  panyuChapter1
  panyuChapter2
  panyuChapter3
  panyuChapter4
  panyuChapter5
  panyuChapter6
  panyuChapter7

  // The responsibility list (ILLUSTRATIVE). Keywords are chosen so that each falls in one
  // task's text only; `planbook check` reports a keyword that matches two tasks with
  // different owners.
  Responsibilities {
    Rule(.all, due: .endOfYear(2018))
    Rule(.chapter("party"), lead: ["py-eeb-party"])
    Rule(.chapter("eco-civilisation"), lead: ["py-eeb-legal"])
    Rule(.chapter("pollution"), lead: ["py-eeb-pollution"])
    Rule(.chapter("enforcement"), lead: ["py-eeb-enforcement"])
    Rule(.chapter("special-work"), lead: ["py-eeb-pollution"])
    Rule(
      .chapter("scattered-polluters"), lead: ["py-eeb-enforcement"],
      cooperating: ["py-urban", "py-police"] + panyuTowns)
    Rule(.chapter("monitoring"), lead: ["py-eeb-monitoring"])
    Rule(.chapter("publicity"), lead: ["py-eeb-publicity"])
    Rule(.chapter("poverty"), lead: ["py-eeb-office"], cooperating: ["py-eeb-party"])
    Rule(.keyword("党风廉政"), cooperating: ["py-eeb-office"])
    Rule(.keyword("扬尘"), cooperating: ["py-housing", "py-urban", "py-police", "py-eeb-monitoring"])
    Rule(.keyword("近岸海域"), cooperating: ["py-water", "py-agri"])
    Rule(.keyword("土壤污染排查"), cooperating: ["py-eeb-monitoring"])
    Rule(.keyword("双随机"), cooperating: ["py-eeb-stations"] + panyuTowns)
    Rule(.keyword("后督察"), cooperating: ["py-eeb-pollution", "py-eeb-stations"])
    Rule(.keyword("信访"), cooperating: ["py-eeb-stations"] + panyuTowns)
    Rule(
      .keyword("垂直管理制度改革"), lead: ["py-eeb-office"],
      cooperating: ["py-eeb-enforcement"] + panyuTowns)
    Rule(.keyword("环境应急响应机制"), cooperating: ["py-eeb-monitoring", "py-eeb-office"])
    Rule(
      .keyword("污染源普查"),
      cooperating: ["py-urban", "py-agri", "py-water", "py-housing"] + panyuTowns)
    Rule(.keyword("国考断面水质自动站"), cooperating: ["py-eeb-pollution", "py-water"])
    Rule(.keyword("总量减排"), cooperating: ["py-eeb-monitoring", "py-eeb-office"])

    Rule(
      .target("environment-quality"), lead: ["py-eeb-pollution"], cooperating: ["py-eeb-monitoring"]
    )
    Rule(
      .target("surface-water"), lead: ["py-eeb-pollution"], cooperating: ["py-water", "py-agri"])
    Rule(
      .target("coastal-water"), lead: ["py-eeb-pollution"], cooperating: ["py-water", "py-agri"])
    Rule(
      .target("emission-reduction"), lead: ["py-eeb-pollution"], cooperating: ["py-eeb-monitoring"])
  }
}
