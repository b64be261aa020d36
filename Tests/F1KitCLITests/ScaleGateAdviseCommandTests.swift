import Foundation
import Testing
import _TestSupport

@Suite("gate and advise on one file of several models, its count tables and shards")
struct ScaleGateAdviseCommandTests {
  private func run(_ arguments: [String]) throws -> CommandResult {
    let result = try runF1Kit(arguments)
    #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.standardError)")
    return result
  }

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test(
    "gate --pred-columns decides exactly as gate on one file per model",
    arguments: [
      ["--metric", "macro_f1", "--margin", "0.01"],
      ["--metric", "accuracy", "--margin", "0.2", "--mode", "superiority"],
      ["--metric", "macro_f1", "--margin", "0.05", "--mode", "equivalence"],
    ])
  func gateOnColumns(settings: [String]) throws {
    let fixture = try ScaleFixture()
    let common = settings + ["--resamples", "300", "--seed", "9", "--format", "json"]
    let files = [ScaleFixture.files[0], ScaleFixture.files[1], "--names", "nb,logreg"]
    let reference = try run(["gate"] + files + common)
    // A decision was made, whichever it is.
    #expect(
      reference.standardOutput.contains("\"decision\": \"pass\"")
        || reference.standardOutput.contains("\"decision\": \"fail\""))
    let columns = ["--pred-columns", "nb,logreg"]
    let wide = fixture.writeWide("wide.csv", rows: fixture.rows[...])
    let counts = fixture.writeCounts("counts.csv", rows: fixture.rows[...], seed: 12)
    let shards = fixture.shards(4).enumerated().map {
      fixture.writeCounts("part-\($0.offset).csv", rows: $0.element, seed: UInt64($0.offset))
    }
    for input in [[wide], [counts], shards] {
      let result = try run(["gate"] + input + columns + common)
      #expect(result.standardOutput == reference.standardOutput)
      #expect(result.status == reference.status)
    }
  }

  @Test("gate --score-columns-of decides as gate on two files with --score-column")
  func gateOnScoreColumns() throws {
    let fixture = try ScoreColumnsFixture()
    for metric in ["binary_f1", "roc_auc"] {
      let common = [
        "--metric", metric, "--margin", "0.01", "--resamples", "200", "--seed", "4", "--format",
        "json",
      ]
      let reference = try run(
        ScoreColumnsFixture.files.reduce(["gate"]) { $0 + [$1] }
          + ["--score-column", "score", "--names", "l6,l3"] + common)
      let result = try run(
        ["gate", fixture.wide, "--score-columns-of", "l6=l6_score,l3=l3_score"] + common)
      #expect(result.status == reference.status)
      var want = try object(reference.standardOutput)
      var have = try object(result.standardOutput)
      // Cut-offs are keyed by file, which differ.
      want.removeValue(forKey: "thresholds")
      have.removeValue(forKey: "thresholds")
      #expect(!want.isEmpty)
      #expect(NSDictionary(dictionary: have) == NSDictionary(dictionary: want))
    }
  }

  @Test(
    "gate usage errors: a third column, one file without --pred-columns, a score metric on --pred-columns",
    arguments: [
      ["--pred-columns", "nb,logreg,balanced"], [],
      ["--pred-columns", "nb,logreg", "--metric", "roc_auc"],
      ["--pred-columns", "nb,logreg", "--group-column", "id"],
    ])
  func gateUsageErrors(arguments: [String]) throws {
    let fixture = try ScaleFixture()
    let wide = fixture.writeWide("wide.csv", rows: fixture.rows[...])
    let result = try runF1Kit(["gate", wide, "--margin", "0.01"] + arguments)
    #expect(result.status == 64, "\(arguments): \(result.standardError)")
    #expect(result.standardError.hasPrefix("Error: "))
  }

  @Test("advise --pred-columns advises on each model as on its own file, from items or counts")
  func adviseOnColumns() throws {
    let fixture = try ScaleFixture()
    let wide = fixture.writeWide("wide.csv", rows: fixture.rows[...])
    let counts = fixture.writeCounts("counts.csv", rows: fixture.rows[...], seed: 3)
    let shards = fixture.shards(4).enumerated().map {
      fixture.writeCounts("part-\($0.offset).csv", rows: $0.element, seed: UInt64($0.offset))
    }
    let columns = [
      "--pred-columns", ScaleFixture.models.joined(separator: ","), "--format", "json",
    ]
    let reference = try run(["advise", wide] + columns).standardOutput
    let models = try #require(try object(reference)["models"] as? [[String: Any]])
    #expect(models.map { $0["name"] as? String } == ScaleFixture.models)
    for (model, file) in zip(models, ScaleFixture.files) {
      let alone = try object(try run(["advise", file, "--format", "json"]).standardOutput)
      #expect(!alone.isEmpty)
      #expect(
        NSDictionary(dictionary: model.filter { $0.key != "name" })
          == NSDictionary(dictionary: alone))
    }
    #expect(try run(["advise", counts] + columns).standardOutput == reference)
    #expect(try run(["advise"] + shards + columns).standardOutput == reference)
    let text = try run(["advise", wide, "--pred-columns", "nb,logreg"]).standardOutput
    #expect(text.contains("== nb ==") && text.contains("== logreg =="))
    // Shards of one model's count table advise as the whole file.
    let single = try run(["advise", ScaleFixture.files[0], "--format", "json"]).standardOutput
    let modelShards = fixture.shards(4).enumerated().map { shard in
      var cells: [String: Int] = [:]
      for row in shard.element { cells["\(row[1]),\(row[2])", default: 0] += 1 }
      return fixture.folder.write(
        "nb-\(shard.offset).csv",
        "label,prediction,count\n" + cells.map { "\($0.key),\($0.value)\n" }.joined())
    }
    #expect(try run(["advise"] + modelShards + ["--format", "json"]).standardOutput == single)
  }
}
