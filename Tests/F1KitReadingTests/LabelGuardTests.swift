import F1Kit
import F1KitReading
import Testing

@Suite("Label sets that do not match, and the positive label")
struct LabelGuardTests {
  /// `count` rows of gold labels cycling through `gold` and predictions
  /// through `predicted`.
  static func rows(_ gold: [String], _ predicted: [String], count: Int = 12) -> String {
    (0..<count).map { "\(gold[$0 % gold.count]),\(predicted[$0 % predicted.count])\n" }.joined()
  }

  @Test(
    "labels that share nothing, or mostly unknown predictions, stop with the likely cause",
    arguments: [
      (
        "label,prediction\n" + rows(["neg", "pos"], ["0", "1"]),
        #"the predicted labels ("0", "1") share none of the gold labels ("neg", "pos"); one side's labels are numbers and the other's are text; write both with the same labels"#
      ),
      (
        "label,prediction\n" + rows(["pos", "neg"], ["Pos ", "neg", "Neg"]),
        #"66% of items carry a predicted label the gold labels never use (predicted "Pos ", "neg", "Neg"; gold "pos", "neg"); some labels differ only in case or surrounding spaces; spell them the same way"#
      ),
      (
        // "a", spelled alike on both sides, says nothing about case.
        "label,prediction\n" + rows(["a", "b"], ["a", "c", "c", "c"]),
        #"75% of items carry a predicted label the gold labels never use (predicted "a", "c"; gold "a", "b"); check the columns: gold labels from "label" (--gold-column), predictions from "prediction" (--pred-column)"#
      ),
      (
        "label,prediction,text\n" + rows(["a", "b"], ["x,t", "y,u"]),
        #"the predicted labels ("x", "y") share none of the gold labels ("a", "b"); check the columns: gold labels from "label" (--gold-column), predictions from "prediction" (--pred-column)"#
      ),
    ])
  func mismatchedLabels(text: String, message: String) throws {
    for readsItems in [false, true] {
      let failure = try #require(try PredictionFileFixture.failure(text, readsItems: readsItems))
      #expect(failure.error.location == nil)
      #expect(
        failure.message == ": " + message
          + "; if these labels are right, name them all with --labels"
      )
    }
  }

  @Test("gold labels of one item each, as item ids are, stop with the columns to check")
  func goldLabelsOfOneItemEach() throws {
    let rows = (0..<40).map { "\($0),\($0 % 3 == 0 ? 1 : 0)\n" }.joined()
    for readsItems in [false, true] {
      let failure = try #require(
        try PredictionFileFixture.failure("label,prediction\n" + rows, readsItems: readsItems))
      #expect(failure.error.location == nil)
      #expect(
        failure.message
          == #": 40 of the 40 items carry a gold label no other item has ("0", "1", "2", "3", "4" and 35 more), as item ids or texts do, so each would be a class of one item; check the columns: gold labels from "label" (--gold-column), predictions from "prediction" (--pred-column); if these labels are right, name them all with --labels"#
      )
    }
    // The same items as a count table: counted items, not rows, decide.
    let table = (0..<40).map { "\($0),\($0 % 3 == 0 ? 1 : 0),1\n" }.joined()
    let counted = try #require(
      try PredictionFileFixture.failure("label,prediction,count\n" + table))
    #expect(counted.message.hasPrefix(": 40 of the 40 items carry a gold label no other item has"))
    let named = try PredictionFileFixture.counts(
      "label,prediction\n" + rows, options: .init(labels: (0..<40).map(String.init)))
    #expect(named.values.reduce(0, +) == 40)
  }

  /// Rows whose prediction is their gold label.
  static func rightRows(_ gold: [String]) -> String {
    gold.map { "\($0),\($0)\n" }.joined()
  }

  @Test(
    "gold labels that repeat, or a few classes of one item, or a small file, pass",
    arguments: [
      // 100 classes over 200 items, some of them of one item.
      rightRows((0..<200).map { "c\(($0 * 37) % 100 + $0 % 3)" }),
      // 19 one-item classes beside two large ones.
      rightRows((0..<19).map { "rare\($0)" } + (0..<400).map { ["a", "b"][$0 % 2] }),
      // 19 items, each its own class: too few to tell.
      rightRows((0..<19).map { "\($0)" }),
    ])
  func repeatedGoldLabelsPass(rows: String) throws {
    let counts = try PredictionFileFixture.counts("label,prediction\n" + rows)
    #expect(counts.values.reduce(0, +) == rows.split(separator: "\n").count)
  }

  @Test("score-array classes named by position against named gold labels point to --labels")
  func scoreArrayWithoutLabels() throws {
    let lines = (0..<12).map { index in
      "{\"label\": \"\(["neg", "neu", "pos"][index % 3])\", \"scores\": [0.1, 0.\(index % 9), 0.2]}\n"
    }
    let failure = try #require(
      try PredictionFileFixture.failure(
        lines.joined(), name: "p.jsonl", options: .init(scoreArrayColumn: "scores")))
    #expect(
      failure.message.contains(
        #"the classes of score array "scores" are named 0, 1, … by position; name them in order with --labels"#
      ))
    let named = try PredictionFileFixture.counts(
      lines.joined(), name: "p.jsonl",
      options: .init(scoreArrayColumn: "scores", labels: ["neg", "neu", "pos"]))
    #expect(named.values.reduce(0, +) == 12)
  }

  @Test(
    "per-item scores get the same guard: a score array without --labels, score columns not named as the labels"
  )
  func itemScoresGuard() throws {
    let lines = (0..<12).map { index in
      "{\"label\": \"\(["neg", "neu", "pos"][index % 3])\", \"scores\": [0.1, 0.\(index % 9), 0.2]}\n"
    }
    let arrayPath = try PredictionFileFixture.write(lines.joined(), name: "p.jsonl")
    #expect {
      _ = try PredictionReader(path: arrayPath, options: .init(scoreArrayColumn: "scores"))
        .readItemScores()
    } throws: { error in
      guard let error = error as? PredictionFileError,
        case .labelsDoNotMatch(_, _, let share, let cause) = error.reason
      else { return false }
      return share == 1 && cause == .scoreArrayClassIndices(column: "scores")
        && error.description.contains("name them in order with --labels")
    }
    let named = try PredictionReader(
      path: arrayPath, options: .init(scoreArrayColumn: "scores", labels: ["neg", "neu", "pos"])
    ).readItemScores()
    #expect(named.count == 12)
    #expect(named.scoredLabels == ["neg", "neu", "pos"])

    let columns =
      "label,p_neg,p_pos\n"
      + (0..<12).map { "\(["neg", "pos"][$0 % 2]),0.\($0 % 9),0.5\n" }.joined()
    let columnsPath = try PredictionFileFixture.write(columns)
    #expect {
      _ = try PredictionReader(path: columnsPath, options: .init(scoreColumns: ["p_neg", "p_pos"]))
        .readItemScores()
    } throws: { error in
      guard let error = error as? PredictionFileError,
        case .labelsDoNotMatch(_, _, _, let cause) = error.reason
      else { return false }
      return cause == .scoreColumnNames(columns: "p_neg,p_pos")
    }
  }

  @Test("per-item scores warn about a threshold outside the scores read")
  func itemScoresThresholdWarning() throws {
    let path = try PredictionFileFixture.write("label,score\n0,0.1\n1,0.4\n")
    let scores = try PredictionReader(
      path: path, options: .init(scoreColumn: "score", threshold: 0.05)
    ).readItemScores()
    #expect(
      scores.predictions.warnings.first?.hasSuffix(
        "the threshold 0.05 is outside the scores read (0.1 to 0.4), so every item is predicted positive"
      ) == true)
  }

  @Test("naming the labels, a few items, or mostly shared labels pass")
  func matchingLabelsPass() throws {
    let text = "label,prediction\n" + Self.rows(["a", "b"], ["x", "y"])
    #expect(
      try PredictionFileFixture.counts(text, options: .init(labels: ["a", "b", "x", "y"])).count
        == 2)
    #expect(try PredictionFileFixture.counts("label,prediction\na,x\nb,y\n").count == 2)
    let mostlyShared = "label,prediction\n" + Self.rows(["a", "b"], ["a", "b", "a", "c"])
    #expect(try PredictionFileFixture.counts(mostlyShared).count == 3)
  }

  @Test("--score-columns naming one column points to --score-column")
  func oneScoreColumn() throws {
    #expect(throws: PredictionFileError.self) {
      try PredictionReader(path: "p.csv", options: .init(scoreColumns: ["p"]))
    }
    let failure = try #require(
      try PredictionFileFixture.failure("label,p\na,0.1\n", options: .init(scoreColumns: ["p"])))
    #expect(failure.message.contains("a single binary score takes scoreColumn (--score-column)"))
  }

  @Test("a threshold outside the scores read draws a warning")
  func thresholdOutsideScores() throws {
    let path = try PredictionFileFixture.write("label,score\n0,0.1\n1,0.4\n")
    let counts = try PredictionReader(
      path: path, options: .init(scoreColumn: "score", threshold: 0.7)
    )
    .readCounts()
    #expect(counts.warnings.count == 1)
    #expect(
      counts.warnings.first?.hasSuffix(
        "the threshold 0.7 is outside the scores read (0.1 to 0.4), so no item is predicted positive"
      )
        == true)
    let inside = try PredictionReader(
      path: path, options: .init(scoreColumn: "score", threshold: 0.2)
    )
    .readItems()
    #expect(inside.warnings.isEmpty)
  }

  @Test(
    "the positive label is guessed only for well-known pairs, ignoring case",
    arguments: [
      (["0", "1"], "1"), (["-1", "1"], "1"), (["False", "True"], "True"), (["no", "yes"], "yes"),
      (["NEG", "POS"], "POS"), (["negative", "Positive"], "Positive"), (["0.0", "1.0"], "1.0"),
      (["duplicate", "not_duplicate"], nil), (["a", "b"], nil), (["1", "2"], nil),
    ] as [([String], String?)])
  func positiveLabelConvention(labels: [String], positive: String?) throws {
    #expect(PositiveLabelConvention.positiveLabel(of: labels) == positive)
    #expect(PositiveLabelConvention.positiveLabel(of: labels.reversed()) == positive)
    let matrix = try ConfusionMatrix(gold: labels, predicted: labels)
    if let positive {
      #expect(try ClassificationMetrics(confusionMatrix: matrix).positiveLabel == positive)
    } else {
      #expect(throws: MetricsError.positiveLabelNeeded(labels: LabelOrdering.sorted(labels))) {
        try ClassificationMetrics(confusionMatrix: matrix)
      }
      let named = try ClassificationMetrics(
        confusionMatrix: matrix, options: .init(positiveLabel: labels[0]))
      #expect(named.positiveLabel == labels[0])
    }
  }

  @Test("thresholded scores need the positive label named for any other pair")
  func thresholdNeedsPositive() throws {
    let text = "label,score\nduplicate,0.9\nnot_duplicate,0.2\n"
    let failure = try #require(
      try PredictionFileFixture.failure(text, options: .init(scoreColumn: "score")))
    #expect(
      failure.message
        == #": cannot tell which of "duplicate" and "not_duplicate" is the positive label; name it with --positive"#
    )
    let named = try PredictionFileFixture.counts(
      text, options: .init(scoreColumn: "score", positiveLabel: "duplicate"))
    #expect(named == ["duplicate→duplicate": 1, "not_duplicate→not_duplicate": 1])
  }
}
