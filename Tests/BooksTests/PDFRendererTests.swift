import Foundation
import PlanJSON
import PlanModel
import TestSupport
import Testing

@testable import Books

@Suite struct PDFRendererTests {
  @Test func filesAreCutIntoFixedBatches() {
    #expect(PDFRenderer.batches(0) == [])
    #expect(PDFRenderer.batches(5) == [0..<5])
    #expect(PDFRenderer.batches(24) == [0..<24])
    #expect(PDFRenderer.batches(25) == [0..<13, 13..<25])
    #expect(PDFRenderer.batches(44) == [0..<22, 22..<44])
  }

  @Test func missingSofficeNamesThePackage() throws {
    let empty = try TemporaryFolder()
    defer { empty.remove() }
    #expect(throws: PDFRenderer.Failure.self) { try PDFRenderer.locate(search: empty.path) }
    do {
      _ = try PDFRenderer.locate(search: empty.path)
    } catch {
      #expect(error.message.contains("install the Debian package libreoffice-calc"))
    }
    let fake = try fakeSoffice("exit 0")
    defer { fake.remove() }
    #expect(
      try PDFRenderer.locate(search: "\(empty.path):\(fake.path)") == "\(fake.path)/soffice")
  }

  /// A LibreOffice that never ends (a dialog nobody sees) is stopped at its time limit, with
  /// everything it started, and said so.
  @Test func aHangingLibreOfficeIsStopped() throws {
    let fake = try fakeSoffice("sleep 60 & echo $! > \"$(dirname \"$0\")/child\"; wait")
    defer { fake.remove() }
    let start = Date()
    #expect {
      _ = try PDFRenderer.render(
        ["/nowhere/07-处.xlsx"], pages: [1], in: fake.path, soffice: "\(fake.path)/soffice",
        created: Day(2020, 1, 1), timeLimit: { _ in 1 })
    } throws: { error in
      "\(error)" == "LibreOffice did not finish printing 07-处.xlsx in 1 s and was stopped"
    }
    #expect(Date().timeIntervalSince(start) < 10)
    let child = try String(contentsOfFile: "\(fake.path)/child", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    // Gone, or a zombie nobody reaps in this container: not running either way. SIGKILL is
    // delivered when the child is next scheduled, so on a loaded machine it may take a moment.
    func state() -> String {
      (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)) ?? ""
    }
    func ended(_ state: String) -> Bool { state.isEmpty || state.contains(") Z ") }
    let deadline = Date().addingTimeInterval(10)
    while !ended(state()) && Date() < deadline { usleep(20_000) }
    let last = state()
    #expect(ended(last), "the child \(child) still runs: \(last)")
  }

  @Test func whatLibreOfficeSaysIsKept() throws {
    let fake = try fakeSoffice("echo 'Error: source file could not be loaded' >&2; exit 3")
    defer { fake.remove() }
    #expect {
      _ = try PDFRenderer.render(
        ["/nowhere/07-处.xlsx"], pages: [1], in: fake.path, soffice: "\(fake.path)/soffice",
        created: Day(2020, 1, 1))
    } throws: { error in
      "\(error)"
        == "LibreOffice could not print 07-处.xlsx (exit 3): Error: source file could not be loaded"
    }
  }

  @Test func standardInputIsNoTerminal() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let log = folder.url.appendingPathComponent("log").path
    let outcome = try ChildProcess.run(
      ["/bin/cat"], environment: [:], output: log, seconds: 10)
    #expect(outcome == .exited(0))
  }

  /// The time of printing and the random id are rewritten in place: same length, same bytes
  /// for two PDFs that differ only in them.
  @Test func creationDateAndIDAreNormalised() {
    func pdf(_ date: String, _ id: String) -> [UInt8] {
      Array(
        ("%PDF-1.6\n1 0 obj\n<</Type/Page/Parent 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Count 1>>"
          + "\nendobj\n3 0 obj\n<</Producer(x)\n/CreationDate(D:\(date)Z')>>\nendobj\n"
          + "trailer\n<</Size 4/Root 2 0 R\n/Info 3 0 R\n/ID [ <\(id)>\n<\(id)> ]\n"
          + "/DocChecksum /\(id)\n>>\nstartxref\n0\n%%EOF\n").utf8)
    }
    var a = pdf("20261205083214", "A9FF6B10771210A176186BBB2BFD126A")
    var b = pdf("20251111111111", "EF8E830720D3B5D8F5213194BDFBA264")
    let length = a.count
    PDFRenderer.normalize(&a, created: Day(2020, 1, 1))
    PDFRenderer.normalize(&b, created: Day(2020, 1, 1))
    #expect(a.count == length)
    #expect(a == b)
    let text = String(decoding: a, as: UTF8.self)
    #expect(text.contains("/CreationDate(D:20200101000000Z')"))
    #expect(!text.contains("A9FF6B10771210A176186BBB2BFD126A"))
    #expect(PDFRenderer.pageCount(a) == 1)
  }

  /// The export refuses a PDF LibreOffice printed on other pages than the layout computed.
  @Test(
    .enabled(
      if: LibreOffice.isAvailable,
      "needs soffice, pdftotext and a Chinese font (scripts/test-setup)"
    ))
  func aPageCountOtherThanComputedIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let resolved = Fixtures.guangzhou
    let fingerprint = try resolved.plan.fingerprint()
    let book = try #require(
      BookExport.books(resolved).first { $0.unit?.shortName == "大气处" })
    let path = folder.url.appendingPathComponent(book.fileName).path
    let pages = try BookExport.write(
      book, of: resolved, fingerprint: fingerprint, files: BookExport.fileNames(resolved),
      to: path)
    let soffice = try PDFRenderer.locate()
    #expect {
      _ = try PDFRenderer.render(
        [path], pages: [pages + 1], in: folder.path, soffice: soffice, created: Day(2020, 1, 1))
    } throws: { error in
      "\(error)".hasPrefix(
        "08-大气处.pdf: LibreOffice printed \(pages) pages, the layout has \(pages + 1)")
    }
    // With the right count it passes, and the page count read is LibreOffice's.
    let pdfs = try PDFRenderer.render(
      [path], pages: [pages], in: folder.path, soffice: soffice, created: Day(2020, 1, 1))
    #expect(try PDFText.pages(pdfs[0]).count == pages)
  }

  /// A folder holding an executable `soffice` that runs `script`.
  func fakeSoffice(_ script: String) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("soffice").path
    try Data("#!/bin/sh\n\(script)\n".utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o755)
    return folder
  }
}
