import F1Kit

extension Advice {
  /// The advice as a stable JSON object.
  ///
  /// Keys, in order: `id`, `severity`, `model` (only when the advice is
  /// about one of several models), `first_run` (`true`, only when the
  /// advice reads each model's first run of several:
  /// ``isAboutFirstRuns``), `title`, `message` and `evidence`, an array of
  /// `{"name", "label"?, "model"?, "value"}` objects.
  ///
  /// - Returns: The JSON object.
  public func jsonValue() -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(id)), ("severity", .string(severity.rawValue)),
    ]
    if let model { members.append(("model", .string(model))) }
    if isAboutFirstRuns { members.append(("first_run", .bool(true))) }
    members += [
      ("title", .string(title)), ("message", .string(message)),
      (
        "evidence",
        .array(
          evidence.map { item in
            var fields: [(key: String, value: JSONValue)] = [("name", .string(item.name))]
            if let label = item.label { fields.append(("label", .string(label))) }
            if let model = item.model { fields.append(("model", .string(model))) }
            let isCount =
              item.value == item.value.rounded() && abs(item.value) < 1e15
              && Self.countNames.contains(item.name)
            fields.append(("value", isCount ? .integer(Int(item.value)) : .number(item.value)))
            return .object(fields)
          })
      ),
    ]
    return .object(members)
  }

  /// Evidence names whose values are counts, written as JSON integers.
  static let countNames: Set<String> = [
    "support", "predicted", "n", "n_required", "n_required_low", "n_required_high", "groups",
    "groups_required", "groups_recommended",
    "largest_group",
    "runs_per_model",
    "empty_gold_sets", "empty_predicted_sets", "classes_with_gold_items",
    "empty_gold_weight", "empty_predicted_weight", "total_weight",
    "distinct_scores", "items_at_upper_score", "class_count",
  ]

  /// The advice as text for a terminal: a heading line with the severity
  /// and id, the message wrapped at `width` columns, and the evidence.
  ///
  /// - Parameter width: The line width to wrap at.
  /// - Returns: The text, ending with a newline.
  public func text(width: Int = 80) -> String {
    var text = "\(severity.rawValue): \(title) [\(id)]\n"
    let prefix = modelHeading.map { "\($0): " } ?? ""
    text += Self.wrap(prefix + message, width: width, indent: "  ") + "\n"
    let numbers = evidence.map { item -> String in
      var name = item.name
      if let label = item.label { name += "[\(AdviceText.quoted(label))]" }
      if let model = item.model { name = "\(model) " + name }
      return "\(name) = \(Self.format(item))"
    }
    text += Self.wrap(
      "evidence: " + numbers.joined(separator: ", "), width: width, indent: "  ",
      hangingIndent: "    ")
    return text + "\n"
  }

  /// An evidence value for people: counts with thousands separators,
  /// large numbers with one decimal, scores with four; a fractional count
  /// is a weight sum, printed exactly as `evaluate` prints it.
  package static func format(_ item: AdviceEvidence) -> String {
    if countNames.contains(item.name), item.value == item.value.rounded(), abs(item.value) < 1e15 {
      return DisplayNumber.count(Int(item.value))
    }
    if countNames.contains(item.name), item.value.isFinite {
      return DisplayNumber.weight(item.value)
    }
    return DisplayNumber.score(item.value, digits: abs(item.value) >= 10 ? 1 : 4)
  }

  /// Word-wraps text at `width` columns; the first line starts with
  /// `indent`, the others with `hangingIndent` (`indent` when `nil`).
  static func wrap(
    _ text: String, width: Int, indent: String, hangingIndent: String? = nil
  ) -> String {
    var lines: [String] = []
    var line = indent
    var lineHasWord = false
    for word in text.split(separator: " ") {
      if lineHasWord && line.count + 1 + word.count > width {
        lines.append(line)
        line = hangingIndent ?? indent
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}

extension [Advice] {
  /// All the advice as text for a terminal, items separated by blank
  /// lines; a single line when there is none.
  ///
  /// - Parameter positiveLabel: The positive label of a binary problem,
  ///   named on a first line so the reader knows which label the binary
  ///   metrics score.
  /// - Returns: The text, ending with a newline.
  public func text(positiveLabel: String? = nil) -> String {
    let heading =
      positiveLabel.map { "positive label: \(AdviceText.quoted($0)) (binary metrics score it)\n\n" }
      ?? ""
    return heading
      + (isEmpty
        ? "No advice: none of the rules fired.\n" : map { $0.text() }.joined(separator: "\n"))
  }

  /// All the advice as a JSON document: `{"positive_label": ..., "advice":
  /// [...]}`, with `positive_label` only for a binary problem.
  ///
  /// - Parameter positiveLabel: The positive label of a binary problem.
  /// - Returns: The document.
  public func jsonDocument(positiveLabel: String? = nil) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    if let positiveLabel { members.append(("positive_label", .string(positiveLabel))) }
    members.append(("advice", .array(map { $0.jsonValue() })))
    return .object(members)
  }
}
