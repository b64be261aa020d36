import Foundation
import Testing

@testable import F1KitEvaluation

/// The multilabel evaluator's default threshold 0.5 on scores that are not
/// probabilities: a warning once per evaluation, naming the fix.
@Suite("Multilabel evaluator: logits cut at the default threshold")
struct LogitThresholdTests {
  /// Logit rows of three labels for five pairs: label c present above 0.
  static let logits: [[Double]] = [
    [2.1, -1.3, 0.4], [-0.7, 0.2, 3.0], [-2.2, -1.9, -0.1], [0.3, 1.4, 2.2], [-0.4, 0.6, -1.5],
  ]
  static let gold: [Set<Int>] = [[0, 2], [1, 2], [], [0, 1, 2], [1]]

  static func evaluate(threshold: Double?, rows: [[Double]] = logits) throws -> String {
    let (pairs, model) = ScriptedModel.numbered(rows)
    var evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labelSets: gold, name: "tags", threshold: threshold,
      progress: .hidden)
    let recorder = OutputRecorder()
    evaluator.output = recorder.sink
    try evaluator.evaluate(model)
    return recorder.text
  }

  @Test("logits at the default threshold: one warning naming threshold 0 and a sigmoid")
  func warnsOnLogits() throws {
    let output = try Self.evaluate(threshold: nil)
    let warning =
      "warning: tags: the scores run from -2.2 to 3.0, outside 0 to 1, so they look like logits"
    #expect(output.contains(warning), "\(output)")
    #expect(output.components(separatedBy: "warning:").count == 2)
    #expect(output.contains("give threshold: 0 for logits, or apply a sigmoid to the scores"))
  }

  @Test("with a progress bar the warning starts its own line, and the summary follows it")
  func warningAfterBar() throws {
    let (pairs, model) = ScriptedModel.numbered(Self.logits)
    var evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labelSets: Self.gold, name: "tags", progress: .bar)
    let recorder = OutputRecorder()
    evaluator.output = recorder.sink
    try evaluator.evaluate(model)
    let lines = recorder.text.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(recorder.text)")
    #expect(lines[0].hasSuffix("batches"))
    #expect(lines[1].hasPrefix("warning: tags: the scores run from -2.2 to 3.0"))
    #expect(lines[2].hasPrefix("tags: "))
  }

  @Test("a threshold given, even 0.5, or probabilities at the default: no warning")
  func quietOtherwise() throws {
    #expect(!(try Self.evaluate(threshold: 0)).contains("warning:"))
    #expect(!(try Self.evaluate(threshold: 0.5)).contains("warning:"))
    let probabilities = Self.logits.map { $0.map { 1 / (1 + exp(-$0)) } }
    #expect(!(try Self.evaluate(threshold: nil, rows: probabilities)).contains("warning:"))
  }
}

/// A binary evaluation set without a positive pair: binary F1 cannot tell
/// one model from another.
@Suite("Binary evaluator: no pair labelled 1")
struct NoPositiveLabelTests {
  static let warning: String =
    "warning: dev: no pair is labelled 1, the positive class, so binary F1 (the primary metric) is 0, or the zero-division value, whatever the model predicts and cannot pick a best step; check the labels\n"

  static func evaluate(labels: [Int]) throws -> String {
    let (pairs, model) = ScriptedModel.numbered([[0.2], [0.7], [0.9]])
    var evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: labels, name: "dev",
      task: .binary(.tunedThreshold(maximizing: .binaryF1)), progress: .hidden)
    let recorder = OutputRecorder()
    evaluator.output = recorder.sink
    try evaluator.evaluate(model)
    return recorder.text
  }

  @Test("gold labels all 0: one warning that binary F1 cannot pick a best step")
  func warnsWithoutPositives() throws {
    let output = try Self.evaluate(labels: [0, 0, 0])
    #expect(output == Self.warning)
  }

  @Test("a positive pair among the gold labels: no warning")
  func quietWithPositives() throws {
    #expect(try Self.evaluate(labels: [0, 1, 0]).isEmpty)
  }
}
