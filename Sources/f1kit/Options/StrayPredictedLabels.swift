import F1Kit
import F1KitReading
import F1KitStatistics
import F1KitSupport
import Foundation

/// Predicted labels that no gold item has, found in the counts a
/// comparison is made from: each is scored as a class of its own, so a
/// typo such as `positve` in a few rows of one run turns a binary problem
/// into a three-class one. Nothing is refused and no number changes; the
/// warnings say which file, which label, how many items and what it does
/// to the classes. With `--labels`, the gold labels it leaves out are
/// warned about instead.
enum StrayPredictedLabels {
  /// The warnings for models scored from confusion matrices, one per
  /// model, over any label orders: gold counts are the first matrix's.
  ///
  /// - Parameters:
  ///   - matrices: Each model's confusion matrix.
  ///   - sources: Each model's file, or column, in messages.
  ///   - evaluation: How the problem is scored.
  ///   - includesRenamings: Whether to add the warning for predictions
  ///     whose labels fit far better renamed (`PermutedLabels`).
  /// - Returns: The warnings, in label order, then the renamings'.
  static func warnings(
    matrices: [ConfusionMatrix], sources: [String], evaluation: EvaluationOptions,
    includesRenamings: Bool = true
  ) -> [String] {
    guard let first = matrices.first else { return [] }
    var union: [String] = []
    var seen: Set<ExactLabel> = []
    for label in matrices.flatMap(\.labels) where seen.insert(ExactLabel(label)).inserted {
      union.append(label)
    }
    let labels = LabelOrdering.sorted(union)
    let positions = labels.exactLabelPositions()
    let tally = { (matrix: ConfusionMatrix, totals: [Int]) in
      var counts = [Int](repeating: 0, count: labels.count)
      for (index, label) in matrix.labels.enumerated() {
        counts[positions[ExactLabel(label)]!] += totals[index]
      }
      return counts
    }
    return warnings(
      labels: labels, goldCounts: tally(first, first.goldTotals),
      predictedCounts: matrices.map { tally($0, $0.predictedTotals) }, sources: sources,
      evaluation: evaluation)
      + (includesRenamings ? PermutedLabels.warnings(matrices: matrices, sources: sources) : [])
  }

  /// The warnings for an experiment's runs, then one for each run whose
  /// labels look renamed (`PermutedLabels`).
  ///
  /// - Parameters:
  ///   - counts: The experiment's counts.
  ///   - labels: The label order its codes refer to.
  ///   - runFiles: Each model's run files (or columns), in order.
  ///   - evaluation: How the problem is scored.
  /// - Returns: The warnings, in label order.
  static func warnings(
    counts: ExperimentCounts, labels: [String], runFiles: [[String]],
    evaluation: EvaluationOptions
  ) -> [String] {
    let tallies = counts.labelTallies()
    let sources = Array(runFiles.joined())
    // A run whose labels look renamed: every run's counts, as a matrix.
    let matrices = counts.runConfusionCounts().compactMap {
      try? ConfusionMatrix(labels: labels, counts: $0)
    }
    return warnings(
      labels: labels, goldCounts: tallies.gold, predictedCounts: tallies.predicted,
      sources: sources, evaluation: evaluation)
      + (matrices.count == sources.count
        ? PermutedLabels.warnings(matrices: matrices, sources: sources) : [])
  }

  /// One warning per predicted label that no gold item has.
  ///
  /// When `--labels` names the classes, such predictions count as errors
  /// and draw no warning; the gold labels it leaves out draw one.
  ///
  /// - Parameters:
  ///   - labels: The label order the counts refer to.
  ///   - goldCounts: How many items carry each label as gold label.
  ///   - predictedCounts: For each source, how many items it predicts each
  ///     label for.
  ///   - sources: Each source's name in messages: its file (a run's file;
  ///     `-` is named `stdin`), or its column.
  ///   - evaluation: How the problem is scored: `--labels` and
  ///     `--positive`.
  /// - Returns: The warnings, in label order.
  /// - Complexity: O(*s* · *k*) for *s* sources and *k* labels.
  static func warnings(
    labels: [String], goldCounts: [Int], predictedCounts: [[Int]], sources: [String],
    evaluation: EvaluationOptions
  ) -> [String] {
    let scored = labels.indices.filter { label in
      goldCounts[label] > 0 || predictedCounts.contains { $0[label] > 0 }
    }
    let nulls = scored.filter { sqlNullSpellings.contains(labels[$0]) }
    let nullWarnings = nulls.map { label in
      sqlNullWarning(
        labels[label], gold: goldCounts[label],
        predicted: predictedCounts.reduce(0) { $0 + $1[label] })
    }
    let spaced = spacedGoldWarnings(labels: labels, goldCounts: goldCounts)
    if evaluation.labels != nil {
      let omitted = omittedLabelsWarning(
        evaluation: evaluation, labels: scored, names: labels, goldCounts: goldCounts,
        predictedCounts: predictedCounts)
      return nullWarnings + spaced + (omitted.map { [$0] } ?? [])
    }
    let gold = labels.indices.filter { goldCounts[$0] > 0 }
    let hint = labelSetHint(labels: labels, gold: gold, isProblemGiven: evaluation.problem != nil)
    if let hint, hint.isMostGold { return nullWarnings + spaced + [hint.text] }
    let goldNames = LabelOrdering.sorted(gold.map { labels[$0] })
    return nullWarnings + spaced + (hint.map { [$0.text] } ?? [])
      + scored.filter { goldCounts[$0] == 0 && !nulls.contains($0) }.map { label in
        let predicting = predictedCounts.indices.filter { predictedCounts[$0][label] > 0 }
        let counts = predicting.enumerated().map { offset, source in
          let count = predictedCounts[source][label]
          let items = offset == 0 ? (count == 1 ? " item" : " items") : ""
          let file = sources[source] == "-" ? "stdin" : sources[source]
          return "\(file) \(offset == 0 ? "predicts " : "")"
            + (offset == 0 ? "\(TerminalText.quoted(labels[label])) for " : "for ")
            + NumberText.grouped(count) + items
        }
        let found =
          counts.joined(separator: ", ") + ", a label no gold item has: "
          + consequence(classCount: scored.count, goldNames: goldNames, evaluation: evaluation)
        // Naming the gold labels would count a number written another
        // way as an error: its spelling must change instead.
        if case .numberSpelledOtherwise(let predicted, let gold, let text) =
          LabelSetCheck.numberSpelledOtherwise(
            gold: goldNames,
            predicted: [labels[label]] + scored.filter { goldCounts[$0] == 0 }.map { labels[$0] }),
          predicted == labels[label]
        {
          return found + "; "
            + PredictionFileError.numberSpellingHint(
              predicted: predicted, gold: gold, text: text)
        }
        return found + "; " + cause(of: labels[label], goldNames: goldNames) + ", or give "
          + LabelOutsideGold.labelsOption(goldNames)
          + " to keep the gold labels' classes (those items then count as errors)"
      }
  }

  /// The warning for gold labels that `--labels` leaves out: as with
  /// scikit-learn's `labels=`, which no warning accompanies, they get no
  /// score of their own and the averages leave them out, which is also
  /// what an order of the classes that forgot one would do. A predicted
  /// label no gold item has is left out on purpose (its items count as
  /// errors), and draws none.
  ///
  /// - Parameters:
  ///   - evaluation: How the problem is scored: the labels `--labels`
  ///     names.
  ///   - labels: The codes of the labels that occur.
  ///   - names: The label of each code.
  ///   - goldCounts: How many items carry each code as gold label.
  ///   - predictedCounts: For each source, how many items it predicts
  ///     each code for.
  /// - Returns: The warning, or `nil` when `--labels` names every gold
  ///   label.
  private static func omittedLabelsWarning(
    evaluation: EvaluationOptions, labels: [Int], names: [String], goldCounts: [Int],
    predictedCounts: [[Int]]
  ) -> String? {
    // Named labels respelled as the metrics respell them (`1.0` names `1`,
    // `TRUE` names `true`), so the warning leaves out what they leave out.
    let occurring = labels.map { names[$0] }
    let named = Set(
      (evaluation.spellingNumbers(like: occurring).spellingBooleans(like: occurring).labels ?? [])
        .map(ExactLabel.init))
    let omitted = labels.filter { goldCounts[$0] > 0 && !named.contains(ExactLabel(names[$0])) }
    guard !omitted.isEmpty else { return nil }
    // How many items predict it, when one model's predictions are counted.
    let described = omitted.prefix(5).map { code in
      let predicted =
        predictedCounts.count == 1
        ? ", \(NumberText.grouped(predictedCounts[0][code])) predicted" : ""
      let items = goldCounts[code] == 1 ? "item" : "items"
      return
        "\(TerminalText.quoted(names[code])) (\(NumberText.grouped(goldCounts[code])) \(items)\(predicted))"
    }
    let more = omitted.count > 5 ? " and \(NumberText.grouped(omitted.count - 5)) more" : ""
    let isPlural = omitted.count > 1
    return
      "--labels leaves out gold \(isPlural ? "labels" : "label") \(described.joined(separator: ", "))\(more): as with scikit-learn's labels=, \(isPlural ? "they get" : "it gets") no score of \(isPlural ? "their" : "its") own and the averages leave \(isPlural ? "them" : "it") out; name every label to keep \(isPlural ? "them" : "it")"
  }

  /// What to check about a predicted label no gold item has: a typo, or,
  /// when it equals a gold label but for spaces around either, the spaces
  /// that a file written with `", "` between fields gives its values.
  private static func cause(of label: String, goldNames: [String]) -> String {
    let trimmed = label.trimmingCharacters(in: .whitespaces)
    guard
      let gold = goldNames.first(where: { $0.trimmingCharacters(in: .whitespaces) == trimmed })
    else { return "check those predictions for a typo" }
    return
      "it differs from gold label \(TerminalText.quoted(gold)) only in spaces around it, as the values of a file written with \", \" between fields do: write it without spaces beside the delimiters"
  }

  /// One warning per set of gold labels that differ only in spaces
  /// around them (`" 1"` beside `"1"`), as a hand-edited file or one
  /// written with `", "` between some fields has: each is scored as a
  /// class of its own, and tables print them alike.
  ///
  /// - Parameters:
  ///   - labels: The label order the counts refer to.
  ///   - goldCounts: How many items carry each label as gold label.
  /// - Returns: The warnings, in label order.
  /// - Complexity: O(*k*) expected for *k* labels.
  private static func spacedGoldWarnings(labels: [String], goldCounts: [Int]) -> [String] {
    var spellings: [String: [Int]] = [:]
    var order: [String] = []
    for label in labels.indices where goldCounts[label] > 0 {
      let trimmed = labels[label].trimmingCharacters(in: .whitespaces)
      if spellings[trimmed] == nil { order.append(trimmed) }
      spellings[trimmed, default: []].append(label)
    }
    return order.compactMap { trimmed in
      guard let codes = spellings[trimmed], codes.count > 1 else { return nil }
      let described = codes.map {
        "\(TerminalText.quoted(labels[$0])) (\(NumberText.grouped(goldCounts[$0])) \(goldCounts[$0] == 1 ? "item" : "items"))"
      }
      let names = described.dropLast().joined(separator: ", ") + " and " + described.last!
      let number =
        Double(trimmed) == nil ? "" : ", though pandas reads them as the one number \(trimmed)"
      return
        "gold labels \(names) differ only in spaces around them and are scored as separate classes\(number); write the file without spaces around its values"
    }
  }

  /// How SQL engines write a missing value when they export text: `\N`
  /// (MySQL, PostgreSQL's `COPY`, Hive) and `NULL` (many clients).
  static let sqlNullSpellings: Set<String> = ["\\N", "NULL"]

  /// The warning for a label spelled as a SQL NULL, which is scored as a
  /// class of its own.
  private static func sqlNullWarning(_ label: String, gold: Int, predicted: Int) -> String {
    var uses: [String] = []
    if gold > 0 {
      uses.append("the gold label of \(NumberText.grouped(gold)) item\(gold == 1 ? "" : "s")")
    }
    if predicted > 0 {
      uses.append("predicted \(NumberText.grouped(predicted)) time\(predicted == 1 ? "" : "s")")
    }
    return
      "label \(TerminalText.quoted(label)) (\(uses.joined(separator: ", "))) looks like a SQL NULL, "
      + "as SQL engines export a missing value, and is scored as a class of its own; leave such rows out "
      + "(WHERE label IS NOT NULL) or name the class (COALESCE(label, 'none'))"
  }

  /// The warning for gold labels that hold `|`, as label sets do: a
  /// multilabel file read as single labels makes every combination of
  /// labels a class of its own. Standard input is never sniffed for label
  /// sets, and a file only in its first records, so sets that first
  /// appear later (or in a few rows) are read as classes. When most gold
  /// labels hold `|`, the warning stands in for a warning per label.
  private static func labelSetHint(labels: [String], gold: [Int], isProblemGiven: Bool)
    -> (text: String, isMostGold: Bool)?
  {
    let sets = gold.filter { labels[$0].contains("|") }
    let isMostGold = sets.count * 2 >= gold.count
    // `--problem multiclass` says that `|` is part of the labels.
    guard !sets.isEmpty, isMostGold || !isProblemGiven else { return nil }
    return (
      "\(sets.count) of the \(gold.count) gold labels hold '|', as label sets do (such as \(TerminalText.quoted(labels[sets[0]]))), and each is scored as a class of its own; if these are label sets, add --problem multilabel (standard input is never sniffed for them, and a file only in its first \(NumberText.grouped(1000)) records)",
      isMostGold
    )
  }

  /// What a class that only predictions have does to the problem.
  private static func consequence(
    classCount: Int, goldNames: [String], evaluation: EvaluationOptions
  ) -> String {
    let classes =
      "it is scored as a class of its own, so the problem has \(classCount) classes where the gold labels have \(goldNames.count)"
    guard goldNames.count == 2 else {
      return classes + " (macro averages count it, with an F1 of 0)"
    }
    let positive = evaluation.positiveLabel ?? PositiveLabelConvention.positiveLabel(of: goldNames)
    let binary = positive.map { " with positive label \(TerminalText.quoted($0))" } ?? ""
    return classes + ": multiclass (macro_f1 by default), not binary\(binary) (binary_f1)"
  }
}
