import Foundation
import Testing
import _TestSupport

@Suite("--threshold-from files: their keys, where the cut-off came from, and standard input")
struct ThresholdFileCommandTests {
  static let test = "fixtures/stsb/test-minilm-l6.csv"
  static let dev = "fixtures/stsb/dev-minilm-l6.csv"

  /// Every key a threshold file may have, as the refusal lists them.
  static let allowedKeys =
    #""threshold", "metric", "beta", "value", "candidates", "positive_count", "constraint" and "tuned_on""#

  /// A threshold file as `f1kit tune --out` writes one, every key present.
  static let tuneRecord =
    #"{"threshold": 0.5, "metric": "binary_f1", "value": 0.8, "candidates": 9, "positive_count": 4, "constraint": null, "tuned_on": {"file": "dev.csv", "bytes": 90, "sha256": "00", "items": 9, "score_column": "score", "positive": "1"}}"#

  private func evaluate(_ threshold: String, format: String = "text") throws -> CommandResult {
    try runF1Kit([
      "evaluate", Self.test, "--score-column", "score", "--threshold-from", threshold, "--format",
      format,
    ])
  }

  private func thresholdObject(_ result: CommandResult) throws -> [String: Any] {
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    return try #require(document["threshold"] as? [String: Any])
  }

  @Test(
    "a hand-written file with some of tune's keys is given in its file, not tuned, and says why",
    arguments: [
      #"{"threshold": 0.3, "metric": "f1"}"#, #"{"threshold": 0.3, "metric": "binary_f1"}"#,
      #"{"threshold": 0.3, "metric": "binary_f1", "value": 0.9, "candidates": 4, "positive_count": 2, "constraint": null}"#,
    ])
  func partialRecordIsGiven(contents: String) throws {
    let directory = TemporaryDirectory()
    let file = directory.write("hand.json", contents)
    let text = try evaluate(file)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(
      text.standardOutput.contains("threshold 0.3 (given in \(file))\n"), "\(text.standardOutput)")
    #expect(!text.standardOutput.contains("chosen on"))
    #expect(
      text.standardError.contains(
        "which 'f1kit tune --out' writes with them; its cut-off is taken as given in \(file), not as tuned on development data"
      ), "\(text.standardError)")
    let json = try thresholdObject(try evaluate(file, format: "json"))
    #expect(json["source"] as? String == "given")
    #expect(json["given_in"] as? String == file)
  }

  @Test("a file with every key tune writes is tuned; without \"tuned_on\"'s identity it is given")
  func fullRecordIsTuned() throws {
    let directory = TemporaryDirectory()
    let full = directory.write("full.json", Self.tuneRecord)
    let tuned = try evaluate(full)
    #expect(tuned.status == 0, "\(tuned.standardError)")
    #expect(tuned.standardOutput.contains("threshold 0.5 chosen on dev.csv for binary_f1"))
    #expect(!tuned.standardError.contains("taken as given"), "\(tuned.standardError)")
    let noDigest = directory.write(
      "nodigest.json", Self.tuneRecord.replacingOccurrences(of: #""sha256": "00", "#, with: ""))
    let given = try evaluate(noDigest)
    #expect(given.status == 0, "\(given.standardError)")
    #expect(given.standardOutput.contains("threshold 0.5 (given in \(noDigest))\n"))
    #expect(
      given.standardError.contains(#"but not "sha256" in "tuned_on""#), "\(given.standardError)")
  }

  /// Files with a key a threshold file does not have, and the start of
  /// the refusal.
  static let unknownKeys: [(contents: String, message: String)] = [
    (#"{"treshold": 0.3}"#, #"unknown key "treshold" (did you mean "threshold"?)"#),
    (#"{"Threshold": 0.3}"#, #"unknown key "Threshold" (did you mean "threshold"?)"#),
    (
      #"{"threshold": 0.3, "metrics": "binary_f1"}"#,
      #"unknown key "metrics" (did you mean "metric"?)"#
    ),
    (#"{"threshold": 0.3, "label": 1}"#, #"unknown key "label""#),
  ]

  @Test(
    "a misspelt or unknown key is refused with one line naming it, the nearest key and the keys",
    arguments: unknownKeys)
  func unknownKey(contents: String, message: String) throws {
    let directory = TemporaryDirectory()
    let file = directory.write("t.json", contents)
    let result = try evaluate(file)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == "Error: \(file): \(message); a threshold file has the keys \(Self.allowedKeys)\n")
  }

  @Test("an unknown key inside \"constraint\" or \"tuned_on\" is refused too")
  func unknownNestedKey() throws {
    let directory = TemporaryDirectory()
    let file = directory.write(
      "t.json",
      Self.tuneRecord.replacingOccurrences(
        of: #""constraint": null"#, with: #""constraint": {"min_precison": 0.9}"#))
    let result = try evaluate(file)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == #"Error: \#(file): unknown key "min_precison" in "constraint" (did you mean "min_precision"?); "constraint" has the keys "min_precision" and "min_recall""#
        + "\n")
    let origin = directory.write(
      "o.json", Self.tuneRecord.replacingOccurrences(of: #""items""#, with: #""item""#))
    let nested = try evaluate(origin)
    #expect(nested.status == 65)
    #expect(
      nested.standardError.contains(#"unknown key "item" in "tuned_on" (did you mean "items"?)"#),
      "\(nested.standardError)")
  }

  @Test("a file with tune's keys but no \"threshold\" is refused, not read as predictions")
  func missingThreshold() throws {
    let directory = TemporaryDirectory()
    let file = directory.write("t.json", #"{"metric": "binary_f1", "value": 0.9}"#)
    let result = try evaluate(file)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == #"Error: \#(file): a threshold file needs "threshold", the cut-off; found only "metric" and "value""#
        + "\n")
  }

  /// Files with a key given twice, and the start of the refusal.
  static let repeatedKeys: [(contents: String, message: String)] = [
    (#"{"threshold": 0.3, "threshold": 0.7}"#, #"the key "threshold" appears"#),
    (
      tuneRecord.replacingOccurrences(of: #""items": 9"#, with: #""items": 9, "items": 10"#),
      #"the key "items" in "tuned_on" appears"#
    ),
  ]

  @Test("a repeated key is refused, not the first one silently taken", arguments: repeatedKeys)
  func repeatedKey(contents: String, message: String) throws {
    let directory = TemporaryDirectory()
    let file = directory.write("t.json", contents)
    let result = try evaluate(file)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == "Error: \(file): \(message) more than once; a threshold file gives each key once\n")
  }

  @Test("a cut-off tuned on standard input says so, and no file can be checked against it")
  func tunedOnStandardInput() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("t.json").path
    let development = try String(contentsOfFile: Self.dev, encoding: .utf8)
    let tune = try runF1Kit(
      ["tune", "-", "--score-column", "score", "--out", out], input: development)
    #expect(tune.status == 0, "\(tune.standardError)")
    #expect(tune.standardOutput.contains(#""standard_input": true"#), "\(tune.standardOutput)")
    #expect(!tune.standardOutput.contains("sha256"))
    // A named file: not falsely the same, and not silently unchecked.
    let named = try evaluate(out, format: "json")
    #expect(named.status == 0, "\(named.standardError)")
    #expect(
      named.standardError
        == "warning: the threshold in \(out) was tuned on standard input, which cannot be identified, so whether \(Self.test) is the data it was tuned on is not checked (tune on a development file given by name)\n"
    )
    let threshold = try thresholdObject(named)
    #expect(threshold["source"] as? String == "tuned")
    #expect(threshold["tuned_on_evaluated_file"] as? Bool == false)
    // Standard input again: maybe the same data, so cautioned.
    let piped = try runF1Kit(
      ["evaluate", "-", "--score-column", "score", "--threshold-from", out], input: development)
    #expect(piped.status == 0, "\(piped.standardError)")
    #expect(
      piped.standardError.contains(
        "was tuned on standard input, and - is standard input too: whether they are the same data cannot be checked, and if they are, its results are optimistic"
      ), "\(piped.standardError)")
  }

  @Test("a cut-off tuned on a named file and applied to standard input is cautioned, not trusted")
  func namedDevelopmentAppliedToStandardInput() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("t.json").path
    let tune = try runF1Kit(["tune", Self.dev, "--score-column", "score", "--out", out])
    #expect(tune.status == 0, "\(tune.standardError)")
    // The development file itself, piped back in, would report the tuned
    // value as a test result; nothing can tell standard input apart.
    let development = try String(contentsOfFile: Self.dev, encoding: .utf8)
    let piped = try runF1Kit(
      ["evaluate", "-", "--score-column", "score", "--threshold-from", out], input: development)
    #expect(piped.status == 0, "\(piped.standardError)")
    #expect(
      piped.standardError
        == "warning: the threshold in \(out) was tuned on \(Self.dev), and - is standard input, which cannot be identified: whether it is that file is not checked, and if it is, its results are optimistic (name the evaluated file)\n"
    )
  }

  @Test("a cut-off tuned on standard input is said to be chosen on standard input, not on '-'")
  func standardInputIsNamedInTheSentence() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("t.json").path
    let development = try String(contentsOfFile: Self.dev, encoding: .utf8)
    let tune = try runF1Kit(
      ["tune", "-", "--score-column", "score", "--out", out], input: development)
    #expect(tune.status == 0, "\(tune.standardError)")
    let text = try evaluate(out)
    #expect(
      text.standardOutput.contains("threshold 0.634695 chosen on standard input for binary_f1"),
      "\(text.standardOutput)")
    let dev = try runF1Kit(
      [
        "evaluate", Self.test, "--score-column", "score", "--threshold-from", "-",
      ], input: development)
    #expect(dev.status == 0, "\(dev.standardError)")
    #expect(
      dev.standardOutput.contains("chosen on standard input for binary_f1"), "\(dev.standardOutput)"
    )
  }

  @Test("/dev/stdin is standard input: never the evaluated file by its name")
  func deviceStandardInput() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("t.json").path
    let tune = try runF1Kit(
      ["tune", "/dev/stdin", "--score-column", "score", "--out", out], inputFile: Self.dev)
    #expect(tune.status == 0, "\(tune.standardError)")
    #expect(tune.standardOutput.contains(#""standard_input": true"#), "\(tune.standardOutput)")
    // Another file behind the same name was not tuned on.
    let other = try runF1Kit(
      ["evaluate", "/dev/stdin", "--score-column", "score", "--threshold-from", out],
      inputFile: Self.test)
    #expect(other.status == 0, "\(other.standardError)")
    #expect(!other.standardError.contains("which is that file itself"), "\(other.standardError)")
    #expect(other.standardError.contains("is standard input too"), "\(other.standardError)")
  }

  static let malformedFiles: [(contents: String, message: String)] = [
    (#"{"threshold": 0.3,}"#, "1:19: expected a string key"),
    (
      "{\n  \"threshold\": 0.3\n  \"metric\": \"binary_f1\"\n}\n",
      "3:3: expected ',' or '}' after a member"
    ),
  ]

  @Test(
    "a threshold file that is not valid JSON is refused where it breaks, not read as predictions",
    arguments: malformedFiles)
  func malformedThresholdFile(contents: String, message: String) throws {
    let directory = TemporaryDirectory()
    let file = directory.write("t.json", contents)
    let result = try evaluate(file)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == "Error: \(file):\(message) in a threshold file, one JSON object such as {\"threshold\": 0.42}\n"
    )
  }

  @Test("an empty entry in --threshold-from's list is a usage error, not dropped")
  func emptyThresholdEntry() throws {
    let result = try runF1Kit([
      "compare", Self.test, Self.test, "--score-column", "score", "--threshold-from",
      "\(Self.dev),,\(Self.dev)",
    ])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: expected a file name in entry 2 of '--threshold-from \(Self.dev),,\(Self.dev)', found an empty entry; an unset shell variable is the usual cause"
      ), "\(result.standardError)")
  }
}
