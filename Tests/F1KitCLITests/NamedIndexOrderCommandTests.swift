import Foundation
import Testing
import _TestSupport

/// Files with a named index (`df.set_index("sample_id").to_csv()`) have
/// no id column f1kit finds, so they are paired row by row; written in
/// different row orders, they are refused with the column and the two
/// ways on named, instead of pairing different items with exit 0.
@Suite("A named index in another row order")
struct NamedIndexOrderCommandTests {
  /// 60 items: gold `item % 2`.
  static let items = 0..<60

  /// Whether `model` predicts `item` right: `a` unless `item % 3 == 0`,
  /// `b` from item 4 on.
  static func isRight(_ model: String, _ item: Int) -> Bool {
    model == "a" ? item % 3 != 0 : item >= 4
  }

  /// The file of `model` with its rows in `order`, `sample_id` first.
  static func file(_ model: String, order: [Int], id: String = "sample_id") -> String {
    var text = "\(id),y_true,y_pred\n"
    for item in order {
      let gold = item % 2
      let isRight = Self.isRight(model, item)
      text += "\(item),\(gold),\(isRight ? gold : 1 - gold)\n"
    }
    return text
  }

  /// The items sorted by gold label, as `sort_values("y_true")` leaves
  /// them, and in another order within each label.
  static let sortedByGold = items.filter { $0 % 2 == 0 } + items.filter { $0 % 2 == 1 }
  static let shuffledWithinGold =
    rotated(items.filter { $0 % 2 == 0 }) + rotated(items.filter { $0 % 2 == 1 })

  /// `order` from its second item on, then its first.
  static func rotated(_ order: [Int]) -> [Int] { Array(order.dropFirst()) + order.prefix(1) }

  /// A folder with `a.csv` (sorted by gold), `b.csv` (the same items,
  /// sorted by gold in another order) and `b-same.csv` (in `a.csv`'s
  /// order).
  static func folder() -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    directory.write("a.csv", file("a", order: sortedByGold))
    directory.write("b.csv", file("b", order: shuffledWithinGold))
    directory.write("b-same.csv", file("b", order: sortedByGold))
    return directory
  }

  /// The discordant counts of the items paired by id: `a` right and `b`
  /// wrong, then the reverse.
  static var discordant: (Int, Int) {
    (
      items.count { isRight("a", $0) && !isRight("b", $0) },
      items.count { !isRight("a", $0) && isRight("b", $0) }
    )
  }

  @Test(
    "compare, gate and report refuse files whose named index is in another order, naming the column, --id-column and --no-id-column",
    arguments: [
      ["compare", "a.csv", "b.csv"],
      ["gate", "a.csv", "b.csv", "--metric", "accuracy", "--margin", "0.01"],
      ["report", "a.csv", "b.csv", "--out", "report.html"],
      ["compare", "a.csv", "b.csv", "--weight-column", "w"],
    ])
  func refusesReorderedNamedIndex(arguments: [String]) throws {
    let directory = Self.folder()
    if arguments.contains("--weight-column") {
      for name in ["a", "b"] {
        let text = try String(
          contentsOf: directory.url.appendingPathComponent("\(name).csv"), encoding: .utf8)
        let weighted = text.split(separator: "\n").enumerated().map { index, line in
          line + (index == 0 ? ",w" : ",1")
        }
        directory.write("\(name).csv", weighted.joined(separator: "\n") + "\n")
      }
    }
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError
        == "Error: b.csv: the files have no id column, so their rows would be paired by position, but the column \"sample_id\" holds the values of a.csv, each once, in another order (data row 1 has \"2\", \"0\" in a.csv): give --id-column sample_id to align the files by it, or --no-id-column to pair the rows as they are\n"
    )
  }

  @Test("compare of scores and of label sets refuses them too")
  func refusesReorderedScoresAndLabelSets() throws {
    let directory = Self.folder()
    for (name, order) in [("a", Self.sortedByGold), ("b", Self.shuffledWithinGold)] {
      var scores = "sample_id,y_true,score\n"
      var sets = "sample_id,label,prediction\n"
      for item in order {
        scores += "\(item),\(item % 2),\(Double((item * 7 + (name == "a" ? 0 : 3)) % 60) / 60)\n"
        sets += "\(item),\(item % 2 == 0 ? "x|y" : "y"),\(item % 3 == 0 ? "x" : "x|y")\n"
      }
      directory.write("\(name)-scores.csv", scores)
      directory.write("\(name)-sets.csv", sets)
    }
    for arguments in [
      [
        "compare", "a-scores.csv", "b-scores.csv", "--metric", "roc_auc", "--score-column", "score",
      ],
      ["compare", "a-sets.csv", "b-sets.csv", "--problem", "multilabel"],
    ] {
      let result = try runF1Kit(arguments, in: directory.url)
      #expect(result.status == 65, "\(result.standardError)")
      #expect(
        result.standardError.hasPrefix(
          "Error: \(arguments[2]): the files have no id column, so their rows would be paired by position, but the column \"sample_id\""
        ), "\(result.standardError)")
      let byID = try runF1Kit(arguments + ["--id-column", "sample_id"], in: directory.url)
      #expect(byID.status == 0, "\(byID.standardError)")
    }
  }

  @Test("files whose named index is in the same order are paired row by row, as before")
  func pairsSameOrder() throws {
    let directory = Self.folder()
    let result = try runF1Kit(["compare", "a.csv", "b-same.csv"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    let (onlyA, onlyB) = Self.discordant
    #expect(
      result.standardOutput.contains(
        "discordant: \(onlyA) only a.csv, \(onlyB) only b-same.csv"), "\(result.standardOutput)")
  }

  @Test("--id-column aligns the files by the named index; --no-id-column pairs their rows")
  func followsTheOptions() throws {
    let directory = Self.folder()
    let (onlyA, onlyB) = Self.discordant
    let byID = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--id-column", "sample_id"], in: directory.url)
    #expect(byID.status == 0, "\(byID.standardError)")
    #expect(
      byID.standardOutput.contains("discordant: \(onlyA) only a.csv, \(onlyB) only b.csv"),
      "\(byID.standardOutput)")
    // The same items in a.csv's order, under the same name, give the same output.
    let sameOrder = Self.folder()
    sameOrder.write("b.csv", Self.file("b", order: Self.sortedByGold))
    let paired = try runF1Kit(["compare", "a.csv", "b.csv"], in: sameOrder.url)
    #expect(byID.standardOutput == paired.standardOutput)
    let byRow = try runF1Kit(["compare", "a.csv", "b.csv", "--no-id-column"], in: directory.url)
    #expect(byRow.status == 0, "\(byRow.standardError)")
    // Row by row, item k of a.csv is paired with b.csv's next item of its label.
    let pairs = zip(Self.sortedByGold, Self.shuffledWithinGold)
    let rowDiscordant = (
      pairs.count { Self.isRight("a", $0) && !Self.isRight("b", $1) },
      pairs.count { !Self.isRight("a", $0) && Self.isRight("b", $1) }
    )
    #expect(rowDiscordant != Self.discordant)
    #expect(
      byRow.standardOutput.contains(
        "discordant: \(rowDiscordant.0) only a.csv, \(rowDiscordant.1) only b.csv"),
      "\(byRow.standardOutput)")
  }

  @Test(
    "gold labels that differ row by row name --id-column when the files share a distinct column")
  func goldMismatchNamesTheColumn() throws {
    let directory = Self.folder()
    // Items 0..<60 against 1..<61: the column is no key of both, but
    // distinct in each, and the rows' gold labels differ.
    directory.write("c.csv", Self.file("b", order: Array(1..<61)))
    directory.write("a-plain.csv", Self.file("a", order: Array(Self.items)))
    let result = try runF1Kit(["compare", "a-plain.csv", "c.csv"], in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(
      result.standardError.hasSuffix(
        "the files do not describe the same items; the files are aligned row by row, and each has a column \"sample_id\" whose values are distinct: give --id-column sample_id to align them by it\n"
      ), "\(result.standardError)")
  }

  @Test("shards that each number their rows from 0 are offered --no-id-column")
  func resetIndexShardsOfferNoIDColumn() throws {
    let directory = TemporaryDirectory()
    directory.write("shard1.csv", ",label,prediction\n0,yes,yes\n1,no,yes\n")
    directory.write("shard2.csv", ",label,prediction\n0,no,no\n1,yes,no\n")
    let result = try runF1Kit(["evaluate", "shard1.csv", "shard2.csv"], in: directory.url)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(
      result.standardError.hasPrefix(
        "Error: the shards 'shard1.csv' and 'shard2.csv' both begin with the item id \"0\""),
      "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "if they are shards whose frames each number their rows from 0 (the index pandas' to_csv() writes), give --no-id-column to read each row as an item of its own"
      ), "\(result.standardError)")
    let rows = try runF1Kit(
      ["evaluate", "shard1.csv", "shard2.csv", "--no-id-column"], in: directory.url)
    #expect(rows.status == 0, "\(rows.standardError)")
  }
}
