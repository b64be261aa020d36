import Foundation
import Testing
import _TestSupport

/// The STS-B fixtures' two models as one file with a score column per
/// model: `id,label,l6,l3` (scores), written to a temporary folder.
struct ScoreColumnsFixture {
  static let files = ["fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"]
  static let names = ["l6", "l3"]

  let folder = TemporaryDirectory()
  /// The wide file.
  let wide: String

  init() throws {
    // The fixtures end in label,prediction,score; ids come first, unquoted.
    var rows: [[String]] = []
    for (index, file) in Self.files.enumerated() {
      let text = try String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent(file), encoding: .utf8)
      for (row, line) in text.split(whereSeparator: \.isNewline).dropFirst().enumerated() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        let id = String(fields[0])
        let label = String(fields[fields.count - 3])
        let score = String(fields[fields.count - 1])
        if index == 0 {
          rows.append([id, label, score])
        } else {
          #expect(rows[row][0] == id && rows[row][1] == label)
          rows[row].append(score)
        }
      }
    }
    #expect(rows.count > 1000)
    wide = folder.write(
      "wide.csv",
      "id,label,l6_score,l3_score\n" + rows.map { $0.joined(separator: ",") + "\n" }.joined())
  }
}

@Suite("--score-columns-of: one file with a score column per model")
struct ScoreColumnsOfCommandTests {
  private let columns = ["--score-columns-of", "l6=l6_score,l3=l3_score"]
  private let files =
    ScoreColumnsFixture.files + [
      "--score-column", "score", "--names", ScoreColumnsFixture.names.joined(separator: ","),
    ]

  private func output(_ arguments: [String]) throws -> String {
    let result = try runF1Kit(arguments)
    #expect(result.status == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// A comparison document without its `thresholds` member (keyed by the
  /// files, which differ), and that member's values in order.
  private func split(_ text: String) throws -> (NSDictionary, [NSDictionary]) {
    var document = try object(text)
    let thresholds = document.removeValue(forKey: "thresholds") as? [String: Any] ?? [:]
    return (
      NSDictionary(dictionary: document),
      thresholds.sorted { $0.key < $1.key }.map {
        NSDictionary(dictionary: $0.value as! [String: Any])
      }
    )
  }

  @Test(
    "compare: label and score metrics equal one file per model read with --score-column",
    arguments: [
      ["--resamples", "300"], ["--metric", "roc_auc", "--resamples", "200"],
      ["--metric", "log_loss", "--resamples", "200", "--test", "bootstrap"],
      ["--threshold", "0.7", "--resamples", "300"],
    ])
  func compareEqualsSeparateFiles(settings: [String]) throws {
    let fixture = try ScoreColumnsFixture()
    let common = settings + ["--seed", "11", "--format", "json"]
    let reference = try output(["compare"] + files + common)
    let got = try output(["compare", fixture.wide] + columns + common)
    let (want, wantThresholds) = try split(reference)
    let (have, haveThresholds) = try split(got)
    #expect(have == want)
    #expect(haveThresholds.count == wantThresholds.count)
    #expect(Set(haveThresholds) == Set(wantThresholds))
    #expect(try object(got)["models"] != nil || got.contains("\"l6\""))
  }

  @Test("compare text names each model's column in its cut-off line")
  func compareTextNamesColumns() throws {
    let fixture = try ScoreColumnsFixture()
    let text = try output(["compare", fixture.wide] + columns + ["--resamples", "200"])
    #expect(text.contains("wide.csv (l6_score): "))
    #expect(text.contains("wide.csv (l3_score): "))
  }

  @Test("evaluate: each model's report, score metrics and intervals equal its own file's")
  func evaluateEqualsSeparateFiles() throws {
    let fixture = try ScoreColumnsFixture()
    let settings = ["--format", "json", "--ci", "--resamples", "200", "--seed", "3"]
    let result = try object(try output(["evaluate", fixture.wide] + columns + settings))
    let models = try #require(result["models"] as? [[String: Any]])
    #expect(models.map { $0["name"] as? String } == ["l6", "l3"])
    for (model, file) in zip(models, ScoreColumnsFixture.files) {
      let alone = try object(
        try output(["evaluate", file, "--score-column", "score"] + settings))
      #expect(alone["roc_auc"] != nil || alone.keys.contains { $0.contains("score") })
      #expect(
        NSDictionary(dictionary: model.filter { $0.key != "name" })
          == NSDictionary(dictionary: alone))
    }
    let text = try output(["evaluate", fixture.wide] + columns)
    #expect(text.contains("== l6 ==") && text.contains("== l3 =="))
  }

  @Test("report: the JSON equals that of one file per model")
  func reportEqualsSeparateFiles() throws {
    let fixture = try ScoreColumnsFixture()
    func json(_ arguments: [String], _ name: String) throws -> String {
      let html = fixture.folder.url.appendingPathComponent("\(name).html").path
      let json = fixture.folder.url.appendingPathComponent("\(name).json").path
      _ = try output(
        ["report"] + arguments + [
          "--resamples", "200", "--seed", "5", "--out", html, "--json", json,
        ]
      )
      return try String(contentsOfFile: json, encoding: .utf8)
    }
    // Every number is the same; only the score section's sources differ,
    // each naming the column its model's scores came from.
    func withoutSources(_ text: String) throws -> (NSDictionary, [String]) {
      var document = try object(text)
      var scores = try #require(document["scores"] as? [String: Any])
      var models = try #require(scores["models"] as? [[String: Any]])
      let sources = models.map { $0["source"] as? String ?? "" }
      models = models.map { $0.filter { $0.key != "source" } }
      scores["models"] = models
      document["scores"] = scores
      return (NSDictionary(dictionary: document), sources)
    }
    let reference = try json(files, "files")
    #expect(reference.contains("\"comparisons\""))
    let (expected, referenceSources) = try withoutSources(reference)
    let (wide, wideSources) = try withoutSources(try json([fixture.wide] + columns, "wide"))
    #expect(wide == expected)
    #expect(referenceSources.allSatisfy { $0.contains("“score”") })
    #expect(wideSources.map { $0.contains("“l6_score”") } == [true, false])
    #expect(wideSources.map { $0.contains("“l3_score”") } == [false, true])
    let html = try String(
      contentsOfFile: fixture.folder.url.appendingPathComponent("wide.html").path,
      encoding: .utf8)
    #expect(html.contains("l6_score"))
  }

  @Test(
    "usage errors: repeated names or columns, other score options, several files, standard input",
    arguments: [
      ["--score-columns-of", "a=l6_score,a=l3_score"],
      ["--score-columns-of", "a=l6_score,b=l6_score"],
      ["--score-columns-of", "a=l6_score,b=l3_score", "--score-column", "l6_score"],
      ["--score-columns-of", "a=l6_score,b=l3_score", "--pred-columns", "l6_score,l3_score"],
      ["--score-columns-of", "a=,b=l3_score"],
      ["--score-columns-of", "l6_score"],
    ])
  func usageErrors(arguments: [String]) throws {
    let fixture = try ScoreColumnsFixture()
    let result = try runF1Kit(["compare", fixture.wide] + arguments)
    #expect(result.status == 64, "\(arguments): \(result.standardError)")
    #expect(result.standardError.hasPrefix("Error: "))
    let twoFiles = try runF1Kit(["compare", fixture.wide, fixture.wide] + columns)
    #expect(twoFiles.status == 64)
    let standardInput = try runF1Kit(["evaluate", "-"] + columns, input: "label,l6_score\n1,0.5\n")
    #expect(standardInput.status == 64)
  }

  @Test("a missing score column is a data error naming the file")
  func missingColumn() throws {
    let fixture = try ScoreColumnsFixture()
    let result = try runF1Kit(["compare", fixture.wide, "--score-columns-of", "a=l6_score,b=nope"])
    #expect(result.status == 65 || result.status == 64)
    #expect(result.standardError.contains("wide.csv"))
    #expect(result.standardError.contains("nope"))
  }
}
