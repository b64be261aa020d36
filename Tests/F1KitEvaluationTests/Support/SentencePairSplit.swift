import F1Kit
import F1KitSupport
import Foundation
import _TestSupport

@testable import F1KitEvaluation

/// One split of the STS-B fixtures: sentence pairs with binary labels and
/// the human similarity they were derived from.
struct SentencePairSplit: Sendable {
  let identifiers: [String]
  let pairs: [SentencePair]
  let labels: [Int]
  let similarities: [Double]

  /// Gold classes for a three-class task from the similarity:
  /// 0 below 2, 1 from 2 to below 3.5, 2 from 3.5.
  var similarityBands: [Int] { similarities.map { $0 < 2 ? 0 : $0 < 3.5 ? 1 : 2 } }

  /// Reads `fixtures/stsb/<split>.csv`.
  static func load(_ split: String) throws -> SentencePairSplit {
    let text = try String(contentsOf: Fixtures.url("stsb/\(split).csv"), encoding: .utf8)
    var records = try CSVText.records(in: text)
    let header = records.removeFirst()
    let column = { (name: String) in header.firstIndex(of: name)! }
    let (id, first, second) = (column("id"), column("sentence1"), column("sentence2"))
    let (similarity, label) = (column("similarity"), column("label"))
    return SentencePairSplit(
      identifiers: records.map { $0[id] },
      pairs: records.map { SentencePair($0[first], $0[second]) },
      labels: records.map { Int($0[label])! },
      similarities: records.map { Double($0[similarity])! })
  }

  /// The development split, read once.
  static let development = try! load("dev")
  /// The test split, read once.
  static let test = try! load("test")
}
