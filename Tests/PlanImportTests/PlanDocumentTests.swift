import Foundation
import PlanImport
import Testing

@Suite struct PlanDocumentTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "plan-import-\(UUID().uuidString)")

  func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  @Test func textWithAByteOrderMarkAndWindowsLineBreaks() throws {
    let path = try file("plan.txt", [0xEF, 0xBB, 0xBF] + Array("一、标题\r\n1.任务。\r\n".utf8))
    let document = try PlanDocument.read(path)
    #expect(document.lines == [SourceLine(1, "一、标题"), SourceLine(2, "1.任务。"), SourceLine(3, "")])
  }

  @Test func gbkTextIsRefusedNamingTheFile() throws {
    // 一、 in GBK.
    let path = try file("gbk.txt", [0xD2, 0xBB, 0xA1, 0xA2])
    #expect(throws: ImportError.self) { try PlanDocument.read(path) }
    do {
      _ = try PlanDocument.read(path)
    } catch {
      #expect(error.description == "\(path): not UTF-8 text (GBK? save the file as UTF-8)")
    }
  }

  @Test func aMissingFileOrAFolder() throws {
    do {
      _ = try PlanDocument.read("/nonexistent/plan.md")
      Issue.record("read a missing file")
    } catch {
      #expect(error.description == "/nonexistent/plan.md: cannot open: no such file")
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("dir.txt"), withIntermediateDirectories: true)
    do {
      _ = try PlanDocument.read(folder.appendingPathComponent("dir.txt").path)
      Issue.record("read a folder")
    } catch {
      #expect(error.message == "a directory, not a plan document")
    }
  }

  @Test func kinds() {
    #expect(PlanDocument.kind(of: "a.TXT") == .text)
    #expect(PlanDocument.kind(of: "a.md") == .markdown)
    #expect(PlanDocument.kind(of: "a.docx") == .docx)
    #expect(PlanDocument.kind(of: "a.doc") == nil)
  }
}
