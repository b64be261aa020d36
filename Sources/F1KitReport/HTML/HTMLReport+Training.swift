import F1KitAdvice

extension HTMLReport {
  /// The training curve and its table.
  func trainingSection() -> String {
    guard let curve = model.trainingCurve else { return "" }
    guard !curve.points.isEmpty else {
      return
        "<p>The training log <code>\(HTMLText.content(curve.source))</code> has a header but no evaluations.</p>\n"
    }
    let indices = curve.plottedMetricIndices()
    let names = indices.map { curve.metricNames[$0] }
    let moments = curve.moments()
    let runs = curve.runs()
    var html =
      "<p>Metrics measured on the evaluation set during training, from <code>\(HTMLText.content(curve.source))</code>"
    html += " (\(curve.points.count) evaluations).\(conventionNote(curve))</p>\n"
    if let warning = curve.severalRunsWarning() {
      html +=
        "<p><span class=\"badge warning\">warning</span>\(HTMLText.content(warning)).</p>\n"
    }
    let chart = TrainingCurveChart(id: "training-curve", curve: curve, metricIndices: indices)
    var columns: [(title: String, isNumeric: Bool)] = [("Epoch", true), ("Step", true)]
    if runs.count > 1 { columns.insert(("Run", true), at: 0) }
    for name in curve.metricNames { columns.append((name, true)) }
    var table = HTMLTable(caption: "Every evaluation in the training log", columns: columns)
    for (index, point) in curve.points.enumerated() {
      let step =
        switch moments[index] {
        case .beforeTraining: "before training"
        case .afterTraining: "after training"
        case nil: point.step < 0 ? "—" : DisplayNumber.count(point.step)
        }
      var cells: [HTMLTable.Cell] = [
        .number(
          point.epoch < 0
            ? "—"
            : DisplayNumber.score(point.epoch, digits: point.epoch == point.epoch.rounded() ? 0 : 2)
        ),
        .number(step),
      ]
      if runs.count > 1 {
        let run = runs.firstIndex { $0.contains(index) } ?? 0
        cells.insert(.number(DisplayNumber.count(run + 1)), at: 0)
      }
      for value in point.values { cells.append(.number(DisplayNumber.score(value))) }
      table.append(cells)
    }
    var caption = "\(names.joined(separator: ", ")) against training steps"
    if let best = bestPoint(curve, metric: indices.first) {
      let run = runs.count > 1 ? " of run \(DisplayNumber.count(best.run + 1))" : ""
      caption +=
        "; the best \(names[0]) is \(DisplayNumber.score(best.value)) at step \(DisplayNumber.count(best.step))\(run)"
    }
    caption += "."
    for moment in [TrainingCurve.Moment.beforeTraining, .afterTraining] {
      guard let first = indices.first else { break }
      let values = moments.indices.filter { moments[$0] == moment }.map { index in
        let run =
          runs.count > 1 ? " (run \((runs.firstIndex { $0.contains(index) } ?? 0) + 1))" : ""
        return DisplayNumber.score(curve.points[index].values[first]) + run
      }
      guard !values.isEmpty else { continue }
      caption +=
        " \(moment == .beforeTraining ? "Before" : "After") training (logged as epoch -1, steps -1,"
        + " so not drawn on the step axis), \(names[0]) is \(values.joined(separator: ", "))."
    }
    html += figure(chart.responsiveMarkup(), caption: caption, table: table.render())
    return html
  }

  /// A sentence on how the chart reads the log's columns: whose
  /// conventions pick the headline metric, and which cut-off columns are
  /// listed but not drawn; empty when there is nothing to say.
  func conventionNote(_ curve: TrainingCurve) -> String {
    var note = ""
    if let log = curve.sentenceTransformersLog {
      note +=
        " Its columns are those Sentence-Transformers' \(HTMLText.content(log.evaluator)) writes, so"
        + " its primary metric, \(HTMLText.content(log.primaryMetric)), leads the chart."
    }
    if curve.stepsWereCountedPerEpoch {
      note +=
        " It counts steps from 0 in every epoch and logs each epoch's closing evaluation with steps -1,"
        + " as Sentence-Transformers' CrossEncoder.fit does, so steps here count from the start of"
        + " training (an epoch's length taken as its highest logged step) and each closing evaluation"
        + " sits at its epoch's end."
    }
    let cutOffs = curve.metricNames.filter(TrainingCurve.isThresholdColumn)
    if !cutOffs.isEmpty {
      note +=
        " \(cutOffs.map(HTMLText.escape).joined(separator: ", ")) \(cutOffs.count == 1 ? "is a cut-off" : "are cut-offs")"
        + " on the scores, not \(cutOffs.count == 1 ? "a metric" : "metrics"): listed in the table, never drawn."
    }
    return note
  }

  /// The charted evaluation with the highest value of a metric, and its
  /// run; the earliest on a tie.
  func bestPoint(_ curve: TrainingCurve, metric index: Int?) -> (
    value: Double, step: Int, run: Int
  )? {
    guard let index else { return nil }
    let runs = curve.runs()
    var best: (value: Double, step: Int, run: Int)?
    for pointIndex in curve.chartedPointIndices {
      let point = curve.points[pointIndex]
      guard point.values[index].isFinite, best == nil || point.values[index] > best!.value else {
        continue
      }
      best = (point.values[index], point.step, runs.firstIndex { $0.contains(pointIndex) } ?? 0)
    }
    return best
  }
}
