import F1Kit
import Testing

@testable import F1KitReading

/// Options that read numbers as labels without refusing the ones that are
/// not whole, as a column of weights is read beside the labels.
private var fractionalNumbers: PredictionFileOptions {
  var options = PredictionFileOptions()
  options.checksLabelSets = false
  return options
}

@Suite("Numeric labels compare by value")
struct NumericLabelTests {
  @Test("gold 0/1 against predictions 0.0/1.0 gives scikit-learn's accuracy, spelled 0 and 1")
  func integerGoldAgainstFloatPredictions() throws {
    // pandas reads the gold column as int64 and the predictions as float64;
    // scikit-learn's accuracy_score on them is 0.6.
    let text = "label,prediction\n0,0.0\n1,1.0\n1,0.0\n0,1e0\n1,1\n"
    let path = try PredictionFileFixture.write(text)
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.labels == ["0", "1"])
    #expect(counts.hasNumericLabels)
    #expect(counts.labelledCells == ["0→0": 1, "0→1": 1, "1→0": 1, "1→1": 2])
    let metrics = try ClassificationMetrics(confusionMatrix: counts.confusionMatrix())
    #expect(metrics.value(of: .accuracy) == 0.6)
    let items = try PredictionReader(path: path).readItems()
    #expect(items.goldLabels == ["0", "1", "1", "0", "1"])
    #expect(items.predictedLabels == ["0", "1", "0", "1", "1"])
  }

  @Test(
    "spellings of one value are one class",
    arguments: [
      ["1", "1.0", "1e0", "+1", "01", "1.", "10e-1", "0.1E1"],
      ["-2", "-2.0", "-2e0", "-0.2e1"],
      ["0", "0.0", "-0", "0e5", ".0"],
      ["0.5", ".5", "5e-1", "0.50"],
    ])
  func spellingsOfOneValue(spellings: [String]) throws {
    let text = "label,prediction\n" + spellings.map { "\($0),\(spellings[0])\n" }.joined()
    let counts = try PredictionReader(
      path: try PredictionFileFixture.write(text), options: fractionalNumbers
    ).readCounts()
    #expect(counts.labels.count == 1)
    #expect(counts.totalCount == spellings.count)
  }

  @Test(
    "each value has one spelling: integers as digits, others as Python writes a float",
    arguments: [
      ("1.0", "1"), ("1e3", "1000"), ("-0.0", "0"), ("2.50", "2.5"), ("1e-05", "1e-05"),
      ("0.0001", "0.0001"), ("1.5e20", "150000000000000000000"),
      ("12345678901234567890", "12345678901234567890"),
      ("0.25e1", "2.5"), ("1.5e16", "15000000000000000"), ("1.25e17", "125000000000000000"),
      ("1.2345e-7", "1.2345e-07"),
    ])
  func spelling(written: String, spelled: String) throws {
    let text = "label,prediction\n\(written),\(written)\n"
    let counts = try PredictionReader(
      path: try PredictionFileFixture.write(text), options: fractionalNumbers
    ).readCounts()
    #expect(counts.labels == [spelled])
  }

  @Test("large integer labels stay apart; they are not rounded to a Double")
  func largeIntegersStayApart() throws {
    let text =
      "label,prediction\n9007199254740993,9007199254740992\n9007199254740992,9007199254740992.0\n"
    let counts = try PredictionReader(path: try PredictionFileFixture.write(text)).readCounts()
    #expect(counts.labels == ["9007199254740993", "9007199254740992"])
    #expect(
      counts.labelledCells == [
        "9007199254740993→9007199254740992": 1, "9007199254740992→9007199254740992": 1,
      ])
  }

  @Test("a column with any text label keeps every label as written")
  func textLabelsStayAsWritten() throws {
    let text = "label,prediction\n1,1.0\ncat,1\n"
    let counts = try PredictionReader(path: try PredictionFileFixture.write(text)).readCounts()
    #expect(!counts.hasNumericLabels)
    #expect(counts.labelledCells == ["1→1.0": 1, "cat→1": 1])
  }

  @Test("numeric labels sort by value")
  func sortsByValue() throws {
    let text = "label,prediction\n10,2.5\n2,0.5\n-1,10.0\n"
    let counts = try PredictionReader(
      path: try PredictionFileFixture.write(text), options: fractionalNumbers
    ).readCounts()
    #expect(try counts.confusionMatrix().labels == ["-1", "0.5", "2", "2.5", "10"])
  }

  @Test(
    "numbers that are not all whole are a continuous target, refused as scikit-learn refuses it",
    arguments: [
      // STS-B similarities as gold and prediction, and a prediction of 0.5
      // against whole gold labels ("a mix of binary and continuous").
      ("label,prediction\n0.5,0.5\n1.5,1.5\n2.5,0.5\n", "\"0.5\" in field 1", 3, 3),
      ("label,prediction\n0,0\n1,0.5\n1,1.0\n", "\"0.5\" in field 2", 1, 3),
    ])
  func continuousLabels(text: String, place: String, fractional: Int, labels: Int) throws {
    let path = try PredictionFileFixture.write(text)
    for readsItems in [false, true] {
      do {
        let reader = try PredictionReader(path: path)
        if readsItems { _ = try reader.readItems() } else { _ = try reader.readCounts() }
        Issue.record("expected a continuous target to be refused")
      } catch {
        guard case .continuousLabels(_, let fractionalCount, let labelCount) = error.reason else {
          Issue.record("unexpected error: \(error)")
          continue
        }
        #expect(error.message.hasPrefix(place + " is not a class"), "\(error.message)")
        #expect(fractionalCount == fractional)
        #expect(labelCount == labels)
      }
    }
  }

  @Test("pandas' float labels 1.0/2.0 and whole numbers in any spelling are classes")
  func wholeFloatsAreClasses() throws {
    let text = "label,prediction\n1.0,1\n2.0,2e0\n1.0,2.0\n"
    let counts = try PredictionReader(path: try PredictionFileFixture.write(text)).readCounts()
    #expect(counts.labels == ["1", "2"])
  }

  @Test("--labels and --positive match numeric labels by value")
  func namedLabelsMatchByValue() throws {
    let text = "label,prediction\n0,0.0\n1,1.0\n1,0.0\n"
    let path = try PredictionFileFixture.write(text)
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.normalizedLabel("1.0") == "1")
    let matrix = try counts.confusionMatrix(labels: ["1.0", "0e0"])
    #expect(matrix.labels == ["1", "0"])
    let metrics = try ClassificationMetrics(
      confusionMatrix: matrix,
      options: EvaluationOptions(labels: ["1.0", "0"], positiveLabel: "0.0"))
    #expect(metrics.labels == ["1", "0"])
    #expect(metrics.positiveLabel == "0")
    let scored = try PredictionReader(
      path: try PredictionFileFixture.write("label,score\n0.0,0.2\n1.0,0.9\n"),
      options: .init(scoreColumn: "score", positiveLabel: "1")
    ).readCounts()
    #expect(scored.labelledCells == ["0→0": 1, "1→1": 1])
  }

  @Test("score-array classes 0, 1 match gold labels 0.0 and 1.0")
  func scoreArrayClassesMatchFloatGold() throws {
    let text =
      "{\"label\": 0.0, \"scores\": [0.9, 0.1]}\n{\"label\": 1.0, \"scores\": [0.2, 0.8]}\n"
    let path = try PredictionFileFixture.write(text, name: "preds.jsonl")
    let counts = try PredictionReader(path: path, options: .init(scoreArrayColumn: "scores"))
      .readCounts()
    #expect(counts.labelledCells == ["0→0": 1, "1→1": 1])
  }

  @Test("JSON Lines number labels 1, 1.0 and 1e0 are one class")
  func jsonNumberLabels() throws {
    let text = "{\"label\": 1, \"prediction\": 1.0}\n{\"label\": 1e0, \"prediction\": \"1\"}\n"
    let path = try PredictionFileFixture.write(text, name: "preds.jsonl")
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.labelledCells == ["1→1": 2])
  }

  @Test(
    "NaN and infinities are not labels",
    arguments: [
      (
        "label,prediction\n0,0.0\n1,nan\n", "preds.csv",
        #":3:2: "nan" in field 2 is not a label: labels that are numbers must be finite"#
      ),
      (
        "label,prediction\n0,0\ninf,1\n", "preds.csv",
        #":3:1: "inf" in field 1 is not a label: labels that are numbers must be finite"#
      ),
      (
        "label,prediction\n1e400,1\n", "preds.csv",
        #":2:1: "1e400" in field 1 is not a label: labels that are numbers must be finite"#
      ),
      (
        "{\"label\": \"a\", \"prediction\": NaN}\n", "preds.jsonl",
        #":1:30: "NaN" at byte 30 is not a label: labels that are numbers must be finite"#
      ),
      (
        "{\"label\": -Infinity, \"prediction\": 1}\n", "preds.jsonl",
        #":1:11: "-Infinity" at byte 11 is not a label: labels that are numbers must be finite"#
      ),
    ])
  func notFiniteLabels(text: String, name: String, message: String) throws {
    for readsItems in [false, true] {
      let failure = try #require(
        try PredictionFileFixture.failure(text, name: name, readsItems: readsItems))
      #expect(failure.message == message)
    }
  }

  @Test(
    "a text label nan among text labels is refused as the missing value pandas reads, unless the labels name it"
  )
  func nanAmongText() throws {
    let text = "label,prediction\nnan,cat\ncat,cat\n"
    for readsItems in [false, true] {
      let failure = try #require(try PredictionFileFixture.failure(text, readsItems: readsItems))
      #expect(
        failure.message.hasPrefix(
          ":2:1: expected a label in field 1, found \"nan\", which pandas reads as a missing value"),
        "\(failure.message)")
    }
    var options = PredictionFileOptions()
    options.labels = ["cat", "nan"]
    let counts = try PredictionFileFixture.counts(text, options: options)
    #expect(counts == ["nan→cat": 1, "cat→cat": 1])
  }

  @Test("the NaN error names the line in the second half of a file read in two halves")
  func notFiniteLabelInSecondHalf() throws {
    var text = "label,prediction\n"
    for index in 0..<2000 { text += "\(index % 2),\(index % 2).0\n" }
    text += "1,NaN\n"
    var options = PredictionFileOptions(chunkSize: 4096)
    options.minimumParallelByteCount = 0
    let path = try PredictionFileFixture.write(text)
    do {
      _ = try PredictionReader(path: path, options: options).readCounts()
      Issue.record("expected an error")
    } catch {
      #expect(error.location == .init(line: 2002, column: 2, unit: .field))
    }
  }
}
