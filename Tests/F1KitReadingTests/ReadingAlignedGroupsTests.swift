import F1Kit
import Foundation
import Testing

@testable import F1KitReading

@Suite("Reading another file's groups in the first file's order, and comparing them")
struct ReadingAlignedGroupsTests {
  /// Items with ids and groups, in the order `order` gives.
  static func file(_ groups: [String], order: [Int]) -> String {
    "query,id,label,prediction\n"
      + order.map { "\(groups[$0]),item-\($0),\($0 % 3),\($0 % 2)\n" }.joined()
  }

  static let groups = (0..<500).map { "query-\($0 % 37)" }

  @Test("a file in another row order gives its groups in the first file's order, in one pass")
  func alignedGroups() throws {
    let order = Array((0..<500).reversed())
    let first = try PredictionFileFixture.write(
      Self.file(Self.groups, order: Array(0..<500)), name: "first.csv")
    let second = try PredictionFileFixture.write(
      Self.file(Self.groups, order: order), name: "second.csv")
    let reference = try PredictionReader(path: first).readItems()
    let reader = try PredictionReader(path: second)
    let read = try #require(reader.readItems(alignedTo: reference, groupColumn: "query"))
    #expect(read.items == reader.readItems(alignedTo: reference))
    let groups = try read.groups.get()
    #expect(groups.codes.map { groups.values[$0] } == Self.groups)
    // Codes number the second file's values in its own first-seen order.
    #expect(groups.values.first == Self.groups[499])
    let missing = try #require(reader.readItems(alignedTo: reference, groupColumn: "premise"))
    guard case .failure(let error) = missing.groups,
      case .missingColumn(.group, _, _) = error.reason
    else {
      Issue.record("expected the group column's absence, got \(missing.groups)")
      return
    }
  }

  @Test("groups agree by value whatever their codes, and the first item that differs is found")
  func firstDisagreement() {
    let first = ItemGroups(codes: [0, 0, 1, 2, 1], values: ["a", "b", "c"])
    let renumbered = ItemGroups(codes: [2, 2, 0, 1, 0], values: ["b", "c", "a"])
    #expect(first.firstDisagreement(with: renumbered) == nil)
    let moved = ItemGroups(codes: [0, 0, 1, 1, 1], values: ["a", "b"])
    #expect(first.firstDisagreement(with: moved) == 3)
    let unknown = ItemGroups(codes: [0, 0, 1, 2, 3], values: ["a", "b", "c", "d"])
    #expect(first.firstDisagreement(with: unknown) == 4)
    // The other file's items in reverse: item i is at 4 - i there.
    let reversed = ItemGroups(codes: [0, 1, 0, 2, 2], values: ["b", "c", "a"])
    #expect(first.firstDisagreement(with: reversed, positions: [4, 3, 2, 1, 0]) == nil)
    #expect(first.firstDisagreement(with: reversed) == 0)
  }

  @Test(
    "a record's group value is placed by position or by id, in CSV and JSON Lines",
    arguments: ["csv", "jsonl"])
  func groupPlace(format: String) throws {
    let text: String
    if format == "csv" {
      text = "id,label,prediction,query\nx,0,1,q1\n\ny,1,1,q2\nz,1,0,q3\n"
    } else {
      text =
        [
          #"{"id": "x", "label": 0, "prediction": 1, "query": "q1"}"#, "",
          #"{"id": "y", "label": 1, "prediction": 1, "query": "q2"}"#,
          #"{"query": "q3", "id": "z", "label": 1, "prediction": 0}"#,
        ].joined(separator: "\n") + "\n"
    }
    let path = try PredictionFileFixture.write(text, name: "places.\(format)")
    let reader = try PredictionReader(path: path)
    let unit: PredictionFileError.ColumnUnit = format == "csv" ? .field : .byte
    let second = reader.groupPlace(column: "query", of: .index(1))
    // JSON Lines has no header line.
    let line = format == "csv" ? 4 : 3
    #expect(second == .init(line: line, column: format == "csv" ? 4 : 51, unit: unit))
    let third = reader.groupPlace(column: "query", of: .id("z"))
    #expect(third == .init(line: line + 1, column: format == "csv" ? 4 : 11, unit: unit))
    #expect(reader.groupPlace(column: "query", of: .id("w")) == nil)
    #expect(reader.groupPlace(column: "query", of: .index(3)) == nil)
  }
}
