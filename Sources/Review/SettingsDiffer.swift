import Foundation
import PlanJSON
import PlanModel

/// Compares what two versions of a plan hold outside their tasks and targets — everything a
/// book, a template or a ranking also prints or depends on: the plan's metadata, the units,
/// the chapters, the 考核细则, the responsibility list, the signing declaration, the 考核方式
/// and the added clauses. Each part becomes ``ItemChange``s whose changes are
/// ``Change/setting(_:)`` (or a text diff, for clauses).
///
/// The safety net, ``fallback(_:_:found:)``: two versions whose snapshots differ always show a
/// change, even one no comparison here names.
enum SettingsDiffer {
  /// Every difference outside tasks and targets, part by part.
  static func diff(_ old: WorkPlan, _ new: WorkPlan) -> [ItemChange] {
    let names = Names([old, new])
    return metadata(old, new, names) + units(old, new, names) + chapters(old, new)
      + assessment(old, new, names) + rules(old, new, names) + signing(old, new, names)
      + clauses(old, new)
  }

  // MARK: - the parts

  static func metadata(_ o: WorkPlan, _ n: WorkPlan, _ names: Names) -> [ItemChange] {
    var changes: [Change] = []
    func field(_ f: String, _ label: String, _ a: String?, _ b: String?) {
      if a != b { changes.append(.setting(Setting(.plan, field: f, label: label, from: a, to: b))) }
    }
    field("title", "标题", o.title, n.title)
    field("issuer", "印发单位", names.unit(o.issuer), names.unit(n.issuer))
    field("period", "计划期", o.period.description, n.period.description)
    field("version", "版本", o.version, n.version)
    field("numbering", "编号方式", numbering(o.numbering), numbering(n.numbering))
    field(
      "weightTotal", "总分值", o.weightTotal.map(Requirement.format),
      n.weightTotal.map(Requirement.format))
    field("source", "来源文件", o.source.map(source), n.source.map(source))
    // The plan it is derived from (层层分解) and the parent's unit it is the plan of: a new
    // parent re-links every target that implements one of the parent's.
    func parent(_ p: ParentPlan?) -> String? {
      p.map { p in p.plan + (p.unit.map { "（\(names.unit($0))）" } ?? "") }
    }
    field("parent", "上级计划", parent(o.parent), parent(n.parent))
    guard !changes.isEmpty else { return [] }
    return [
      ItemChange(
        item: .plan, kind: .changed, oldID: o.id, newID: n.id, oldLabel: "计划信息", newLabel: "计划信息",
        oldText: o.title, newText: n.title, changes: changes, reason: nil)
    ]
  }

  static func units(_ o: WorkPlan, _ n: WorkPlan, _ names: Names) -> [ItemChange] {
    keyed(
      o.units, n.units, key: \.id, item: .organisation, kind: .unit,
      label: { $0.shortName }, text: { unitText($0, names) },
      fields: { a, b in
        [
          ("name", "全称", a.name, b.name), ("shortName", "简称", a.shortName, b.shortName),
          ("kind", "类别", kind(a.kind), kind(b.kind)),
          ("parent", "上级单位", a.parent.map(names.unit) ?? "无", b.parent.map(names.unit) ?? "无"),
        ]
      })
  }

  static func chapters(_ o: WorkPlan, _ n: WorkPlan) -> [ItemChange] {
    keyed(
      o.allChapters, n.allChapters, key: \.chapter.id, item: .chapter, kind: .chapter,
      label: { $0.chapter.title }, text: { $0.chapter.title },
      fields: { a, b in
        [
          ("title", "标题", a.chapter.title, b.chapter.title),
          ("number", "序号", String(a.chapter.number), String(b.chapter.number)),
          ("parent", "上级章节", a.parent ?? "无", b.parent ?? "无"),
        ]
      })
  }

  static func assessment(_ o: WorkPlan, _ n: WorkPlan, _ names: Names) -> [ItemChange] {
    let a = o.assessment ?? .default
    let b = n.assessment ?? .default
    var changes: [Change] = []
    func field(_ f: String, _ label: String, _ x: String?, _ y: String?) {
      if x != y {
        changes.append(.setting(Setting(.assessment, field: f, label: label, from: x, to: y)))
      }
    }
    /// The elements only in the old list and only in the new one, in words.
    func list(_ f: String, _ label: String, _ x: [String], _ y: [String]) {
      let gone = x.filter { !y.contains($0) }
      let came = y.filter { !x.contains($0) }
      if !gone.isEmpty || !came.isEmpty {
        changes.append(
          .setting(
            Setting(
              .assessment, field: f, label: label,
              from: gone.isEmpty ? nil : gone.joined(separator: "；"),
              to: came.isEmpty ? nil : came.joined(separator: "；"))))
      }
    }
    if (o.assessment == nil) != (n.assessment == nil) {
      field("assessment", "考核细则", declared(o.assessment), declared(n.assessment))
    }
    let f = Requirement.format
    field("assessment.total", "满分", f(a.total), f(b.total))
    field("assessment.defaultPoints", "未标明分值的每项分值", f(a.defaultPoints), f(b.defaultPoints))
    field(
      "assessment.cooperatingShare", "配合单位计分比例", percent(a.cooperatingShare),
      percent(b.cooperatingShare))
    field("assessment.bonusCap", "加分上限", f(a.bonusCap), f(b.bonusCap))
    field("assessment.behindTolerance", "欠进度容差（百分点）", f(a.behindTolerance), f(b.behindTolerance))
    field("assessment.aheadMargin", "超进度幅度（百分点）", f(a.aheadMargin), f(b.aheadMargin))
    list("assessment.deductions", "扣分规则", a.deductions.map(deduction), b.deductions.map(deduction))
    list("assessment.bonuses", "加分规则", a.bonuses.map(bonus), b.bonuses.map(bonus))
    list("assessment.vetoes", "一票否决", a.vetoes.map(veto), b.vetoes.map(veto))
    list("assessment.grades", "等次", a.grades.map(grade), b.grades.map(grade))
    field(
      "assessment.reportDay", "每月报送日", a.reportDay.map { "\($0)日" }, b.reportDay.map { "\($0)日" })
    field(
      "assessment.freshness", "数据有效期", a.freshness.map { "\($0)个月" },
      b.freshness.map { "\($0)个月" })
    field(
      "assessment.findings", "计分依据", a.findings.map(\.chinese), b.findings.map(\.chinese))
    list(
      "assessment.rankingGroups", "分组排名", (a.rankingGroups ?? []).map(rankingGroup),
      (b.rankingGroups ?? []).map(rankingGroup))
    field("assessment.supervision", "督查督办", supervision(a.supervision), supervision(b.supervision))
    guard !changes.isEmpty else { return [] }
    // The reason the new version gives; one the old version already gave is stale.
    let (reason, stale) = Differ.reasons(old: o.assessment?.reason, new: n.assessment?.reason)
    var row = ItemChange(
      item: .assessment, kind: .changed, oldID: "assessment", newID: "assessment",
      oldLabel: "考核细则", newLabel: "考核细则", oldText: rulesText(o.assessment),
      newText: rulesText(n.assessment), changes: changes, reason: reason)
    row.staleReason = stale
    return [row]
  }

  /// The responsibility list, rules matched by what they match; a changed or added rule takes
  /// the reason the new version gives it (one the old version already gave is stale).
  static func rules(_ o: WorkPlan, _ n: WorkPlan, _ names: Names) -> [ItemChange] {
    var oldReason: [String: String] = [:]
    var newReason: [String: String] = [:]
    for r in o.rules where oldReason[match(r.match, o, n)] == nil {
      oldReason[match(r.match, o, n)] = r.reason ?? ""
    }
    for r in n.rules where newReason[match(r.match, o, n)] == nil {
      newReason[match(r.match, o, n)] = r.reason ?? ""
    }
    // A removed rule takes the reason the new version records for its removal.
    var removedReason: [String: String] = [:]
    for r in n.removed ?? [] {
      guard let m = r.rule else { continue }
      let k = match(m, o, n)
      if removedReason[k] == nil { removedReason[k] = r.reason }
    }
    var out = listed(o, n, names)
    for i in out.indices {
      if out[i].kind == .removed, let k = out[i].oldID {
        out[i].reason = removedReason[k]
        continue
      }
      guard let k = out[i].newID, let r = newReason[k], !r.isEmpty else { continue }
      (out[i].reason, out[i].staleReason) = Differ.reasons(old: oldReason[k], new: r)
    }
    return out
  }

  static func listed(_ o: WorkPlan, _ n: WorkPlan, _ names: Names) -> [ItemChange] {
    keyed(
      o.rules, n.rules, key: { match($0.match, o, n) }, item: .rules, kind: .rule,
      label: { match($0.match, o, n) },
      text: { "\(match($0.match, o, n))：\(names.responsibility($0.responsibility))" },
      fields: { a, b in
        [
          (
            "rules.lead", "牵头单位", names.units(a.responsibility.lead),
            names.units(b.responsibility.lead)
          ),
          (
            "rules.cooperating", "配合单位", names.units(a.responsibility.cooperating),
            names.units(b.responsibility.cooperating)
          ),
          (
            "rules.deadline", "完成时限", a.responsibility.deadline?.description ?? "未规定",
            b.responsibility.deadline?.description ?? "未规定"
          ),
        ]
      })
  }

  static func signing(_ o: WorkPlan, _ n: WorkPlan, _ names: Names) -> [ItemChange] {
    let empty = Signing()
    let a = o.signing ?? empty
    let b = n.signing ?? empty
    var rules = keyed(
      a.rules, b.rules, key: { scope($0.scope, names) }, item: .signing, kind: .signing,
      label: { "签订方式 \(scope($0.scope, names))" },
      text: { "\(scope($0.scope, names))：\(document($0, issuer: n.issuer, names))" },
      fields: { x, y in
        [
          (
            "signing.rules", "文书", document(x, issuer: o.issuer, names),
            document(y, issuer: n.issuer, names)
          )
        ]
      })
    // A line of the signing declaration changes what units sign: it needs its own reason.
    var oldReason: [String: String] = [:]
    var newReason: [String: String] = [:]
    for r in a.rules where oldReason[scope(r.scope, names)] == nil {
      oldReason[scope(r.scope, names)] = r.reason ?? ""
    }
    for r in b.rules where newReason[scope(r.scope, names)] == nil {
      newReason[scope(r.scope, names)] = r.reason ?? ""
    }
    for i in rules.indices {
      if rules[i].kind != .changed {
        rules[i].changes = [
          .setting(
            Setting(
              .signing, field: "signing.rules", label: "文书",
              from: rules[i].oldText.flatMap {
                $0.split(separator: "：", maxSplits: 1).last.map(String.init)
              },
              to: rules[i].newText.flatMap {
                $0.split(separator: "：", maxSplits: 1).last.map(String.init)
              }))
        ]
      }
      guard let k = rules[i].newID, let r = newReason[k], !r.isEmpty else { continue }
      (rules[i].reason, rules[i].staleReason) = Differ.reasons(old: oldReason[k], new: r)
    }
    let people = keyed(
      a.signatories, b.signatories, key: \.unit, item: .signing, kind: .signing,
      label: { "责任人 \(names.unit($0.unit))" }, text: { "\(names.unit($0.unit))：\($0.name)" },
      fields: { x, y in [("signing.signatories", "责任人", x.name, y.name)] })
    return rules + people
  }

  static func clauses(_ o: WorkPlan, _ n: WorkPlan) -> [ItemChange] {
    var out: [ItemChange] = []
    // 考核方式: one text.
    switch (o.assessmentMethod, n.assessmentMethod) {
    case (let a?, let b?) where a != b:
      out.append(clause(.changed, "考核方式", a, b))
    case (let a?, nil): out.append(clause(.removed, "考核方式", a, nil))
    case (nil, let b?): out.append(clause(.added, "考核方式", nil, b))
    default: break
    }
    for section in PlanClause.Section.allCases {
      let label = section == .assessment ? "考核方式条款" : "其他条款"
      let a = (o.clauses ?? []).filter { $0.section == section }
      let b = (n.clauses ?? []).filter { $0.section == section }
      var gone = a.filter { x in !b.contains { $0.text == x.text } }
      let came = b.filter { y in !a.contains { $0.text == y.text } }
      for y in came {
        // The most similar old clause, when it is the same clause edited.
        let best = gone.indices.max {
          Similarity.bigrams(gone[$0].text, y.text) < Similarity.bigrams(gone[$1].text, y.text)
        }
        if let i = best, Similarity.bigrams(gone[i].text, y.text) >= 0.5 {
          out.append(clause(.changed, label, gone[i].text, y.text))
          gone.remove(at: i)
        } else {
          out.append(clause(.added, label, nil, y.text))
        }
      }
      for x in gone { out.append(clause(.removed, label, x.text, nil)) }
      // The same texts, another illustrative mark.
      for y in b {
        if let x = a.first(where: { $0.text == y.text }), x.illustrative != y.illustrative {
          var item = clause(.changed, label, x.text, y.text)
          item.changes = [
            .setting(
              Setting(
                .clauses, field: "clauses.illustrative", label: "示例条款",
                from: x.illustrative ? "是" : "否", to: y.illustrative ? "是" : "否"))
          ]
          out.append(item)
        }
      }
    }
    return out
  }

  static func clause(
    _ kind: ItemChange.Kind, _ label: String, _ a: String?, _ b: String?
  )
    -> ItemChange
  {
    var changes: [Change] = []
    if let a, let b { changes.append(.textEdited(TextDiff(old: a, new: b))) }
    return ItemChange(
      item: .clause, kind: kind, oldID: a == nil ? nil : label, newID: b == nil ? nil : label,
      oldLabel: a == nil ? nil : label, newLabel: b == nil ? nil : label, oldText: a, newText: b,
      changes: changes, reason: nil)
  }

  // MARK: - the safety net

  /// When `found` shows nothing but the snapshots differ: one row naming the differing fields of
  /// the snapshot by their paths (`plan.chapters[0].tasks[2].reason`), so that two versions with
  /// different fingerprints never read as "no changes".
  static func fallback(_ old: PlanSide, _ new: PlanSide, found: [ItemChange]) -> [ItemChange] {
    guard old.fingerprint != new.fingerprint, !found.contains(where: { $0.kind != .unchanged })
    else { return [] }
    var paths: [String]
    do {
      let a = try JSONSerialization.jsonObject(with: Data(PlanSnapshot.encode(old.plan).utf8))
      let b = try JSONSerialization.jsonObject(with: Data(PlanSnapshot.encode(new.plan).utf8))
      paths = []
      differences(a, b, at: "", into: &paths)
    } catch {
      paths = []
    }
    let shown =
      paths.prefix(20).joined(separator: "、") + (paths.count > 20 ? "……（共\(paths.count)处）" : "")
    let field = paths.isEmpty ? "fingerprint" : shown
    return [
      ItemChange(
        item: .other, kind: .changed, oldID: "snapshot", newID: "snapshot", oldLabel: "快照",
        newLabel: "快照", oldText: WorkPlan.shortFingerprint(old.fingerprint),
        newText: WorkPlan.shortFingerprint(new.fingerprint),
        changes: [
          .setting(
            Setting(
              .other, field: field,
              label: paths.isEmpty
                ? "快照指纹 \(WorkPlan.shortFingerprint(old.fingerprint)) → \(WorkPlan.shortFingerprint(new.fingerprint))"
                : "快照字段 \(shown)", from: nil, to: nil))
        ], reason: nil)
    ]
  }

  /// The paths at which two JSON values differ.
  static func differences(_ a: Any, _ b: Any, at path: String, into out: inout [String]) {
    if let x = a as? [String: Any], let y = b as? [String: Any] {
      for key in Set(x.keys).union(y.keys).sorted() {
        let p = path.isEmpty ? key : "\(path).\(key)"
        switch (x[key], y[key]) {
        case (let u?, let v?): differences(u, v, at: p, into: &out)
        default: out.append(p)
        }
      }
    } else if let x = a as? [Any], let y = b as? [Any] {
      for i in 0..<max(x.count, y.count) {
        let p = "\(path)[\(i)]"
        if i < x.count, i < y.count {
          differences(x[i], y[i], at: p, into: &out)
        } else {
          out.append(p)
        }
      }
    } else if let x = a as? NSObject, let y = b as? NSObject {
      if !x.isEqual(y) { out.append(path) }
    } else {
      out.append(path)
    }
  }

  // MARK: - matching by key

  /// Two lists matched by `key` (the first of each key): added, removed, and changed where one
  /// of `fields` (field, label, old value, new value) differs.
  static func keyed<T>(
    _ old: [T], _ new: [T], key: (T) -> String, item: Setting.Area, kind: ItemChange.Item,
    label: (T) -> String, text: (T) -> String,
    fields: (T, T) -> [(String, String, String, String)]
  ) -> [ItemChange] {
    var oldByKey: [String: T] = [:]
    for o in old where oldByKey[key(o)] == nil { oldByKey[key(o)] = o }
    var newKeys = Set<String>()
    var out: [ItemChange] = []
    for n in new {
      let k = key(n)
      guard newKeys.insert(k).inserted else { continue }
      guard let o = oldByKey[k] else {
        out.append(
          ItemChange(
            item: kind, kind: .added, oldID: nil, newID: k, oldLabel: nil, newLabel: label(n),
            oldText: nil, newText: text(n), changes: [], reason: nil))
        continue
      }
      let changes = fields(o, n).filter { $0.2 != $0.3 }.map {
        Change.setting(Setting(item, field: $0.0, label: $0.1, from: $0.2, to: $0.3))
      }
      if !changes.isEmpty {
        out.append(
          ItemChange(
            item: kind, kind: .changed, oldID: k, newID: k, oldLabel: label(o), newLabel: label(n),
            oldText: text(o), newText: text(n), changes: changes, reason: nil))
      }
    }
    var seen = Set<String>()
    for o in old where !newKeys.contains(key(o)) && seen.insert(key(o)).inserted {
      out.append(
        ItemChange(
          item: kind, kind: .removed, oldID: key(o), newID: nil, oldLabel: label(o),
          newLabel: nil, oldText: text(o), newText: nil, changes: [], reason: nil))
    }
    return out
  }

  // MARK: - in words

  /// Unit and chapter names of both versions (the new one's first).
  struct Names {
    var units: [String: String] = [:]
    var chapters: [String: String] = [:]

    init(_ plans: [WorkPlan]) {
      for plan in plans.reversed() {
        for u in plan.units where units[u.id] == nil { units[u.id] = u.shortName }
        for (c, _) in plan.allChapters where chapters[c.id] == nil { chapters[c.id] = c.title }
      }
    }

    func unit(_ id: String) -> String { units[id] ?? id }
    func units(_ ids: [String]?) -> String {
      guard let ids else { return "未规定" }
      return ids.isEmpty ? "无" : ids.map(unit).joined(separator: "、")
    }
    func responsibility(_ r: Responsibility) -> String {
      var parts: [String] = []
      if let l = r.lead { parts.append("牵头 \(units(l))") }
      if let c = r.cooperating { parts.append("配合 \(units(c))") }
      if let d = r.deadline { parts.append("完成时限 \(d)") }
      return parts.isEmpty ? "—" : parts.joined(separator: "，")
    }
  }

  static func match(_ m: ResponsibilityRule.Match, _ o: WorkPlan, _ n: WorkPlan) -> String {
    switch m {
    case .chapter(let id):
      let title = (n.allChapters + o.allChapters).first { $0.chapter.id == id }?.chapter.title
      return "章节 \(title ?? id)"
    case .keyword(let k): return "含“\(k)”的任务"
    case .target(let id): return "指标 \(id)"
    case .all: return "全部任务"
    }
  }

  static func scope(_ s: Signing.Scope, _ names: Names) -> String {
    switch s {
    case .unit(let id): "单位 \(names.unit(id))"
    case .kind(let k): "\(kind(k))类单位"
    case .all: "全部单位"
    }
  }

  static func document(_ r: Signing.Rule, issuer: String, _ names: Names) -> String {
    switch r.document {
    case .book: "责任书（甲方：\(names.unit(r.partyA ?? issuer))）"
    case .notice: "告知书"
    case .none: "不发文书"
    }
  }

  static func unitText(_ u: OrgUnit, _ names: Names) -> String {
    "\(u.name)（\(u.shortName)，\(kind(u.kind))" + (u.parent.map { "，隶属\(names.unit($0))" } ?? "")
      + "）"
  }

  static func kind(_ k: OrgUnit.Kind) -> String {
    switch k {
    case .government: "人民政府"
    case .department: "政府部门"
    case .division: "内设处室"
    case .directUnit: "直属单位"
    case .district: "区（县）政府"
    case .town: "镇（街）"
    case .other: "其他"
    }
  }

  static func numbering(_ n: WorkPlan.Numbering) -> String {
    switch n {
    case .continuous: "全文连续编号"
    case .perChapter: "分章编号"
    }
  }

  /// `各区：district、gz-msa`.
  static func rankingGroup(_ g: RankingGroup) -> String {
    "\(g.name)：" + (g.kinds.map(\.rawValue) + g.units).joined(separator: "、")
  }

  /// `预警30天、反馈10天、红转黄1个月、督办`, or nil for the defaults (no declaration).
  static func supervision(_ s: SupervisionRules?) -> String? {
    s.map {
      "预警\($0.warningDays)天、反馈\($0.replyDays)天、红转黄\($0.recoveryMonths)个月、"
        + "\($0.issuer.map { "签发\($0)、" } ?? "")\($0.prefix)"
    }
  }

  static func source(_ s: SourceDocument) -> String { s.title.map { "\($0)（\(s.path)）" } ?? s.path }

  static func declared(_ a: AssessmentRules?) -> String { a == nil ? "未规定（按默认细则）" : "计划规定" }

  static func percent(_ share: Double) -> String { Requirement.format(share * 100) + "%" }

  static func deduction(_ d: Deduction) -> String {
    let what: String
    switch d.match {
    case .shortfall(let t, let per):
      what = "指标\(t.map { " \($0) " } ?? "")每差\(Requirement.format(per))"
    case .targetClass(let s): what = "指标\(s.chinese)"
    case .taskClass(let s): what = "任务\(s.chinese)"
    case .missingReport: what = "每缺报一个月"
    case .lateReport: what = "每迟报一个月"
    }
    var amount = ""
    if let p = d.points { amount = "扣\(Requirement.format(p))分" }
    if let s = d.share { amount += (amount.isEmpty ? "" : "、") + "扣该项分值的\(percent(s))" }
    let floor = d.floor > 0 ? "（最低保留\(Requirement.format(d.floor))分）" : ""
    return "\(what)\(amount)\(floor)"
  }

  static func bonus(_ b: Bonus) -> String {
    let f = Requirement.format
    let what: String
    switch b.match {
    case .exceeded(let t, let per, let max):
      what = "指标\(t.map { " \($0) " } ?? "")每超额\(f(per))加\(f(b.points))分（最多\(f(max))分）"
    case .doneEarly(let t): what = "任务\(t.map { " \($0) " } ?? "")提前完成加\(f(b.points))分"
    }
    return what + (b.reason.map { "（\($0)）" } ?? "")
  }

  static func veto(_ v: Veto) -> String {
    let what: String
    switch v.match {
    case .targetNotMet(let t): what = "指标 \(t) 未达标"
    case .taskOverdue(let t): what = "任务\(t.map { " \($0) " } ?? "")逾期"
    }
    return "\(what)，最高评为\(v.cap)" + (v.reason.map { "（\($0)）" } ?? "")
  }

  static func grade(_ g: GradeBand) -> String { "\(g.name) ≥ \(Requirement.format(g.minimum))" }

  /// The 考核细则 in a few lines, for the 修订前 and 修订后 columns.
  static func rulesText(_ declared: AssessmentRules?) -> String {
    let r = declared ?? .default
    let f = Requirement.format
    var lines = [
      (declared == nil ? "（未规定，按默认细则）" : "")
        + "满分\(f(r.total))分；未标明分值的每项\(f(r.defaultPoints))分；配合单位按\(percent(r.cooperatingShare))计；加分上限\(f(r.bonusCap))分；欠进度容差\(f(r.behindTolerance))个百分点，超进度幅度\(f(r.aheadMargin))个百分点"
    ]
    if !r.deductions.isEmpty {
      lines.append("扣分：" + r.deductions.map(deduction).joined(separator: "；"))
    }
    if !r.bonuses.isEmpty { lines.append("加分：" + r.bonuses.map(bonus).joined(separator: "；")) }
    if !r.vetoes.isEmpty { lines.append("一票否决：" + r.vetoes.map(veto).joined(separator: "；")) }
    lines.append("等次：" + r.grades.map(grade).joined(separator: "、"))
    if let d = r.reportDay { lines.append("每月\(d)日前报送上月进展") }
    return lines.joined(separator: "\n")
  }
}
