import Foundation
import Testing
import _TestSupport

/// `--labels` as a Python user writes it, the hints that suggest it, and
/// `advise` warning about it as `evaluate` does.
@Suite("f1kit's --labels: JSON lists, hints that can be followed, advise")
struct NamedLabelsCommandTests {
  /// Gold labels 0, 1 and 2 with one stray `unknown`, and predictions of
  /// whole numbers (`predicted(index)` spells each).
  static func strayTextFile(predicted: (Int, Int) -> String) -> String {
    "id,label,prediction\n"
      + (0..<30).map { index in
        let gold = index == 7 ? "unknown" : "\(index % 3)"
        let guess = index % 5 == 0 ? (index + 1) % 3 : index % 3
        return "\(index),\(gold),\(predicted(index, guess))\n"
      }.joined()
  }

  @Test("float predictions beside a text gold label are refused without suggesting --labels")
  func floatPredictionsBesideTextLabel() throws {
    let folder = TemporaryDirectory()
    let file = folder.write("floats.csv", Self.strayTextFile { _, guess in "\(guess).0" })
    let result = try runF1Kit(["evaluate", file])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "predicted \"1.0\" is gold \"1\" written another way, but labels compare as text here, since \"unknown\" is no number"
      ), "\(result.standardError)")
    #expect(!result.standardError.contains("name them all with --labels"))
  }

  @Test(
    "a few float predictions beside a text gold label get a warning that names the spelling, not --labels"
  )
  func fewFloatPredictionsBesideTextLabel() throws {
    let folder = TemporaryDirectory()
    let file = folder.write(
      "few.csv", Self.strayTextFile { index, guess in index == 4 ? "\(guess).0" : "\(guess)" })
    let result = try runF1Kit(["evaluate", file])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "predicts \"1.0\" for 1 item, a label no gold item has: it is scored as a class of its own, so the problem has 5 classes where the gold labels have 4 (macro averages count it, with an F1 of 0); predicted \"1.0\" is gold \"1\" written another way"
      ), "\(result.standardError)")
    #expect(!result.standardError.contains("or give --labels"), "\(result.standardError)")
  }

  @Test(
    "--labels takes a JSON list of numbers or strings, as sorted(set(y)) prints it",
    arguments: ["[0, 1, 2]", "[0.0, 1, 2e0]", "[\"0\", 1, \"2\"]"])
  func jsonListOfNumbers(labels: String) throws {
    let folder = TemporaryDirectory()
    let numbers = folder.write(
      "numbers.csv",
      Self.strayTextFile { _, guess in "\(guess)" }.replacingOccurrences(
        of: ",unknown,", with: ",2,"))
    let commas = try runF1Kit(["evaluate", numbers, "--labels", "0,1,2", "--format", "json"])
    let listed = try runF1Kit(["evaluate", numbers, "--labels", labels, "--format", "json"])
    #expect(listed.status == 0, "\(listed.standardError)")
    #expect(listed.standardOutput == commas.standardOutput)
    #expect(listed.standardError == commas.standardError)
  }

  @Test("--labels refuses a JSON list of Booleans or nulls, naming what it takes")
  func jsonListOfOtherValues() throws {
    let result = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--labels", "[true, null]",
    ])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: The value '[true, null]' is invalid for '--labels <labels>'; expected labels separated by commas, or a JSON array of strings or numbers\n"
      ), "\(result.standardError)")
  }

  @Test("advise warns about gold labels --labels leaves out, as evaluate does")
  func adviseWarnsAboutOmittedGoldLabels() throws {
    let stsb = "fixtures/stsb/test-minilm-l6.csv"
    let evaluated = try runF1Kit(["evaluate", stsb, "--labels", "0", "--format", "json"])
    let advised = try runF1Kit(["advise", stsb, "--labels", "0"])
    #expect(advised.status == 0, "\(advised.standardError)")
    #expect(
      advised.standardError
        == "warning: --labels leaves out gold label \"1\" (673 items, 736 predicted): as with scikit-learn's labels=, it gets no score of its own and the averages leave it out; name every label to keep it\n"
    )
    #expect(advised.standardError == evaluated.standardError)
  }

  @Test("advise warns about a predicted label no gold item has, as evaluate does")
  func adviseWarnsAboutStrayPredictions() throws {
    let folder = TemporaryDirectory()
    let file = folder.write(
      "typo.csv",
      "label,prediction\n"
        + (0..<20).map { $0 == 3 ? "pos,positve\n" : "\($0 % 2 == 0 ? "pos" : "neg"),neg\n" }
        .joined())
    let evaluated = try runF1Kit(["evaluate", file])
    let advised = try runF1Kit(["advise", file])
    #expect(advised.status == 0, "\(advised.standardError)")
    #expect(advised.standardError.contains("\"positve\" for 1 item, a label no gold item has"))
    let stray = { (text: String) in
      text.split(separator: "\n").filter { $0.contains("a label no gold item has") }
    }
    #expect(stray(advised.standardError).count == 1)
    #expect(stray(advised.standardError) == stray(evaluated.standardError))
  }
}
