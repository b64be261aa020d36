import F1Kit
import Testing

@Suite("Default label order")
struct LabelOrderingTests {
  @Test(
    "numbers sort by value, everything else by code point",
    arguments: [
      (["10", "2", "-1", "0"], ["-1", "0", "2", "10"]),
      (["-10", "-2", "3"], ["-10", "-2", "3"]),
      (["b", "a", "B"], ["B", "a", "b"]),
      (["apple", "Zebra", "é", "Ω", "日本"], ["Zebra", "apple", "é", "Ω", "日本"]),
      (["1", "a", "10", "2"], ["1", "10", "2", "a"]),
      (["true", "false"], ["false", "true"]),
      (["yes", "no", "yes"], ["no", "yes"]),
      (["99999999999999999999999", "5"], ["5", "99999999999999999999999"]),
      (["10", "2.5", "-0.5", "1e-05", "2"], ["-0.5", "1e-05", "2", "2.5", "10"]),
      (["1.0", "1", "0.5"], ["0.5", "1", "1.0"]),
      (["-1.5", "-10", "-1.25"], ["-10", "-1.5", "-1.25"]),
      (["1.5", "nan"], ["1.5", "nan"]),
    ])
  func sortsLikeNumPy(input: [String], expected: [String]) {
    #expect(LabelOrdering.sorted(input) == expected)
  }

  @Test("canonically equivalent spellings stay distinct and ordered by scalars")
  func keepsCanonicalEquivalentsApart() {
    let composed = "\u{E9}"
    let decomposed = "e\u{301}"
    #expect(LabelOrdering.sorted([composed, decomposed]) == [decomposed, composed])
  }

  @Test(
    "integer detection",
    arguments: [
      ("12", true), ("-3", true), ("+3", false), ("1.0", false), ("", false), ("-", false),
    ])
  func detectsIntegers(label: String, isInteger: Bool) {
    #expect(LabelOrdering.isInteger(label) == isInteger)
  }
}
