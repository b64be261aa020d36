import F1Kit
import Testing

@testable import F1KitStatistics

/// An experiment's text summary (several runs per model, resampled by
/// items, within gold classes or by group) with names and run files long
/// enough to pass 80 columns, laid out as the single-run summaries lay
/// theirs out (see `LongModelNamesTests`).
@Suite("Experiment summaries with long model names and long run files")
struct ExperimentLongNamesTests {
  /// Every line the summary can hold: runs and ASO (several runs), the
  /// group permutation test, clustered McNemar and the item-level width
  /// (groups), the adjusted p-values (three models). Each case is a
  /// design, the runs of each model and the number of models.
  static let cases: [(ResamplingDesign, Int, Int)] = [
    (.items, 3, 2), (.stratifiedByGold, 2, 3), (.groups, 3, 3), (.groups, 1, 2),
  ]

  /// Names of 54 and 55 characters, as fine-tuned checkpoints get.
  static let longNames = ["13", "42", "7"].map {
    "cross-encoder-ms-marco-MiniLM-L-12-v2-finetuned-seed-\($0)"
  }

  static let shortNames = ["a", "b", "c"]

  /// The summary of `models` models resampled under `design`, named
  /// `names`, with run `r` of model `name` read from `runFile(name, r)`.
  static func summary(
    _ design: ResamplingDesign, runs: Int, models: Int, names: [String],
    runFile: (String, Int) -> String = { "\($0)-run\($1).csv" }
  ) throws -> (text: String, comparison: ExperimentComparison, ExperimentComparison.Description) {
    var (comparison, _) = try ExperimentTextTests.comparison(
      accuracy: Array([0.62, 0.74, 0.68].prefix(models)), runs: runs, design: design)
    if design == .groups { try comparison.measureGroupWidening(seed: 1) }
    let names = Array(names.prefix(models))
    let description = ExperimentComparison.Description(
      names: names, runFiles: names.map { name in (1...runs).map { runFile(name, $0) } },
      labels: ["0", "1"], seed: 1)
    return (comparison.textSummary(description), comparison, description)
  }

  @Test(
    "with long names each name has a line of its own and every line of numbers fits 80 columns",
    arguments: cases)
  func longNamesFit(design: ResamplingDesign, runs: Int, models: Int) throws {
    let (text, comparison, description) = try Self.summary(
      design, runs: runs, models: models, names: Self.longNames)
    let blocks = text.components(separatedBy: "\n\n").map {
      $0.split(separator: "\n", omittingEmptySubsequences: true)
    }
    // The header, the models, one block per pair, the verdicts.
    let pairCount = comparison.pairs.count
    try #require(blocks.count >= 3 + pairCount, "\(text)")
    for line in blocks.prefix(2 + pairCount).joined() {
      #expect(line.count <= 80, "\(line)")
    }
    for (index, name) in description.names.enumerated() {
      let models = blocks[1]
      let row = try #require(models.firstIndex { $0 == name }, "\(text)")
      #expect(models[row + 1].hasPrefix("  0."), "\(models[row + 1])")
      if runs > 1 {
        #expect(models[row + 2].hasPrefix("  mean of \(runs) runs: sd "))
        let value = String(format: "%.4f", comparison.models[index].runValues[0])
        #expect(models[row + 3] == "  run \(description.runFiles[index][0]): \(value)")
      }
    }
    for (index, pair) in comparison.pairs.enumerated() {
      let lines = blocks[2 + index]
      #expect(lines[0] == description.names[pair.second])
      #expect(lines[1] == "− " + description.names[pair.first])
      #expect(lines[2].hasPrefix("= "))
      if runs > 1 {
        // The claim of ASO goes under its number, both names in full.
        let aso = try #require(lines.firstIndex { $0.hasPrefix("  ASO ") }, "\(lines)")
        #expect(
          lines[aso].hasSuffix(
            "ε_min = "
              + String(format: "%.3f", try #require(pair.almostStochasticOrder).epsilonMinimum)))
        let claim = lines[(aso + 1)...].prefix { $0.hasPrefix("    ") }
          .map { $0.dropFirst(4) }.joined(separator: " ")
        #expect(
          claim.hasPrefix(
            "for \"\(description.names[pair.second]) is better than \(description.names[pair.first])\""
          ), "\(lines)")
      }
    }
    // The verdicts stay sentences with the full names, one a line.
    for index in comparison.pairs.indices {
      #expect(text.contains("\n" + comparison.verdict(for: index, description: description) + "\n"))
    }
  }

  @Test("short names stay on their numbers' lines, as before", arguments: cases)
  func shortNamesUnchanged(design: ResamplingDesign, runs: Int, models: Int) throws {
    let (text, comparison, description) = try Self.summary(
      design, runs: runs, models: models, names: Self.shortNames)
    let lines = text.split(separator: "\n")
    for name in description.names {
      let line = try #require(lines.first { $0.hasPrefix("\(name): 0.") }, "\(text)")
      #expect(line.contains(", mean of \(runs) runs: sd ") == (runs > 1))
    }
    for pair in comparison.pairs {
      let (first, second) = (description.names[pair.first], description.names[pair.second])
      #expect(lines.contains { $0.hasPrefix("\(second) − \(first): ") })
      if runs > 1 {
        #expect(
          lines.contains {
            $0.hasPrefix("  ASO                   ε_min = ")
              && $0.contains(" for \"\(second) is better than \(first)\" (below 0.5: ")
          }, "\(text)")
      }
    }
    // The lines of numbers keep their one-line form, past 80 columns or not.
    #expect(!lines.contains { $0.hasPrefix("    ") }, "\(text)")
  }

  @Test(
    "a run file too long for its line puts the run's value on the next line, and nothing else moves",
    arguments: cases.filter { $0.1 > 1 })
  func longRunFiles(design: ResamplingDesign, runs: Int, models: Int) throws {
    func long(_ name: String, _ run: Int) -> String {
      "runs/cross-encoder-ms-marco-MiniLM-L-12-v2-finetuned/evaluation-outputs/\(name)-run\(run).csv"
    }
    let plain = try Self.summary(design, runs: runs, models: models, names: Self.shortNames)
    let (text, _, description) = try Self.summary(
      design, runs: runs, models: models, names: Self.shortNames, runFile: long)
    var expected = plain.text
    for (files, longFiles) in zip(plain.2.runFiles, description.runFiles) {
      for (file, longFile) in zip(files, longFiles) {
        expected = expected.replacingOccurrences(
          of: "\n  run \(file): ", with: "\n  run \(longFile):\n    ")
      }
    }
    #expect(text == expected)
  }

  @Test("broken between any two words, each line fits and the words are kept in order")
  func wordWrapping() {
    let words = (1...40).map { "word\($0)" } + [String(repeating: "x", count: 90), "end"]
    let text = ModelComparison.wrapped(
      words.joined(separator: " "), indent: "    ", firstIndent: "  ", breakingAfter: [""])
    let lines = text.split(separator: "\n")
    #expect(lines[0].hasPrefix("  word1 ") && lines.dropFirst().allSatisfy { $0.hasPrefix("    ") })
    // A word longer than a line keeps a line of its own.
    #expect(lines.filter { $0.count > 80 }.map(String.init) == ["    " + words[40]])
    #expect(lines.flatMap { $0.split(separator: " ") }.map(String.init) == words)
  }
}
