import Foundation
import Testing
import _TestSupport

/// A count table that keeps each model's or run's name in a column it is
/// not asked to read (`GROUP BY model, label, prediction`) would be summed
/// over that column, each item counted once per model or run; every
/// command refuses it, exit 65, and reads a table whose extra column
/// splits the items.
@Suite("count tables that count one test set once per model or run")
struct RepeatedTestSetCommandTests {
  /// Two seeds of two models over the same 60 items, as
  /// `GROUP BY seed, label, model_a, model_b` writes them.
  static let seeds: String = {
    var rows = ["seed,label,model_a,model_b,count"]
    for seed in 1...2 {
      for (index, cell) in ["0,0,0", "0,0,1", "0,1,0", "1,1,1", "1,0,1", "1,1,0"].enumerated() {
        let count = seed == 1 ? [12, 6, 2, 14, 4, 2][index] : [10, 8, 2, 11, 6, 3][index]
        rows.append("\(seed),\(cell),\(count)")
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }()

  static let commands: [[String]] = [
    ["evaluate", "--pred-column", "model_a"], ["advise", "--pred-column", "model_a"],
    ["evaluate", "--pred-columns", "model_a,model_b"],
    ["compare", "--pred-columns", "model_a,model_b", "--resamples", "100"],
    [
      "gate", "--pred-columns", "model_a,model_b", "--metric", "macro_f1", "--margin", "0.5",
      "--resamples", "100",
    ],
    ["report", "--pred-columns", "model_a,model_b", "--resamples", "100", "--out", "r.html"],
  ]

  @Test(
    "a table of several seeds exits 65 on every command, naming the column", arguments: commands)
  func seedsAreRefused(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let file = folder.write("counts.csv", Self.seeds)
    let result = try runF1Kit([arguments[0], file] + arguments.dropFirst(), in: folder.url)
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.hasPrefix(
        "Error: \(file): every value of the column \"seed\" (\"1\", \"2\") counts the same 40 items per gold label (0 20, 1 20)"
      ), "\(result.standardError)")
    // One seed's rows are read.
    let one = folder.write(
      "seed1.csv", Self.seeds.split(separator: "\n").prefix(7).joined(separator: "\n") + "\n")
    let read = try runF1Kit([arguments[0], one] + arguments.dropFirst(), in: folder.url)
    // gate exits 1 when the candidate fails its margin.
    #expect(
      read.status == 0 || arguments[0] == "gate" && read.status == 1, "\(read.standardError)")
  }
}
