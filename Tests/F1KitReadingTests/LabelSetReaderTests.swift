import F1Kit
import F1KitReading
import Foundation
import Testing

/// A pattern key that ignores group order and label codes.
private func patterns(_ counts: MultilabelCounts) -> [String: Double] {
  var result: [String: Double] = [:]
  for group in counts.groups {
    let gold = group.gold.indices.map { counts.labels[$0] }.sorted().joined(separator: "+")
    let predicted = group.predicted.indices.map { counts.labels[$0] }.sorted().joined(
      separator: "+")
    result["\(gold)→\(predicted)@\(group.weight)", default: 0] += Double(group.itemCount)
  }
  return result
}

private func read(
  _ text: String, name: String = "sets.csv", options: LabelSetOptions = LabelSetOptions()
) throws -> MultilabelCounts {
  let path = try PredictionFileFixture.write(text, name: name)
  return try LabelSetReader(path: path, options: options).readMultilabel()
}

private func failure(
  _ text: String, name: String = "sets.csv", options: LabelSetOptions = LabelSetOptions(),
  weighted: Bool = false
) throws -> String? {
  let path = try PredictionFileFixture.write(text, name: name)
  do {
    let reader = try LabelSetReader(path: path, options: options)
    if weighted { _ = try reader.readWeighted() } else { _ = try reader.readMultilabel() }
    return nil
  } catch {
    return String(error.description.dropFirst(path.count))
  }
}

@Suite("Reading label sets and sample weights")
struct LabelSetReaderTests {
  let expected = try! MultilabelCounts(
    gold: [["a", "b"], [], ["c"], ["a"]], predicted: [["a"], ["b"], [], ["a", "c"]])

  @Test("a repeated id in a label-set file names its id column")
  func namesTheIDColumnOfARepeatedID() throws {
    let path = try PredictionFileFixture.write(
      "label,prediction,key\na|b,a,q1\nc,c,q2\na,,q1\n", name: "sets.csv")
    var options = LabelSetOptions()
    options.file.idColumn = "key"
    do {
      _ = try LabelSetReader(path: path, options: options).readItems()
      Issue.record("expected a repeated id to be refused")
    } catch {
      #expect(error.message == #"duplicate id "q1" in field 3 ("key"), first seen on line 2"#)
    }
  }

  @Test("a label-set file with both 'label' and 'gold' columns is refused, not guessed")
  func refusesRivalGoldColumns() throws {
    let message = try failure("label,gold,prediction\na|b,a,a\n")
    #expect(
      message
        == #":1:1: columns "label" and "gold" could each be the gold column, and a guess could score the wrong one; name it with --gold-column"#
    )
    var options = LabelSetOptions()
    options.file.goldColumn = "gold"
    #expect(try read("label,gold,prediction\na|b,a,a\n", options: options).itemCount == 1)
  }

  @Test("a|b cells, an empty cell as no labels, and a custom separator")
  func separatedCells() throws {
    let counts = try read("label,prediction\na|b,a\n,b\nc,\na,a|c\n")
    #expect(patterns(counts) == patterns(expected))
    var options = LabelSetOptions()
    options.separator = ";"
    let other = try read("label,prediction\na;b,a\n,b\nc,\na,a;c\n", options: options)
    #expect(patterns(other) == patterns(expected))
  }

  @Test("JSON arrays in JSON Lines and in CSV cells, with escapes and null")
  func jsonArrays() throws {
    let lines = """
      {"label": ["a", "b"], "prediction": ["a"]}
      {"label": [], "prediction": "b"}
      {"label": ["c"], "prediction": null}
      {"label": ["\\u0061"], "prediction": ["a", "c"]}
      """
    #expect(patterns(try read(lines, name: "sets.jsonl")) == patterns(expected))
    let csv =
      "label,prediction\n\"[\"\"a\"\",\"\"b\"\"]\",\"[\"\"a\"\"]\"\n[],b\n\"[\"\"c\"\"]\",[]\na,\"[\"\"a\"\", \"\"c\"\"]\"\n"
    #expect(patterns(try read(csv)) == patterns(expected))
  }

  @Test(
    "array cells must be JSON: a Python list's quotes and bare words are refused, null skipped",
    arguments: [
      (
        "label,prediction\n\"['a', 'b']\",\"['a']\"\n",
        "2:1: malformed JSON in field 1: expected a label in double quotes, found a single quote, as Python writes a list"
      ),
      (
        "label,prediction\n\"[\"\"a\"\"]\",[nuts]\n",
        "2:2: malformed JSON in field 2: expected a label in double quotes (a JSON string), a number or a Boolean"
      ),
    ])
  func refusesNonJSONArrays(text: String, message: String) throws {
    let found = try failure(text)
    #expect(found?.hasPrefix(":" + message) == true, "\(String(describing: found))")
  }

  @Test("unquoted null, numbers and Booleans in an array cell")
  func unquotedArrayElements() throws {
    let counts = try read("label,prediction\n\"[1, null, true]\",\"[1]\"\n")
    #expect(patterns(counts) == ["1+true→1@1.0": 1])
  }

  @Test("per-label score columns with one threshold or one per label")
  func scoreColumns() throws {
    let text = "label,a,b,c\na|b,0.9,0.2,0.1\n,0.1,0.6,0.3\nc,0.2,0.4,0.45\na,0.7,0.1,0.5\n"
    var options = LabelSetOptions()
    options.file.scoreColumns = ["a", "b", "c"]
    let counts = try read(text, options: options)
    #expect(patterns(counts) == patterns(expected))
    #expect(Set(counts.labels) == ["a", "b", "c"])
    options.thresholds = [0.5, 0.5, 0.25]
    let perLabel = try read(text, options: options)
    let shifted = try MultilabelCounts(
      gold: [["a", "b"], [], ["c"], ["a"]], predicted: [["a"], ["b", "c"], ["c"], ["a", "c"]])
    #expect(patterns(perLabel) == patterns(shifted))
  }

  @Test("weights are carried per item; zero weights are allowed")
  func weights() throws {
    var options = LabelSetOptions()
    options.weightColumn = "w"
    let counts = try read("label,prediction,w\na|b,a,2\na|b,a,0.5\n,b,0\n", options: options)
    #expect(counts.isWeighted)
    #expect(counts.totalWeight == 2.5)
    #expect(counts.itemCount == 3)
  }

  @Test(
    "bad weights name their line and column",
    arguments: [
      (
        "label,prediction,w\na,a,1\nb,b,-1\n",
        "3:3: expected a finite sample weight of at least 0 in field 3 (\"w\"), found '-1'"
      ),
      (
        "label,prediction,w\na,a,nan\n",
        "2:3: expected a finite sample weight of at least 0 in field 3 (\"w\"), found 'nan'"
      ),
      (
        "label,prediction,w\na,a,inf\n",
        "2:3: expected a finite sample weight of at least 0 in field 3 (\"w\"), found 'inf'"
      ),
      (
        "label,prediction,w\na,a,heavy\n",
        "2:3: expected a finite sample weight of at least 0 in field 3 (\"w\"), found 'heavy'"
      ),
    ])
  func badWeights(text: String, message: String) throws {
    var options = LabelSetOptions()
    options.weightColumn = "w"
    #expect(try failure(text, options: options, weighted: true) == ":" + message)
    #expect(
      try failure(text, options: options)?.hasSuffix(message.split(separator: ":", maxSplits: 2)[2])
        == true)
  }

  @Test(
    "a weighted file refuses an empty label, in CSV and in JSON Lines, as the unweighted reader does",
    arguments: [
      ("label,prediction,w\n,a,1\nb,a,2\n", "sets.csv", ":2:1: expected a label in field 1"),
      ("label,prediction,w\nb,,1\n", "sets.csv", ":2:2: expected a label in field 2"),
      (
        "{\"label\": \"b\", \"prediction\": \"\", \"w\": 1}\n", "sets.jsonl",
        ":1:30: expected a label at byte 30",
      ),
    ])
  func weightedEmptyLabel(text: String, name: String, message: String) throws {
    var options = LabelSetOptions()
    options.weightColumn = "w"
    let found = try failure(text, name: name, options: options, weighted: true)
    #expect(found?.hasPrefix(message) == true, "\(String(describing: found))")
    #expect(found?.contains(name.hasSuffix("csv") ? "an empty field" : "an empty string") == true)
  }

  @Test("a total weight of zero is an error")
  func zeroTotalWeight() throws {
    var options = LabelSetOptions()
    options.weightColumn = "w"
    let message = try failure(
      "label,prediction,w\na,a,0\nb,a,0\n", options: options, weighted: true)
    #expect(message?.contains("total weight of 0") == true)
    // The same words as the single-label readers' and the statistics'.
    #expect(message?.contains("expected sample weights that are not all zero") == true)
  }

  @Test("a missing weight column is named")
  func missingWeightColumn() throws {
    var options = LabelSetOptions()
    options.weightColumn = "importance"
    let message = try failure("label,prediction\na,a\n", options: options, weighted: true)
    #expect(message?.contains("no weight column: expected \"importance\"") == true)
  }

  @Test("weighted single labels sum weights per cell and keep item counts")
  func weightedSingleLabels() throws {
    var options = LabelSetOptions()
    options.weightColumn = "w"
    let path = try PredictionFileFixture.write("label,prediction,w\na,a,1.5\na,b,2\na,a,0.25\n")
    let matrix = try LabelSetReader(path: path, options: options).readWeighted().matrix
    let ordered = try matrix.reordered(to: ["a", "b"])
    #expect(ordered.weights == [1.75, 2, 0, 0])
    #expect(ordered.itemCounts.counts == [2, 1, 0, 0])
  }

  @Test("label sets are sniffed from the first records")
  func sniffing() throws {
    let sets = try PredictionFileFixture.write("label,prediction\na,a\nb|c,b\n")
    let single = try PredictionFileFixture.write("label,prediction\na,a\nb,b\n")
    #expect(LabelSetReader.holdsLabelSets(path: sets, options: LabelSetOptions()))
    #expect(!LabelSetReader.holdsLabelSets(path: single, options: LabelSetOptions()))
  }
}
