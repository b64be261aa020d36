import F1Kit
import F1KitAdvice
import F1KitSupport

/// Predictions whose labels fit the gold labels far better once renamed
/// (see `LabelRenaming`): every metric is then a confident wrong number,
/// so the warning names the renaming and what it would score.
enum PermutedLabels {
  /// One warning per model whose predictions a renaming of the labels
  /// makes far more accurate.
  ///
  /// - Parameters:
  ///   - matrices: Each model's confusion matrix.
  ///   - sources: Each model's file, or column, in messages.
  /// - Returns: The warnings, in model order, without `warning:`.
  /// - Complexity: O(*m* · *k*! · *k*) for *m* models of *k* ≤ 8 labels.
  static func warnings(matrices: [ConfusionMatrix], sources: [String]) -> [String] {
    zip(matrices, sources).compactMap { matrix, source in
      guard let renaming = LabelRenaming(bestFor: matrix) else { return nil }
      let renamed = renaming.renamings.map {
        "\(TerminalText.quoted($0.predicted)) as \(TerminalText.quoted($0.gold))"
      }
      return
        "\(source == "-" ? "stdin" : source)'s predictions fit the gold labels far better with the labels renamed (predicted \(renamed.joined(separator: ", "))): accuracy \(NumberText.fixed(renaming.renamedAccuracy, digits: 3)) instead of \(NumberText.fixed(renaming.accuracy, digits: 3)); the model's labels are probably in another order than the data's (check the model's id2label against the dataset's label names) — every number below scores the order as given"
    }
  }
}
