import PlanDSL
import Testing

private let file = "Tests/PlanDSLTests/OrganisationTests.swift"

/// A plan holding only `organisation`.
private func units(_ organisation: Organisation) -> [OrgUnit] {
  Plan("p", title: "计划", issuer: "gov", period: .year(2020)) { organisation }.model.units
}

@Suite struct OrganisationTests {
  @Test func nestingGivesParentsDepthFirst() {
    let top = #line + 1
    let organisation = Organisation {
      Unit("gov", "测试市人民政府", short: "市政府", kind: .government) {
        Unit("eeb", "测试市生态环境局", short: "市生态环境局", kind: .department) {
          Unit("air", "测试市生态环境局大气环境处", short: "大气处", kind: .division)
          Unit("branch", "测试市生态环境局甲区分局", short: "甲区分局", kind: .directUnit)
        }
        Unit("district", "甲区人民政府", short: "甲区", kind: .district) {
          Unit("town", "乙镇人民政府", short: "乙镇", kind: .town)
        }
      }
      Unit("msa", "测试海事局", kind: .other)
    }
    #expect(
      units(organisation) == [
        OrgUnit(
          id: "gov", name: "测试市人民政府", shortName: "市政府", kind: .government,
          location: at(file, top + 1)),
        OrgUnit(
          id: "eeb", name: "测试市生态环境局", shortName: "市生态环境局", kind: .department,
          parent: "gov", location: at(file, top + 2)),
        OrgUnit(
          id: "air", name: "测试市生态环境局大气环境处", shortName: "大气处", kind: .division,
          parent: "eeb", location: at(file, top + 3)),
        OrgUnit(
          id: "branch", name: "测试市生态环境局甲区分局", shortName: "甲区分局", kind: .directUnit,
          parent: "eeb", location: at(file, top + 4)),
        OrgUnit(
          id: "district", name: "甲区人民政府", shortName: "甲区", kind: .district, parent: "gov",
          location: at(file, top + 6)),
        OrgUnit(
          id: "town", name: "乙镇人民政府", shortName: "乙镇", kind: .town, parent: "district",
          location: at(file, top + 7)),
        OrgUnit(
          id: "msa", name: "测试海事局", shortName: "测试海事局", kind: .other,
          location: at(file, top + 10)),
      ])
  }

  @Test func shortNameDefaultsToTheFullName() {
    let list = units(Organisation { Unit("eeb", "测试市生态环境局", kind: .department) })
    #expect(list.map(\.shortName) == ["测试市生态环境局"])
    #expect(list.map(\.name) == ["测试市生态环境局"])
  }

  @Test func parentArgumentForUnitsNotNested() {
    let line = #line + 4
    let list = units(
      Organisation {
        Unit("gov", "测试市人民政府", kind: .government)
        Unit("eeb", "测试市生态环境局", kind: .department, parent: "gov")
      })
    #expect(list.map(\.parent) == [nil, "gov"])
    #expect(list[1].location == at(file, line))
  }

  @Test func parentArgumentWinsOverNesting() {
    let list = units(
      Organisation {
        Unit("gov", "测试市人民政府", kind: .government) {
          Unit("eeb", "测试市生态环境局", kind: .department) {
            Unit("air", "大气处", kind: .division, parent: "gov")
          }
        }
      })
    #expect(list.map(\.id) == ["gov", "eeb", "air"])
    #expect(list.map(\.parent) == [nil, "gov", "gov"])
  }

  @Test func childrenOfAUnitWithAnExplicitParentGetThatUnit() {
    let list = units(
      Organisation {
        Unit("gov", "测试市人民政府", kind: .government)
        Unit("eeb", "测试市生态环境局", kind: .department, parent: "gov") {
          Unit("air", "大气处", kind: .division)
        }
      })
    #expect(list.map(\.parent) == [nil, "gov", "eeb"])
  }

  @Test func everyKindLowers() {
    let kinds = OrgUnit.Kind.allCases
    let list = units(
      Organisation {
        for (i, kind) in kinds.enumerated() {
          Unit("u\(i)", "单位\(i)", kind: kind)
        }
      })
    #expect(list.map(\.kind) == kinds)
    #expect(list.map(\.id) == (0..<kinds.count).map { "u\($0)" })
  }

  @Test func ifAndForInsideAUnit() {
    let districts = ["d1", "d2", "d3"]
    let withPort = false
    let withMSA = true
    let list = units(
      Organisation {
        Unit("gov", "测试市人民政府", kind: .government) {
          for d in districts {
            Unit(d, "\(d)区人民政府", kind: .district)
          }
          if withPort {
            Unit("port", "港务局", kind: .department)
          }
        }
        if withMSA {
          Unit("msa", "海事局", kind: .other)
        }
      })
    #expect(list.map(\.id) == ["gov", "d1", "d2", "d3", "msa"])
    #expect(list.map(\.parent) == [nil, "gov", "gov", "gov", nil])
    #expect(list.map(\.name)[1...3] == ["d1区人民政府", "d2区人民政府", "d3区人民政府"])
  }
}
