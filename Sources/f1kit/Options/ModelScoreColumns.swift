import CommandLineSupport
import F1KitReading

/// `--score-columns-of a=a_score,b=b_score`: one file holding one binary
/// score column per model.
///
/// Each model is read exactly as a file of its own with `--score-column`
/// naming its column would be (same threshold, same score engine), so every
/// result equals that of one file per model.
struct ModelScoreColumns: Hashable {
  /// One model and its score column.
  struct Model: Hashable {
    /// The model's name.
    var name: String
    /// Its binary score column.
    var column: String
  }

  /// `--score-columns-of a=a_score,b=b_score`.
  static let option = Option<ModelScoreColumns?>(
    name: "score-columns-of", valueName: "name=column,...",
    help:
      "One binary score column per model, as NAME=COLUMN pairs separated by commas (a bare COLUMN names its model too): the file holds every model's scores, each read as --score-column COLUMN would read a file of its own.",
    default: .some(nil),
    expectation: "NAME=COLUMN pairs separated by commas, such as a=a_score,b=b_score",
    convert: { text in ModelScoreColumns(parsing: text).map { .some($0) } })

  /// Why `--threshold-from` cannot go with these columns.
  static let thresholdFromRefusal = UsageError(
    "--threshold-from tunes one file's cut-off; with --score-columns-of give --threshold")

  /// The models, in the order given.
  var models: [Model]

  /// The models' names.
  var names: [String] { models.map(\.name) }
  /// The models' score columns.
  var columns: [String] { models.map(\.column) }

  /// Parses `a=a_score,b=b_score` (or a JSON array of such strings).
  ///
  /// - Parameter text: The option's value.
  /// - Returns: The models, or `nil` when a pair is malformed.
  init?(parsing text: String) {
    guard let items = ScoringOptions.parseList(text), !items.isEmpty else { return nil }
    var models: [Model] = []
    for item in items {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      let column = parts.count == 2 ? String(parts[1]) : name
      guard !name.isEmpty, !column.isEmpty else { return nil }
      models.append(Model(name: name, column: column))
    }
    self.models = models
  }

  /// Checks the models against the rest of the command line: distinct
  /// names and columns, no other prediction or score option, no sample
  /// weights (not supported here yet), one file.
  ///
  /// - Parameters:
  ///   - input: The input options.
  ///   - predictionColumns: `--pred-columns`, if given.
  ///   - paths: The files named.
  /// - Throws: A ``UsageError`` naming the problem.
  func check(input: InputOptions, predictionColumns: [String]?, paths: [String])
    throws(UsageError)
  {
    if names.distinctExactLabels().count != names.count {
      throw UsageError("--score-columns-of names a model twice")
    }
    if columns.distinctExactLabels().count != columns.count {
      throw UsageError("--score-columns-of names a column twice")
    }
    if predictionColumns != nil || !input.reader.predictionSources.isEmpty {
      throw UsageError(
        "--score-columns-of gives every model's scores; it cannot be combined with --pred-columns, --pred-column, --score-column, --score-columns or --score-array-column"
      )
    }
    if input.thresholdResolver != nil { throw Self.thresholdFromRefusal }
    if input.isWeighted {
      throw UsageError("--weight-column is not available yet with --score-columns-of")
    }
    if paths.count != 1 {
      throw UsageError(
        "--score-columns-of reads one file holding every model's scores, found \(paths.count) files"
      )
    }
    if paths[0] == "-", models.count > 1 {
      throw UsageError(
        "--score-columns-of cannot read several models from standard input, which is read once; name a file"
      )
    }
  }

  /// The input options that read one model: `--score-column` naming its
  /// column.
  ///
  /// - Parameters:
  ///   - model: The model's index.
  ///   - input: The command line's input options.
  /// - Returns: The options for that model.
  func input(ofModel model: Int, from input: InputOptions) -> InputOptions {
    var options = input
    options.reader.scoreColumn = models[model].column
    return options
  }

  /// How a model's source is named in outputs: `file (column)`.
  ///
  /// - Parameters:
  ///   - model: The model's index.
  ///   - path: The file.
  /// - Returns: The description.
  func source(ofModel model: Int, path: String) -> String {
    "\(path) (\(models[model].column))"
  }
}
