import F1Kit
import F1KitReading
import Foundation
import Testing

/// A count table that keeps a model's or run's name in a column it is not
/// asked to read counts one test set once per name: these tests pin down
/// that such a table is refused rather than summed over the column, and
/// that tables whose extra column splits the items are still read.
@Suite("a count table that counts one test set once per model or run")
struct RepeatedTestSetEvidenceTests {
  /// The long table `GROUP BY model, label, prediction` writes for two
  /// models of one test set of 50 cats and 50 dogs.
  static let longTable: String =
    "model,label,prediction,count\n"
    + "a,cat,cat,40\na,cat,dog,10\na,dog,dog,35\na,dog,cat,15\n"
    + "b,cat,cat,30\nb,cat,dog,20\nb,dog,dog,45\nb,dog,cat,5\n"

  /// Two seeds of two models in a wide table, `GROUP BY seed, label,
  /// model_a, model_b`: each seed counts the same 6 items.
  static let seedTable: String =
    "seed,label,model_a,model_b,count\n"
    + "1,x,x,x,2\n1,x,y,x,1\n1,y,y,y,2\n1,y,y,x,1\n"
    + "2,x,x,x,1\n2,x,x,y,2\n2,y,y,y,3\n"

  /// A table grouped by query as well, read without its group column:
  /// each query holds its own share of the classes.
  static let groupedTable: String =
    "label,prediction,query,count\n"
    + "cat,cat,q1,4\ncat,dog,q1,1\ndog,dog,q1,2\n"
    + "cat,cat,q2,1\ndog,dog,q2,5\ndog,cat,q2,1\n"
    + "cat,cat,q3,3\ndog,dog,q3,3\n"

  @Test("a long table of two models is refused, naming the column and the shared items")
  func refusesLongTable() throws {
    let failure = try #require(try PredictionFileFixture.failure(Self.longTable))
    #expect(
      failure.error.reason
        == .countsRepeatTestSet(
          column: "model", values: ["a", "b"], goldLabels: ["cat", "dog"], goldCounts: [50, 50]))
    #expect(
      failure.message.hasPrefix(
        ": every value of the column \"model\" (\"a\", \"b\") counts the same 100 items per gold label (cat 50, dog 50), as a table with one block of rows per model or run of one test set does, and summing the counts over \"model\", which is not read, would then count each item 2 times; keep one value's rows (WHERE model = 'a')"
      ), "\(failure.message)")
    // Named as the count column, the table is refused all the same.
    let named = try #require(
      try PredictionFileFixture.failure(
        Self.longTable, options: PredictionFileOptions(countColumn: "count")))
    #expect(named.error.reason == failure.error.reason)
  }

  @Test("a long table separated by semicolons is refused as one separated by commas is")
  func refusesSemicolons() throws {
    let text = Self.longTable.replacingOccurrences(of: ",", with: ";")
    let failure = try #require(try PredictionFileFixture.failure(text))
    #expect(
      failure.error.reason
        == .countsRepeatTestSet(
          column: "model", values: ["a", "b"], goldLabels: ["cat", "dog"], goldCounts: [50, 50]))
  }

  @Test("a wide table of several seeds is refused when its models are read jointly")
  func refusesSeedsOfJointCounts() throws {
    let path = try PredictionFileFixture.write(Self.seedTable)
    #expect {
      _ = try PredictionReader(path: path).readJointCounts(predictionColumns: [
        "model_a", "model_b",
      ])
    } throws: { error in
      (error as? PredictionFileError)?.reason
        == .countsRepeatTestSet(
          column: "seed", values: ["1", "2"], goldLabels: ["x", "y"], goldCounts: [3, 3])
    }
  }

  @Test("a column that splits the items, or one read as the group column, is summed over")
  func keepsSplittingColumns() throws {
    let grouped = try PredictionFileFixture.counts(Self.groupedTable)
    #expect(grouped == ["cat→cat": 8, "cat→dog": 1, "dog→dog": 10, "dog→cat": 1])
    let path = try PredictionFileFixture.write(Self.longTable)
    let groups = try PredictionReader(path: path).readJointCounts(
      predictionColumns: ["prediction"], groupColumn: "model")
    #expect(groups.itemCount == 200)
    // One model's rows alone are read.
    let one = try PredictionFileFixture.counts(
      "model,label,prediction,count\n" + "a,cat,cat,40\na,cat,dog,10\na,dog,dog,35\na,dog,cat,15\n")
    #expect(one == ["cat→cat": 40, "cat→dog": 10, "dog→dog": 35, "dog→cat": 15])
  }
}
