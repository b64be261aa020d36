import F1KitStatistics
import Testing
import _TestSupport

@Suite("P-value adjustment")
struct PValueAdjustmentTests {
  @Test(
    "adjusts unsorted p-values and returns them in input order",
    arguments: [
      (PValueAdjustment.holm, [0.06, 0.03, 0.06]),
      (.benjaminiHochberg, [0.04, 0.03, 0.04]),
    ])
  func inputOrder(_ adjustment: PValueAdjustment, _ expected: [Double]) throws {
    let adjusted = try adjustment.adjusted([0.04, 0.01, 0.03])
    for (value, expected) in zip(adjusted, expected) { #expect(agrees(value, expected)) }
  }

  @Test(
    "leaves undefined p-values undefined and out of the count", arguments: PValueAdjustment.allCases
  )
  func undefinedValues(_ adjustment: PValueAdjustment) throws {
    let adjusted = try adjustment.adjusted([0.02, .nan, 0.01])
    #expect(adjusted[1].isNaN)
    #expect(agrees(adjusted[2], 0.02))
  }

  @Test(
    "caps adjusted values at 1 and keeps an empty list empty", arguments: PValueAdjustment.allCases)
  func edges(_ adjustment: PValueAdjustment) throws {
    #expect(try adjustment.adjusted([0.9, 0.8, 0.95]).allSatisfy { $0 <= 1 })
    #expect(try adjustment.adjusted([]).isEmpty)
    #expect(try adjustment.adjusted([0.3]) == [0.3])
  }

  @Test("rejects values outside [0, 1]")
  func invalid() {
    #expect(throws: StatisticsError.invalidPValue(1.2)) {
      try PValueAdjustment.holm.adjusted([0.1, 1.2])
    }
  }
}
