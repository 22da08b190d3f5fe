import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import SafeFiles
import Sheets
import Tracking
import Xlsx

/// The printable supervision notice (督办单) of `planbook supervise`: one A4 portrait sheet per
/// notice, laid out like the books (宋体, computed row heights and page breaks, the footer
/// naming the unit), with each item's colour filled and in words (蓝/黄/红) for a
/// black-and-white print. The same notice gives the same bytes.
public enum SupervisionNoticeBook {
  /// The sheet's name.
  public static let sheetName = "督办单"
  /// Columns: 序号, 编号, 事项, 完成时限, 预警, 完成%, 序时进度, 存在问题.
  public static let columns: [Double] = [5, 5, 26, 11, 5, 6, 8, 25]
  /// The custom property holding the notice number.
  public static let numberProperty = "PlanBook.Notice"

  /// `督办〔2020〕9号-08-大气处.xlsx`: the number, then the unit's book number and short name,
  /// as the books are named.
  public static func fileName(
    _ notice: SupervisionNotice, in resolved: ResolvedPlan, books: [String: String]? = nil
  ) -> String {
    let unit = resolved.plan.unit(notice.unit)
    let book =
      (books ?? bookNames(resolved))[notice.unit]
      ?? "\(BookFileNames.safe(unit?.shortName ?? notice.unit)).xlsx"
    return "\(BookFileNames.safe(notice.number))-\(book)"
  }

  /// Each unit's book file name (`08-大气处.xlsx`), by unit id.
  static func bookNames(_ resolved: ResolvedPlan) -> [String: String] {
    var names: [String: String] = [:]
    for b in BookExport.books(resolved) { if let u = b.unit { names[u.id] = b.fileName } }
    return names
  }

  /// The notice's sheet. A task's 事项 is its full text as the plan has it (as the books print
  /// it), else the title the ledger recorded.
  public static func layout(_ notice: SupervisionNotice, plan: WorkPlan) -> SheetLayout {
    var texts: [String: String] = [:]
    for t in plan.allTasks where !t.text.isEmpty { texts[t.id] = t.text }
    let S = BookStyles.self
    var sheet = SheetLayout(name: sheetName, columns: columns)
    let all = 0...(columns.count - 1)
    let unit = plan.unit(notice.unit)
    let issuer = plan.unit(notice.issuer)?.name ?? notice.issuer
    let level = notice.colour
    sheet.append([.init(all, .text("督　办　单"), S.title)], minHeight: 36)
    var right = S.party
    right.horizontal = .right
    sheet.append([
      .init(0...3, .text("\(level.name)督办"), S.party), .init(4...7, .text(notice.number), right),
    ])
    sheet.append([.init(all, .text("被督办单位：\(unit?.name ?? notice.unit)"), S.party)])
    sheet.append(
      [
        .init(
          all,
          .text(
            "根据《\(plan.title)》和各单位报送的工作进展（截至\(BookText.chinese(notice.issuedOn))），"
              + "你单位牵头的下列事项进度滞后或临近完成时限，现予督办。请抓紧推进，并于"
              + "\(BookText.chinese(notice.replyBy))前将办理情况书面反馈\(issuer)。"),
          S.paragraph)
      ], minHeight: 20)
    let header = sheet.append(
      ["序号", "编号", "事项", "完成时限", "预警", "完成%", "序时进度", "存在问题"].enumerated().map {
        .init($0.offset, .text($0.element), S.header)
      })
    sheet.page.repeatRows = header
    for (n, item) in notice.items.enumerated() {
      let what =
        item.reason
        + (item.escalation.map { "；\($0)" } ?? "")
      func number(_ v: Double?, col: Int) -> SheetLayout.Cell {
        v.map { .init(col, .text("\(Requirement.format($0))%"), S.centered) }
          ?? .init(col, .text("—"), S.centered)
      }
      sheet.append([
        .init(0, .number(Double(n + 1)), S.number(1)),
        .init(1, .text(item.number.isEmpty ? "—" : item.number), S.centered),
        .init(
          2, .text(item.item.kind == .task ? texts[item.item.id] ?? item.title : item.title),
          S.text),
        item.deadline.map { .init(3, .date($0), S.isoDate) } ?? .init(3, .text("—"), S.centered),
        WarningStyles.cell(item.colour, col: 4),
        number(item.percent, col: 5),
        number(item.expected, col: 6),
        .init(7, .text(what), S.text),
      ])
    }
    let note = sheet.nextRow
    sheet.append(
      [
        .init(
          all,
          .text(
            "说明：蓝色——完成时限前\(plan.assessment?.supervisionRules.warningDays ?? SupervisionRules.default.warningDays)天内尚未完成；"
              + "黄色——落后序时进度，或逾期后已补齐差距；红色——逾期未完成或节点未按时完成。"
              + "督办后至反馈时限未见进展的，提高一级再次督办（蓝→黄→红）。"),
          S.paragraph)
      ], minHeight: 20)
    sheet.append(
      [.init(all, .text("反馈时限：\(BookText.chinese(notice.replyBy))前　　联系人：　　　　　　电话："), S.party)],
      minHeight: 24)
    sheet.append([.init(4...7, .text("督办单位：\(issuer)（盖章）"), S.signature)], minHeight: 36)
    sheet.append([.init(4...7, .text("签发日期：\(BookText.chinese(notice.issuedOn))"), S.signature)])
    sheet.keep(note...(sheet.nextRow - 1))
    sheet.page.fitPagesWide = 1
    return sheet
  }

  /// Writes `notice` to `path`, fingerprinted like the books. Returns the number of pages it
  /// prints on, as computed.
  @discardableResult
  public static func write(
    _ notice: SupervisionNotice, plan: WorkPlan, fingerprint: String, to path: String
  ) throws -> Int {
    var layout = layout(notice, plan: plan)
    let unit = plan.unit(notice.unit)
    layout.page.footer =
      unit.map { BookFooter.text(plan: plan, fingerprint: fingerprint, naming: $0) }
      ?? BookFooter.text(plan: plan, fingerprint: fingerprint)
    let properties = BookProperties.document(
      plan, title: "\(plan.title) 督办单 \(notice.number)（\(unit?.name ?? notice.unit)）",
      unit: "\(notice.unit) \(unit?.name ?? notice.unit)", kind: "supervision",
      fingerprint: fingerprint,
      extra: [(numberProperty, notice.number), ("PlanBook.AsOf", notice.issuedOn.description)])
    try Workbook.write(to: path, properties: properties) { workbook in
      _ = try SheetWriter.write(layout, into: workbook)
    }
    return layout.pageBreaks().count + 1
  }

  /// Writes `notices` into `folder` as one set (the folder's other files are kept; a file of
  /// the same name is replaced), all or nothing. With `pdf`, each is also printed to PDF beside
  /// it by LibreOffice (``PDFRenderer``) in the same step, and must print on the pages its
  /// layout computed. Returns the paths written (the workbooks, then the PDFs).
  public static func writeAll(
    _ notices: [SupervisionNotice], resolved: ResolvedPlan, to folder: String, pdf: Bool = false,
    notice: (String) -> Void = { _ in }
  ) throws -> [String] {
    let plan = resolved.plan
    let fingerprint = try plan.fingerprint()
    let books = bookNames(resolved)
    let names = notices.map { fileName($0, in: resolved, books: books) }
    let soffice: String?
    do throws(PDFRenderer.Failure) {
      soffice = pdf ? try PDFRenderer.locate() : nil
    } catch {
      throw ExportError(error.message)
    }
    let pdfs =
      soffice == nil
      ? []
      : names.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent + ".pdf" }
    do {
      return try SetFolder.replace(folder, names: names + pdfs, notice: notice) { staging in
        var pages: [Int] = []
        for (n, name) in zip(notices, names) {
          pages.append(
            try write(
              n, plan: plan, fingerprint: fingerprint,
              to: URL(fileURLWithPath: staging).appendingPathComponent(name).path))
        }
        if let soffice {
          do throws(PDFRenderer.Failure) {
            _ = try PDFRenderer.render(
              names.map { URL(fileURLWithPath: staging).appendingPathComponent($0).path },
              pages: pages, in: staging, soffice: soffice, created: plan.period.start)
          } catch {
            throw ExportError(error.message)
          }
        }
      }.written
    } catch let error as FileError {
      throw ExportError(error.description)
    }
  }
}
