/// What a revised version (修订稿) records about itself: the versions it revises (its lineage,
/// so `planbook diff` can tell a revision from another plan), and the 修改依据 (the basis: a
/// document, a meeting, an instruction) and 提出单位 (the unit that asked for it) of the
/// revision as a whole and of single items.
public struct RevisionRecord: Sendable, Hashable, Codable {
  /// The ids of the plans this one revises, nearest first: `["guangzhou-2020-r1",
  /// "guangzhou-2020"]` for a revision of the first revision.
  public var lineage: [String]
  /// The 修改依据 of the whole revision, shown for every change that names none of its own.
  public var basis: String?
  /// The 提出单位 of the whole revision: a unit id or a name as written.
  public var proposer: String?
  /// The 修改依据 and 提出单位 of single items (a task, a target, a removal), by the item's id.
  public var notes: [Note]?

  /// The 修改依据 and 提出单位 of one item of the revision.
  public struct Note: Sendable, Hashable, Codable {
    /// The task's or target's id in the revised version (for a removal: the removed id).
    public var id: String
    public var basis: String?
    public var proposer: String?

    public init(id: String, basis: String? = nil, proposer: String? = nil) {
      self.id = id
      self.basis = basis
      self.proposer = proposer
    }
  }

  public init(
    lineage: [String], basis: String? = nil, proposer: String? = nil, notes: [Note]? = nil
  ) {
    self.lineage = lineage
    self.basis = basis
    self.proposer = proposer
    self.notes = notes
  }

  /// The 修改依据 of the item `id`: its own, else the revision's.
  public func basis(of id: String?) -> String? {
    id.flatMap { i in notes?.first { $0.id == i }?.basis } ?? basis
  }

  /// The 提出单位 of the item `id`: its own, else the revision's.
  public func proposer(of id: String?) -> String? {
    id.flatMap { i in notes?.first { $0.id == i }?.proposer } ?? proposer
  }

  /// Records `basis` and `proposer` for the item `id` (either may be nil: unchanged).
  public mutating func note(_ id: String, basis: String?, proposer: String?) {
    guard basis != nil || proposer != nil else { return }
    var all = notes ?? []
    if let i = all.firstIndex(where: { $0.id == id }) {
      if let basis { all[i].basis = basis }
      if let proposer { all[i].proposer = proposer }
    } else {
      all.append(Note(id: id, basis: basis, proposer: proposer))
    }
    notes = all
  }
}
