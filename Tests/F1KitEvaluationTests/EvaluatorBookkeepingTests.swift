import Foundation
import Testing
import _TestSupport

@testable import F1KitEvaluation

/// The evaluator's own bookkeeping: batching, validation, errors, keys,
/// progress and sequential runs. Stub models are enough here.
@Suite("Evaluator bookkeeping")
struct EvaluatorBookkeepingTests {
  static func matches(_ error: any Error, _ check: (EvaluationError) -> Bool) -> Bool {
    (error as? EvaluationError).map(check) ?? false
  }

  @Test("scores in batches of the batch size, the last one shorter", arguments: [1, 4, 10, 32])
  func batches(batchSize: Int) throws {
    let (pairs, model) = ScriptedModel.numbered((0..<10).map { [Double($0) / 10] })
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: (0..<10).map { $0 % 2 }, task: .binary(.threshold(0.5)),
      batchSize: batchSize, progress: .hidden)
    let predictions = try evaluator.predict(model)
    let expected = stride(from: 0, to: 10, by: batchSize).map { min(batchSize, 10 - $0) }
    #expect(model.batchSizes == expected)
    #expect(predictions.classes == (0..<10).map { $0 >= 5 ? 1 : 0 })
    #expect(predictions.scores.map { $0[0] } == (0..<10).map { Double($0) / 10 })
  }

  @Test("argmax breaks a tie towards the first class, as NumPy does")
  func argmaxTie() throws {
    let (pairs, model) = ScriptedModel.numbered([[0.5, 0.5], [0.2, 0.7]])
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 1], task: .binary(.argmax), progress: .hidden)
    #expect(try evaluator.predict(model).classes == [0, 1])
    #expect(CrossEncoderEvaluator.argmax([0.3, 0.9, 0.9]) == 1)
  }

  @Test("keys carry the name as prefix; an unnamed evaluator's keys are bare")
  func keys() throws {
    let (pairs, model) = ScriptedModel.numbered([[0.1], [0.9]])
    let named = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 1], name: "stsb-dev", task: .binary(.threshold(0.5)),
      progress: .hidden)
    let unnamed = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 1], task: .binary(.threshold(0.5)), progress: .hidden)
    #expect(try named.evaluate(model).primaryMetricKey == "stsb-dev_binary_f1")
    #expect(try unnamed.evaluate(model).primaryMetricKey == "binary_f1")
    #expect(try unnamed.evaluate(model).primaryValue == 1)
  }

  @Test("rejects malformed evaluation sets when it is built")
  func validation() {
    let pair = SentencePair("a", "b")
    let cases: [(String, () throws -> CrossEncoderEvaluator, (EvaluationError) -> Bool)] = [
      (
        "empty", { try CrossEncoderEvaluator(sentencePairs: [], labels: [], task: .multiclass) },
        { if case .emptyEvaluationSet = $0 { true } else { false } }
      ),
      (
        "counts",
        { try CrossEncoderEvaluator(sentencePairs: [pair], labels: [0, 1], task: .multiclass) },
        { if case .lengthMismatch(1, 2) = $0 { true } else { false } }
      ),
      (
        "binary label 2",
        {
          try CrossEncoderEvaluator(sentencePairs: [pair], labels: [2], task: .binary(.argmax))
        }, { if case .labelOutOfRange(2, 0, 2) = $0 { true } else { false } }
      ),
      (
        "negative label",
        { try CrossEncoderEvaluator(sentencePairs: [pair], labels: [-1], task: .multiclass) },
        { if case .labelOutOfRange(-1, 0, _) = $0 { true } else { false } }
      ),
      (
        "name with a slash",
        {
          try CrossEncoderEvaluator(
            sentencePairs: [pair], labels: [0], name: "a/b", task: .multiclass)
        }, { if case .invalidName("a/b") = $0 { true } else { false } }
      ),
      (
        "batch size 0",
        {
          try CrossEncoderEvaluator(
            sentencePairs: [pair], labels: [0], task: .multiclass, batchSize: 0)
        }, { if case .invalidBatchSize(0) = $0 { true } else { false } }
      ),
      (
        "NaN threshold",
        {
          try CrossEncoderEvaluator(
            sentencePairs: [pair], labels: [0], task: .binary(.threshold(.nan)))
        }, { if case .invalidThreshold = $0 { true } else { false } }
      ),
      (
        "multilabel with classes",
        {
          try CrossEncoderEvaluator(
            sentencePairs: [pair], labels: [0], task: .multilabel(threshold: 0.5))
        }, { if case .labelKindMismatch = $0 { true } else { false } }
      ),
      (
        "three texts",
        {
          try CrossEncoderEvaluator(
            examples: [InputExample(texts: ["a", "b", "c"], label: 0)], task: .multiclass)
        }, { if case .exampleNeedsTwoTexts(0, 3) = $0 { true } else { false } }
      ),
    ]
    for (name, build, check) in cases {
      #expect("\(name)", performing: { _ = try build() }, throws: { Self.matches($0, check) })
    }
  }

  @Test("rejects a model whose outputs do not suit the task")
  func outputCountMismatch() throws {
    let (pairs, oneOutput) = ScriptedModel.numbered([[0.1], [0.9]])
    let argmax = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 1], task: .binary(.argmax), progress: .hidden)
    #expect(
      performing: { try argmax.evaluate(oneOutput) },
      throws: { error in
        Self.matches(error) { if case .outputCountMismatch(_, 1) = $0 { true } else { false } }
      })
    let (_, threeOutputs) = ScriptedModel.numbered([[0.1, 0.2, 0.3], [0.9, 0.1, 0]])
    let multiclass = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 3], task: .multiclass, progress: .hidden)
    #expect(
      performing: { try multiclass.evaluate(threeOutputs) },
      throws: { error in
        Self.matches(error) { if case .labelOutOfRange(3, 1, 3) = $0 { true } else { false } }
      })
  }

  @Test("reports a wrongly shaped batch, a NaN score and a failing model")
  func modelMisbehaviour() throws {
    struct Broken: Error {}
    let (pairs, model) = ScriptedModel.numbered([[0.1], [0.9], [.nan]])
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 1, 1], task: .binary(.threshold(0.5)), batchSize: 2,
      progress: .hidden)
    #expect(
      performing: { try evaluator.evaluate(model) },
      throws: { error in
        Self.matches(error) { if case .notANumberScore(2) = $0 { true } else { false } }
      })
    model.dropsLastRow = true
    #expect(
      performing: { try evaluator.evaluate(model) },
      throws: { error in
        Self.matches(error) {
          if case .scoreShapeMismatch(0, 2, 1, 1, 1) = $0 { true } else { false }
        }
      })
    model.failure = Broken()
    #expect(
      performing: { try evaluator.evaluate(model) },
      throws: { error in
        Self.matches(error) {
          if case .modelFailed(let inner) = $0 { inner is Broken } else { false }
        }
      })
  }

  @Test("every error explains itself in one line")
  func errorDescriptions() {
    let errors: [EvaluationError] = [
      .emptyEvaluationSet, .lengthMismatch(pairs: 1, labels: 2),
      .exampleNeedsTwoTexts(index: 0, textCount: 3),
      .labelOutOfRange(label: 5, index: 1, classCount: 3),
      .invalidBatchSize(0), .invalidName("a/b"), .invalidThreshold(.nan),
      .labelKindMismatch(task: .multiclass),
      .outputCountMismatch(task: .binary(.argmax), outputCount: 1),
      .scoreShapeMismatch(batchStart: 0, expectedRows: 2, rows: 1, expectedColumns: 1, columns: 1),
      .notANumberScore(pairIndex: 2), .modelFailed(CocoaError(.fileNoSuchFile)),
      .resultsLogUnwritable(path: "/x", reason: "Read-only file system"),
    ]
    for error in errors {
      #expect(!error.description.isEmpty && !error.description.contains("\n"))
      #expect(error.localizedDescription == error.description)
    }
  }

  @Test(
    "error lines state what was found, with no type maxima and singular nouns for one",
    arguments: [
      (
        EvaluationError.outputCountMismatch(task: .binary(.argmax), outputCount: 1),
        "a binary task needs 2 scores per pair (argmax), but the model gives 1 score per pair"
      ),
      (
        .scoreShapeMismatch(
          batchStart: 32, expectedRows: 32, rows: 32, expectedColumns: 1, columns: 2),
        "the batch starting at pair 32 returned a row of 2 scores, expected 1 (the model's outputCount)"
      ),
      (
        .scoreShapeMismatch(
          batchStart: 0, expectedRows: 32, rows: 31, expectedColumns: 1, columns: 1),
        "the batch starting at pair 0 returned 31 rows of scores, expected 32 (one per pair)"
      ),
      (
        .labelOutOfRange(label: -1, index: 0, classCount: .max),
        "label -1 of pair 0 is not a class index: expected a non-negative class index"
      ),
      (
        .labelOutOfRange(label: 2, index: 4, classCount: 2),
        "label 2 of pair 4 is not a class index of the task's 2 classes (0 to 1)"
      ),
      (
        .exampleNeedsTwoTexts(index: 0, textCount: 1),
        "input example 0 has 1 text; a cross-encoder example needs exactly 2"
      ),
    ])
  func errorWording(error: EvaluationError, text: String) {
    #expect(error.description == text)
  }

  @Test("a negative label's error names no class count")
  func negativeLabelWording() {
    let pair = SentencePair("a", "b")
    let isWorded = { (error: any Error) in
      "\(error)".hasSuffix("expected a non-negative class index")
        && !"\(error)".contains("\(Int.max)")
    }
    #expect(
      performing: {
        try CrossEncoderEvaluator(sentencePairs: [pair], labels: [-1], task: .multiclass)
      },
      throws: isWorded)
    #expect(
      performing: { try CrossEncoderEvaluator(sentencePairs: [pair], labelSets: [[-1]]) },
      throws: isWorded)
  }

  @Test("a name too long for a file name is refused when the evaluator is built")
  func nameTooLong() throws {
    let pair = SentencePair("a", "b")
    let longest = String(repeating: "x", count: CrossEncoderEvaluator.maximumNameByteCount)
    _ = try CrossEncoderEvaluator(
      sentencePairs: [pair], labels: [0], name: longest, task: .multiclass)
    #expect(
      performing: {
        try CrossEncoderEvaluator(
          sentencePairs: [pair], labels: [0], name: longest + "x", task: .multiclass)
      },
      throws: { error in
        Self.matches(error) {
          if case .nameTooLong(_, CrossEncoderEvaluator.maximumNameByteCount) = $0 {
            true
          } else {
            false
          }
        }
      })
    // The longest name's log files fit a 255-byte file name.
    #expect(ResultsLog.fileName(name: longest, generation: 9999).utf8.count <= 255)
  }

  @Test("the line style writes one summary line; hidden writes nothing")
  func progressLine() throws {
    let recorder = OutputRecorder()
    let (pairs, model) = ScriptedModel.numbered((0..<10).map { [Double($0) / 10] })
    var evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: (0..<10).map { $0 % 2 }, name: "dev",
      task: .binary(.threshold(0.5)), batchSize: 3, progress: .line)
    evaluator.output = recorder.sink
    try evaluator.evaluate(model, epoch: 1.5, step: 30)
    let lines = recorder.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty)
    #expect(lines[0].hasPrefix("dev: binary_f1 0.6 at epoch 1.5, step 30, threshold 0.5 ("))
    let quiet = OutputRecorder()
    evaluator.progress = .hidden
    evaluator.output = quiet.sink
    try evaluator.evaluate(model)
    #expect(quiet.text.isEmpty)
  }

  @Test("the bar style redraws in place over batches, then ends its line")
  func progressBar() throws {
    let recorder = OutputRecorder()
    var reporter = ProgressReporter(
      title: "dev", totalBatches: 4, style: .bar, write: recorder.sink)
    for batch in 1...4 { reporter.advance(completed: batch) }
    reporter.finish("done")
    let frames = recorder.text.split(separator: "\r", omittingEmptySubsequences: true)
    #expect(frames.count == 4)
    #expect(frames[0] == "dev [#######-----------------------] 1/4 batches")
    #expect(frames[3].hasPrefix("dev [##############################] 4/4 batches\ndev: done ("))
  }

  @Test("a warning during a bar starts its own line, and the summary follows it")
  func warningAfterBar() throws {
    let recorder = OutputRecorder()
    var reporter = ProgressReporter(
      title: "dev", totalBatches: 2, style: .bar, write: recorder.sink)
    for batch in 1...2 { reporter.advance(completed: batch) }
    reporter.endLine()
    recorder.sink("warning: logits\n")
    reporter.endLine()
    reporter.finish("done")
    let lines = recorder.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4, "\(recorder.text)")
    #expect(lines[0].hasSuffix("2/2 batches"))
    #expect(lines[1] == "warning: logits")
    #expect(lines[2].hasPrefix("dev: done ("))
    #expect(lines[3].isEmpty)
  }

  @Test(
    "automatic progress is a bar on a terminal and a line otherwise",
    arguments: [(true, ProgressReporter.Mode.bar), (false, .line)])
  func automaticProgress(isTerminal: Bool, mode: ProgressReporter.Mode) {
    let reporter = ProgressReporter(
      title: "x", totalBatches: 1, style: .automatic, isTerminal: isTerminal, write: { _ in })
    #expect(reporter.mode == mode)
  }

  @Test(
    "a sequential evaluator merges metrics, logs each evaluator, and aggregates its primary metric",
    arguments: [
      (SequentialEvaluator.Aggregation.last, "b_binary_f1"),
      (.evaluator(named: "a"), "a_binary_f1"), (.mean, "sequential_mean_primary"),
    ])
  func sequential(aggregation: SequentialEvaluator.Aggregation, primaryKey: String) throws {
    let folder = TemporaryDirectory()
    let (pairs, model) = ScriptedModel.numbered([[0.1], [0.6], [0.9], [0.4]])
    let first = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 1, 1, 1], name: "a", task: .binary(.threshold(0.5)),
      progress: .hidden)
    let second = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: [0, 0, 1, 0], name: "b", task: .binary(.threshold(0.5)),
      progress: .hidden)
    let sequential = try SequentialEvaluator([first, second], aggregation: aggregation)
    let result = try sequential.evaluate(model, outputDirectory: folder.url, epoch: 1, step: 5)
    let a = try first.evaluate(model)
    let b = try second.evaluate(model)
    #expect(result.primaryMetricKey == primaryKey)
    #expect(result["a_binary_f1"] == a.primaryValue)
    #expect(result["b_binary_f1"] == b.primaryValue)
    if aggregation == .mean {
      #expect(result.primaryValue == (a.primaryValue + b.primaryValue) / 2)
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        == ["a_results.csv", "b_results.csv"])
  }

  @Test(
    "a sequential evaluator refuses no evaluators, a repeated name and an unknown aggregation name",
    arguments: [
      ([String](), SequentialEvaluator.Aggregation.last, EvaluationError.noEvaluators),
      (["", ""], .last, .duplicateEvaluatorName("")),
      (["dev", "test", "dev"], .last, .duplicateEvaluatorName("dev")),
      (["dev", "test"], .evaluator(named: "train"), .unknownEvaluator("train")),
    ])
  func sequentialRefuses(
    names: [String], aggregation: SequentialEvaluator.Aggregation, expected: EvaluationError
  ) throws {
    let (pairs, _) = ScriptedModel.numbered([[0.1], [0.9]])
    let evaluators = try names.map { name throws(EvaluationError) in
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labels: [0, 1], name: name, task: .binary(.threshold(0.5)),
        progress: .hidden)
    }
    #expect(
      performing: { try SequentialEvaluator(evaluators, aggregation: aggregation) },
      throws: { "\($0)" == expected.description })
  }

  @Test(
    "a sequential evaluator refuses two evaluators giving one key rather than hide a value",
    arguments: [
      (["nli", "nli_balanced"], "nli_balanced_accuracy"),
      (["dev", "dev_f1_at_frozen"], "dev_f1_at_frozen_threshold"),
    ])
  func sequentialRefusesAClashingKey(names: [String], key: String) throws {
    let (pairs, model) = ScriptedModel.numbered([[0.1], [0.9]])
    let evaluators = try names.map { name throws(EvaluationError) in
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labels: [0, 1], name: name, task: .binary(.threshold(0.5)),
        progress: .hidden)
    }
    let sequential = try SequentialEvaluator(evaluators)
    #expect(
      performing: { try sequential.evaluate(model) },
      throws: { error in
        Self.matches(error) {
          if case .metricKeyClash(key, names[0], names[1]) = $0 { true } else { false }
        }
      })
  }

  @Test("nested sequential evaluators both left at the name sequential refuse one mean key")
  func sequentialRefusesAClashingMeanKey() throws {
    let (pairs, model) = ScriptedModel.numbered([[0.1], [0.9]])
    let evaluators = try ["a", "b", "c"].map { name throws(EvaluationError) in
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labels: [0, 1], name: name, task: .binary(.threshold(0.5)),
        progress: .hidden)
    }
    let inner = try SequentialEvaluator(Array(evaluators[..<2]), aggregation: .mean)
    let outer = try SequentialEvaluator([inner, evaluators[2]], aggregation: .mean)
    #expect(
      performing: { try outer.evaluate(model) },
      throws: { error in
        Self.matches(error) {
          if case .metricKeyClash("sequential_mean_primary", "sequential", "sequential") = $0 {
            true
          } else {
            false
          }
        }
      })
  }

  @Test("a result whose primary key is not among its metrics is refused")
  func unknownPrimaryMetric() {
    #expect(
      performing: { try EvaluationResult(metrics: [("dev_f1", 1)], primaryMetricKey: "dev_mcc") },
      throws: { error in
        Self.matches(error) {
          if case .unknownPrimaryMetric("dev_mcc") = $0 { true } else { false }
        }
      })
  }

  @Test("an improvement must beat the best so far; NaN never does")
  func improvement() throws {
    func result(_ value: Double) throws -> EvaluationResult {
      try EvaluationResult(metrics: [("f1", value)], primaryMetricKey: "f1")
    }
    #expect(try result(0.5).isImprovement(over: nil))
    #expect(try result(0.6).isImprovement(over: result(0.5)))
    #expect(try !result(0.5).isImprovement(over: result(0.5)))
    #expect(try !result(.nan).isImprovement(over: result(0.1)))
    #expect(try result(0.1).isImprovement(over: result(.nan)))
  }
}
