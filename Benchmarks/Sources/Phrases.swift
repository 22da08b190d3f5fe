/// The words synthetic plans are made of: themes of environmental work as Guangdong's city
/// plans phrase them, each with its own rule keyword, task headings and sentences. Placeholders
/// in sentences: `{n}` a number, `{m}` a month, `{y}` the plan's year, `{d}` a district.
enum Phrases {
  struct Theme {
    /// Words that occur in this theme's texts only: a keyword rule matches exactly its tasks.
    var keyword: String
    var headings: [String]
    var sentences: [String]
  }

  static let themes: [Theme] = [
    Theme(
      keyword: "扬尘",
      headings: ["强化施工扬尘污染管控", "深化道路扬尘综合整治", "推进扬尘在线监测全覆盖"],
      sentences: [
        "严格落实施工工地“六个百分百”扬尘防治要求，建筑面积{n}万平方米以上工地全部安装视频监控和在线监测设备。",
        "加大道路机械化清扫保洁力度，城市主次干道机械化清扫率达到{n}%以上。",
        "对扬尘污染问题突出的工地实行挂牌督办，每月通报检查结果。",
        "{d}要建立扬尘污染防治联动机制，{m}月底前完成重点区域排查。",
      ]),
    Theme(
      keyword: "船舶",
      headings: ["深化船舶污染防治", "推进港口岸电建设使用", "加强船舶燃油质量监管"],
      sentences: [
        "督促实施船舶大气污染物排放控制区要求，全年抽检船舶燃油不少于{n}艘次。",
        "推进港口码头岸电设施建设，新建码头同步规划建设岸电设施。",
        "加强港口作业粉尘和油气回收监管，{m}月底前完成{n}个码头油气回收改造。",
      ]),
    Theme(
      keyword: "黑臭水体",
      headings: ["巩固城市黑臭水体治理成效", "推进黑臭水体长制久清", "全面消除建成区黑臭水体"],
      sentences: [
        "对已完成整治的{n}条黑臭水体开展定期巡查和水质监测，防止返黑返臭。",
        "落实河长制湖长制，压实各级河长治水责任，{d}要建立问题整改台账。",
        "加快截污纳管和雨污分流改造，新建污水管网{n}公里。",
      ]),
    Theme(
      keyword: "危险废物",
      headings: ["提升危险废物处置能力", "加强危险废物全过程监管", "推进医疗废物集中处置"],
      sentences: [
        "推进危险废物综合处置中心建设，新增危险废物利用处置能力{n}万吨/年。",
        "严格落实危险废物转移联单制度，{m}月底前完成重点产废单位规范化管理评估。",
        "开展危险废物专项执法检查，严厉打击非法转移、倾倒、处置危险废物违法行为。",
      ]),
    Theme(
      keyword: "机动车",
      headings: ["深化机动车排气污染防治", "推进老旧车辆淘汰更新", "加强在用机动车排放监管"],
      sentences: [
        "全年淘汰国三及以下排放标准营运柴油货车{n}辆，新增及更新公交车全部使用新能源汽车。",
        "加强机动车排放检验机构监管，年度检查覆盖率达到100%。",
        "在主要道路设置{n}套遥感监测设备，对超标排放车辆依法查处。",
      ]),
    Theme(
      keyword: "挥发性有机物",
      headings: ["推进挥发性有机物综合治理", "深化重点行业挥发性有机物减排", "实施挥发性有机物源头替代"],
      sentences: [
        "完成{n}家重点企业挥发性有机物深度治理，推广使用低挥发性原辅材料。",
        "组织开展加油站、储油库油气回收专项检查，{m}月底前完成在线监控安装。",
        "建立重点行业挥发性有机物排放清单，实施分级分类管控。",
      ]),
    Theme(
      keyword: "饮用水源",
      headings: ["保障饮用水源安全", "推进饮用水源保护区规范化建设", "开展饮用水源环境问题清理整治"],
      sentences: [
        "完成{n}个县级以上集中式饮用水源保护区划定和勘界立标工作。",
        "开展饮用水源保护区环境问题排查整治，{m}月底前完成问题清单销号。",
        "加强饮用水源水质监测预警，每月公开水质状况。",
      ]),
    Theme(
      keyword: "土壤污染",
      headings: ["推进土壤污染防治", "加强建设用地土壤污染风险管控", "开展受污染耕地安全利用"],
      sentences: [
        "完成{n}个疑似污染地块土壤污染状况调查，严格建设用地准入管理。",
        "落实土壤污染重点监管单位隐患排查制度，{d}要完成年度自行监测。",
        "推进受污染耕地安全利用和严格管控，安全利用率达到{n}%以上。",
      ]),
    Theme(
      keyword: "排污许可",
      headings: ["全面实施排污许可制度", "推进固定污染源排污许可全覆盖", "强化排污许可证后监管"],
      sentences: [
        "完成{n}个行业排污许可证核发和登记管理，实现固定污染源全覆盖。",
        "开展排污许可证执行情况检查，督促企业按证排污、自证守法。",
        "建立排污许可与环境影响评价、总量控制衔接机制。",
      ]),
    Theme(
      keyword: "垃圾分类",
      headings: ["推进生活垃圾分类处理", "加快垃圾分类处理设施建设", "深化生活垃圾分类示范创建"],
      sentences: [
        "推动居民生活垃圾分类覆盖率达到{n}%以上，建成{n}个示范街道。",
        "加快建设餐厨垃圾处理设施，{m}月底前新增处理能力{n}吨/日。",
        "完善垃圾分类收运体系，杜绝混收混运。",
      ]),
    Theme(
      keyword: "农业面源",
      headings: ["加强农业面源污染治理", "推进畜禽养殖污染防治", "推进化肥农药减量增效"],
      sentences: [
        "推进畜禽粪污资源化利用，规模养殖场粪污处理设施装备配套率达到{n}%。",
        "实施化肥农药使用量零增长行动，推广测土配方施肥{n}万亩。",
        "{d}要完成农村生活污水治理{n}个自然村。",
      ]),
    Theme(
      keyword: "环境执法",
      headings: ["严格生态环境执法监管", "深化“双随机、一公开”执法检查", "保持环境执法高压态势"],
      sentences: [
        "全年开展“双随机、一公开”检查{n}家次，依法查处环境违法案件。",
        "推进非现场执法，运用在线监控、无人机等手段提升执法效能。",
        "落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。",
      ]),
    Theme(
      keyword: "应急",
      headings: ["提升突发环境事件应急处置能力", "加强环境风险防控", "开展环境应急演练"],
      sentences: [
        "修订突发环境事件应急预案，{m}月底前完成{n}家重点企业风险评估。",
        "组织开展环境应急演练不少于{n}次，提升应急监测能力。",
        "建立环境应急物资储备库，完善环境应急专家库。",
      ]),
    Theme(
      keyword: "宣传教育",
      headings: ["加强生态环境宣传教育", "推进生态文明教育基地建设", "深化环保设施向公众开放"],
      sentences: [
        "围绕六五环境日开展主题宣传活动，全年开展宣传活动{n}场次。",
        "推动{n}家环保设施和城市污水垃圾处理设施向公众开放。",
        "发挥新闻媒体舆论监督作用，曝光典型环境违法案件。",
      ]),
    Theme(
      keyword: "碳排放",
      headings: ["积极应对气候变化", "推进碳排放权交易", "开展低碳试点示范"],
      sentences: [
        "组织{n}家控排企业完成年度碳排放报告核查和履约工作。",
        "推进近零碳排放区示范工程建设，{m}月底前完成试点方案编制。",
        "开展温室气体排放清单编制，完成单位地区生产总值二氧化碳排放下降目标。",
      ]),
    Theme(
      keyword: "监测网络",
      headings: ["完善生态环境监测网络", "推进监测数据质量管理", "提升生态环境监测能力"],
      sentences: [
        "新建空气质量监测微站{n}个，实现镇街空气质量监测全覆盖。",
        "开展监测数据质量专项检查，严厉打击监测数据弄虚作假行为。",
        "建设生态环境大数据平台，{m}月底前实现监测数据互联共享。",
      ]),
  ]

  /// Sentences any theme may end with.
  static let closings = [
    "各责任单位要细化工作措施，明确时间节点，确保按期完成。",
    "建立工作台账，每季度报送进展情况。",
    "纳入年度绩效考核，确保取得实效。",
    "加强部门协调联动，形成工作合力。",
    "及时总结推广经验做法，形成长效机制。",
  ]

  static let chapterTitles = [
    "坚持系统治理，统筹推进生态环境保护重点工作",
    "坚决打赢蓝天保卫战，持续改善空气质量",
    "着力打好碧水保卫战，全面提升水环境质量",
    "扎实推进净土保卫战，有效管控土壤环境风险",
    "深化改革创新，提升生态环境治理能力",
    "强化保障措施，压实生态环境保护责任",
    "推动绿色发展，加快形成绿色生产生活方式",
    "加强生态保护修复，筑牢生态安全屏障",
  ]

  static let sectionTitles = [
    "持续推进工业源治理", "深化移动源污染控制", "强化面源污染管控", "加强重污染天气应对",
  ]

  /// The 21 prefecture-level cities of Guangdong.
  static let cities: [(id: String, name: String)] = [
    ("guangzhou", "广州"), ("shenzhen", "深圳"), ("zhuhai", "珠海"), ("shantou", "汕头"),
    ("foshan", "佛山"), ("shaoguan", "韶关"), ("heyuan", "河源"), ("meizhou", "梅州"),
    ("huizhou", "惠州"), ("shanwei", "汕尾"), ("dongguan", "东莞"), ("zhongshan", "中山"),
    ("jiangmen", "江门"), ("yangjiang", "阳江"), ("zhanjiang", "湛江"), ("maoming", "茂名"),
    ("zhaoqing", "肇庆"), ("qingyuan", "清远"), ("chaozhou", "潮州"), ("jieyang", "揭阳"),
    ("yunfu", "云浮"),
  ]

  /// Divisions of a city's ecology-environment bureau: short name, full name's tail.
  static let divisions: [(short: String, full: String)] = [
    ("办公室", "办公室"), ("法规处", "政策法规处"), ("规划处", "综合规划处"),
    ("财务处", "财务与审计处"), ("科技处", "科技与合作处"), ("自然处", "自然生态保护处"),
    ("水处", "水生态环境管理处"), ("海洋处", "海洋生态环境处"), ("大气处", "大气环境管理处"),
    ("气候处", "应对气候变化处"), ("土壤处", "土壤生态环境处"), ("固体处", "固体废物与化学品处"),
    ("辐射处", "核与辐射安全管理处"), ("环评处", "环境影响评价与排放管理处"),
    ("监测处", "生态环境监测处"), ("执法处", "生态环境执法监督处"), ("应急处", "环境应急与事故调查处"),
    ("宣教处", "宣传教育处"), ("督察办", "生态环境保护督察办公室"), ("人事处", "组织人事处"),
  ]

  /// City departments: short name, full name's tail after the city.
  static let departments: [(short: String, full: String)] = [
    ("市发展改革委", "市发展和改革委员会"), ("市工业和信息化局", "市工业和信息化局"),
    ("市公安局", "市公安局"), ("市财政局", "市财政局"), ("市自然资源局", "市规划和自然资源局"),
    ("市住房城乡建设局", "市住房和城乡建设局"), ("市交通运输局", "市交通运输局"),
    ("市水务局", "市水务局"), ("市农业农村局", "市农业农村局"), ("市商务局", "市商务局"),
    ("市卫生健康委", "市卫生健康委员会"), ("市应急管理局", "市应急管理局"),
    ("市市场监管局", "市市场监督管理局"), ("市城市管理综合执法局", "市城市管理和综合执法局"),
    ("市林业园林局", "市林业和园林局"), ("市气象局", "市气象局"), ("市海事局", "市海事局"),
    ("市教育局", "市教育局"), ("市科技局", "市科学技术局"), ("市统计局", "市统计局"),
  ]

  /// Units directly under the bureau.
  static let directUnits: [(short: String, full: String)] = [
    ("监测站", "市生态环境监测中心站"), ("环科院", "市环境科学研究院"),
    ("固废中心", "市固体废物管理中心"), ("信息中心", "市生态环境信息中心"),
    ("机动车中心", "市机动车排污监控中心"), ("辐射站", "市辐射环境监督站"),
    ("应急中心", "市生态环境应急中心"), ("宣教中心", "市生态环境宣传教育中心"),
    ("执法支队", "市生态环境保护综合执法支队"),
  ]

  /// Syllables district names are made of.
  static let districtFirst = Array("越海荔天白黄花番南从增禅顺高三龙罗坪金榕澄濠潮")
  static let districtSecond = Array("秀珠湾河云埔都禺沙化城山明水江华岗湖平安")
}

/// A small, fast, seeded random number generator (SplitMix64): the same seed gives the same
/// plans on every machine.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

  /// An element of a non-empty array (the first when it is empty is impossible by contract:
  /// callers pass literals).
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
