import F1KitSupport

/// The resampling steps of a comparison, each drawing from its own
/// generator seeded by the comparison's seed and the step alone.
///
/// No step's draws depend on a model's position or on the other models:
/// every model's interval comes from the same generator, so two models
/// with the same predictions get the same interval, and a model's interval
/// does not move when another model is added, removed or reordered; every
/// pair's paired bootstrap and permutation test start from their own
/// generators, so a pair's numbers do not depend on the pairs before it.
enum ResamplingStream: UInt64, CaseIterable, Sendable {
  /// Each model's own interval: the generator `f1kit evaluate` draws from,
  /// seeded by the seed itself, so a model's interval in a comparison is
  /// the one `evaluate` prints for it with the same labels.
  case marginal = 0
  /// Each pair's paired bootstrap.
  case pairedBootstrap = 1
  /// Each pair's permutation test.
  case permutation = 2

  /// A new generator for this step.
  ///
  /// - Parameter seed: The comparison's seed.
  /// - Returns: A generator that depends on the seed and the step only.
  func generator(seed: UInt64) -> Xoshiro256StarStar {
    guard self != .marginal else { return Xoshiro256StarStar(seed: seed) }
    var mixer = SplitMix64(seed: seed ^ (rawValue &* 0xD1B5_4A32_D192_ED03))
    return Xoshiro256StarStar(seed: mixer.next())
  }
}
