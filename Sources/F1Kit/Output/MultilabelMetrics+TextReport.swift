import F1KitSupport
import Foundation

extension MultilabelMetrics {
  /// A classification report laid out as scikit-learn's
  /// `classification_report` lays one out for indicator matrices (per-label
  /// rows, then micro, macro, weighted and samples averages), followed by
  /// subset accuracy, Hamming loss, the Jaccard indices and each label's
  /// confusion counts.
  ///
  /// - Parameter digits: Decimal places for scores.
  /// - Returns: The report, ending with a newline.
  public func textReport(digits: Int = 4) -> String {
    var report = ""
    if isWeighted {
      report +=
        "weighted: every score uses sample weights (total weight \(NumberText.shortestBare(tallies.totalWeight)) over \(itemCount) items)\n\n"
    }
    let rows = perLabel()
    let labels = rows.map { TerminalText.escaped($0.label) }
    let width = max(labels.map { $0.unicodeScalars.count }.max() ?? 0, 12, digits)
    // A weight sum can need more than the column's 9 characters: the
    // column then widens for every row.
    let support = count(supportWeight)
    let supportWidth = max(9, support.count, rows.map { count($0.support).count }.max() ?? 0)
    report +=
      pad("", width) + " "
      + ["precision", "recall", "f1-score"].map { " " + pad($0, 9) }.joined() + " "
      + pad("support", supportWidth) + "\n\n"
    for (row, label) in zip(rows, labels) {
      report += line(
        label, [row.precision, row.recall, row.fScore],
        support: pad(count(row.support), supportWidth),
        width: width, digits: digits)
    }
    report += "\n"
    let averages: [(String, [MultilabelMetric])] = [
      ("micro avg", [.microPrecision, .microRecall, .microF1]),
      ("macro avg", [.macroPrecision, .macroRecall, .macroF1]),
      ("weighted avg", [.weightedPrecision, .weightedRecall, .weightedF1]),
      ("samples avg", [.samplesPrecision, .samplesRecall, .samplesF1]),
    ]
    for (heading, metrics) in averages {
      report += line(
        heading, metrics.map(value(of:)), support: pad(support, supportWidth), width: width,
        digits: digits)
    }
    report += "\n"
    var lines: [(String, Double)] = [
      ("subset accuracy", value(of: .subsetAccuracy)),
      ("hamming loss", value(of: .hammingLoss)),
      ("jaccard (samples)", value(of: .jaccardSamples)),
      ("jaccard (micro)", value(of: .jaccardMicro)),
      ("jaccard (macro)", value(of: .jaccardMacro)),
      ("jaccard (weighted)", value(of: .jaccardWeighted)),
    ]
    if let beta {
      let shown = beta == beta.rounded() && beta < 1e15 ? String(Int(beta)) : "\(beta)"
      for metric in reportedMetrics where metric.isFBeta {
        lines.append(("\(metric.displayName.lowercased()) (beta=\(shown))", value(of: metric)))
      }
    }
    let nameWidth = lines.map { $0.0.unicodeScalars.count }.max() ?? 0
    for (name, number) in lines {
      report +=
        leftPad(name, nameWidth) + "  " + ClassificationMetrics.format(number, digits) + "\n"
    }
    report += "\n" + confusionReport()
    return report
  }

  private func line(
    _ heading: String, _ scores: [Double], support: String, width: Int, digits: Int
  ) -> String {
    pad(heading, width) + " "
      + scores.map { " " + pad(ClassificationMetrics.format($0, digits), 9) }.joined() + " "
      + pad(support, 9) + "\n"
  }

  private func count(_ value: Double) -> String {
    isWeighted ? NumberText.shortestBare(value) : String(Int(value.rounded()))
  }

  private func confusionReport() -> String {
    let names = labels.map { TerminalText.escaped($0) }
    let cells = labelConfusion().map { matrix in
      [matrix[0][0], matrix[0][1], matrix[1][0], matrix[1][1]].map(count)
    }
    let nameWidth = max(names.map { $0.unicodeScalars.count }.max() ?? 0, "label".count)
    let headings = ["tn", "fp", "fn", "tp"]
    let widths = headings.indices.map { column in
      max(2, cells.map { $0[column].count }.max() ?? 1)
    }
    var report =
      "label confusion (multilabel_confusion_matrix\(isWeighted ? "; weight sums" : ""))\n"
    report += leftPad("label", nameWidth)
    for (heading, width) in zip(headings, widths) { report += "  " + pad(heading, width) }
    report += "\n"
    for (name, row) in zip(names, cells) {
      report += leftPad(name, nameWidth)
      for (cell, width) in zip(row, widths) { report += "  " + pad(cell, width) }
      report += "\n"
    }
    return report
  }
}
