/// Steele, Lea and Flood's SplitMix64 generator: the package's one small,
/// seedable generator, for expanding a seed into a larger generator's
/// state, for reproducible shuffles, and for tests.
///
/// See [Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
/// generators"](https://doi.org/10.1145/2714064.2660195) and the reference
/// code at <https://prng.di.unimi.it/splitmix64.c>.
package struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose outputs follow from `seed` alone.
  ///
  /// - Parameter seed: Any 64-bit value.
  package init(seed: UInt64) {
    state = seed
  }

  /// Returns the next 64 random bits.
  ///
  /// - Returns: The next output of the reference sequence.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
