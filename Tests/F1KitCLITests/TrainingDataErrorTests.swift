import Foundation
import Testing
import _TestSupport

/// Runs `train-pair-classifier` on a data folder of three tiny splits, one of
/// them replaced.
///
/// - Parameters:
///   - split: The split to replace: `train`, `dev` or `test`.
///   - contents: Its text, or `nil` to leave the file out.
/// - Returns: The result and the data folder (kept alive by the caller).
private func trainOnTinySplits(replacing split: String, with contents: String?) throws -> (
  result: CommandResult, data: TemporaryDirectory, output: TemporaryDirectory
) {
  let data = TemporaryDirectory()
  let output = TemporaryDirectory()
  for name in ["train", "dev", "test"] {
    let text = name == split ? contents : TrainingDataErrorTests.tinySplit
    if let text { data.write("\(name).csv", text) }
  }
  let result = try runProduct(
    "train-pair-classifier",
    ["--output", output.url.path, "--data", data.url.path, "--epochs", "1"])
  return (result, data, output)
}

@Suite("train-pair-classifier refuses bad data splits with one line and the right status")
struct TrainingDataErrorTests {
  static let tinySplit: String = """
    id,sentence1,sentence2,similarity,label
    a,A man is playing a guitar.,A man plays a guitar.,4.8,1
    b,A cat sleeps.,Stocks fell sharply today.,0.1,0
    c,A woman is slicing an onion.,A woman cuts an onion.,4.2,1
    d,The sun is shining.,A dog barks at the mailman.,0.2,0

    """

  static let headerOnly: String = "id,sentence1,sentence2,similarity,label\n"

  @Test(
    "a split with a header and no pairs exits 65 naming the file, not a crash or status 73",
    arguments: ["train", "dev", "test"])
  func refusesASplitWithoutPairs(split: String) throws {
    let (result, data, _) = try trainOnTinySplits(replacing: split, with: Self.headerOnly)
    #expect(result.status == 65, "\(result.standardError)")
    let path = data.url.appendingPathComponent("\(split).csv").path
    #expect(
      result.standardError.hasPrefix(
        "Error: cannot read \(path): expected sentence pairs after the header, found none"),
      "\(result.standardError)")
    // Refused before training: no evaluation was run.
    #expect(!result.standardError.contains("stsb-dev:"))
  }

  @Test("a missing split exits 66 saying there is no such file, not that it is not UTF-8")
  func refusesAMissingSplit() throws {
    let (result, data, _) = try trainOnTinySplits(replacing: "dev", with: nil)
    #expect(result.status == 66, "\(result.standardError)")
    let path = data.url.appendingPathComponent("dev.csv").path
    #expect(result.standardError == "Error: cannot read \(path): no such file\n")
  }

  static let badLabelAfterLineBreak: String = """
    id,sentence1,sentence2,similarity,label
    a,"A man is playing
    a guitar.",A man plays a guitar.,4.8,1
    b,A cat sleeps.,Stocks fell sharply today.,0.1,1.0

    """

  @Test("a label other than 0 or 1 names the file, the line (after a quoted line break) and field")
  func namesTheLineAndFieldOfABadLabel() throws {
    let (result, data, _) = try trainOnTinySplits(
      replacing: "dev", with: Self.badLabelAfterLineBreak)
    #expect(result.status == 65)
    let path = data.url.appendingPathComponent("dev.csv").path
    #expect(
      result.standardError
        == "Error: cannot read \(path):4:5: expected a label of 0 or 1 in field 5 (\"label\"), found \"1.0\"\n"
    )
  }

  @Test("a record with too few fields names its line")
  func namesTheLineOfAShortRecord() throws {
    let (result, data, _) = try trainOnTinySplits(
      replacing: "test", with: Self.headerOnly + "a,One,Two,1.0,1\nb,One,Two\n")
    #expect(result.status == 65)
    let path = data.url.appendingPathComponent("test.csv").path
    #expect(
      result.standardError
        == "Error: cannot read \(path):3:4: expected 5 fields as in the header, found 3\n")
  }

  @Test("blank lines in a split are skipped, as pandas' read_csv skips them")
  func skipsBlankLines() throws {
    let (result, _, _) = try trainOnTinySplits(
      replacing: "dev", with: Self.tinySplit + "\n\n")
    #expect(result.status == 0, "\(result.standardError)")
    // Four pairs make one batch: one step, in the singular.
    #expect(result.standardOutput.hasPrefix("trained 1 step (1 epoch of batch 32"))
  }

  @Test("two columns named label are refused rather than the first silently used")
  func refusesARepeatedColumn() throws {
    let (result, data, _) = try trainOnTinySplits(
      replacing: "dev",
      with: "id,sentence1,sentence2,label,label\na,One,Two,1,0\n")
    #expect(result.status == 65)
    let path = data.url.appendingPathComponent("dev.csv").path
    #expect(
      result.standardError
        == "Error: cannot read \(path):1:5: expected one \"label\" column, found 2 (fields 4, 5)\n")
  }
}
