import F1Kit
import F1KitReport
import Foundation

/// `f1kit report`: writes one self-contained HTML report for one or more
/// models scored on the same test items.
enum ReportCommand {
  static let specification = CommandSpecification(
    name: "report",
    abstract: "Write an HTML report with charts, intervals and metric advice for one or more models.",
    discussion: """
      Reads each prediction file as 'f1kit evaluate' does and writes one HTML page: \
      a summary with a verdict, headline metrics and no-skill baselines, the per-class \
      classification report, confusion matrices, a comparison of each later model with \
      the first, an optional training curve, metric advice and the run's metadata. The \
      page needs no JavaScript and loads nothing. It is written atomically, and the same \
      inputs and seed give the same bytes.
      """,
    arguments: [
      .init(
        name: "files",
        help:
          "Prediction files (CSV, TSV or JSON Lines) of models scored on the same test items; the first is the reference.",
        isRepeating: true)
    ],
    options: [
      .value("out", "file", help: "The HTML file to write (required)."),
      .value("title", "title", help: "The report's title.", default: "Classifier evaluation"),
      .value(
        "names", "names",
        help: "Display names of the models, separated by commas (default: the file names)."),
      .value(
        "training-log", "file",
        help: "A CSV evaluation log (epoch,steps,<metric columns>) to draw as a training curve."),
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
      .value("seed", "seed", help: "The seed of the bootstrap and permutation resampling.", default: "0"),
      .value(
        "resamples", "count",
        help: "Bootstrap and permutation resamples; 0 computes no intervals or tests.",
        default: "1999"),
    ] + InputOptions.specifications
  )

  static func run(_ parsed: ParsedArguments) throws -> String {
    let command = specification
    guard let out = parsed.value("out", in: command) else {
      throw UsageError(message: "Missing expected option '--out <file>'")
    }
    let seedText = parsed.value("seed", in: command) ?? "0"
    guard let seed = UInt64(seedText) else {
      throw UsageError(
        message: "The value '\(seedText)' is invalid for '--seed'; expected a whole number from 0 to \(UInt64.max)")
    }
    let resamples = try parsed.integer("resamples", in: command, within: 0...10_000_000) ?? 1_999
    let names = try parsed.value("names", in: command).map { text throws(UsageError) in
      try InputOptions.parseList(text)
    }
    if let names, names.count != parsed.positionals.count {
      throw UsageError(
        message: "Expected \(parsed.positionals.count) names for \(parsed.positionals.count) files, found \(names.count)")
    }
    var trainingCurve: TrainingCurve?
    if let path = parsed.value("training-log", in: command) {
      do {
        trainingCurve = try TrainingCurve(contentsOfFile: path)
      } catch {
        let isUnreadable = if case .cannotRead = error.reason { true } else { false }
        throw CommandFailure(message: error.description, status: isUnreadable ? 66 : 65)
      }
    }
    var inputs: [ReportInput] = []
    for index in parsed.positionals.indices {
      let input = try InputOptions(parsed, in: command, fileIndex: index)
      let name = names?[index] ?? defaultName(for: input.path, among: parsed.positionals)
      inputs.append(try read(input, name: name))
    }
    let first = try InputOptions(parsed, in: command)
    let options = ReportOptions(
      title: parsed.value("title", in: command) ?? "Classifier evaluation",
      evaluation: EvaluationOptions(
        labels: first.labels,
        positiveLabel: parsed.value("positive", in: command),
        problem: parsed.value("problem", in: command).flatMap(ProblemKind.init(rawValue:)),
        zeroDivision: parsed.value("zero-division", in: command).flatMap(ZeroDivision.init(rawValue:))
          ?? .zero),
      seed: seed, resamples: resamples, toolVersion: F1KitTool.version,
      trainingCurve: trainingCurve)
    let report: ReportModel
    do {
      report = try ReportBuilder(options: options).build(inputs)
    } catch {
      switch error {
      case .invalidOptions(let message): throw UsageError(message: message)
      default: throw CommandFailure.data(error.description)
      }
    }
    do {
      try HTMLReport(report).write(toFile: out)
    } catch {
      throw CommandFailure.cannotCreate(error.description)
    }
    return ""
  }

  /// The file name without its extension, or the whole path when two
  /// files share a name.
  static func defaultName(for path: String, among paths: [String]) -> String {
    func stem(_ path: String) -> String {
      path == "-" ? "stdin" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
    let name = stem(path)
    return paths.filter { stem($0) == name }.count > 1 ? path : name
  }

  /// Reads a file's items, or its counts when it is a count table.
  static func read(_ input: InputOptions, name: String) throws -> ReportInput {
    do {
      let reader = try PredictionReader(path: input.path, options: input.reader)
      do {
        let items = try reader.readItems()
        do {
          return try ReportInput(name: name, sourceFile: input.path, items: items)
        } catch {
          throw CommandFailure.data("\(input.path): \(error.description)")
        }
      } catch let error as PredictionFileError {
        guard case .countTableHasNoItems = error.reason else { throw error }
        return ReportInput(
          name: name, sourceFile: input.path, confusionMatrix: try input.readConfusionMatrix())
      }
    } catch let error as PredictionFileError {
      throw CommandFailure(message: error.description, status: InputOptions.exitStatus(of: error))
    }
  }
}
