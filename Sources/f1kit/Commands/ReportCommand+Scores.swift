import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics

extension ReportCommand {
  /// Reads a file with its scores (`--score-column`, `--score-columns` or
  /// `--score-array-column`): the predictions they make, and the scores
  /// for the score section with the cut-off and where it came from.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - name: The model's name.
  ///   - modelInput: How to read the model, when not by ``input`` (one
  ///     score column of several under `--score-columns-of`).
  ///   - sourceFile: How the model's source is named, when not `path`.
  /// - Returns: The input.
  /// - Throws: A one-line failure with the reader's exit status.
  func readScored(
    _ path: String, name: String, input modelInput: InputOptions? = nil,
    sourceFile: String? = nil
  ) throws(CommandFailure) -> ReportInput {
    // `--score-columns-of` reads each model with its own score column.
    let input = modelInput ?? self.input
    let items = try input.readItemScores(path)
    var report: ReportInput
    do {
      report = try ReportInput(
        name: name, sourceFile: sourceFile ?? path, items: items.predictions)
    } catch {
      throw .data("\(path): \(error.description)")
    }
    let reader = input.reader
    let source: String
    if let column = reader.scoreColumn {
      source = "the score column “\(column)”"
    } else if let column = reader.scoreArrayColumn {
      source = "the score-array column “\(column)”"
    } else {
      source = "the score columns \(reader.scoreColumns.map { "“\($0)”" }.joined(separator: ", "))"
    }
    report.scores = ScoreInput(
      items: items, source: source, threshold: try input.thresholdChoice(for: path),
      positiveColumnLabel: input.positiveColumn(of: items, path: path)?.label)
    return report
  }

  /// The inputs with the scores found by name attached (a column named
  /// ``InputOptions/detectedScoreColumn``, or one named after each class),
  /// when no score option is given, the predictions come from a
  /// prediction column of per-item files, and every file has such
  /// columns. The predictions are unchanged.
  ///
  /// - Parameter inputs: The inputs as read.
  /// - Returns: The inputs, and a note for the run metadata: the columns
  ///   read, or why columns found by name were not read.
  func detectingScores(_ inputs: [ReportInput]) -> (inputs: [ReportInput], note: String?) {
    guard predictionColumns == nil, inputs.allSatisfy({ $0.items != nil }) else {
      return (inputs, nil)
    }
    var result = inputs
    var note: String?
    // One order of the classes' columns for every file, as the score
    // section compares the models column by column.
    var labels: [String] = []
    for input in inputs {
      for label in input.items?.labels ?? [] where !labels.contains(label) { labels.append(label) }
    }
    var found: [(path: String, isBinary: Bool)] = []
    var missing: [String] = []
    for (index, path) in paths.enumerated() {
      switch input.detectScores(path, labels: { labels }) {
      case .none: missing.append(path)
      case .unreadable(let columns, let reason):
        return (inputs, "\(columns) not read as scores\(reason)")
      case .scores(let items):
        found.append((path, items.positiveLabel != nil))
        result[index].scores = ScoreInput(
          items: items,
          source: "the score \(items.positiveLabel == nil ? "columns" : "column") "
            + "\(InputOptions.detectedColumns(of: items)) (found by name)",
          threshold: nil, positiveColumnLabel: input.positiveColumn(of: items, path: path)?.label)
        note = note ?? InputOptions.detectedScoreNote(for: items)
      }
    }
    if found.isEmpty { return (inputs, nil) }
    // Scores for some models only, or of two kinds, would compare unlike
    // things: say why there are none rather than leave them out silently.
    let kinds = Set(found.map(\.isBinary))
    guard missing.isEmpty, kinds.count == 1 else {
      let list = { (paths: [String]) in
        paths.map { InputOptions.displayName(of: $0) }.joined(separator: ", ")
      }
      let why =
        missing.isEmpty
        ? "differ: “\(InputOptions.detectedScoreColumn)” in \(list(found.filter(\.isBinary).map(\.path))) but a column per class in \(list(found.filter { !$0.isBinary }.map(\.path)))"
        : "in \(list(found.map(\.path))) but not in \(list(missing))"
      return (
        inputs,
        "score columns found by name \(why): no score metrics, which need the same scores for every file (or a score option)"
      )
    }
    return (result, note)
  }

  /// The run metadata's input settings with the score column found by
  /// name, and each file's cut-off and where it came from when
  /// `--threshold-from` gives it.
  ///
  /// - Parameters:
  ///   - inputs: The inputs read.
  ///   - note: The note of ``detectingScores(_:)``.
  /// - Returns: The settings.
  func scoreSettings(_ inputs: [ReportInput], note: String?) -> [RunMetadata.Setting] {
    var settings = inputSettings
    if let note {
      let position =
        (settings.firstIndex { $0.name == "Prediction column" } ?? settings.count - 1) + 1
      settings.insert(.init(name: "Score column", value: note), at: min(position, settings.count))
    }
    let choices = inputs.compactMap { input in
      input.scores?.threshold.map { (name: input.sourceFile, choice: $0) }
    }
    if input.thresholdResolver != nil, !choices.isEmpty,
      let index = settings.firstIndex(where: { $0.name == "Threshold" })
    {
      // A shared tuned cut-off says so, as compare's and gate's lines do.
      let sentences = ThresholdChoice.sentences(choices)
      settings[index].value =
        choices.count == 1
        ? sentences[0]
        : zip(choices, sentences).map { "\($0.name): \($1)" }.joined(separator: "; ")
    }
    return settings
  }
}
