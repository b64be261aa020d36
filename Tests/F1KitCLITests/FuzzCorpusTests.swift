import Foundation
import Testing
import _TestSupport

/// Replays the reader fuzz corpus (fixtures/fuzz-corpus, made by
/// tools/make_fuzz_corpus.py and grown by tools/fuzz.sh) through the built
/// tool: every input must get an answer or a clean refusal, never a crash.
@Suite("Fuzz corpus regression")
struct FuzzCorpusTests {
  /// Each fuzz target's folder, the file extension its inputs are read
  /// with and the options that select its reader.
  static let targets: [(folder: String, fileExtension: String, options: [String])] = [
    ("csv", "csv", []), ("tsv", "tsv", []), ("jsonl", "jsonl", []),
    ("counts", "csv", ["--count-column", "count"]),
    ("scores", "csv", ["--score-columns", "neg,neu,pos"]),
  ]

  static var cases: [String] {
    targets.flatMap { target in
      let folder = Fixtures.url("fuzz-corpus/\(target.folder)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      return names.sorted().map { "\(target.folder)/\($0)" }
    }
  }

  @Test("the corpus has seeds for every reader")
  func corpusCoversEveryReader() {
    for target in Self.targets {
      #expect(Self.cases.contains { $0.hasPrefix(target.folder + "/") }, "\(target.folder)")
    }
  }

  @Test("evaluate and compare answer or refuse every corpus input", arguments: cases)
  func replay(input: String) throws {
    let folder = String(input.prefix { $0 != "/" })
    let target = try #require(Self.targets.first { $0.folder == folder })
    // The first byte picks the fuzzer's chunk size; the rest is the file.
    let bytes = try Data(contentsOf: Fixtures.url("fuzz-corpus/\(input)")).dropFirst()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-fuzz-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("input.\(target.fileExtension)")
    try bytes.write(to: file)
    var commands = [["evaluate", file.path] + target.options]
    if folder != "counts" {
      commands.append(["compare", file.path, file.path, "--resamples", "100"] + target.options)
    }
    for arguments in commands {
      let result = try runF1Kit(arguments + ["--quiet"])
      let isCrash =
        ![0, 64, 65].contains(result.status) || result.standardError.contains("Fatal error")
        || result.standardError.contains("Backtracing")
      #expect(!isCrash, "\(arguments[0]) \(input): status \(result.status)")
      if !isCrash && result.status != 0 {
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.first?.contains("Error") == true || lines.first?.contains(":") == true)
      }
    }
  }

  /// Issue 14 §1: counts whose total passes what F1Kit counts exactly (two
  /// cells of 2⁶², or one of 2⁶³ − 1) are bad data naming their line, for
  /// every command that reads a count table, never a trap.
  @Test(
    "count totals past the exact range exit 65 naming the line",
    arguments: ["issue14-overflow-total", "issue14-overflow-cell"],
    [["evaluate"], ["evaluate", "--format", "json"], ["advise"], ["evaluate", "--ci"]])
  func countOverflow(input: String, command: [String]) throws {
    let bytes = try Data(contentsOf: Fixtures.url("fuzz-corpus/counts/\(input)")).dropFirst()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-overflow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("counts.csv")
    try bytes.write(to: file)
    let result = try runF1Kit(command + [file.path, "--count-column", "count"])
    #expect(result.status == 65, "\(result.standardError)")
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("Error: \(file.path):2:"), "\(result.standardError)")
  }
}
