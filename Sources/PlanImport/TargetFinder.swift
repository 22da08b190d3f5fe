/// A target (or a task's figure) found in a sentence.
public struct FoundTarget: Sendable, Equatable {
  /// What is measured, from the sentence (`PM2.5平均浓度`).
  public var name: String
  /// The requirement.
  public var requirement: FoundRequirement
  /// Stated with 力争 (strive for): aspirational.
  public var aspirational: Bool
  /// The line it was found on.
  public var line: Int
  /// The clause it was read from, verbatim.
  public var clause: String
}

/// A requirement as found: the DSL's `Requirement` forms.
public enum FoundRequirement: Sendable, Equatable {
  case atMost(Double, String)
  case atLeast(Double, String)
  case equal(Double, String)
  case countAtLeast(Double, String)
  case countAtMost(Double, String)
  case shareAtLeast(Double, of: String)
  case reduction(Double, against: Int?)
  case increase(Double, against: Int?)
  case qualitative(String)
}

/// Finds targets in sentences: direction, value, unit and base year.
///
/// - `PM2.5年均浓度控制在35微克/立方米以内` → at most 35 微克/立方米 (控制在, 低于, 不超过…)
/// - `达到61.5%以上`, `不低于90%` → at least; `不低于保有量的50%` → a share of 保有量
/// - `较2015年分别减少14.7%、18.4%` → reductions against 2015, one per subject listed
///   (`化学需氧量、氨氮…排放量`); `“十三五”累计下降23%` → against 2015
/// - `水质100%稳定达标` → at least 100 % (达标率); `比例为0` → equal
/// - `力争13个地表水考核断面…`, `135台生物质锅炉` → a count (aspirational with 力争)
/// - `达到省考核要求` → qualitative (only outside items: `qualitative: true`)
///
/// Numbers inside quotes and titles (“6个100%”, 《…(2018-2020年)》) are not read.
public struct TargetFinder: Sendable {
  /// A finder.
  public init() {}

  /// Units a value may carry, longest first.
  static let units = [
    "微克/立方米", "毫克/立方米", "万立方米/日", "吨/日", "μg/m³", "µg/m³", "mg/m³", "mg/L", "毫克/升",
    "平方公里", "平方米", "立方米", "万千瓦", "万吨", "蒸吨", "千克", "公斤", "公里", "千米", "公顷",
    "万元", "亿元", "分贝", "艘次", "人次", "家次", "户次", "吨", "亩", "元", "台", "个", "家", "项", "座", "条",
    "辆", "处", "宗", "次", "天", "件", "份", "批", "套", "所", "场", "期", "间", "宗", "%",
  ]
  /// Units of a count (`.count`), not a level.
  static let countUnits: Set<String> = [
    "台", "个", "家", "项", "座", "条", "辆", "处", "宗", "次", "件", "份", "批", "套", "所", "场",
    "期", "间", "艘次", "人次", "家次", "户次", "天",
  ]

  /// Every target stated in `text` (one line, or an item's text); `qualitative` also takes
  /// `达到…要求` without a number.
  public func targets(in text: String, line: Int, qualitative: Bool) -> [FoundTarget] {
    var out: [FoundTarget] = []
    for sentence in text.split(whereSeparator: { "。；;！!？?\n".contains($0) }) {
      var baseYear: Int?
      var lastSubject: String?
      for rawClause in sentence.split(whereSeparator: { "，,：:".contains($0) }) {
        let clause = String(rawClause).trimmingCharacters()
        if clause.isEmpty { continue }
        if let year = TargetFinder.baseYear(in: clause) { baseYear = year }
        let aspirational = clause.contains("力争")
        let found = read(
          clause, baseYear: baseYear, lastSubject: lastSubject, qualitative: qualitative)
        for (name, requirement) in found {
          out.append(
            FoundTarget(
              name: name, requirement: requirement, aspirational: aspirational, line: line,
              clause: clause))
        }
        if let first = found.first { lastSubject = TargetFinder.baseName(first.0) }
      }
    }
    return out
  }

  /// `较2015年`, `比2019年`, `与2015年相比` → that year; `“十三五”` → its base year (2015).
  static func baseYear(in clause: String) -> Int? {
    if let m = clause.firstMatch(of: /(?:较|比|与|相对于|相比)\s*((?:19|20)[0-9][0-9])\s*年/) {
      return Int(m.1)
    }
    if let m = clause.firstMatch(of: /十([一二三四五])五/),
      let n = OutlineParser.chineseNumber(String(m.1))
    {
      return 2005 + 5 * (n - 1)
    }
    return nil
  }

  /// The clause without what is quoted or titled, where numbers are not targets.
  static func masked(_ clause: String) -> String {
    var out = ""
    var depth = 0
    for c in clause {
      if "“《「『\"".contains(c) && !(c == "\"" && depth > 0) {
        depth += 1
        continue
      }
      if "”》」』".contains(c) || (c == "\"" && depth > 0) {
        depth = max(0, depth - 1)
        continue
      }
      if depth == 0 { out.append(c) }
    }
    return out
  }

  /// The name without a leading year, place or 力争: `2020年广州市PM2.5平均浓度` → `PM2.5平均浓度`.
  static func subject(_ text: String) -> String {
    var s = Substring(text).trimmingWhitespace()
    for pattern in [
      /^力争/, /^(?:到|至|在)?(?:19|20)[0-9][0-9]\s*年(?:底|末)?/, /^(?:全市|全区|全省|全县|我市|我区)/,
      /^[\p{Han}]{2,3}(?:市|区|县)(?![\p{Han}]{0,1}(?:率|量|度))/, /^主要污染物/, /^(?:对|将|使)/,
    ] {
      if let m = s.prefixMatch(of: pattern) { s = s[m.range.upperBound...] }
    }
    return String(s.trimmingWhitespace())
  }

  /// `碳强度（较上年）` → `碳强度`.
  static func baseName(_ name: String) -> String {
    String(name.prefix { $0 != "（" })
  }

  static func number(_ text: Substring) -> Double? { Double(String(text)) }

  /// The unit at the start of `rest`, the longest known one.
  static func unit(at rest: Substring) -> String? {
    units.first { rest.hasPrefix($0) }
  }

  private func read(
    _ original: String, baseYear: Int?, lastSubject: String?, qualitative: Bool
  ) -> [(String, FoundRequirement)] {
    let clause = TargetFinder.masked(original)
    func named(_ before: Substring, fallback: Substring) -> String {
      let s = TargetFinder.subject(String(before))
      let stripped = TargetFinder.subject(
        String(before.replacing(/(?:较|比|与)\s*(?:19|20)[0-9][0-9]\s*年(?:相比)?/, with: "")))
      let name = stripped.isEmpty ? s : stripped
      if name.isEmpty || name == "累计" {
        let prefix = original.prefix { !("0"..."9").contains($0) && !"下降减少降低增长提高".contains($0) }
        if let lastSubject, !lastSubject.isEmpty {
          let note = prefix.trimmingWhitespace()
          let cleanNote = note.replacing(/(?:下降|减少|降低|削减|增长|提高|上升|增加)$/, with: "")
          return cleanNote.isEmpty ? lastSubject : "\(lastSubject)（\(cleanNote)）"
        }
        return TargetFinder.subject(String(fallback))
      }
      return name
    }

    // A change: 较2015年分别减少14.7%、18.4%; 下降1.1%.
    if let m = clause.firstMatch(
      of:
        /(分别)?(下降|减少|降低|削减|增长|提高|上升|增加)了?\s*([0-9]+(?:\.[0-9]+)?)\s*%((?:\s*[、和及]\s*[0-9]+(?:\.[0-9]+)?\s*%)*)/
    ) {
      var values = [TargetFinder.number(m.3)].compactMap { $0 }
      for v in String(m.4).matches(of: /([0-9]+(?:\.[0-9]+)?)/) {
        if let n = TargetFinder.number(v.1) { values.append(n) }
      }
      let reduce = ["下降", "减少", "降低", "削减"].contains(String(m.2))
      let before = clause[..<m.range.lowerBound]
      let subject = named(before, fallback: Substring(clause))
      var names = [subject]
      if values.count > 1 {
        let parts = subject.split(whereSeparator: { "、和及与".contains($0) }).map(String.init)
        if parts.count == values.count {
          let suffix = TargetFinder.measureSuffix(of: parts[parts.count - 1])
          names = parts.enumerated().map { i, p in
            i < parts.count - 1 && !suffix.isEmpty && !p.hasSuffix(suffix) ? p + suffix : p
          }
        } else {
          names = values.indices.map { "\(subject)（\($0 + 1)）" }
        }
      }
      return zip(names, values).map { name, v in
        (name, reduce ? .reduction(v, against: baseYear) : .increase(v, against: baseYear))
      }
    }

    // A share of something: 不低于保有量的50%.
    if let m = clause.firstMatch(
      of: /(不低于|不少于|达到|达)\s*([^0-9，,。]{1,12}?)的\s*([0-9]+(?:\.[0-9]+)?)\s*%/)
    {
      guard let v = TargetFinder.number(m.3) else { return [] }
      let name = named(clause[..<m.range.lowerBound], fallback: Substring(clause))
      return [(name, .shareAtLeast(v, of: String(m.2)))]
    }

    // At least: 达到61.5%以上, 不低于1000艘次.
    if let m = clause.firstMatch(
      of: /(不低于|不少于|达到|达|高于|大于|保持在|稳定在|提高到|提高至|提升到|提升至|增加到|增加至)\s*([0-9]+(?:\.[0-9]+)?)/),
      !clause[..<m.range.lowerBound].hasSuffix("不")
    {
      guard let v = TargetFinder.number(m.2) else { return [] }
      let unit = TargetFinder.unit(at: clause[m.range.upperBound...]) ?? ""
      let name = named(clause[..<m.range.lowerBound], fallback: Substring(clause))
      let requirement: FoundRequirement =
        TargetFinder.countUnits.contains(unit) ? .countAtLeast(v, unit) : .atLeast(v, unit)
      return [(name, requirement)]
    }

    // At most: 控制在35微克/立方米以下.
    if let m = clause.firstMatch(
      of: /(控制在|降至|降到|低于|不高于|不超过|小于|少于|以内为)\s*([0-9]+(?:\.[0-9]+)?)/)
    {
      guard let v = TargetFinder.number(m.2) else { return [] }
      let unit = TargetFinder.unit(at: clause[m.range.upperBound...]) ?? ""
      let name = named(clause[..<m.range.lowerBound], fallback: Substring(clause))
      let requirement: FoundRequirement =
        TargetFinder.countUnits.contains(unit) ? .countAtMost(v, unit) : .atMost(v, unit)
      return [(name, requirement)]
    }

    // A rate: 水质100%稳定达标 → at least 100 % (达标率).
    if let m = clause.firstMatch(
      of: /([0-9]+(?:\.[0-9]+)?)\s*%\s*(?:稳定)?(达标|完成|覆盖|落实|处置|收集|处理|执行)/)
    {
      guard let v = TargetFinder.number(m.1) else { return [] }
      let name = named(clause[..<m.range.lowerBound], fallback: Substring(clause)) + m.2 + "率"
      return [(name, .atLeast(v, "%"))]
    }

    // Equal: 比例为0.
    if let m = clause.firstMatch(of: /(?:为|是)\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)$/) {
      guard let v = TargetFinder.number(m.1) else { return [] }
      let name = named(clause[..<m.range.lowerBound], fallback: Substring(clause))
      let unit = !m.2.isEmpty || name.contains(/比例|率/) ? "%" : ""
      return [(name, .equal(v, unit))]
    }

    // A count: 13个地表水考核断面, 135台生物质锅炉.
    var counts: [(String, FoundRequirement)] = []
    for m in clause.matches(of: /([0-9]+(?:\.[0-9]+)?)\s*(艘次|人次|家次|户次|[台个家项座条辆处宗件套所])/) {
      let before = clause[..<m.range.lowerBound]
      if before.hasSuffix("其他") || before.hasSuffix("第") || before.hasSuffix("前")
        || before.hasSuffix("近") || before.hasSuffix("约") || before.last?.isNumber == true
        || before.hasSuffix(".")
      {
        continue
      }
      guard let v = TargetFinder.number(m.1) else { continue }
      var rest = clause
      rest.removeSubrange(m.range)
      counts.append((TargetFinder.subject(rest), .countAtLeast(v, String(m.2))))
    }
    if !counts.isEmpty { return counts }

    // Qualitative: 达到省考核要求.
    if qualitative, let m = clause.firstMatch(of: /(?:达到|满足|符合)[^，,。]{0,12}要求/) {
      let name = named(clause[..<m.range.lowerBound], fallback: Substring(clause))
      if !name.isEmpty { return [(name, .qualitative(String(clause[m.range])))] }
    }
    return []
  }

  /// The measure a listed subject ends with (`氮氧化物排放量` → `排放量`), shared by the others.
  static func measureSuffix(of text: String) -> String {
    for suffix in ["排放总量", "排放量", "浓度", "比例", "总量", "强度", "达标率", "利用率", "处理率", "率", "量"]
    where text.hasSuffix(suffix) && text.count > suffix.count {
      return suffix
    }
    return ""
  }
}

extension String {
  func trimmingCharacters() -> String { String(Substring(self).trimmingWhitespace()) }
}
