extension MarginReachability {
  /// The clause after a needed size that says how far one test set pins
  /// it down (``requiredCountRange``), for the gate and for `compare`:
  /// ", a size that rests on the 21 items the models label differently, so
  /// it could be anywhere from about 480 to 1,200", or with groups "…rests
  /// on the spread of the 60 groups' differences…". The ends are rounded
  /// outwards to two significant digits.
  ///
  /// - Parameters:
  ///   - range: The range of needed sizes.
  ///   - unit: What the sizes count.
  ///   - count: The number of units behind the interval.
  ///   - differingCount: The items the models label differently, when
  ///     known.
  /// - Returns: The clause, starting with a comma.
  static func rangeClause(
    _ range: ClosedRange<Int>, unit: Unit, count: Int, differingCount: Int?
  ) -> String {
    let basis: String
    if unit == .items, let differingCount {
      basis = "the \(ModelComparison.count(differingCount)) items the models label differently"
    } else {
      basis = "the spread of the \(ModelComparison.count(count)) \(unit.rawValue)' differences"
    }
    let rough = roughRange(range)
    let low = ModelComparison.count(rough.lowerBound)
    let high = ModelComparison.count(rough.upperBound)
    return ", a size that rests on \(basis), so it could be anywhere from about \(low) to \(high)"
  }

  /// ``requiredCountRange`` with its ends rounded outwards to two
  /// significant digits, as the gate and `compare` print them, so that a
  /// range does not claim more precision than it has.
  public var roughRequiredCountRange: ClosedRange<Int>? {
    requiredCountRange.map(Self.roughRange)
  }

  /// A range with its ends rounded outwards to two significant digits.
  private static func roughRange(_ range: ClosedRange<Int>) -> ClosedRange<Int> {
    ReleaseDecision.roughCount(
      range.lowerBound, rounding: .down)...ReleaseDecision.roughCount(
        range.upperBound, rounding: .up)
  }
}
