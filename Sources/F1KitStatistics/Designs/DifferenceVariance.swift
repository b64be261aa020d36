/// The variance of a difference of two models' means over several runs,
/// split into the part more test items shrink and the part they do not, with
/// the Welch–Satterthwaite degrees of freedom the experiment's interval uses
/// (``ExperimentComparison``, `RunVariance`).
///
/// With *C* test items (or groups) grown to *m*, write *k* = *C*/*m*. The
/// item part of the variance shrinks to *k* times itself; each model's seed
/// part σ²_A/*R* stays; each model's *S*²/*R*, the runs' spread that the
/// degrees of freedom rest on, keeps its seed part and shrinks its
/// seed-by-item interaction to *k* times itself. The degrees of freedom at
/// *m* are then the variance squared over the sum of each model's
/// (*S*²/*R*)²/(*R* − 1), as for the observed test set. As *m* grows the
/// seed part takes over, so the degrees fall towards those of the runs
/// alone, and Student's *t* quantile grows: a size computed with normal
/// quantiles can come out smaller than a test set whose interval is too
/// wide.
public struct DifferenceVariance: Hashable, Sendable {
  /// One model's share of the difference's variance.
  public struct Model: Hashable, Sendable {
    /// The number of runs.
    public var runCount: Int
    /// *S*²/*R*: the runs' sample variance over their number; 0 with one
    /// run.
    public var meanSquare: Double
    /// The seed part of the variance of the model's mean: *S*²/*R* less
    /// the seed-by-item interaction, at least 0.
    public var seedVariance: Double

    /// Creates a model's share.
    ///
    /// - Parameters:
    ///   - runCount: The number of runs.
    ///   - meanSquare: The runs' sample variance over their number.
    ///   - seedVariance: The seed part of the variance of the mean.
    public init(runCount: Int, meanSquare: Double, seedVariance: Double) {
      self.runCount = runCount
      self.meanSquare = meanSquare
      self.seedVariance = seedVariance
    }
  }

  /// The test-item part of the difference's variance on the observed test
  /// set.
  public var itemVariance: Double
  /// The two models' shares, baseline (first) then candidate (second).
  public var models: [Model]

  /// Creates a split variance.
  ///
  /// - Parameters:
  ///   - itemVariance: The test-item part on the observed test set.
  ///   - models: The two models' shares.
  public init(itemVariance: Double, models: [Model]) {
    self.itemVariance = itemVariance
    self.models = models
  }

  /// The seed part of the difference's variance, which more test items do
  /// not reduce.
  public var seedVariance: Double { models.reduce(0) { $0 + $1.seedVariance } }

  /// The difference's variance when the test set is `1/scale` times as
  /// large.
  ///
  /// - Parameter scale: The observed size over the new size, *k*.
  /// - Returns: The seed part plus *k* times the item part.
  public func variance(scale: Double) -> Double { seedVariance + scale * itemVariance }

  /// The Welch–Satterthwaite degrees of freedom when the test set is
  /// `1/scale` times as large, as the experiment's interval would use them;
  /// at scale 1 the interval's own.
  ///
  /// - Parameter scale: The observed size over the new size, *k*.
  /// - Returns: At least 1, or +∞ when no model's runs vary (also above
  ///   `RunVariance.normalDegreesOfFreedom`).
  public func degreesOfFreedom(scale: Double) -> Double {
    let denominator = models.reduce(0.0) { sum, model in
      let spread = model.seedVariance + scale * max(0, model.meanSquare - model.seedVariance)
      return sum + RunVariance.satterthwaiteTerm(meanSquare: spread, runCount: model.runCount)
    }
    return RunVariance.degreesOfFreedom(variance: variance(scale: scale), denominator: denominator)
  }
}
