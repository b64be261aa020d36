import F1KitAdvice

extension HTMLReport {
  /// The advice, most severe first, each with the numbers that triggered it.
  func adviceSection() -> String { Self.adviceList(model.advice) }

  /// The advice as an ordered list with each item's evidence and rule id.
  static func adviceList(_ items: [Advice]) -> String {
    guard !items.isEmpty else {
      return "<p>None of F1Kit's advice rules fired for these data.</p>\n"
    }
    var html =
      "<p>Computed from these data by F1Kit's advice rules; each item cites the numbers that triggered it. "
    html +=
      "<code>f1kit advise FILE</code> prints the same advice for one file.</p>\n<ol class=\"advice\">\n"
    for advice in items {
      let severity = advice.severity.rawValue
      html += "<li class=\"\(severity)\"><h3><span class=\"badge \(severity)\">\(severity)</span>"
      html +=
        HTMLText.content((advice.modelHeading.map { "\($0): " } ?? "") + advice.title) + "</h3>"
      html += "<p>\(HTMLText.content(advice.message))</p>"
      html += "<p class=\"evidence\">Evidence: "
      html += advice.evidence.map { item in
        var name = item.name
        if let label = item.label { name += "[\(label)]" }
        if let model = item.model { name = "\(model) " + name }
        return "<code>\(HTMLText.content(name))</code> = \(HTMLText.content(Advice.format(item)))"
      }.joined(separator: ", ")
      // A rule id is short, and stays whole for copying and searching.
      html +=
        " <span class=\"rule-id\">· rule <code>\(HTMLText.escape(advice.id))</code></span></p></li>\n"
    }
    return html + "</ol>\n"
  }
}
