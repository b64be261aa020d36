import F1Kit
import Foundation

/// Two tests of whether binary probabilities are calibrated, and how they
/// are off when they are not: the numbers of
/// ``AdviceRule/miscalibratedProbabilities``.
///
/// Under calibration each item is positive with its score's probability,
/// so both statistics are sums of independent terms with mean 0, divided by
/// their standard deviation: approximately standard normal.
///
/// - Spiegelhalter's z (Spiegelhalter, 1986, *Statistics in Medicine*
///   5(5):421–433) standardises the Brier score:
///   Σ(yᵢ − pᵢ)(1 − 2pᵢ) / √Σ(1 − 2pᵢ)² pᵢ(1 − pᵢ). It is positive when the
///   scores are too close to 0 and 1, negative when too close to 0.5, and
///   blind to scores that are all too high or all too low by the same
///   amount, whose terms cancel either side of 0.5.
/// - The calibration-in-the-large z, (Σyᵢ − Σpᵢ) / √Σpᵢ(1 − pᵢ), compares
///   the number of positives with the number the scores forecast: negative
///   when the scores are too high, positive when too low.
package struct CalibrationTest {
  /// How the scores are off, read from the reliability bins.
  package enum Direction: Equatable {
    /// Above the observed rate of positives in the bins holding most of
    /// the error.
    case tooHigh
    /// Below the observed rate of positives in the bins holding most of
    /// the error.
    case tooLow
    /// Too close to 0 and 1: too high above 0.5, too low below it.
    case overconfident
    /// Too close to 0.5: too low above 0.5, too high below it.
    case underconfident
    /// Too high in some bins and too low in others, in no simpler pattern.
    case mixed
  }

  /// Spiegelhalter's z; NaN when every score is 0, 0.5 or 1.
  package let spiegelhalterZ: Double
  /// The calibration-in-the-large z; NaN when every score is 0 or 1.
  package let calibrationInTheLargeZ: Double
  /// The mean score.
  package let meanScore: Double
  /// The share of items that are positive.
  package let positiveRate: Double
  /// The reliability bins the expected calibration error sums over.
  package let diagram: ReliabilityDiagram
  /// The expected calibration error, the bins' weighted mean gap between
  /// mean score and observed rate.
  package let expectedCalibrationError: Double
  /// How the scores are off.
  package let direction: Direction

  /// Tests binary probabilities.
  ///
  /// - Parameter scores: The model's scores and gold labels.
  /// - Returns: `nil` when a score is outside [0, 1].
  /// - Complexity: O(*n*).
  package init?(_ scores: BinaryScores) {
    guard let diagram = ReliabilityDiagram(scores) else { return nil }
    var spiegelhalter = (sum: 0.0, variance: 0.0)
    var large = (sum: 0.0, variance: 0.0)
    var total = 0.0
    var positives = 0
    for (score, isPositive) in zip(scores.scores, scores.isPositive) {
      let gold: Double = isPositive ? 1 : 0
      let variance = score * (1 - score)
      let lean = 1 - 2 * score
      spiegelhalter.sum += (gold - score) * lean
      spiegelhalter.variance += lean * lean * variance
      large.sum += gold - score
      large.variance += variance
      total += score
      if isPositive { positives += 1 }
    }
    spiegelhalterZ =
      spiegelhalter.variance > 0 ? spiegelhalter.sum / spiegelhalter.variance.squareRoot() : .nan
    calibrationInTheLargeZ = large.variance > 0 ? large.sum / large.variance.squareRoot() : .nan
    meanScore = total / Double(scores.count)
    positiveRate = Double(positives) / Double(scores.count)
    self.diagram = diagram
    // Each bin's share of the items times its gap, signed: positive where
    // the scores are above the observed rate.
    var gaps = (above: 0.0, below: 0.0, outward: 0.0)
    for bin in diagram.bins where bin.count > 0 {
      let gap = Double(bin.count) / Double(scores.count) * (bin.meanConfidence - bin.observedRate)
      if gap > 0 { gaps.above += gap } else { gaps.below -= gap }
      // Above 0.5 a score too high is too sure; below 0.5 a score too low.
      if bin.meanConfidence > 0.5 {
        gaps.outward += gap
      } else if bin.meanConfidence < 0.5 {
        gaps.outward -= gap
      }
    }
    let error = gaps.above + gaps.below
    expectedCalibrationError = error
    direction =
      if gaps.above >= Self.dominantShare * error {
        .tooHigh
      } else if gaps.below >= Self.dominantShare * error {
        .tooLow
      } else if gaps.outward >= Self.patternShare * error {
        .overconfident
      } else if -gaps.outward >= Self.patternShare * error { .underconfident } else { .mixed }
  }

  /// The share of the calibration error that must lie on one side for the
  /// scores to count as too high or too low overall: 3/4.
  static let dominantShare = 0.75

  /// The share of the calibration error that must follow the distance
  /// from 0.5 for the scores to count as over- or underconfident: 1/2.
  static let patternShare = 0.5

  /// The two-sided p-value of the larger of the two z statistics.
  package var pValue: Double {
    let z = max(
      abs(spiegelhalterZ.isNaN ? 0 : spiegelhalterZ),
      abs(calibrationInTheLargeZ.isNaN ? 0 : calibrationInTheLargeZ))
    return erfc(z / 2.0.squareRoot())
  }

  /// Whether either z statistic is at least `limit` in magnitude.
  ///
  /// - Parameter limit: The magnitude of z that counts as significant.
  /// - Returns: Whether the scores differ significantly from calibrated.
  package func isSignificant(at limit: Double) -> Bool {
    abs(spiegelhalterZ) >= limit || abs(calibrationInTheLargeZ) >= limit
  }

  /// The bins that show the miscalibration most: the `count` nonempty bins
  /// with the largest share of items times gap (the lower bin first among
  /// equals), in score order.
  ///
  /// - Parameter count: How many bins at most.
  /// - Returns: The bins.
  package func worstBins(_ count: Int) -> [ReliabilityDiagram.Bin] {
    func weight(_ bin: ReliabilityDiagram.Bin) -> Double {
      Double(bin.count) * abs(bin.meanConfidence - bin.observedRate)
    }
    return diagram.bins.filter { $0.count > 0 && $0.meanConfidence != $0.observedRate }
      .sorted { (weight($0), -$0.lowerEdge) > (weight($1), -$1.lowerEdge) }
      .prefix(count).sorted { $0.lowerEdge < $1.lowerEdge }
  }
}
