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
  /// Whether every label is a number, compared by value and spelled one way
  /// (`1.0` and `1e0` read as `1`); see ``normalizedLabel(_:)``.
  public var hasNumericLabels: Bool = false
  /// What the reader noticed that does not stop it, such as a threshold
  /// outside the scores read: one line each, naming the file.
  public var warnings: [String] = []

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
  ///   - hasNumericLabels: Whether every label is a number spelled one way.
  public init(
    labels: [String], gold: [Int32], predicted: [Int32], identifiers: ItemIdentifiers?,
    hasNumericLabels: Bool = false
  ) {
    self.labels = labels
    self.gold = gold
    self.predicted = predicted
    self.identifiers = identifiers
    self.hasNumericLabels = hasNumericLabels
  }

  /// A label named by a caller (in `--labels` or `--positive`), spelled as
  /// these labels are: with numeric labels, `1.0` and `1e0` become `1`;
  /// otherwise the label unchanged.
  ///
  /// - Parameter label: A label as the caller wrote it.
  /// - Returns: The label as it appears in ``labels``.
  public func normalizedLabel(_ label: String) -> String {
    LabelResolution.normalized(label, isNumeric: hasNumericLabels)
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
