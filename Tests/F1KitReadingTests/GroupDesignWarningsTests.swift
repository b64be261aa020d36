import Testing

@testable import F1KitReading

@Suite("Warnings about group columns that are probably not groups")
struct GroupDesignWarningsTests {
  /// Groups of the given values, one code per item in first-seen order.
  static func groups(_ items: [String]) -> ItemGroups {
    var values: [String] = []
    let codes = items.map { item in
      if let code = values.firstIndex(of: item) { return code }
      values.append(item)
      return values.count - 1
    }
    return ItemGroups(codes: codes, values: values)
  }

  @Test("a group column of item ids, one item in every group, is warned about")
  func oneItemPerGroup() {
    let groups = Self.groups((1...40).map { "pair-\($0)" })
    let warnings = groups.designWarnings(column: "id", file: "a.csv")
    #expect(warnings.count == 1)
    #expect(
      warnings.first?.hasPrefix(
        "every one of the 40 groups of --group-column \"id\" in a.csv holds one item, so resampling groups is resampling items"
      ) == true, "\(warnings)")
  }

  @Test("a group column of measured values such as a similarity is warned about")
  func fractionalNumbers() {
    let groups = Self.groups(["2.500", "3.600", "5.000", "2.500", "0.800", "3.600"])
    let warnings = groups.designWarnings(column: "similarity", file: "a.csv")
    #expect(warnings.count == 1)
    #expect(
      warnings.first?.hasPrefix(
        "the groups of --group-column \"similarity\" in a.csv are numbers with fractional parts (\"2.500\", \"3.600\", …)"
      ) == true, "\(warnings)")
  }

  @Test(
    "groups of several items named by ids, integers or integers written as floats are not warned about",
    arguments: [
      ["q1", "q1", "q2", "q2", "q3", "q3"],
      ["1", "1", "2", "2", "3", "3"],
      ["1.0", "1.0", "2.0", "2.0", "3.0", "3.0"],
      ["nan-free", "inf", "inf", "nan-free", "x1.5", "x1.5"],
      ["1.5", "1.5", "two", "two", "3", "3"],
    ])
  func realGroups(items: [String]) {
    #expect(Self.groups(items).designWarnings(column: "query", file: "a.csv").isEmpty)
  }
}
