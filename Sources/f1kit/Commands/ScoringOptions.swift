import F1Kit

/// The options every scoring command shares: which labels, which is
/// positive, the kind of problem and the zero-division rule.
enum ScoringOptions {
  static let specifications: [CommandSpecification.Option] = [
    .value(
      "labels", "labels",
      help:
        "Labels to evaluate, in order, separated by commas (or a JSON array); may name labels that never occur."
    ),
    .value("positive", "label", help: "The positive label of a binary problem."),
    .value(
      "problem", "problem",
      help: "The kind of problem; inferred from the number of labels when omitted.",
      allowed: ["binary", "multiclass"]),
    .value(
      "zero-division", "value",
      help: "The score of a precision, recall or F1 whose denominator is zero.",
      allowed: ["0", "1", "nan"], default: "0"),
    .value(
      "beta", "beta",
      help:
        "Also report F-beta (binary_fbeta, micro_fbeta, macro_fbeta, weighted_fbeta) with this beta; > 1 favours recall."
    ),
  ]

  /// The evaluation options a command line asks for.
  ///
  /// - Parameters:
  ///   - parsed: The parsed command line.
  ///   - command: The command, for defaults.
  ///   - labels: The labels parsed from `--labels`, if given.
  /// - Throws: ``UsageError`` when `--beta` is not a number of at least 0.
  static func evaluationOptions(
    _ parsed: ParsedArguments, in command: CommandSpecification, labels: [String]?
  ) throws(UsageError) -> EvaluationOptions {
    try EvaluationOptions(
      labels: labels,
      positiveLabel: parsed.value("positive", in: command),
      problem: parsed.value("problem", in: command).flatMap(ProblemKind.init(rawValue:)),
      zeroDivision: parsed.value("zero-division", in: command).flatMap(ZeroDivision.init(rawValue:))
        ?? .zero,
      beta: parsed.number("beta", in: command, within: 0...1e300))
  }
}
