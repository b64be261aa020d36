import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import Foundation

/// `f1kit report`: writes one self-contained HTML report for one or more
/// models scored on the same test items.
enum ReportCommand {
  static let specification = CommandSpecification(
    name: "report",
    abstract:
      "Write an HTML report with charts, intervals and metric advice for one or more models.",
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
        "resamples", "count",
        help: "Bootstrap and permutation resamples; 0 computes no intervals or tests.",
        default: "9999"),
      .value(
        "seed", "seed",
        help: "Seed of the random number generator (xoshiro256**), for reproducible reports.",
        default: String(Xoshiro256StarStar.defaultSeed)),
    ] + ScoringOptions.specifications + InputOptions.specifications
  )

  static func run(_ parsed: ParsedArguments) throws -> String {
    let command = specification
    guard let out = parsed.value("out", in: command) else {
      throw UsageError(message: "Missing expected option '--out <file>'")
    }
    let seed = try ResamplingOptions.seed(parsed, in: command)
    let resamples = try parsed.integer("resamples", in: command, within: 0...10_000_000) ?? 9_999
    let names = try parsed.value("names", in: command).map { text throws(UsageError) in
      try InputOptions.parseList(text)
    }
    if let names, names.count != parsed.positionals.count {
      throw UsageError(
        message:
          "Expected \(parsed.positionals.count) names for \(parsed.positionals.count) files, found \(names.count)"
      )
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
      evaluation: try ScoringOptions.evaluationOptions(parsed, in: command, labels: first.labels),
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
