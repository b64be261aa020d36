import Foundation
import Testing
import _TestSupport

/// `f1kit report` places an alignment error at a line of the file it is
/// about, as `compare` does, rather than naming only the file; so do both
/// for id-aligned files of different lengths and for multilabel files.
@Suite("f1kit report and compare: files that do not align")
struct ReportAlignmentCommandTests {
  /// A file without ids: `count` items, gold alternating 0 and 1.
  static func unidentified(_ count: Int, flipping flipped: Int? = nil) -> String {
    "text,label,prediction\n"
      + (0..<count).map { item in
        let gold = item == flipped ? (item + 1) % 2 : item % 2
        return "t\(item),\(gold),0\n"
      }.joined()
  }

  /// A file with ids `item0` … `item49`, its rows in reverse when asked.
  static func identified(renaming renamed: Int? = nil, reversed: Bool = false) -> String {
    var rows = (0..<50).map { "item\($0),\($0 % 3 == 0 ? "x" : "y"),x\n" }
    if let renamed { rows[renamed] = "item\(renamed)b,y,x\n" }
    return "id,label,prediction\n" + (reversed ? rows.reversed() : rows).joined()
  }

  /// A second file that does not match the first row by row, and the
  /// line its error is expected to have.
  enum Mismatch: String, CaseIterable, CustomTestStringConvertible {
    case goldLabel = "a gold label that differs row by row"
    case shorterFile = "a shorter file"

    var testDescription: String { rawValue }

    var secondFile: String {
      switch self {
      case .goldLabel: unidentified(1_000, flipping: 500)
      case .shorterFile: unidentified(998)
      }
    }

    var message: String {
      switch self {
      case .goldLabel:
        "b.csv:502:2: item 501 has gold label \"1\" but \"0\" in a.csv; the files do not describe the same items"
      case .shorterFile:
        "b.csv:999: expected 1000 items to match a.csv, found 998 (its last item, item 998, is on this line; without an id column in every file, files are aligned row by row)"
      }
    }
  }

  @Test(
    "a row-aligned file that does not match is refused at its line",
    arguments: Mismatch.allCases)
  func placesRowAlignedErrors(mismatch: Mismatch) throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", Self.unidentified(1_000))
    directory.write("b.csv", mismatch.secondFile)
    let result = try runF1Kit(
      ["report", "a.csv", "b.csv", "--resamples", "100", "--out", "r.html", "-q"],
      in: directory.url)
    #expect(result.status == 65)
    #expect(result.standardError == "Error: \(mismatch.message)\n")
    #expect(
      !FileManager.default.fileExists(
        atPath: directory.url.appendingPathComponent("r.html").path))
  }

  @Test("an id the first file lacks is refused at its line in the other file")
  func placesUnmatchedID() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", Self.identified())
    directory.write("b.csv", Self.identified(renaming: 7, reversed: true))
    let result = try runF1Kit(
      [
        "report", "a.csv", "b.csv", "--resamples", "100", "--out", "r.html", "-q", "--positive",
        "x",
      ],
      in: directory.url)
    #expect(result.status == 65)
    #expect(
      result.standardError
        == "Error: b.csv:44: expected the ids of a.csv, found id \"item7b\", which a.csv does not have, and no item with a.csv's id \"item7\"; the files do not describe the same items\n"
    )
  }

  @Test(
    "by id, a file with an item more or less is refused at the line of an unpaired id",
    arguments: ["compare", "report"])
  func placesUnpairedID(command: String) throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", Self.identified())
    let rows = Self.identified().split(separator: "\n").map { $0 + "\n" }
    // b.csv lacks item20 (line 22 of a.csv); c.csv has an item99 at its end.
    directory.write("b.csv", (rows[..<21] + rows[22...]).joined())
    directory.write("c.csv", rows.joined() + "item99,y,x\n")
    let options = ["--resamples", "100", "--positive", "x"]
    let output = command == "report" ? ["--out", "r.html", "-q"] : []
    let shorter = try runF1Kit(
      [command, "a.csv", "b.csv"] + options + output, in: directory.url)
    #expect(shorter.status == 65)
    #expect(
      shorter.standardError
        == "Error: a.csv:22: id \"item20\" on this line, which b.csv does not have (a.csv has 50 items, b.csv has 49); files with an id column are aligned by id, and these do not describe the same items\n"
    )
    let longer = try runF1Kit(
      [command, "a.csv", "c.csv"] + options + output, in: directory.url)
    #expect(longer.status == 65)
    #expect(
      longer.standardError
        == "Error: c.csv:52: id \"item99\" on this line, which a.csv does not have (c.csv has 51 items, a.csv has 50); files with an id column are aligned by id, and these do not describe the same items\n"
    )
  }

  @Test(
    "multilabel files that do not align are refused at a line too",
    arguments: ["compare", "report"])
  func placesMultilabelErrors(command: String) throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "id,label,prediction\n1,a|b,a\n2,b,b\n3,a,a|b\n4,b,a\n")
    directory.write("b.csv", "id,label,prediction\n4,b,a\n2,b,b\n3,b,a|b\n1,a|b,a\n")
    directory.write("c.csv", "label,prediction\na|b,a\nb,b\na,a|b\nb,a\n")
    directory.write("d.csv", "label,prediction\na|b,a\nb,b\na,a|b\n")
    let options = ["--problem", "multilabel", "--resamples", "100"]
    let output = command == "report" ? ["--out", "r.html", "-q"] : []
    let gold = try runF1Kit([command, "a.csv", "b.csv"] + options + output, in: directory.url)
    #expect(gold.status == 65)
    #expect(
      gold.standardError
        == "Error: b.csv:4: item 3 has gold label \"b\" but \"a\" in a.csv; the files do not describe the same items\n"
    )
    // Weights that differ are named as weights, worded as single-label files' are.
    directory.write("w1.csv", "id,label,prediction,w\ni1,a|b,a,1\ni2,b,b,2\ni3,a,a,1\n")
    directory.write("w2.csv", "id,label,prediction,w\ni1,a|b,a|b,1\ni2,b,b,2.5\ni3,a,a,1\n")
    let weights = try runF1Kit(
      [command, "w1.csv", "w2.csv", "--weight-column", "w"] + options + output,
      in: directory.url)
    #expect(weights.status == 65)
    #expect(
      weights.standardError
        == "Error: w2.csv:3: item i2 has sample weight 2.5 but 2 in w1.csv; every file must give an item the same weight\n"
    )
    let shorter = try runF1Kit([command, "c.csv", "d.csv"] + options + output, in: directory.url)
    #expect(shorter.status == 65)
    #expect(
      shorter.standardError
        == "Error: d.csv:4: expected 4 items to match c.csv, found 3 (its last item, item 3, is on this line; without an id column in every file, files are aligned row by row)\n"
    )
  }
}
