/// A problem found in a plan: where, how bad, a stable code and a plain message.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
  }

  /// A stable code (`missing-lead`), written as its raw value; the engine's README lists every
  /// case with what it means. Adding a case means adding its row there (a test checks both ways).
  public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
    case missingLead = "missing-lead"
    case unknownUnit = "unknown-unit"
    case unknownChapter = "unknown-chapter"
    case unknownTarget = "unknown-target"
    case ruleConflict = "rule-conflict"
    case ruleMatchesNothing = "rule-matches-nothing"
    case ruleDecidesNothing = "rule-decides-nothing"
    case leadAlsoCooperating = "lead-also-cooperating"
    case targetWithoutOwner = "target-without-owner"
    case invalidDate = "invalid-date"
    case deadlineOutsidePeriod = "deadline-outside-period"
    case milestoneAfterDeadline = "milestone-after-deadline"
    case duplicateTaskNumber = "duplicate-task-number"
    case missingTaskNumber = "missing-task-number"
    case duplicateChapterNumber = "duplicate-chapter-number"
    case missingChapterNumber = "missing-chapter-number"
    case numberOutOfRange = "number-out-of-range"
    case duplicateID = "duplicate-id"
    case emptyID = "empty-id"
    case invalidID = "invalid-id"
    case invalidCharacter = "invalid-character"
    case duplicateShortName = "duplicate-short-name"
    case tooLongForWorkbook = "too-long-for-workbook"
    case emptyChapter = "empty-chapter"
    case targetMissingDirection = "target-missing-direction"
    case targetMissingUnit = "target-missing-unit"
    case targetMissingValue = "target-missing-value"
    case targetMissingText = "target-missing-text"
    case targetBadDirection = "target-bad-direction"
    case reductionMissingBaseYear = "reduction-missing-base-year"
    case negativeTolerance = "negative-tolerance"
    case shareWithoutRollUp = "share-without-roll-up"
    case shareMismatch = "share-mismatch"
    case shareDuplicate = "share-duplicate"
    case shareMissingWeight = "share-missing-weight"
    case shareSumNotAdditive = "share-sum-not-additive"
    case sharesDoNotAddUp = "shares-do-not-add-up"
    case implementsInvalid = "implements-invalid"
    case implementsWithoutParent = "implements-without-parent"
    case implementsOtherPlan = "implements-other-plan"
    case parentUnknown = "parent-unknown"
    case parentUnknownTarget = "parent-unknown-target"
    case parentUnknownShare = "parent-unknown-share"
    case parentOtherUnit = "parent-other-unit"
    case parentCycle = "parent-cycle"
    case parentUnknownUnit = "parent-unknown-unit"
    case parentRequirementMismatch = "parent-requirement-mismatch"
    case looserThanParent = "looser-than-parent"
    case parentPeriodMismatch = "parent-period-mismatch"
    case parentShareNotImplemented = "parent-share-not-implemented"
    case shareOfCarrier = "share-of-carrier"
    case weightTotalMismatch = "weight-total-mismatch"
    case assessmentUnknownTarget = "assessment-unknown-target"
    case assessmentUnknownTask = "assessment-unknown-task"
    case assessmentUnknownGrade = "assessment-unknown-grade"
    case assessmentInvalid = "assessment-invalid"
    case textNotInSource = "text-not-in-source"
    case selfSigned = "self-signed"
    case signingConflict = "signing-conflict"
    case sourceNotFound = "source-not-found"
    case emptyText = "empty-text"
    case unitCycle = "unit-cycle"
    case duplicateDeclaration = "duplicate-declaration"
    case revisionNumber = "revision-number"
    case revisionUnknownTask = "revision-unknown-task"
    case revisionUnknownTarget = "revision-unknown-target"
    case revisionUnknownRule = "revision-unknown-rule"
  }

  public var severity: Severity
  /// A stable code (`missing-lead`); see the engine's README for the list.
  public var code: Code
  public var message: String
  public var location: SourceLocation?

  public init(_ severity: Severity, _ code: Code, _ message: String, at location: SourceLocation?) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
  }

  /// `plans/guangzhou_2020.swift:120: error: missing-lead: task 13 …`
  public var description: String {
    let at = location.map { "\($0): " } ?? ""
    return "\(at)\(severity.rawValue): \(code.rawValue): \(message)"
  }
}
