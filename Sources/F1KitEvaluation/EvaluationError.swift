import F1Kit
import Foundation

/// A reason an evaluator cannot be built, cannot score a model, or cannot
/// record its results.
///
/// Its ``description`` and, through `LocalizedError`, its
/// `localizedDescription` (what an app shows) are the same one line.
public enum EvaluationError: Error, CustomStringConvertible, LocalizedError {
  /// The evaluation set has no pairs.
  case emptyEvaluationSet
  /// The numbers of pairs and of labels differ.
  case lengthMismatch(pairs: Int, labels: Int)
  /// An input example does not have exactly two texts.
  case exampleNeedsTwoTexts(index: Int, textCount: Int)
  /// A gold label is not a valid class index for the task; a class count
  /// of `Int.max` means only that the label is negative.
  case labelOutOfRange(label: Int, index: Int, classCount: Int)
  /// A predicted class given to ``CrossEncoderEvaluator/perClassResults(for:classNames:)``
  /// or ``CrossEncoderEvaluator/predictionFile(for:identifiers:classNames:)``
  /// is not one of the evaluator's classes.
  case predictionOutOfRange(prediction: Int, index: Int, classCount: Int)
  /// The batch size is not positive.
  case invalidBatchSize(Int)
  /// The evaluator's name cannot be part of a file name.
  case invalidName(String)
  /// The evaluator's name is too long for its results log's file name.
  case nameTooLong(String, byteLimit: Int)
  /// An F-beta metric is tuned without a beta; scikit-learn's
  /// `fbeta_score` has no default beta either.
  case betaNeeded(Metric)
  /// The beta is negative or NaN, or its square is not finite.
  case invalidBeta(Double)
  /// A threshold is NaN.
  case invalidThreshold(Double)
  /// The task was given the wrong kind of gold labels: class indices for a
  /// multilabel task, or label sets for a single-label one.
  case labelKindMismatch(task: CrossEncoderTask)
  /// The model gives a number of scores per pair the task cannot use.
  case outputCountMismatch(task: CrossEncoderTask, outputCount: Int)
  /// The model returned a batch of the wrong shape: `rows` rows for
  /// `expectedRows` pairs, or a row of `columns` scores where the model's
  /// `outputCount` promised `expectedColumns`.
  case scoreShapeMismatch(
    batchStart: Int, expectedRows: Int, rows: Int, expectedColumns: Int, columns: Int)
  /// The model returned NaN for a pair.
  case notANumberScore(pairIndex: Int)
  /// The model threw while scoring.
  case modelFailed(any Error)
  /// The results log could not be read or written; rows already in it are
  /// untouched.
  case resultsLogUnwritable(path: String, reason: String)
  /// Class names that do not name every class once: their count differs
  /// from the task's classes, or a name repeats.
  case classNamesMismatch(names: [String], classCount: Int)
  /// A prediction-file row whose fields do not match the header: scores
  /// not matching the score columns, or a missing id.
  case predictionRowMismatch(row: Int, expected: Int, found: Int)
  /// A prediction file could not be written; an existing file is unchanged.
  case predictionFileUnwritable(path: String, reason: String)
  /// A prediction file or per-class results were asked of a multilabel
  /// task, which has label sets rather than one label per pair.
  case singleLabelTaskNeeded
  /// The numbers of pairs and of sample weights differ.
  case weightCountMismatch(pairs: Int, weights: Int)
  /// A sample weight is negative, NaN or infinite.
  case invalidWeight(weight: Double, index: Int)
  /// Every sample weight is zero, so no weighted metric is defined.
  case zeroTotalWeight
  /// Sample weights were given with a threshold tuned on the evaluation
  /// set, which tunes on unweighted items.
  case weightsNeedFixedThreshold
  /// A sequential evaluator was given no evaluators.
  case noEvaluators
  /// Two evaluators of a sequential evaluator have the same name, so they
  /// would share keys and a results log.
  case duplicateEvaluatorName(String)
  /// A sequential evaluator's aggregation names no evaluator it has.
  case unknownEvaluator(String)
  /// Two evaluators of a sequential evaluator gave the same metric key, as
  /// `nli`'s `balanced_accuracy` and `nli_balanced`'s `accuracy` both do
  /// (`nli_balanced_accuracy`), so the combined result would keep one
  /// value under the other's name.
  case metricKeyClash(key: String, first: String, second: String)
  /// A result's primary key is not one of its metrics' keys.
  case unknownPrimaryMetric(String)

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .emptyEvaluationSet:
      "expected at least one sentence pair to evaluate, found none"
    case .lengthMismatch(let pairs, let labels):
      "expected as many labels as sentence pairs, found \(labels) labels and \(pairs) pairs"
    case .exampleNeedsTwoTexts(let index, let textCount):
      "input example \(index) has \(textCount) \(textCount == 1 ? "text" : "texts"); "
        + "a cross-encoder example needs exactly 2"
    case .labelOutOfRange(let label, let index, let classCount):
      label < 0 || classCount == Int.max
        ? "label \(label) of pair \(index) is not a class index: expected a non-negative class index"
        : "label \(label) of pair \(index) is not a class index of the task's \(classCount) classes (0 to \(classCount - 1))"
    case .predictionOutOfRange(let prediction, let index, let classCount):
      "predicted class \(prediction) of pair \(index) is not one of the \(classCount) classes (0 to \(classCount - 1))"
    case .invalidBatchSize(let size):
      "expected a batch size of at least 1, found \(size)"
    case .invalidName(let name):
      "evaluator name \"\(name)\" cannot be used in a file name: use letters, digits, '-', '_' and '.'"
    case .nameTooLong(let name, let byteLimit):
      "evaluator name \"\(name.prefix(20))…\" is \(name.utf8.count) bytes long; the results log's file name allows at most \(byteLimit)"
    case .betaNeeded(let metric):
      "tuning \(metric.rawValue) needs the evaluator's beta: argument; scikit-learn's fbeta_score has no default beta"
    case .invalidBeta(let beta):
      "expected a beta of at least 0 whose square is finite, found \(beta)"
    case .invalidThreshold(let threshold):
      "expected a threshold that is a number, found \(threshold)"
    case .labelKindMismatch(let task):
      task.isMultilabel
        ? "a multilabel task needs a set of labels per pair; use init(sentencePairs:labelSets:...)"
        : "a \(task) task needs one class index per pair; use init(sentencePairs:labels:...)"
    case .outputCountMismatch(let task, let outputCount):
      "a \(task) task needs \(task.expectedOutputs), but the model gives \(outputCount) \(outputCount == 1 ? "score" : "scores") per pair"
    case .scoreShapeMismatch(
      let batchStart, let expectedRows, let rows, let expectedColumns, let columns):
      rows != expectedRows
        ? "the batch starting at pair \(batchStart) returned \(rows) rows of scores, expected \(expectedRows) (one per pair)"
        : "the batch starting at pair \(batchStart) returned a row of \(columns) \(columns == 1 ? "score" : "scores"), expected \(expectedColumns) (the model's outputCount)"
    case .notANumberScore(let pairIndex):
      "the model scored pair \(pairIndex) as NaN"
    case .modelFailed(let error):
      "the model failed while scoring: \(error)"
    case .resultsLogUnwritable(let path, let reason):
      "cannot write the results log \(path): \(reason); rows already logged are unchanged"
    case .classNamesMismatch(let names, let classCount):
      "expected \(classCount) distinct class names, one per class, found \(names.count)\(Set(names).count < names.count ? " with repeats" : "")"
    case .predictionRowMismatch(let row, let expected, let found):
      "prediction row \(row) has \(found) fields, expected \(expected) (one per header column)"
    case .predictionFileUnwritable(let path, let reason):
      "cannot write the prediction file \(path): \(reason)"
    case .singleLabelTaskNeeded:
      "a prediction file and per-class results need a binary or multiclass task; a multilabel task has label sets"
    case .weightCountMismatch(let pairs, let weights):
      "expected one sample weight per pair (\(pairs)), found \(weights)"
    case .invalidWeight(let weight, let index):
      "expected a finite sample weight of at least 0 for pair \(index), found \(weight)"
    case .zeroTotalWeight:
      "expected sample weights that are not all zero, found a total weight of 0"
    case .weightsNeedFixedThreshold:
      "sample weights need a fixed threshold or argmax; a threshold tuned on the evaluation set is tuned on unweighted pairs"
    case .noEvaluators:
      "a sequential evaluator needs at least one evaluator, found none"
    case .duplicateEvaluatorName(let name):
      "two evaluators are named \"\(name)\"; give each a distinct name, since names keep keys and results logs apart"
    case .unknownEvaluator(let name):
      "no evaluator is named \"\(name)\", so it cannot give the primary metric"
    case .metricKeyClash(let key, let first, let second):
      first == second
        ? "two evaluators named \"\(first)\" both give a metric keyed \"\(key)\", so one value would hide the other; rename one of them"
        : "evaluators \"\(first)\" and \"\(second)\" both give a metric keyed \"\(key)\" (a name followed by the start of a metric name is the other name), so one value would hide the other; rename one of them"
    case .unknownPrimaryMetric(let key):
      "the primary metric \"\(key)\" is not one of the result's metrics"
    }
  }

  /// The same one line as ``description``, for `localizedDescription`.
  public var errorDescription: String? { description }
}

extension EvaluationError {
  /// The evaluator's error for a threshold tuner's.
  ///
  /// - Parameter error: Why the scores could not be tuned.
  init(_ error: ScoreMetricsError) {
    switch error {
    case .countMismatch(let scores, let gold): self = .lengthMismatch(pairs: scores, labels: gold)
    case .nonFiniteScore(let item): self = .notANumberScore(pairIndex: item)
    default: self = .emptyEvaluationSet
    }
  }
}
