import F1Kit
import F1KitSupport
import Foundation
import Testing
import _TestSupport

@testable import F1KitEvaluation

@Suite("Results log", .serialized)
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
    "a matching header is recognised through RFC 4180 quoting, and a torn last row is cut off with a note"
  )
  func quotedHeaderAndTornRow() throws {
    let folder = TemporaryDirectory()
    folder.write("x_results.csv", "\"epoch\",steps,\"macro_f1\"\r\n1,10,0.5\n2,20")
    var log = ResultsLog(directory: folder.url, name: "x")
    let recorder = OutputRecorder()
    log.note = recorder.sink
    let file = try log.append(epoch: 2, step: 20, metrics: [("macro_f1", 0.75)])
    #expect(file.lastPathComponent == "x_results.csv")
    #expect(
      try Self.rows(file) == [
        ["epoch", "steps", "macro_f1"], ["1", "10", "0.5"], ["2", "20", "0.75"],
      ])
    #expect(recorder.text.contains("ended in an incomplete row, removed: \"2,20\""))
  }

  @Test(
    "a last row that lacks only its line end is kept and terminated; a row with a non-number is cut",
    arguments: [
      ("2,20,0.7", true), ("2,20,nan", true), ("2,20,0.7,1", false), ("2,20,0.", true),
      ("2,20,0.7e", false), ("2,\"2", false),
    ])
  func unterminatedCompleteRow(tail: String, isKept: Bool) throws {
    let folder = TemporaryDirectory()
    folder.write("x_results.csv", "epoch,steps,macro_f1\n1,10,0.5\n" + tail)
    var log = ResultsLog(directory: folder.url, name: "x")
    let recorder = OutputRecorder()
    log.note = recorder.sink
    let file = try log.append(epoch: 3, step: 30, metrics: [("macro_f1", 0.75)])
    let text = try String(contentsOf: file, encoding: .utf8)
    let kept = "epoch,steps,macro_f1\n1,10,0.5\n" + (isKept ? tail + "\n" : "") + "3,30,0.75\n"
    #expect(text == kept)
    #expect(
      recorder.text.contains(isKept ? "kept it and added the line end" : "removed: ")
        && recorder.text.contains(tail.debugDescription))
  }

  @Test(
    "a file of this log's header without its line end is ended and appended to, not left for a .2 file"
  )
  func headerWithoutLineEnd() throws {
    let folder = TemporaryDirectory()
    folder.write("x_results.csv", "epoch,steps,accuracy")
    var log = ResultsLog(directory: folder.url, name: "x")
    let recorder = OutputRecorder()
    log.note = recorder.sink
    let file = try log.append(epoch: 1, step: 10, metrics: [("accuracy", 0.5)])
    #expect(file.lastPathComponent == "x_results.csv")
    #expect(try String(contentsOf: file, encoding: .utf8) == "epoch,steps,accuracy\n1,10,0.5\n")
    #expect(recorder.text.contains("held its header without a line end; added the line end"))
    #expect(!recorder.text.contains("other columns"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["x_results.csv"])
  }

  @Test("an empty file takes the header and the row")
  func emptyFile() throws {
    let folder = TemporaryDirectory()
    folder.write("x_results.csv", "")
    let log = ResultsLog(directory: folder.url, name: "x")
    let file = try log.append(epoch: 1, step: 10, metrics: [("accuracy", 0.5)])
    #expect(try String(contentsOf: file, encoding: .utf8) == "epoch,steps,accuracy\n1,10,0.5\n")
  }

  @Test(
    "writers that create and append to one log at the same moment lose no row",
    arguments: [1, 2])
  func concurrentWriters(generation: Int) throws {
    // Each round starts from a missing file (or, for generation 2, a first
    // file with other columns), and eight threads released at once race to
    // create it; before creation used link(2), rename(2) let the last
    // creator replace the others' rows.
    let writers = 8
    for round in 0..<20 {
      let folder = TemporaryDirectory()
      if generation == 2 { folder.write("x_results.csv", "epoch,steps,other\n1,1,1\n") }
      var log = ResultsLog(directory: folder.url, name: "x")
      log.note = { _ in }
      let files = ConcurrentResults()
      let start = DispatchSemaphore(value: 0)
      let finished = DispatchGroup()
      for writer in 0..<writers {
        finished.enter()
        Thread { [log] in
          start.wait()
          files.record(
            Result { () throws(EvaluationError) in
              try log.append(epoch: 1, step: writer, metrics: [("accuracy", Double(writer) / 8)])
            })
          finished.leave()
        }.start()
      }
      for _ in 0..<writers { start.signal() }
      finished.wait()
      let expected = folder.url.appendingPathComponent(
        ResultsLog.fileName(name: "x", generation: generation))
      #expect(files.all.map { try? $0.get() } == Array(repeating: expected, count: writers))
      let rows = try Self.rows(expected)
      #expect(rows.first == ["epoch", "steps", "accuracy"], "round \(round)")
      #expect(
        rows.dropFirst().map { $0[1] }.sorted() == (0..<writers).map(String.init).sorted(),
        "round \(round)")
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
      #expect(names.count == generation, "no temporary file is left: \(names)")
    }
  }

  @Test("an append adds the row in place: same file, earlier bytes untouched")
  func appendsInPlace() throws {
    let folder = TemporaryDirectory()
    let log = ResultsLog(directory: folder.url, name: "x")
    let file = try log.append(epoch: 1, step: 10, metrics: [("accuracy", 0.5)])
    let before = try Data(contentsOf: file)
    let inode = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber]
    try log.append(epoch: 2, step: 20, metrics: [("accuracy", 0.25)])
    let after = try Data(contentsOf: file)
    #expect(after.prefix(before.count) == before)
    #expect(String(decoding: after.dropFirst(before.count), as: UTF8.self) == "2,20,0.25\n")
    #expect(
      try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        == inode as? Int)
  }

  @Test(
    "kill -9 while appending leaves a log that reads back whole and takes the next row",
    arguments: [0.05, 0.3])
  func survivesSIGKILL(delay: Double) throws {
    let folder = TemporaryDirectory()
    let probe = Process()
    probe.executableURL = productsDirectory.appendingPathComponent("write-probe")
    probe.arguments = ["log", folder.url.path]
    let errors = Pipe()
    probe.standardError = errors
    try probe.run()
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("writing") {
      let chunk = errors.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += chunk
    }
    Thread.sleep(forTimeInterval: delay)
    kill(probe.processIdentifier, SIGKILL)
    probe.waitUntilExit()
    #expect(probe.terminationStatus == SIGKILL)

    let file = folder.url.appendingPathComponent("probe_results.csv")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [
        "probe_results.csv"
      ])
    var log = ResultsLog(directory: folder.url, name: "probe")
    log.note = { _ in }
    let metrics = (0..<20).map { (name: "metric_\($0)", value: 1.0 / Double($0 + 3)) }
    try log.append(epoch: -1, step: -1, metrics: metrics)
    let rows = try Self.rows(file)
    #expect(rows.count >= 2)
    #expect(rows.allSatisfy { $0.count == 22 })
    // Steps run 1, 2, 3, … with no gap, then the row written after the kill.
    #expect(rows.dropFirst().dropLast().map { $0[1] } == (1..<(rows.count - 1)).map(String.init))
    #expect(rows.last?[1] == "-1")
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

  @Test(
    "a folder that is, or lies under, a file gives a typed error naming the folder",
    arguments: [false, true])
  func folderIsAFile(isNested: Bool) throws {
    let folder = TemporaryDirectory()
    let blocker = folder.write("not-a-folder", "x")
    let evaluator = try Self.evaluator()
    let target =
      isNested
      ? URL(fileURLWithPath: blocker).appendingPathComponent("run")
      : URL(fileURLWithPath: blocker)
    let reason =
      isNested
      ? "\(blocker) is a file, so the folder \(target.path) cannot be made"
      : "the folder \(blocker) is a file"
    #expect {
      try evaluator.evaluate(WordOverlapModel(), outputDirectory: target, epoch: 1, step: 1)
    } throws: { error in
      guard let error = error as? EvaluationError,
        case .resultsLogUnwritable(let path, let found) = error
      else { return false }
      return path == target.appendingPathComponent("stsb-dev_results.csv").path
        && found == reason && !error.description.contains(".;")
    }
  }

  @Test(
    "an unwritable log gives a typed error and loses no logged row",
    .enabled(if: ReadOnlyDirectory.isSupported, "this machine cannot make a file unwritable"))
  func unwritableLogKeepsRows() throws {
    let folder = TemporaryDirectory()
    let evaluator = try Self.evaluator()
    try evaluator.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 1, step: 10)
    try evaluator.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 2, step: 20)
    let file = folder.url.appendingPathComponent("stsb-dev_results.csv")
    let before = try String(contentsOf: file, encoding: .utf8)

    ReadOnlyDirectory.lock(file)
    defer { ReadOnlyDirectory.unlock(file) }
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

  @Test(
    "a new log in an unwritable folder gives a typed error and leaves nothing",
    .enabled(if: ReadOnlyDirectory.isSupported, "this machine cannot make a folder unwritable"))
  func unwritableFolder() throws {
    let folder = TemporaryDirectory()
    let evaluator = try Self.evaluator()
    ReadOnlyDirectory.lock(folder.url)
    defer { ReadOnlyDirectory.unlock(folder.url) }
    #expect {
      try evaluator.evaluate(WordOverlapModel(), outputDirectory: folder.url, epoch: 1, step: 10)
    } throws: { error in
      guard case .resultsLogUnwritable(_, let reason) = error as? EvaluationError else {
        return false
      }
      return !reason.isEmpty
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }
}

/// The build folder holding the test bundle and the write probe.
let productsDirectory: URL = {
  let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
  var directory = executable.deletingLastPathComponent()
  while !FileManager.default.fileExists(
    atPath: directory.appendingPathComponent("write-probe").path),
    directory.pathComponents.count > 1
  {
    directory = directory.deletingLastPathComponent()
  }
  return directory
}()

/// The results of writers on several threads, collected under a lock.
final class ConcurrentResults: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<URL, EvaluationError>] = []

  func record(_ result: Result<URL, EvaluationError>) {
    lock.withLock { results.append(result) }
  }

  var all: [Result<URL, EvaluationError>] { lock.withLock { results } }
}
