import F1Kit

/// A renaming of a model's predicted labels to gold labels that makes far
/// more of its predictions right: the mark of a model whose label order
/// is not the data's, as when an NLI cross-encoder's `id2label`
/// (contradiction, entailment, neutral) meets a dataset's (entailment,
/// neutral, contradiction) and the argmax index is written as the label.
public struct LabelRenaming: Hashable, Sendable {
  /// The most labels whose renamings are all tried (8! = 40,320).
  public static let largestLabelCount = 8
  /// The fewest items on which a renaming is trusted to mean something.
  public static let fewestItems = 20
  /// How much more accurate the renamed predictions must be.
  public static let smallestGain = 0.25

  /// A predicted label and the gold label it stands for.
  public struct Renaming: Hashable, Sendable {
    /// The label as the model predicts it.
    public let predicted: String
    /// The gold label it fits.
    public let gold: String
  }

  /// Each renamed predicted label, in label order.
  public let renamings: [Renaming]
  /// The accuracy of the predictions as written.
  public let accuracy: Double
  /// The accuracy of the predictions renamed.
  public let renamedAccuracy: Double

  /// The renaming that makes the most predictions right, when it makes at
  /// least ``smallestGain`` more of them right.
  ///
  /// Only matrices of 2 to ``largestLabelCount`` labels, every one a gold
  /// label, over at least ``fewestItems`` items, are searched: a label
  /// that only predictions have is another mistake, and a few items can
  /// favour a renaming by chance.
  ///
  /// - Parameter matrix: A model's confusion matrix (counts of items,
  ///   whatever their weights).
  /// - Returns: The renaming, or `nil` when none is far better.
  /// - Complexity: O(*k*! · *k*) for *k* labels.
  public init?(bestFor matrix: ConfusionMatrix) {
    let labelCount = matrix.labels.count
    let itemCount = matrix.total
    guard (2...Self.largestLabelCount).contains(labelCount), itemCount >= Self.fewestItems,
      matrix.goldTotals.allSatisfy({ $0 > 0 })
    else { return nil }
    let correct = matrix.correctCount
    let best = Self.mostCorrect(matrix)
    accuracy = Double(correct) / Double(itemCount)
    renamedAccuracy = Double(best.correct) / Double(itemCount)
    guard renamedAccuracy - accuracy >= Self.smallestGain else { return nil }
    renamings = best.goldFor.indices.filter { best.goldFor[$0] != $0 }.map {
      Renaming(predicted: matrix.labels[$0], gold: matrix.labels[best.goldFor[$0]])
    }
  }

  /// The assignment of a gold label to each predicted label that makes
  /// the most predictions right: `goldFor[p]` is the gold label predicted
  /// label `p` stands for.
  private static func mostCorrect(_ matrix: ConfusionMatrix) -> (goldFor: [Int], correct: Int) {
    let labelCount = matrix.labels.count
    var order = Array(0..<labelCount)
    var best = (goldFor: order, correct: -1)
    func search(_ position: Int, _ sum: Int) {
      guard position < labelCount else {
        if sum > best.correct { best = (order, sum) }
        return
      }
      for index in position..<labelCount {
        order.swapAt(position, index)
        search(position + 1, sum + matrix[gold: order[position], predicted: position])
        order.swapAt(position, index)
      }
    }
    search(0, 0)
    return best
  }
}
