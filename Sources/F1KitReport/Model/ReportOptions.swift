import F1Kit

/// What a report covers and how its statistics are computed.
public struct ReportOptions: Sendable {
  /// The report's title.
  public var title: String
  /// The labels, positive label, problem kind and zero-division rule.
  public var evaluation: EvaluationOptions
  /// The seed of every resampling, so the same inputs give the same report.
  public var seed: UInt64
  /// The number of bootstrap and permutation resamples; 0 computes no
  /// intervals or tests.
  public var resamples: Int
  /// The confidence level of intervals.
  public var confidence: Double
  /// The F1Kit version, for the run metadata.
  public var toolVersion: String
  /// Metrics measured during training, if a log was given.
  public var trainingCurve: TrainingCurve?
  /// How the files were read (columns, score column, threshold and where
  /// it came from), listed in the run metadata; the builder adds the
  /// positive label and the alignment.
  public var inputSettings: [RunMetadata.Setting] = []

  /// Creates options.
  ///
  /// - Parameters:
  ///   - title: The report's title.
  ///   - evaluation: How the predictions are scored.
  ///   - seed: The seed of every resampling.
  ///   - resamples: The number of resamples; 0 for none.
  ///   - confidence: The confidence level of intervals.
  ///   - toolVersion: The F1Kit version.
  ///   - trainingCurve: Metrics measured during training.
  public init(
    title: String = "Classifier evaluation", evaluation: EvaluationOptions = EvaluationOptions(),
    seed: UInt64 = 0, resamples: Int = 1_999, confidence: Double = 0.95,
    toolVersion: String = "", trainingCurve: TrainingCurve? = nil
  ) {
    self.title = title
    self.evaluation = evaluation
    self.seed = seed
    self.resamples = resamples
    self.confidence = confidence
    self.toolVersion = toolVersion
    self.trainingCurve = trainingCurve
  }
}
