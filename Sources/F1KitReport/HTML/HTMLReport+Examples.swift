import F1KitAdvice

extension HTMLReport {
  /// The most characters of an item's text the page shows.
  static let exampleTextLimit = 240

  /// Misclassified items and items on which models disagree, with their
  /// text (escaped and shortened), gold label and every model's
  /// prediction.
  func examplesSection() -> String {
    var html =
      "<p>A few test items with their text, picked by a fixed, seeded spread over the test set. "
      + "Row numbers count the items of <code>\(HTMLText.content(model.metadata.inputFiles.first ?? ""))</code> "
      + "from 1; a prediction that is wrong is marked ✗.</p>\n"
    for group in model.examples where group.items.contains(where: { !$0.texts.isEmpty }) {
      let isMisclassified = group.kind == .misclassified
      let heading =
        isMisclassified
        ? (model.models.count > 1 ? "Misclassified by every model" : "Misclassified items")
        : "Items on which the models disagree"
      html += "<h3 id=\"examples-\(group.kind.rawValue)-heading\">\(heading)</h3>\n"
      let textColumns = group.items.flatMap { $0.texts.map(\.column) }.reduce(into: [String]()) {
        if !$0.contains($1) { $0.append($1) }
      }
      let hasIDs = group.items.contains { $0.id != nil }
      var columns: [(title: String, isNumeric: Bool)] = [(hasIDs ? "Id" : "Row", !hasIDs)]
      for column in textColumns { columns.append((column, false)) }
      columns.append(("Gold", false))
      for evaluation in model.models { columns.append((evaluation.name, false)) }
      var table = HTMLTable(
        caption: heading + ": text shortened to \(Self.exampleTextLimit) characters",
        columns: columns)
      table.className = "examples"
      for item in group.items {
        var cells: [HTMLTable.Cell] = [
          item.id.map { .label($0) } ?? .number(DisplayNumber.count(item.row + 1))
        ]
        for column in textColumns {
          let text = item.texts.first { $0.column == column }?.text ?? ""
          cells.append(.label(HTMLText.truncated(text, to: Self.exampleTextLimit), isHeader: false))
        }
        cells.append(.label(item.gold, isHeader: false))
        for prediction in item.predictions {
          let isWrong = !ReportModel.sameLabel(prediction, item.gold)
          var cell = HTMLTable.Cell.label(prediction, isHeader: false)
          if isWrong {
            cell.className = "wrong"
            cell.detail = "✗ wrong"
            cell.detailClassName = "wrong-mark"
          }
          cells.append(cell)
        }
        table.append(cells)
      }
      html += table.render()
    }
    return html
  }
}
