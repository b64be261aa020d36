import F1Kit
import F1KitAdvice

/// One model's F1, precision and recall against the cut-off applied to its
/// score, with the cut-off used and the best cut-off marked.
struct ThresholdChart: ResponsiveChart {
  /// A marked cut-off.
  struct Mark {
    var threshold: Double
    var label: String
    var isDashed: Bool
  }

  var id: String
  let name: String
  let sweep: ThresholdSweep
  let marks: [Mark]

  /// The width of the view box.
  var width = 560.0

  /// The metrics drawn, with their colours and dashes.
  static let series: [(metric: Metric, name: String, color: String, dash: String?)] = [
    (.binaryF1, "F1", ChartColor.f1, nil),
    (.binaryPrecision, "precision", "#009E73", "7 3"),
    (.binaryRecall, "recall", ChartColor.recall, "2 3"),
  ]

  /// The span of cut-offs drawn, the same for every model of a report:
  /// round numbers around the lowest and highest score.
  let domain: ClosedRange<Double>

  func render() -> String {
    let legend = Self.series.map {
      CurvePlot.LegendEntry(text: $0.name, color: $0.color, dash: $0.dash)
    }
    var plot = CurvePlot(
      id: id, title: "F1, precision and recall against the cut-off: \(name)",
      description:
        "For \(name): binary F1, precision and recall when items scoring at least the cut-off are predicted positive, "
        + "for every cut-off from the lowest score to the highest. "
        + marks.map { "A \($0.isDashed ? "dashed" : "solid") line marks \($0.label)." }.joined(
          separator: " ")
        + " The table after the chart lists values at a few cut-offs.",
      legend: legend, extraTop: 30, xDomain: domain, yDomain: 0...1, xTitle: "Cut-off",
      yTitle: "Value", width: width, plotHeight: 240)
    plot.drawAxes(
      xTitle: "Cut-off (an item is positive when its score is at least it)", yTitle: "Value",
      xTicks: 6)
    for entry in Self.series {
      let values = sweep.values(of: entry.metric)
      // Descending cut-offs; the value at candidate i holds down to the
      // next candidate, and past the ends it stays the ends' value.
      var points: [(Double, Double)] = [(domain.upperBound, values[0])]
      for index in sweep.thresholds.indices.dropFirst() {
        points.append((sweep.thresholds[index], values[index - 1]))
        points.append((sweep.thresholds[index], values[index]))
      }
      points.append((domain.lowerBound, values[values.count - 1]))
      plot.curve(points, color: entry.color, dash: entry.dash)
    }
    for (row, mark) in marks.prefix(2).enumerated() {
      plot.verticalMarker(
        at: mark.threshold, label: mark.label, row: row, className: "observed-line",
        dash: mark.isDashed ? "5 3" : nil)
    }
    return plot.finished()
  }

  /// F1, precision and recall at about a dozen cut-offs spread over the
  /// candidates, and at the marked ones.
  func table() -> String {
    var table = HTMLTable(
      caption: "F1, precision and recall at selected cut-offs of \(name)",
      columns: [
        ("Cut-off", true), ("F1", true), ("Precision", true), ("Recall", true), ("", false),
      ])
    var rows: [(index: Int, note: String)] = []
    let count = sweep.count
    let picks = Set((0...10).map { min(count - 1, max(1, $0 * (count - 1) / 10)) })
    for index in picks { rows.append((index, "")) }
    for mark in marks { rows.append((sweep.index(of: mark.threshold), mark.label)) }
    rows.sort { ($0.index, $0.note) > ($1.index, $1.note) }
    var seen = Set<String>()
    for row in rows {
      let key = "\(row.index)|\(row.note)"
      guard seen.insert(key).inserted else { continue }
      if row.note.isEmpty, rows.contains(where: { $0.index == row.index && !$0.note.isEmpty }) {
        continue
      }
      let threshold = sweep.thresholds[row.index]
      table.append([
        .number(DisplayNumber.score(threshold)),
        .number(DisplayNumber.score(sweep.value(of: .binaryF1, at: row.index), digits: 3)),
        .number(DisplayNumber.score(sweep.value(of: .binaryPrecision, at: row.index), digits: 3)),
        .number(DisplayNumber.score(sweep.value(of: .binaryRecall, at: row.index), digits: 3)),
        .text(row.note),
      ])
    }
    return table.render()
  }
}
