import Foundation
import Testing
import _TestSupport

@Suite("f1kit advise")
struct AdviseCommandTests {
  @Test("prints each piece of advice with its severity, rule id, message and evidence")
  func textOutput() throws {
    let result = try runF1Kit(["advise", "fixtures/r8/test-tfidf-nb.csv"])
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    let text = result.standardOutput
    #expect(text.hasPrefix("warning: "))
    #expect(
      text.contains(
        "warning: Classes never predicted: zero_division shapes the averages [class-never-predicted]\n  \"grain\" (10 items) and \"ship\" (36 items) are never predicted."
      ))
    #expect(text.contains("evidence: support[\"grain\"] = 10, support[\"ship\"] = 36,"))
    #expect(text.contains("note: Micro-F1 equals accuracy here [micro-f1-equals-accuracy]"))
    // The message and evidence are wrapped at 80 columns.
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("  ") }.allSatisfy { $0.count <= 80 })
  }

  struct Output: Decodable {
    struct Item: Decodable {
      struct Evidence: Decodable {
        let name: String
        let label: String?
        let value: Double?
      }
      let id: String
      let severity: String
      let title: String
      let message: String
      let evidence: [Evidence]
    }
    let advice: [Item]
  }

  @Test(
    "JSON output lists the rules that fire on the real fixtures",
    arguments: [
      // Its "score" column is read beside the predictions, so the cut-off
      // the prediction column equals gets a note.
      (
        "fixtures/stsb/test-minilm-l6.csv",
        ["balanced-binary-metrics-agree", "threshold-sensitivity"]
      ),
      (
        "fixtures/r8/test-tfidf-nb.csv",
        [
          "small-class-support", "class-never-predicted", "weighted-f1-hides-minority-classes",
          "imbalanced-classes", "micro-f1-equals-accuracy",
        ]
      ),
    ])
  func jsonOutput(_ file: String, _ ids: [String]) throws {
    let result = try runF1Kit(["advise", file, "--format", "json"])
    #expect(result.status == 0)
    let output = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
    #expect(output.advice.map(\.id) == ids)
    #expect(output.advice.allSatisfy { !$0.evidence.isEmpty && !$0.message.isEmpty })
  }

  @Test("reads options like evaluate: labels and zero division")
  func options() throws {
    let result = try runF1Kit([
      "advise", "fixtures/r8/test-tfidf-nb.csv", "--labels", "earn,acq,grain", "--format", "json",
    ])
    #expect(result.status == 0)
    let output = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
    // Only three labels are evaluated, so micro-F1 is not accuracy.
    #expect(!output.advice.map(\.id).contains("micro-f1-equals-accuracy"))
    #expect(output.advice.map(\.id).contains("class-never-predicted"))
  }

  @Test("a missing file fails with status 66")
  func missingFile() throws {
    let result = try runF1Kit(["advise", "fixtures/nothing.csv"])
    #expect(result.status == 66)
    #expect(result.standardError.hasPrefix("Error: "))
  }
}
