import F1Kit

/// An error found while reading a prediction file, with the place it was found.
///
/// Its `description` is one line in the form compilers use,
/// `<file>:<line>:<column>: <what was expected>`, so editors and terminals can
/// jump to it. Lines and columns are 1-based. In CSV and TSV files the column
/// is the field number; in JSON Lines files it is the byte offset in the line.
/// The message says which, for example:
///
///     preds.csv:17:3: expected a number in field 3 ("score"), found "abc"
///     preds.jsonl:4:12: malformed JSON at byte 12: expected ':' after a key
///
/// Errors that have no place in the file, such as a file that cannot be
/// opened, are written `<file>: <message>`.
public struct PredictionFileError: Error, Hashable, Sendable {
  /// What a location's column counts.
  public enum ColumnUnit: Hashable, Sendable {
    /// The 1-based field number in a CSV or TSV record.
    case field
    /// The 1-based byte offset in a JSON Lines line.
    case byte
  }

  /// A place in a prediction file.
  public struct Location: Hashable, Sendable {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based field number or byte offset, as `unit` says.
    public var column: Int
    /// What `column` counts.
    public var unit: ColumnUnit

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - line: The 1-based line number.
    ///   - column: The 1-based field number or byte offset.
    ///   - unit: What `column` counts.
    public init(line: Int, column: Int, unit: ColumnUnit) {
      self.line = line
      self.column = column
      self.unit = unit
    }
  }

  /// The part a column plays in a prediction file.
  public enum ColumnRole: String, Hashable, Sendable {
    /// The true label.
    case gold
    /// The predicted label.
    case prediction
    /// The item identifier.
    case id
    /// The number of items in a cell of a count table.
    case count
    /// A score from which the prediction is derived.
    case score
    /// The sample-weight column.
    case weight
    /// The group an item belongs to, for grouped resampling.
    case group
  }

  /// A kind of file that is not text, known by its first bytes.
  public enum BinaryKind: String, Hashable, Sendable {
    /// gzip-compressed (`.gz`), as `df.to_csv("p.csv.gz")` writes.
    case gzip
    /// A ZIP archive, such as an Excel `.xlsx` workbook.
    case zip
    /// An Apache Parquet file, as `df.to_parquet()` writes.
    case parquet
    /// bzip2-compressed (`.bz2`), as `df.to_csv("p.csv.bz2")` writes.
    case bzip2
    /// xz-compressed (`.xz`), as `df.to_csv("p.csv.xz")` writes.
    case xz
    /// Zstandard-compressed (`.zst`), as `df.to_csv("p.csv.zst")` writes.
    case zstd
    /// A tar archive, as `df.to_csv("p.csv.tar")` writes.
    case tar
    /// A Python pickle, as `df.to_pickle()` and `pickle.dump` write.
    case pickle
    /// Some other binary file: a NUL byte among its first bytes, which
    /// no UTF-8 text has.
    case binary
  }

  /// Why predicted labels likely do not fit the gold labels.
  public enum LabelMismatchCause: Hashable, Sendable {
    /// A score array's classes are numbered 0, 1, … because no labels
    /// named them.
    case scoreArrayClassIndices(column: String)
    /// One side's labels are numbers and the other's are text.
    case numbersAgainstText
    /// Some labels differ only in case or surrounding spaces.
    case caseOrSpaces
    /// A predicted label is a gold label's number written another way
    /// (`predicted` `1.0`, `gold` `1`), and the labels that are no number
    /// (`text`, such as `unknown`) make every label compare as text.
    case numberSpelledOtherwise(predicted: String, gold: String, text: [String])
    /// The gold or prediction column is likely the wrong one.
    case wrongColumn(gold: String, prediction: String)
    /// Per-class score columns name the classes by their column names,
    /// and these names (`proba_0`, `p_pos`) are not the gold labels.
    case scoreColumnNames(columns: String)
  }

  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// The file could not be opened; `message` is the system's explanation.
    case cannotOpen(message: String)
    /// Reading the file failed; `message` is the system's explanation.
    case cannotRead(message: String)
    /// The reading options contradict each other or are out of range.
    case invalidOptions(String)
    /// Every score lies on one side of a default cut-off no one chose,
    /// so it would predict every item alike (scores from 0 to 100, say).
    case defaultThresholdOutsideScores(threshold: Double, lowest: Double, highest: Double)
    /// Every score lies on one side of a cut-off that was chosen, where
    /// the command decides on the predictions (`gate`, with
    /// `PredictionFileOptions.refusesThresholdOutsideScores`): the model
    /// predicts every item alike, and a pass or fail would say nothing of
    /// its scores.
    case thresholdOutsideScores(threshold: Double, lowest: Double, highest: Double)
    /// The scores are never negative and run past 1, a scale of their own
    /// (a 0 to 5 rating, a percentage), and would be cut at a default
    /// cut-off no one chose, which assumes probabilities.
    case defaultThresholdOnScale(threshold: Double, lowest: Double, highest: Double)
    /// The file is text in another encoding than UTF-8 (UTF-16, as
    /// Excel's "Unicode Text" writes), named by `encoding`.
    case notUTF8(encoding: String)
    /// A column named like a count table's counts (`count`) is in a file
    /// with an id column, so whether its rows are cells or items is a guess.
    case countColumnBesideIDs(count: String, id: String)
    /// A column named like a count table's counts (`count`) is in a file
    /// whose rows are items, as `evidence` says (see `ItemRowsEvidence`),
    /// so reading them as cells would weight each item by its count.
    case countColumnOfItems(column: String, evidence: String)
    /// A count table counts one test set several times, once per value of
    /// a column not read (a model's or run's name, as a long table's
    /// `GROUP BY model, label, prediction` keeps it): each of its `values`
    /// counts the same items of each gold label (`goldCounts[i]` of
    /// `goldLabels[i]`), so summing over it would count every item once
    /// per value.
    case countsRepeatTestSet(
      column: String, values: [String], goldLabels: [String], goldCounts: [Int])
    /// The count column (found by its name when `isDetected`, else named by
    /// an option) is also read in another `role`: the gold labels, a
    /// prediction or a score, so each row would count its own label's
    /// value of items.
    case countColumnHasRole(column: String, role: ColumnRole, isDetected: Bool)
    /// The file's lines end in a lone carriage return (classic Mac OS).
    case carriageReturnLineEnds
    /// A data row of a CSV or TSV file repeats the header field for field,
    /// as files joined with `cat` leave the later files' headers, and
    /// would be read as an item labelled with the column names.
    case repeatedHeader
    /// The file is compressed or columnar, not text.
    case notText(kind: BinaryKind)
    /// The file is one JSON array of objects (pandas'
    /// `to_json(orient="records")`), not JSON Lines.
    case jsonArray
    /// The file is one JSON document in another of pandas' `to_json`
    /// layouts, not JSON Lines.
    case pandasJSON(orient: PandasJSONOrient)
    /// The file has no bytes other than a byte order mark or blank lines.
    case emptyFile
    /// The file has a header but no data rows.
    case noDataRows
    /// No column plays `role`; `accepted` lists the names looked for and
    /// `found` the names in the header.
    case missingColumn(role: ColumnRole, accepted: [String], found: [String])
    /// No option names the `role` column and several columns have one of
    /// its accepted names (`label` and `gold`, say), so which one holds it
    /// would be a guess; `candidates` are their names in header order.
    case ambiguousColumn(role: ColumnRole, candidates: [String])
    /// No column is a prediction column, but `numericColumns` hold
    /// numbers in the first record: likely scores for `--score-column`,
    /// or, for those of `wholeNumberColumns`, labels such as `0` and `1`.
    case missingPredictionColumn(
      accepted: [String], found: [String], numericColumns: [String], wholeNumberColumns: [String])
    /// A record has a different number of fields than the header.
    case wrongFieldCount(expected: Int, found: Int)
    /// A quoted field is not closed before the end of the file; the location
    /// is its opening quote.
    case unterminatedQuote
    /// A double quote appears inside an unquoted field.
    case strayQuote
    /// A closing quote is followed by something other than a delimiter or the
    /// end of the record.
    case unexpectedCharacterAfterQuote(found: String)
    /// A header name, label or identifier is not valid UTF-8; `column` is the
    /// column name, or `nil` in the header.
    case invalidUTF8(column: String?)
    /// A score is not a number.
    case invalidNumber(column: String, found: String)
    /// A score is NaN or infinite.
    case nonFiniteScore(column: String, found: String)
    /// A score array has a different number of scores than there are classes.
    case wrongScoreCount(column: String, expected: Int, found: Int)
    /// A count is not a non-negative integer.
    case invalidCount(column: String, found: String)
    /// The counts add up to more than `limit`, the most items F1Kit counts
    /// (2^53, the largest count a `Double` holds exactly).
    case countOverflow
    /// An identifier is empty, as pandas writes a missing value (NaN) in
    /// the index or an id column, or JSON's `null` (`isNull`), as pandas'
    /// `to_json` writes it: read as the id "" or "null", it would pair
    /// with another file's missing id, or repeat.
    case emptyID(column: String, isNull: Bool = false)
    /// A label is a Python tuple's text (`('sports', 'tech')`), as pandas'
    /// `to_csv` writes a column of tuples: a label set, which read as one
    /// label would make a class of each combination.
    case tupleLabel(found: String)
    /// The same identifier appears on two rows: the id, its column's name
    /// and the line of its first row.
    case duplicateID(String, column: String, firstLine: Int)
    /// An identifier of a file read as a shard of one data set appears in
    /// an earlier shard too: the id, its column's name, and the earlier
    /// shard and the line of its row there.
    case duplicateShardID(String, column: String, firstPath: String, firstLine: Int)
    /// A JSON line is not well formed.
    case malformedJSON(expected: String)
    /// A JSON line lacks a key that an earlier line (or the options) named.
    case missingKey(String)
    /// A value has a JSON type that cannot play its role, such as `null` as a
    /// label.
    case unsupportedValue(column: String, expected: String, found: String)
    /// Thresholded binary scores need exactly two labels; `found` lists the
    /// labels there were.
    case binaryLabelsUnresolved(found: [String])
    /// Thresholded binary scores need the positive label named: the two
    /// labels form no well-known pair (see `PositiveLabelConvention`). A
    /// usage problem rather than bad data.
    case positiveLabelNeeded(labels: [String])
    /// The positive label named for thresholded scores is no gold label,
    /// while `goldSpelling` is one that differs from it only in letter
    /// case or surrounding spaces (`--positive Yes` over gold `yes`): the
    /// scores would be scored against a class no item has.
    case positiveLabelMisspelt(positive: String, goldSpelling: String, gold: [String])
    /// A file of label sets spells a number two ways (`kept` first, then
    /// `merged`, such as `1` and `1.0`) beside labels that are no number
    /// (`text`): numbers are labels by value only when every label is one.
    case numberSpelledTwiceBesideText(kept: String, merged: String, text: [String])
    /// The predicted labels share none of the gold labels
    /// (`unknownShare` 1), or over half the items (`unknownShare`) carry a
    /// predicted label the gold labels never use.
    case labelsDoNotMatch(
      gold: [String], predicted: [String], unknownShare: Double, likelyCause: LabelMismatchCause)
    /// Nearly every item (`aloneCount` of `itemCount`) carries a gold label
    /// no other item has, as a column of item ids or texts does: each
    /// "class" would be one item.
    case goldLabelsOfOneItemEach(
      gold: [String], aloneCount: Int, itemCount: Int, goldColumn: String,
      predictionColumn: String)
    /// A record (or the header) is longer than `limit` bytes, the options'
    /// `maximumRecordByteCount`; the location is the line it starts on.
    case recordTooLong(limit: Int)
    /// A count table has no per-item predictions to read.
    case countTableHasNoItems(column: String)
    /// A count table read where rows are read one item each: label sets
    /// (`isMultilabel`), or sample weights from standard input.
    case countTableNotRead(column: String, isMultilabel: Bool)
    /// The group column is the column of the gold labels, the predictions,
    /// the scores or the counts: grouping by it would resample items with
    /// the same label or score, not items that belong together, and print
    /// intervals that mean nothing (even intervals that leave out their
    /// own estimate).
    case groupColumnHasRole(column: String, role: ColumnRole)
    /// The gold column is also read as the prediction or a score, so every
    /// item would be scored against itself (every metric perfect).
    case goldColumnHasRole(column: String, role: ColumnRole)
    /// A label is NaN or an infinity: a JSON `NaN` or `Infinity`, or `nan`
    /// or `inf` where every other label is a number.
    case notFiniteLabel(found: String)
    /// Every label is a number and some are not whole, such as STS-B
    /// similarities (`3.8`): scikit-learn's `type_of_target` calls them
    /// continuous and its classification metrics refuse them. `found` is
    /// the first such label; `fractionalCount` of the `labelCount`
    /// distinct values are not whole.
    case continuousLabels(found: String, fractionalCount: Int, labelCount: Int)
    /// A CSV or TSV label field is empty, as pandas writes a missing value
    /// (NaN) and SQL clients print NULL, or a JSON label is the empty
    /// string. Read as the label "", it would add a class, and turn every
    /// numeric label of the file into text (`1` no longer `1.0`). `countColumn` names the count column when the file is
    /// a count table, whose rows likely come from a SQL `GROUP BY`.
    /// `isQuoted` marks a CSV field written `""`: an empty string, as DuckDB
    /// and Spark write one, not the NULL they leave empty. `isNull` marks
    /// a JSON `null`, as pandas' `to_json` writes NaN.
    case emptyLabel(
      column: String, countColumn: String? = nil, isQuoted: Bool = false, isNull: Bool = false)
    /// A group value is missing: empty, or `null` in JSON, as pandas
    /// writes NaN. Items without a group would otherwise silently become
    /// one large group.
    case emptyGroup(column: String)
    /// A group value is a text pandas reads as a missing value (`found`:
    /// `nan`, `NA`, `None`, …; see ``MissingValueText``), which would
    /// gather every item without a group into one.
    case missingValueGroup(column: String, found: String)
    /// A label is a text pandas reads as a missing value (`found`: `nan`,
    /// `NA`, `None`, …; see ``MissingValueText``), which would be scored as
    /// a class of its own.
    case missingValueLabel(found: String)
    /// A file gives an item another group than the first file does:
    /// `expected` there (on `firstLine`, when known), `found` here. The
    /// item is named by its id when the files are aligned by id, else by
    /// its 1-based number.
    case groupMismatch(
      column: String, item: String, isID: Bool, expected: String, found: String,
      firstFile: String, firstLine: Int?)
  }

  /// The file as named in messages: the path, or `<stdin>`.
  public var path: String
  /// Where the problem is, if it has a place in the file.
  public var location: Location?
  /// What went wrong.
  public var reason: Reason

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - path: The file as named in messages.
  ///   - location: Where the problem is, if it has a place in the file.
  ///   - reason: What went wrong.
  public init(path: String, location: Location? = nil, reason: Reason) {
    self.path = path
    self.location = location
    self.reason = reason
  }
}
