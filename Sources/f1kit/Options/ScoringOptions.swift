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
    default: .some(nil),
    expectation: "labels separated by commas, or a JSON array of strings or numbers",
    convert: { parseList($0).map { .some($0) } }, hint: pythonListHint(for:))
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

  /// Splits `a,b,c`, or decodes a JSON array of strings and numbers, for
  /// labels that contain commas and for a list pasted from Python
  /// (`sorted(set(y))` prints `[0, 1, 2]`).
  ///
  /// A number keeps its JSON spelling (`1.0` stays `1.0`), and names a
  /// label as the comma form does: numeric labels then match by value, as
  /// scikit-learn's `labels=` does.
  ///
  /// - Parameter text: The option's value.
  /// - Returns: The list, or `nil` when text starting with `[` is not a JSON
  ///   array of strings and numbers.
  static func parseList(_ text: String) -> [String]? {
    guard text.hasPrefix("[") else {
      return text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let elements = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any]
    else { return nil }
    if let strings = elements as? [String] { return strings }
    // Numbers are read again from the text, to keep their spelling.
    guard let tokens = elementTexts(ofArray: text), tokens.count == elements.count else {
      return nil
    }
    var labels: [String] = []
    for token in tokens {
      if token.hasPrefix("\"") {
        guard let label = try? JSONDecoder().decode(String.self, from: Data(token.utf8)) else {
          return nil
        }
        labels.append(label)
      } else {
        guard let first = token.unicodeScalars.first,
          first == "-" || ("0"..."9").contains(first), Double(token) != nil
        else { return nil }
        labels.append(token)
      }
    }
    return labels
  }

  /// The text of each element of a JSON array of scalars, trimmed of
  /// spaces: a string keeps its quotes and escapes.
  private static func elementTexts(ofArray text: String) -> [String]? {
    let scalars = Array(text.unicodeScalars)
    guard let open = scalars.firstIndex(of: "["), let close = scalars.lastIndex(of: "]"),
      open < close
    else { return nil }
    var elements: [String] = []
    var current = String.UnicodeScalarView()
    var isInString = false
    var isEscaped = false
    for scalar in scalars[(open + 1)..<close] {
      if isInString {
        current.append(scalar)
        if isEscaped {
          isEscaped = false
        } else if scalar == "\\" {
          isEscaped = true
        } else if scalar == "\"" {
          isInString = false
        }
      } else if scalar == "," {
        elements.append(String(current).trimmingCharacters(in: .whitespacesAndNewlines))
        current = String.UnicodeScalarView()
      } else {
        if scalar == "\"" { isInString = true }
        current.append(scalar)
      }
    }
    let last = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
    if !last.isEmpty || !elements.isEmpty { elements.append(last) }
    return elements
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
