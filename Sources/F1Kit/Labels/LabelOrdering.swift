/// The order F1Kit gives labels when the caller names none: the order
/// scikit-learn's `unique_labels` produces for the same data.
///
/// When every label is a number (`2`, `-1`, `0.5`, `1e3`: what pandas reads
/// as a number), labels sort by numeric value, as NumPy sorts a numeric
/// array: `2` comes before `10`, and `2.5` between them. Otherwise they sort
/// by Unicode code point, as NumPy sorts an array of `str`: `Zebra` comes
/// before `apple`, and `é` after both.
public enum LabelOrdering {
  /// Returns the distinct labels of a sequence in F1Kit's default label order.
  ///
  /// - Parameter labels: Labels in any order; duplicates are removed.
  /// - Returns: The distinct labels, numerically ordered when all are
  ///   numbers (equal values spelled differently, such as `1` and `1.0`, in
  ///   code-point order) and in code-point order otherwise.
  /// - Complexity: O(*n* log *n*), where *n* is the number of distinct labels.
  public static func sorted(_ labels: some Sequence<String>) -> [String] {
    let distinct = labels.distinctExactLabels()
    if distinct.allSatisfy(isInteger) {
      return distinct.sorted(by: integerPrecedes)
    }
    var values: [DecimalLabel] = []
    values.reserveCapacity(distinct.count)
    for label in distinct {
      guard case .number(let value) = DecimalLabel.reading(label) else {
        return distinct.sorted(by: codePointPrecedes)
      }
      values.append(value)
    }
    return zip(values, distinct).sorted { left, right in
      if left.0.isLess(than: right.0) { return true }
      if right.0.isLess(than: left.0) { return false }
      return codePointPrecedes(left.1, right.1)
    }.map(\.1)
  }

  /// Returns whether a label is spelled as a base-10 integer.
  ///
  /// - Parameter label: The label to inspect.
  /// - Returns: `true` for an optional `-` followed by one or more ASCII
  ///   digits.
  public static func isInteger(_ label: String) -> Bool {
    var bytes = label.utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    return !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// Orders two integer labels by value without overflowing, whatever their
  /// length; equal values spelled differently (`1`, `01`) fall back to
  /// code-point order so the result stays a strict total order.
  static func integerPrecedes(_ left: String, _ right: String) -> Bool {
    let leftNegative = left.utf8.first == UInt8(ascii: "-")
    let rightNegative = right.utf8.first == UInt8(ascii: "-")
    if leftNegative != rightNegative { return leftNegative }
    let leftDigits = significantDigits(left)
    let rightDigits = significantDigits(right)
    let magnitudeOrder: Bool?
    if leftDigits.count != rightDigits.count {
      magnitudeOrder = leftDigits.count < rightDigits.count
    } else if leftDigits != rightDigits {
      magnitudeOrder = leftDigits.lexicographicallyPrecedes(rightDigits)
    } else {
      magnitudeOrder = nil
    }
    guard let magnitudeOrder else { return codePointPrecedes(left, right) }
    return leftNegative ? !magnitudeOrder : magnitudeOrder
  }

  private static func significantDigits(_ label: String) -> [UInt8] {
    let digits = label.utf8.drop { $0 == UInt8(ascii: "-") }
    let trimmed = digits.drop { $0 == UInt8(ascii: "0") }
    return trimmed.isEmpty ? [UInt8(ascii: "0")] : Array(trimmed)
  }

  /// Orders by Unicode scalar values, as NumPy compares `str` arrays; Swift's
  /// own `<` on `String` compares canonical equivalents instead.
  static func codePointPrecedes(_ left: String, _ right: String) -> Bool {
    left.unicodeScalars.lazy.map(\.value)
      .lexicographicallyPrecedes(right.unicodeScalars.lazy.map(\.value))
  }
}
