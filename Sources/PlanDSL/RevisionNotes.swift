import PlanModel

extension Revision {
  /// The 修改依据 of the whole revision (a document, a meeting, an instruction): shown in the
  /// 修订对照表 for every change that names none of its own.
  public var basis: String? {
    get { plan.revision?.basis }
    set { record { $0.basis = newValue } }
  }

  /// The 提出单位 of the whole revision: a unit id of the plan, or a name as written.
  public var proposer: String? {
    get { plan.revision?.proposer }
    set { record { $0.proposer = newValue } }
  }

  /// Records the 修改依据 and 提出单位 of one changed item — a task or target by its id in the
  /// revision, a removal by the removed id — which win over the revision's own.
  ///
  /// ```swift
  /// $0.note("pm25", basis: "省生态环境厅2020年空气质量目标通知", proposer: "gz-eeb-air")
  /// ```
  public mutating func note(_ id: String, basis: String? = nil, proposer: String? = nil) {
    record { $0.note(id, basis: basis, proposer: proposer) }
  }

  private mutating func record(_ edit: (inout RevisionRecord) -> Void) {
    var r = plan.revision ?? RevisionRecord(lineage: [])
    edit(&r)
    plan.revision = r
  }
}
