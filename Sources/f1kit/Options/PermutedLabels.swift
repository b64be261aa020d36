import F1Kit
import F1KitSupport

/// Predictions whose labels fit the gold labels far better once renamed:
/// the mark of a model whose label order is not the data's, as when an
/// NLI cross-encoder's `id2label` (contradiction, entailment, neutral)
/// meets a dataset's (entailment, neutral, contradiction) and the argmax
/// index is written as the label. Every metric is then a confident wrong
/// number; the warning names the renaming and what it would score.
enum PermutedLabels {
  /// The most labels whose renamings are all tried (8! = 40,320).
  static let largestLabelCount = 8
  /// The fewest items on which a renaming is trusted to mean something.
  static let fewestItems = 20
  /// How much more accurate the renamed predictions must be.
  static let smallestGain = 0.25

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
      warning(matrix, source: source == "-" ? "stdin" : source)
    }
  }

  private static func warning(_ matrix: ConfusionMatrix, source: String) -> String? {
    let k = matrix.labels.count
    let itemCount = matrix.goldTotals.reduce(0, +)
    guard (2...largestLabelCount).contains(k), itemCount >= fewestItems else { return nil }
    // Only labels that are gold labels can be renamed to one another.
    guard matrix.labels.indices.allSatisfy({ matrix.goldTotals[$0] > 0 }) else { return nil }
    let correct = matrix.labels.indices.reduce(0) { $0 + matrix[gold: $1, predicted: $1] }
    guard let best = bestRenaming(matrix), best.correct > correct else { return nil }
    let accuracy = Double(correct) / Double(itemCount)
    let renamed = Double(best.correct) / Double(itemCount)
    guard renamed - accuracy >= smallestGain else { return nil }
    let renamings = best.goldFor.indices.filter { best.goldFor[$0] != $0 }.map {
      "\(TerminalText.quoted(matrix.labels[$0])) as \(TerminalText.quoted(matrix.labels[best.goldFor[$0]]))"
    }
    return
      "\(source)'s predictions fit the gold labels far better with the labels renamed (predicted \(renamings.joined(separator: ", "))): accuracy \(NumberText.fixed(renamed, digits: 3)) instead of \(NumberText.fixed(accuracy, digits: 3)); the model's labels are probably in another order than the data's (check the model's id2label against the dataset's label names) — every number below scores the order as given"
  }

  /// The renaming of predicted labels to gold labels that makes the most
  /// predictions right: `goldFor[p]` is the gold label predicted label
  /// `p` stands for.
  private static func bestRenaming(_ matrix: ConfusionMatrix) -> (goldFor: [Int], correct: Int)? {
    let k = matrix.labels.count
    var order = Array(0..<k)
    var best: (goldFor: [Int], correct: Int)?
    func search(_ position: Int, _ sum: Int) {
      guard position < k else {
        if sum > best?.correct ?? -1 { best = (order, sum) }
        return
      }
      for index in position..<k {
        order.swapAt(position, index)
        search(position + 1, sum + matrix[gold: order[position], predicted: position])
        order.swapAt(position, index)
      }
    }
    search(0, 0)
    return best
  }
}
