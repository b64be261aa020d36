import F1Kit
import F1KitSupport
import Foundation
import Testing
import _TestSupport

@Suite("train-pair-classifier, the example training run")
struct TrainingExampleTests {
  @Test("--help prints the layout every F1Kit tool uses")
  func printsHelp() throws {
    let result = try runProduct("train-pair-classifier", ["--help"])
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("OVERVIEW: "))
    #expect(result.standardOutput.contains("\nUSAGE: train-pair-classifier --output <directory>"))
  }

  @Test(
    "usage errors exit 64 with Error and the usage",
    arguments: [
      ([], "Error: Missing expected option '--output <directory>'"),
      (["--output", ""], "Error: The value '' is invalid for '--output <directory>'"),
      (["--output", "/tmp/x", "--bogus"], "Error: Unknown option '--bogus'"),
      (
        ["--output", "/tmp/x", "--epochs", "zero"],
        "Error: The value 'zero' is invalid for '--epochs <count>'; expected a whole number from 1"
      ),
      (
        ["--output", "/tmp/x", "--learning-rate", "0"],
        "Error: The value '0' is invalid for '--learning-rate <rate>'; expected a number greater than 0 and at most 1000"
      ),
      (
        ["--output", "/tmp/x", "--learning-rate", "-0.5"],
        "Error: The value '-0.5' is invalid for '--learning-rate <rate>'; expected a number greater than 0 and at most 1000"
      ),
      (
        ["--output", "/tmp/x", "--learning-rate", "1e308"],
        "Error: The value '1e308' is invalid for '--learning-rate <rate>'; expected a number greater than 0 and at most 1000"
      ),
    ])
  func reportsUsageErrors(arguments: [String], message: String) throws {
    let result = try runProduct("train-pair-classifier", arguments)
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
    #expect(result.standardError.contains("\nUsage: train-pair-classifier"))
  }

  @Test("a one-epoch run writes a log and predictions that f1kit evaluate reads")
  func trainsAndWritesPredictions() throws {
    let directory = TemporaryDirectory()
    let result = try runProduct(
      "train-pair-classifier",
      ["--output", directory.url.path, "--epochs", "1", "--evaluation-steps", "90"])
    #expect(result.status == 0, "\(result.standardError)")
    let log = try String(
      contentsOf: directory.url.appendingPathComponent("stsb-dev_results.csv"), encoding: .utf8)
    let records = try CSVText.records(in: log)
    #expect(records.first?.prefix(2) == ["epoch", "steps"])
    #expect(records.count == 3)  // header, steps 90 and 180
    let evaluation = try runF1Kit([
      "evaluate", directory.url.appendingPathComponent("test-predictions.csv").path, "--format",
      "json",
    ])
    #expect(evaluation.status == 0, "\(evaluation.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(evaluation.standardOutput.utf8)) as? [String: Any])
    #expect(document["n"] as? Int == 1379)
  }

  @Test("--seeds says on standard error as each run ends, before the next run's evaluations")
  func seedsReportEachRun() throws {
    let directory = TemporaryDirectory()
    let result = try runProduct(
      "train-pair-classifier",
      [
        "--output", directory.url.path, "--epochs", "1", "--evaluation-steps", "180", "--seeds",
        "2",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    let first = try #require(result.standardError.range(of: "seed 42 done (run 1 of 2): "))
    let second = try #require(result.standardError.range(of: "seed 43 done (run 2 of 2): "))
    // The second run evaluated the development split after the first line.
    #expect(result.standardError[first.upperBound..<second.lowerBound].contains("stsb-dev"))
    #expect(
      result.standardOutput.components(separatedBy: "trained 180 steps (1 epoch of").count == 3)
  }
}
