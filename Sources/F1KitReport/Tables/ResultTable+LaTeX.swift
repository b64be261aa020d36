extension ResultTable {
  /// The table as LaTeX: a `table` float holding a plain `tabular` with
  /// `booktabs` rules (`\toprule`, `\midrule`, `\bottomrule`), its caption
  /// and label, then the statements as a paragraph.
  ///
  /// Needs `\usepackage{booktabs}` in the preamble. Every text is escaped
  /// with ``latexEscaped(_:)``, so labels with LaTeX specials compile.
  ///
  /// - Returns: The LaTeX source, ending with a newline.
  public func latex() -> String {
    let columns = alignments.map { $0 == .left ? "l" : "r" }.joined()
    var text = "% Made by F1Kit; needs \\usepackage{booktabs}.\n"
    text += "\\begin{table}[htbp]\n  \\centering\n"
    text += "  \\caption{" + Self.latexEscaped(caption) + "}\n"
    text += "  \\label{tab:" + Self.latexLabel(label) + "}\n"
    text += "  \\begin{tabular}{" + columns + "}\n    \\toprule\n"
    text += "    " + Self.latexRow(header) + "\n    \\midrule\n"
    for row in rows { text += "    " + Self.latexRow(row) + "\n" }
    text += "    \\bottomrule\n  \\end{tabular}\n\\end{table}\n"
    if !statements.isEmpty {
      text += "\n" + statements.map(Self.latexEscaped).joined(separator: " ") + "\n"
    }
    return text
  }

  /// Escapes text for LaTeX's text mode.
  ///
  /// The ten specials become commands or escaped characters (`\_`, `\%`,
  /// `\&`, `\#`, `\$`, `\{`, `\}`, `\textasciitilde{}`,
  /// `\textasciicircum{}`, `\textbackslash{}`); `<`, `>` and `|`, which the
  /// default font encoding prints as other glyphs, become `\textless{}`,
  /// `\textgreater{}` and `\textbar{}`; the symbols F1Kit's own text uses
  /// (− ± Δ × ≤ ≥ — – … † ε, and ε_min as `$\varepsilon_{\min}$`) become
  /// their LaTeX commands so pdfLaTeX needs no Unicode set-up for them;
  /// line breaks become spaces.
  ///
  /// - Parameter text: Plain text.
  /// - Returns: Text that typesets as the original.
  public static func latexEscaped(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      index = text.index(after: index)
      // Almost Stochastic Order's ε_min is one symbol with a subscript;
      // escaped letter by letter it would typeset as "ε_min" in text.
      if character == "ε", text[index...].hasPrefix("_min") {
        escaped += "$\\varepsilon_{\\min}$"
        index = text.index(index, offsetBy: 4)
        continue
      }
      switch character {
      case "_", "%", "&", "#", "$", "{", "}":
        escaped.append("\\")
        escaped.append(character)
      case "~": escaped += "\\textasciitilde{}"
      case "^": escaped += "\\textasciicircum{}"
      case "\\": escaped += "\\textbackslash{}"
      case "<": escaped += "\\textless{}"
      case ">": escaped += "\\textgreater{}"
      case "|": escaped += "\\textbar{}"
      case "−": escaped += "$-$"
      case "±": escaped += "$\\pm$"
      case "Δ": escaped += "$\\Delta$"
      case "×": escaped += "$\\times$"
      case "≤": escaped += "$\\leq$"
      case "≥": escaped += "$\\geq$"
      case "—": escaped += "---"
      case "–": escaped += "--"
      case "…": escaped += "\\ldots{}"
      case "†": escaped += "\\textdagger{}"
      case "ε": escaped += "$\\varepsilon$"
      case "α": escaped += "$\\alpha$"
      case "\n", "\r", "\r\n", "\t": escaped += " "
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// A row's cells joined by `&` and ended by `\\`. A first cell that
  /// starts with `[` or `*` gets a leading `{}`, so the `\\` or rule before
  /// it cannot read it as an optional argument or a star.
  static func latexRow(_ cells: [String]) -> String {
    var escaped = cells.map(latexEscaped)
    if let first = escaped.first?.first, first == "[" || first == "*" {
      escaped[0] = "{}" + escaped[0]
    }
    return escaped.joined(separator: " & ") + " \\\\"
  }

  /// A cross-reference key made only of letters, digits, `-`, `:` and `.`.
  static func latexLabel(_ label: String) -> String {
    String(
      label.map { character in
        character.isASCII && (character.isLetter || character.isNumber || "-:.".contains(character))
          ? character : "-"
      })
  }
}
