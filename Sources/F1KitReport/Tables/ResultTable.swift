/// A table of results ready for a paper: a caption that says how the
/// numbers were made, a header, one row per model or pair, and statement
/// sentences to print after it.
///
/// Every cell, the caption and the statements are plain Unicode text (true
/// minus signs, "Δ", "±"); ``markdown()`` and ``latex()`` escape them for
/// their format, so a label such as `50%_a&b` is safe in either.
public struct ResultTable: Hashable, Sendable {
  /// How a column's cells are aligned.
  public enum Alignment: Hashable, Sendable {
    /// Flush left, for names.
    case left
    /// Flush right, for numbers.
    case right
  }

  /// The caption: what the numbers are, how they were made, and what every
  /// mark means.
  public var caption: String
  /// A short identifier for cross-references, such as `f1kit-compare`; the
  /// LaTeX rendering writes it as `\label{tab:…}`.
  public var label: String
  /// The column headers.
  public var header: [String]
  /// Each column's alignment.
  public var alignments: [Alignment]
  /// The rows, each with one cell per column.
  public var rows: [[String]]
  /// Sentences printed as a paragraph after the table, such as "B
  /// outperforms A on macro-F1 (…)".
  public var statements: [String]

  /// Creates a table.
  ///
  /// - Parameters:
  ///   - caption: What the numbers are and how they were made.
  ///   - label: A short identifier for cross-references.
  ///   - header: The column headers.
  ///   - alignments: Each column's alignment; names left, numbers right by
  ///     default.
  ///   - rows: The rows, each with one cell per column.
  ///   - statements: Sentences to print after the table.
  public init(
    caption: String, label: String, header: [String], alignments: [Alignment]? = nil,
    rows: [[String]], statements: [String] = []
  ) {
    precondition(rows.allSatisfy { $0.count == header.count })
    self.caption = caption
    self.label = label
    self.header = header
    self.alignments =
      alignments ?? header.indices.map { $0 == 0 ? Alignment.left : .right }
    self.rows = rows
    self.statements = statements
  }

  /// The table in the given format.
  ///
  /// - Parameter format: Markdown or LaTeX.
  /// - Returns: The rendered table, ending with a newline.
  public func rendered(as format: TableFormat) -> String {
    switch format {
    case .markdown: markdown()
    case .latex: latex()
    }
  }
}

/// A text format for paper-ready tables.
public enum TableFormat: String, CaseIterable, Hashable, Sendable {
  /// GitHub-flavoured Markdown pipe tables.
  case markdown
  /// A LaTeX `tabular` with `booktabs` rules.
  case latex
}

extension [ResultTable] {
  /// Several tables in one format, separated by a blank line.
  ///
  /// - Parameter format: Markdown or LaTeX.
  /// - Returns: The rendered tables.
  public func rendered(as format: TableFormat) -> String {
    map { $0.rendered(as: format) }.joined(separator: "\n")
  }
}
