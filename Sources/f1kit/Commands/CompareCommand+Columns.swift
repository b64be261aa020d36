import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension CompareCommand {
  /// The comparison's counts: from the files aligned item by item, or from
  /// the joint counts of one file's prediction columns summed over its
  /// shards (`--pred-columns`), which give the same counts for the same
  /// items, whether the file lists items or counts.
  func comparisonCounts() throws(CommandFailure) -> ComparisonCounts {
    if let predictionColumns {
      let joint = try ModelColumns.readJointCounts(
        paths, columns: predictionColumns, input: input)
      do {
        return try ComparisonCounts(joint, labels: input.labels)
      } catch {
        throw .usage(error.description)
      }
    }
    let aligned = try Self.align(paths, input: input, names: names)
    do {
      return try ComparisonCounts(aligned)
    } catch {
      throw .data(error.description)
    }
  }
}
