import Foundation

/// McNemar's test that two models have the same accuracy, from the items
/// exactly one of them gets right.
///
/// Of the *b* + *c* discordant items, *b* are right only for the first
/// model and *c* only for the second. Under the null hypothesis each
/// discordant item is equally likely to be either kind, so *b* ~
/// Binomial(*b* + *c*, ½).
///
/// The default is the mid-p test recommended by [Fagerland, Lydersen and
/// Laake 2013, "The McNemar test for binary matched-pairs data: mid-p and
/// asymptotic are better than exact
/// conditional"](https://doi.org/10.1186/1471-2288-13-91): it keeps close
/// to the nominal size where the exact test is conservative. When *b* +
/// *c* = 0 the models never disagree on correctness and every method gives
/// statistic 0 and p = 1 (statsmodels gives an infinite statistic and
/// p = 0 for the chi-square test).
public struct McNemarTest: Hashable, Sendable, Codable {
  /// How the p-value is computed.
  public enum Method: String, CaseIterable, Hashable, Sendable, Codable {
    /// The mid-p test: 2 [P(X ≤ min(b, c)) − ½ P(X = min(b, c))] with
    /// X ~ Binomial(b + c, ½), capped at 1. The default.
    case midP = "mid_p"
    /// The exact conditional test: 2 P(X ≤ min(b, c)), capped at 1, as
    /// statsmodels' `mcnemar(exact=True)`.
    case exact
    /// The chi-square test with Edwards' continuity correction,
    /// (|b − c| − 1)² / (b + c) on one degree of freedom, as statsmodels'
    /// `mcnemar(exact=False, correction=True)`. When b = c the correction
    /// is not applied (statistic 0, p = 1), as R's `mcnemar.test` does;
    /// statsmodels' (0 − 1)² / (b + c) would report p < 1 for an observed
    /// difference of exactly zero.
    case chiSquare = "chi_square"
    /// The chi-square test without continuity correction, (b − c)² / (b +
    /// c), as statsmodels' `mcnemar(exact=False, correction=False)`.
    case chiSquareUncorrected = "chi_square_uncorrected"
  }

  /// The number of items only the first model gets right (*b*).
  public var firstOnlyCorrect: Int
  /// The number of items only the second model gets right (*c*).
  public var secondOnlyCorrect: Int
  /// How the p-value was computed.
  public var method: Method
  /// min(*b*, *c*) for the binomial methods, as statsmodels reports it;
  /// the chi-square statistic otherwise.
  public var statistic: Double
  /// The two-sided p-value.
  public var pValue: Double

  /// Runs the test on discordant counts.
  ///
  /// - Parameters:
  ///   - firstOnlyCorrect: *b*, the items only the first model gets right;
  ///     zero or more.
  ///   - secondOnlyCorrect: *c*, the items only the second model gets
  ///     right; zero or more.
  ///   - method: How the p-value is computed; mid-p by default.
  /// - Complexity: O(min(*b*, *c*)) for the binomial methods, O(1) for the
  ///   chi-square ones.
  public init(firstOnlyCorrect: Int, secondOnlyCorrect: Int, method: Method = .midP) {
    precondition(firstOnlyCorrect >= 0 && secondOnlyCorrect >= 0, "counts must not be negative")
    self.firstOnlyCorrect = firstOnlyCorrect
    self.secondOnlyCorrect = secondOnlyCorrect
    self.method = method
    let b = firstOnlyCorrect
    let c = secondOnlyCorrect
    let discordant = b + c
    let smaller = min(b, c)
    guard discordant > 0 else {
      statistic = 0
      pValue = 1
      return
    }
    switch method {
    case .exact:
      statistic = Double(smaller)
      pValue = min(1, 2 * BinomialProbability.cumulativeHalf(smaller, trials: discordant))
    case .midP:
      statistic = Double(smaller)
      let cumulative = BinomialProbability.cumulativeHalf(smaller, trials: discordant)
      let point = BinomialProbability.pointProbability(
        smaller, trials: discordant, probability: 0.5)
      pValue = min(1, 2 * (cumulative - 0.5 * point))
    case .chiSquare, .chiSquareUncorrected:
      let gap = Double(abs(b - c))
      let correction = method == .chiSquare && b != c ? 1.0 : 0.0
      statistic = (gap - correction) * (gap - correction) / Double(discordant)
      // The survival function of chi-square with one degree of freedom.
      pValue = erfc((statistic / 2).squareRoot())
    }
  }
}
