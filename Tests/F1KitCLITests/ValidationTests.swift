import Foundation
import Testing
import _TestSupport

@Suite("f1kit validates its inputs and options with the right exit status")
struct ValidationTests {
  static let stsb = "fixtures/stsb/test-minilm-l6.csv"

  @Test(
    "a folder given as input is one line and exit 66",
    arguments: [
      ["evaluate", "fixtures"], ["advise", "fixtures"], ["compare", stsb, "fixtures"],
      ["report", "fixtures", "--out", "/tmp/never-written.html"],
    ])
  func folderAsInput(arguments: [String]) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 66)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError == "Error: fixtures: is a folder; expected a prediction file\n")
  }

  @Test("a folder given as the training log is one line and exit 66")
  func folderAsTrainingLog() throws {
    let directory = TemporaryDirectory()
    let result = try runF1Kit([
      "report", Self.stsb, "--training-log", "fixtures", "--out",
      directory.url.appendingPathComponent("r.html").path, "--resamples", "0",
    ])
    #expect(result.status == 66)
    #expect(result.standardError == "Error: fixtures: is a folder; expected a training log\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  /// A training log is read once, whole, so it may come through a pipe
  /// (`--training-log <(…)`), which Foundation's whole-file read refused as
  /// a lack of permission; an endless stream stops at the 64 MiB a log
  /// cannot reach.
  @Test("a training log may come through a pipe, and an endless stream ends at 64 MiB")
  func trainingLogFromPipeOrStream() throws {
    let directory = TemporaryDirectory()
    let fifo = directory.url.appendingPathComponent("log.fifo").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let log = try Data(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(
        "fixtures/training/stsb-dev_results.csv"))
    let written = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      // Opening for writing waits for the reader.
      if let handle = FileHandle(forWritingAtPath: fifo) {
        handle.write(log)
        try? handle.close()
      }
      written.signal()
    }
    let report = directory.url.appendingPathComponent("r.html").path
    let piped = try runF1Kit(
      ["report", Self.stsb, "--training-log", fifo, "--out", report, "--resamples", "0"],
      killedAfter: 60)
    // A run that never opened the pipe leaves the writer waiting: open it.
    let unblock = open(fifo, O_RDONLY | O_NONBLOCK)
    written.wait()
    if unblock >= 0 { close(unblock) }
    #expect(piped.status == 0, "\(piped.standardError)")
    #expect(try String(contentsOfFile: report, encoding: .utf8).contains("Training"))

    guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
    let endless = try runF1Kit(
      ["report", Self.stsb, "--training-log", "/dev/zero", "--out", report, "--resamples", "0"],
      killedAfter: 60)
    #expect(endless.status == 65)
    #expect(
      endless.standardError
        == "Error: /dev/zero: expected a training log (one row per evaluation), found more than 64 MiB\n"
    )
  }

  @Test(
    "resamples below 100 are refused; the report's 0 still means no intervals",
    arguments: [
      (["evaluate", stsb, "--ci", "--resamples", "1"], "a whole number from 100 to 10000000"),
      (["evaluate", stsb, "--ci", "--resamples", "0"], "a whole number from 100 to 10000000"),
      (
        ["compare", stsb, stsb, "--resamples", "99"], "a whole number from 100 to 10000000"
      ),
      (
        ["report", stsb, "--out", "r.html", "--resamples", "50"],
        "0 (no intervals or tests) or a whole number from 100 to 10000000"
      ),
    ])
  func refusesFewResamples(arguments: [String], expectation: String) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 64)
    let firstLine = result.standardError.split(separator: "\n").first ?? ""
    #expect(firstLine.hasSuffix("'--resamples <count>'; expected \(expectation)"), "\(firstLine)")
  }

  @Test("a confidence given as a percentage is refused with the fraction it likely meant")
  func confidenceAsPercentage() throws {
    let result = try runF1Kit(["compare", Self.stsb, Self.stsb, "--confidence", "95"])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: The value '95' is invalid for '--confidence <level>'; expected a number from 0.5 to 0.999999, a fraction (95% is 0.95)\n"
      ), "\(result.standardError)")
  }

  /// Commands given an empty output path, and the option.
  static let emptyOutputs: [(arguments: [String], option: String)] = [
    (["report", stsb, "--out", ""], "--out <file>"),
    (
      ["tune", "fixtures/stsb/dev-minilm-l6.csv", "--score-column", "score", "--out", ""],
      "--out <file>"
    ),
    (
      [
        "gate", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
        "--score-column", "score", "--metric", "binary_f1", "--margin", "0.05", "--summary", "",
      ], "--summary <path>"
    ),
  ]

  @Test("an empty output path is a usage error before anything is read", arguments: emptyOutputs)
  func emptyOut(arguments: [String], option: String) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(
      result.standardError.hasPrefix(
        "Error: The value '' is invalid for '\(option)'; expected a path that is not empty\n"),
      "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }

  @Test(
    "shards that are each a header alone say so, not that every count is zero",
    arguments: [
      ["evaluate", "part-0.csv", "part-1.csv"],
      ["compare", "part-0.csv", "part-1.csv", "--pred-columns", "prediction,other"],
    ])
  func headerOnlyShards(arguments: [String]) throws {
    let directory = TemporaryDirectory()
    directory.write("part-0.csv", "label,prediction,other\n")
    directory.write("part-1.csv", "label,prediction,other\n")
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(
      result.standardError
        == "Error: part-0.csv: expected at least one item, found none (the header has no data rows under it)\n"
    )
  }

  @Test(
    "a count table whose cells are all zero is bad data: one line, exit 65",
    arguments: [
      ["evaluate"], ["advise"], ["evaluate", "--labels", "a,b"], ["report", "--out", "r.html"],
    ])
  func allZeroCounts(command: [String]) throws {
    let directory = TemporaryDirectory()
    directory.write("zero.csv", "label,prediction,count\na,a,0\nb,b,0\na,b,0\n")
    let arguments = [command[0], "zero.csv"] + command.dropFirst()
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(
      result.standardError
        == "Error: zero.csv: expected at least one item, found none (every count is zero)\n")
    #expect(
      !FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("r.html").path))
  }

  @Test("options are checked before the file is read, so no data warning precedes a usage error")
  func optionsBeforeData() throws {
    // This file draws a zero-division warning when it is scored.
    let result = try runF1Kit([
      "evaluate", "fixtures/r8/test-tfidf-nb.csv", "--ci", "--resamples", "5",
    ])
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("Error: The value '5' is invalid"))
    #expect(!result.standardError.contains("warning"))
  }

  /// Issue 14 §3: a file without line breaks is refused at the record
  /// limit (here lowered to 64 KiB) by every command, with one line and
  /// exit 65, instead of being buffered without bound. `report` of one
  /// file once looked for example texts in the stream's first line without
  /// a limit and grew until it was killed; `advise` warned that the
  /// stream's “score” column could not be read before the error.
  @Test(
    "an endless stream without line breaks is refused at the record limit",
    arguments: [
      ["evaluate"], ["advise"], ["report", "--out", "r.html"],
      ["report", "--out", "r.html", "--input-format", "jsonl"],
      ["report", "--out", "r.html", "--input-format", "tsv"], ["compare", "/dev/zero"],
      ["gate", "/dev/zero", "--metric", "macro_f1", "--margin", "0.01"],
      ["curves", "--score-column", "s"], ["tune", "--score-column", "s"],
    ])
  func endlessRecord(command: [String]) throws {
    let directory = TemporaryDirectory()
    // Text with no line break, past the limit: /dev/zero itself is now
    // refused at its first bytes, as a binary file.
    let stream = directory.url.appendingPathComponent("stream.csv").path
    try String(repeating: "x", count: 200_000).write(
      toFile: stream, atomically: true, encoding: .utf8)
    func run(_ file: String) throws -> CommandResult {
      let arguments =
        [command[0], file] + command.dropFirst().map { $0 == "/dev/zero" ? file : $0 }
        + ["--max-record-bytes", "65536"]
      return try runF1Kit(arguments, killedAfter: 60, in: directory.url)
    }
    let result = try run(stream)
    #expect(result.status == 65, "\(command): \(result.standardError)")
    #expect(
      result.standardError
        == "Error: \(stream):1:1: a record longer than 65536 bytes starts on this line; raise the limit with --max-record-bytes if it is meant\n"
    )
    #expect(
      !FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("r.html").path))
    guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
    let zeros = try run("/dev/zero")
    #expect(zeros.status == 65, "\(command): \(zeros.standardError)")
    #expect(
      zeros.standardError.hasPrefix(
        "Error: /dev/zero:1:1: expected CSV, TSV or JSON Lines text, found a binary file"),
      "\(zeros.standardError)")
  }

  /// A named pipe (the shell's `<(command)`) can be read only once, and
  /// every command looks at a file before reading it: it is refused before
  /// anything is read, where it once failed on a line from the middle of
  /// the file. Nothing writes to the pipe, so a command that opened it
  /// would wait for a writer until killed.
  @Test(
    "a named pipe is refused with the way to pipe it to standard input",
    arguments: [
      ["evaluate", "p.fifo"], ["advise", "p.fifo"], ["report", "p.fifo", "--out", "r.html"],
      ["compare", "fixtures/experiments/a-run1.csv", "p.fifo"],
      [
        "gate", "fixtures/experiments/a-run1.csv", "p.fifo", "--metric", "macro_f1", "--margin",
        "0.01",
      ],
      [
        "compare", "A=fixtures/experiments/a-run1.csv,p.fifo",
        "B=fixtures/experiments/b-run1.csv,fixtures/experiments/b-run2.csv",
      ],
    ])
  func namedPipe(arguments: [String]) throws {
    let directory = TemporaryDirectory()
    let fifo = directory.url.appendingPathComponent("p.fifo").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let absolute = arguments.map {
      $0.replacingOccurrences(of: "p.fifo", with: fifo)
        .replacingOccurrences(of: "fixtures/", with: Fixtures.packageRoot.path + "/fixtures/")
    }
    let result = try runF1Kit(absolute, killedAfter: 60, in: directory.url)
    #expect(result.status == 64, "\(arguments): \(result.standardError)")
    #expect(
      result.standardError.hasPrefix(
        "Error: \(fifo): is a pipe, which can be read only once, and f1kit reads a prediction file more than once; pipe it to standard input and give '-' instead"
      ), "\(result.standardError)")
  }
}
