import F1Kit
import F1KitSupport
import Foundation
import Testing
import _TestSupport

@testable import F1KitEvaluation

@Suite("Results log")
struct ResultsLogTests {
  static func rows(_ file: URL) throws -> [[String]] {
    try CSVText.records(in: try String(contentsOf: file, encoding: .utf8))
  }

  static func evaluator(
    name: String = "stsb-dev", task: CrossEncoderTask = .binary(.threshold(0.4)),
    recorder: OutputRecorder? = nil
  ) throws -> CrossEncoderEvaluator {
    let split = SentencePairSplit.development
    var evaluator = try CrossEncoderEvaluator(
      sentencePairs: Array(split.pairs.prefix(200)), labels: Array(split.labels.prefix(200)),
      name: name, task: task, progress: .hidden)
    if let recorder { evaluator.output = recorder.sink }
    return evaluator
  }

  @Test("appends one row per call under a header written once")
  func appendsAcrossCalls() throws {
    let folder = TemporaryDirectory()
    let evaluator = try Self.evaluator()
    var results: [EvaluationResult] = []
    for (epoch, step) in [(0.5, 50), (1.0, 100), (1.5, 150)] {
      results.append(
        try evaluator.evaluate(
          WordOverlapModel(), outputDirectory: folder.url, epoch: epoch, step: step))
    }
    let file = folder.url.appendingPathComponent("stsb-dev_results.csv")
    let rows = try Self.rows(file)
    #expect(rows.count == 4)
    #expect(rows[0].prefix(3) == ["epoch", "steps", "accuracy"])
    #expect(rows[0].last == "threshold")
    #expect(rows[0].count == results[0].metricKeys.count + 2)
    #expect(rows[1...].map { $0[0] } == ["0.5", "1", "1.5"])
    #expect(rows[1...].map { $0[1] } == ["50", "100", "150"])
    // Every value reads back to exactly the Double that was computed.
    for (row, result) in zip(rows[1...], results) {
      for (field, key) in zip(row.dropFirst(2), result.metricKeys) {
        #expect(agreesExactly(Double(field)!, result[key]!))
      }
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [
        "stsb-dev_results.csv"
      ])
  }

  @Test("writes nothing without a folder or when writing is off")
  func writesNothingWhenNotAsked() throws {
    let folder = TemporaryDirectory()
    var evaluator = try Self.evaluator()
    _ = try evaluator.evaluate(WordOverlapModel(), outputDirectory: nil, epoch: 1, step: 1)
    evaluator.writesResults = false
    _ = try evaluator.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 1, step: 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }

  @Test("a changed schema starts a new file, says so, and never writes under the old header")
  func changedSchema() throws {
    let folder = TemporaryDirectory()
    let recorder = OutputRecorder()
    let fixed = try Self.evaluator(recorder: recorder)
    let argmax = try Self.evaluator(task: .binary(.argmax), recorder: recorder)
    try fixed.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 1, step: 10)
    let first = folder.url.appendingPathComponent("stsb-dev_results.csv")
    let before = try String(contentsOf: first, encoding: .utf8)

    // Argmax has no threshold column.
    try argmax.evaluate(TwoOutputOverlapModel(), outputDirectory: folder.url, epoch: 2, step: 20)
    #expect(try String(contentsOf: first, encoding: .utf8) == before)
    let second = folder.url.appendingPathComponent("stsb-dev_results.2.csv")
    let secondRows = try Self.rows(second)
    #expect(secondRows.count == 2)
    #expect(secondRows[0].last == "binary_f1")
    #expect(recorder.text.contains("writing to stsb-dev_results.2.csv instead"))

    // Each schema keeps appending to its own file.
    try fixed.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 3, step: 30)
    try argmax.evaluate(TwoOutputOverlapModel(), outputDirectory: folder.url, epoch: 4, step: 40)
    #expect(try Self.rows(first).map { $0[1] } == ["steps", "10", "30"])
    #expect(try Self.rows(second).map { $0[1] } == ["steps", "20", "40"])
  }

  @Test("a file whose header differs is never appended to, even with the same column count")
  func differentHeaderSameWidth() throws {
    let folder = TemporaryDirectory()
    folder.write("results.csv", "epoch,steps,macro_f1\n1,10,0.5\n")
    var log = ResultsLog(directory: folder.url, name: "")
    let recorder = OutputRecorder()
    log.note = recorder.sink
    let file = try log.append(epoch: 2, step: 20, metrics: [("micro_f1", 0.25)])
    #expect(file.lastPathComponent == "results.2.csv")
    #expect(try Self.rows(folder.url.appendingPathComponent("results.csv")).count == 2)
    #expect(try Self.rows(file) == [["epoch", "steps", "micro_f1"], ["2", "20", "0.25"]])
  }

  @Test(
    "a matching header is recognised through RFC 4180 quoting, and a missing final line break is added"
  )
  func quotedHeaderAndMissingLineBreak() throws {
    let folder = TemporaryDirectory()
    folder.write("x_results.csv", "\"epoch\",steps,\"macro_f1\"\r\n1,10,0.5")
    let log = ResultsLog(directory: folder.url, name: "x")
    let file = try log.append(epoch: 2, step: 20, metrics: [("macro_f1", 0.75)])
    #expect(file.lastPathComponent == "x_results.csv")
    #expect(
      try Self.rows(file) == [
        ["epoch", "steps", "macro_f1"], ["1", "10", "0.5"], ["2", "20", "0.75"],
      ])
  }

  @Test(
    "numbers are written in their shortest round-trip form",
    arguments: [
      (1.0, "1"), (1.5, "1.5"), (-1, "-1"), (0.1, "0.1"), (1.0 / 3.0, "0.3333333333333333"),
      (1e-7, "1e-07"), (.nan, "nan"), (.infinity, "inf"), (1e300, "1e+300"),
    ])
  func numberFormat(value: Double, text: String) {
    #expect(ResultsLog.number(value) == text)
    #expect(agreesExactly(Double(text)!, value))
  }

  @Test("a folder that cannot be created gives a typed error naming it")
  func folderIsAFile() throws {
    let folder = TemporaryDirectory()
    let blocker = folder.write("not-a-folder", "x")
    let evaluator = try Self.evaluator()
    let target = URL(fileURLWithPath: blocker).appendingPathComponent("run")
    #expect {
      try evaluator.evaluate(WordOverlapModel(), outputDirectory: target, epoch: 1, step: 1)
    } throws: { error in
      guard case .resultsLogUnwritable(let path, _) = error as? EvaluationError else {
        return false
      }
      return path == target.path
    }
  }

  @Test(
    "an unwritable folder gives a typed error and loses no logged row",
    .enabled(if: ReadOnlyDirectory.isSupported, "this machine cannot make a folder unwritable"))
  func unwritableFolderKeepsRows() throws {
    let folder = TemporaryDirectory()
    let evaluator = try Self.evaluator()
    try evaluator.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 1, step: 10)
    try evaluator.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 2, step: 20)
    let file = folder.url.appendingPathComponent("stsb-dev_results.csv")
    let before = try String(contentsOf: file, encoding: .utf8)

    ReadOnlyDirectory.lock(folder.url)
    defer { ReadOnlyDirectory.unlock(folder.url) }
    #expect {
      try evaluator.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 3, step: 30)
    } throws: { error in
      guard case .resultsLogUnwritable(let path, let reason) = error as? EvaluationError else {
        return false
      }
      return path == file.path && !reason.isEmpty
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [
        "stsb-dev_results.csv"
      ])
  }
}
