import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics
import F1KitSupport
import Foundation

/// Where `--threshold-from` takes each evaluated file's cut-off from: a
/// threshold file written by `f1kit tune --out`, or a development
/// prediction file tuned for binary F1 when first needed.
///
/// With one source every file gets its cut-off; with several, the files
/// get them in the order they are read (the command-line order). A source
/// that is the evaluated file itself (same path or same contents) still
/// applies, with a warning, since its results are optimistic
/// (sentence-transformers issue #755).
final class ThresholdResolver: @unchecked Sendable {
  /// The sources as given.
  let sources: [String]
  private let lock = NSLock()
  private var assignments: [String: Int] = [:]
  private var choices: [String: ThresholdChoice] = [:]
  private var tunings: [Int: TunedThreshold] = [:]

  /// Creates a resolver.
  ///
  /// - Parameter sources: The files of `--threshold-from`.
  init(sources: [String]) { self.sources = sources }

  /// Refuses several sources that do not match the files read one for one:
  /// each file takes the next source, so a source too many or too few
  /// means the two lists were not paired as meant.
  ///
  /// - Parameter files: The prediction files the command reads.
  /// - Throws: A ``UsageError`` naming both counts.
  func checkSourceCount(files: [String]) throws(UsageError) {
    let fileCount = Set(files).count
    guard sources.count > 1, sources.count != fileCount else { return }
    throw UsageError(
      "'--threshold-from' names \(sources.count) files for \(fileCount) prediction \(fileCount == 1 ? "file" : "files"); give one, or one per file in order"
    )
  }

  /// The cut-off of one evaluated file and where it came from.
  ///
  /// - Parameters:
  ///   - path: The evaluated file.
  ///   - input: The input options, to read a development file with.
  /// - Returns: The choice, worked out once per file.
  /// - Throws: A one-line failure when a source cannot be read or tuned,
  ///   or more files are read than sources given.
  func choice(for path: String, input: InputOptions) throws(CommandFailure) -> ThresholdChoice {
    lock.lock()
    defer { lock.unlock() }
    if let choice = choices[path] { return choice }
    let index: Int
    if sources.count == 1 {
      index = 0
    } else if let assigned = assignments[path] {
      index = assigned
    } else {
      guard assignments.count < sources.count else {
        throw .usage(
          "'--threshold-from' names \(sources.count) files but more prediction files are read; give one, or one per file in order"
        )
      }
      index = assignments.count
      assignments[path] = index
    }
    let tuned: TunedThreshold
    if let cached = tunings[index] {
      tuned = cached
    } else {
      tuned = try TunedThreshold(source: sources[index], input: input)
      tunings[index] = tuned
      Console.writeWarnings(
        tuned.warnings
          + tuned.mismatches(
            scoreColumn: input.reader.scoreColumn, positiveLabel: input.reader.positiveLabel))
    }
    guard let tuning = tuned.tuning else {
      let choice = ThresholdChoice(threshold: tuned.threshold, source: .givenInFile(tuned.source))
      choices[path] = choice
      return choice
    }
    let isSame = tuned.isSameFile(as: path)
    if isSame {
      Console.writeError(
        "warning: the threshold for \(path) was tuned on \(tuned.file), which is that file itself; its results are optimistic (tune on development data)\n"
      )
    } else if let caution = tuned.unidentifiedOriginCaution(for: path) {
      Console.writeWarnings([caution])
    }
    let choice = ThresholdChoice(
      threshold: tuned.threshold,
      source: .tuned(file: tuned.file, tuning: tuning, isEvaluatedFile: isSame))
    choices[path] = choice
    return choice
  }
}

/// A threshold from `--threshold-from`: tuned on a development file, or
/// given in a threshold file, with what identifies where it came from.
struct TunedThreshold {
  /// The `--threshold-from` file, as named.
  let source: String
  /// The threshold.
  let threshold: Double
  /// The development file, as named (``source`` when not recorded).
  let file: String
  /// The tuner's result on it, or `nil` for a threshold file without the
  /// full record `f1kit tune --out` writes, such as a hand-written
  /// `{"threshold": 0.4}` or `{"threshold": 0.4, "metric": "binary_f1"}`.
  let tuning: ThresholdTuning?
  /// The development file's size in bytes, when known.
  let byteCount: Int?
  /// The development file's SHA-256, when known.
  let digest: String?
  /// The score column the threshold was tuned on, when recorded.
  let scoreColumn: String?
  /// The positive label the scores were read for, when recorded.
  let positiveLabel: String?
  /// Whether the development data came from standard input, which
  /// cannot be identified, so no evaluated file can be checked against it.
  let isStandardInput: Bool
  /// Cautions about the threshold file itself, without `warning:`.
  private(set) var warnings: [String] = []

  /// Reads a threshold file, or tunes binary F1 on a development file.
  ///
  /// - Parameters:
  ///   - source: A JSON file written by `f1kit tune --out`, or a prediction
  ///     file with the same score column.
  ///   - input: The input options, to read a development file with.
  /// - Throws: A one-line failure: 66 for a missing file, 65 for one that
  ///   cannot be tuned or a threshold file whose threshold is not a finite
  ///   number, whose metric is unknown, or whose F-beta metric has no beta.
  init(source: String, input: InputOptions) throws(CommandFailure) {
    try InputOptions.refuseFoldersAndPipes([source], kind: "a threshold or development file")
    self.source = source
    if let record = try ThresholdFile.record(at: source) {
      let written = try ThresholdFile(record, source: source)
      threshold = written.threshold
      tuning =
        written.isTuned ? try Self.tuning(in: record, threshold: threshold, source: source) : nil
      let origin = record["tuned_on"]
      byteCount = origin?["bytes"]?.integer
      digest = origin?["sha256"]?.text
      scoreColumn = origin?["score_column"]?.text
      positiveLabel = origin?["positive"]?.text
      isStandardInput = origin.map(ThresholdFile.isStandardInput(origin:)) ?? false
      file = isStandardInput ? Self.standardInputName : origin?["file"]?.text ?? source
      if !written.missingTunedKeys.isEmpty {
        let present = ThresholdFile.keys.dropFirst().filter { record[$0] != nil }
        warnings.append(
          "\(source) has \(ThresholdFile.list(present, conjunction: "and")) but not \(ThresholdFile.list(written.missingTunedKeys, conjunction: "or")), which 'f1kit tune --out' writes with them; its cut-off is taken as given in \(source), not as tuned on development data"
        )
      }
      return
    }
    var plain = input
    plain.thresholdResolver = nil
    let (_, model) = try plain.readScoredModel(source)
    guard case .binary(let scores) = model else {
      throw .usage("'--threshold-from' needs one binary score column: give --score-column")
    }
    let tuning: ThresholdTuning
    do {
      tuning = try ThresholdTuner.tune(scores: scores.scores, gold: scores.isPositive)
    } catch {
      throw .data("\(source): \(error.description)")
    }
    self.tuning = tuning
    threshold = tuning.threshold
    isStandardInput = FileIdentity.isStandardInput(source)
    file = isStandardInput ? Self.standardInputName : source
    byteCount = Self.byteCount(of: source)
    digest = nil
    scoreColumn = nil
    positiveLabel = nil
  }

  /// The tuning a threshold file records, or `nil` when it names no
  /// metric.
  private static func tuning(
    in record: ParsedJSON, threshold: Double, source: String
  ) throws(CommandFailure) -> ThresholdTuning? {
    guard let name = record["metric"], !name.isNull else { return nil }
    guard let metric = name.text.flatMap(Metric.init(rawValue:)) else {
      throw .data("\(source): \"metric\" must name a metric, found \(ThresholdFile.describe(name))")
    }
    var constraint: ThresholdConstraint?
    if let floors = record["constraint"] {
      if let precision = floors["min_precision"]?.double {
        constraint = .minimumPrecision(precision)
      } else if let recall = floors["min_recall"]?.double {
        constraint = .minimumRecall(recall)
      }
    }
    // Judging an F-beta cut-off with F1's beta would be a wrong number.
    let beta = record["beta"]?.double
    if metric.isFBeta, beta.map({ !$0.isFinite || $0 < 0 }) ?? true {
      throw .data(
        "\(source): \"metric\" \(metric.rawValue) needs \"beta\", a number of at least 0, found \(ThresholdFile.describe(record["beta"] ?? .null))"
      )
    }
    return ThresholdTuning(
      threshold: threshold, metric: metric, value: record["value"]?.double ?? .nan,
      positiveCount: record["positive_count"]?.integer ?? 0,
      candidateCount: record["candidates"]?.integer ?? 0, constraint: constraint, beta: beta,
      scoreRange: scoreRange(in: record["tuned_on"]))
  }

  /// The range of the development scores a threshold file records, or
  /// `nil` when it records none (files of earlier versions of tune) or
  /// not two finite numbers in order.
  private static func scoreRange(in origin: ParsedJSON?) -> ClosedRange<Double>? {
    guard let lowest = origin?["lowest_score"]?.double,
      let highest = origin?["highest_score"]?.double,
      lowest.isFinite, highest.isFinite, lowest <= highest
    else { return nil }
    return lowest...highest
  }

  /// What differs between where the threshold was tuned and where it is
  /// applied: another score column, or scores read for another positive
  /// label. A cut-off carries over only to the same kind of score.
  ///
  /// - Parameters:
  ///   - scoreColumn: The `--score-column` applied to.
  ///   - positiveLabel: The `--positive` given, if any.
  /// - Returns: One sentence per difference, without `warning:`.
  func mismatches(scoreColumn applied: String?, positiveLabel given: String?) -> [String] {
    var sentences: [String] = []
    if let scoreColumn, let applied, scoreColumn != applied {
      sentences.append(
        "the cut-off in \(source) was tuned on the score column \"\(scoreColumn)\" of \(file) and is applied to \"\(applied)\"; a cut-off carries over only to the same kind of score (tune on development scores of \"\(applied)\")"
      )
    }
    if let positiveLabel, let given, positiveLabel != given {
      sentences.append(
        "the cut-off in \(source) was tuned on scores of the positive label \"\(positiveLabel)\" and is applied with --positive \(given); it cuts the other class's scores (tune with --positive \(given))"
      )
    }
    return sentences
  }

  /// Whether an evaluated file is the development file: the same path, or
  /// the same size and SHA-256.
  ///
  /// Standard input (`-`, `/dev/stdin`, …) is neither: its name says
  /// nothing of its contents, which differ from one run to the next, and
  /// which ``unidentifiedOriginCaution(for:)`` says cannot be checked.
  ///
  /// - Parameter path: The evaluated file.
  /// - Returns: Whether it is the same file.
  func isSameFile(as path: String) -> Bool {
    guard !FileIdentity.isStandardInput(path), !isStandardInput else { return false }
    if Self.canonical(path) == Self.canonical(file) { return true }
    guard let size = Self.byteCount(of: path), size == byteCount else { return false }
    let evaluated = SHA256.hexDigest(ofFileAtPath: path)
    return evaluated != nil && evaluated == (digest ?? SHA256.hexDigest(ofFileAtPath: file))
  }

  /// What a development file read from standard input is called in
  /// messages and in the JSON: `-` names no file a reader could open.
  static let standardInputName = "standard input"

  /// The caution when either side is standard input: whether the
  /// evaluated data is the data the cut-off was tuned on cannot be
  /// checked, and when both are standard input they may well be the same.
  ///
  /// - Parameter path: The evaluated file.
  /// - Returns: The caution without `warning:`, or `nil` when both files
  ///   are named, so ``isSameFile(as:)`` decides.
  func unidentifiedOriginCaution(for path: String) -> String? {
    let isEvaluatedStandardInput = FileIdentity.isStandardInput(path)
    switch (isStandardInput, isEvaluatedStandardInput) {
    case (false, false):
      return nil
    case (false, true):
      // Piping the development file itself back in is the easy mistake
      // here, and it would report the tuned value as a test result.
      return
        "the threshold in \(source) was tuned on \(file), and \(path) is standard input, which cannot be identified: whether it is that file is not checked, and if it is, its results are optimistic (name the evaluated file)"
    case (true, true):
      return
        "the threshold in \(source) was tuned on standard input, and \(path) is standard input too: whether they are the same data cannot be checked, and if they are, its results are optimistic (tune on a development file given by name)"
    case (true, false):
      return
        "the threshold in \(source) was tuned on standard input, which cannot be identified, so whether \(path) is the data it was tuned on is not checked (tune on a development file given by name)"
    }
  }

  /// The size of the regular file at `path`, following symbolic links:
  /// a development file named by a link is identified by the file's size,
  /// not the link's.
  ///
  /// - Parameter path: A file.
  /// - Returns: Its size in bytes; `nil` when it cannot be examined or is
  ///   not a regular file.
  static func byteCount(of path: String) -> Int? {
    FileIdentity.size(of: path)
  }

  private static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
