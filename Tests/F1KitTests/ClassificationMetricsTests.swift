import F1Kit
import Testing

@Suite("Problem kind, positive label and argument order")
struct ClassificationMetricsTests {
  @Test(
    "two labels make a binary problem whose positive label is that of a well-known pair",
    arguments: [
      (["0", "1"], "1"), (["false", "true"], "true"), (["no", "yes"], "yes"), (["-1", "1"], "1"),
    ])
  func binaryDefaultsToLaterLabel(labels: [String], positive: String) throws {
    let matrix = try ConfusionMatrix(gold: labels, predicted: labels.reversed())
    let metrics = try ClassificationMetrics(confusionMatrix: matrix)
    #expect(metrics.problem == .binary)
    #expect(metrics.positiveLabel == positive)
    #expect(metrics.primaryMetric == .binaryF1)
  }

  @Test("three labels make a multiclass problem scored by macro-F1")
  func threeLabelsAreMulticlass() throws {
    let matrix = try ConfusionMatrix(gold: ["a", "b", "c"], predicted: ["a", "b", "b"])
    let metrics = try ClassificationMetrics(confusionMatrix: matrix)
    #expect(metrics.problem == .multiclass)
    #expect(metrics.positiveLabel == nil)
    #expect(metrics.primaryMetric == .macroF1)
    #expect(metrics.value(of: .binaryF1).isNaN)
  }

  @Test(
    "labels to evaluate of which none is a gold label, or one misspelt by case or spaces, are refused"
  )
  func refusesNamedLabelsThatCannotBeMeant() throws {
    let matrix = try ConfusionMatrix(
      gold: ["ent", "neu", "con", "neu"], predicted: ["ent", "con", "con", "neu"])
    #expect(
      throws: MetricsError.noNamedLabelInGold(
        named: ["Ent", "Neu", "Con"], gold: ["con", "ent", "neu"])
    ) {
      try ClassificationMetrics(
        confusionMatrix: matrix, options: EvaluationOptions(labels: ["Ent", "Neu", "Con"]))
    }
    #expect(throws: MetricsError.namedLabelMisspelt("Neu", occurring: "neu")) {
      try ClassificationMetrics(
        confusionMatrix: matrix, options: EvaluationOptions(labels: ["ent", "Neu", "con"]))
    }
    // `--labels "ent, neu, con"`: the spaces after the commas are kept.
    #expect(throws: MetricsError.namedLabelMisspelt(" neu", occurring: "neu")) {
      try ClassificationMetrics(
        confusionMatrix: matrix, options: EvaluationOptions(labels: ["ent", " neu", " con"]))
    }
    #expect(
      MetricsError.namedLabelMisspelt(" neu", occurring: "neu").description.hasSuffix(
        "spaces included: leave out the spaces after the commas (--labels a,b,c)"))
    // A label that occurs nowhere, with no near spelling, is scikit-learn's
    // `labels` semantics and stays allowed.
    let metrics = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(labels: ["ent", "neu", "con", "xyz"]))
    #expect(metrics.confusionMatrix.labels.prefix(4) == ["ent", "neu", "con", "xyz"])
  }

  @Test(
    "two labels named out of a multiclass gold set are averaged over, as scikit-learn's labels= does; a named positive label makes them binary"
  )
  func twoNamedLabelsOfAMulticlassTestSet() throws {
    // Gold a, a, b, c, c; predicted a, b, a, c, a.
    let matrix = try ConfusionMatrix(
      gold: ["a", "a", "b", "c", "c"], predicted: ["a", "b", "a", "c", "a"])
    let averaged = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(labels: ["a", "c"]))
    #expect(averaged.problem == .multiclass)
    // f1_score(gold, predicted, labels=["a", "c"], average="macro"):
    // a: precision 1/3, recall 1/2, F1 0.4; c: precision 1, recall 1/2,
    // F1 2/3.
    #expect(abs(averaged.value(of: .macroF1) - (0.4 + 2.0 / 3) / 2) < 1e-12)
    let binary = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(labels: ["a", "c"], positiveLabel: "c"))
    #expect(binary.problem == .binary)
    #expect(abs(binary.value(of: .binaryF1) - 2.0 / 3) < 1e-12)
    // Gold labels within the named two stay binary, stray predictions aside.
    let stray = try ConfusionMatrix(gold: ["0", "1", "1"], predicted: ["0", "unk", "1"])
    let withStray = try ClassificationMetrics(
      confusionMatrix: stray, options: EvaluationOptions(labels: ["0", "1"]))
    #expect(withStray.problem == .binary)
  }

  @Test(
    "a Boolean label named in another case names the Boolean the labels spell",
    arguments: [
      (["true", "false"], "True", "true"), (["True", "False"], "true", "True"),
      (["true", "false"], "FALSE", "false"),
    ])
  func booleanLabelsInAnyCase(spellings: [String], named: String, expected: String) throws {
    let matrix = try ConfusionMatrix(
      gold: [spellings[0], spellings[1], spellings[0]],
      predicted: [spellings[0], spellings[0], spellings[1]])
    let metrics = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(positiveLabel: named))
    #expect(metrics.positiveLabel == expected)
  }

  @Test("a positive label for a problem of one label says '1 label' and how to name both")
  func oneLabelIsSingular() {
    #expect(
      MetricsError.positiveLabelNeedsBinaryProblem("true", labels: ["true"]).description
        == #"positive label "true" applies to binary problems, but there is 1 label: "true"; to score it as scikit-learn's f1_score(pos_label="true") does, name both labels: --labels NEGATIVE,true --positive true"#
    )
    #expect(
      MetricsError.positiveLabelNeedsBinaryProblem("1", labels: ["0"]).description
        == #"positive label "1" applies to binary problems, but there is 1 label: "0"; to score it as scikit-learn's f1_score(pos_label="1") does, name both labels: --labels 0,1 --positive 1"#
    )
    #expect(
      !MetricsError.positiveLabelNeedsBinaryProblem("a", labels: ["a", "b", "c"]).description
        .contains("--labels"))
  }

  @Test("an explicit positive label is honoured")
  func explicitPositiveLabel() throws {
    let matrix = try ConfusionMatrix(gold: ["0", "0", "1"], predicted: ["0", "1", "1"])
    let metrics = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(positiveLabel: "0"))
    #expect(metrics.positiveLabel == "0")
    #expect(metrics.value(of: .binaryPrecision) == 1)
    #expect(metrics.value(of: .binaryRecall) == 0.5)
  }

  @Test(
    "options that do not fit the data are rejected",
    arguments: [
      (
        EvaluationOptions(positiveLabel: "x"),
        MetricsError.unknownPositiveLabel("x", labels: ["a", "b"])
      ),
      (EvaluationOptions(labels: ["a", "a"]), MetricsError.duplicateLabel("a")),
      (
        EvaluationOptions(labels: ["a", "b", "c"], problem: .binary),
        MetricsError.binaryNeedsTwoLabels(["a", "b", "c"])
      ),
      (EvaluationOptions(problem: .multiclass, zeroDivision: .one), nil),
      (
        EvaluationOptions(positiveLabel: "a", problem: .multiclass),
        MetricsError.positiveLabelNeedsBinaryProblem("a", labels: ["a", "b"])
      ),
    ])
  func rejectsOptionsThatDoNotFit(options: EvaluationOptions, error: MetricsError?) throws {
    let matrix = try ConfusionMatrix(gold: ["a", "b"], predicted: ["b", "b"])
    if let error {
      #expect(throws: error) {
        try ClassificationMetrics(confusionMatrix: matrix, options: options)
      }
    } else {
      #expect(throws: Never.self) {
        try ClassificationMetrics(confusionMatrix: matrix, options: options)
      }
    }
  }

  /// sentence-transformers' CEF1Evaluator calls `f1_score(pred_labels, labels)`,
  /// which takes the predictions' class frequencies as the weights.
  @Test("gold labels, not predictions, weight the weighted average")
  func goldLabelsWeightTheAverage() throws {
    let gold = ["a", "a", "a", "a", "b", "c"]
    let predicted = ["a", "b", "b", "c", "b", "c"]
    let right = try ClassificationMetrics(
      confusionMatrix: ConfusionMatrix(gold: gold, predicted: predicted))
    let swapped = try ClassificationMetrics(
      confusionMatrix: ConfusionMatrix(gold: predicted, predicted: gold))
    // scikit-learn 1.9.1: f1_score(gold, predicted, average="weighted") and
    // f1_score(predicted, gold, average="weighted").
    #expect(abs(right.value(of: .weightedF1) - 0.46111111111111114) < 1e-12)
    #expect(abs(swapped.value(of: .weightedF1) - 0.5388888888888889) < 1e-12)
    #expect(right.value(of: .weightedF1) != swapped.value(of: .weightedF1))
    #expect(right.perClass().map(\.support) == [4, 1, 1])
  }

  @Test("macro-F1 is the mean of per-class F1, not the F1 of macro precision and recall")
  func macroF1IsMeanOfPerClassF1() throws {
    let matrix = try ConfusionMatrix(
      gold: ["a", "a", "a", "b", "c", "c"], predicted: ["a", "b", "b", "b", "c", "a"])
    let metrics = try ClassificationMetrics(confusionMatrix: matrix)
    let perClassMean = metrics.perClass().map(\.fScore).reduce(0, +) / 3
    let precision = metrics.value(of: .macroPrecision)
    let recall = metrics.value(of: .macroRecall)
    #expect(abs(metrics.value(of: .macroF1) - perClassMean) < 1e-15)
    #expect(abs(metrics.value(of: .macroF1) - 2 * precision * recall / (precision + recall)) > 1e-3)
  }

  @Test("undefined scores name the classes behind them")
  func reportsUndefinedScores() throws {
    let matrix = try ConfusionMatrix(
      gold: ["a", "b", "b"], predicted: ["a", "a", "a"], labels: ["a", "b", "z"])
    let metrics = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(labels: ["a", "b", "z"]))
    let undefined = metrics.undefinedScores()
    #expect(undefined.map(\.label) == ["b", "z"])
    #expect(undefined[0].isPrecisionUndefined && !undefined[0].isRecallUndefined)
    #expect(undefined[1].isFScoreUndefined)
  }
}
