import F1Kit
import F1KitReading
import Foundation
import Testing

/// Hostile inputs end in one clear error line, never a crash or unbounded
/// memory (issue 14 §1, §3, §6).
@Suite("Reading hostile input")
struct ReadingHardeningTests {
  @Test(
    "count tables whose total passes 2^53 stop at the line that passes it",
    arguments: [
      ("a,a,4611686018427387904\nb,b,4611686018427387904\n", 2),
      ("a,a,9223372036854775807\nb,b,0\n", 2),
      ("a,a,9007199254740992\nb,b,1\n", 3),
      ("a,a,4503599627370496\nb,b,4503599627370496\na,b,1\n", 4),
    ])
  func countOverflow(rows: String, line: Int) throws {
    let text = "label,prediction,count\n" + rows
    let failure = try #require(try PredictionFileFixture.failure(text))
    #expect(failure.error.location?.line == line)
    #expect(
      failure.message.hasSuffix(
        "the counts add up to more than 9007199254740992 items in field 3, the most F1Kit counts exactly"
      ))
  }

  @Test("a total of exactly 2^53 is counted")
  func largestTotal() throws {
    let counts = try PredictionFileFixture.counts(
      "label,prediction,count\na,a,4503599627370496\nb,b,4503599627370495\nb,a,1\n")
    #expect(counts.values.reduce(0, +) == 1 << 53)
  }

  @Test("a record longer than the limit stops at its line, in every format")
  func recordTooLong() throws {
    let long = String(repeating: "x", count: 5000)
    let cases = [
      ("label,prediction\na,b\n\(long),b\n", "p.csv", 3),
      ("label\tprediction\na\tb\nc\t\(long)\n", "p.tsv", 3),
      (
        "{\"label\": \"a\", \"prediction\": \"b\"}\n{\"label\": \"\(long)\", \"prediction\": \"b\"}\n",
        "p.jsonl", 2
      ),
      ("\(long),prediction\n", "p.csv", 1),
    ]
    for (text, name, line) in cases {
      let options = PredictionFileOptions(chunkSize: 512, maximumRecordByteCount: 4096)
      for readsItems in [false, true] {
        let failure = try #require(
          try PredictionFileFixture.failure(
            text, name: name, options: options, readsItems: readsItems))
        #expect(failure.error.location?.line == line, "\(name)")
        #expect(
          failure.message.contains(
            "a record longer than 4096 bytes starts on this line; raise the limit with --max-record-bytes"
          ))
      }
      let raised = PredictionFileOptions(chunkSize: 512, maximumRecordByteCount: 1 << 20)
      #expect(
        try PredictionFileFixture.failure(text, name: name, options: raised) == nil || line == 1)
    }
  }

  /// A record of `length` bytes, its line ending (if any) included, in a
  /// file whose header is short enough for any limit used below.
  static func fileWithRecord(
    length: Int, name: String, ending: String
  ) -> String {
    switch name {
    case "p.jsonl":
      let frame = "{\"label\": \"a\", \"prediction\": \"\"}".utf8.count + ending.utf8.count
      let padding = String(repeating: "x", count: length - frame)
      return "{\"label\": \"a\", \"prediction\": \"b\"}\n"
        + "{\"label\": \"a\", \"prediction\": \"\(padding)\"}\(ending)"
    default:
      let delimiter = name == "p.tsv" ? "\t" : ","
      let padding = String(repeating: "x", count: length - 2 - ending.utf8.count)
      return "label\(delimiter)prediction\na\(delimiter)b\na\(delimiter)\(padding)\(ending)"
    }
  }

  @Test(
    "the record limit is exact: a record of the limit's length passes and one byte more is refused",
    arguments: [1, 7, 64, 4096], ["p.csv", "p.tsv", "p.jsonl"])
  func recordLimitIsExact(chunkSize: Int, name: String) throws {
    let limit = 64
    for ending in ["\n", "\r\n", ""] {
      for (readsItems, parallelFrom) in [(false, Int.max), (true, Int.max), (false, 0)] {
        var options = PredictionFileOptions(chunkSize: chunkSize, maximumRecordByteCount: limit)
        options.minimumParallelByteCount = parallelFrom
        let fits = Self.fileWithRecord(length: limit, name: name, ending: ending)
        let fitting = try PredictionFileFixture.failure(
          fits, name: name, options: options, readsItems: readsItems)
        #expect(fitting == nil, "\(chunkSize) \(name) \(ending.debugDescription)")
        let passes = Self.fileWithRecord(length: limit + 1, name: name, ending: ending)
        let failure = try #require(
          try PredictionFileFixture.failure(
            passes, name: name, options: options, readsItems: readsItems))
        #expect(failure.error.location?.line == (name == "p.jsonl" ? 2 : 3))
        guard case .recordTooLong(limit: limit) = failure.error.reason else {
          Issue.record("\(chunkSize) \(name): \(failure.message)")
          continue
        }
      }
    }
  }

  @Test("an endless stream of zero bytes ends with an error, not unbounded memory")
  func devZero() throws {
    guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
    let options = PredictionFileOptions(maximumRecordByteCount: 1 << 20)
    #expect {
      _ = try PredictionReader(path: "/dev/zero", options: options).readCounts()
    } throws: { error in
      // NUL bytes are in no text: refused at the first chunk, as binary.
      guard let error = error as? PredictionFileError,
        case .notText(kind: .binary) = error.reason
      else { return false }
      return error.location?.line == 1
    }
  }

  /// Every command probes a file for label sets before reading it, so the
  /// probe is bounded too: before, `f1kit evaluate /dev/zero` grew past
  /// 3 GB in the probe and never reached the reader's limit.
  @Test(
    "the multilabel probe stops at the record limit on an endless stream",
    .timeLimit(.minutes(1)))
  func labelSetProbeIsBounded() throws {
    guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
    let options = LabelSetOptions(
      file: PredictionFileOptions(maximumRecordByteCount: 1 << 20))
    #expect(!LabelSetReader.holdsLabelSets(path: "/dev/zero", options: options))
  }

  @Test("labels in errors have control characters escaped and are cut short, on one line")
  func labelsEscapedInErrors() throws {
    let hostile = "evil\u{1B}]0;title\u{07}\nnext" + String(repeating: "y", count: 500)
    let text = "id,label,prediction\n\"\(hostile)\",a,a\n\"\(hostile)\",b,a\n"
    let failure = try #require(try PredictionFileFixture.failure(text, readsItems: true))
    #expect(!failure.message.contains("\n"))
    #expect(!failure.message.contains("\u{1B}"))
    #expect(failure.message.contains(#"duplicate id "evil\u{1B}]0;title\u{7}\nnext"#))
    let metricsError = MetricsError.duplicateLabel(hostile).description
    #expect(metricsError.contains(#"evil\u{1B}]0;title\u{7}\nnext"#))
    #expect(metricsError.contains("…"))
    #expect(!metricsError.contains("\n"))
    #expect(metricsError.unicodeScalars.count < 120)
  }

  @Test("the text report escapes control characters in labels")
  func labelsEscapedInTextReport() throws {
    let labels = ["a\u{1B}[31m", "b\nc"]
    let matrix = try ConfusionMatrix(gold: labels, predicted: labels.reversed())
    let report = try ClassificationMetrics(
      confusionMatrix: matrix, options: .init(positiveLabel: labels[0])
    ).textReport(digits: 2)
    #expect(!report.contains("\u{1B}"))
    #expect(report.contains(#"a\u{1B}[31m"#))
    #expect(report.contains(#"b\nc"#))
  }
}
