import Foundation
import Testing

/// `f1kit compare` reads the run files after the first several at once:
/// what it prints and the status it exits with must be what reading them
/// one after another gives. Reading the first file from standard input
/// turns the concurrent reading off, so the two are compared.
@Suite("f1kit compare: run files read several at once")
struct ConcurrentReadingCommandTests {
  /// Ten run files (five per model) of the same items, in a fresh folder.
  struct RunFiles {
    let directory: URL
    let models: [[String]]

    /// Writes the files; `edit` may change a file's text by its index in
    /// `models.joined()`.
    init(
      itemCount: Int = 60, hasIDs: Bool, edit: (Int, String) -> String = { $1 }
    ) throws {
      directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("f1kit-concurrent-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
      }
      let labels = ["x", "y", "z", "w"]
      let gold = (0..<itemCount).map { _ in labels[next(3)] }
      var models: [[String]] = []
      var fileIndex = 0
      for model in ["a", "b"] {
        var files: [String] = []
        for run in 1...5 {
          var rows = gold.indices.map { item -> String in
            // Some runs predict a fourth label, and the labels' first-seen
            // order differs from file to file, so codes are recoded.
            let predicted =
              next(10) < 7 ? gold[item] : labels[next(run.isMultiple(of: 2) ? 4 : 3)]
            return hasIDs
              ? "item\(item),\(gold[item]),\(predicted)" : "\(gold[item]),\(predicted)"
          }
          if hasIDs {
            // Each file lists the items in its own order.
            for index in rows.indices.reversed() { rows.swapAt(index, next(index + 1)) }
          }
          let header = hasIDs ? "id,label,prediction" : "label,prediction"
          let name = "\(model)\(run).csv"
          let text = edit(fileIndex, ([header] + rows).joined(separator: "\n") + "\n")
          try text.write(
            to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
          files.append(name)
          fileIndex += 1
        }
        models.append(files)
      }
      self.models = models
    }

    /// The command line, with the first file read from standard input
    /// when `isSerial` (which reads the files one after another).
    func arguments(isSerial: Bool, extra: [String]) -> [String] {
      var first = models[0]
      if isSerial { first[0] = "-" }
      return [
        "compare", "A=" + first.joined(separator: ","), "B=" + models[1].joined(separator: ","),
      ]
        + extra
    }

    /// Runs `compare` both ways.
    func run(_ extra: [String]) throws -> (concurrent: CommandResult, serial: CommandResult) {
      let concurrent = try runF1Kit(arguments(isSerial: false, extra: extra), in: directory)
      let input = try String(
        contentsOf: directory.appendingPathComponent(models[0][0]), encoding: .utf8)
      let serial = try runF1Kit(
        arguments(isSerial: true, extra: extra), input: input, in: directory)
      return (concurrent, serial)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
  }

  @Test(
    "runs read several at once give the output of reading them one by one, aligned by row or by id",
    arguments: [false, true])
  func sameOutput(hasIDs: Bool) throws {
    let files = try RunFiles(hasIDs: hasIDs)
    defer { files.remove() }
    let (concurrent, serial) = try files.run(["--format", "json", "--resamples", "999"])
    #expect(concurrent.status == 0, "\(concurrent.standardError)")
    #expect(concurrent.standardError == serial.standardError)
    #expect(concurrent.standardOutput == Self.namingFirstFile(serial.standardOutput))
    #expect(concurrent.standardOutput.contains("\"labels\": [\"w\", \"x\", \"y\", \"z\"]"))
  }

  @Test("each run's value is that file's own score, whichever thread read it")
  func runValues() throws {
    let files = try RunFiles(hasIDs: true)
    defer { files.remove() }
    let result = try runF1Kit(
      files.arguments(isSerial: false, extra: ["--format", "json", "--resamples", "999"]),
      in: files.directory)
    #expect(result.status == 0, "\(result.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let models = try #require(document["models"] as? [[String: Any]])
    for (model, names) in zip(models, files.models) {
      let runs = try #require(model["runs"] as? [[String: Any]])
      #expect(runs.map { $0["file"] as? String } == names)
      for (run, name) in zip(runs, names) {
        let alone = try runF1Kit(
          ["evaluate", name, "--format", "json", "--labels", "x,y,z,w", "--quiet"],
          in: files.directory)
        #expect(alone.status == 0, "\(alone.standardError)")
        let evaluated = try #require(
          JSONSerialization.jsonObject(with: Data(alone.standardOutput.utf8)) as? [String: Any])
        let value = try #require(run["value"] as? Double)
        let metrics = try #require(evaluated["metrics"] as? [String: Any])
        let expected = try #require(metrics["macro_f1"] as? Double)
        #expect(abs(value - expected) < 1e-12, "\(name)")
      }
    }
  }

  /// A broken file: its index in the ten, what is done to it, and the file
  /// and text the message must name.
  struct Breakage: Sendable, CustomTestStringConvertible {
    let summary: String
    let hasIDs: Bool
    let edits: [Int: @Sendable (String) -> String]
    let expected: String
    var testDescription: String { summary }
  }

  static let breakages: [Breakage] = [
    Breakage(
      summary: "a short row in the 7th of 10 files", hasIDs: false,
      edits: [6: { $0.inserting("short", atLine: 4) }],
      expected: "b2.csv:4:"),
    Breakage(
      summary: "short rows in the 7th and 9th files: the 7th is reported", hasIDs: false,
      edits: [
        8: { $0.inserting("short", atLine: 3) },
        6: { $0.inserting("short", atLine: 6) },
      ],
      expected: "b2.csv:6:"),
    Breakage(
      summary: "a missing row in the 8th file", hasIDs: false,
      edits: [
        7: {
          var lines = $0.split(separator: "\n", omittingEmptySubsequences: false)
          lines.remove(at: 1)
          return lines.joined(separator: "\n")
        }
      ],
      expected: "b3.csv:60: expected 60 items to match a1.csv, found 59 (its last item"),
    Breakage(
      summary: "a different gold label in the 6th file", hasIDs: false,
      edits: [5: { $0.replacingFirst("\nx,", with: "\nq,") }],
      expected: "b1.csv:"),
    Breakage(
      summary: "an id missing from the 7th file", hasIDs: true,
      edits: [6: { $0.replacingOccurrences(of: "item7,", with: "item7b,") }],
      expected:
        ": expected the ids of a1.csv, found id \"item7b\", which a1.csv does not have, and no item with a1.csv's id \"item7\""
    ),
    Breakage(
      summary: "an unterminated quote in the 4th file and a short row in the 9th", hasIDs: true,
      edits: [
        3: { $0.replacingOccurrences(of: "item9,", with: "\"item9,") },
        8: { $0.inserting("short", atLine: 3) },
      ],
      expected: "a4.csv:"),
  ]

  @Test(
    "a broken file among several read at once is reported as when read one by one",
    arguments: breakages)
  func firstError(breakage: Breakage) throws {
    let files = try RunFiles(hasIDs: breakage.hasIDs) { index, text in
      breakage.edits[index]?(text) ?? text
    }
    defer { files.remove() }
    let (concurrent, serial) = try files.run(["--resamples", "999"])
    #expect(concurrent.status == 65)
    #expect(concurrent.standardOutput.isEmpty)
    #expect(concurrent.standardError.contains(breakage.expected), "\(concurrent.standardError)")
    #expect(concurrent.status == serial.status)
    // Alignment messages name the first file, read from standard input.
    let serialError = serial.standardError
      .replacingOccurrences(of: "match stdin,", with: "match a1.csv,")
      .replacingOccurrences(of: "(it is in stdin)", with: "(it is in a1.csv)")
      .replacingOccurrences(of: " in stdin;", with: " in a1.csv;")
      .replacingOccurrences(of: "the ids of stdin,", with: "the ids of a1.csv,")
      .replacingOccurrences(of: "which stdin does not", with: "which a1.csv does not")
      .replacingOccurrences(of: "stdin's id", with: "a1.csv's id")
    #expect(concurrent.standardError == serialError)
  }

  @Test("the reader's warnings of files read at once are printed in file order")
  func warningsInOrder() throws {
    // A CSV file with semicolons and no comma warns that it is read so.
    let files = try RunFiles(hasIDs: false) { index, text in
      [2, 7].contains(index) ? text.replacingOccurrences(of: ",", with: ";") : text
    }
    defer { files.remove() }
    let (concurrent, serial) = try files.run(["--format", "json", "--resamples", "999"])
    #expect(concurrent.status == 0, "\(concurrent.standardError)")
    // The even runs predict "w", which no gold item has: one more warning,
    // after the files are read.
    let stray = "warning: a2.csv predicts \"w\" for "
    let warnings = concurrent.standardError.split(separator: "\n").filter {
      $0.hasPrefix("warning:") && !$0.hasPrefix(stray)
    }
    #expect(warnings.count == 2)
    #expect(concurrent.standardError.components(separatedBy: stray).count == 2)
    #expect(concurrent.standardError.hasSuffix("(those items then count as errors)\n"))
    #expect(warnings.first?.contains("a3.csv") == true)
    #expect(warnings.last?.contains("b3.csv") == true)
    #expect(concurrent.standardError == serial.standardError)
    #expect(concurrent.standardOutput == Self.namingFirstFile(serial.standardOutput))
  }

  /// A JSON output of the files read one by one, with the first file
  /// (read from standard input) named as when read from its path.
  static func namingFirstFile(_ output: String) -> String {
    output.replacingOccurrences(of: "\"file\": \"-\"", with: "\"file\": \"a1.csv\"")
  }
}

extension String {
  /// The text with `row` inserted as line `line` (1-based).
  fileprivate func inserting(_ row: String, atLine line: Int) -> String {
    var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.insert(row, at: line - 1)
    return lines.joined(separator: "\n")
  }

  /// The text with the first occurrence of `target` replaced.
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
