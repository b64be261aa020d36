import CommandLineSupport
import F1Kit
import F1KitReading
import Foundation

/// The options every command shares for reading a prediction file.
struct InputOptions {
  /// The one prediction file a single-file command reads.
  static let file = Argument<String>(
    name: "file",
    help: "A CSV, TSV or JSON Lines file of gold labels and predictions; '-' reads standard input.")

  static let inputFormat = Option<InputFormat?>(
    name: "input-format", help: "The file's format; from the extension or contents when omitted.")
  static let goldColumn = Option<String?>(
    name: "gold-column", valueName: "name",
    help: "The gold-label column (default: label, gold, y_true or target).")
  static let predictionColumn = Option<String?>(
    name: "pred-column", valueName: "name",
    help: "The prediction column (default: prediction, pred or y_pred).")
  static let idColumn = Option<String?>(
    name: "id-column", valueName: "name",
    help:
      "The item-id column that aligns files (default: id, when present; '' reads no ids).")
  static let noIDColumn = Flag(
    name: "no-id-column",
    help: "Read no ids, even from a column named id: align files row by row.")
  static let scoreColumns = Option<[String]?>(
    name: "score-columns", valueName: "names",
    help:
      "Per-class score columns, named by their labels, separated by commas; the highest score wins (ties: the first column).",
    default: .some(nil),
    expectation: "column names separated by commas, or a JSON array of strings",
    convert: { ScoringOptions.parseList($0).map { .some($0) } })
  static let scoreArrayColumn = Option<String?>(
    name: "score-array-column", valueName: "name",
    help:
      "A column holding a JSON array of per-class scores; classes are named by --labels or 0, 1, ..."
  )
  static let scoreColumn = Option<String?>(
    name: "score-column", valueName: "name",
    help:
      "One binary score column; the positive label is predicted when the score is at least --threshold."
  )
  static let threshold = Option<[Double]>(
    name: "threshold",
    help:
      "The cut-off for --score-column; for a multilabel problem with --score-columns, one cut-off for all labels or one per column, separated by commas.",
    default: [0.5], defaultDescription: "0.5",
    expectation: "a finite number, or finite numbers separated by commas",
    convert: { text in
      let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
        Double($0).flatMap { $0.isFinite ? $0 : nil }
      }
      return values.contains(nil) ? nil : values.compactMap { $0 }
    })
  static let thresholdFrom = Option<String?>(
    name: "threshold-from", valueName: "file",
    help:
      "Apply a cut-off chosen on development data to --score-column: a JSON file written by 'f1kit tune --out', or a development prediction file to tune binary F1 on; several, separated by commas, give one per file, as many as there are files."
  )
  static let labelSeparator = Option<String>(
    name: "label-separator", valueName: "separator",
    help:
      "What separates labels in a multilabel cell such as 'a|b'; a cell starting with '[' is a JSON array.",
    default: "|", defaultDescription: "|", expectation: "text that is not empty",
    convert: { $0.isEmpty ? nil : $0 })
  static let weightColumn = Option<String?>(
    name: "weight-column", valueName: "name",
    help:
      "A column of sample weights; every metric then uses them, as scikit-learn's sample_weight."
  )
  static let countColumn = Option<String?>(
    name: "count-column", valueName: "name",
    help:
      "A count column that makes each row a confusion-matrix cell (default: count, when present with gold and prediction columns); '' reads one item a row."
  )

  static let delimiter = Option<Unicode.Scalar?>(
    name: "delimiter", valueName: "character",
    help:
      "The field delimiter of a CSV or TSV file, such as ';' or tab (default: a comma, or ';' or a tab when the header has no comma).",
    default: .some(nil),
    expectation: "one ASCII character other than a double quote, or 'tab'",
    convert: { text in
      if text == "tab" || text == "\\t" { return .some("\t") }
      let scalars = Array(text.unicodeScalars)
      guard scalars.count == 1, scalars[0].isASCII, scalars[0] != "\"", scalars[0] != "\n",
        scalars[0] != "\r"
      else { return nil }
      return .some(scalars[0])
    })
  static let maximumRecordBytes = Option<Int>(
    name: "max-record-bytes", valueName: "bytes",
    help:
      "The most bytes one record may have, its line ending included; a longer record is refused (exit 65), and the reader never holds more of it.",
    default: PredictionFileOptions.defaultMaximumRecordByteCount, in: 1...Int.max)

  /// The declarations, in help order.
  static let declarations: [any OptionDeclaration] = [
    inputFormat, goldColumn, predictionColumn, idColumn, noIDColumn, scoreColumns,
    scoreArrayColumn, scoreColumn, threshold, thresholdFrom, countColumn, delimiter,
    maximumRecordBytes,
    labelSeparator, weightColumn,
  ]

  /// The labels given by `--labels`, if any.
  var labels: [String]?
  /// How to read every file.
  var reader: PredictionFileOptions
  /// How to read label sets and sample weights.
  var labelSets: LabelSetOptions
  /// Whether `--threshold` was given.
  var isThresholdGiven: Bool
  /// Where `--threshold-from` takes each file's cut-off from, if given.
  var thresholdResolver: ThresholdResolver?

  /// Reads the options; the command must also declare ``ScoringOptions``.
  ///
  /// - Parameter values: The parsed command line.
  /// - Throws: A ``UsageError`` when `--id-column` and `--no-id-column` are
  ///   both given.
  init(_ values: ParsedValues) throws(UsageError) {
    labels = values[ScoringOptions.labels]
    reader = PredictionFileOptions()
    reader.format = values[Self.inputFormat]?.fileFormat
    reader.goldColumn = values[Self.goldColumn]
    reader.predictionColumn = values[Self.predictionColumn]
    reader.idColumn = values[Self.idColumn]
    if values[Self.noIDColumn] {
      guard reader.idColumn == nil else {
        throw UsageError("'--id-column' and '--no-id-column' cannot be used together")
      }
      reader.idColumn = ""
    }
    reader.scoreColumns = values[Self.scoreColumns] ?? []
    reader.scoreArrayColumn = values[Self.scoreArrayColumn]
    reader.scoreColumn = values[Self.scoreColumn]
    try Self.checkPredictionSources(reader)
    let thresholds = values[Self.threshold]
    reader.threshold = thresholds.count == 1 ? thresholds[0] : 0.5
    isThresholdGiven = values.isSpecified(Self.threshold)
    reader.isDefaultThreshold = !isThresholdGiven && values[Self.thresholdFrom] == nil
    try Self.checkThresholdHasScores(values, reader: reader)
    try Self.checkThresholdList(values, thresholds: thresholds)
    if let sources = values[Self.thresholdFrom] {
      guard !isThresholdGiven else {
        throw UsageError("'--threshold' and '--threshold-from' cannot be used together")
      }
      guard values[Self.scoreColumn] != nil else {
        // --score-columns-of is a binary score column per model, but one
        // cut-off serves them all; say so rather than ask for --score-column.
        if values.configuration.option(named: ModelScoreColumns.option.name) != nil,
          values.isSpecified(ModelScoreColumns.option)
        {
          throw ModelScoreColumns.thresholdFromRefusal
        }
        throw UsageError("'--threshold-from' needs a binary score column: give --score-column")
      }
      let paths = sources.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard sources != "" else { throw UsageError("'--threshold-from' needs a file") }
      // An empty entry is usually an unset shell variable: dropping it
      // would pair the remaining files with the wrong prediction files.
      if let empty = paths.firstIndex(of: "") {
        throw UsageError(
          "expected a file name in entry \(empty + 1) of '--threshold-from \(sources)', found an empty entry; an unset shell variable is the usual cause"
        )
      }
      thresholdResolver = ThresholdResolver(sources: paths)
    }
    reader.countColumn = values[Self.countColumn]
    reader.positiveLabel = values[ScoringOptions.positive]
    reader.maximumRecordByteCount = values[Self.maximumRecordBytes]
    reader.delimiter = values[Self.delimiter]
    reader.labels = labels
    reader.readsWeights = values[Self.weightColumn] != nil
    labelSets = LabelSetOptions(
      file: reader, separator: values[Self.labelSeparator],
      weightColumn: values[Self.weightColumn], thresholds: thresholds)
  }

  /// Whether a file is read as a multilabel problem: `--problem
  /// multilabel`, or no `--problem` and label sets (`a|b`, JSON arrays) in
  /// its first records.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - problem: The `--problem` given, if any.
  ///   - predictionColumns: The columns of `--pred-columns`, each of which
  ///     is looked at in place of the prediction column, or `nil`.
  /// - Returns: Whether to read label sets.
  func isMultilabel(
    _ path: String, problem: ProblemChoice?, predictionColumns: [String]? = nil
  ) -> Bool {
    if let problem { return problem == .multilabel }
    guard let predictionColumns else {
      return LabelSetReader.holdsLabelSets(path: path, options: labelSets)
    }
    return predictionColumns.contains { column in
      var options = labelSets
      options.file.predictionColumn = column
      return LabelSetReader.holdsLabelSets(path: path, options: options)
    }
  }

  /// The refusal of label sets with `--pred-columns`, which reads one
  /// label a cell: what to do instead.
  ///
  /// - Parameter command: The command, for the example.
  /// - Returns: A usage failure (exit 64).
  func multilabelColumnsRefusal(in command: String) -> CommandFailure {
    let files = command == "evaluate" || command == "advise" ? "a.csv" : "a.csv b.csv"
    return .usage(
      "multilabel files cannot yet be read with --pred-columns: write one file per model, with the id and gold columns and that model's column as prediction (pandas: df[['id', 'label', 'a']].rename(columns={'a': 'prediction'}).to_csv('a.csv', index=False)), and run 'f1kit \(command) \(files)'; or give --problem multiclass if '\(labelSets.separator)' is part of your labels"
    )
  }

  /// Refuses sample weights and label sets in a command that does not read
  /// them yet, rather than scoring `a|b` as one label.
  ///
  /// - Parameters:
  ///   - command: The command's name, for the message.
  ///   - paths: The files it reads.
  ///   - problem: The `--problem` given, if any.
  ///   - allowsWeights: Whether the command reads sample weights of
  ///     single-label files.
  /// - Throws: A usage failure naming what `evaluate` supports instead.
  func refuseLabelSetsAndWeights(
    in command: String, paths: [String], problem: ProblemChoice?, allowsWeights: Bool = false,
    predictionColumns: [String]? = nil
  ) throws(CommandFailure) {
    if labelSets.weightColumn != nil && !allowsWeights {
      throw .usage("\(command) does not support --weight-column yet; 'f1kit evaluate' does")
    }
    if predictionColumns != nil,
      paths.contains(where: {
        isMultilabel($0, problem: problem, predictionColumns: predictionColumns)
      })
    {
      throw multilabelColumnsRefusal(in: command)
    }
    if problem == .multilabel
      || (problem == nil && paths.contains { isMultilabel($0, problem: nil) })
    {
      throw .usage(
        "\(command) does not support multilabel files yet; 'f1kit evaluate' does (use --problem multiclass if '\(labelSets.separator)' is part of your labels)"
      )
    }
  }

  /// Reads a multilabel file into its distinct patterns.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The counts over the labels in first-seen order.
  /// - Throws: A one-line failure with the reader's exit status.
  func readMultilabel(_ path: String) throws(CommandFailure) -> MultilabelCounts {
    do {
      return try LabelSetReader(path: path, options: labelSets).readMultilabel()
    } catch {
      throw Self.failure(error)
    }
  }

  /// Reads a multilabel file into running totals, in memory that does not
  /// grow with rows.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - evaluation: The labels to evaluate, zero-division rule and beta.
  /// - Returns: The totals over the labels in first-seen order.
  /// - Throws: A one-line failure with the reader's exit status.
  func readMultilabelTotals(_ path: String, evaluation: EvaluationOptions) throws(CommandFailure)
    -> MultilabelAccumulator
  {
    do {
      return try LabelSetReader(path: path, options: labelSets).readMultilabelTotals(
        evaluation: evaluation)
    } catch {
      throw Self.failure(error)
    }
  }

  /// Reads a single-label file with sample weights.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The item counts and weight sums.
  /// - Throws: A one-line failure with the reader's exit status.
  func readWeighted(_ path: String) throws(CommandFailure) -> WeightedConfusionMatrix {
    var options = labelSets
    options.isMultilabel = false
    let counts: LabelSetReader.WeightedCounts
    do {
      counts = try LabelSetReader(path: path, options: options).readWeighted()
    } catch {
      throw Self.failure(error)
    }
    Console.writeWarnings(counts.warnings)
    return counts.matrix
  }

  /// Reads a file into a confusion matrix.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The confusion matrix over ``labels`` or the labels seen.
  /// - Throws: A one-line failure with the reader's exit status.
  func readConfusionMatrix(_ path: String) throws(CommandFailure) -> ConfusionMatrix {
    let counts: LabelCounts
    let options = try readerOptions(for: path)
    do {
      counts = try PredictionReader(path: path, options: options).readCounts()
    } catch {
      throw Self.failure(error)
    }
    Console.writeWarnings(counts.warnings)
    return try confusionMatrix(of: counts, path: path)
  }

  /// The confusion matrix of a file's label counts, over ``labels`` or the
  /// labels seen.
  ///
  /// - Parameters:
  ///   - counts: The counts read.
  ///   - path: The file, for messages.
  /// - Returns: The confusion matrix.
  /// - Throws: A usage failure for a repeated label, a data failure when
  ///   every count is zero.
  func confusionMatrix(of counts: LabelCounts, path: String) throws(CommandFailure)
    -> ConfusionMatrix
  {
    let matrix: ConfusionMatrix
    do {
      matrix = try counts.confusionMatrix(labels: labels)
    } catch {
      if case .duplicateLabel = error { throw .usage(error.description) }
      throw .data("\(path): \(error.description)")
    }
    guard matrix.total > 0 else { throw Self.noItems(in: path, rowCount: counts.rowCount) }
    return matrix
  }

  /// Refuses `NAME=run1.csv,…`, a model's runs, in a command that takes
  /// plain files, when no file has that name: a user who has just compared
  /// runs would otherwise get "cannot open the file".
  ///
  /// - Parameters:
  ///   - paths: The paths as given.
  ///   - command: The command's name, for the message.
  /// - Throws: A usage failure naming the commands that take runs.
  static func checkNoRunLists(_ paths: [String], command: String) throws(CommandFailure) {
    for path in paths where path.contains("=") && !FileManager.default.fileExists(atPath: path) {
      throw .usage(
        "'\(path)' gives a model's runs (NAME=run1.csv,…), which compare, report and gate take; \(command) takes files (several are shards of one data set), so give one run's file"
      )
    }
  }

  /// Refuses a folder where a file is expected, and a pipe, before
  /// anything is read, so the error names the problem rather than a failed
  /// read.
  ///
  /// A named pipe, as the shell's process substitution gives
  /// (`f1kit evaluate <(python predict.py)` reads `/dev/fd/63`), can be
  /// read only once, but a file is looked at before it is read (for label
  /// sets, a count column, example texts or scores), and each look took
  /// bytes the read then missed: it failed on a line from the middle of
  /// the file, or could have read a file cut short. Standard input is read
  /// once by design, so the pipe's data is pointed there.
  ///
  /// - Parameters:
  ///   - paths: The paths as given; `-` (standard input) is always accepted.
  ///   - kind: What the file should be, for the message.
  ///   - allowsPipes: Whether the file is read once, so a pipe will do.
  /// - Throws: A failure with status 66 (`EX_NOINPUT`) for a folder, and
  ///   a usage failure (64) for a named pipe or a socket.
  static func refuseFoldersAndPipes(
    _ paths: [String], kind: String = "a prediction file", allowsPipes: Bool = false
  ) throws(CommandFailure) {
    for path in paths where path != "-" {
      switch FileIdentity.kind(of: path) {
      case S_IFDIR:
        throw .noInput("\(path): is a folder; expected \(kind)")
      case S_IFIFO, S_IFSOCK:
        if allowsPipes { continue }
        throw .usage(
          "\(path): is a pipe, which can be read only once, and f1kit reads \(kind) more than once; pipe it to standard input and give '-' instead (command | f1kit … -), or save it to a file"
        )
      default:
        continue
      }
    }
  }

  /// Reads a file's items in order, for paired comparisons.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The items.
  /// - Throws: A one-line failure with the reader's exit status.
  func readItems(_ path: String) throws(CommandFailure) -> ItemPredictions {
    let items = try readItemsKeepingWarnings(path)
    Console.writeWarnings(items.warnings)
    return items
  }

  /// Reads a file's items in order without printing the reader's warnings,
  /// which the items keep: for files read several at once, whose warnings
  /// are printed in file order afterwards.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - isOnePass: Whether to read the file in one pass on this thread,
  ///     never in two halves at once (as when other files are read beside
  ///     it).
  /// - Returns: The items, with their warnings.
  /// - Throws: A one-line failure with the reader's exit status.
  func readItemsKeepingWarnings(_ path: String, isOnePass: Bool = false) throws(CommandFailure)
    -> ItemPredictions
  {
    var options = try readerOptions(for: path)
    if isOnePass { options.minimumParallelByteCount = .max }
    do {
      return try PredictionReader(path: path, options: options).readItems()
    } catch {
      throw Self.failure(error)
    }
  }

  /// Reads a file's items in the order of another file's ids, keeping no
  /// ids or gold labels of its own (see
  /// `PredictionReader.readItems(alignedTo:)`).
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - reference: The items of the first file, with ids.
  /// - Returns: The items, or `nil` when the ids do not match one to one, a
  ///   gold label differs or the file cannot be read so: ``readItems(_:)``
  ///   and the alignment then report why.
  /// - Throws: A usage failure for options that do not fit the file.
  func readItems(_ path: String, alignedTo reference: ItemPredictions) throws(CommandFailure)
    -> ItemPredictions?
  {
    guard let items = try readItemsKeepingWarnings(path, alignedTo: reference) else { return nil }
    Console.writeWarnings(items.warnings)
    return items
  }

  /// Reads a file's items in the order of another file's ids, as
  /// ``readItems(_:alignedTo:)`` does, without printing the reader's
  /// warnings, which the items keep.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - reference: The items of the first file, with ids.
  /// - Returns: The items with their warnings, or `nil` when they cannot
  ///   be read so.
  /// - Throws: A usage failure for options that do not fit the file.
  func readItemsKeepingWarnings(_ path: String, alignedTo reference: ItemPredictions)
    throws(CommandFailure) -> ItemPredictions?
  {
    let options = try readerOptions(for: path)
    guard let reader = try? PredictionReader(path: path, options: options) else { return nil }
    return reader.readItems(alignedTo: reference)
  }

  /// Refuses, in the options' own spelling, what the reader would refuse
  /// in its API's names (`scoreColumns`): two places to read predictions
  /// from, or a `--score-columns` of one column.
  ///
  /// - Parameter reader: The reader options set from the command line.
  /// - Throws: A ``UsageError`` naming the options to use instead.
  static func checkPredictionSources(_ reader: PredictionFileOptions) throws(UsageError) {
    let given = reader.predictionSources.map { source in
      switch source {
      case .predictionColumn: "--pred-column"
      case .scoreColumns: "--score-columns"
      case .scoreArrayColumn: "--score-array-column"
      case .scoreColumn: "--score-column"
      }
    }
    if given.count > 1 {
      throw UsageError(
        "\(given.joined(separator: " and ")) cannot be used together: the predictions come from one of them"
      )
    }
    if reader.scoreColumns.count == 1 {
      throw UsageError(
        "'--score-columns' names one column, \(TerminalText.quoted(reader.scoreColumns[0])); a single binary score takes --score-column and a cut-off (--threshold, 0.5 by default)"
      )
    }
  }

  /// The failure for input that holds no item: a header with no data row
  /// (an empty query result, say), or a count table whose counts are all
  /// zero; the two need different fixes, so the message says which.
  ///
  /// - Parameters:
  ///   - path: The file, or the first of a model's shards.
  ///   - rowCount: The data rows read, over every shard.
  /// - Returns: A data failure (exit 65).
  static func noItems(in path: String, rowCount: Int) -> CommandFailure {
    let found = rowCount == 0 ? "the header has no data rows under it" : "every count is zero"
    return .data("\(path): expected at least one item, found none (\(found))")
  }

  /// A reader error as a failure: 66 (`EX_NOINPUT`) when the file cannot be
  /// opened, 65 (`EX_DATAERR`) for anything wrong inside it, 64 when the
  /// options contradict each other or must name the positive label.
  ///
  /// - Parameter error: The reader's error.
  /// - Returns: The failure.
  static func failure(_ error: PredictionFileError) -> CommandFailure {
    let status: ExitStatus =
      switch error.reason {
      case .cannotOpen: .noInput
      case .invalidOptions, .positiveLabelNeeded, .positiveLabelMisspelt, .ambiguousColumn,
        .countColumnBesideIDs, .countColumnHasRole, .countTableNotRead, .goldColumnHasRole:
        .usage
      default: .dataError
      }
    if case .duplicateID = error.reason, error.location?.column == 1,
      case let unnamed = unnamedLeadingColumns(error.path), unnamed >= 2
    {
      return CommandFailure(
        error.description
          + "; the file begins with \(unnamed) columns with no name, a data frame's MultiIndex (as pd.concat({\"a\": df1, \"b\": df2}) and groupby make), and only the first is read as ids: write the frame with df.reset_index(drop=True) first, or with index=False, or give --no-id-column to read each row as an item of its own (paired with other files' rows by position)",
        status: status)
    }
    if case .duplicateID(_, let column, _) = error.reason,
      let levels = outerIndexLevels(before: column, at: error.location, in: error.path)
    {
      let outer = levels == 1 ? "a column" : "\(levels) columns"
      return CommandFailure(
        error.description
          + "; the file begins with \(outer) with no name before \(TerminalText.quoted(column)), the outer level\(levels == 1 ? "" : "s") of a data frame's MultiIndex (as pd.concat({\"a\": df1, \"b\": df2}) makes of frames indexed by \(column)), so an id repeats under each outer key: give each item one id (df.index = df.index.map(lambda k: \"/\".join(map(str, k))), then df.to_csv(path, index_label=\"\(column)\")), or write the frame with index=False and give --no-id-column to read each row as an item of its own (paired with other files' rows by position)",
        status: status)
    }
    if case .duplicateID = error.reason, error.location?.column == 1,
      beginsWithIndexColumn(error.path)
    {
      return CommandFailure(
        error.description
          + "; the first column is a data frame's index, read as ids, and pd.concat keeps each frame's index: write the frame with index=False (or concatenate with ignore_index=True), or give --no-id-column to read each row as an item of its own (paired with other files' rows by position)",
        status: status)
    }
    if case .duplicateShardID = error.reason {
      let hint =
        error.location?.column == 1 && beginsWithIndexColumn(error.path)
        ? "the first column is a data frame's index, read as ids: shards cut from one frame repeat it where they overlap, and frames made one per shard each number theirs from 0; write the shards with index=False, or give --no-id-column to read each row as an item of its own"
        : "shards of one data set hold different items, so its item would count twice; give --no-id-column to read each row as an item of its own"
      return CommandFailure(error.description + "; " + hint, status: status)
    }
    return CommandFailure(error.description, status: status)
  }

  /// Whether a file's header begins with a column that holds a data
  /// frame's index (see `PredictionFileOptions.indexColumnNames`), read
  /// from its first bytes.
  static func beginsWithIndexColumn(_ path: String) -> Bool {
    guard let first = leadingHeaderNames(path).first else { return false }
    return PredictionFileOptions.indexColumnNames.contains(first)
  }

  /// How many columns with an empty name begin a file's header just
  /// before the id column where a repeated id was found: the outer levels
  /// of a data frame's MultiIndex whose last level is named (`,id,label`),
  /// as `to_csv` writes `pd.concat` of frames indexed by `id`.
  ///
  /// - Parameters:
  ///   - column: The id column's name.
  ///   - location: Where the repeated id was found.
  ///   - path: The file.
  /// - Returns: The number of unnamed columns, or `nil` when the id column
  ///   is not the first named column after one or more unnamed ones.
  static func outerIndexLevels(
    before column: String, at location: PredictionFileError.Location?, in path: String
  ) -> Int? {
    guard !column.isEmpty, let location, location.unit == .field else { return nil }
    let names = leadingHeaderNames(path)
    let levels = names.prefix { $0.isEmpty }.count
    guard levels >= 1, location.column == levels + 1, names.count > levels,
      names[levels] == column
    else { return nil }
    return levels
  }

  /// How many columns with an empty name begin a file's header: two or
  /// more are the levels of a data frame's MultiIndex, as `to_csv`
  /// writes them.
  static func unnamedLeadingColumns(_ path: String) -> Int {
    leadingHeaderNames(path).prefix { $0.isEmpty }.count
  }

  /// The names of a file's header, split at commas or tabs and unquoted,
  /// read from its first bytes; empty for standard input or a file that
  /// cannot be read.
  private static func leadingHeaderNames(_ path: String) -> [String] {
    guard path != "<stdin>", let handle = FileHandle(forReadingAtPath: path) else { return [] }
    defer { try? handle.close() }
    guard let bytes = try? handle.read(upToCount: 4096) else { return [] }
    var line = String(decoding: bytes, as: UTF8.self)
    if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
    let header = line.prefix { $0 != "\n" && $0 != "\r" }
    let delimiter: Character = header.contains("\t") && !header.contains(",") ? "\t" : ","
    return header.split(separator: delimiter, omittingEmptySubsequences: false).map { name in
      name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"")
        ? String(name.dropFirst().dropLast()) : String(name)
    }
  }

  /// A file as messages name it: its path, or `<stdin>` for `-`, as the
  /// reader's own errors do.
  ///
  /// - Parameter path: The path as given.
  /// - Returns: The name.
  static func displayName(of path: String) -> String { path == "-" ? "<stdin>" : path }
}
