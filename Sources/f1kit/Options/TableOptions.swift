import CommandLineSupport

/// `--digits` of the paper-ready tables (`--format markdown` and `--format
/// latex`) of `compare` and `report`.
enum TableOptions {
  /// Decimal places in tables; three by default, as papers print scores.
  static let digits = Option<Int>(
    name: "digits", help: "Decimal places in Markdown and LaTeX tables.", default: 3, in: 0...17)

  /// The digits tables use by default.
  static let defaultDigits = 3
}
