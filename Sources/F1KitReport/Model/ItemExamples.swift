import F1KitReading
import Foundation

/// A few test items shown with their text: items a model gets wrong, and
/// items on which models disagree.
///
/// The builder picks the items from the predictions alone (a fixed,
/// seeded spread over the test set, so the same inputs pick the same
/// items); their text is then read from the first file with
/// `ItemTextReader` and attached with
/// ``ReportModel/attachingTexts(_:)``. Items stay out of the page until
/// they have text.
public struct ItemExamples: Hashable, Sendable {
  /// What the items have in common.
  public enum Kind: String, Hashable, Sendable {
    /// Every model predicts a label other than the gold label.
    case misclassified
    /// The models predict different labels.
    case disagreement
  }

  /// One item.
  public struct Item: Hashable, Sendable {
    /// The item's position in the first file, from 0 (header and blank
    /// lines not counted).
    public var row: Int
    /// The item's id, when the files have ids.
    public var id: String?
    /// The gold label.
    public var gold: String
    /// Each model's predicted label, in model order.
    public var predictions: [String]
    /// The item's text columns, once read; empty before.
    public var texts: [ItemTextReader.Field]
  }

  /// What the items have in common.
  public var kind: Kind
  /// The items, in file order.
  public var items: [Item]

  /// The most items of each kind a report shows.
  public static let itemLimit = 5

  /// Picks up to `limit` items that match `isMatch`, spread over the test
  /// set in a fixed pseudo-random order drawn from `seed`, then sorted by
  /// position.
  ///
  /// - Complexity: O(*n* · `limit`) for *n* items.
  static func pick(
    count: Int, limit: Int = itemLimit, seed: UInt64, where isMatch: (Int) -> Bool
  ) -> [Int] {
    var chosen: [(key: UInt64, row: Int)] = []
    for row in 0..<count where isMatch(row) {
      let key = mix(UInt64(row) &+ seed &* 0x9E37_79B9_7F4A_7C15)
      if chosen.count < limit {
        chosen.append((key, row))
        chosen.sort { $0.key < $1.key }
      } else if key < chosen[limit - 1].key {
        chosen[limit - 1] = (key, row)
        chosen.sort { $0.key < $1.key }
      }
    }
    return chosen.map(\.row).sorted()
  }

  /// SplitMix64's finalizer: a well-spread hash of a number.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension ReportModel {
  /// The rows whose text the examples need, in the first file.
  public var exampleRows: Set<Int> {
    Set(examples.flatMap { $0.items.map(\.row) })
  }

  /// The report with the examples' text attached; items without text are
  /// dropped. When a row's gold label as read with its text is not the
  /// item's gold label, the rows do not line up with the items, and no
  /// example is kept.
  ///
  /// - Parameter texts: Each row's text, from `ItemTextReader`.
  /// - Returns: The report with text on its examples.
  public func attachingTexts(_ texts: [Int: ItemTextReader.Row]) -> ReportModel {
    var result = self
    let isConsistent = examples.allSatisfy { group in
      group.items.allSatisfy { item in
        guard let gold = texts[item.row]?.gold else { return true }
        return Self.sameLabel(gold, item.gold)
      }
    }
    result.examples = []
    guard isConsistent else { return result }
    for var group in examples {
      group.items = group.items.compactMap { item in
        guard let row = texts[item.row], !row.fields.isEmpty else { return nil }
        var item = item
        item.texts = row.fields
        return item
      }
      if !group.items.isEmpty { result.examples.append(group) }
    }
    return result
  }

  /// Whether a label as written in the file is the label the scores use:
  /// the same text, or the same number (`1` and `1.0`).
  static func sameLabel(_ written: String, _ label: String) -> Bool {
    let trimmed = written.trimmingCharacters(in: .whitespaces)
    if trimmed == label { return true }
    if let first = Double(trimmed), let second = Double(label) { return first == second }
    return false
  }
}
