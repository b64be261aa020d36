extension RandomNumberGenerator {
  /// Returns a uniform double in [0, 1) built from the top 53 bits of one
  /// output, as NumPy's `next_double` does.
  @inline(__always)
  mutating func nextUnitInterval() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}
