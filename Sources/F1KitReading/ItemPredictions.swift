import F1Kit

/// The gold and predicted label of every item in a prediction file, in file
/// order: the item path's result, for paired comparisons of two models.
///
/// Labels are stored as codes into `labels`, numbered in first-seen order.
public struct ItemPredictions: Hashable, Sendable {
  /// The label of each code, in first-seen order.
  public var labels: [String]
  /// The gold label code of each item.
  public var gold: [Int32]
  /// The predicted label code of each item.
  public var predicted: [Int32]
  /// The id of each item, if the file has an id column, kept as bytes.
  public var identifiers: ItemIdentifiers?

  /// The id of each item as a `String`, if the file has an id column.
  ///
  /// - Complexity: O(*n*) to get, making a `String` per item; prefer
  ///   ``identifiers`` for large files.
  public var ids: [String]? {
    get { identifiers.map(Array.init) }
    set { identifiers = newValue.map(ItemIdentifiers.init) }
  }

  /// Creates item predictions.
  ///
  /// - Parameters:
  ///   - labels: The label of each code.
  ///   - gold: The gold label code of each item.
  ///   - predicted: The predicted label code of each item.
  ///   - ids: The id of each item, if known.
  public init(labels: [String], gold: [Int32], predicted: [Int32], ids: [String]? = nil) {
    self.labels = labels
    self.gold = gold
    self.predicted = predicted
    self.identifiers = ids.map(ItemIdentifiers.init)
  }

  /// Creates item predictions with ids kept as bytes.
  ///
  /// - Parameters:
  ///   - labels: The label of each code.
  ///   - gold: The gold label code of each item.
  ///   - predicted: The predicted label code of each item.
  ///   - identifiers: The id of each item, if known.
  public init(labels: [String], gold: [Int32], predicted: [Int32], identifiers: ItemIdentifiers?) {
    self.labels = labels
    self.gold = gold
    self.predicted = predicted
    self.identifiers = identifiers
  }

  /// The number of items.
  public var count: Int { gold.count }

  /// The gold labels, one per item.
  ///
  /// - Complexity: O(*n*), where *n* is the number of items.
  public var goldLabels: [String] { gold.map { labels[Int($0)] } }

  /// The predicted labels, one per item.
  ///
  /// - Complexity: O(*n*), where *n* is the number of items.
  public var predictedLabels: [String] { predicted.map { labels[Int($0)] } }
}
