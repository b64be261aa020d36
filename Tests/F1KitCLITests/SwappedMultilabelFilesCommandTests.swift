import Foundation
import Testing
import _TestSupport

/// Swapping two multilabel files gives the exact mirror image, as
/// ``SwappedFilesCommandTests`` pins for single-label files: each
/// difference and interval end negated, the same p-values, undefined
/// permutations and needed sizes, and each model the same interval,
/// whichever file comes first and whatever order the rows are in.
@Suite("compare and gate on multilabel files: swapping the two files mirrors every number")
struct SwappedMultilabelFilesCommandTests {
  /// Two files of the same 300 items over five labels with ids, the second
  /// in another row order; each model misses or adds each label now and
  /// then, the second more rarely.
  static func files(in directory: TemporaryDirectory) -> (String, String) {
    let next = SwappedFilesCommandTests.sequence(seed: 5)
    let labels = ["arts", "law", "med", "sci", "tech"]
    func cell(_ set: [Int]) -> String { set.map { labels[$0] }.joined(separator: "|") }
    func noisy(_ gold: [Int], flipsOneIn odds: UInt64) -> [Int] {
      let set = labels.indices.filter { gold.contains($0) != (next() % odds == 0) }
      return set.isEmpty ? gold : set
    }
    var first = "id,label,prediction\n"
    var rows: [String] = []
    for item in 0..<300 {
      var gold = labels.indices.filter { _ in next() % 3 == 0 }
      if gold.isEmpty { gold = [Int(next() % 5)] }
      first += "d\(item),\(cell(gold)),\(cell(noisy(gold, flipsOneIn: 6)))\n"
      rows.append("d\(item),\(cell(gold)),\(cell(noisy(gold, flipsOneIn: 9)))\n")
    }
    let shuffled = rows.enumerated().sorted { ($0.offset * 37) % 300 < ($1.offset * 37) % 300 }
    let second = "id,label,prediction\n" + shuffled.map(\.element).joined()
    return (directory.write("a.csv", first), directory.write("b.csv", second))
  }

  @Test(
    "compare: the difference mirrors, the p-values match, each model keeps its intervals",
    arguments: ["samples_f1", "micro_f1", "macro_f1", "hamming_loss", "subset_accuracy"])
  func compareMirrors(metric: String) throws {
    let directory = TemporaryDirectory()
    let (a, b) = Self.files(in: directory)
    let settings = ["--metric", metric]
    let forward = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(["compare", a, b] + settings))
    let backward = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(["compare", b, a] + settings))
    let difference = try #require(forward["/difference/value"])
    #expect(difference != 0)
    #expect(forward["/models/0/per_label_f1/4/interval/low"] != nil)
    #expect(try SwappedFilesCommandTests.expectMirrors(forward, backward) > 20)
  }

  @Test(
    "gate: swapping the files mirrors the interval and keeps its half-width and needed size",
    arguments: ["samples_f1", "hamming_loss"])
  func gateMirrors(metric: String) throws {
    let directory = TemporaryDirectory()
    let (a, b) = Self.files(in: directory)
    let settings = ["--metric", metric, "--mode", "equivalence", "--margin", "0.2"]
    let forward = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(["gate", a, b] + settings))
    let backward = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(["gate", b, a] + settings))
    #expect(forward["/difference/value"] == -(backward["/difference/value"] ?? .nan))
    #expect(forward["/difference/low"] == -(backward["/difference/high"] ?? .nan))
    #expect(forward["/difference/high"] == -(backward["/difference/low"] ?? .nan))
    let halfWidth = try #require(forward["/reachability/half_width"])
    #expect(halfWidth == backward["/reachability/half_width"])
    let needed = try #require(forward["/reachability/required_n"], "\(forward)")
    #expect(needed == backward["/reachability/required_n"])
    let degrees = try #require(forward["/reachability/se_degrees"])
    #expect(degrees == backward["/reachability/se_degrees"])
  }

  @Test("a file and its copy in another row order: identical intervals, a difference of 0")
  func identicalModels() throws {
    let directory = TemporaryDirectory()
    let (a, b) = Self.files(in: directory)
    // The first file's rows in the second file's order.
    let rows = try String(contentsOfFile: a, encoding: .utf8).split(separator: "\n").dropFirst()
    let order = try String(contentsOfFile: b, encoding: .utf8).split(separator: "\n").dropFirst()
      .map { $0.prefix { $0 != "," } }
    let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.prefix { $0 != "," }, $0) })
    let copy = directory.write(
      "a-copy.csv", "id,label,prediction\n" + order.map { byID[$0]! + "\n" }.joined())
    let document = try SwappedFilesCommandTests.json(["compare", a, copy, "--metric", "micro_f1"])
    let compared = SwappedFilesCommandTests.numbers(document)
    var checked = 0
    for key in compared.keys where key.hasPrefix("/models/0/") {
      let other = "/models/1/" + key.dropFirst("/models/0/".count)
      #expect(compared[key] == compared[other], "\(key)")
      checked += 1
    }
    #expect(checked > 20)
    // Read directly: `numbers` takes a JSON 0 for `false`.
    let difference = try #require(document["difference"] as? [String: Any])
    for key in ["value", "low", "high"] {
      #expect((difference[key] as? NSNumber)?.doubleValue == 0, "\(key)")
    }
    // evaluate --ci gives the file's model the interval compare gives it.
    let evaluated = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(["evaluate", copy, "--ci"]))
    for end in ["low", "high"] {
      let interval = try #require(evaluated["/intervals/micro_f1/" + end])
      #expect(interval == compared["/models/0/interval/" + end], "\(end)")
    }
  }
}
