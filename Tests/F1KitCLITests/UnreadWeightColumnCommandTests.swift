import Foundation
import Testing
import _TestSupport

/// A file with a column of sample weights read without `--weight-column`:
/// every item counts once, where scikit-learn's `sample_weight` would
/// weigh it, so the commands say the column is not read.
@Suite("A column named as sample weights is not left unread without a word")
struct UnreadWeightColumnCommandTests {
  static let weighted = "fixtures/examples/weighted.csv"
  static let counts = "fixtures/examples/weighted-counts.csv"

  static let cases: [(arguments: [String], file: String)] = [
    (["evaluate", weighted, "--pred-column", "a"], weighted),
    (["compare", weighted, "--pred-columns", "a,b", "--resamples", "100", "-q"], weighted),
    (["evaluate", counts, "--pred-column", "a"], counts),
  ]

  @Test("evaluate and compare name the unread weight column and the option", arguments: cases)
  func unreadWeights(arguments: [String], file: String) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 0, "\(result.standardError)")
    let note =
      "warning: \(file): the column \"weight\" is not read, so every item counts once; give --weight-column weight to weight the items, as scikit-learn's sample_weight does\n"
    #expect(result.standardError.contains(note), "\(result.standardError)")
    #expect(result.standardError.components(separatedBy: "is not read").count == 2)
  }

  @Test("with --weight-column the column is read and nothing is said")
  func readWeights() throws {
    let result = try runF1Kit([
      "evaluate", Self.weighted, "--pred-column", "a", "--weight-column", "weight",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("is not read"), "\(result.standardError)")
  }
}
