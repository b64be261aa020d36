import F1KitAdvice

extension HTMLReport {
  /// The training curve and its table.
  func trainingSection() -> String {
    guard let curve = model.trainingCurve else { return "" }
    guard !curve.points.isEmpty else {
      return
        "<p>The training log <code>\(HTMLText.escape(curve.source))</code> has a header but no evaluations.</p>\n"
    }
    let indices = curve.plottedMetricIndices()
    var html =
      "<p>Metrics measured on the evaluation set during training, from <code>\(HTMLText.escape(curve.source))</code>"
    html += " (\(curve.points.count) evaluations).</p>\n"
    let chart = TrainingCurveChart(id: "training-curve", curve: curve, metricIndices: indices)
    var columns: [(title: String, isNumeric: Bool)] = [("Epoch", true), ("Step", true)]
    for name in curve.metricNames { columns.append((name, true)) }
    var table = HTMLTable(caption: "Every evaluation in the training log", columns: columns)
    for point in curve.points {
      var cells: [HTMLTable.Cell] = [
        .number(
          point.epoch < 0
            ? "—"
            : DisplayNumber.score(point.epoch, digits: point.epoch == point.epoch.rounded() ? 0 : 2)
        ),
        .number(point.step < 0 ? "—" : DisplayNumber.count(point.step)),
      ]
      for value in point.values { cells.append(.number(DisplayNumber.score(value))) }
      table.append(cells)
    }
    var caption =
      "\(indices.map { curve.metricNames[$0] }.joined(separator: ", ")) against training steps"
    if let best = bestPoint(curve, metric: indices.first) {
      caption +=
        "; the best \(curve.metricNames[indices[0]]) is \(DisplayNumber.score(best.value)) at step \(DisplayNumber.count(best.step))"
    }
    html += figure(chart.render(), caption: caption + ".", table: table.render())
    return html
  }

  /// The evaluation with the highest value of a metric; the earliest on a tie.
  func bestPoint(_ curve: TrainingCurve, metric index: Int?) -> (value: Double, step: Int)? {
    guard let index else { return nil }
    var best: (Double, Int)?
    for point in curve.points where point.values[index].isFinite {
      if best == nil || point.values[index] > best!.0 { best = (point.values[index], point.step) }
    }
    return best
  }
}
