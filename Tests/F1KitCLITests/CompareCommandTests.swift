import Foundation
import Testing
import _TestSupport

@Suite("f1kit compare and evaluate --ci")
struct CompareCommandTests {
  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// "beats" beside p = 0.346 is right at --confidence 0.6 (α = 0.4) but
  /// reads as a mistake unless the level is said.
  @Test("at a confidence other than 95% the verdicts and statements name the significance level")
  func verdictNamesTheLevel() throws {
    let files = ["fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"]
    let options = ["--confidence", "0.6", "--resamples", "999", "-q"]
    let text = try runF1Kit(["compare"] + files + options)
    #expect(
      text.standardOutput.contains(
        "beats test-minilm-l3.csv on binary F1 (positive label \"1\") by 0.008, 60% CI [0.000, 0.015], p = 0.346 (permutation test; α = 0.4, one minus the 60% confidence)."
      ), "\(text.standardOutput)")
    let markdown = try runF1Kit(["compare"] + files + options + ["--format", "markdown"])
    #expect(markdown.standardOutput.contains("permutation p = 0.346 (α = 0.4), 999 resamples"))
    let latex = try runF1Kit(["compare"] + files + options + ["--format", "latex"])
    #expect(latex.standardOutput.contains("permutation p = 0.346 ($\\alpha$ = 0.4), 999 resamples"))
    #expect(!latex.standardOutput.contains("α"))
    let directory = TemporaryDirectory()
    let page = directory.url.appendingPathComponent("report.html")
    let report = try runF1Kit(
      ["report"] + files + ["--confidence", "0.6", "--resamples", "999", "--out", page.path])
    #expect(report.status == 0, "\(report.standardError)")
    #expect(
      try String(contentsOf: page, encoding: .utf8).contains(
        "permutation test, α = 0.4, one minus the 60% confidence."))
    let usual = try runF1Kit(["compare"] + files + ["--resamples", "999", "-q"])
    #expect(!usual.standardOutput.contains("α ="))
  }

  @Test("two models: the documented JSON keys, B − A, and p-values in (0, 1]")
  func comparesTwoModels() throws {
    let result = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--format", "json", "--resamples", "999", "--metric", "macro_f1",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["n"] as? Int == 1379)
    #expect(document["metric"] as? String == "macro_f1")
    #expect(document["seed"] as? Int == 42)
    let models = try #require(document["models"] as? [[String: Any]])
    let first = try #require(models.first?["value"] as? Double)
    let second = try #require(models.last?["value"] as? Double)
    #expect(abs(first - 0.8266039402527752) < 1e-12)
    #expect(abs(second - 0.816363375102704) < 1e-12)
    let difference = try #require(document["difference"] as? [String: Any])
    #expect(abs((difference["value"] as? Double ?? 0) - (second - first)) < 1e-12)
    let tests = try #require(document["tests"] as? [String: [String: Any]])
    #expect(Set(tests.keys) == ["permutation", "paired_bootstrap", "mcnemar"])
    for (name, test) in tests {
      let p = try #require(test["p_value"] as? Double, "\(name)")
      #expect(p > 0 && p <= 1, "\(name)")
    }
    #expect(tests["mcnemar"]?["discordant"] as? [Int] == [84, 70])
  }

  @Test("--metric macro_fbeta compares fbeta_score(beta=) and needs --beta")
  func comparesOnFBeta() throws {
    let arguments = [
      "compare", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
      "--format", "json", "--resamples", "200", "--metric", "macro_fbeta",
    ]
    let result = try runF1Kit(arguments + ["--beta", "2"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["metric"] as? String == "macro_fbeta")
    let models = try #require(document["models"] as? [[String: Any]])
    // sklearn.metrics.fbeta_score(beta=2, average="macro", zero_division=0)
    #expect(abs((models.first?["value"] as? Double ?? 0) - 0.31262062062329127) < 1e-12)
    #expect(abs((models.last?["value"] as? Double ?? 0) - 0.8015764265355891) < 1e-12)
    let missing = try runF1Kit(arguments)
    #expect(missing.status == 64)
    #expect(missing.standardError.contains("needs --beta"))
    let negative = try runF1Kit(arguments + ["--beta", "-1"])
    #expect(negative.status == 64)
  }

  @Test(
    "a --beta the compared metric does not use is refused, not compared as F1",
    arguments: [
      (["compare", "a.csv", "b.csv"], "but compare compares on its default metric"),
      (
        ["compare", "a.csv", "b.csv", "--metric", "accuracy"], "but compare compares on 'accuracy'"
      ),
      (
        ["compare", "A=a.csv,a2.csv", "B=b.csv,b2.csv"],
        "but compare compares on its default metric"
      ),
      (
        ["gate", "a.csv", "b.csv", "--metric", "binary_f1", "--margin", "0.01"],
        "but gate compares on 'binary_f1'"
      ),
    ])
  func unusedBetaIsRefused(arguments: [String], message: String) throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "label,prediction\n0,0\n1,1\n1,0\n0,0\n")
    directory.write("b.csv", "label,prediction\n0,0\n1,1\n1,1\n0,1\n")
    directory.write("a2.csv", "label,prediction\n0,1\n1,1\n1,0\n0,0\n")
    directory.write("b2.csv", "label,prediction\n0,0\n1,0\n1,1\n0,1\n")
    let result = try runF1Kit(arguments + ["--beta", "2", "-q"], in: directory.url)
    #expect(result.status == 64)
    #expect(result.standardError.contains("'--beta 2' applies to the F-beta metrics, " + message))
  }

  @Test("the same seed gives the same output; another seed another")
  func isReproducible() throws {
    let arguments = [
      "compare", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
      "--resamples", "500", "--format", "json",
    ]
    let first = try runF1Kit(arguments)
    let second = try runF1Kit(arguments)
    let other = try runF1Kit(arguments + ["--seed", "7"])
    #expect(first.standardOutput == second.standardOutput)
    #expect(first.standardOutput != other.standardOutput)
  }

  @Test("the text output ends with a plain-sentence verdict")
  func saysWhatTheNumbersMean() throws {
    let result = try runF1Kit([
      "compare", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
      "--resamples", "500",
    ])
    #expect(result.status == 0)
    #expect(
      result.standardOutput.contains(
        "test-tfidf-logreg.csv beats test-tfidf-nb.csv on macro-F1 by 0.511"))
  }

  /// `f1kit compare` of the two STS-B models with 999 resamples.
  private func compareSTSB(_ extra: [String] = []) throws -> CommandResult {
    let result = try runF1Kit(
      ["compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"]
        + ["--resamples", "999"] + extra)
    #expect(result.status == 0, "\(result.standardError)")
    return result
  }

  @Test("a difference that is not significant says how many items would detect it")
  func saysWhatSizeWouldDetect() throws {
    let result = try compareSTSB()
    #expect(result.standardOutput.contains("do not differ significantly on binary F1"))
    #expect(result.standardOutput.contains("with 80% power would take about "))
    // The range the gate gives around its needed size, in the gate's words.
    #expect(
      result.standardOutput.contains(
        " items, a size that rests on the 154 items the models label differently, so it could be anywhere from about "
      ), "\(result.standardOutput)")
    #expect(result.standardOutput.contains("; this test set has 1,379."))
  }

  @Test("the JSON's detection names the size and its range as the gate's reachability does")
  func detectionInJSON() throws {
    let document = try json(try compareSTSB(["--format", "json"]))
    let detection = try #require(document["detection"] as? [String: Any])
    #expect(detection["unit"] as? String == "items")
    #expect(detection["count"] as? Int == 1379)
    #expect(detection["differing"] as? Int == 154)
    let needed = try #require(detection["required_n"] as? Int)
    let low = try #require(detection["required_n_low"] as? Int)
    let high = try #require(detection["required_n_high"] as? Int)
    #expect(1379 < low && low <= needed && needed <= high)
    // Several runs per model: no range, and the seeds' share instead.
    let runs = try runF1Kit([
      "compare", "fast=" + GateCommandTests.runs("lr-0.2"),
      "slow=" + GateCommandTests.runs("lr-0.05"), "--metric", "binary_f1", "--format", "json",
      "-q",
    ])
    #expect(!runs.standardOutput.contains("required_n_low"), "\(runs.standardOutput)")
  }

  @Test("three models: every pair with Holm-adjusted p-values")
  func comparesThreeModels() throws {
    let result = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "fixtures/training/test-predictions.csv", "--resamples", "300", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["adjustment"] as? String == "holm")
    let comparisons = try #require(document["comparisons"] as? [[String: Any]])
    #expect(comparisons.count == 3)
    for comparison in comparisons {
      let tests = try #require(comparison["tests"] as? [String: [String: Any]])
      for test in tests.values {
        let raw = try #require(test["p_value"] as? Double)
        let adjusted = try #require(test["adjusted_p_value"] as? Double)
        #expect(adjusted >= raw)
      }
    }
  }

  @Test("files whose gold labels disagree are refused, naming the item, exit 65")
  func refusesMisalignedFiles() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "id,label,prediction\n1,x,x\n2,y,x\n3,x,y\n")
    directory.write("b.csv", "id,label,prediction\n1,x,x\n2,x,x\n3,x,y\n")
    let result = try runF1Kit(["compare", "a.csv", "b.csv"], in: directory.url)
    #expect(result.status == 65)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("item 2"), "\(result.standardError)")
  }

  @Test(
    "a gold mismatch in files of different row orders names the item as the full alignment does",
    arguments: [0, 1_500, 2_999])
  func refusesGoldMismatchAlignedByID(position: Int) throws {
    let labels = ["x", "y", "zed"]
    let rows = (0..<3_000).map { ("id\($0)", labels[$0 % 3], labels[$0 / 3 % 3]) }
    var reversed = Array(rows.reversed())
    let changed = reversed.firstIndex { $0.0 == "id\(position)" }!
    let other = labels[(position + 1) % 3]
    reversed[changed].1 = other
    let directory = TemporaryDirectory()
    for (name, rows) in [("a.csv", rows), ("b.csv", reversed)] {
      directory.write(
        name, "id,label,prediction\n" + rows.map { "\($0.0),\($0.1),\($0.2)\n" }.joined())
    }
    let result = try runF1Kit(["compare", "a.csv", "b.csv", "--quiet"], in: directory.url)
    #expect(result.status == 65)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError
        == "Error: b.csv:\(changed + 2):2: item id\(position) has gold label \"\(other)\" but \"\(labels[position % 3])\" in a.csv; the files do not describe the same items\n"
    )
  }

  @Test("files in different row orders align by id")
  func alignsByID() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "id,label,prediction\n1,x,x\n2,y,x\n3,x,y\n")
    directory.write("b.csv", "id,label,prediction\n3,x,x\n1,x,x\n2,y,y\n")
    let result = try runF1Kit(
      [
        "compare", "a.csv", "b.csv", "--format", "json", "--metric", "accuracy", "--resamples",
        "100", "--positive", "y",
      ],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let difference = try #require(document["difference"] as? [String: Any])
    #expect(abs((difference["value"] as? Double ?? 0) - 2.0 / 3.0) < 1e-12)
  }

  @Test(
    "--no-id-column and --id-column '' align row by row, ignoring the id column",
    arguments: [["--no-id-column"], ["--id-column", ""], ["--id-column="]])
  func ignoresIDColumn(_ option: [String]) throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "id,label,prediction\n1,x,x\n2,y,x\n3,x,y\n")
    directory.write("b.csv", "id,label,prediction\n3,x,x\n1,x,x\n2,y,y\n")
    let result = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--resamples", "100"] + option, in: directory.url)
    // Row by row, the gold labels of row 2 differ (y against x).
    #expect(result.status == 65, "\(result.standardError)")
    #expect(result.standardError.contains("item 2"), "\(result.standardError)")
  }

  /// A file of `count` items without ids: a text column whose first value
  /// spans two lines, and a blank line after the 11th item, so that item
  /// *k* (from 0) past the 11th starts on line *k* + 4.
  private static func unidentified(_ count: Int) -> String {
    "text,label,prediction\n"
      + (0..<count).map { item in
        let text = item == 0 ? "\"two\nlines\"" : "t\(item)"
        return "\(text),\(item % 2),0\n" + (item == 10 ? "\n" : "")
      }.joined()
  }

  @Test(
    "files of different lengths without ids are refused at a line of the other file, exit 65",
    arguments: [
      (
        1_001,
        "b.csv:1004: expected 1000 items to match a.csv, found 1001 (the first extra item, item 1001, is on this line"
      ),
      (
        998,
        "b.csv:1001: expected 1000 items to match a.csv, found 998 (its last item, item 998, is on this line"
      ),
    ])
  func placesDifferentLengths(count: Int, expected: String) throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", Self.unidentified(1_000))
    directory.write("a2.csv", Self.unidentified(1_000))
    directory.write("b.csv", Self.unidentified(count))
    let suffix = "; without an id column in every file, files are aligned row by row)\n"
    // Messages name the files, even when the models have other names.
    for arguments in [
      ["a.csv", "b.csv"], ["a.csv", "b.csv", "--names", "first,second"],
      ["A=a.csv,a2.csv", "B=a2.csv,b.csv"],
    ] {
      let result = try runF1Kit(
        ["compare"] + arguments + ["--resamples", "100"], in: directory.url)
      #expect(result.status == 65)
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError == "Error: " + expected + suffix, "\(arguments)")
    }
    let out = directory.url.appendingPathComponent("report.html").path
    let report = try runF1Kit(
      ["report", "A=a.csv,a2.csv", "B=a2.csv,b.csv", "--resamples", "100", "--out", out],
      in: directory.url)
    #expect(report.status == 65)
    #expect(report.standardError == "Error: " + expected + suffix)
    // Standard input cannot be read again: the message has no line.
    let piped = try runF1Kit(
      ["compare", "a.csv", "-", "--resamples", "100"], input: Self.unidentified(count),
      in: directory.url)
    #expect(piped.status == 65)
    #expect(
      piped.standardError
        == "Error: stdin: expected 1000 items to match a.csv, found \(count)\n")
  }

  @Test("row by row, a gold label that differs is refused at its line in the other file")
  func placesGoldMismatchByRow() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", Self.unidentified(1_000))
    let changed = Self.unidentified(1_000).replacingOccurrences(of: "t500,0,0", with: "t500,1,0")
    directory.write("b.csv", changed)
    let result = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--resamples", "100"], in: directory.url)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == "Error: b.csv:504:2: item 501 has gold label \"1\" but \"0\" in a.csv; the files do not describe the same items\n"
    )
  }

  @Test(
    "scikit-learn's scorer names are the metrics they name",
    arguments: [
      ("f1_macro", "macro_f1"), ("f1_weighted", "weighted_f1"),
      ("precision_micro", "micro_precision"),
      ("matthews_corrcoef", "mcc"),
    ])
  func acceptsScikitLearnScorers(scorer: String, metric: String) throws {
    let files = ["fixtures/examples/prod.csv", "fixtures/examples/new.csv"]
    let given = try runF1Kit(["compare"] + files + ["--metric", scorer, "--format", "json"])
    let named = try runF1Kit(["compare"] + files + ["--metric", metric, "--format", "json"])
    #expect(given.status == 0, "\(given.standardError)")
    #expect(given.standardOutput == named.standardOutput)
  }

  @Test(
    "a gold label that differs is placed on its field, or its byte in JSON Lines, in single and run lists",
    arguments: [
      (
        "b.csv", "id,query,label,prediction\np1,q,1,1\np2,q,1,0\n",
        "b.csv:3:3: item p2 has gold label \"1\" but \"0\""
      ),
      (
        "b.jsonl",
        "{\"id\": \"p1\", \"prediction\": 0, \"label\": 1}\n{\"id\": \"p2\", \"prediction\": 0, \"label\": 1}\n",
        "b.jsonl:2:40: item p2 has gold label \"1\" but \"0\""
      ),
    ])
  func placesGoldMismatchOnItsColumn(other: String, contents: String, message: String) throws {
    let directory = TemporaryDirectory()
    let first = "id,query,label,prediction\np1,q,1,0\np2,q,0,0\n"
    directory.write("a.csv", first)
    directory.write("c.csv", first)
    directory.write(other, contents)
    let expected = "Error: \(message) in a.csv; the files do not describe the same items\n"
    for arguments in [["a.csv", other], ["A=a.csv,\(other)", "B=c.csv,a.csv"]] {
      let result = try runF1Kit(["compare"] + arguments + ["-q"], in: directory.url)
      #expect(result.status == 65)
      #expect(result.standardError == expected, "\(arguments)")
    }
  }

  @Test(
    "files that begin with a data frame's index pair items by it, as pandas aligns frames, not by position",
    arguments: ["", "Unnamed: 0", "index"])
  func alignsByPandasIndex(indexName: String) throws {
    let directory = TemporaryDirectory()
    // Sorted by gold label, so that position pairs gold labels that agree
    // but items that differ: the silent wrong answer the index prevents.
    let rows = (0..<40).map { ($0, $0 % 2 == 0 ? "yes" : "no", $0 % 3 == 0 ? "yes" : "no") }
    func file(_ name: String, _ rows: [(Int, String, String)]) -> String {
      "\(name),label,prediction\n" + rows.map { "\($0.0),\($0.1),\($0.2)\n" }.joined()
    }
    let sorted = rows.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    let other = rows.map { ($0.0, $0.1, $0.0 < 10 ? $0.1 : $0.2) }
      .sorted { ($0.1, -$0.0) < ($1.1, -$1.0) }
    directory.write("a.csv", file(indexName, sorted))
    directory.write("b.csv", file(indexName, other))
    directory.write("a-id.csv", file("id", sorted))
    directory.write("b-id.csv", file("id", other))
    let json = ["--format", "json", "--resamples", "200"]
    let byIndex = try runF1Kit(["compare", "a.csv", "b.csv"] + json, in: directory.url)
    let byID = try runF1Kit(["compare", "a-id.csv", "b-id.csv"] + json, in: directory.url)
    #expect(byIndex.status == 0, "\(byIndex.standardError)")
    #expect(
      byIndex.standardOutput
        == byID.standardOutput.replacingOccurrences(of: "-id.csv", with: ".csv"))
    let byPosition = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--no-id-column"] + json, in: directory.url)
    #expect(byPosition.status == 0)
    #expect(byPosition.standardOutput != byIndex.standardOutput)
  }

  @Test(
    "a repeated index value, as pd.concat leaves it, says the index is read as ids and how to write it"
  )
  func repeatedIndexValue() throws {
    let directory = TemporaryDirectory()
    let frame = "0,yes,yes\n1,no,yes\n"
    directory.write("a.csv", ",label,prediction\n" + frame + frame)
    directory.write("b.csv", ",label,prediction\n" + frame + frame)
    let result = try runF1Kit(["compare", "a.csv", "b.csv", "-q"], in: directory.url)
    #expect(result.status == 65)
    #expect(
      result.standardError.hasPrefix(
        "Error: a.csv:4:1: duplicate id \"0\" in field 1 (a column with no name), first seen on line 2; the first column is a data frame's index"
      ), "\(result.standardError)")
    directory.write("c.csv", "id,label,prediction\n" + frame + frame)
    let named = try runF1Kit(["compare", "c.csv", "c.csv", "-q"], in: directory.url)
    #expect(named.status == 65)
    #expect(!named.standardError.contains("data frame"), "\(named.standardError)")
  }

  @Test("files of which only some have ids are refused, not paired by position")
  func refusesIdsInSomeFiles() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "id,label,prediction\nq1,yes,yes\nq2,no,yes\n")
    directory.write("b.csv", "label,prediction\nyes,no\nno,no\n")
    let result = try runF1Kit(["compare", "a.csv", "b.csv", "-q"], in: directory.url)
    #expect(result.status == 65)
    #expect(
      result.standardError.hasPrefix(
        "Error: b.csv: expected an id column, as a.csv has, found none"),
      "\(result.standardError)")
    let byPosition = try runF1Kit(
      ["compare", "a.csv", "b.csv", "-q", "--no-id-column", "--resamples", "100"],
      in: directory.url)
    #expect(byPosition.status == 0, "\(byPosition.standardError)")
  }

  /// 500 support tickets of 5 classes (0–4) on which, with the default
  /// 9,999 resamples and seed 42, b.csv's macro-F1 is 0.053 below a.csv's:
  /// the BCa interval [−0.108, −0.001] excludes 0, but the permutation test
  /// gives p = 0.059.
  static let borderlineTickets = (
    gold: [
      "1401121120440110042431444412214112410121114420411340112444111241011421211110421413244401141204000210",
      "1402014131141201410111404041442114320120141202010114410010401044041314411000201040412004044142024212",
      "4104421044414211143134141041120440311441114001142242240414102241223404110404431412441441144422204444",
      "1011404401144240114111444241414441400340412022211140440101100412111121314444141121102140001100204120",
      "4044440224424214422100124314400444424411342431204004011042123231114111240402441114444421112003121400",
    ].joined(),
    a: [
      "1431121120443110042431441412214112210121314420410342112404131241011321212410421413200401121234000410",
      "1430032131144303410110404241442004320120441202010114410010300044041314411000201040412001044142421212",
      "4104421044414211143134041141120420311443310001140242034414102211222404110404431412441401144432004444",
      "4011404401144140114314444441414442440340412022213143440101100412111121414444141221101440001100204023",
      "4240440224424414442300122314400444423411442430204004011042123230114111230434441114444421102003411400",
    ].joined(),
    b: [
      "0421124120444110122401401012231142400121114421401330112444111211011421211330321133244401241200000210",
      "1332014131141203412101004041442111320120101202030014211010401042040304411020201040412004044142024212",
      "4134422010414211043130121141120340010441114201104202244413102211224104110034431212441241344422204404",
      "1011404031143240114111424241414421001300412422211340440334300410111321014444141223104200201100204120",
      "2144340224424214224100134314402444434411312431204004011042123101113111230402441114444423112103121400",
    ].joined()
  )

  @Test("paper statements carry the borderline caveat the verdict carries, in Markdown and LaTeX")
  func paperStatementSaysWhenIntervalAndTestDisagree() throws {
    let tickets = Self.borderlineTickets
    let directory = TemporaryDirectory()
    for (name, predictions) in [("a.csv", tickets.a), ("b.csv", tickets.b)] {
      directory.write(
        name,
        "label,prediction\n"
          + zip(tickets.gold, predictions).map { "\($0.0),\($0.1)\n" }.joined())
    }
    let caveat =
      "permutation p = 0.059, 9,999 resamples, seed 42). The 95% interval excludes 0 although the test does not reject: the two disagree at the margin, so read the difference as borderline, not absent."
    let text = try runF1Kit(["compare", "a.csv", "b.csv", "-q"], in: directory.url)
    #expect(text.standardOutput.contains("read the difference as borderline, not absent."))
    let markdown = try runF1Kit(
      ["compare", "a.csv", "b.csv", "-q", "--format", "markdown"], in: directory.url)
    #expect(markdown.status == 0, "\(markdown.standardError)")
    #expect(
      markdown.standardOutput.hasSuffix(
        "95% BCa CI \\[−0.108, −0.001\\], " + caveat + "\n"), "\(markdown.standardOutput)")
    let latex = try runF1Kit(
      ["compare", "a.csv", "b.csv", "-q", "--format", "latex"], in: directory.url)
    #expect(
      latex.standardOutput.hasSuffix(
        "95\\% BCa CI [$-$0.108, $-$0.001], "
          + caveat.replacingOccurrences(of: "%", with: "\\%") + "\n"),
      "\(latex.standardOutput)")
  }

  @Test("a verdict whose interval and test disagree on significance says so, in compare and report")
  func verdictSaysWhenIntervalAndTestDisagree() throws {
    // 120 items on which, with 999 resamples and seed 62, the permutation
    // test rejects (p = 0.036) while the BCa interval of the difference
    // reaches just below 0.
    let gold =
      "100001000111101010010100101110011111000000111111101100111000100111011100111101000101010001101100001011100101001111011000"
    let a =
      "100000000110001000010111101010111111000000110011111100000010100110110110010101000111010100001100001001100000101111111001"
    let b =
      "110000100101101010011100101110111111110000000111101100111000110110011100011101000101010001101001001010110101001111011010"
    let directory = TemporaryDirectory()
    for (name, predictions) in [("a.csv", a), ("b.csv", b)] {
      directory.write(
        name,
        "label,prediction\n"
          + zip(gold, predictions).map { "\($0.0),\($0.1)\n" }.joined())
    }
    let sentence =
      "95% CI [-0.002, 0.215], p = 0.036 (permutation test). The 95% interval still contains 0 although the test rejects: the two disagree at the margin, so read the difference as borderline."
    let compare = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--resamples", "999", "--seed", "62", "-q"],
      in: directory.url)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(
      compare.standardOutput.contains(
        "b.csv beats a.csv on binary F1 (positive label \"1\") by 0.113, " + sentence))
    let report = try runF1Kit(
      ["report", "a.csv", "b.csv", "--resamples", "999", "--seed", "62", "-q", "--out", "r.html"],
      in: directory.url)
    #expect(report.status == 0, "\(report.standardError)")
    let html = try String(
      contentsOf: directory.url.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(
      html.contains(
        "p = 0.036, permutation test. The 95% interval still contains 0 although the test rejects"))
    // With 9,999 resamples the two agree, and nothing is added.
    let agreeing = try runF1Kit(["compare", "a.csv", "b.csv", "-q"], in: directory.url)
    #expect(!agreeing.standardOutput.contains("disagree"))
  }

  @Test("an id the first file lacks is refused at its line, naming the id it replaces")
  func placesUnmatchedID() throws {
    let directory = TemporaryDirectory()
    let rows = (0..<50).map { "item\($0),\($0 % 3 == 0 ? "x" : "y"),x\n" }
    directory.write("a.csv", "id,label,prediction\n" + rows.joined())
    var renamed = rows
    renamed[7] = "item7b,y,x\n"
    directory.write("b.csv", "id,label,prediction\n" + renamed.reversed().joined())
    let result = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--resamples", "100"], in: directory.url)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == "Error: b.csv:44: expected the ids of a.csv, found id \"item7b\", which a.csv does not have, and no item with a.csv's id \"item7\"; the files do not describe the same items\n"
    )
  }

  @Test("--id-column and --no-id-column together are a usage error")
  func idColumnConflict() throws {
    let result = try runF1Kit([
      "compare", "a.csv", "b.csv", "--id-column", "id", "--no-id-column",
    ])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: '--id-column' and '--no-id-column' cannot be used together\n"))
  }

  @Test("one file is a usage error")
  func needsTwoFiles() throws {
    let result = try runF1Kit(["compare", "fixtures/stsb/test-minilm-l6.csv"])
    #expect(result.status == 64)
  }

  @Test("evaluate --ci adds an interval around every reported metric")
  func evaluateWithIntervals() throws {
    let result = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--ci", "--resamples", "999", "--format",
      "json",
    ])
    #expect(result.status == 0)
    let document = try json(result)
    let metrics = try #require(document["metrics"] as? [String: Double])
    let intervals = try #require(document["intervals"] as? [String: [String: Any]])
    #expect(Set(intervals.keys) == Set(metrics.keys))
    for (name, interval) in intervals {
      let low = try #require(interval["low"] as? Double)
      let high = try #require(interval["high"] as? Double)
      let value = try #require(metrics[name])
      #expect(low <= value && value <= high, "\(name)")
      #expect(interval["method"] as? String == "bca")
      #expect(interval["resamples"] as? Int == 999)
    }
    let text = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--ci", "--resamples", "999",
    ])
    #expect(
      text.standardOutput.contains(
        "95% confidence intervals (bca bootstrap, 999 resamples, seed 42)"))
  }

  @Test("basic intervals past the metric's range stay unclipped and get a note, in text and JSON")
  func basicIntervalPastRange() throws {
    let folder = TemporaryDirectory()
    // 60 items: a is wrong on one, b on three; gold alternates.
    func file(_ name: String, wrong: Set<Int>) -> String {
      folder.write(
        name,
        "gold,pred\n"
          + (0..<60).map { item in
            let gold = item % 2 == 0 ? "pos" : "neg"
            let other = item % 2 == 0 ? "neg" : "pos"
            return "\(gold),\(wrong.contains(item) ? other : gold)\n"
          }.joined())
    }
    let a = file("a.csv", wrong: [3])
    let b = file("b.csv", wrong: [7, 20, 33])
    let basic = ["--ci-method", "basic", "--resamples", "999", "-q"]
    let note = "percentile or BCa intervals stay within it."
    let evaluate = try runF1Kit(["evaluate", a, "--ci"] + basic)
    #expect(evaluate.status == 0, "\(evaluate.standardError)")
    #expect(evaluate.standardOutput.contains("\nNote: "), "\(evaluate.standardOutput)")
    #expect(
      evaluate.standardOutput.contains(
        "basic intervals reach past their metric's range, such as accuracy ["))
    #expect(evaluate.standardOutput.contains(note))
    let evaluateJSON = try json(try runF1Kit(["evaluate", a, "--ci", "--format", "json"] + basic))
    let accuracy = try #require(
      (evaluateJSON["intervals"] as? [String: Any])?["accuracy"] as? [String: Any])
    #expect((accuracy["high"] as? Double ?? 0) > 1)
    let cautions = try #require(evaluateJSON["cautions"] as? [String])
    #expect(cautions.count == 1 && cautions[0].hasSuffix(note), "\(cautions)")
    let compareOptions = ["--metric", "accuracy"] + basic
    let compare = try runF1Kit(["compare", a, b] + compareOptions)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(
      compare.standardOutput.contains(
        "\nNote: 2 basic intervals reach past their metric's range, such as a.csv's accuracy ["),
      "\(compare.standardOutput)")
    let compareJSON = try json(
      try runF1Kit(["compare", a, b, "--format", "json"] + compareOptions))
    let compareCautions = try #require(compareJSON["cautions"] as? [String])
    #expect(compareCautions.count == 1 && compareCautions[0].hasSuffix(note))
    let stratified = try runF1Kit(["compare", a, b, "--stratify", "gold"] + compareOptions)
    #expect(stratified.standardOutput.contains(note), "\(stratified.standardOutput)")
    // Percentile and BCa intervals keep to [0, 1]: no note, no cautions.
    for method in ["percentile", "bca"] {
      let options = ["--ci-method", method, "--resamples", "999", "-q"]
      let text = try runF1Kit(["evaluate", a, "--ci"] + options)
      #expect(!text.standardOutput.contains("Note:"), "\(method)")
      let document = try json(
        try runF1Kit(["compare", a, b, "--metric", "accuracy", "--format", "json"] + options))
      #expect(document["cautions"] == nil, "\(method)")
    }
  }
}
