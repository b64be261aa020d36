/// An HTML table of text cells, escaped as it is built.
struct HTMLTable {
  /// One cell.
  struct Cell {
    var text: String
    var isNumeric = false
    var isHeader = false
    var className: String? = nil
    /// A second line in smaller type, such as a value's interval.
    var detail: String? = nil
    var detailClassName: String? = nil
    /// Whether the text is a label, isolated from its surroundings with
    /// `<bdi>` so that bidirectional controls in it cannot reorder the
    /// page.
    var isLabel = false

    static func header(_ text: String) -> Cell { Cell(text: text, isHeader: true) }
    static func label(_ text: String, isHeader: Bool = true) -> Cell {
      Cell(text: text, isHeader: isHeader, isLabel: true)
    }
    static func number(
      _ text: String, className: String? = nil, detail: String? = nil,
      detailClassName: String? = nil
    ) -> Cell {
      Cell(
        text: text, isNumeric: true, className: className, detail: detail,
        detailClassName: detailClassName)
    }
    static func text(_ text: String) -> Cell { Cell(text: text) }

    /// The cell's content as HTML.
    var content: String {
      var html = isLabel ? HTMLText.isolated(text) : HTMLText.content(text)
      if let detail {
        html = "<span class=\"v\">\(html)</span>"
        let classes = ["detail"] + (detailClassName.map { [$0] } ?? [])
        html +=
          "<span class=\"\(classes.joined(separator: " "))\">\(HTMLText.content(detail))</span>"
      }
      return html
    }
  }

  var caption: String?
  /// A class for the `<table>` element.
  var className: String?
  var columns: [(title: String, isNumeric: Bool)]
  /// Whether the column titles after the first are labels (a matrix's
  /// predicted labels), isolated with `<bdi>`.
  var hasLabelColumns = false
  var rows: [(cells: [Cell], className: String?)] = []

  init(caption: String? = nil, columns: [(title: String, isNumeric: Bool)]) {
    self.caption = caption
    self.columns = columns
  }

  mutating func append(_ cells: [Cell], className: String? = nil) {
    rows.append((cells, className))
  }

  func render() -> String {
    var html =
      "<div class=\"table-scroll\"><table"
      + (className.map { " class=\"\($0)\"" } ?? "") + ">"
    if let caption { html += "<caption>\(HTMLText.content(caption))</caption>" }
    html += "<thead><tr>"
    for (index, column) in columns.enumerated() {
      html += column.isNumeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"
      let isLabel = hasLabelColumns && index > 0 && index < columns.count - 1
      html += (isLabel ? HTMLText.isolated(column.title) : HTMLText.content(column.title)) + "</th>"
    }
    html += "</tr></thead><tbody>"
    for row in rows {
      html += row.className.map { "<tr class=\"\($0)\">" } ?? "<tr>"
      for cell in row.cells {
        var classes: [String] = []
        if cell.isNumeric { classes.append("num") }
        if let className = cell.className { classes.append(className) }
        let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        if cell.isHeader {
          html += "<th scope=\"row\"\(classAttribute)>\(cell.content)</th>"
        } else {
          html += "<td\(classAttribute)>\(cell.content)</td>"
        }
      }
      html += "</tr>"
    }
    return html + "</tbody></table></div>"
  }
}
