extension ModelComparison {
  /// The widest line the comparisons' tables aim for: an 80-column
  /// terminal, or a code block in a paper draft.
  static let lineWidth = 80

  /// A text table whose first column is the models' names, as the
  /// comparisons' summaries open with, and whether it put the names on
  /// lines of their own.
  ///
  /// Names no row's width pushes past ``lineWidth`` columns sit beside
  /// their numbers, padded to one width, as always. A longer name (a
  /// file name such as `cross-encoder-ms-marco-MiniLM-L-6-v2-finetuned-seed-1.csv`)
  /// would stretch every row of the table past the width and break it
  /// in a terminal, so then every name goes on a line of its own and its
  /// numbers on the next, under the header's columns, the way benchmark
  /// tools show long names; the pairs below follow the same layout
  /// (``pairHeading(second:first:difference:isStacked:)`` and
  /// ``aligned(_:isStacked:)``).
  ///
  /// - Parameters:
  ///   - header: The header's columns after the name column, each with
  ///     its two-space gutter first ("  macro_f1  interval").
  ///   - rows: Each model's name and its columns after the name column,
  ///     each with its gutter first.
  /// - Returns: The table, each line ending with a newline, and whether
  ///   the names are on lines of their own.
  static func nameColumnTable(header: String, rows: [(name: String, columns: String)])
    -> (text: String, isStacked: Bool)
  {
    let title = "model"
    let nameWidth = max(rows.map(\.name.count).max() ?? 0, title.count)
    let columnsWidth = max(header.count, rows.map(\.columns.count).max() ?? 0)
    guard nameWidth + columnsWidth > lineWidth else {
      let lines = [(title, header)] + rows.map { ($0.name, $0.columns) }
      let text = lines.map {
        $0.0.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + $0.1 + "\n"
      }.joined()
      return (text, false)
    }
    let indent = String(repeating: " ", count: title.count)
    let text =
      title + header + "\n" + rows.map { $0.name + "\n" + indent + $0.columns + "\n" }.joined()
    return (text, true)
  }

  /// The first line of a pair's summary, "B − A: 0.031, 95% CI [0.012,
  /// 0.049]", or, with names on lines of their own, the subtraction
  /// written down a column:
  ///
  /// ```
  /// cross-encoder-ms-marco-MiniLM-L-6-v2-finetuned-seed-2.csv
  /// − cross-encoder-ms-marco-MiniLM-L-6-v2-finetuned-seed-1.csv
  /// = 0.052, 95% CI [0.038, 0.067]
  /// ```
  ///
  /// - Parameters:
  ///   - second: The name of the model subtracted from.
  ///   - first: The name of the model subtracted.
  ///   - difference: The difference and its interval.
  ///   - isStacked: Whether the names go on lines of their own.
  /// - Returns: The heading, ending with a newline.
  static func pairHeading(second: String, first: String, difference: String, isStacked: Bool)
    -> String
  {
    isStacked
      ? "\(second)\n− \(first)\n= \(difference)\n" : "\(second) − \(first): \(difference)\n"
  }
}
