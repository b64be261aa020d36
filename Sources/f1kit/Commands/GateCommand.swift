import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import F1KitSupport

/// `f1kit gate`: a release decision in CI, from the same comparison
/// `f1kit compare` makes.
struct GateCommand: ParsableCommand {
  static let baseline = Argument<String>(
    name: "baseline", help: "The baseline model's prediction file, such as production's.")
  static let candidate = Argument<String>(
    name: "candidate", help: "The candidate model's prediction file for the same items.")
  static let metric = Option<Metric>(
    name: "metric", help: "The metric the gate decides on.", default: nil,
    allowedValues: Metric.allCases.map(\.rawValue),
    expectation: "one of " + Metric.allCases.map(\.rawValue).joined(separator: ", "),
    convert: { Metric(rawValue: $0) })
  static let margin = Option<Double>(
    name: "margin", valueName: "value",
    help: "The margin D on the metric's scale (0.01 is one point of F1).",
    default: nil, defaultDescription: nil, expectation: "a number from 0",
    convert: { Double($0).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } })
  static let mode = Option<ReleaseGate.Mode>(
    name: "mode",
    help:
      "non-inferiority: pass when the lower end of candidate − baseline is above −D; superiority: above +D; equivalence: the interval inside (−D, +D).",
    choice: .nonInferiority)
  static let format = Option<TextOrJSONFormat>(
    name: "format", help: "Output format.", default: .text)
  static let summary = Option<String?>(
    name: "summary", valueName: "path",
    help: "Append a Markdown block with the decision to this file, such as $GITHUB_STEP_SUMMARY.")

  static let configuration = CommandConfiguration(
    name: "gate",
    abstract: "Decide whether a candidate model may replace a baseline, for CI.",
    discussion: """
      Compares CANDIDATE with BASELINE on the same items exactly as 'f1kit compare \
      BASELINE CANDIDATE' does (same seed, resamples and confidence give the same \
      difference interval, to the last digit) and decides on the two-sided interval of \
      candidate − baseline, with strict inequalities: a bound exactly on the margin fails. \
      Non-inferiority and superiority are one-sided tests at level (1 − confidence)/2; \
      equivalence is the two one-sided tests (TOST), each at that level. When the test set \
      is too small for the margin to be reachable, a second line says so and how many items \
      would be needed. Exit status: 0 pass, 1 fail, 64 usage error, 65 bad data, 66 missing \
      input, 73 or 74 when --summary cannot be written.
      """,
    arguments: [baseline, candidate],
    options: [metric, margin, mode, format, summary, ModelNames.option]
      + ScoringOptions.declarations
      + ResamplingOptions.declarations + InputOptions.declarations)

  var paths: [String]
  var names: [String]
  var metric: Metric
  var gate: ReleaseGate
  var format: TextOrJSONFormat
  var summaryPath: String?
  var scoring: ScoringOptions
  var resampling: ResamplingOptions
  var input: InputOptions

  init(parsing values: ParsedValues) throws(UsageError) {
    paths = [values[Self.baseline], values[Self.candidate]]
    names = try ModelNames.given(values, paths: paths) ?? ModelNames.defaults(paths)
    metric = values[Self.metric]
    do {
      gate = try ReleaseGate(mode: values[Self.mode], margin: values[Self.margin])
    } catch {
      throw UsageError(error.description.prefix(1).uppercased() + error.description.dropFirst())
    }
    format = values[Self.format]
    summaryPath = values[Self.summary]
    scoring = ScoringOptions(values)
    resampling = ResamplingOptions(values)
    input = try InputOptions(values)
  }

  func run() throws(CommandFailure) -> CommandOutput {
    try InputOptions.checkNotDirectories(paths)
    try input.refuseLabelSetsAndWeights(in: "gate", paths: paths, problem: scoring.problem)
    let aligned = try CompareCommand.align(paths, input: input, names: names)
    let counts: ComparisonCounts
    do {
      counts = try ComparisonCounts(aligned)
    } catch {
      throw .data(error.description)
    }
    let comparison = try compare(counts, names: names)
    let decision: ReleaseDecision
    do {
      decision = try gate.decision(for: comparison)
    } catch {
      throw CommandFailure(error.description, status: .software)
    }
    if let summaryPath {
      do {
        try AppendingFileWriter.append(decision.markdownSummary(), toPath: summaryPath)
      } catch {
        switch error.kind {
        case .emptyPath: throw .usage(error.description)
        case .cannotCreate: throw .cannotCreate(error.description)
        case .inputOutput: throw .ioError(error.description)
        }
      }
    }
    let status: ExitStatus = decision.passes ? .success : .decisionFailed
    switch format {
    case .json:
      return CommandOutput(decision.jsonDocument().serialized() + "\n", status: status)
    case .text:
      let note = decision.reachabilityNote.map { $0 + "\n" } ?? ""
      return CommandOutput(decision.sentence + "\n" + note, status: status)
    }
  }

  /// The engine's comparison with `compare`'s defaults for everything the
  /// gate does not set, so the interval equals `compare`'s.
  private func compare(_ counts: ComparisonCounts, names: [String]) throws(CommandFailure)
    -> ModelComparison
  {
    let problem: ProblemKind
    do {
      problem = try ClassificationMetrics(
        confusionMatrix: counts.matrices[0], options: scoring.evaluation
      ).problem
    } catch {
      throw .usage(error.description)
    }
    if metric.isBinaryOnly && problem != .binary {
      throw .usage(
        "The metric '\(metric.rawValue)' needs a binary problem; this one has \(counts.labels.count) labels"
      )
    }
    let options = ComparisonOptions(
      metric: metric, bootstrap: resampling.bootstrap, seed: resampling.seed)
    let bar = ProgressBar(label: "resampling", isQuiet: resampling.isQuiet)
    do {
      defer { bar.finish() }
      return try ModelComparison(
        counts: counts, names: names, evaluation: scoring.evaluation, options: options,
        progress: bar.handler)
    } catch let error as MetricsError {
      throw .usage(error.description)
    } catch {
      throw .usage("\(error)")
    }
  }
}
