import Foundation
import Testing
import _TestSupport

/// `f1kit compare` on comparisons whose tests cannot decide: too few
/// resamples for α, a bootstrap with no spread, very few items.
@Suite("f1kit compare says when its tests cannot decide")
struct VerdictEvidenceCommandTests {
  /// Two models' prediction files on the same items of two balanced
  /// classes: items right for both, for the first only, for the second
  /// only, and for neither.
  static func files(
    in directory: TemporaryDirectory, bothRight: Int, firstOnly: Int, secondOnly: Int,
    bothWrong: Int = 0
  ) -> [String] {
    let kinds =
      Array(repeating: (true, true), count: bothRight)
      + Array(repeating: (true, false), count: firstOnly)
      + Array(repeating: (false, true), count: secondOnly)
      + Array(repeating: (false, false), count: bothWrong)
    func file(_ name: String, _ isRight: ((Bool, Bool)) -> Bool) -> String {
      var text = "id,label,prediction\n"
      for (index, kind) in kinds.enumerated() {
        let gold = index % 2
        text += "\(index),\(gold),\(isRight(kind) ? gold : 1 - gold)\n"
      }
      return directory.write(name, text)
    }
    return [file("a.csv", { $0.0 }), file("b.csv", { $0.1 })]
  }

  @Test("--confidence 0.9999 with 9,999 resamples: no verdict, in text, JSON, Markdown and LaTeX")
  func floorInEveryFormat() throws {
    let directory = TemporaryDirectory()
    let files = Self.files(
      in: directory, bothRight: 1_081, firstOnly: 132, secondOnly: 705, bothWrong: 82)
    let options = ["--metric", "accuracy", "--confidence", "0.9999", "-q"]
    let text = try runF1Kit(["compare"] + files + options)
    #expect(text.status == 0)
    #expect(!text.standardOutput.contains("do not differ"), "\(text.standardOutput)")
    #expect(text.standardOutput.contains("No verdict"))
    #expect(text.standardOutput.contains("Note: with 9,999 resamples the permutation test's"))
    let json = try runF1Kit(["compare"] + files + options + ["--format", "json"])
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let cautions = try #require(document["cautions"] as? [String])
    #expect(cautions.contains { $0.contains("give --resamples 10000 or more") })
    let markdown = try runF1Kit(["compare"] + files + options + ["--format", "markdown"])
    #expect(!markdown.standardOutput.contains("do not differ"), "\(markdown.standardOutput)")
    #expect(markdown.standardOutput.contains("significance is not assessed"))
    #expect(markdown.standardOutput.contains("With 9,999 resamples the permutation test's"))
    let latex = try runF1Kit(["compare"] + files + options + ["--format", "latex"])
    #expect(latex.standardOutput.contains("significance is not assessed"))
    #expect(!latex.standardOutput.contains("α"))
  }

  @Test("--confidence 0.999 --resamples 999: p = 0.001 is not below α = 0.001")
  func knifeEdge() throws {
    let directory = TemporaryDirectory()
    let files = Self.files(
      in: directory, bothRight: 1_081, firstOnly: 132, secondOnly: 705, bothWrong: 82)
    let result = try runF1Kit(
      ["compare"] + files + ["--metric", "accuracy", "--confidence", "0.999", "--resamples", "999"])
    #expect(!result.standardOutput.contains("beats"), "\(result.standardOutput)")
    #expect(result.standardOutput.contains("give --resamples 1000 or more"))
  }

  @Test("8 items all one way, --test bootstrap --stratify gold: no p = 1e-05, no 'beats'")
  func bootstrapWithNoSpread() throws {
    let directory = TemporaryDirectory()
    let files = Self.files(in: directory, bothRight: 0, firstOnly: 0, secondOnly: 8)
    let options = [
      "--metric", "accuracy", "--test", "bootstrap", "--resamples", "100000", "--stratify", "gold",
    ]
    let text = try runF1Kit(["compare"] + files + options)
    #expect(text.status == 0)
    #expect(!text.standardOutput.contains("beats"), "\(text.standardOutput)")
    #expect(!text.standardOutput.contains("1e-05"))
    #expect(text.standardOutput.contains("has no spread"))
    let markdown = try runF1Kit(["compare"] + files + options + ["--format", "markdown"])
    #expect(!markdown.standardOutput.contains("***"), "\(markdown.standardOutput)")
    #expect(!markdown.standardOutput.contains("outperforms"))
  }

  @Test("4 items: a small-sample caution, no size at or below 4, and no 'small' difference of 0.8")
  func fourItems() throws {
    let directory = TemporaryDirectory()
    let a = directory.write("a1.csv", "id,label,prediction\n0,0,0\n1,1,0\n2,0,1\n3,1,0\n")
    let b = directory.write("b1.csv", "id,label,prediction\n0,0,0\n1,1,1\n2,0,1\n3,1,1\n")
    let result = try runF1Kit(["compare", a, b, "--metric", "binary_f1", "--resamples", "999"])
    #expect(result.status == 0)
    let output = result.standardOutput
    #expect(!output.contains("would take about"), "\(output)")
    #expect(output.contains("Note: only 4 items: an exact paired test"))
    #expect(!output.contains("the difference is small"))
  }
}
