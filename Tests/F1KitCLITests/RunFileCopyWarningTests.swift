import Foundation
import Testing
import _TestSupport

/// A run file given for one model that holds another model's bytes is
/// warned about; each file's first bytes are read once, so files that
/// agree in their size and first 16 KiB must still be compared whole.
@Suite("f1kit compare: run files with another model's bytes")
struct RunFileCopyWarningTests {
  /// `count` rows of a binary task, each row's prediction wrong on every
  /// fifth row, and wrong where right (or right where wrong) on `flipped`.
  private static func rows(count: Int, flipped: Set<Int> = []) -> String {
    "label,prediction\n"
      + (0..<count).map { row in
        let gold = row % 3 == 0 ? 1 : 0
        let isWrong = (row % 5 == 0) != flipped.contains(row)
        return "\(gold),\(isWrong ? 1 - gold : gold)\n"
      }.joined()
  }

  @Test(
    "a file as long as another and equal in its first 16 KiB is no copy; a true copy is warned about once"
  )
  func fingerprintsDecideNothingAlone() throws {
    let directory = TemporaryDirectory()
    // 6,000 rows of 4 bytes: 24 KiB, and a prediction changed past the
    // first 16 KiB keeps the size and the first bytes.
    let a1 = directory.write("a1.csv", Self.rows(count: 6_000))
    let a2 = directory.write("a2.csv", Self.rows(count: 6_000, flipped: [1]))
    let lateDiffer = directory.write("b1.csv", Self.rows(count: 6_000, flipped: [5_900]))
    let copy = directory.write("b2.csv", Self.rows(count: 6_000, flipped: [1]))
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: a1)).prefix(1 << 14)
        == Data(contentsOf: URL(fileURLWithPath: lateDiffer)).prefix(1 << 14))
    let result = try runF1Kit(
      ["compare", "A=\(a1),\(a2)", "B=\(lateDiffer),\(copy)", "--resamples", "100", "-q"])
    #expect(result.status == 0, "\(result.standardError)")
    let warnings = result.standardError.split(separator: "\n").filter {
      $0.contains("has the same bytes")
    }
    #expect(
      warnings == [
        "warning: '\(copy)' has the same bytes as '\(a2)' of 'A', so 'B' shares its predictions; check the arguments unless this is a sanity check"
      ], "\(result.standardError)")
    // The late difference alone, between two models of one file each.
    let single = try runF1Kit(["compare", a1, lateDiffer, "--resamples", "100", "-q"])
    #expect(single.status == 0, "\(single.standardError)")
    #expect(!single.standardError.contains("has the same bytes"), "\(single.standardError)")
  }
}
