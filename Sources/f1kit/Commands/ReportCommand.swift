import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import F1KitSupport
import Foundation

/// `f1kit report`: writes one self-contained HTML report for one or more
/// models scored on the same test items.
struct ReportCommand: ParsableCommand {
  static let files = Argument<[String]>(
    name: "files",
    help:
      "Prediction files (CSV, TSV or JSON Lines) of models scored on the same test items; NAME=run1.csv,run2.csv (or a quoted pattern, 'NAME=runs/seed-*.csv') gives a model one file per training run (the runs section then resamples runs and items; a comma within a file's name is written \\,). With --pred-columns: one file, or its shards, holding every model."
  )
  static let out = Option<FilePath>(
    name: "out", valueName: "file", help: "The HTML file to write (required).")
  static let json = Option<FilePath?>(
    name: "json", valueName: "file",
    help:
      "Also write every number the report shows as JSON: models, every pair's comparison (as 'f1kit compare --format json' gives it) and advice. With runs, --group-column or --stratify, the first runs' models and comparisons move under first_run, beside experiment (the numbers to quote)."
  )
  static let format = Option<ReportFormat>(
    name: "format",
    help:
      "html writes only the report; markdown or latex also print paper-ready tables of the report's numbers on standard output.",
    default: .html)
  static let tablesDirectory = Option<FilePath?>(
    name: "tables-dir", valueName: "folder",
    help:
      "Also write the tables as tables.md (Markdown) and tables.tex (LaTeX, booktabs) into this folder, created if missing."
  )
  static let title = Option<String>(
    name: "title", help: "The report's title.", default: "Classifier evaluation")
  static let trainingLog = Option<FilePath?>(
    name: "training-log", valueName: "file",
    help: "A CSV evaluation log (epoch,steps,<metric columns>) to draw as a training curve.")
  static let resamples = Option<Int>(
    name: "resamples", valueName: "count",
    help: "Bootstrap and permutation resamples; 0 computes no intervals or tests.",
    default: 9_999, defaultDescription: "9999",
    expectation: "0 (no intervals or tests) or a whole number from 100 to 10000000",
    convert: { Int($0).flatMap { $0 == 0 || (100...10_000_000).contains($0) ? $0 : nil } })
  static let seed = Option<UInt64>(
    name: "seed",
    help: "Seed of the random number generator (xoshiro256**), for reproducible reports.",
    default: Xoshiro256StarStar.defaultSeed)

  static let configuration = ScikitLearnOptions.hinting(
    CommandConfiguration(
      name: "report",
      abstract:
        "Write an HTML report with charts, intervals and metric advice for one or more models.",
      discussion: """
        Reads each prediction file as 'f1kit evaluate' does and writes one HTML page: \
        a summary with a verdict, headline metrics and no-skill baselines, the per-class \
        classification report, confusion matrices, a comparison of every pair of models \
        (the numbers 'f1kit compare' gives), an optional training curve, metric advice and the run's metadata. The \
        page needs no JavaScript and loads nothing. It is written atomically, and the same \
        inputs and seed give the same bytes. Multilabel files (label sets such as a|b or JSON \
        arrays) get every multilabel metric with its interval, per-label F1 bars with \
        intervals, the labels per item of gold and predicted sets, the gold label \
        co-occurrence, paired tests on samples-, micro- and macro-F1, and the multilabel advice.
        """,
      arguments: [files],
      options: [
        out, json, title, format, tablesDirectory, TableOptions.digits, ModelNames.option,
        ModelColumns.option, ModelScoreColumns.option, trainingLog, resamples,
        ResamplingOptions.confidence,
        seed, ResamplingOptions.quiet,
      ] + ExperimentOptions.declarations + ScoringOptions.declarations
        + InputOptions.declarations))

  var paths: [String]
  var out: FilePath
  var json: FilePath?
  var format: ReportFormat
  var tablesDirectory: FilePath?
  var digits: Int
  var title: String
  var names: [String]
  var trainingLog: FilePath?
  var resamples: Int
  var seed: UInt64
  var confidence: Double
  /// Whether to draw no progress bar (`-q`, `--quiet`).
  var isQuiet: Bool
  var scoring: ScoringOptions
  var input: InputOptions
  /// Each model's prediction column, when one file (or its shards) holds
  /// every model.
  var predictionColumns: [String]?
  /// Each model's score column, when one file holds every model's scores.
  var scoreColumnsOf: ModelScoreColumns?
  var inputSettings: [RunMetadata.Setting]
  /// Each model's run files (one file per model unless `NAME=a.csv,b.csv`).
  var modelFiles: [[String]] = []
  /// How the runs-and-groups section resamples, when models have several
  /// runs or items are grouped or stratified.
  var design: ResamplingDesign?
  /// The column naming each item's group, if any.
  var groupColumn: String?
  /// Warnings about the models given, such as one file given for two.
  var modelWarnings: [String] = []

  init(parsing values: ParsedValues) throws(UsageError) {
    paths = values[Self.files]
    predictionColumns = values[ModelColumns.option]
    out = values[Self.out]
    json = values[Self.json]
    format = values[Self.format]
    tablesDirectory = values[Self.tablesDirectory]
    digits = values[TableOptions.digits]
    title = values[Self.title]
    if let predictionColumns {
      try ModelColumns.check(predictionColumns)
      try ExperimentOptions.refuseRunLists(in: paths, with: "--pred-columns")
      try InputOptions.checkStandardInputReadOnce(paths)
      names = try ModelNames.given(values, paths: predictionColumns) ?? predictionColumns
    } else {
      if values[ModelScoreColumns.option] != nil {
        try ExperimentOptions.refuseRunLists(in: paths, with: "--score-columns-of")
      }
      let models = try ExperimentOptions.models(paths)
      try InputOptions.checkStandardInputReadOnce(models.flatMap(\.files))
      modelFiles = models.map(\.files)
      paths = models.map { $0.files[0] }
      let defaults = ModelNames.defaults(paths)
      names =
        try ModelNames.given(values, paths: models.map { $0.name ?? $0.files[0] })
        ?? zip(models, defaults).map { $0.name ?? $1 }
      if values[ModelScoreColumns.option] == nil {
        try ExperimentOptions.checkDistinctNames(
          models, names: names, namesAreGiven: values[ModelNames.option] != nil)
        modelWarnings = try ExperimentOptions.checkedFileWarnings(for: models, names: names)
      }
      let experiment = ExperimentOptions(values)
      groupColumn = experiment.groupColumn
      if experiment.isNeeded(for: models) { design = try experiment.design() }
    }
    if predictionColumns != nil {
      let experiment = ExperimentOptions(values)
      if experiment.stratify != .none {
        throw UsageError("--stratify is not available with --pred-columns yet")
      }
      groupColumn = experiment.groupColumn
      if groupColumn != nil { design = try experiment.design() }
    }
    trainingLog = values[Self.trainingLog]
    resamples = values[Self.resamples]
    seed = values[Self.seed]
    confidence = values[ResamplingOptions.confidence]
    isQuiet = values[ResamplingOptions.quiet]
    scoring = ScoringOptions(values)
    input = try InputOptions(values)
    scoreColumnsOf = values[ModelScoreColumns.option]
    if let scoreColumnsOf {
      try scoreColumnsOf.check(input: input, predictionColumns: predictionColumns, paths: paths)
      names = try ModelNames.given(values, paths: scoreColumnsOf.names) ?? scoreColumnsOf.names
    }
    try input.thresholdResolver?.checkSourceCount(
      files: modelFiles.isEmpty ? paths : modelFiles.flatMap { $0 })
    inputSettings = Self.inputSettings(values, input: input)
    let tables = tablesDirectory.map { URL(fileURLWithPath: $0.path) }
    try OutputPaths.refuseClashes(
      [
        ("--out", out.path), ("--json", json?.path),
        ("--tables-dir", tables?.appendingPathComponent("tables.md").path),
        ("--tables-dir", tables?.appendingPathComponent("tables.tex").path),
      ],
      inputs: (modelFiles.isEmpty ? paths : modelFiles.flatMap { $0 })
        + [trainingLog?.path].compactMap { $0 }
        + (input.thresholdResolver?.sources ?? []))
  }

  func run() throws(CommandFailure) -> CommandOutput {
    let output = try runReport()
    // After a successful run only: a failing one prints its one error line.
    Console.writeWarnings(modelWarnings)
    return output
  }

  private func runReport() throws(CommandFailure) -> CommandOutput {
    try InputOptions.refuseFoldersAndPipes(paths)
    try input.refuseLikelyCountColumns(paths, predictionColumns: predictionColumns)
    if let trainingLog {
      try InputOptions.refuseFoldersAndPipes(
        [trainingLog.path], kind: "a training log", allowsPipes: true)
    }
    if isMultilabelReport { return try runMultilabelReport() }
    try input.refuseLabelSetsAndWeights(
      in: "report", paths: paths, problem: scoring.problem, allowsWeights: true)
    if input.isWeighted && input.hasScores {
      throw .usage("report does not support --weight-column with score columns yet")
    }
    try refuseUnsupportedDesignInputs()
    var trainingCurve: TrainingCurve?
    if let trainingLog {
      do {
        trainingCurve = try TrainingCurve(contentsOfFile: trainingLog.path)
      } catch {
        let isUnreadable = if case .cannotRead = error.reason { true } else { false }
        throw CommandFailure(error.description, status: isUnreadable ? .noInput : .dataError)
      }
    }
    var inputs: [ReportInput] = []
    var jointCounts: ComparisonCounts?
    if let predictionColumns {
      (inputs, jointCounts) = try readColumns(predictionColumns)
    } else if input.isWeighted {
      (inputs, jointCounts) = try readWeighted()
    } else if let scoreColumnsOf {
      for index in scoreColumnsOf.models.indices {
        inputs.append(
          try read(
            paths[0], name: names[index], input: scoreColumnsOf.input(ofModel: index, from: input),
            source: scoreColumnsOf.source(ofModel: index, path: paths[0])))
      }
    } else {
      for (index, path) in paths.enumerated() {
        inputs.append(try read(path, name: names[index], input: input, source: path))
      }
      let items = inputs.compactMap(\.items)
      if items.count == paths.count {
        try InputOptions.refuseReorderedRows(
          paths, inputs: paths.map { _ in input }, items: items)
      }
    }
    // Printed once the models are known to share their gold labels; with
    // runs, groups or strata, the experiment's counts are checked instead.
    let strayLabelWarnings =
      design != nil
      ? []
      : StrayPredictedLabels.warnings(
        matrices: inputs.map(\.confusionMatrix), sources: inputs.map(\.sourceFile),
        evaluation: scoring.evaluation)
    let scoreNote: String?
    (inputs, scoreNote) = detectingScores(inputs)
    var options = ReportOptions(
      title: title, evaluation: scoring.evaluation, seed: seed, resamples: resamples,
      confidence: confidence,
      toolVersion: F1KitTool.version, trainingCurve: trainingCurve)
    options.inputSettings = scoreSettings(inputs, note: scoreNote)
    var report: ReportModel
    let bar = ProgressBar(label: "resampling", isQuiet: isQuiet || resamples == 0)
    do {
      defer { bar.finish() }
      report = try ReportBuilder(options: options).build(
        inputs, jointCounts: jointCounts, progress: bar.handler)
    } catch {
      switch error {
      case .invalidOptions(let message): throw .usage(message)
      case .itemsNotAligned(let alignment):
        throw InputOptions.alignmentFailure(
          alignment, paths: inputs.map(\.sourceFile), names: inputs.map(\.sourceFile),
          inputs: Array(repeating: input, count: inputs.count))
      default: throw .data(error.description)
      }
    }
    Console.writeWarnings(strayLabelWarnings)
    Console.writeWarnings([trainingCurve?.severalRunsWarning()].compactMap { $0 })
    if let design { try addExperiment(to: &report, design: design) }
    // A few items with their text, read from the first file for just
    // those rows (not from shards, whose rows are numbered across files).
    if !report.examples.isEmpty && (predictionColumns == nil || paths.count == 1) {
      report = report.attachingTexts(
        ItemTextReader(path: paths[0], options: input.reader).readTexts(rows: report.exampleRows))
    }
    let isTabled = format != .html || tablesDirectory != nil
    guard !isTabled || report.comparison != nil else {
      throw .usage(
        "tables need intervals: --format \(format.rawValue) and --tables-dir need --resamples above 0"
      )
    }
    // Every output is checked before any is replaced, so that a --json or
    // --tables-dir that cannot be written leaves an existing report as it
    // was.
    try Self.checkOutputs(out: out, json: json, tablesDirectory: isTabled ? tablesDirectory : nil)
    do {
      try HTMLReport(report).write(toFile: out.path)
      if let json { try report.writeJSON(toFile: json.path) }
    } catch {
      throw Self.writeFailure(error)
    }
    Console.writeError(Self.wroteLine(out.path))
    guard let comparison = report.comparison, isTabled else { return "" }
    // With runs, groups or strata the tables to quote are the
    // experiment's, alone: the first runs' tables resample items one by
    // one, and their verdict could contradict the report's own (its HTML
    // marks those sections as the first runs' and leaves out their tests).
    let tables =
      report.experiment.map { experiment in
        ResultTable.experimentTables(
          experiment.comparison, description: experiment.description, groupColumn: groupColumn,
          digits: digits)
      }
      ?? [ResultTable.metricsTable(comparison, metrics: comparison.options.metrics, digits: digits)]
      + ResultTable.comparisonTables(comparison, digits: digits)
    if let tablesDirectory { try Self.write(tables, into: tablesDirectory.path) }
    switch format {
    case .html: return ""
    case .markdown: return CommandOutput(tables.rendered(as: .markdown))
    case .latex: return CommandOutput(tables.rendered(as: .latex))
    }
  }

  /// The failure of writing the report or its JSON, with the exit status
  /// README.md gives: 74 when writing the bytes failed (a full disk), 73
  /// when the file cannot be created.
  ///
  /// - Parameter error: What writing the report or its JSON threw.
  /// - Returns: The one-line failure to throw.
  static func writeFailure(_ error: ReportError) -> CommandFailure {
    if case .writeFailed = error { return .ioError(error.description) }
    return .cannotCreate(error.description)
  }

  /// Checks that the report, its JSON and its tables' folder can be
  /// written, before any of them is.
  ///
  /// - Throws: A one-line failure (exit 73) naming the first output that
  ///   cannot be written.
  static func checkOutputs(out: FilePath, json: FilePath?, tablesDirectory: FilePath?)
    throws(CommandFailure)
  {
    do {
      try AtomicFileWriter.checkWritable(out.path)
      if let json { try AtomicFileWriter.checkWritable(json.path) }
    } catch {
      throw .cannotCreate(error.description)
    }
    guard let folder = tablesDirectory?.path else { return }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      throw .cannotCreate("cannot create the folder \(folder): a file of that name exists")
    }
  }

  /// Writes `tables.md` and `tables.tex` into a folder, creating it.
  static func write(_ tables: [ResultTable], into folder: String)
    throws(CommandFailure)
  {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreate("cannot create the folder \(folder): \(error.localizedDescription)")
    }
    let base = URL(fileURLWithPath: folder)
    do {
      try AtomicFileWriter.write(
        tables.rendered(as: .markdown), toPath: base.appendingPathComponent("tables.md").path)
      try AtomicFileWriter.write(
        tables.rendered(as: .latex), toPath: base.appendingPathComponent("tables.tex").path)
    } catch {
      throw CommandFailure(
        error.description, status: error.kind == .inputOutput ? .ioError : .cannotCreate)
    }
  }

  /// The line that says where the page went and how large it is.
  ///
  /// The size is the written file's: through a symbolic link, the file it
  /// names (the link itself is a few bytes); a device or a pipe written in
  /// place has no size worth printing.
  ///
  /// - Parameter path: The `--out` path.
  /// - Returns: The line, ending with a newline.
  static func wroteLine(_ path: String) -> String {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let size = attributes[.size] as? Int
    else { return "wrote \(path)\n" }
    return "wrote \(path) (\(describe(byteCount: size)))\n"
  }

  /// A file size for people: `812 bytes`, `45.3 kB`, `12.1 MB` (SI units).
  static func describe(byteCount: Int) -> String {
    guard byteCount >= 1000 else { return "\(byteCount) byte\(byteCount == 1 ? "" : "s")" }
    let units = ["kB", "MB", "GB", "TB"]
    var value = Double(byteCount) / 1000
    var unit = 0
    while value >= 999.95 && unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return String(format: "%.1f", value) + " " + units[unit]
  }

  /// Reads a file's items, or its counts when it is a count table or when
  /// nothing in the report needs the items.
  private func read(_ path: String, name: String, input: InputOptions, source: String)
    throws(CommandFailure) -> ReportInput
  {
    if input.hasScores {
      return try readScored(path, name: name, input: input, sourceFile: source)
    }
    if needsNoItems(path, input: input) {
      let matrix = try input.readConfusionMatrix(path)
      // Columns named after the classes need the labels to be found, and
      // the items to be scored.
      if case .none = input.detectScores(path, labels: { matrix.labels }) {
        return ReportInput(name: name, sourceFile: source, confusionMatrix: matrix)
      }
    }
    let items: ItemPredictions
    let options = try input.readerOptions(for: path)
    do {
      items = try PredictionReader(path: path, options: options).readItems()
    } catch {
      guard case .countTableHasNoItems = error.reason else { throw InputOptions.failure(error) }
      return ReportInput(
        name: name, sourceFile: source, confusionMatrix: try input.readConfusionMatrix(path))
    }
    do {
      return try ReportInput(name: name, sourceFile: source, items: items)
    } catch {
      throw .data("\(path): \(error.description)")
    }
  }

  /// Whether the report can be made from a file's counts alone, so that its
  /// memory does not grow with the items: one model, no runs or groups, and
  /// neither examples to show (no text column) nor a score column found by
  /// name. Paired comparisons, examples and scores need the items.
  private func needsNoItems(_ path: String, input: InputOptions) -> Bool {
    guard paths.count == 1, names.count == 1, predictionColumns == nil, scoreColumnsOf == nil,
      design == nil, path != "-"
    else {
      return false
    }
    guard ItemTextReader(path: path, options: input.reader).readTexts(rows: [0]).isEmpty else {
      return false
    }
    if case .none = input.detectScores(path) { return true }
    return false
  }
}
