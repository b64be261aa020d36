import F1Kit

/// Where a file's labels come from, named for messages: the gold column and
/// the prediction's source.
struct LabelColumns {
  /// The gold column's name.
  var gold = ""
  /// The prediction column's name, or the score columns' names.
  var prediction: [String] = []
  /// Whether the prediction is the argmax of a score array.
  var isScoreArray = false
  /// Whether the prediction comes from per-class score columns.
  var isScoreColumns = false
  /// The count column found by name (no option named it), or `nil`.
  var detectedCount: String?
  /// The count column, found by name or named by an option, or `nil`.
  var count: String?

  init() {}

  init(header: [String], layout: ColumnLayout) {
    gold = header[layout.gold]
    switch layout.source {
    case .label(let index), .threshold(let index):
      prediction = [header[index]]
    case .scoreArray(let index):
      prediction = [header[index]]
      isScoreArray = true
    case .scoreColumns(let indices):
      prediction = indices.map { header[$0] }
      isScoreColumns = true
    }
    count = layout.count.map { header[$0] }
    if layout.countIsDetected { detectedCount = count }
  }
}
