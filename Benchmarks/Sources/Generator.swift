import PlanModel

/// Synthetic plans, deterministic for a seed: a province of city plans (each with its units,
/// targets, rules, chapters and tasks, as a city ecology-environment bureau writes them) and
/// single plans of any number of tasks.
enum Generator {
  /// How big a city plan is.
  struct CityShape {
    var tasks = 100
    var targets = 30
  }

  static let year = 2020

  // MARK: - a city

  /// The plan of city number `index` (0…20) of the province.
  static func city(_ index: Int, shape: CityShape = CityShape()) -> WorkPlan {
    let (cityID, cityName) = Phrases.cities[index % Phrases.cities.count]
    var rng = SeededRandom(seed: 0x5EED_0000 + UInt64(index))
    let org = organisation(prefix: cityID, city: cityName, districts: 10, rng: &rng)
    let id = "\(cityID)-\(year)"
    let chapterCount = 6
    // Tasks per chapter: the air chapter (2) is the largest and has sections.
    let weightsOfChapters = [10, 22, 20, 15, 18, 15]
    let total = weightsOfChapters.reduce(0, +)
    var perChapter = weightsOfChapters.map { $0 * shape.tasks / total }
    perChapter[1] += shape.tasks - perChapter.reduce(0, +)
    var builder = TaskBuilder(org: org, rng: rng, idPrefix: "", taskWeight: 0.7)
    var chapters: [PlanChapter] = []
    for c in 0..<chapterCount {
      let chapterID = "ch\(c + 1)"
      if c == 1 {
        // Own tasks, then three sections.
        let own = perChapter[c] / 4
        let tasks = builder.tasks(own)
        var sections: [PlanChapter] = []
        let rest = perChapter[c] - own
        for s in 0..<3 {
          let n = s == 2 ? rest - 2 * (rest / 3) : rest / 3
          sections.append(
            PlanChapter(
              id: "\(chapterID)-s\(s + 1)", number: s + 1, title: Phrases.sectionTitles[s],
              tasks: builder.tasks(n)))
        }
        chapters.append(
          PlanChapter(
            id: chapterID, number: c + 1, title: Phrases.chapterTitles[c], tasks: tasks,
            sections: sections))
      } else {
        chapters.append(
          PlanChapter(
            id: chapterID, number: c + 1, title: Phrases.chapterTitles[c],
            tasks: builder.tasks(perChapter[c])))
      }
    }
    rng = builder.rng
    let targets = Self.targets(shape.targets, org: org, rng: &rng)
    let rules = Self.rules(
      chapters: chapters.map(\.id), targets: targets, org: org, rng: &rng)
    let taskWeights = Double(shape.tasks) * 0.7
    let targetWeights = targets.compactMap(\.weight).reduce(0, +)
    return WorkPlan(
      id: id, title: "\(year)年\(cityName)市生态环境保护工作计划", issuer: org.issuer,
      period: .year(year), numbering: .continuous,
      weightTotal: (taskWeights + targetWeights).rounded(toPlaces: 6),
      assessmentMethod:
        "甲方按月调度、按季度通报乙方责任目标和重点任务完成情况，年终组织考核；考核结果纳入年度绩效考核，作为评优评先和干部考核的重要依据。",
      assessment: assessment(targets: targets),
      units: org.units, targets: targets, chapters: chapters, rules: rules)
  }

  // MARK: - a plan of any size

  /// One plan of `tasks` tasks in chapters of about 100, with 30 targets; units and rules grow
  /// with it (a province-wide plan).
  static func big(tasks count: Int, seed: UInt64, id: String) -> WorkPlan {
    var rng = SeededRandom(seed: seed)
    // The province's departments; the 21 city governments take the districts' place.
    let org = organisation(prefix: "gd", city: "广东省", districts: 0, rng: &rng)
      .adding(cities: Phrases.cities.map(\.name))
    var builder = TaskBuilder(org: org, rng: rng, idPrefix: "", taskWeight: nil)
    var chapters: [PlanChapter] = []
    let perChapter = 100
    var remaining = count
    var number = 1
    while remaining > 0 {
      let n = min(perChapter, remaining)
      let title = Phrases.chapterTitles[(number - 1) % Phrases.chapterTitles.count]
      chapters.append(
        PlanChapter(
          id: "ch\(number)", number: number, title: "\(title)（第\(number)部分）",
          tasks: builder.tasks(n)))
      remaining -= n
      number += 1
    }
    rng = builder.rng
    let targets = Self.targets(30, org: org, rng: &rng)
    // A lead for every chapter; keyword and target rules as in a city.
    let rules = Self.rules(chapters: chapters.map(\.id), targets: targets, org: org, rng: &rng)
    return WorkPlan(
      id: id, title: "\(year)年广东省生态环境保护重点工作任务清单", issuer: org.issuer,
      period: .year(year), numbering: .continuous,
      assessmentMethod: "省生态环境厅按季度调度各责任单位工作进展，年终组织考核。",
      units: org.units, targets: targets, chapters: chapters, rules: rules)
  }

  // MARK: - units

  struct Organisation {
    var units: [OrgUnit]
    var issuer: String
    /// Divisions of the bureau, city departments and direct units: who leads and helps.
    var pool: [String]
    var divisions: [String]
    var departments: [String]
    var districts: [String]
    var districtNames: [String]

    /// The organisation with city governments as the units that cooperate everywhere.
    func adding(cities: [String]) -> Organisation {
      var out = self
      for (i, city) in cities.enumerated() {
        let id = "city\(i + 1)"
        out.units.append(
          OrgUnit(id: id, name: "\(city)市人民政府", shortName: "\(city)市", kind: .government))
        out.districts.append(id)
        out.districtNames.append("\(city)市")
      }
      return out
    }
  }

  static func organisation(
    prefix: String, city: String, districts count: Int, rng: inout SeededRandom
  ) -> Organisation {
    // A province (`广东省`) names its units 省…; a city (`广州`) 市….
    let province = city.hasSuffix("省")
    let place = province ? String(city.dropLast()) : city
    func level(_ s: String) -> String {
      province && s.hasPrefix("市") ? "省" + s.dropFirst() : s
    }
    let issuer = "\(prefix)-eeb"
    let bureau = province ? "\(city)生态环境厅" : "\(city)市生态环境局"
    var units = [
      OrgUnit(
        id: issuer, name: bureau, shortName: province ? "省生态环境厅" : "市生态环境局",
        kind: .department)
    ]
    var divisions: [String] = []
    for (i, d) in Phrases.divisions.enumerated() {
      let id = "\(issuer)-d\(i + 1)"
      divisions.append(id)
      units.append(
        OrgUnit(
          id: id, name: "\(bureau)\(d.full)", shortName: d.short, kind: .division, parent: issuer))
    }
    var departments: [String] = []
    for (i, d) in Phrases.departments.enumerated() {
      let id = "\(prefix)-dept\(i + 1)"
      departments.append(id)
      units.append(
        OrgUnit(
          id: id, name: place + level(d.full), shortName: level(d.short), kind: .department))
    }
    var districts: [String] = []
    var names: [String] = []
    var used = Set<String>()
    while names.count < count {
      var name =
        String(rng.pick(Phrases.districtFirst)) + String(rng.pick(Phrases.districtSecond))
      if used.contains(name) { name += String(names.count + 1) }
      used.insert(name)
      names.append(name + "区")
    }
    for (i, name) in names.enumerated() {
      let id = "\(prefix)-district\(i + 1)"
      districts.append(id)
      units.append(
        OrgUnit(
          id: id, name: "\(city)市\(name)人民政府", shortName: name, kind: .district))
    }
    var direct: [String] = []
    for (i, d) in Phrases.directUnits.enumerated() {
      let id = "\(issuer)-u\(i + 1)"
      direct.append(id)
      units.append(
        OrgUnit(
          id: id, name: place + level(d.full), shortName: d.short, kind: .directUnit,
          parent: issuer))
    }
    return Organisation(
      units: units, issuer: issuer, pool: divisions + departments + direct,
      divisions: divisions, departments: departments, districts: districts,
      districtNames: names)
  }

  // MARK: - tasks

  /// Makes tasks one after another, numbered continuously, each with its theme's words and a
  /// share of declared owners, deadlines, milestones and figures.
  struct TaskBuilder {
    var org: Organisation
    var rng: SeededRandom
    var idPrefix: String
    var taskWeight: Double?
    var number = 0
    /// Round-robin position in the unit pool, so every unit gets work.
    var next = 0

    mutating func tasks(_ n: Int) -> [PlanTask] { (0..<n).map { _ in task() } }

    mutating func task() -> PlanTask {
      number += 1
      let n = number
      let theme = rng.pick(Phrases.themes)
      let text = Generator.text(theme: theme, rng: &rng, districts: org.districtNames)
      var responsibility = Responsibility()
      if rng.chance(0.5) {
        responsibility.lead = [org.pool[next % org.pool.count]]
        next += 1
      }
      let r = rng.int(0...99)
      if r < 35 {
        // 各区 cooperate: a department or two and every district.
        var coop: [String] = []
        for _ in 0..<rng.int(1...2) {
          coop.append(org.pool[next % org.pool.count])
          next += 1
        }
        responsibility.cooperating = unique(coop, without: responsibility.lead) + org.districts
      } else if r < 70 {
        // Left to the keyword rule of the theme.
      } else {
        var coop: [String] = []
        for _ in 0..<rng.int(1...3) {
          coop.append(org.pool[next % org.pool.count])
          next += 1
        }
        responsibility.cooperating = unique(coop, without: responsibility.lead)
      }
      if rng.chance(0.3) {
        responsibility.deadline = rng.pick([
          .endOfQuarter(year: year, quarter: 2), .endOfQuarter(year: year, quarter: 3),
          .endOfHalf(year: year, half: 1), .on(year, 9, 30), .on(year, 11, 15),
          .period(name: "秋冬季", DateRange(Day(year, 10, 1), Day(year, 12, 31))),
        ])
      }
      var milestones: [PlanMilestone] = []
      if rng.chance(0.25) {
        let months = Array(Set((0..<rng.int(1...3)).map { _ in rng.int(3...6) })).sorted()
        for (k, m) in months.enumerated() {
          milestones.append(
            PlanMilestone(
              id: "\(idPrefix)t\(n)-m\(k + 1)",
              title: rng.pick(["完成方案编制", "完成现场排查", "完成招标采购", "完成阶段评估", "完成问题整改"]),
              deadline: .endOfMonth(year: year, month: m)))
        }
      }
      var figures: [PlanTarget] = []
      if rng.chance(0.1) {
        let unit = rng.pick(["个", "家", "台", "公里", "艘次"])
        figures.append(
          PlanTarget(
            id: "\(idPrefix)t\(n)-f", name: "\(PlanTask.title(of: text))完成数量",
            requirement: .count(atLeast: Double(rng.int(5...300)), unit)))
      }
      return PlanTask(
        id: "\(idPrefix)t\(n)", number: n, title: PlanTask.title(of: text), text: text,
        figures: figures, milestones: milestones, weight: taskWeight,
        responsibility: responsibility)
    }

    private func unique(_ ids: [String], without lead: [String]?) -> [String] {
      var seen = Set(lead ?? [])
      return ids.filter { seen.insert($0).inserted }
    }
  }

  /// A task's text: its heading, two or three of its theme's sentences, perhaps a closing one.
  static func text(theme: Phrases.Theme, rng: inout SeededRandom, districts: [String]) -> String {
    var out = rng.pick(theme.headings) + "。"
    let count = rng.int(2...3)
    var order = Array(theme.sentences.indices)
    order.shuffle(using: &rng)
    for i in order.prefix(count) { out += fill(theme.sentences[i], rng: &rng, districts) }
    if rng.chance(0.6) { out += rng.pick(Phrases.closings) }
    return out
  }

  static func fill(_ sentence: String, rng: inout SeededRandom, _ districts: [String]) -> String {
    var s = sentence
    while let r = s.firstRange(of: "{n}") { s.replaceSubrange(r, with: String(rng.int(2...500))) }
    while let r = s.firstRange(of: "{m}") { s.replaceSubrange(r, with: String(rng.int(3...11))) }
    while let r = s.firstRange(of: "{y}") { s.replaceSubrange(r, with: String(year)) }
    while let r = s.firstRange(of: "{d}") {
      s.replaceSubrange(r, with: districts.isEmpty ? "各区" : rng.pick(districts))
    }
    return s
  }

  // MARK: - targets

  /// Target templates: a mix of levels, counts, shares, changes against a base year and
  /// qualitative requirements.
  static let targetTemplates: [(id: String, name: String, requirement: Requirement, tol: Double?)] =
    [
      ("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), 2),
      ("pm10", "PM10平均浓度", .atMost(50, "微克/立方米"), 3),
      ("o3", "臭氧日最大8小时平均第90百分位浓度", .atMost(160, "微克/立方米"), 5),
      ("no2", "二氧化氮平均浓度", .atMost(40, "微克/立方米"), 2),
      ("good-days", "空气质量优良天数比例", .atLeast(90, "%"), 2),
      ("water-good", "地表水水质优良（达到或好于Ⅲ类）比例", .atLeast(72.7, "%"), 3),
      ("drinking-water", "县级以上集中式饮用水水源水质达标率", .atLeast(100, "%"), nil),
      ("sea-good", "近岸海域水质优良比例", .atLeast(80.5, "%"), 2),
      ("forest", "森林覆盖率", .atLeast(42.3, "%"), 0.5),
      ("inferior-v", "劣Ⅴ类水体比例", .equal(0, "%"), nil),
      ("vocs-firms", "完成挥发性有机物深度治理企业", .count(atLeast: 50, "家"), 5),
      ("old-trucks", "淘汰国三及以下柴油货车", .count(atLeast: 3000, "辆"), 200),
      ("sewer-km", "新建污水管网", .count(atLeast: 300, "公里"), 20),
      ("waste-streets", "建成生活垃圾分类示范街道", .count(atLeast: 20, "个"), 2),
      ("inspections", "“双随机、一公开”执法检查", .count(atLeast: 1200, "家次"), 100),
      ("incidents", "较大及以上突发环境事件", .count(atMost: 0, "起"), nil),
      ("bus-nev", "新能源公交车比例", .share(atLeast: 100, of: "新增及更新公交车"), nil),
      ("farmland-safe", "受污染耕地安全利用率", .share(atLeast: 90, of: "受污染耕地"), 2),
      ("land-safe", "污染地块安全利用率", .share(atLeast: 90, of: "污染地块"), 2),
      ("sewage-collect", "城市生活污水集中收集率", .share(atLeast: 75, of: "城市生活污水"), 3),
      ("solid-reuse", "一般工业固体废物综合利用率", .share(atLeast: 85, of: "一般工业固体废物"), 3),
      ("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015), 1),
      ("nh3n", "氨氮排放量", .reduction(by: 15.2, against: 2015), 1),
      ("so2", "二氧化硫排放量", .reduction(by: 21, against: 2015), 1),
      ("nox", "氮氧化物排放量", .reduction(by: 3, against: 2015), 1),
      ("carbon", "单位地区生产总值二氧化碳排放", .reduction(by: 20.5, against: 2015), 1),
      ("investment", "生态环境保护投入", .increase(by: 5, against: 2019), 1),
      ("inspection-fixes", "中央生态环境保护督察反馈问题整改", .qualitative("按时序完成整改任务"), nil),
      ("river-chief", "河长制湖长制", .qualitative("全面落实并通过省考核"), nil),
      ("assessment", "污染防治攻坚战成效考核", .qualitative("达到省考核要求"), nil),
    ]

  static func targets(_ n: Int, org: Organisation, rng: inout SeededRandom) -> [PlanTarget] {
    (0..<n).map { i in
      let t = targetTemplates[i % targetTemplates.count]
      let round = i / targetTemplates.count
      var target = PlanTarget(
        id: round == 0 ? t.id : "\(t.id)-\(round + 1)", name: t.name, requirement: t.requirement,
        tolerance: t.tol, weight: 1)
      if t.id == "inspection-fixes" {
        target.responsibility = Responsibility(lead: [org.issuer], cooperating: [org.divisions[18]])
      }
      return target
    }
  }

  // MARK: - rules

  /// The responsibility list: a default deadline, a lead (and for one chapter a deadline) per
  /// chapter, cooperating units per theme keyword, owners per target.
  static func rules(
    chapters: [String], targets: [PlanTarget], org: Organisation, rng: inout SeededRandom
  ) -> [ResponsibilityRule] {
    var rules = [
      ResponsibilityRule(match: .all, responsibility: Responsibility(deadline: .endOfYear(year)))
    ]
    for (i, c) in chapters.enumerated() {
      var r = Responsibility(lead: [org.divisions[(i * 3 + 2) % org.divisions.count]])
      if i % 6 == 5 { r.deadline = .endOfHalf(year: year, half: 2) }
      rules.append(ResponsibilityRule(match: .chapter(c), responsibility: r))
    }
    for (i, theme) in Phrases.themes.enumerated() {
      let a = org.departments[i % org.departments.count]
      let b = org.pool[(i * 7 + 3) % org.pool.count]
      rules.append(
        ResponsibilityRule(
          match: .keyword(theme.keyword),
          responsibility: Responsibility(cooperating: a == b ? [a] : [a, b])))
    }
    for (i, t) in targets.enumerated() where t.responsibility.isEmpty {
      let lead = org.divisions[(i * 5 + 6) % org.divisions.count]
      var cooperating: [String]
      switch t.requirement.measure {
      case .level, .share: cooperating = org.districts
      default: cooperating = [org.departments[(i * 3) % org.departments.count]]
      }
      if i % 4 == 0 { cooperating = [org.pool[(i * 11) % org.pool.count]] + cooperating }
      rules.append(
        ResponsibilityRule(
          match: .target(t.id),
          responsibility: Responsibility(
            lead: [lead], cooperating: cooperating.filter { $0 != lead })))
    }
    return rules
  }

  // MARK: - assessment

  static func assessment(targets: [PlanTarget]) -> AssessmentRules {
    var rules = AssessmentRules(
      total: 100, defaultPoints: 1, cooperatingShare: 0.3, bonusCap: 3, behindTolerance: 5,
      aheadMargin: 10)
    rules.deductions =
      [
        Deduction(.shortfall(target: "pm25", per: 1), points: 0.5),
        Deduction(.shortfall(target: "old-trucks", per: 100), points: 0.2),
      ] + AssessmentRules.defaultDeductions
    rules.bonuses = [
      Bonus(.doneEarly(task: nil), points: 0.5, reason: "提前完成"),
      Bonus(.exceeded(target: "good-days", per: 1, max: 1), points: 0.5, reason: "超额完成"),
    ]
    rules.vetoes = [Veto(.targetNotMet("drinking-water"), cap: "不合格", reason: "饮用水安全一票否决")]
    return rules
  }
}

extension Double {
  /// Rounded to `places` decimals (weights add up without binary noise).
  func rounded(toPlaces places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}
