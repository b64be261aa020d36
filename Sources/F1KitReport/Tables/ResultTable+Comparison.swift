import F1Kit
import F1KitAdvice
import F1KitStatistics

extension ResultTable {
  /// The tables of a model comparison: one row per model with its metric
  /// and interval, its difference from the baseline (the first model) and
  /// the headline test's p-value against the baseline; with more than two
  /// models, a second table with every pair.
  ///
  /// Every number is the comparison engine's, so the tables agree with
  /// `f1kit compare` and the report to the last digit shown. p-values are
  /// those `compare` prints: raw for two models, adjusted over all pairs
  /// for more.
  ///
  /// - Parameters:
  ///   - comparison: The engine's comparison.
  ///   - metric: One of the compared metrics; the headline metric by
  ///     default.
  ///   - digits: Decimal places of scores and differences; 3 by default.
  /// - Returns: The tables, each with its caption and statements.
  public static func comparisonTables(
    _ comparison: ModelComparison, metric: Metric? = nil, digits: Int = 3
  ) -> [ResultTable] {
    let wording = ComparisonWording(
      comparison, metric: metric ?? comparison.options.metric, digits: digits)
    let pairs = wording.pairs
    let baseline = comparison.models[0].name
    let metricTitle = wording.metricTitle
    var header = [
      "Model", "\(metricTitle) [\(wording.confidence) CI]", "Δ [\(wording.confidence) CI]",
    ]
    if wording.test != nil { header.append(wording.pHeader) }
    var rows: [[String]] = []
    for (index, model) in comparison.models.enumerated() {
      var row = [
        model.name,
        model.interval(of: wording.metric).map { wording.valueWithInterval($0.estimate, $0) }
          ?? "—",
      ]
      if index == 0 {
        row += ["—"] + (wording.test == nil ? [] : ["—"])
      } else if let pair = pairs.first(where: { $0.first == 0 && $0.second == index }) {
        row.append(wording.valueWithInterval(pair.difference.estimate, pair.difference))
        if wording.test != nil { row.append(wording.pCell(pair)) }
      }
      rows.append(row)
    }
    let againstBaseline = pairs.filter { $0.first == 0 }
    var tables = [
      ResultTable(
        caption: wording.caption(
          subject:
            "\(wording.subjectTitle) of each model on the same \(DisplayNumber.count(comparison.itemCount)) test items",
          differences: "Δ is each model minus the baseline \(baseline)"),
        label: "f1kit-comparison", header: header, rows: rows,
        statements: comparison.models.count == 2
          ? againstBaseline.map(wording.statement) : [])
    ]
    if comparison.models.count > 2 {
      var pairHeader = ["Comparison", "Δ [\(wording.confidence) CI]"]
      if wording.test != nil { pairHeader.append(wording.pHeader) }
      let pairRows = pairs.map { pair in
        [
          "\(comparison.models[pair.second].name) − \(comparison.models[pair.first].name)",
          wording.valueWithInterval(pair.difference.estimate, pair.difference),
        ] + (wording.test == nil ? [] : [wording.pCell(pair)])
      }
      tables.append(
        ResultTable(
          caption: wording.caption(
            subject:
              "Every pair of models compared on \(wording.metricName) over the same \(DisplayNumber.count(comparison.itemCount)) test items",
            differences: "Δ is the second model minus the first"),
          label: "f1kit-pairs", header: pairHeader, rows: pairRows,
          statements: pairs.map(wording.statement)))
    }
    return tables
  }
}
