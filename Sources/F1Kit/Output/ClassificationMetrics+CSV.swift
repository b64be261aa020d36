import F1KitSupport

extension ClassificationMetrics {
  /// The metrics as a tidy CSV table with columns `metric,label,value`.
  ///
  /// Headline metrics have an empty label, except the binary ones, whose
  /// label is the positive label they score; per-class rows repeat the
  /// metric names `precision`, `recall`, `f1` and `support` with the class
  /// label, so the table loads straight into a data frame. Undefined values
  /// are empty. With sample weights, `support` is the class's exact weight
  /// sum in its shortest round-trip form (`17.5`, `13.0`), as in the JSON.
  ///
  /// - Returns: RFC 4180 text with a header row and CRLF line ends.
  public func csvTable() -> String {
    csvRows().map { CSVText.record($0) }.joined()
  }

  /// The rows of ``csvTable()``, header first, as unquoted fields.
  package func csvRows() -> [[String]] {
    var rows = [["metric", "label", "value"]]
    for metric in reportedMetrics {
      let label = metric.isBinaryOnly ? positiveLabel ?? "" : ""
      rows.append([metric.rawValue, label, CSVText.number(value(of: metric))])
    }
    for row in perClass() {
      rows.append(["precision", row.label, CSVText.number(row.precision)])
      rows.append(["recall", row.label, CSVText.number(row.recall)])
      rows.append(["f1", row.label, CSVText.number(row.fScore)])
      // A weighted support is a weight sum: print it exactly, as the JSON
      // does, never rounded to a count.
      rows.append([
        "support", row.label,
        isWeighted ? CSVText.number(row.supportWeight) : String(row.support),
      ])
    }
    return rows
  }
}
