import F1Kit

/// How to read a prediction file: its format, which columns hold what, and
/// how to turn scores into predicted labels.
///
/// Every property has a default that suits a file whose header names its
/// columns `label` and `prediction`. The prediction comes from exactly one
/// source: a prediction column (named or detected), per-class score columns
/// (`scoreColumns`), a column of score arrays (`scoreArrayColumn`), or one
/// binary score column compared with a threshold (`scoreColumn`).
public struct PredictionFileOptions: Hashable, Sendable {
  /// The names that mark the gold column, in order of preference.
  public static let goldColumnNames = ["label", "gold", "y_true", "target"]
  /// The names that mark the prediction column, in order of preference.
  public static let predictionColumnNames = ["prediction", "pred", "y_pred"]
  /// The name that marks the id column.
  public static let idColumnNames = ["id"]
  /// The names of a first column that holds a data frame's index, taken
  /// for ids when no column is named `id`: none (pandas' `to_csv()`, R's
  /// `write.csv`), `Unnamed: 0` (pandas, read and written again) and
  /// `index` (pandas' `reset_index()`).
  public static let indexColumnNames = ["", "Unnamed: 0", "index"]
  /// The names that mark the count column of a count table: `count`, and
  /// the names SQL engines give an unaliased `count(*)` (DuckDB's
  /// `count_star()`, SQLite's `count(*)`, Spark SQL's `count(1)`), so that
  /// a forgotten `AS count` does not read each cell as one item.
  public static let countColumnNames = ["count", "count_star()", "count(*)", "count(1)"]

  /// Whether a column name is an unaliased SQL count of anything other
  /// than ``countColumnNames``: `count(id)`, `COUNT(DISTINCT id)`, as
  /// DuckDB, Spark SQL and SQLite name `count(...)` without `AS`.
  ///
  /// - Parameter name: A header's column name.
  /// - Returns: Whether it is `count(` … `)`, ignoring case.
  public static func isAggregateCountName(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return lowered.hasPrefix("count(") && lowered.hasSuffix(")")
  }
  /// The default number of bytes read at a time: 1 MiB.
  public static let defaultChunkSize = 1 << 20
  /// The default longest record, in bytes: 16 MiB.
  public static let defaultMaximumRecordByteCount = 16 << 20

  /// The file format, or `nil` to infer it from the extension and, failing
  /// that, from the first bytes.
  public var format: PredictionFileFormat?
  /// The gold column's name, or `nil` to detect it.
  public var goldColumn: String?
  /// The prediction column's name, or `nil` to detect it (unless scores give
  /// the prediction).
  public var predictionColumn: String?
  /// The id column's name, `nil` to use a column named `id` if there is
  /// one (or else a data frame's index, see ``indexColumnNames``), or
  /// empty to read no ids (items then align row by row). Only the item
  /// path reads ids.
  public var idColumn: String?
  /// Per-class score columns, whose names are the class labels; the
  /// prediction is the class with the highest score. Empty for none.
  public var scoreColumns: [String]
  /// A column holding an array of per-class scores (a JSON array, or a field
  /// such as `"[0.1, 0.9]"` in CSV); the prediction is the class with the
  /// highest score, named by `labels` or else `"0"`, `"1"`, ….
  public var scoreArrayColumn: String?
  /// A column holding one score for the positive class; the prediction is
  /// positive when the score is at least `threshold`.
  public var scoreColumn: String?
  /// The threshold for `scoreColumn`; a score equal to it is positive.
  public var threshold: Double
  /// Whether `threshold` is a default no one chose (the command line's
  /// 0.5 without `--threshold` or `--threshold-from`): then scores that
  /// all fall on one side of it are refused, since such a cut-off from
  /// nowhere predicts every item alike.
  public var isDefaultThreshold = false
  /// Whether anything is cut at `threshold`: `false` when the scores are
  /// only ranked or swept (ROC-AUC, average precision, curves, tuning), so
  /// that no cut-off is checked against them and none is warned about.
  public var isThresholdUsed = true
  /// The lowest and highest score of the development data `threshold`
  /// was tuned on, when known (`f1kit tune` records them): scores read
  /// that are of another kind (probabilities against logits, or against a
  /// scale of their own such as 0 to 100) get a warning, since a cut-off
  /// carries over only to the same kind of score.
  public var tunedScoreRange: ClosedRange<Double>?
  /// Whether a cut-off outside every score (of two or more distinct
  /// scores) is refused, not warned about: `gate` decides on the
  /// predictions, and a model whose cut-off predicts every item alike
  /// would pass or fail for the cut-off, not the scores.
  public var refusesThresholdOutsideScores = false
  /// The count column of a count table, `nil` to use a column named
  /// `count` when the prediction comes from a prediction column (and the
  /// file has no id column), or empty to read one item a row.
  public var countColumn: String?
  /// The positive label for `scoreColumn`, or `nil` for the positive member
  /// of a well-known pair (`1` of 0/1, `yes` of no/yes; see
  /// `PositiveLabelConvention`); any other pair must be named.
  public var positiveLabel: String?
  /// Labels known in advance: the class names of `scoreArrayColumn`, the
  /// candidates for the two labels of `scoreColumn`, and the leading labels
  /// of the confusion matrix.
  public var labels: [String]?
  /// The field delimiter of CSV and TSV files, or `nil` for the format's:
  /// a tab for TSV; for CSV a comma, or a semicolon or tab when the first
  /// line has no comma but has one of them (a reader warning says so).
  public var delimiter: Unicode.Scalar?
  /// The number of bytes read at a time.
  public var chunkSize: Int
  /// The longest record (or header line) read, in bytes; a longer one is an
  /// error, so a file without line breaks cannot take unbounded memory.
  public var maximumRecordByteCount: Int
  /// The smallest CSV or TSV file, in bytes after the header, whose counts
  /// are read in two halves at once (see `PredictionFileParser`); `.max`
  /// reads every file in one pass, as when several files are read at once.
  package var minimumParallelByteCount = 4 << 20
  /// Whether to refuse predicted labels that do not fit the gold labels
  /// (see `LabelSetCheck`); off in tests of other reading mechanics, and
  /// when a weight column is read as one more column of a joint table.
  package var checksLabelSets = true
  /// Whether the caller reads sample weights (`--weight-column`), so a
  /// column named as weights is not left unread without a word.
  package var readsWeights = false
  /// Whether a CSV or TSV file with a header and no data rows is read as
  /// zero rows rather than refused: a shard of several (Spark writes one
  /// for an empty result), whose columns still count.
  public var acceptsHeaderOnly = false
  /// The bits of each id's 64-bit hash that tell ids apart when ids that
  /// do not increase are checked for repeats (see `IDHashes`): all of them.
  /// Distinct real ids practically never share a hash, so a test clears
  /// bits to make them share one and reach the exact reading that equal
  /// hashes lead to. Applied to the hashes once read, not to each id.
  var idHashMask: UInt64 = .max

  /// Creates reading options.
  ///
  /// - Parameters:
  ///   - format: The file format, or `nil` to infer it.
  ///   - goldColumn: The gold column's name, or `nil` to detect it.
  ///   - predictionColumn: The prediction column's name, or `nil` to detect it.
  ///   - idColumn: The id column's name, or `nil` to use `id` (or a data
  ///     frame's index) if present.
  ///   - scoreColumns: Per-class score columns named by their labels.
  ///   - scoreArrayColumn: A column of per-class score arrays.
  ///   - scoreColumn: A binary score column compared with `threshold`.
  ///   - threshold: The threshold for `scoreColumn`; equal scores are positive.
  ///   - countColumn: The count column of a count table, `nil` to detect it,
  ///     or empty for none.
  ///   - positiveLabel: The positive label for `scoreColumn`.
  ///   - labels: Labels known in advance.
  ///   - delimiter: The field delimiter of CSV and TSV files, or `nil`.
  ///   - chunkSize: The number of bytes read at a time.
  ///   - maximumRecordByteCount: The longest record read, in bytes.
  public init(
    format: PredictionFileFormat? = nil,
    goldColumn: String? = nil,
    predictionColumn: String? = nil,
    idColumn: String? = nil,
    scoreColumns: [String] = [],
    scoreArrayColumn: String? = nil,
    scoreColumn: String? = nil,
    threshold: Double = 0.5,
    countColumn: String? = nil,
    positiveLabel: String? = nil,
    labels: [String]? = nil,
    delimiter: Unicode.Scalar? = nil,
    chunkSize: Int = PredictionFileOptions.defaultChunkSize,
    maximumRecordByteCount: Int = PredictionFileOptions.defaultMaximumRecordByteCount
  ) {
    self.format = format
    self.goldColumn = goldColumn
    self.predictionColumn = predictionColumn
    self.idColumn = idColumn
    self.scoreColumns = scoreColumns
    self.scoreArrayColumn = scoreArrayColumn
    self.scoreColumn = scoreColumn
    self.threshold = threshold
    self.countColumn = countColumn
    self.positiveLabel = positiveLabel
    self.labels = labels
    self.delimiter = delimiter
    self.chunkSize = chunkSize
    self.maximumRecordByteCount = maximumRecordByteCount
  }
}

extension PredictionFileOptions {
  /// A place a row's prediction can be read from; each case is named as
  /// its option property is.
  package enum PredictionSource: Sendable {
    case predictionColumn, scoreColumns, scoreArrayColumn, scoreColumn
  }

  /// The places these options read predictions from; more than one is a
  /// contradiction (see ``validationProblem()``).
  package var predictionSources: [PredictionSource] {
    [
      (predictionColumn != nil, PredictionSource.predictionColumn),
      (!scoreColumns.isEmpty, .scoreColumns), (scoreArrayColumn != nil, .scoreArrayColumn),
      (scoreColumn != nil, .scoreColumn),
    ].filter(\.0).map(\.1)
  }
}

extension PredictionFileOptions {
  /// The first contradiction or out-of-range value in these options.
  ///
  /// - Returns: A description of the problem, or `nil` if there is none.
  func validationProblem() -> String? {
    let sources = predictionSources
    if sources.count > 1 {
      return
        "the prediction can come from only one of \(sources.map { "\($0)" }.joined(separator: ", "))"
    }
    if scoreColumns.count == 1 {
      return
        "scoreColumns (--score-columns) names one column, \(TerminalText.quoted(scoreColumns[0])); a single binary score takes scoreColumn (--score-column) and a threshold"
    }
    if let delimiter,
      !delimiter.isASCII || delimiter == "\"" || delimiter == "\r" || delimiter == "\n"
    {
      return
        "delimiter must be one ASCII character other than a double quote, CR or LF, not \(TerminalText.quoted(String(delimiter)))"
    }
    if chunkSize < 1 { return "chunkSize must be at least 1, not \(chunkSize)" }
    if maximumRecordByteCount < 1 {
      return "maximumRecordByteCount must be at least 1, not \(maximumRecordByteCount)"
    }
    if !threshold.isFinite { return "threshold must be finite, not \(threshold)" }
    if scoreColumns.distinctExactLabels().count != scoreColumns.count {
      return "scoreColumns has a repeated name"
    }
    if let labels, labels.distinctExactLabels().count != labels.count {
      return "labels has a repeated label"
    }
    if scoreArrayColumn != nil, let labels, labels.isEmpty {
      return "labels must not be empty for scoreArrayColumn"
    }
    return nil
  }
}

extension PredictionFileOptions {
  /// The delimiter as a byte, if one is set (checked to be ASCII).
  var delimiterByte: UInt8? {
    delimiter.map { UInt8(truncatingIfNeeded: $0.value) }
  }
}
