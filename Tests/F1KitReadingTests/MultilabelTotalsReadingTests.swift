import F1Kit
import F1KitReading
import Testing

/// One file read both ways: into patterns and into running totals.
struct TotalsCase: Sendable, CustomTestStringConvertible {
  var name: String
  var text: String
  var fileName = "sets.csv"
  var weightColumn: String?
  var scoreColumns: [String] = []
  var thresholds: [Double] = [0.5]
  var evaluation = EvaluationOptions()

  var testDescription: String { name }

  var options: LabelSetOptions {
    var options = LabelSetOptions(weightColumn: weightColumn, thresholds: thresholds)
    options.file.scoreColumns = scoreColumns
    return options
  }
}

private let weightedSets = """
  label,prediction,w
  sports|tech,sports,0.1
  ,tech,0.7
  health,,0.2
  sports,sports|health,1.3
  ,,0.3
  tech|ωmega,tech|ωmega,0
  sports|tech,sports,0.1

  """

private let totalsCases: [TotalsCase] = [
  TotalsCase(name: "a|b cells", text: "label,prediction\na|b,a\n,b\nc,\na,a|c\n,\n"),
  TotalsCase(
    name: "JSON Lines arrays with null and escapes",
    text: """
      {"label": ["a", "b"], "prediction": ["a"]}
      {"label": [], "prediction": "b"}
      {"label": ["c"], "prediction": null}
      {"label": ["\\u0061"], "prediction": ["a", "c"]}

      """, fileName: "sets.jsonl"),
  TotalsCase(
    name: "score columns with one threshold per label",
    text: "label,a,b,c\na|b,0.9,0.2,0.1\n,0.1,0.6,0.3\nc,0.2,0.4,0.45\na,0.7,0.1,0.5\n",
    scoreColumns: ["a", "b", "c"], thresholds: [0.5, 0.5, 0.25]),
  TotalsCase(
    name: "weights that are not binary fractions, a zero weight, F-beta",
    text: weightedSets, weightColumn: "w",
    evaluation: EvaluationOptions(zeroDivision: .nan, beta: 2)),
  TotalsCase(
    name: "--labels naming a label that never occurs and leaving one out",
    text: weightedSets, weightColumn: "w",
    evaluation: EvaluationOptions(labels: ["tech", "never", "sports"], zeroDivision: .one)),
  TotalsCase(
    name: "tab-separated, unweighted, --labels with zero_division 0",
    text: "label\tprediction\nx|y\tx\ny\ty|z\n\t\n", fileName: "sets.tsv",
    evaluation: EvaluationOptions(labels: ["z", "y"])),
]

@Suite("Reading a multilabel file into running totals")
struct MultilabelTotalsReadingTests {
  @Test(
    "the totals give the same JSON, text and CSV as the patterns read from the file",
    arguments: totalsCases)
  func sameOutputs(test: TotalsCase) throws {
    let path = try PredictionFileFixture.write(test.text, name: test.fileName)
    let reader = try LabelSetReader(path: path, options: test.options)
    let fromPatterns = try MultilabelMetrics(
      counts: try reader.readMultilabel(), options: test.evaluation)
    let totals = try reader.readMultilabelTotals(evaluation: test.evaluation)
    let fromTotals = try MultilabelMetrics(accumulated: totals)
    #expect(fromTotals.counts == nil)
    #expect(fromTotals.itemCount == fromPatterns.itemCount)
    #expect(fromTotals.allLabels == fromPatterns.allLabels)
    #expect(
      JSONValue.object(fromTotals.jsonDocument()).serialized()
        == JSONValue.object(fromPatterns.jsonDocument()).serialized())
    #expect(fromTotals.textReport() == fromPatterns.textReport())
    #expect(fromTotals.csvTable() == fromPatterns.csvTable())
  }

  @Test(
    "a bad weight, a zero total weight or a bad cell fails both readers with the same message",
    arguments: [
      "label,prediction,w\na,a,1\nb,b,-1\n",
      "label,prediction,w\na,a,0\nb,a,0\n",
      "label,prediction,w\n\"[\"\"a\"\",\",a,1\n",
      "label,prediction\na,a\n",
    ])
  func sameFailures(text: String) throws {
    let path = try PredictionFileFixture.write(text, name: "bad.csv")
    var options = LabelSetOptions()
    options.weightColumn = "w"
    let reader = try LabelSetReader(path: path, options: options)
    let patternsError = #expect(throws: PredictionFileError.self) {
      try reader.readMultilabel()
    }
    let totalsError = #expect(throws: PredictionFileError.self) {
      try reader.readMultilabelTotals(evaluation: EvaluationOptions())
    }
    #expect(patternsError?.description == totalsError?.description)
  }
}
