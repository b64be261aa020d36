import Foundation
import Testing
import _TestSupport

/// The reader's guards as a user meets them on the command line (issue 9
/// §1–3, issue 14 §7).
@Suite("f1kit guards against label mix-ups")
struct LabelGuardCommandTests {
  @Test(
    "label sets on standard input, read as single labels, get one hint to add --problem multilabel")
  func hintsAtLabelSetsOnStandardInput() throws {
    let result = try runF1Kit(
      ["evaluate", "-"], input: "label,prediction\na|b,a\nb,b|c\nc|d,c\na|b,a|b\n")
    #expect(result.status == 0, "\(result.standardError)")
    let hints = result.standardError.split(separator: "\n").filter { $0.contains("hold '|'") }
    #expect(
      hints == [
        "warning: 2 of the 3 gold labels hold '|', as label sets do (such as \"a|b\"), and each is scored as a class of its own; if these are label sets, add --problem multilabel (standard input is never sniffed for them, and a file only in its first 1,000 records)"
      ], "\(result.standardError)")
    #expect(!result.standardError.contains("a label no gold item has"))
  }

  @Test("gold 0/1 against predictions 0.0/1.0 gives scikit-learn's accuracy, spelled 0 and 1")
  func numericLabelsCompareByValue() throws {
    // pandas + scikit-learn: accuracy_score on these columns is 0.6.
    let input = "label,prediction\n0,0.0\n1,1.0\n1,0.0\n0,1e0\n1,1\n"
    let result = try runF1Kit(["evaluate", "-", "--format", "json"], input: input)
    #expect(result.status == 0, "\(result.standardError)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(document["labels"] as? [String] == ["0", "1"])
    let metrics = try #require(document["metrics"] as? [String: Any])
    #expect(metrics["accuracy"] as? Double == 0.6)
  }

  @Test("--positive and --labels name numeric labels by value")
  func namedLabelsByValue() throws {
    let input = "label,prediction\n0,0.0\n1,1.0\n1,0.0\n"
    let result = try runF1Kit(
      ["evaluate", "-", "--labels", "1.0,0.0", "--positive", "1e0", "--format", "json"],
      input: input)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains(#""positive_label": "1""#))
  }

  @Test(
    "--labels that leave out a gold label say so, naming it by value; leaving out a stray prediction does not"
  )
  func omittedGoldLabels() throws {
    let stsb = "fixtures/stsb/test-minilm-l6.csv"
    let left = try runF1Kit(["evaluate", stsb, "--labels", "0", "--format", "json"])
    #expect(left.status == 0)
    #expect(
      left.standardError
        == "warning: --labels leaves out gold label \"1\" (673 items, 736 predicted): as with scikit-learn's labels=, it gets no score of its own and the averages leave it out; name every label to keep it\n"
    )
    let named = try runF1Kit(["evaluate", stsb, "--labels", "1.0,0.0", "--format", "json"])
    #expect(named.status == 0)
    #expect(named.standardError.isEmpty, "\(named.standardError)")
    let stray = try runF1Kit(
      ["evaluate", "-", "--labels", "a,b", "--positive", "b"],
      input: "label,prediction\na,a\nb,c\nb,b\n")
    #expect(stray.status == 0)
    #expect(!stray.standardError.contains("leaves out"), "\(stray.standardError)")
  }

  @Test("a NaN label ends with exit 65 and one line naming its place")
  func notFiniteLabel() throws {
    let result = try runF1Kit(["evaluate", "-"], input: "label,prediction\n0,0.0\n1,nan\n")
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        #"<stdin>:3:2: "nan" in field 2 is not a label: labels that are numbers must be finite"#))
    #expect(result.standardError.split(separator: "\n").count == 1)
  }

  @Test(
    "score inputs get the label-set guard: a score array without --labels ends with exit 65 and the hint",
    arguments: [
      ["evaluate", "fixtures/examples/predictions.jsonl", "--score-array-column", "scores"],
      [
        "evaluate", "fixtures/examples/predictions.jsonl", "--score-array-column", "scores",
        "--format", "json",
      ],
      [
        "compare", "fixtures/examples/predictions.jsonl", "fixtures/examples/predictions.jsonl",
        "--score-array-column", "scores", "--metric", "log_loss", "--resamples", "200",
      ],
      [
        "compare", "fixtures/examples/predictions.jsonl", "fixtures/examples/predictions.jsonl",
        "--score-array-column", "scores", "--resamples", "200",
      ],
    ])
  func scoreInputsGuarded(arguments: [String]) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.contains(
        #"share none of the gold labels ("neg", "pos", "neu"); the classes of score array "scores" are named 0, 1, … by position; name them in order with --labels"#
      ), "\(result.standardError)")
    #expect(result.standardError.split(separator: "\n").count == 1)
    let named = try runF1Kit(arguments + ["--labels", "neg,neu,pos"])
    #expect(named.status == 0, "\(named.standardError)")
  }

  @Test("evaluate --score-column warns when the threshold is outside the scores read")
  func thresholdOutsideScores() throws {
    let result = try runF1Kit(
      ["evaluate", "-", "--score-column", "score", "--threshold", "1.5"],
      input: "label,score\n0,0.1\n1,0.9\n0,0.3\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "warning: <stdin>: the threshold 1.5 is outside the scores read (0.1 to 0.9), so no item is predicted positive"
      ), "\(result.standardError)")
  }

  @Test(
    "the default cut-off outside every score (scores from 0 to 100) is refused; a chosen one is not",
    arguments: ["evaluate", "compare", "gate", "report", "advise"])
  func defaultThresholdOutsideScores(command: String) throws {
    let directory = TemporaryDirectory()
    let rows = (0..<40).map { item in
      "i\(item),\(item % 2),\(item % 2 == 0 ? 20 + item : 60 + item)\n"
    }.joined()
    directory.write("a.csv", "id,label,score\n" + rows)
    directory.write("b.csv", "id,label,score\n" + rows.replacingOccurrences(of: ",6", with: ",5"))
    let files = command == "evaluate" || command == "advise" ? ["a.csv"] : ["a.csv", "b.csv"]
    var options = ["--score-column", "score"]
    if command == "gate" { options += ["--metric", "binary_f1", "--margin", "0.05"] }
    if command == "report" { options += ["--out", "r.html", "-q"] }
    if command == "compare" { options += ["-q"] }
    let refused = try runF1Kit([command] + files + options, in: directory.url)
    #expect(refused.status == 65, "\(refused.standardError)")
    #expect(
      refused.standardError.hasPrefix(
        "Error: a.csv: the scores run from 20 to 99, so the default cut-off 0.5, which no one chose, predicts alike for every item (every item is predicted positive); give --threshold on the scores' own scale"
      ), "\(refused.standardError)")
    let chosen = try runF1Kit(
      [command] + files + options + ["--threshold", "50"], in: directory.url)
    #expect(
      chosen.status == 0 || (command == "gate" && chosen.status == 1), "\(chosen.standardError)")
  }

  @Test("tune and curves sweep every cut-off, so the default one is no claim")
  func sweepsIgnoreDefaultThreshold() throws {
    let directory = TemporaryDirectory()
    directory.write(
      "a.csv",
      "label,score\n" + (0..<20).map { "\($0 % 2),\($0 % 2 == 0 ? 20 + $0 : 60 + $0)\n" }.joined())
    for command in ["tune", "curves"] {
      let result = try runF1Kit([command, "a.csv", "--score-column", "score"], in: directory.url)
      #expect(result.status == 0, "\(command): \(result.standardError)")
    }
  }

  @Test("labels other than the well-known pairs need --positive: exit 64 naming both labels")
  func positiveLabelNeeded() throws {
    let input = "label,prediction\nduplicate,duplicate\nnot_duplicate,duplicate\n"
    let result = try runF1Kit(["evaluate", "-"], input: input)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        #"Error: cannot tell which of "duplicate" and "not_duplicate" is the positive label; name it with --positive"#
      ), "\(result.standardError)")
    let named = try runF1Kit(["evaluate", "-", "--positive", "duplicate"], input: input)
    #expect(named.status == 0)
    #expect(named.standardOutput.contains("binary f1 (duplicate)"))
  }

  @Test("--score-columns naming one column is a usage error pointing to --score-column")
  func oneScoreColumn() throws {
    let result = try runF1Kit([
      "evaluate", "fixtures/examples/scores.csv", "--score-columns", "pos",
    ])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        #"Error: '--score-columns' names one column, "pos"; a single binary score takes --score-column and a cut-off (--threshold, 0.5 by default)"#
          + "\n"), "\(result.standardError)")
  }

  @Test("--threshold-from with --score-columns-of asks for --threshold, not --score-column")
  func thresholdFromWithColumnsOfModels() throws {
    let result = try runF1Kit([
      "compare", "fixtures/examples/scores.csv", "--score-columns-of", "neg,pos",
      "--threshold-from", "t.json",
    ])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: --threshold-from tunes one file's cut-off; with --score-columns-of give --threshold\n"
      ), "\(result.standardError)")
  }

  @Test(
    "two places to read predictions from are a usage error in the options' own names",
    arguments: [
      (["--pred-column", "label", "--score-column", "pos"], "--pred-column and --score-column"),
      (
        ["--score-columns", "neg,pos", "--score-column", "pos"],
        "--score-columns and --score-column"
      ),
    ])
  func twoPredictionSources(options: [String], named: String) throws {
    let result = try runF1Kit(["evaluate", "fixtures/examples/scores.csv"] + options)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: \(named) cannot be used together: the predictions come from one of them\n"),
      "\(result.standardError)")
  }

  @Test("a file with both 'label' and 'gold' columns exits 64 until --gold-column names one")
  func rivalGoldColumns() throws {
    let input = "label,gold,prediction\nneg,pos,neg\npos,pos,pos\nneg,neg,neg\n"
    let result = try runF1Kit(["evaluate", "-"], input: input)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        #"Error: <stdin>:1:1: columns "label" and "gold" could each be the gold column"#),
      "\(result.standardError)")
    let named = try runF1Kit(["evaluate", "-", "--gold-column", "gold"], input: input)
    #expect(named.status == 0, "\(named.standardError)")
    #expect(named.standardOutput.contains("accuracy                         0.6667"))
  }

  @Test("an item file with ids and a 'count' column exits 64 until --count-column says which")
  func countColumnBesideIDs() throws {
    let input = "id,label,prediction,count\nq1,neg,neg,4\nq2,pos,pos,1\nq3,neg,pos,2\n"
    let result = try runF1Kit(["evaluate", "-"], input: input)
    #expect(result.status == 64)
    #expect(
      result.standardError.contains("give --count-column '' to read one item a row"),
      "\(result.standardError)")
    let items = try runF1Kit(
      ["evaluate", "-", "--count-column", "", "--format", "json"], input: input)
    #expect(items.status == 0, "\(items.standardError)")
    #expect(items.standardOutput.contains("\"n\": 3"))
  }

  @Test("a .csv separated by semicolons is read with a warning; --delimiter chooses")
  func semicolonCSV() throws {
    let input = "label;prediction\nneg;neg\npos;pos\nneg;pos\n"
    let sniffed = try runF1Kit(["evaluate", "-", "--format", "json"], input: input)
    #expect(sniffed.status == 0, "\(sniffed.standardError)")
    #expect(
      sniffed.standardError.contains("fields are read as separated by ';' (--delimiter chooses)"))
    let chosen = try runF1Kit(
      ["evaluate", "-", "--format", "json", "--delimiter", ";"], input: input)
    #expect(chosen.status == 0)
    #expect(chosen.standardOutput == sniffed.standardOutput)
  }

  @Test(
    "gold and predicted labels that share nothing end with exit 65 and the likely cause",
    arguments: ["evaluate", "advise", "compare"])
  func labelSetsThatDoNotMatch(command: String) throws {
    let rows = (0..<12).map { "\($0),\(["neg", "pos"][$0 % 2]),\($0 % 3 == 0 ? 1 : 0)\n" }
    let directory = TemporaryDirectory()
    let path = directory.write("p.csv", "id,label,prediction\n" + rows.joined())
    let files = command == "compare" ? [path, path, "--resamples", "200"] : [path]
    let result = try runF1Kit([command] + files)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.contains(
        #"the predicted labels ("1", "0") share none of the gold labels ("neg", "pos"); one side's labels are numbers and the other's are text"#
      ), "\(result.standardError)")
    #expect(result.standardError.split(separator: "\n").count == 1)
  }

  @Test("--positive spelled with another case than the one gold label of a score column is refused")
  func positiveLabelMisspeltForScores() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("b2.csv", "label,score\nyes,0.9\nyes,0.8\n")
    let result = try runF1Kit([
      "evaluate", path, "--score-column", "score", "--positive", "Yes", "--threshold", "0.5",
    ])
    #expect(result.status == 64, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        #"the positive label "Yes" (--positive) is no gold label, while "yes" is"#),
      "\(result.standardError)")
    #expect(result.standardError.contains("give --positive yes"))
    // A positive label no gold item has, unlike any gold label, is a test
    // set of negatives, as scikit-learn reads it.
    let negatives = try runF1Kit([
      "evaluate", path, "--score-column", "score", "--positive", "no", "--threshold", "0.5",
    ])
    #expect(negatives.status == 0, "\(negatives.standardError)")
    // Boolean labels are named in any case: True is JSON's true.
    let booleans = directory.write(
      "b.jsonl",
      #"{"label":true,"score":0.9}"# + "\n" + #"{"label":false,"score":0.2}"# + "\n")
    let named = try runF1Kit([
      "evaluate", booleans, "--score-column", "score", "--positive", "True",
    ])
    #expect(named.status == 0, "\(named.standardError)")
  }

  @Test("--labels with spaces after the commas is refused with the fix")
  func labelsWithSpaces() throws {
    let input = "label,prediction\nneg,neg\npos,pos\nneu,pos\nneg,neu\nneu,neu\n"
    let result = try runF1Kit(["evaluate", "-", "--labels", "neg, neu, pos"], input: input)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        #"name " neu", which no item has, and leave out "neu", which items have"#),
      "\(result.standardError)")
    #expect(result.standardError.contains("leave out the spaces after the commas"))
  }

  @Test("--positive True and true name JSON Lines Booleans and pandas' True/False alike")
  func positiveBooleansInAnyCase() throws {
    let json =
      #"{"label":true,"prediction":true}"# + "\n" + #"{"label":false,"prediction":true}"# + "\n"
      + #"{"label":true,"prediction":false}"# + "\n"
    let csv = "label,prediction\nTrue,True\nFalse,True\nTrue,False\n"
    for (input, format, positive) in [
      (json, "jsonl", "True"), (json, "jsonl", "TRUE"), (csv, "csv", "true"),
    ] {
      let result = try runF1Kit(
        ["evaluate", "-", "--input-format", format, "--positive", positive, "--format", "json"],
        input: input)
      #expect(result.status == 0, "\(positive): \(result.standardError)")
      #expect(result.standardOutput.contains(#""f1": 0.5"#), "\(result.standardOutput)")
    }
    // --labels names them alike: True,False are JSON's true and false.
    let named = try runF1Kit(
      [
        "evaluate", "-", "--input-format", "jsonl", "--labels", "True,False", "--positive", "True",
        "--format", "json",
      ], input: json)
    #expect(named.status == 0, "\(named.standardError)")
    #expect(named.standardOutput.contains(#""f1": 0.5"#), "\(named.standardOutput)")
    let single = try runF1Kit(
      ["evaluate", "-", "--input-format", "jsonl", "--positive", "True"],
      input: #"{"label":true,"prediction":true}"# + "\n")
    #expect(single.standardError.contains("there is 1 label: \"true\""), "\(single.standardError)")
  }

  @Test(
    "label sets that first appear after the records sniffed get the hint to add --problem multilabel"
  )
  func lateLabelSets() throws {
    let rows = (0..<1200).map { ["a,a\n", "b,b\n", "c,c\n"][$0 % 3] }.joined()
    let directory = TemporaryDirectory()
    let path = directory.write("late.csv", "label,prediction\n" + rows + "a|c,a|c\na|c,a\n")
    let result = try runF1Kit(["evaluate", path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "warning: 1 of the 4 gold labels hold '|', as label sets do (such as \"a|c\")"),
      "\(result.standardError)")
    // --problem multiclass says '|' is part of the labels.
    let chosen = try runF1Kit(["evaluate", path, "--problem", "multiclass"])
    #expect(!chosen.standardError.contains("hold '|'"), "\(chosen.standardError)")
  }
}
