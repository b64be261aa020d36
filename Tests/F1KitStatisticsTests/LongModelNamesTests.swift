import F1Kit
import F1KitReading
import Testing

@testable import F1KitStatistics

/// The three comparisons whose text summaries open with a table of models.
enum SummaryKind: String, CaseIterable, CustomTestStringConvertible {
  case labels, scores, multilabel

  var testDescription: String { rawValue }

  /// The summary of three models of different skill on the same 200 items,
  /// named `names`.
  func summary(names: [String]) throws -> String {
    var generator = Xoshiro256StarStar(seed: 31)
    func unit() -> Double { Double(generator.next() >> 11) * 0x1p-53 }
    let accuracies = [0.6, 0.75, 0.68]
    let options = BootstrapOptions(resamples: 200)
    switch self {
    case .labels:
      let gold = (0..<200).map { _ in Int32(generator.next() % 3) }
      let models = accuracies.map { accuracy in
        ItemPredictions(
          labels: ["x", "y", "z"], gold: gold,
          predicted: gold.map { unit() < accuracy ? $0 : ($0 + 1) % 3 })
      }
      return try ModelComparison(
        aligned: AlignedPredictions(models, names: names), names: names,
        options: ComparisonOptions(metrics: [.macroF1], bootstrap: options, seed: 3)
      ).textSummary()
    case .scores:
      let isPositive = (0..<200).map { _ in unit() < 0.4 }
      let models = try accuracies.map { shift in
        ScoredModel.binary(
          try BinaryScores(
            scores: isPositive.map { unit() + ($0 ? shift : 0) }, isPositive: isPositive))
      }
      return try ScoreComparison(
        models: models, names: names, options: .init(metrics: [.rocAUC], bootstrap: options)
      ).textSummary(positiveLabel: "1")
    case .multilabel:
      func set(_ indices: [Int]) -> LabelSet {
        var set = LabelSet()
        for index in indices { set.insert(index) }
        return set
      }
      let gold = (0..<200).map { _ in (0..<4).filter { _ in unit() < 0.4 } }
      let predictions = accuracies.map { accuracy in
        gold.map { labels in set((0..<4).filter { labels.contains($0) == (unit() < accuracy) }) }
      }
      return try MultilabelComparison(
        gold: gold.map(set), predictions: predictions, labels: ["a", "b", "c", "d"],
        names: names, options: .init(metrics: [.samplesF1], bootstrap: options)
      ).textSummary()
    }
  }
}

@Suite("Comparison summaries with long model names")
struct LongModelNamesTests {
  /// File names of 62 characters, as fine-tuning runs get.
  static let longNames = (1...3).map {
    "cross-encoder-ms-marco-MiniLM-L-6-v2-finetuned-seed-\($0)-test.csv"
  }

  /// The lines of the models' table and of the pairs' tables: the block
  /// that opens with "model", and each block whose first line is a pair's
  /// heading.
  static func tableBlocks(_ text: String, names: [String]) -> [[Substring]] {
    text.components(separatedBy: "\n\n").map {
      $0.split(separator: "\n", omittingEmptySubsequences: true)
    }.filter { lines in
      guard let first = lines.first else { return false }
      return first.hasPrefix("model ") || names.contains(String(first))
    }
  }

  @Test(
    "with long names each name has a line of its own and every table line fits 80 columns",
    arguments: SummaryKind.allCases)
  func longNamesFit(kind: SummaryKind) throws {
    let text = try kind.summary(names: Self.longNames)
    let blocks = Self.tableBlocks(text, names: Self.longNames)
    // The models' table and one block per pair.
    try #require(blocks.count == 4, "\(text)")
    for line in blocks.joined() {
      #expect(line.count <= 80, "\(line)")
    }
    let table = blocks[0]
    for name in Self.longNames {
      let row = try #require(table.firstIndex { $0 == name }, "\(text)")
      // The numbers are on the next line, the value right-aligned under
      // the metric's name in the header.
      let values = table[row + 1]
      let header = table[0]
      let metricEnd = try #require(header.range(of: "  interval")).lowerBound
      let width = header.distance(from: header.startIndex, to: metricEnd)
      #expect(values.prefix(width).last?.isNumber == true, "\(values)")
      #expect(values.dropFirst(width).hasPrefix("  "), "\(values)")
      #expect(values.hasPrefix("     "))
    }
    for pair in blocks.dropFirst() {
      #expect(pair[1].hasPrefix("− ") && pair[2].hasPrefix("= "), "\(pair)")
    }
  }

  @Test("short names stay beside their numbers, as before", arguments: SummaryKind.allCases)
  func shortNamesUnchanged(kind: SummaryKind) throws {
    let text = try kind.summary(names: ["A", "B", "C"])
    let blocks = Self.tableBlocks(text, names: ["A", "B", "C"])
    try #require(blocks.count == 1, "\(text)")
    let table = blocks[0]
    #expect(table.count == 4)
    for (line, name) in zip(table.dropFirst(), ["A", "B", "C"]) {
      #expect(line.hasPrefix(name + "    ") && line.contains("0."), "\(line)")
    }
    #expect(text.contains("\nB − A: "))
    #expect(text.contains("\nC − B: "))
  }

  @Test(
    "a table stacks its names only when a row would pass 80 columns",
    arguments: [(60, false), (61, true)])
  func stacksPastTheWidth(nameLength: Int, isStacked: Bool) {
    let name = String(repeating: "n", count: nameLength)
    // 20 columns after the name: 81 columns when the name has 61.
    let columns = "  0.1234  [0.1, 0.2]"
    let table = ModelComparison.nameColumnTable(
      header: "  metric  interval", rows: [(name, columns), ("b", columns)])
    #expect(table.isStacked == isStacked)
    let lines = table.text.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.count == (isStacked ? 5 : 3))
  }

  @Test("a detail with two long names is broken after its colon and comma, one name a line")
  func detailWraps() {
    let (first, second) = (Self.longNames[0], Self.longNames[1])
    let line = ModelComparison.TestLine(
      name: "McNemar (mid-p)", result: "p = 0.013",
      detail: "discordant: 13 only \(first), 3 only \(second)")
    let stacked = ModelComparison.aligned([line], isStacked: true)
    #expect(
      stacked
        == "  McNemar (mid-p)       p = 0.013\n    discordant:\n    13 only \(first),\n    3 only \(second)\n"
    )
    // Beside short names the line keeps its one-line form.
    #expect(
      ModelComparison.aligned([line], isStacked: false)
        == "  McNemar (mid-p)       p = 0.013  discordant: 13 only \(first), 3 only \(second)\n")
  }
}
