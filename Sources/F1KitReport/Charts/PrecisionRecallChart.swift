import F1Kit
import F1KitAdvice

/// Every model's precision–recall curve on one chart, drawn as steps as
/// average precision sums them, with iso-F1 lines, the no-skill line (the
/// positive rate) and each model's operating point marked.
struct PrecisionRecallChart: ResponsiveChart {
  /// One model's curve.
  struct Series {
    var name: String
    var curve: PrecisionRecallCurve
    var averagePrecision: Double?
    var operatingPoint: ScoreReport.OperatingPoint?
    var cutoff: Double?
  }

  var id: String
  /// The width of the view box.
  var width = 400.0
  let series: [Series]
  /// The share of items that are positive: a no-skill model's precision.
  let positiveRate: Double

  /// The F1 values of the iso-F1 lines.
  static let isoF1 = [0.2, 0.4, 0.6, 0.8]

  func render() -> String {
    let legend = series.enumerated().map { index, model in
      CurvePlot.LegendEntry(
        text: model.name,
        detail: model.averagePrecision.map { " · AP \(DisplayNumber.score($0, digits: 3))" } ?? "",
        color: ChartColor.model(index), dash: CurvePlot.dash(index), marker: index)
    }
    var plot = CurvePlot(
      id: id, title: "Precision–recall curves",
      description:
        "Precision against recall as the cut-off falls, drawn as steps as average precision (AP) sums them, for "
        + series.map(\.name).joined(separator: ", ")
        + ". Dotted grey curves join the points of equal F1 (0.2, 0.4, 0.6, 0.8); the dashed line is a no-skill model's precision, the positive rate \(DisplayNumber.score(positiveRate, digits: 3)); "
        + "each marker is the model's operating point. The table after the chart lists the best precision at round recalls.",
      legend: legend, xDomain: 0...1, yDomain: 0...1, xTitle: "Recall", yTitle: "Precision",
      width: width)
    plot.drawAxes(xTitle: "Recall", yTitle: "Precision")
    for f1 in Self.isoF1 {
      let start = f1 / (2 - f1)
      let points = (0...48).map { step -> (Double, Double) in
        let recall = start + (1 - start) * Double(step) / 48
        return (recall, f1 * recall / (2 * recall - f1))
      }
      plot.curve(points, color: "#8c959f", dash: "1 3", width: 1)
      plot.svg.text(
        "F1 \(DisplayNumber.score(f1, digits: 1))", x: plot.right - 3,
        y: plot.y.position(start) - 4, anchor: .end, className: "tick")
    }
    if positiveRate.isFinite {
      plot.curve([(0, positiveRate), (1, positiveRate)], color: "#8c959f", dash: "6 4", width: 1.2)
      plot.svg.text(
        "no skill", x: plot.left + 6,
        y: plot.y.position(positiveRate) + (positiveRate > 0.9 ? 14 : -5), className: "tick")
    }
    for (index, model) in series.enumerated() {
      let points = zip(model.curve.recalls, model.curve.precisions).map { ($0, $1) }
      plot.curve(
        CurvePlot.steps(points), color: ChartColor.model(index), dash: CurvePlot.dash(index))
    }
    for (index, model) in series.enumerated() {
      guard let point = model.operatingPoint, point.recall.isFinite else { continue }
      let (px, py) = plot.point((point.recall, point.precision))
      plot.svg.raw(
        "<g style=\"stroke:var(--bg)\" stroke-width=\"1.2\">"
          + TrainingCurveChart.marker(index, x: px, y: py, color: ChartColor.model(index))
          .replacingOccurrences(of: "r=\"3.2\"", with: "r=\"4.5\"") + "</g>")
    }
    return plot.finished()
  }

  /// Each model's best precision at round recalls (the interpolated
  /// precision), and the operating points.
  func table() -> String {
    var table = HTMLTable(
      caption: "Best precision at a recall of at least each value",
      columns: [("Recall", true)] + series.map { ($0.name, true) })
    for step in 1...10 {
      let limit = Double(step) / 10
      var cells: [HTMLTable.Cell] = [.number(DisplayNumber.score(limit, digits: 1))]
      for model in series {
        let best = zip(model.curve.recalls, model.curve.precisions)
          .filter { $0.0 >= limit - 1e-12 }.map(\.1).max()
        cells.append(.number(best.map { DisplayNumber.score($0, digits: 3) } ?? "—"))
      }
      table.append(cells)
    }
    var operating = HTMLTable(
      caption: "Operating points: the precision and recall of each model's predictions",
      columns: [
        ("Model", false), ("Cut-off", true), ("Recall", true), ("Precision", true), ("F1", true),
      ])
    for model in series {
      guard let point = model.operatingPoint else { continue }
      operating.append([
        .label(model.name), .number(model.cutoff.map { DisplayNumber.score($0) } ?? "—"),
        .number(DisplayNumber.score(point.recall, digits: 3)),
        .number(DisplayNumber.score(point.precision, digits: 3)),
        .number(DisplayNumber.score(point.f1, digits: 3)),
      ])
    }
    return table.render() + operating.render()
  }
}
