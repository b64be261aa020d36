/// The variance of one model's mean over its runs, split into a seed part
/// and a test-item part by the method of moments, without the
/// seed-by-item interaction that a two-level bootstrap counts more than
/// once.
///
/// Every run scores the same *C* test items, so runs and items are
/// crossed. Write run *r*'s value as μ + *a*ᵣ + b̄ + ēᵣ: a seed effect
/// (variance σ²_A), the items' effect averaged over the test set
/// (σ²_B/*C*) and the run's own item-level noise averaged over the test set
/// (the interaction, σ²_E/*C*). The mean over *R* runs then has variance
/// σ²_A/*R* + σ²_B/*C* + σ²_E/(*RC*). Resampling runs and then items counts
/// the interaction about three times and shrinks the seed part by
/// (*R* − 1)/*R* (McCullagh 2000, [Owen 2007, "The pigeonhole
/// bootstrap"](https://doi.org/10.1214/07-AOAS122)), so the two-level
/// interval is too wide with many runs. The moments fix it:
///
/// - *S*²/*R*, the runs' sample variance over *R*, has expectation
///   σ²_A/*R* + σ²_E/(*RC*);
/// - the items-only bootstrap variance of the mean over all runs,
///   *V*(mean), is about σ²_B/*C* + σ²_E/(*RC*);
/// - the items-only bootstrap variance of one run's value, *V*(run *r*), is
///   about (σ²_B + σ²_E)/*C*;
///
/// so the interaction is [meanᵣ *V*(run *r*) − *V*(mean)]/(*R* − 1), at
/// least 0 since it estimates a variance, and the
/// target variance is max(0, *S*²/*R* − interaction) + *V*(mean): the seed
/// part, clamped at zero, plus the item part. For a linear metric such as
/// accuracy the interaction estimate is exactly the two-way ANOVA
/// interaction sum of squares over *R* *C*² (*R* − 1).
struct RunVariance {
  /// The number of runs.
  var runCount: Int
  /// *S*²/*R*: the sample variance of the runs' values (*R* − 1 in the
  /// denominator) over *R*; 0 with one run.
  var meanSquare: Double
  /// The seed-by-item interaction's share of *S*²/*R*, σ²_E/(*RC*); 0 with
  /// one run.
  var interaction: Double
  /// The items-only bootstrap variance of the mean over all runs.
  var itemVariance: Double

  /// Splits a model's variance.
  ///
  /// - Parameters:
  ///   - runValues: Each run's value on the observed test set.
  ///   - covariance: The items-only covariances of the experiment's runs.
  ///   - runs: This model's runs, as indices into `covariance`.
  /// - Complexity: O(*R*²) for *R* runs.
  init(runValues: [Double], covariance: ItemCovariance, runs: Range<Int>) {
    runCount = runValues.count
    let weight = 1 / Double(runCount)
    itemVariance = covariance.variance(of: runs.map { ($0, weight) })
    guard runCount > 1 else {
      meanSquare = 0
      interaction = 0
      return
    }
    meanSquare = Self.variance(runValues) / Double(runCount)
    let runVariances = runs.reduce(0) { $0 + covariance.covariance($1, $1) }
    // A variance, so at least 0: the items-only values come from the
    // resamples that drew each run, so equal runs can get a slightly
    // negative estimate, which the seed part would then turn into a
    // spread the runs do not have.
    interaction = Swift.max(
      0, (runVariances / Double(runCount) - itemVariance) / Double(runCount - 1))
  }

  /// Splits a model's variance from its runs' items-only values.
  ///
  /// - Parameters:
  ///   - runValues: Each run's value on the observed test set.
  ///   - itemsOnly: Each run's value on the items-only resamples,
  ///     `[run][resample]`, the same resamples for every run; NaN where a
  ///     run has no value.
  /// - Complexity: O(*R*² · *B*) for *B* resamples.
  init(runValues: [Double], itemsOnly: [[Double]]) {
    self.init(
      runValues: runValues, covariance: ItemCovariance(itemsOnly: itemsOnly),
      runs: 0..<itemsOnly.count)
  }

  /// The seed part of the variance: *S*²/*R* less the interaction, at
  /// least 0 (NaN when undefined).
  var seedVariance: Double {
    let difference = meanSquare - interaction
    return difference.isNaN ? .nan : Swift.max(0, difference)
  }

  /// The corrected variance of the mean over runs: seed part plus item
  /// part.
  var variance: Double { seedVariance + itemVariance }

  /// This model's term in the Welch–Satterthwaite denominator:
  /// (*S*²/*R*)²/(*R* − 1), the variance of *S*²/*R* over 2 when the runs
  /// are normal; 0 with one run (no seed variance estimated).
  var satterthwaiteTerm: Double {
    Self.satterthwaiteTerm(meanSquare: meanSquare, runCount: runCount)
  }

  /// A model's term in the Welch–Satterthwaite denominator from its mean
  /// square *S*²/*R* (or a share of it) and its number of runs.
  ///
  /// - Parameters:
  ///   - meanSquare: The mean square.
  ///   - runCount: The number of runs.
  /// - Returns: (*S*²/*R*)²/(*R* − 1); 0 with one run.
  static func satterthwaiteTerm(meanSquare: Double, runCount: Int) -> Double {
    runCount > 1 ? meanSquare * meanSquare / Double(runCount - 1) : 0
  }

  /// The degrees of freedom above which Student's *t* is taken as normal.
  static let normalDegreesOfFreedom = 1e9

  /// The Welch–Satterthwaite degrees of freedom of a corrected variance
  /// whose seed parts come from `models`: the variance squared over the
  /// sum of their terms. The item parts rest on every test item, so they
  /// count as known exactly; with no seed term the degrees are infinite.
  ///
  /// - Parameters:
  ///   - variance: The corrected variance.
  ///   - models: The models whose between-run variances it includes.
  /// - Returns: The degrees of freedom, at least 1, or +∞ (also above
  ///   ``normalDegreesOfFreedom``).
  static func degreesOfFreedom(variance: Double, models: [RunVariance]) -> Double {
    degreesOfFreedom(
      variance: variance, denominator: models.reduce(0) { $0 + $1.satterthwaiteTerm })
  }

  /// The Welch–Satterthwaite degrees of freedom of `variance` over the sum
  /// of the models' terms.
  ///
  /// - Parameters:
  ///   - variance: The corrected variance.
  ///   - denominator: The sum of the models' ``satterthwaiteTerm(meanSquare:runCount:)``.
  /// - Returns: The degrees of freedom, at least 1, or +∞ (also above
  ///   ``normalDegreesOfFreedom``).
  static func degreesOfFreedom(variance: Double, denominator: Double) -> Double {
    guard denominator > 0, variance.isFinite else { return .infinity }
    let degrees = variance * variance / denominator
    // Beyond this Student's t is the normal distribution to double
    // precision's use here (quantiles within 10⁻⁹ relative).
    return degrees > Self.normalDegreesOfFreedom ? .infinity : Swift.max(1, degrees)
  }

  /// The sample variance, *n* − 1 in the denominator; 0 for fewer than two
  /// values, and exactly 0 for equal values.
  ///
  /// The mean of equal values can come out one unit in the last place off
  /// them (three times 0.804 over 3 is 0.8039999999999999), which would
  /// give a variance near 10⁻³², degrees of freedom near 10⁵⁶ and a
  /// Student's *t* far outside its accurate range; runs that score alike
  /// (deterministic training, one file given twice) have no seed part.
  static func variance(_ values: [Double]) -> Double {
    guard values.count > 1 else { return 0 }
    if values.allSatisfy({ $0 == values[0] }) { return 0 }
    let mean = values.reduce(0, +) / Double(values.count)
    var squares = 0.0
    for value in values { squares += (value - mean) * (value - mean) }
    return squares / Double(values.count - 1)
  }
}
