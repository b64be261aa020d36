/// Runs a resampling loop on a ``Xoshiro256StarStar`` driven by the
/// caller's generator, so the loop is compiled for one concrete generator.
///
/// Generic code called from another module runs unspecialized: every
/// `next()` would go through a witness table, which makes item-level loops
/// several times slower. When the caller's generator is a
/// ``Xoshiro256StarStar`` it is used in place, and its state advances by
/// the draws made. Any other generator (such as
/// `SystemRandomNumberGenerator`) gives one 64-bit output that seeds a
/// ``Xoshiro256StarStar`` for the loop, so the result still depends only on
/// the caller's generator.
///
/// - Parameters:
///   - generator: The caller's generator.
///   - body: The loop.
/// - Returns: What `body` returns.
func withResamplingGenerator<Generator: RandomNumberGenerator, Result>(
  _ generator: inout Generator, _ body: (inout Xoshiro256StarStar) -> Result
) -> Result {
  if Generator.self == Xoshiro256StarStar.self {
    return withUnsafeMutablePointer(to: &generator) { pointer in
      pointer.withMemoryRebound(to: Xoshiro256StarStar.self, capacity: 1) { body(&$0.pointee) }
    }
  }
  var derived = Xoshiro256StarStar(seed: generator.next())
  return body(&derived)
}
