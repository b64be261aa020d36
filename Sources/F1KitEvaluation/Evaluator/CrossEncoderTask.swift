import F1Kit

/// What an evaluator predicts from a model's scores, and so which metrics it
/// reports.
public enum CrossEncoderTask: Hashable, Sendable, CustomStringConvertible {
  /// Two classes, 0 and 1, with 1 positive; binary F1 is the primary
  /// metric. The decision turns scores into predictions.
  case binary(BinaryDecision)
  /// One of *k* classes, predicted by the argmax of *k* scores (the first
  /// highest score wins a tie, as NumPy's `argmax` does); macro-F1 is the
  /// primary metric.
  case multiclass
  /// Any subset of *k* classes: class *c* is predicted when its score is at
  /// least `threshold`; samples-F1 is the primary metric.
  case multilabel(threshold: Double)

  /// A short name: `binary`, `multiclass` or `multilabel`.
  public var description: String {
    switch self {
    case .binary: "binary"
    case .multiclass: "multiclass"
    case .multilabel: "multilabel"
    }
  }

  /// Whether the task predicts label sets.
  public var isMultilabel: Bool {
    if case .multilabel = self { return true }
    return false
  }

  /// The metric a best-model choice should use: binary F1, macro-F1 or
  /// samples-F1.
  public var primaryMetricName: String {
    switch self {
    case .binary: Metric.binaryF1.rawValue
    case .multiclass: Metric.macroF1.rawValue
    case .multilabel: MultilabelMetric.samplesF1.rawValue
    }
  }

  /// Whether a model with this many scores per pair suits the task.
  func accepts(outputCount: Int) -> Bool {
    switch self {
    case .binary(.argmax): outputCount == 2
    case .binary: outputCount == 1
    case .multiclass: outputCount >= 2
    case .multilabel: outputCount >= 1
    }
  }

  /// The outputs the task needs, for error messages.
  var expectedOutputs: String {
    switch self {
    case .binary(.argmax): "2 scores per pair (argmax)"
    case .binary: "1 score per pair (threshold)"
    case .multiclass: "at least 2 scores per pair"
    case .multilabel: "one score per class"
    }
  }
}

/// How a binary task turns a model's scores into predictions.
public enum BinaryDecision: Hashable, Sendable {
  /// For a two-output model: predict 1 when the second score is greater
  /// than the first; a tie predicts 0, as NumPy's `argmax` does.
  case argmax
  /// For a single-output model: predict 1 when the score is at least the
  /// threshold.
  case threshold(Double)
  /// For a single-output model: choose the threshold on this evaluator's
  /// own data by maximising `metric`, then predict with it.
  ///
  /// An F-beta `metric` (`Metric.binaryFBeta` and the other averages) is
  /// maximised with the evaluator's ``CrossEncoderEvaluator/beta``, which
  /// it then needs: without one the evaluator is not built.
  ///
  /// Use it on a development set only. The figures it reports are tuned on
  /// that set, so they serve model selection, not reporting: take the
  /// ``EvaluationResult/threshold`` of the chosen step and evaluate the test
  /// set with ``threshold(_:)`` set to it, so the test set never chooses its
  /// own threshold. F1Kit's `ThresholdTuner` describes the candidates and the
  /// tie-break.
  case tunedThreshold(maximizing: Metric)
}
