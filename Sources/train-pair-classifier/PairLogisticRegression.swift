import F1KitEvaluation
import Foundation

/// A logistic regression over ``PairFeatures``, trained with AdaGrad on
/// mini-batches; its one output is the probability that the pair is
/// similar.
struct PairLogisticRegression: CrossEncoder {
  let features = PairFeatures()
  var weights = [Double](repeating: 0, count: PairFeatures.dimension)
  private var squaredGradients = [Double](repeating: 0, count: PairFeatures.dimension)
  var learningRate = 0.2
  var l2 = 1e-6

  var outputCount: Int { 1 }

  func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
    pairs.map { [probability(features.vector(for: $0))] }
  }

  func probability(_ vector: PairFeatures.Vector) -> Double {
    var logit = 0.0
    for (index, value) in vector { logit += weights[index] * value }
    return 1 / (1 + exp(-logit))
  }

  /// Takes one AdaGrad step on the mean log-loss of a mini-batch.
  ///
  /// - Returns: The batch's mean log-loss before the step.
  @discardableResult
  mutating func step(on batch: [(vector: PairFeatures.Vector, label: Int)]) -> Double {
    var gradient: [Int: Double] = [:]
    var loss = 0.0
    for (vector, label) in batch {
      let probability = probability(vector)
      loss -= label == 1 ? log(max(probability, 1e-12)) : log(max(1 - probability, 1e-12))
      let error = (probability - Double(label)) / Double(batch.count)
      for (index, value) in vector { gradient[index, default: 0] += error * value }
    }
    for (index, raw) in gradient {
      let gradient = raw + l2 * weights[index]
      squaredGradients[index] += gradient * gradient
      weights[index] -= learningRate * gradient / (squaredGradients[index].squareRoot() + 1e-8)
    }
    return loss / Double(batch.count)
  }
}
