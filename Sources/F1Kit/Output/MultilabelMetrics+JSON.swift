import F1KitSupport

extension MultilabelMetrics {
  /// The metrics as F1Kit's stable JSON document.
  ///
  /// Keys, in order: `n`, `weighted` and `total_weight` (weighted items
  /// only), `problem` (`"multilabel"`), `labels`, `beta` (when F-beta
  /// metrics are reported), `metrics` (the multiclass keys plus
  /// `samples_*`, `subset_accuracy`, `hamming_loss` and `jaccard_*`),
  /// `per_class` (precision, recall, F1, Jaccard and support of each label,
  /// in `labels` order) and `label_confusion` (one `[[tn, fp], [fn, tp]]`
  /// per label, as scikit-learn's `multilabel_confusion_matrix`; weight
  /// sums, unrounded, for weighted items). An undefined value is `null`.
  ///
  /// - Returns: The document.
  public func jsonDocument() -> [(key: String, value: JSONValue)] {
    var document: [(key: String, value: JSONValue)] = [("n", .integer(itemCount))]
    if isWeighted {
      document.append(("weighted", .bool(true)))
      document.append(("total_weight", .number(tallies.totalWeight)))
    }
    document += [
      ("problem", .string("multilabel")),
      ("labels", .array(labels.map(JSONValue.string))),
    ]
    if let beta { document.append(("beta", .number(beta))) }
    document.append(
      ("metrics", .object(reportedMetrics.map { ($0.rawValue, .number(value(of: $0))) })))
    let count: (Double) -> JSONValue = { [isWeighted] in
      isWeighted ? .number($0) : .integer(Int($0.rounded()))
    }
    document.append(
      (
        "per_class",
        .array(
          perLabel().map { row in
            .object([
              ("label", .string(row.label)), ("precision", .number(row.precision)),
              ("recall", .number(row.recall)), ("f1", .number(row.fScore)),
              ("jaccard", .number(row.jaccard)), ("support", count(row.support)),
            ])
          })
      ))
    document.append(
      (
        "label_confusion",
        .array(labelConfusion().map { .array($0.map { .array($0.map(count)) }) })
      ))
    return document
  }

  /// The metrics as a tidy CSV table with columns `metric,label,value`:
  /// headline metrics with an empty label, then per-label `precision`,
  /// `recall`, `f1`, `jaccard` and `support` rows.
  ///
  /// - Returns: RFC 4180 text with a header row and CRLF line ends.
  public func csvTable() -> String {
    csvRows().map { CSVText.record($0) }.joined()
  }

  /// The rows of ``csvTable()``, header first, as unquoted fields.
  package func csvRows() -> [[String]] {
    var rows = [["metric", "label", "value"]]
    for metric in reportedMetrics {
      rows.append([metric.rawValue, "", CSVText.number(value(of: metric))])
    }
    for row in perLabel() {
      rows.append(["precision", row.label, CSVText.number(row.precision)])
      rows.append(["recall", row.label, CSVText.number(row.recall)])
      rows.append(["f1", row.label, CSVText.number(row.fScore)])
      rows.append(["jaccard", row.label, CSVText.number(row.jaccard)])
      rows.append(["support", row.label, CSVText.number(row.support)])
    }
    return rows
  }
}
