import Foundation
import Testing
import _TestSupport

/// A model that never predicts the positive label has binary precision
/// 0/0: `evaluate` warns that zero_division decides it, and so must
/// `compare` and `gate`, whose table would otherwise show a confident 0.
@Suite("compare and gate warn when the zero-division rule decides a model's value")
struct CompareZeroDivisionCommandTests {
  /// 40 items; the first model is right on all but every fifth, the
  /// second predicts 0 for every item.
  static let gold: [Int] = (0..<40).map { $0 % 3 == 0 ? 1 : 0 }
  static let some: String =
    "label,prediction\n" + gold.enumerated().map { "\($1),\($0 % 5 == 0 ? 1 - $1 : $1)\n" }.joined()
  static let never: String = "label,prediction\n" + gold.map { "\($0),0\n" }.joined()

  static let warning =
    "warning: never.csv: its binary precision divides zero by zero (it never predicts \"1\") and is scored with zero_division 0, 0.0000; with --zero-division 1 it would be 1.0000. Use --zero-division 0, 1 or nan to choose\n"

  @Test(
    "compare and gate on binary precision name the model and both values",
    arguments: [["compare"], ["gate", "--margin", "0.05"]])
  func warnsWhenTheRuleDecides(command: [String]) throws {
    let directory = TemporaryDirectory()
    directory.write("some.csv", Self.some)
    directory.write("never.csv", Self.never)
    let result = try runF1Kit(
      [
        command[0], "some.csv", "never.csv", "--metric", "binary_precision", "--resamples", "100",
        "-q",
      ] + command.dropFirst(),
      in: directory.url)
    #expect(result.standardError.contains(Self.warning), "\(result.standardError)")
  }

  @Test("no warning when the rule is chosen, or when the compared metric does not depend on it")
  func quietOtherwise() throws {
    let directory = TemporaryDirectory()
    directory.write("some.csv", Self.some)
    directory.write("never.csv", Self.never)
    for extra in [
      ["--metric", "binary_precision", "--zero-division", "0"], ["--metric", "binary_f1"],
    ] {
      let result = try runF1Kit(
        ["compare", "some.csv", "never.csv", "--resamples", "100", "-q"] + extra,
        in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(!result.standardError.contains("divides zero by zero"), "\(extra)")
    }
  }
}
