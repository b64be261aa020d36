import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics
import F1KitSupport
import Foundation

/// `f1kit tune`: chooses the cut-off of a binary score column on a
/// development file, to freeze and apply to a test file with
/// `--threshold-from`.
struct TuneCommand: ParsableCommand {
  static let metric = Option<Metric>(
    name: "metric", help: "The metric the cut-off maximises.", default: .binaryF1,
    defaultDescription: "binary_f1", allowedValues: tunableMetrics.map(\.rawValue),
    expectation: "one of " + tunableMetrics.map(\.rawValue).joined(separator: ", "),
    convert: { text in Metric(rawValue: text).flatMap { tunableMetrics.contains($0) ? $0 : nil } })
  static let minimumPrecision = Option<Double?>(
    name: "min-precision", valueName: "P",
    help: "Maximise recall among cut-offs whose precision is at least P (instead of --metric).",
    default: .some(nil), expectation: "a number from 0 to 1",
    convert: { Double($0).flatMap { $0 >= 0 && $0 <= 1 ? .some($0) : nil } })
  static let minimumRecall = Option<Double?>(
    name: "min-recall", valueName: "R",
    help: "Maximise precision among cut-offs whose recall is at least R (instead of --metric).",
    default: .some(nil), expectation: "a number from 0 to 1",
    convert: { Double($0).flatMap { $0 >= 0 && $0 <= 1 ? .some($0) : nil } })
  static let out = Option<FilePath?>(
    name: "out", valueName: "file",
    help: "Also write the JSON to this file, for --threshold-from.")

  /// The metrics a cut-off can maximise: every metric of a binary problem,
  /// the F-beta ones with `--beta`.
  static let tunableMetrics = Metric.allCases

  static let configuration = ScikitLearnOptions.hinting(
    CommandConfiguration(
      name: "tune",
      abstract: "Choose the cut-off of a binary score column on a development file.",
      discussion: """
        Reads gold labels and one score per item (--score-column) from a development \
        file and picks the cut-off that maximises --metric (binary F1 by default; an F-beta \
        metric with --beta), or the \
        best recall at --min-precision, or the best precision at --min-recall. Every \
        distinct score is a candidate, as is a cut-off just above the highest; an item is \
        positive when its score is at least the cut-off, so tied items are never split and \
        a constant score cannot score perfectly; among equal values the highest cut-off \
        wins. Prints {"threshold", "metric", "value", "candidates", ...} as JSON; --out \
        also writes it, for 'evaluate', 'compare' and 'report' with --threshold-from on a \
        test file. Never tune on the test file itself: its results would be optimistic.
        """,
      arguments: [InputOptions.file],
      options: [metric, minimumPrecision, minimumRecall, out] + ScoringOptions.declarations
        + InputOptions.declarations))

  var path: String
  var metric: Metric
  var constraint: ThresholdConstraint?
  var outputPath: String?
  var scoring: ScoringOptions
  var input: InputOptions

  init(parsing values: ParsedValues) throws(UsageError) {
    path = values[InputOptions.file]
    metric = values[Self.metric]
    switch (values[Self.minimumPrecision], values[Self.minimumRecall]) {
    case (.some, .some):
      throw UsageError("'--min-precision' and '--min-recall' cannot be used together")
    case (.some(let precision), nil): constraint = .minimumPrecision(precision)
    case (nil, .some(let recall)): constraint = .minimumRecall(recall)
    case (nil, nil): constraint = nil
    }
    if constraint != nil, values.isSpecified(Self.metric) {
      throw UsageError("'--metric' cannot be used with '--min-precision' or '--min-recall'")
    }
    outputPath = values[Self.out]?.path
    try OutputPaths.refuseClashes([("--out", outputPath)], inputs: [path])
    scoring = ScoringOptions(values)
    if constraint == nil, metric.isFBeta, scoring.evaluation.beta == nil {
      throw UsageError("the metric '\(metric.rawValue)' needs --beta, the F-beta's beta")
    }
    // A beta the chosen cut-off would not depend on is a request tune
    // cannot honour: say so rather than tune F1 in its place.
    if let beta = scoring.evaluation.beta, constraint != nil || !metric.isFBeta {
      throw UsageError(
        constraint != nil
          ? "'--beta' has no effect with '--min-precision' or '--min-recall', which tune recall or precision"
          : "'--beta \(NumberText.shortestBare(beta))' applies to the F-beta metrics, but tune maximises '\(metric.rawValue)'; give --metric binary_fbeta --beta \(NumberText.shortestBare(beta)) to tune F-beta"
      )
    }
    input = try InputOptions(values)
    // tune chooses the cut-off, so the default one read with is no claim
    // and cuts nothing.
    input.readsScoresUncut()
    if input.thresholdResolver != nil || input.isThresholdGiven {
      throw UsageError(
        "'tune' chooses the cut-off; it takes no '--threshold' or '--threshold-from'")
    }
  }

  /// Refuses a development file whose items are all of one class: every
  /// cut-off then scores alike (F1 0 with no positives, recall 1 with no
  /// negatives), so the one chosen would be an accident of ties, written
  /// to a file that later evaluations trust.
  ///
  /// - Parameters:
  ///   - sweep: The file's cut-offs.
  ///   - items: The number of items read.
  ///   - positive: The positive label, for the message.
  ///   - path: The file, for the message.
  /// - Throws: A data failure when the file has no positive or no negative
  ///   item.
  static func refuseOneClass(
    _ sweep: ThresholdSweep, items: Int, positive: String?, in path: String
  ) throws(CommandFailure) {
    guard sweep.positiveCount == 0 || sweep.positiveCount == items else { return }
    let label = positive.map { " (\(TerminalText.quoted($0)))" } ?? ""
    let which =
      sweep.positiveCount == 0
      ? "no item is of the positive class\(label)" : "every item is of the positive class\(label)"
    throw .data(
      "\(path): \(which), so every cut-off scores alike and none can be tuned: tune on a development file with items of both classes"
    )
  }

  func run() throws(CommandFailure) -> CommandOutput {
    try InputOptions.refuseFoldersAndPipes([path])
    try input.refuseWeightedSweep(in: "tune")
    guard input.reader.scoreColumn != nil else {
      throw .usage("tune needs one binary score column: give --score-column")
    }
    let (items, model) = try input.readScoredModel(path)
    guard case .binary(let scores) = model else {
      throw .usage("tune needs one binary score column: give --score-column")
    }
    let sweep: ThresholdSweep
    do {
      sweep = try ThresholdSweep(scores: scores.scores, gold: scores.isPositive)
    } catch {
      throw .data("\(path): \(error.description)")
    }
    try Self.refuseOneClass(sweep, items: scores.count, positive: items.positiveLabel, in: path)
    let tuning: ThresholdTuning
    if let constraint {
      guard let found = ThresholdTuner.tune(sweep, constraint: constraint) else {
        throw .data(
          "\(path): no cut-off reaches \(constraint.description) (\(sweep.positiveCount) positive items)"
        )
      }
      tuning = found
    } else {
      tuning = ThresholdTuner.tune(
        sweep, maximizing: metric, zeroDivision: scoring.evaluation.zeroDivision,
        beta: scoring.evaluation.beta ?? 1)
    }
    var origin: [(key: String, value: JSONValue)] = [("file", .string(path))]
    // Standard input cannot be identified afterwards, by name or contents:
    // say so, for --threshold-from to caution rather than check.
    if FileIdentity.isStandardInput(path) {
      origin.append(("standard_input", .bool(true)))
    } else {
      if let size = TunedThreshold.byteCount(of: path) { origin.append(("bytes", .integer(size))) }
      if let digest = SHA256.hexDigest(ofFileAtPath: path) {
        origin.append(("sha256", .string(digest)))
      }
    }
    origin += [
      ("items", .integer(scores.count)), ("score_column", .string(input.reader.scoreColumn ?? "")),
      ("positive", items.positiveLabel.map(JSONValue.string) ?? .null),
      // What kind of score the cut-off belongs to, for --threshold-from to
      // warn when it is applied to another (probabilities against logits).
      ("lowest_score", .number(sweep.scoreRange.lowerBound)),
      ("highest_score", .number(sweep.scoreRange.upperBound)),
    ]
    var members: [(key: String, value: JSONValue)] = [
      ("threshold", .number(tuning.threshold)), ("metric", .string(tuning.metric.rawValue)),
      ("value", .number(tuning.value)), ("candidates", .integer(tuning.candidateCount)),
      ("positive_count", .integer(tuning.positiveCount)),
    ]
    if let beta = tuning.beta { members.insert(("beta", .number(beta)), at: 2) }
    switch tuning.constraint {
    case .minimumPrecision(let precision):
      members.append(("constraint", .object([("min_precision", .number(precision))])))
    case .minimumRecall(let recall):
      members.append(("constraint", .object([("min_recall", .number(recall))])))
    case nil:
      members.append(("constraint", .null))
    }
    members.append(("tuned_on", .object(origin)))
    let text = JSONValue.object(members).serialized() + "\n"
    if let outputPath {
      do {
        try AtomicFileWriter.write(text, toPath: outputPath)
      } catch {
        throw CommandFailure(
          error.description, status: error.kind == .inputOutput ? .ioError : .cannotCreate)
      }
    }
    return CommandOutput(text)
  }
}
