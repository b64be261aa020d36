import F1KitSupport
import Foundation

extension ClassificationMetrics {
  /// A classification report laid out as scikit-learn's
  /// `classification_report` lays it out, followed by the metrics it leaves
  /// out and the confusion matrix. Over more than
  /// ``ConfusionMatrix/denseClassLimit`` evaluated labels the matrix is
  /// listed as its non-empty cells, one per line, instead of a grid.
  ///
  /// - Parameter digits: Decimal places for scores.
  /// - Returns: The report, ending with a newline.
  public func textReport(digits: Int = 4) -> String {
    var report = ""
    if isWeighted {
      report +=
        "weighted: every score uses sample weights (total weight \(NumberText.shortestBare(totalWeight)) over \(itemCount) items)\n\n"
    }
    report += scikitLearnReport(digits: digits)
    report += "\n"
    report += otherMetricsReport(digits: digits)
    report += "\n"
    report += confusionMatrixReport()
    return report
  }

  /// The part scikit-learn prints (labels with control characters escaped
  /// and cut at 60 characters, so a label cannot restyle a terminal): per-class rows, then accuracy (or micro
  /// average when some labels are not evaluated), macro and weighted
  /// averages.
  func scikitLearnReport(digits: Int) -> String {
    let rows = perClass()
    let labels = rows.map { TerminalText.escaped($0.label) }
    let width = max(labels.map { $0.unicodeScalars.count }.max() ?? 0, 12, digits)
    // A weight sum can need more than the column's 9 characters
    // (33.333333333333336): the column then widens for every row.
    let supports = rows.map(supportText)
    let support =
      isWeighted
      ? NumberText.shortestBare(evaluatedSupportWeight)
      : String(rows.reduce(0) { $0 + $1.support })
    let supportWidth = max(9, support.count, supports.map(\.count).max() ?? 0)
    var report =
      pad("", width) + " "
      + ["precision", "recall", "f1-score"].map { " " + pad($0, 9) }.joined() + " "
      + pad("support", supportWidth) + "\n\n"
    for (row, (label, rowSupport)) in zip(rows, zip(labels, supports)) {
      report += scoreLine(
        label, [row.precision, row.recall, row.fScore], support: pad(rowSupport, supportWidth),
        width: width, digits: digits)
    }
    report += "\n"
    let total = pad(support, supportWidth)
    if isMicroAverageAccuracy {
      report += pad("accuracy", width) + " " + pad("", 9) + " " + pad("", 9) + " "
      report += " " + pad(Self.format(value(of: .accuracy), digits), 9)
      report += " " + pad(total, 9) + "\n"
    } else {
      report += averageLine("micro avg", .micro, support: total, width: width, digits: digits)
    }
    report += averageLine("macro avg", .macro, support: total, width: width, digits: digits)
    report += averageLine("weighted avg", .weighted, support: total, width: width, digits: digits)
    return report
  }

  /// scikit-learn shows accuracy in place of the micro average when every
  /// label that occurs is evaluated, because the two are then equal.
  var isMicroAverageAccuracy: Bool {
    scope.evaluatedClassCount == scope.classCount
  }

  private func supportText(_ row: ClassScores) -> String {
    isWeighted ? NumberText.shortestBare(row.supportWeight) : String(row.support)
  }

  private func averageLine(
    _ heading: String, _ average: Average, support: String, width: Int, digits: Int
  ) -> String {
    let scores = [Score.precision, .recall, .fScore(beta: 1)].map { averaged($0, by: average) }
    return scoreLine(heading, scores, support: support, width: width, digits: digits)
  }

  private func scoreLine(
    _ heading: String, _ scores: [Double], support: String, width: Int, digits: Int
  ) -> String {
    pad(heading, width) + " " + scores.map { " " + pad(Self.format($0, digits), 9) }.joined()
      + " " + pad(support, 9) + "\n"
  }

  private func otherMetricsReport(digits: Int) -> String {
    var lines: [(String, Double)] = []
    if let positiveLabel = positiveLabel.map({ TerminalText.escaped($0) }) {
      lines.append(("binary precision (\(positiveLabel))", value(of: .binaryPrecision)))
      lines.append(("binary recall (\(positiveLabel))", value(of: .binaryRecall)))
      lines.append(("binary f1 (\(positiveLabel))", value(of: .binaryF1)))
    }
    if let beta {
      let shown = beta == beta.rounded() && beta < 1e15 ? String(Int(beta)) : "\(beta)"
      let parameter = "(beta=\(shown))"
      if let positiveLabel {
        lines.append(("binary f-beta \(parameter) (\(positiveLabel))", value(of: .binaryFBeta)))
      }
      lines += [
        ("micro f-beta \(parameter)", value(of: .microFBeta)),
        ("macro f-beta \(parameter)", value(of: .macroFBeta)),
        ("weighted f-beta \(parameter)", value(of: .weightedFBeta)),
      ]
    }
    lines += [
      ("micro f1", value(of: .microF1)),
      ("balanced accuracy", value(of: .balancedAccuracy)),
      ("matthews corrcoef", value(of: .matthewsCorrelation)),
      ("cohen kappa", value(of: .cohenKappa)),
    ]
    let width = lines.map { $0.0.unicodeScalars.count }.max() ?? 0
    return lines.map { name, value in
      name + String(repeating: " ", count: width - name.unicodeScalars.count) + "  "
        + Self.format(value, digits) + "\n"
    }.joined()
  }

  private func confusionMatrixReport() -> String {
    let matrix = evaluatedConfusionMatrix
    if evaluatedCells == nil && matrix.isSparse { return confusionCellsReport(matrix) }
    let names = matrix.labels.map { TerminalText.escaped($0) }
    let cells =
      evaluatedCells.map { $0.map { $0.map(NumberText.shortestBare) } }
      ?? matrix.rows.map { $0.map(String.init) }
    let rowWidth = max(names.map { $0.unicodeScalars.count }.max() ?? 0, "gold \\ predicted".count)
    let columnWidths = names.indices.map { column in
      max(names[column].unicodeScalars.count, cells.map { $0[column].count }.max() ?? 1)
    }
    var report =
      "confusion matrix (rows: gold, columns: predicted\(isWeighted ? "; weight sums" : ""))\n"
    report += leftPad("gold \\ predicted", rowWidth)
    for (name, width) in zip(names, columnWidths) { report += "  " + pad(name, width) }
    report += "\n"
    for (name, row) in zip(names, cells) {
      report += pad(name, rowWidth)
      for (cell, width) in zip(row, columnWidths) { report += "  " + pad(cell, width) }
      report += "\n"
    }
    return report
  }

  /// The non-empty cells of a matrix too large for a grid, as
  /// `gold  predicted  count` lines.
  private func confusionCellsReport(_ matrix: ConfusionMatrix) -> String {
    let cells = matrix.nonEmptyCells
    let names = matrix.labels.map { TerminalText.escaped($0) }
    let goldWidth = max(cells.map { names[$0.gold].unicodeScalars.count }.max() ?? 0, 4)
    let predictedWidth = max(cells.map { names[$0.predicted].unicodeScalars.count }.max() ?? 0, 9)
    var report =
      "confusion matrix: \(cells.count) non-empty cells of \(names.count) × \(names.count)\n"
    report += leftPad("gold", goldWidth) + "  " + leftPad("predicted", predictedWidth) + "  count\n"
    for cell in cells {
      report += leftPad(names[cell.gold], goldWidth) + "  "
      report += leftPad(names[cell.predicted], predictedWidth) + "  " + String(cell.count) + "\n"
    }
    return report
  }

  static func format(_ value: Double, _ digits: Int) -> String {
    NumberText.fixed(value, digits: digits)
  }
}

/// Right-aligns text in a field of `width` code points, as Python's
/// `{:>width}` does.
func pad(_ text: String, _ width: Int) -> String {
  let length = text.unicodeScalars.count
  return length >= width ? text : String(repeating: " ", count: width - length) + text
}

/// Left-aligns text in a field of `width` code points.
func leftPad(_ text: String, _ width: Int) -> String {
  let length = text.unicodeScalars.count
  return length >= width ? text : text + String(repeating: " ", count: width - length)
}
