import Foundation
import Testing
import _TestSupport

@Suite("train-pair-classifier warns when its output folder holds an earlier run")
struct TrainingOutputFolderTests {
  /// A data folder of three tiny splits, so that a run takes a moment.
  let data: TemporaryDirectory = {
    let data = TemporaryDirectory()
    for name in ["train", "dev", "test"] {
      data.write("\(name).csv", TrainingDataErrorTests.tinySplit)
    }
    return data
  }()

  func train(_ output: URL, _ arguments: [String] = []) throws -> CommandResult {
    try runProduct(
      "train-pair-classifier",
      ["--output", output.path, "--data", data.url.path, "--epochs", "1"] + arguments)
  }

  @Test(
    "an --output that is a file, or under one, exits 73 naming the file, before training",
    arguments: [[], ["--seeds", "2"]])
  func refusesAFileAsOutput(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let file = URL(fileURLWithPath: folder.write("taken", "not a folder"))
    let direct = try train(file, arguments)
    #expect(direct.status == 73)
    #expect(
      direct.standardError
        == "Error: cannot write to \(file.path): it is a file; expected a folder\n")
    let nested = try train(file.appendingPathComponent("run"), arguments)
    #expect(nested.status == 73)
    #expect(
      nested.standardError
        == "Error: cannot create the folder \(file.path)/run: \(file.path) is a file\n")
  }

  @Test("a second run into the same folder says its rows join the first run's logs")
  func warnsOfAppendedLogs() throws {
    let output = TemporaryDirectory()
    let first = try train(output.url)
    #expect(first.status == 0)
    #expect(!first.standardError.contains("warning:"))
    let second = try train(output.url)
    #expect(second.status == 0)
    #expect(
      second.standardError.hasPrefix(
        "warning: \(output.url.path) holds an earlier run's results logs, to which this run appends its rows"
      ), "\(second.standardError)")
  }

  @Test("--seeds names the seed folders an earlier run left, which a seed-* pattern would pick up")
  func warnsOfStaleSeedFolders() throws {
    let output = TemporaryDirectory()
    for seed in [7, 45] {
      let folder = output.url.appendingPathComponent("seed-\(seed)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      output.write("seed-\(seed)/test-predictions.csv", "id,label,prediction\n1,1,1\n")
    }
    let result = try train(output.url, ["--seeds", "2"])
    #expect(result.status == 0)
    #expect(
      result.standardError.hasPrefix(
        "warning: \(output.url.path) holds an earlier run's files: seed-7, seed-45 are left from it, "
          + "and a 'seed-*' pattern given to f1kit compare or report picks them up as runs of this "
          + "configuration; use a new --output folder to keep runs apart\n"),
      "\(result.standardError)")
  }
}
