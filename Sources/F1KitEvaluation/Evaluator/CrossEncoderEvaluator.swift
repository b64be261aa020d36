import F1Kit
import F1KitSupport
import Foundation

/// Scores a cross-encoder on labelled sentence pairs with
/// scikit-learn-exact F1 metrics, for a training loop to call every few
/// steps.
///
/// It is the Swift counterpart of sentence-transformers'
/// `CrossEncoderClassificationEvaluator` and `CEF1Evaluator`, with these
/// differences:
///
/// - Metrics come from `ClassificationMetrics` over (gold, predicted) in
///   that order. `CEF1Evaluator` calls `f1_score(pred_labels, labels)`,
///   which swaps them and changes weighted F1.
/// - A single-output binary model is thresholded at a fixed threshold, or at
///   one tuned on a development set and then frozen for the test set (see
///   ``BinaryDecision``); tuning never splits tied scores and considers the
///   all-positive end (see F1Kit's `ThresholdTuner`).
/// - The results log never puts a row under a header with other columns
///   and survives a crash mid-write (see ``ResultsLog``).
/// - Multilabel tasks report samples-F1.
///
/// ```swift
/// let evaluator = try CrossEncoderEvaluator(
///   sentencePairs: pairs, labels: labels, name: "stsb-dev",
///   task: .binary(.tunedThreshold(maximizing: .binaryF1)))
/// let result = try evaluator.evaluate(model, outputDirectory: output, epoch: 1.5, step: 300)
/// print(result["stsb-dev_binary_f1"]!, result.threshold!)
/// ```
public struct CrossEncoderEvaluator: CrossEncoderEvaluating {
  /// The gold labels: one class per pair, or a set of classes per pair.
  enum GoldLabels: Hashable, Sendable {
    case classes([Int])
    case classSets([Set<Int>])
  }

  /// The name that prefixes metric keys and names the results log.
  public let name: String
  /// The pairs to score, in order.
  public let sentencePairs: [SentencePair]
  /// What is predicted from the scores, and so which metrics are reported.
  public let task: CrossEncoderTask
  /// How many pairs the model scores at a time.
  public let batchSize: Int
  /// How progress is shown on standard error.
  public var progress: ProgressStyle
  /// Whether ``evaluate(_:outputDirectory:epoch:step:)`` appends to the
  /// results log when given a folder.
  public var writesResults: Bool
  /// The value of a score whose denominator is zero; scikit-learn's
  /// default is 0.
  public var zeroDivision: ZeroDivision = .zero
  let gold: GoldLabels
  /// Each pair's sample weight, or `nil` when the pairs are unweighted:
  /// every metric then weights the pairs, as scikit-learn's
  /// `sample_weight` does.
  public let sampleWeights: [Double]?
  /// The beta of the F-beta metrics, as scikit-learn's
  /// `fbeta_score(beta=)`, or `nil` for none: with a beta, binary and
  /// multiclass results add `micro_fbeta`, `macro_fbeta`, `weighted_fbeta`
  /// (and `binary_fbeta`), and `.tunedThreshold` can maximise an F-beta
  /// metric. Beta > 1 weighs recall more, beta < 1 precision.
  public let beta: Double?
  /// The longest name, in UTF-8 bytes, whose results log files
  /// (`<name>_results.NNNN.csv`) fit a 255-byte file name.
  public static let maximumNameByteCount = 200
  /// Where progress and notes go; tests replace it.
  var output: @Sendable (String) -> Void = StandardStream.note
  /// Whether a multilabel task cuts at ``defaultThreshold`` because no
  /// threshold was given (see ``logitWarning(scores:)``).
  var usesDefaultThreshold = false

  /// Creates an evaluator for a binary or multiclass task.
  ///
  /// - Parameters:
  ///   - sentencePairs: The pairs to score.
  ///   - labels: The gold class index of each pair: 0 or 1 for a binary
  ///     task, `0..<k` for a multiclass model with *k* outputs.
  ///   - name: A name for metric keys and the results log, such as
  ///     `stsb-dev`; letters, digits, `-`, `_` and `.` only, at most
  ///     ``maximumNameByteCount`` bytes.
  ///   - task: ``CrossEncoderTask/binary(_:)`` or
  ///     ``CrossEncoderTask/multiclass``.
  ///   - batchSize: How many pairs the model scores at a time.
  ///   - progress: How progress is shown on standard error.
  ///   - writesResults: Whether to append to the results log.
  ///   - sampleWeights: Each pair's sample weight (finite, not negative,
  ///     not all zero), or `nil` for unweighted pairs. With weights every
  ///     metric is weighted, and the score-sweep columns (average
  ///     precision, tuned F1 and accuracy) are left out, as they are not
  ///     weighted.
  ///   - beta: The beta of the F-beta metrics (finite, not negative), or
  ///     `nil` to report none; needed to tune a threshold for an F-beta
  ///     metric, such as `.tunedThreshold(maximizing: .binaryFBeta)`.
  /// - Throws: ``EvaluationError`` for no pairs, a count mismatch, a
  ///   negative label (or one other than 0 and 1 for a binary task), a bad
  ///   or too long name, a bad batch size, a NaN threshold, a multilabel
  ///   task, a bad weight, weights with a threshold tuned on the evaluation
  ///   set, a bad beta, or an F-beta metric tuned without one.
  /// - Complexity: O(*n*) for *n* pairs.
  public init(
    sentencePairs: [SentencePair], labels: [Int], name: String = "",
    task: CrossEncoderTask, batchSize: Int = 32, progress: ProgressStyle = .automatic,
    writesResults: Bool = true, sampleWeights: [Double]? = nil, beta: Double? = nil
  ) throws(EvaluationError) {
    guard !task.isMultilabel else { throw .labelKindMismatch(task: task) }
    guard sentencePairs.count == labels.count else {
      throw .lengthMismatch(pairs: sentencePairs.count, labels: labels.count)
    }
    let classCount = if case .binary = task { 2 } else { Int.max }
    if let index = labels.firstIndex(where: { $0 < 0 || $0 >= classCount }) {
      throw .labelOutOfRange(label: labels[index], index: index, classCount: classCount)
    }
    if sampleWeights != nil, case .binary(.tunedThreshold) = task {
      throw .weightsNeedFixedThreshold
    }
    if let beta, !EvaluationOptions.isValidBeta(beta) { throw .invalidBeta(beta) }
    if case .binary(.tunedThreshold(let metric)) = task, metric.isFBeta, beta == nil {
      throw .betaNeeded(metric)
    }
    try self.init(
      sentencePairs: sentencePairs, gold: .classes(labels), name: name, task: task,
      batchSize: batchSize, progress: progress, writesResults: writesResults,
      sampleWeights: sampleWeights, beta: beta)
  }

  /// Creates an evaluator from input examples, as sentence-transformers'
  /// `from_input_examples` does.
  ///
  /// A weighted evaluation takes its weights with the examples: when any
  /// example's ``InputExample/weight`` is not 1, every metric weights the
  /// examples by them.
  ///
  /// - Parameters:
  ///   - examples: Examples with exactly two texts each.
  ///   - name: A name for metric keys and the results log.
  ///   - task: ``CrossEncoderTask/binary(_:)`` or
  ///     ``CrossEncoderTask/multiclass``.
  ///   - batchSize: How many pairs the model scores at a time.
  ///   - progress: How progress is shown on standard error.
  ///   - writesResults: Whether to append to the results log.
  ///   - beta: The beta of the F-beta metrics, or `nil` for none.
  /// - Throws: ``EvaluationError/exampleNeedsTwoTexts(index:textCount:)``
  ///   for an example without exactly two texts, and the errors of
  ///   ``init(sentencePairs:labels:name:task:batchSize:progress:writesResults:sampleWeights:beta:)``.
  /// - Complexity: O(*n*) for *n* examples.
  public init(
    examples: [InputExample], name: String = "", task: CrossEncoderTask,
    batchSize: Int = 32, progress: ProgressStyle = .automatic, writesResults: Bool = true,
    beta: Double? = nil
  ) throws(EvaluationError) {
    var pairs: [SentencePair] = []
    pairs.reserveCapacity(examples.count)
    for (index, example) in examples.enumerated() {
      guard example.texts.count == 2 else {
        throw .exampleNeedsTwoTexts(index: index, textCount: example.texts.count)
      }
      pairs.append(SentencePair(example.texts[0], example.texts[1]))
    }
    let weights = examples.map(\.weight)
    try self.init(
      sentencePairs: pairs, labels: examples.map(\.label), name: name, task: task,
      batchSize: batchSize, progress: progress, writesResults: writesResults,
      sampleWeights: weights.contains { $0 != 1 } ? weights : nil, beta: beta)
  }

  /// Creates an evaluator for a multilabel task: each pair may belong to
  /// any subset of the model's classes.
  ///
  /// - Parameters:
  ///   - sentencePairs: The pairs to score.
  ///   - labelSets: The gold classes of each pair, possibly none.
  ///   - name: A name for metric keys and the results log.
  ///   - threshold: Class *c* is predicted when its score is at least this;
  ///     0.5 suits probabilities, 0 suits logits. `nil` (the default) is
  ///     0.5, and an evaluation whose scores are then not probabilities
  ///     (some below 0 or above 1: logits, most likely) warns once per
  ///     call, naming threshold 0 or a sigmoid as the fix.
  ///   - batchSize: How many pairs the model scores at a time.
  ///   - progress: How progress is shown on standard error.
  ///   - writesResults: Whether to append to the results log.
  ///   - sampleWeights: Each pair's sample weight (finite, not negative,
  ///     not all zero), or `nil` for unweighted pairs.
  ///   - beta: The beta of the F-beta metrics (finite, not negative), or
  ///     `nil` to report none: with a beta, results add `samples_fbeta`,
  ///     `micro_fbeta`, `macro_fbeta` and `weighted_fbeta`.
  /// - Throws: ``EvaluationError`` for no pairs, a count mismatch, a
  ///   negative label, a bad name or batch size, a NaN threshold, a bad
  ///   weight or a bad beta.
  /// - Complexity: O(*n* *k*) for *n* pairs of at most *k* labels.
  public init(
    sentencePairs: [SentencePair], labelSets: [Set<Int>], name: String = "",
    threshold: Double? = nil, batchSize: Int = 32, progress: ProgressStyle = .automatic,
    writesResults: Bool = true, sampleWeights: [Double]? = nil, beta: Double? = nil
  ) throws(EvaluationError) {
    if let beta, !EvaluationOptions.isValidBeta(beta) { throw .invalidBeta(beta) }
    guard sentencePairs.count == labelSets.count else {
      throw .lengthMismatch(pairs: sentencePairs.count, labels: labelSets.count)
    }
    if let index = labelSets.firstIndex(where: { $0.contains { $0 < 0 } }) {
      throw .labelOutOfRange(
        label: labelSets[index].min()!, index: index, classCount: Int.max)
    }
    try self.init(
      sentencePairs: sentencePairs, gold: .classSets(labelSets), name: name,
      task: .multilabel(threshold: threshold ?? Self.defaultThreshold), batchSize: batchSize,
      progress: progress, writesResults: writesResults, sampleWeights: sampleWeights, beta: beta)
    usesDefaultThreshold = threshold == nil
  }

  /// The multilabel threshold when none is given: 0.5, which suits
  /// probabilities.
  public static let defaultThreshold = 0.5

  private init(
    sentencePairs: [SentencePair], gold: GoldLabels, name: String, task: CrossEncoderTask,
    batchSize: Int, progress: ProgressStyle, writesResults: Bool, sampleWeights: [Double]?,
    beta: Double?
  ) throws(EvaluationError) {
    guard !sentencePairs.isEmpty else { throw .emptyEvaluationSet }
    if let sampleWeights {
      guard sampleWeights.count == sentencePairs.count else {
        throw .weightCountMismatch(pairs: sentencePairs.count, weights: sampleWeights.count)
      }
      if let index = sampleWeights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
        throw .invalidWeight(weight: sampleWeights[index], index: index)
      }
      guard sampleWeights.contains(where: { $0 > 0 }) else { throw .zeroTotalWeight }
    }
    self.sampleWeights = sampleWeights
    self.beta = beta
    guard batchSize >= 1 else { throw .invalidBatchSize(batchSize) }
    guard Self.isValidName(name) else { throw .invalidName(name) }
    // Checked here, not at the first log write after a whole scoring pass.
    guard name.utf8.count <= Self.maximumNameByteCount else {
      throw .nameTooLong(name, byteLimit: Self.maximumNameByteCount)
    }
    switch task {
    case .binary(.threshold(let threshold)), .multilabel(let threshold):
      guard !threshold.isNaN else { throw .invalidThreshold(threshold) }
    default: break
    }
    self.sentencePairs = sentencePairs
    self.gold = gold
    self.name = name
    self.task = task
    self.batchSize = batchSize
    self.progress = progress
    self.writesResults = writesResults
  }

  /// The gold class of each pair; empty for a multilabel task.
  public var labels: [Int] {
    if case .classes(let labels) = gold { return labels }
    return []
  }

  /// The gold classes of each pair; one-element sets for a single-label
  /// task.
  public var labelSets: [Set<Int>] {
    switch gold {
    case .classes(let labels): labels.map { [$0] }
    case .classSets(let sets): sets
    }
  }

  /// The prefixed key of the primary metric, such as `stsb-dev_binary_f1`.
  public var primaryMetricKey: String { key(task.primaryMetricName) }

  /// Prefixes a metric name with the evaluator's name.
  ///
  /// - Parameter metricName: An unprefixed name such as `macro_f1`.
  /// - Returns: `<name>_<metricName>`, or `metricName` for an unnamed
  ///   evaluator.
  public func key(_ metricName: String) -> String {
    name.isEmpty ? metricName : "\(name)_\(metricName)"
  }

  static func isValidName(_ name: String) -> Bool {
    name.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || $0.properties.numericType != nil
        || $0 == "-" || $0 == "_" || $0 == "."
    } && name != "." && name != ".."
  }
}
