import Foundation
import Testing
import _TestSupport

/// Predictions written in a model's own label order: an NLI cross-encoder
/// whose argmax index 0 is contradiction, scored against a dataset whose
/// 0 is entailment.
@Suite("Predictions whose labels are in another order than the gold labels' are warned about")
struct PermutedLabelsCommandTests {
  /// 300 items of three classes, 85% predicted right.
  static let items: [(gold: Int, predicted: Int)] = (0..<300).map { item in
    let gold = item % 3
    return (gold, item % 7 == 0 ? (gold + 1 + item % 2) % 3 : gold)
  }

  /// The items, each prediction written through `order`.
  static func file(_ order: [Int]) -> String {
    "label,prediction\n" + items.map { "\($0.gold),\(order[$0.predicted])\n" }.joined()
  }

  static let warning =
    "warning: nli.csv's predictions fit the gold labels far better with the labels renamed (predicted \"0\" as \"2\", \"1\" as \"0\", \"2\" as \"1\"): accuracy 0.857 instead of 0.070; the model's labels are probably in another order than the data's (check the model's id2label against the dataset's label names) — every number below scores the order as given\n"

  @Test(
    "evaluate, compare and gate warn with the renaming and the accuracy it would give",
    arguments: [
      ["evaluate", "nli.csv"], ["compare", "right.csv", "nli.csv", "--resamples", "100", "-q"],
      [
        "gate", "right.csv", "nli.csv", "--metric", "macro_f1", "--margin", "0.01",
        "--resamples", "100", "-q",
      ],
    ])
  func permutedPredictions(arguments: [String]) throws {
    let directory = TemporaryDirectory()
    directory.write("nli.csv", Self.file([1, 2, 0]))
    directory.write("right.csv", Self.file([0, 1, 2]))
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.standardError.contains(Self.warning), "\(result.standardError)")
  }

  @Test("compare over runs names the one run whose labels look renamed")
  func renamedRun() throws {
    let directory = TemporaryDirectory()
    for run in 1...3 {
      directory.write("a\(run).csv", Self.file([0, 1, 2]))
      directory.write("b\(run).csv", Self.file(run == 2 ? [1, 2, 0] : [0, 1, 2]))
    }
    let result = try runF1Kit(
      ["compare", "A=a1.csv,a2.csv,a3.csv", "B=b1.csv,b2.csv,b3.csv", "--resamples", "100", "-q"],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        Self.warning.replacingOccurrences(of: "nli.csv", with: "b2.csv")),
      "\(result.standardError)")
    #expect(result.standardError.components(separatedBy: "renamed").count == 2)
  }

  @Test("advise gives the renaming as advice, not again as a warning")
  func adviseGivesAdvice() throws {
    let directory = TemporaryDirectory()
    directory.write("nli.csv", Self.file([1, 2, 0]))
    let result = try runF1Kit(["advise", "nli.csv"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("renamed"), "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "warning: The predicted labels look renamed: the model's label order is not the data's [renamed-labels]"
      ), "\(result.standardOutput)")
  }

  @Test("a model in the data's order, or a weak one, draws no warning")
  func rightOrderIsQuiet() throws {
    let directory = TemporaryDirectory()
    directory.write("right.csv", Self.file([0, 1, 2]))
    // Every item predicted as the next class but one in three: a weak
    // model, not a renamed one.
    directory.write(
      "weak.csv",
      "label,prediction\n"
        + Self.items.enumerated().map {
          "\($1.gold),\($0 % 3 == 0 ? ($1.gold + 1) % 3 : $1.gold)\n"
        }
        .joined())
    for file in ["right.csv", "weak.csv"] {
      let result = try runF1Kit(["evaluate", file], in: directory.url)
      #expect(!result.standardError.contains("renamed"), "\(file): \(result.standardError)")
    }
  }
}
