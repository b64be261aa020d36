import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import F1KitSupport
import Foundation

extension ReportCommand {
  /// Whether the files are reported as a multilabel problem: `--problem
  /// multilabel`, or no `--problem` and label sets in a file's first
  /// records.
  var isMultilabelReport: Bool {
    if let problem = scoring.problem { return problem == .multilabel }
    return paths.contains {
      input.isMultilabel($0, problem: nil, predictionColumns: predictionColumns)
    }
  }

  /// Writes the multilabel report: metrics with intervals, per-label bars,
  /// label cardinality, gold co-occurrence, paired comparisons and advice.
  ///
  /// - Returns: Markdown or LaTeX tables of the comparison with `--format`,
  ///   otherwise nothing.
  /// - Throws: A usage failure for options multilabel reports do not take;
  ///   a data failure when the files do not describe the same items.
  func runMultilabelReport() throws(CommandFailure) -> CommandOutput {
    input.noteInferredLabelSets(paths, problem: scoring.problem)
    if design != nil || groupColumn != nil || modelFiles.contains(where: { $0.count > 1 }) {
      throw .usage(
        "multilabel reports cannot yet resample runs, groups or strata; report one file per model")
    }
    if predictionColumns != nil { throw input.multilabelColumnsRefusal(in: "report") }
    if trainingLog != nil {
      throw .usage("multilabel reports cannot yet draw a training log")
    }
    let aligned = try input.alignedLabelSets(paths)
    var options = ReportOptions(
      title: title, evaluation: scoring.evaluation, seed: seed, resamples: resamples,
      confidence: confidence, toolVersion: F1KitTool.version)
    options.inputSettings = inputSettings
    let report: MultilabelReport
    let bar = ProgressBar(label: "resampling", isQuiet: isQuiet || resamples == 0)
    do {
      defer { bar.finish() }
      report = try MultilabelReport(
        gold: aligned.gold, predictions: aligned.predictions, labels: aligned.labels,
        weights: aligned.weights, names: names, sourceFiles: paths, options: options,
        progress: bar.handler)
    } catch let error as MetricsError {
      throw .usage(error.description)
    } catch {
      throw .usage("\(error)")
    }
    let isTabled = format != .html || tablesDirectory != nil
    guard !isTabled || report.comparison != nil else {
      throw .usage(
        "tables need intervals: --format \(format.rawValue) and --tables-dir need --resamples above 0"
      )
    }
    do {
      try HTMLReport.write(report, toFile: out.path)
      if let json { try report.writeJSON(toFile: json.path) }
    } catch {
      throw Self.writeFailure(error)
    }
    Console.writeError(Self.wroteLine(out.path))
    guard let comparison = report.comparison, isTabled else { return "" }
    let tables = MultilabelReport.comparedMetrics.flatMap {
      ResultTable.multilabelComparisonTables(comparison, metric: $0, digits: digits)
    }
    if let tablesDirectory { try Self.write(tables, into: tablesDirectory.path) }
    switch format {
    case .html: return ""
    case .markdown: return CommandOutput(tables.rendered(as: .markdown))
    case .latex: return CommandOutput(tables.rendered(as: .latex))
    }
  }
}
