import CommandLineSupport
import F1Kit
import Foundation

/// The options every scoring command shares: which labels, which is
/// positive, the kind of problem and the zero-division rule.
struct ScoringOptions {
  static let labels = Option<[String]?>(
    name: "labels",
    help:
      "Labels to evaluate, in order, separated by commas (or a JSON array); may name labels that never occur, but at least one must be a gold label.",
    default: .some(nil), expectation: "labels separated by commas, or a JSON array of strings",
    convert: { parseList($0).map { .some($0) } })
  static let positive = Option<String?>(
    name: "positive", valueName: "label", help: "The positive label of a binary problem.")
  static let problem = Option<ProblemChoice?>(
    name: "problem",
    help:
      "The kind of problem; inferred when omitted: multilabel when label cells hold sets ('a|b' or JSON arrays), else binary for two labels and multiclass otherwise."
  )
  static let zeroDivision = Option<ZeroDivision>(
    name: "zero-division", valueName: "value",
    help: "The score of a precision, recall or F1 whose denominator is zero.", choice: .zero)

  static let beta = Option<Double?>(
    name: "beta",
    help:
      "Also report F-beta (binary_fbeta, micro_fbeta, macro_fbeta, weighted_fbeta) with this beta; > 1 favours recall.",
    default: .some(nil),
    expectation: "a number of at least 0 whose square is finite (at most 1.3e154)",
    convert: { Double($0).flatMap { EvaluationOptions.isValidBeta($0) ? .some($0) : nil } })

  /// The declarations, in help order.
  static let declarations: [any OptionDeclaration] = [
    labels, positive, problem, zeroDivision, beta,
  ]

  /// The evaluation options the command line asks for.
  var evaluation: EvaluationOptions
  /// The `--problem` given, if any.
  var problem: ProblemChoice?
  /// Whether `--zero-division` was given, which silences the warning about
  /// undefined scores.
  var isZeroDivisionChosen: Bool

  /// Reads the options.
  ///
  /// - Parameter values: The parsed command line.
  init(_ values: ParsedValues) {
    problem = values[Self.problem]
    evaluation = EvaluationOptions(
      labels: values[Self.labels], positiveLabel: values[Self.positive],
      problem: problem?.kind, zeroDivision: values[Self.zeroDivision],
      beta: values[Self.beta])
    isZeroDivisionChosen = values.isSpecified(Self.zeroDivision)
  }

  /// Splits `a,b,c`, or decodes a JSON array of strings for labels that
  /// contain commas.
  ///
  /// - Parameter text: The option's value.
  /// - Returns: The list, or `nil` when text starting with `[` is not a JSON
  ///   array of strings.
  static func parseList(_ text: String) -> [String]? {
    guard text.hasPrefix("[") else {
      return text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String]
  }
}

/// `--problem`: a single-label kind, or multilabel.
enum ProblemChoice: String, CaseIterable, ExpressibleByArgument {
  case binary, multiclass, multilabel

  /// The single-label kind, or `nil` for multilabel.
  var kind: ProblemKind? {
    switch self {
    case .binary: .binary
    case .multiclass: .multiclass
    case .multilabel: nil
    }
  }
}
