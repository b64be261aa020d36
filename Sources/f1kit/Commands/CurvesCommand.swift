import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics
import F1KitSupport

/// `f1kit curves`: the ROC and precision–recall points of a binary score
/// column, every one of them.
struct CurvesCommand: ParsableCommand {
  static let format = Option<CurvesFormat>(
    name: "format", help: "Output format.", default: .json)

  static let configuration = ScikitLearnOptions.hinting(
    CommandConfiguration(
      name: "curves",
      abstract: "Print the ROC and precision-recall curves of a binary score column.",
      discussion: """
        Reads gold labels and one score per item (--score-column) and prints the ROC \
        points (fpr, tpr, thresholds as scikit-learn's roc_curve with drop_intermediate) \
        and the precision-recall points (precision, recall, thresholds as \
        precision_recall_curve). The first ROC threshold, +infinity, is written as null. \
        The curves are never thinned.
        """,
      arguments: [InputOptions.file],
      options: [format] + ScoringOptions.declarations + InputOptions.declarations))

  var path: String
  var format: CurvesFormat
  var input: InputOptions

  init(parsing values: ParsedValues) throws(UsageError) {
    path = values[InputOptions.file]
    format = values[Self.format]
    input = try InputOptions(values)
    // Curves sweep every cut-off: one given would be silently ignored.
    if input.thresholdResolver != nil || input.isThresholdGiven {
      throw UsageError(
        "'curves' sweeps every cut-off; it takes no '--threshold' or '--threshold-from'")
    }
    // The default cut-off read with is no claim and cuts nothing.
    input.readsScoresUncut()
  }

  func run() throws(CommandFailure) -> CommandOutput {
    try InputOptions.refuseFoldersAndPipes([path])
    try input.refuseWeightedSweep(in: "curves")
    guard input.reader.scoreColumn != nil else {
      throw .usage("curves needs one binary score column: give --score-column")
    }
    let (_, model) = try input.readScoredModel(path)
    guard case .binary(let scores) = model else {
      throw .usage("curves needs one binary score column: give --score-column")
    }
    let roc = scores.rocCurve
    let pr = scores.precisionRecallCurve
    switch format {
    case .json:
      func numbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }
      let document = JSONValue.object([
        (
          "roc",
          .object([
            ("fpr", numbers(roc.falsePositiveRates)), ("tpr", numbers(roc.truePositiveRates)),
            ("thresholds", numbers(roc.thresholds)),
          ])
        ),
        (
          "pr",
          .object([
            ("precision", numbers(pr.precisions)), ("recall", numbers(pr.recalls)),
            ("thresholds", numbers(pr.thresholds)),
          ])
        ),
      ])
      return CommandOutput(document.serialized() + "\n")
    case .csv:
      func field(_ value: Double) -> String { value.isFinite ? CSVText.number(value) : "" }
      var text = CSVText.record(["curve", "x", "y", "threshold"])
      for index in roc.thresholds.indices {
        text += CSVText.record([
          "roc", field(roc.falsePositiveRates[index]), field(roc.truePositiveRates[index]),
          field(roc.thresholds[index]),
        ])
      }
      for index in pr.precisions.indices {
        text += CSVText.record([
          "pr", field(pr.recalls[index]), field(pr.precisions[index]),
          index < pr.thresholds.count ? field(pr.thresholds[index]) : "",
        ])
      }
      return CommandOutput(text)
    }
  }
}

/// `--format` of `curves`.
enum CurvesFormat: String, CaseIterable, ExpressibleByArgument {
  case json, csv
}
