import F1Kit
import F1KitAdvice

/// Every model's ROC curve on one chart, with the chance diagonal and each
/// model's operating point (where its predictions lie) marked.
struct ROCCurveChart: ResponsiveChart {
  /// One model's curve.
  struct Series {
    var name: String
    var curve: ROCCurve
    var auc: Double?
    var operatingPoint: ScoreReport.OperatingPoint?
    var cutoff: Double?
  }

  var id: String
  /// The width of the view box.
  var width = 400.0
  let series: [Series]

  func render() -> String {
    let legend = series.enumerated().map { index, model in
      CurvePlot.LegendEntry(
        text: model.name,
        detail: model.auc.map { " · ROC-AUC \(DisplayNumber.score($0, digits: 3))" } ?? "",
        color: ChartColor.model(index), dash: CurvePlot.dash(index), marker: index)
    }
    var plot = CurvePlot(
      id: id, title: "ROC curves",
      description:
        "True-positive rate (recall) against false-positive rate as the cut-off falls, for "
        + series.map(\.name).joined(separator: ", ")
        + "; the dotted diagonal is chance (ROC-AUC 0.5) and each marker is the model's operating point, "
        + "the rates of its predictions. The table after the chart lists the curves at round false-positive rates.",
      legend: legend, xDomain: 0...1, yDomain: 0...1, xTitle: "False-positive rate",
      yTitle: "True-positive rate", width: width)
    plot.drawAxes(xTitle: "False-positive rate", yTitle: "True-positive rate (recall)")
    plot.curve([(0, 0), (1, 1)], color: "#8c959f", dash: "2 4", width: 1.2)
    for (index, model) in series.enumerated() {
      let points = zip(model.curve.falsePositiveRates, model.curve.truePositiveRates).map {
        ($0, $1)
      }
      plot.curve(points, color: ChartColor.model(index), dash: CurvePlot.dash(index))
    }
    for (index, model) in series.enumerated() {
      guard let point = model.operatingPoint, point.falsePositiveRate.isFinite,
        point.recall.isFinite
      else { continue }
      let (px, py) = plot.point((point.falsePositiveRate, point.recall))
      plot.svg.raw(
        "<g style=\"stroke:var(--bg)\" stroke-width=\"1.2\">"
          + TrainingCurveChart.marker(index, x: px, y: py, color: ChartColor.model(index))
          .replacingOccurrences(of: "r=\"3.2\"", with: "r=\"4.5\"") + "</g>")
    }
    return plot.finished()
  }

  /// Each model's true-positive rate at round false-positive rates: the
  /// highest the curve reaches without passing the rate.
  func table() -> String {
    var table = HTMLTable(
      caption:
        "True-positive rate at each false-positive rate (the curve's highest point at or below it)",
      columns: [("False-positive rate", true)] + series.map { ($0.name, true) })
    for step in 0...10 {
      let limit = Double(step) / 10
      var cells: [HTMLTable.Cell] = [.number(DisplayNumber.score(limit, digits: 1))]
      for model in series {
        let reached = zip(model.curve.falsePositiveRates, model.curve.truePositiveRates)
          .filter { $0.0 <= limit + 1e-12 }.map(\.1).max()
        cells.append(.number(reached.map { DisplayNumber.score($0, digits: 3) } ?? "—"))
      }
      table.append(cells)
    }
    var operating = HTMLTable(
      caption: "Operating points: the rates of each model's predictions",
      columns: [
        ("Model", false), ("Cut-off", true), ("False-positive rate", true),
        ("True-positive rate", true),
      ])
    for model in series {
      guard let point = model.operatingPoint else { continue }
      operating.append([
        .label(model.name), .number(model.cutoff.map { DisplayNumber.score($0) } ?? "—"),
        .number(DisplayNumber.score(point.falsePositiveRate, digits: 3)),
        .number(DisplayNumber.score(point.recall, digits: 3)),
      ])
    }
    return table.render() + operating.render()
  }
}
