import F1Kit
import F1KitStatistics
import Foundation
import Testing

@testable import F1KitReport

@Suite("Paper-ready tables of experiments (runs, groups, strata) and score metrics")
struct ExperimentTableTests {
  static let hostileNames = ResultTableTests.hostileNames

  /// 240 binary items in 24 groups of 10; each model has runs whose error
  /// rates differ a little, the later models erring less.
  static func experiment(
    runs: [Int], design: ResamplingDesign, names: [String] = hostileNames
  ) throws -> (ExperimentComparison, ExperimentComparison.Description) {
    let gold: [Int32] = (0..<240).map { Int32(($0 * 7 + $0 / 5) % 2) }
    let groups = (0..<240).map { $0 / 10 }
    let predictions: [[[Int32]]] = runs.enumerated().map { model, count in
      (0..<count).map { run in
        let every = 4 + 2 * model + run
        return gold.enumerated().map {
          ($0.offset * 13 + run) % every == 0 ? 1 - $0.element : $0.element
        }
      }
    }
    let counts = try ExperimentCounts(
      gold: gold, runs: predictions, groups: design == .groups ? groups : nil, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: design,
      options: BootstrapOptions(resamples: 499), seed: 42)
    let description = ExperimentComparison.Description(
      names: Array(names.prefix(runs.count)),
      runFiles: runs.enumerated().map { model, count in
        (0..<count).map { "m\(model)/seed-\($0).csv" }
      }, labels: ["0", "1"], seed: 42)
    return (comparison, description)
  }

  /// Two or three binary models' scores on 200 items; later models separate
  /// the classes better.
  static func scores(models: Int, names: [String] = hostileNames) throws -> ScoreComparison {
    let isPositive = (0..<200).map { ($0 * 7 + $0 / 3) % 2 == 1 }
    let scored = try (0..<models).map { model in
      let scores = isPositive.enumerated().map { item, positive in
        let noise = Double((item * 37 + model * 11) % 29) / 29 - 0.5
        return 0.5 + (positive ? 1 : -1) * (0.05 + 0.06 * Double(model)) + 0.4 * noise
      }
      return ScoredModel.binary(try BinaryScores(scores: scores, isPositive: isPositive))
    }
    return try ScoreComparison(
      models: scored, names: Array(names.prefix(models)),
      options: ScoreComparison.Options(
        metrics: [.rocAUC], bootstrap: BootstrapOptions(resamples: 499), seed: 42))
  }

  @Test("an experiment's table has one row per model: runs, mean with its interval, SD, Δ and p")
  func experimentRows() throws {
    let (comparison, description) = try Self.experiment(runs: [3, 2], design: .items)
    let tables = ResultTable.experimentTables(comparison, description: description)
    #expect(tables.count == 1)
    let table = tables[0]
    #expect(
      table.header == ["Model", "Runs", "Accuracy [95% CI]", "SD over runs", "Δ [95% CI]", "p"])
    #expect(table.rows.map { $0[0] } == Array(Self.hostileNames.prefix(2)))
    #expect(table.rows.map { $0[1] } == ["3", "2"])
    func cell(_ interval: ConfidenceInterval) -> String {
      let number = { (value: Double) in
        String(format: "%.3f", value).replacingOccurrences(of: "-", with: "−")
      }
      return "\(number(interval.estimate)) [\(number(interval.lower)), \(number(interval.upper))]"
    }
    #expect(table.rows[0][2] == cell(comparison.models[0].interval))
    #expect(table.rows[1][2] == cell(comparison.models[1].interval))
    #expect(table.rows[1][4] == cell(comparison.pairs[0].difference))
    let mean = comparison.models[0].runValues.reduce(0, +) / 3
    let sd = (comparison.models[0].runValues.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2)
      .squareRoot()
    #expect(table.rows[0][3] == String(format: "%.3f", sd))
    #expect(table.rows[1][5].hasPrefix(String(format: "%.3f", comparison.pairs[0].bootstrapPValue)))
    #expect(
      table.caption.hasPrefix(
        "Accuracy of each model on the same 240 test items: the mean over each model's training runs (\(Self.hostileNames[0]) 3 runs, \(Self.hostileNames[1]) 2 runs), with 95% percentile bootstrap intervals (499 resamples, seed 42) that resample each model's runs, then items, corrected so that each run's item-level noise counts once, with Student's t for the runs. Δ is each model minus the baseline \(Self.hostileNames[0]), with its 95% percentile interval from the same paired bootstrap. p is the two-sided paired bootstrap test (runs and items resampled, 499 resamples) against the baseline. Marks: * p < 0.05, ** p < 0.01, *** p < 0.001."
      ))
    let statement = try #require(table.statements.first)
    #expect(statement.contains("means of "))
    #expect(statement.contains("two-level paired-bootstrap p"))
    #expect(
      statement.hasSuffix(
        "499 resamples, seed 42; ASO ε_min = \(String(format: "%.2f", comparison.pairs[0].almostStochasticOrder?.epsilonMinimum ?? .nan)) for “\(Self.hostileNames[1]) is better than \(Self.hostileNames[0])”)."
      ))
  }

  @Test("a grouped table's caption and statement give the number of groups and the group column")
  func groupedCaption() throws {
    let (comparison, description) = try Self.experiment(runs: [1, 1], design: .groups)
    let table = try #require(
      ResultTable.experimentTables(comparison, description: description, groupColumn: "query")
        .first)
    #expect(table.header == ["Model", "Runs", "Accuracy [95% CI]", "Δ [95% CI]", "p"])
    #expect(
      table.caption.contains(
        "with 95% BCa bootstrap intervals (499 resamples, seed 42) that resample whole groups of items (24 groups by query)."
      ))
    #expect(
      table.caption.contains(
        "p is the two-sided group permutation test (the two models' predictions swapped on whole groups, 499 resamples)"
      ))
    let p = try #require(comparison.pairs[0].groupPermutation).pValue
    #expect(table.statements.first?.contains("group-permutation p = ") == true)
    #expect(table.rows.last?.last?.hasPrefix(String(format: "%.3f", p)) == true)
    #expect(
      table.caption.hasSuffix("With fewer than about 30 groups these intervals can be too narrow."))
    #expect(table.statements.first?.contains(", 24 groups resampled whole, seed 42).") == true)
  }

  @Test("a stratified table says the class counts were fixed")
  func stratifiedCaption() throws {
    let (comparison, description) = try Self.experiment(runs: [1, 1], design: .stratifiedByGold)
    let table = try #require(
      ResultTable.experimentTables(comparison, description: description).first)
    #expect(
      table.caption.contains("that resample items within each gold class (class counts fixed)."))
    #expect(table.statements.first?.contains(", stratified by gold class, seed 42).") == true)
  }

  @Test(
    "the caption's test says what was resampled, in compare's words",
    arguments: [
      ([2, 2], ResamplingDesign.groups, "runs and groups resampled"),
      ([2, 2], .items, "runs and items resampled"),
      ([1, 1], .stratifiedByGold, "items resampled within each gold class"),
      ([2, 2], .stratifiedByGold, "runs and items resampled within each gold class"),
    ])
  func testLabel(runs: [Int], design: ResamplingDesign, label: String) throws {
    let (comparison, description) = try Self.experiment(runs: runs, design: design)
    let table = try #require(
      ResultTable.experimentTables(comparison, description: description).first)
    #expect(comparison.resamplingPhrase() == label)
    #expect(
      table.caption.contains("p is the two-sided paired bootstrap test (\(label), 499 resamples)"))
    #expect(comparison.textSummary(description).contains("(\(label))\n"))
  }

  @Test("three models add a pairs table with adjusted p-values")
  func threeModels() throws {
    let (comparison, description) = try Self.experiment(runs: [2, 2, 2], design: .items)
    let tables = ResultTable.experimentTables(comparison, description: description)
    #expect(tables.count == 2)
    #expect(tables[0].header.last == "p (Holm)")
    #expect(tables[1].rows.count == 3)
    #expect(tables[1].caption.contains("Holm-adjusted over all 3 pairs."))
    #expect(tables[1].statements.count == 3)
    #expect(
      tables[1].statements.allSatisfy { $0.contains("Holm-adjusted two-level paired-bootstrap p") })
    #expect(tables[0].caption.contains("(2 runs per model)"))
  }

  @Test("a score-metric table shows each model's value with its interval, Δ and the permutation p")
  func scoreRows() throws {
    let comparison = try Self.scores(models: 2)
    let tables = ResultTable.scoreComparisonTables(comparison)
    #expect(tables.count == 1)
    let table = tables[0]
    #expect(table.header == ["Model", "ROC-AUC [95% CI]", "Δ [95% CI]", "p"])
    let pair = comparison.pairs[0]
    func number(_ value: Double) -> String {
      String(format: "%.3f", value).replacingOccurrences(of: "-", with: "−")
    }
    let interval = try #require(comparison.models[1].intervals[.rocAUC])
    #expect(
      table.rows[1][1]
        == "\(number(interval.estimate)) [\(number(interval.lower)), \(number(interval.upper))]")
    #expect(
      table.rows[1][2]
        == "\(number(pair.difference.estimate)) [\(number(pair.difference.lower)), \(number(pair.difference.upper))]"
    )
    let p = try #require(pair.permutationPValue)
    #expect(table.rows[1][3].hasPrefix(p < 0.001 ? "< 0.001" : number(p)))
    #expect(
      table.caption
        == "ROC-AUC of each model's scores on the same 200 test items, with 95% BCa bootstrap intervals over items (499 resamples, seed 42). Δ is each model minus the baseline \(Self.hostileNames[0]), with its 95% BCa interval from the paired bootstrap. p is the two-sided permutation test (each model's scores ranked, each item's two ranks exchanged at random, 499 resamples) against the baseline. Marks: * p < 0.05, ** p < 0.01, *** p < 0.001."
    )
    #expect(table.statements.count == 1)
    #expect(table.statements[0].contains("on ROC-AUC ("))
    #expect(
      table.statements[0].hasSuffix(
        "permutation p \(p < 0.001 ? "< 0.001" : "= " + number(p)), 499 resamples, seed 42)."))
  }

  @Test("hostile names stay in their cells in Markdown, and three score models add a pairs table")
  func hostileMarkdown() throws {
    let (experiment, description) = try Self.experiment(runs: [2, 3, 1], design: .items)
    let tables =
      ResultTable.experimentTables(experiment, description: description)
      + ResultTable.scoreComparisonTables(try Self.scores(models: 3))
    #expect(tables.count == 4)
    for table in tables {
      let markdown = table.markdown()
      let lines = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
      for line in lines {
        // Unescaped pipes delimit cells: one more than the columns.
        var pipes = 0
        var isEscaped = false
        for character in line {
          if isEscaped { isEscaped = false; continue }
          if character == "\\" { isEscaped = true } else if character == "|" { pipes += 1 }
        }
        #expect(pipes == table.header.count + 1, "\(line)")
      }
      #expect(!markdown.contains("50%_a"))
      #expect(markdown.contains(##"50%\_a&b\#c$d{e}f~g^h\\i\|j\<k\>l"##))
    }
  }

  @Test(
    "experiment and score tables with hostile labels compile with pdflatex",
    .enabled(
      if: ResultTableTests.pdflatex != nil,
      "pdflatex is not installed (texlive-latex-base, texlive-latex-recommended)"))
  func compilesWithPDFLaTeX() throws {
    let (experiment, description) = try Self.experiment(runs: [2, 3, 2], design: .items)
    let (grouped, groupedDescription) = try Self.experiment(runs: [1, 1], design: .groups)
    let tables =
      ResultTable.experimentTables(experiment, description: description)
      + ResultTable.experimentTables(
        grouped, description: groupedDescription, groupColumn: "query_#1")
      + ResultTable.scoreComparisonTables(try Self.scores(models: 3))
    let document =
      "\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n"
      + tables.rendered(as: .latex) + "\\end{document}\n"
    #expect(document.contains(#"ASO $\varepsilon_{\min}$"#))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "f1kit-latex-experiment-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try document.write(
      to: directory.appendingPathComponent("table.tex"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = ResultTableTests.pdflatex
    process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "table.tex"]
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let log =
      (try? String(contentsOf: directory.appendingPathComponent("table.log"), encoding: .utf8))
      ?? ""
    #expect(process.terminationStatus == 0, "pdflatex failed:\n\(log.suffix(2000))")
    #expect(!log.contains("Missing character"), "\(log.suffix(2000))")
  }
}
