/// The texts pandas' `read_csv` reads as a missing value (NaN) by default,
/// so that a label or group written that way is refused as an empty one
/// is, instead of being scored as a class or resampled as a group.
///
/// Files come to f1kit from pandas and R as often as by hand:
/// `df["pred"].map(str)` writes a missing prediction as `nan`, R's
/// `write.csv` writes `NA`, `astype("string")` writes `<NA>`, and a Python
/// `None` formatted into a line is `None`. Read back by pandas, each is
/// NaN, which scikit-learn refuses; read as text, each would be a class of
/// its own (a third class beside 0 and 1, and every metric moved).
public enum MissingValueText {
  /// pandas' default `na_values` other than the empty string, which the
  /// readers refuse on their own: matched exactly, as pandas matches them.
  public static let pandasTexts: Set<String> = [
    "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
  ]

  /// Whether pandas reads `text` as a missing value.
  ///
  /// - Parameter text: A label or group as read.
  /// - Returns: Whether it is one of ``pandasTexts``.
  public static func isMissing(_ text: String) -> Bool {
    text.utf8.count <= 8 && pandasTexts.contains(text)
  }
}
