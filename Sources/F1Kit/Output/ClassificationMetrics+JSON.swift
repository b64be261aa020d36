extension ClassificationMetrics {
  /// The metrics as F1Kit's stable JSON document.
  ///
  /// Keys, in order: `n`, `problem`, `labels`, `positive_label` (binary
  /// only), `metrics`, `per_class` (in `labels` order) and
  /// `confusion_matrix` (gold rows, predicted columns, over `labels`). Over
  /// more than ``ConfusionMatrix/denseClassLimit`` labels the full matrix
  /// would be mostly zeros, so `confusion_matrix_cells` replaces it: the
  /// non-empty cells as `{"gold", "predicted", "count"}` objects, by gold
  /// then predicted label order.
  /// Class names appear only as values, so a class called `accuracy` cannot
  /// collide with a key. An undefined value is `null`.
  ///
  /// - Returns: The document; callers may append members such as intervals.
  public func jsonDocument() -> [(key: String, value: JSONValue)] {
    var document: [(key: String, value: JSONValue)] = [
      ("n", .integer(itemCount)),
      ("problem", .string(problem.rawValue)),
      ("labels", .array(labels.map(JSONValue.string))),
    ]
    if let positiveLabel { document.append(("positive_label", .string(positiveLabel))) }
    document.append(
      ("metrics", .object(reportedMetrics.map { ($0.rawValue, .number(value(of: $0))) })))
    document.append(
      (
        "per_class",
        .array(
          perClass().map { row in
            .object([
              ("label", .string(row.label)), ("precision", .number(row.precision)),
              ("recall", .number(row.recall)), ("f1", .number(row.fScore)),
              ("support", .integer(row.support)),
            ])
          })
      ))
    let matrix = evaluatedConfusionMatrix
    if matrix.isSparse {
      let cells = matrix.nonEmptyCells.map { cell in
        JSONValue.object([
          ("gold", .string(matrix.labels[cell.gold])),
          ("predicted", .string(matrix.labels[cell.predicted])), ("count", .integer(cell.count)),
        ])
      }
      document.append(("confusion_matrix_cells", .array(cells)))
    } else {
      document.append(
        ("confusion_matrix", .array(matrix.rows.map { .array($0.map(JSONValue.integer)) })))
    }
    return document
  }
}
