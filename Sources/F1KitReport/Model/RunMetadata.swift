/// How a report was made: enough to reproduce it.
public struct RunMetadata: Hashable, Sendable {
  /// One input option as the report lists it, such as `Threshold` and
  /// `0.7 (--threshold)`.
  public struct Setting: Hashable, Sendable {
    /// What the option is, for people: `Score column`.
    public var name: String
    /// Its value and where it came from: `0.5 (the default)`.
    public var value: String

    /// Creates a setting.
    ///
    /// - Parameters:
    ///   - name: What the option is.
    ///   - value: Its value and where it came from.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

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
  /// How the sections built from each model's first run were computed,
  /// as the report's Methods list gives them when the report also has an
  /// experiment (``ReportModel/experiment``): ``methods`` with the paired
  /// tests, whose p-values those sections do not show, named as the
  /// JSON's `first_run` has them. See ``ReportModel/methods``.
  public var firstRunMethods: [String] = []
  /// The zero-division rule the scores use.
  public var zeroDivision: String
  /// The label order of every table and chart.
  public var labelOrder: [String]
  /// The prediction files, as the user named them: each model's first
  /// (or only) run.
  public var inputFiles: [String]
  /// Each model's run files, in model and run order, when the report has
  /// an experiment; empty otherwise.
  public var runFiles: [[String]] = []
  /// The training log, if one was given.
  public var trainingLog: String?
  /// How the inputs were read and aligned: columns, score column,
  /// threshold and its source, positive label, alignment.
  public var inputSettings: [Setting]

  /// Creates metadata.
  ///
  /// - Parameters:
  ///   - toolVersion: The F1Kit version.
  ///   - seed: The random seed, if any.
  ///   - resamples: The number of resamples, if any.
  ///   - confidence: The confidence level of intervals.
  ///   - methods: How intervals and tests were computed.
  ///   - firstRunMethods: The same beside an experiment.
  ///   - zeroDivision: The zero-division rule.
  ///   - labelOrder: The label order.
  ///   - inputFiles: The prediction files.
  ///   - trainingLog: The training log, if any.
  ///   - inputSettings: How the inputs were read and aligned.
  public init(
    toolVersion: String, seed: UInt64? = nil, resamples: Int? = nil, confidence: Double = 0.95,
    methods: [String] = [], firstRunMethods: [String] = [], zeroDivision: String = "0",
    labelOrder: [String] = [],
    inputFiles: [String] = [], trainingLog: String? = nil, inputSettings: [Setting] = []
  ) {
    self.toolVersion = toolVersion
    self.seed = seed
    self.resamples = resamples
    self.confidence = confidence
    self.methods = methods
    self.firstRunMethods = firstRunMethods
    self.zeroDivision = zeroDivision
    self.labelOrder = labelOrder
    self.inputFiles = inputFiles
    self.trainingLog = trainingLog
    self.inputSettings = inputSettings
  }
}
