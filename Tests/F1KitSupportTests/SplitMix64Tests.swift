import F1KitSupport
import Testing

@Suite("SplitMix64")
struct SplitMix64Tests {
  @Test("reproduces the reference outputs of splitmix64.c for seed 1234567")
  func matchesReference() {
    // The first outputs of https://prng.di.unimi.it/splitmix64.c for
    // x = 1234567, as used by the Java and C test vectors.
    var generator = SplitMix64(seed: 1_234_567)
    let outputs = (0..<5).map { _ in generator.next() }
    #expect(
      outputs == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
      ])
  }
}
