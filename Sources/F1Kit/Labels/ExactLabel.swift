/// A label compared by its exact UTF-8 bytes.
///
/// Swift's `String` equality treats canonically equivalent spellings (a
/// precomposed `é` and `e` with a combining accent) as equal, but NumPy and
/// scikit-learn compare code points, so they are two classes there. F1Kit
/// keys every label lookup on this type to count them apart as well.
package struct ExactLabel: Hashable {
  package let label: String

  package init(_ label: String) { self.label = label }

  package static func == (left: ExactLabel, right: ExactLabel) -> Bool {
    left.label.utf8.elementsEqual(right.label.utf8)
  }

  package func hash(into hasher: inout Hasher) {
    for byte in label.utf8 { hasher.combine(byte) }
  }
}

extension Sequence<String> {
  /// The distinct labels by exact bytes, in first-seen order.
  package func distinctExactLabels() -> [String] {
    var seen: Set<ExactLabel> = []
    return filter { seen.insert(ExactLabel($0)).inserted }
  }

  /// A map from each label's exact bytes to its position.
  package func exactLabelPositions() -> [ExactLabel: Int] {
    var positions: [ExactLabel: Int] = [:]
    for (index, label) in enumerated() { positions[ExactLabel(label)] = index }
    return positions
  }
}
