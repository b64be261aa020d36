import F1KitAdvice

/// Horizontal bars of each class's gold count, with how often each model
/// predicts the class beneath it: class balance, and over- or
/// under-prediction at a glance. With sample weights every bar is a
/// weight sum, as the weighted scores count them.
struct SupportChart: ResponsiveChart {
  var id: String
  let labels: [String]
  /// Each class's gold items, or gold weight with sample weights.
  let support: [Double]
  /// Per model: its name and how many items (or how much weight) it
  /// predicts as each label.
  let predicted: [(name: String, counts: [Double])]
  /// Whether the amounts are weight sums rather than item counts.
  var isWeighted = false

  /// The width of the view box.
  var width = 520.0

  func render() -> String {
    let isDense = labels.count > 30
    let goldHeight = isDense ? 7.0 : 12.0
    let modelHeight = predicted.isEmpty ? 0 : (isDense ? 3.0 : 5.0)
    let gap = isDense ? 6.0 : 10.0
    let band = goldHeight + modelHeight * Double(predicted.count) + gap
    let longest = labels.map(\.count).max() ?? 4
    let labelLimit = min(max(longest, 4), 22)
    let left = Double(labelLimit) * 6.6 + 14
    let right = 96.0
    // The legend wraps onto as many rows as it needs.
    var legendItems: [(x: Double, row: Int, name: String, fullName: String, index: Int)] = []
    if !predicted.isEmpty {
      var x = left + 60
      var row = 0
      // At most 34 characters, fewer when a row of the legend is narrower;
      // names shortened together stay different.
      let prefix = "predicted by "
      let limit = min(34, Int((width - left - 35) / 6.2))
      let names = TextMetrics.distinctlyFitted(
        predicted.map(\.name), in: .infinity, fontSize: 12, characterLimit: limit - prefix.count)
      for (index, model) in predicted.enumerated() {
        let fullName = prefix + model.name
        let name = prefix + names[index]
        let itemWidth = 17 + Double(name.count) * 6.2 + 18
        if x + itemWidth > width && x > left {
          row += 1
          x = left
        }
        legendItems.append((x, row, name, fullName, index))
        x += itemWidth
      }
    }
    let legendRows = (legendItems.map(\.row).max() ?? -1) + 1
    let top = predicted.isEmpty ? 12.0 : 18.0 + 18 * Double(legendRows)
    let total = support.reduce(0, +)
    let largest = max(support.max() ?? 1, predicted.flatMap(\.counts).max() ?? 1, 1)
    let domain = LinearScale.niceDomain(0...largest, count: 4)
    let scale = LinearScale(domain: 0...domain.upperBound, from: left, to: width - right)
    let plotBottom = top + band * Double(labels.count) - gap / 2
    let height = plotBottom + 38
    var svg = SVGWriter(
      id: id, width: width, height: height, title: "Class support",
      description: (isWeighted ? "Gold weight" : "Gold items")
        + " per class for \(labels.count) classes"
        + (predicted.isEmpty
          ? ""
          : ", and beneath each, how many \(isWeighted ? "weighted items" : "items") each model predicts as that class")
        + ". The table after the chart lists the \(isWeighted ? "weight sums" : "counts").")
    if !predicted.isEmpty {
      svg.rect(x: left, y: 10, width: 12, height: 12, className: "gold-bar")
      svg.text("Gold", x: left + 17, y: 20.5, className: "legend")
      for item in legendItems {
        let y = 18 * Double(item.row)
        svg.rect(x: item.x, y: y + 13, width: 12, height: 6, fill: ChartColor.model(item.index))
        svg.text(
          item.name, x: item.x + 17, y: y + 20.5, className: "legend", fullText: item.fullName)
      }
    }
    let ticks = scale.readableTicks(
      count: 4, fontSize: ChartTextStyle.size(ofClasses: "tick"),
      label: { value, _ in Self.amount(value, isWeighted: isWeighted) })
    for tick in ticks {
      let x = scale.position(tick)
      svg.line(x1: x, y1: top - 6, x2: x, y2: plotBottom, className: tick == 0 ? "axis" : "grid")
      svg.text(
        Self.amount(tick, isWeighted: isWeighted), x: x, y: plotBottom + 16, anchor: .middle,
        className: "tick")
    }
    svg.text(
      isWeighted ? "Weight" : "Items", x: (left + width - right) / 2, y: plotBottom + 31,
      anchor: .middle, className: "axis-title")
    for (index, label) in labels.enumerated() {
      let y0 = top + band * Double(index)
      svg.label(
        label, limit: labelLimit, maximumWidth: left - 10, x: left - 8, y: y0 + goldHeight - 2,
        anchor: .end, className: "category")
      let count = support[index]
      svg.rect(
        x: left, y: y0, width: scale.position(count) - left, height: goldHeight,
        className: "gold-bar")
      let share = total > 0 ? count / total : 0
      svg.text(
        "\(Self.amount(count, isWeighted: isWeighted)) (\(DisplayNumber.percent(share)))",
        x: scale.position(count) + 5, y: y0 + goldHeight - 2, className: "value")
      for (modelIndex, model) in predicted.enumerated() {
        let y = y0 + goldHeight + modelHeight * Double(modelIndex)
        let value = model.counts[index]
        if value == 0 {
          // Never predicted: a hollow mark in the model's colour.
          svg.rect(
            x: left + 1, y: y + 0.5, width: max(modelHeight, 4), height: max(modelHeight - 1, 2),
            className: "never-mark", tooltip: "never predicted by \(model.name)",
            extra: " fill=\"none\" stroke=\"\(ChartColor.model(modelIndex))\" stroke-width=\"1\"")
        } else {
          svg.rect(
            x: left, y: y + 0.5, width: scale.position(value) - left,
            height: modelHeight - 1, fill: ChartColor.model(modelIndex))
        }
      }
    }
    return svg.finished()
  }

  /// An item count (`1,083`), or a weight sum as `evaluate` prints it
  /// (`17.5`).
  static func amount(_ value: Double, isWeighted: Bool) -> String {
    isWeighted ? DisplayNumber.weight(value) : DisplayNumber.count(Int(value.rounded()))
  }
}
