/// An HTML table of text cells, escaped as it is built.
struct HTMLTable {
  /// One cell.
  struct Cell {
    var text: String
    var isNumeric = false
    var isHeader = false
    var className: String? = nil

    static func header(_ text: String) -> Cell { Cell(text: text, isHeader: true) }
    static func number(_ text: String, className: String? = nil) -> Cell {
      Cell(text: text, isNumeric: true, className: className)
    }
    static func text(_ text: String) -> Cell { Cell(text: text) }
  }

  var caption: String?
  var columns: [(title: String, isNumeric: Bool)]
  var rows: [(cells: [Cell], className: String?)] = []

  init(caption: String? = nil, columns: [(title: String, isNumeric: Bool)]) {
    self.caption = caption
    self.columns = columns
  }

  mutating func append(_ cells: [Cell], className: String? = nil) {
    rows.append((cells, className))
  }

  func render() -> String {
    var html = "<div class=\"table-scroll\"><table>"
    if let caption { html += "<caption>\(HTMLText.escape(caption))</caption>" }
    html += "<thead><tr>"
    for column in columns {
      html += column.isNumeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"
      html += HTMLText.escape(column.title) + "</th>"
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
          html += "<th scope=\"row\"\(classAttribute)>\(HTMLText.escape(cell.text))</th>"
        } else {
          html += "<td\(classAttribute)>\(HTMLText.escape(cell.text))</td>"
        }
      }
      html += "</tr>"
    }
    return html + "</tbody></table></div>"
  }
}
