import F1Kit
import Foundation
import Testing

@testable import F1KitReading

@Suite("Reading a group column with the byte-level reader")
struct ReadingGroupsTests {
  /// A file of `count` records whose group values repeat, with quoted,
  /// non-ASCII and blank (a space) values, long values (past the
  /// interner's sixteen inline bytes) and blank lines, in the given format.
  static func text(format: String, count: Int) -> String {
    let values = ["q1", "q\"2", "q,3", "é", String(repeating: "long-query-", count: 3), " ", "7"]
    var lines: [String] = []
    switch format {
    case "jsonl":
      for item in 0..<count {
        let value = values[(item * 7 + item / 3) % values.count]
        let escaped = value.replacingOccurrences(of: "\"", with: "\\\"")
        lines.append(
          "{\"label\": \"\(item % 3)\", \"prediction\": \"\(item % 2)\", \"query\": \"\(escaped)\"}"
        )
        if item % 50 == 0 { lines.append("") }
      }
    case "tsv":
      lines.append("label\tquery\tprediction")
      for item in 0..<count {
        let value = values[(item * 7 + item / 3) % values.count]
          .replacingOccurrences(of: "\"", with: "'")
        lines.append("\(item % 3)\t\(value)\t\(item % 2)")
      }
    default:
      lines.append("label,query,prediction")
      for item in 0..<count {
        let value = values[(item * 7 + item / 3) % values.count]
        let field =
          value.contains(",") || value.contains("\"")
          ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        lines.append("\(item % 3),\(field),\(item % 2)")
        if item % 50 == 0 { lines.append("") }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test(
    "gives the same groups as the String-based pass, in one pass or in halves, any chunk size",
    arguments: ["csv", "tsv", "jsonl"], [7, 64, 1 << 20])
  func matchesStringPass(format: String, chunkSize: Int) throws {
    let path = try PredictionFileFixture.write(
      Self.text(format: format, count: 3_000), name: "groups.\(format)")
    let expected = try ItemGroups(contentsOf: path, column: "query")
    #expect(expected.count == 7)
    for minimum in [Int.max, 0] {
      var options = PredictionFileOptions(chunkSize: chunkSize)
      options.minimumParallelByteCount = minimum
      let reader = try PredictionReader(path: path, options: options)
      let groups = try reader.readGroups(column: "query")
      #expect(groups == expected)
      #expect(groups.codes.count == (try reader.readItems()).count)
    }
  }

  /// `compare FILE --pred-columns a,b --group-column g` read the groups in
  /// a pass of their own that held the whole file as a `String` and its
  /// records (215 MB and 4.3 s for a 13 MB file of a million rows, against
  /// 54 MB and 0.3 s without groups); the first column's pass now reads
  /// them beside its labels.
  @Test(
    "joint counts of several columns group each row as the String pass does, in one pass or in halves",
    arguments: ["csv", "tsv", "jsonl"], [64, 1 << 20])
  func jointCountsGroupRows(format: String, chunkSize: Int) throws {
    let single = Self.text(format: format, count: 3_000)
    // A second model, whose prediction is 1 on every fifth line.
    var lines: [String] = []
    for (index, line) in single.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let second = index % 5 == 0 ? 1 : 0
      if line.isEmpty {
        lines.append("")
      } else if format == "jsonl" {
        lines.append(String(line.dropLast()) + ", \"second\": \"\(second)\"}")
      } else if index == 0 {
        lines.append(line + (format == "tsv" ? "\tsecond" : ",second"))
      } else {
        lines.append(line + (format == "tsv" ? "\t" : ",") + "\(second)")
      }
    }
    let path = try PredictionFileFixture.write(
      lines.joined(separator: "\n"), name: "joint-groups.\(format)")
    let expected = try ItemGroups(contentsOf: path, column: "query")
    let items = try PredictionReader(path: path).readItems()
    var options = PredictionFileOptions(chunkSize: chunkSize)
    for minimum in [Int.max, 0] {
      options.minimumParallelByteCount = minimum
      let counts = try PredictionReader(path: path, options: options).readJointCounts(
        predictionColumns: ["prediction", "second"], groupColumn: "query")
      #expect(counts.itemCount == items.count)
      // Every item's group, gold label and first prediction, counted.
      var byGroup: [String: Int] = [:]
      for (item, group) in expected.codes.enumerated() {
        let key = "\(expected.values[group])|\(items.gold[item])|\(items.predicted[item])"
        byGroup[key, default: 0] += 1
      }
      var counted: [String: Int] = [:]
      for cell in counts.cells {
        let key =
          "\(counts.groups[cell.group])|\(counts.labels[cell.gold])|\(counts.labels[cell.predictions[0]])"
        counted[key, default: 0] += cell.count
      }
      let labelled = Dictionary(
        uniqueKeysWithValues: byGroup.map { key, count in
          let parts = key.split(separator: "|", omittingEmptySubsequences: false)
          let gold = items.labels[Int(parts[1])!]
          let predicted = items.labels[Int(parts[2])!]
          return ("\(parts[0])|\(gold)|\(predicted)", count)
        })
      #expect(counted == labelled)
    }
  }

  @Test("a missing group column names the group role and the columns found")
  func missingColumn() throws {
    let path = try PredictionFileFixture.write("label,prediction\n0,1\n")
    #expect {
      try PredictionReader(path: path).readGroups(column: "query")
    } throws: { error in
      guard let error = error as? PredictionFileError,
        case .missingColumn(role: .group, let accepted, let found) = error.reason
      else { return false }
      return accepted == ["query"] && found == ["label", "prediction"]
    }
  }

  @Test("a group value that is not UTF-8 is refused with its line")
  func invalidUTF8() throws {
    let bytes = Array("label,prediction,query\n0,1,a\n1,1,".utf8) + [0xFF, 0xFE] + [0x0A]
    let path = try PredictionFileFixture.write(bytes: bytes)
    #expect {
      try PredictionReader(path: path).readGroups(column: "query")
    } throws: { error in
      guard let error = error as? PredictionFileError, case .invalidUTF8 = error.reason else {
        return false
      }
      return error.location?.line == 3
    }
  }

  /// A file of `count` records with the group value of record `empty`
  /// (0-based) missing, as pandas writes NaN: an empty field, or `null` in
  /// JSON Lines; and the line it is on.
  static func missingGroup(format: String, count: Int, empty: Int) -> (text: String, line: Int) {
    var lines: [String] = []
    var line = 0
    for item in 0..<count {
      let value = "q\(item / 4)"
      switch format {
      case "jsonl":
        let group = item == empty ? "null" : "\"\(value)\""
        lines.append(
          "{\"label\": \"\(item % 3)\", \"prediction\": \"\(item % 2)\", \"query\": \(group)}")
      case "tsv":
        if item == 0 { lines.append("label\tprediction\tquery") }
        lines.append("\(item % 3)\t\(item % 2)\t\(item == empty ? "" : value)")
      case "quoted":
        if item == 0 { lines.append("label,prediction,query") }
        lines.append("\(item % 3),\(item % 2),\(item == empty ? "\"\"" : value)")
      default:
        if item == 0 { lines.append("label,query,prediction") }
        lines.append("\(item % 3),\(item == empty ? "" : value),\(item % 2)")
      }
      if item == empty { line = lines.count }
    }
    return (lines.joined(separator: "\n") + "\n", line)
  }

  @Test(
    "a missing group value is refused at its line and column, in one pass, in two or in halves, not made a group",
    arguments: ["csv", "quoted", "tsv", "jsonl"], [64, 1 << 20])
  func missingValue(format: String, chunkSize: Int) throws {
    let file = Self.missingGroup(format: format, count: 3_000, empty: 2_222)
    let path = try PredictionFileFixture.write(
      file.text, name: "groups.\(format == "quoted" ? "csv" : format)")
    let column = format == "csv" ? 2 : format == "jsonl" ? 44 : 3
    func isMissingGroup(_ error: PredictionFileError) -> Bool {
      error.reason == .emptyGroup(column: "query") && error.location?.line == file.line
        && error.location?.column == column
    }
    for minimum in [Int.max, 0] {
      var options = PredictionFileOptions(chunkSize: chunkSize)
      options.minimumParallelByteCount = minimum
      let reader = try PredictionReader(path: path, options: options)
      #expect {
        try reader.readGroups(column: "query")
      } throws: { error in
        isMissingGroup(try #require(error as? PredictionFileError))
      }
      let read = try reader.readItems(groupColumn: "query")
      #expect(read.items == (try reader.readItems()))
      #expect(throws: PredictionFileError.self) { try read.groups.get() }
      if case .failure(let error) = read.groups { #expect(isMissingGroup(error), "\(error)") }
    }
    #expect {
      try ItemGroups(contentsOf: path, column: "query")
    } throws: { error in
      guard let error = error as? PredictionFileError else { return false }
      return error.reason == .emptyGroup(column: "query") && error.location?.line == file.line
    }
    let message = PredictionFileError(
      path: "a.csv", location: .init(line: 3, column: 2, unit: .field),
      reason: .emptyGroup(column: "query")
    ).description
    #expect(
      message.hasPrefix("a.csv:3:2: expected a group in field 2 (\"query\"), found a missing value")
    )
    #expect(message.contains("fill in the missing groups"))
  }

  @Test("standard input is refused: it was read for the predictions already")
  func standardInput() throws {
    #expect(throws: PredictionFileError.self) {
      try PredictionReader(path: "-").readGroups(column: "query")
    }
  }
}
