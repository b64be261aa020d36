/// How a report was made: enough to reproduce it.
public struct RunMetadata: Hashable, Sendable {
  /// The F1Kit version that made the report.
  public var toolVersion: String
  /// The random seed of the resampling, if any was done.
  public var seed: UInt64?
  /// The number of bootstrap or permutation resamples, if any.
  public var resamples: Int?
  /// The confidence level of the intervals.
  public var confidence: Double
  /// How intervals and tests were computed, one line each (for example
  /// `intervals: BCa bootstrap`).
  public var methods: [String]
  /// The zero-division rule the scores use.
  public var zeroDivision: String
  /// The label order of every table and chart.
  public var labelOrder: [String]
  /// The prediction files, as the user named them.
  public var inputFiles: [String]
  /// The training log, if one was given.
  public var trainingLog: String?

  /// Creates metadata.
  ///
  /// - Parameters:
  ///   - toolVersion: The F1Kit version.
  ///   - seed: The random seed, if any.
  ///   - resamples: The number of resamples, if any.
  ///   - confidence: The confidence level of intervals.
  ///   - methods: How intervals and tests were computed.
  ///   - zeroDivision: The zero-division rule.
  ///   - labelOrder: The label order.
  ///   - inputFiles: The prediction files.
  ///   - trainingLog: The training log, if any.
  public init(
    toolVersion: String, seed: UInt64? = nil, resamples: Int? = nil, confidence: Double = 0.95,
    methods: [String] = [], zeroDivision: String = "0", labelOrder: [String] = [],
    inputFiles: [String] = [], trainingLog: String? = nil
  ) {
    self.toolVersion = toolVersion
    self.seed = seed
    self.resamples = resamples
    self.confidence = confidence
    self.methods = methods
    self.zeroDivision = zeroDivision
    self.labelOrder = labelOrder
    self.inputFiles = inputFiles
    self.trainingLog = trainingLog
  }
}
