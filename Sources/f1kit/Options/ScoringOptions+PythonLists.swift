import Foundation

extension ScoringOptions {
  /// For a `--labels` value that Python or NumPy printed rather than JSON
  /// (`['a', 'b']`, `[np.int64(0), np.int64(1)]`, `[0 1 2]`), the same
  /// labels written as `--labels` takes them; `nil` for other values,
  /// JSON refused for what it holds (`[true, null]`) among them.
  ///
  /// The labels are suggested, not taken: a printed list loses what
  /// JSON keeps (a quote or a comma within a label), so reading it would
  /// be a guess.
  ///
  /// - Parameter text: The refused value.
  /// - Returns: The hint, or `nil`.
  static func pythonListHint(for text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count > 2,
      (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) == nil
    else { return nil }
    let inner = String(trimmed.dropFirst().dropLast())
    guard let elements = printedElements(of: inner), !elements.isEmpty,
      elements.allSatisfy({ !$0.isEmpty && !$0.contains(",") })
    else { return nil }
    let labels = elements.joined(separator: ",")
    return
      "this looks like a list Python or NumPy printed, which is not JSON (JSON quotes with \", and NumPy's np.int64(0) is a number's repr); write --labels \(labels)"
  }

  /// The elements of a printed list's inside: separated by commas (Python)
  /// or spaces (NumPy), each unwrapped from `np.<type>(…)` and from single
  /// or double quotes; `nil` when an element is not one of those.
  private static func printedElements(of inner: String) -> [String]? {
    let separators: CharacterSet = inner.contains(",") ? [","] : .whitespaces
    let pieces = inner.components(separatedBy: separators)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    var elements: [String] = []
    for piece in pieces {
      var element = Substring(piece)
      if element.hasPrefix("np."), let open = element.firstIndex(of: "("), element.hasSuffix(")") {
        element = element[element.index(after: open)..<element.index(before: element.endIndex)]
      }
      if let first = element.first, first == "'" || first == "\"" {
        guard element.count >= 2, element.last == first else { return nil }
        element = element.dropFirst().dropLast()
        guard !element.contains("'"), !element.contains("\""), !element.contains("\\") else {
          return nil
        }
      } else if element.contains("(") || element.contains(")") {
        return nil
      }
      elements.append(String(element))
    }
    return elements
  }
}
