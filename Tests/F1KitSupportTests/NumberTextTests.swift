import F1KitSupport
import Testing

@Suite("The one number formatter")
struct NumberTextTests {
  @Test(
    "fixed decimals never show a negative zero, in either style",
    arguments: [
      (-0.0001, 3, "0.000", "0.000"),
      (-0.0, 2, "0.00", "0.00"),
      (-0.025, 3, "-0.025", "−0.025"),
      (0.7906, 4, "0.7906", "0.7906"),
      (Double.nan, 3, "nan", "undefined"),
      (-Double.infinity, 1, "-inf", "−∞"),
    ])
  func fixed(value: Double, digits: Int, plain: String, typographic: String) {
    #expect(NumberText.fixed(value, digits: digits) == plain)
    #expect(NumberText.fixed(value, digits: digits, style: .typographic) == typographic)
  }

  @Test("signed differences carry + or the style's minus, and zero none")
  func signed() {
    #expect(NumberText.signed(0.031, digits: 4) == "+0.0310")
    #expect(NumberText.signed(-0.0084, digits: 4, style: .typographic) == "−0.0084")
    #expect(NumberText.signed(-0.00001, digits: 4) == "0.0000")
  }

  @Test("counts are grouped in thousands with the style's minus")
  func grouped() {
    #expect(NumberText.grouped(11_813) == "11,813")
    #expect(NumberText.grouped(999) == "999")
    #expect(NumberText.grouped(-1_234_567) == "-1,234,567")
    #expect(NumberText.grouped(-1_000, style: .typographic) == "−1,000")
  }

  @Test("shortest forms read back to the same Double")
  func shortest() {
    for value in [0.1, 1.0 / 3, 0.8123456789012345, 1e-5, 123_456_789.125, -2.5] {
      #expect(Double(NumberText.shortest(value)) == value)
      #expect(Double(NumberText.shortestBare(value)) == value)
    }
    #expect(NumberText.shortest(3) == "3.0")
    #expect(NumberText.shortestBare(3) == "3")
    #expect(NumberText.shortestBare(.nan) == "nan")
  }
}
