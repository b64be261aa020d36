import CommandLineSupport
import F1KitReading
import Foundation

extension ModelColumns {
  /// Checks that the shards read hold different items: warns about a shard
  /// that copies an earlier one, and refuses a shard listed twice, shards
  /// that begin with the same id, and then a shard that holds any id an
  /// earlier one holds.
  ///
  /// - Parameters:
  ///   - paths: The shards that hold items.
  ///   - ids: The check the shards' counts were read through.
  ///   - reader: How the shards are read, for their id column.
  /// - Throws: As ``checkedShardWarnings(_:reader:)``, and a one-line data
  ///   failure (exit 65) naming both files and lines for an id two shards
  ///   hold (see ``ShardIDCheck/check()``).
  static func checkShards(_ paths: [String], ids: ShardIDCheck, reader: PredictionFileOptions)
    throws(CommandFailure)
  {
    Console.writeWarnings(try checkedShardWarnings(paths, reader: reader))
    // After the shards' first ids, whose refusal says what such shards
    // more likely are: runs over the same items.
    do {
      try ids.check()
    } catch {
      throw failure(error)
    }
  }

  /// Checks the summed labels of several shards, whose labels were not
  /// checked one shard at a time: a shard of a hash-partitioned table may
  /// hold only some gold labels. One file was checked as it was read.
  ///
  /// - Parameters:
  ///   - total: The shards' summed counts.
  ///   - paths: The shards.
  ///   - options: The options the labels are checked with.
  /// - Throws: The one-line failure of labels that do not fit.
  static func checkSummedLabelSets(
    _ total: JointCounts, of paths: [String], options: PredictionFileOptions
  ) throws(CommandFailure) {
    guard paths.count > 1 else { return }
    do {
      try total.checkLabelSets(options: options, path: paths.joined(separator: " + "))
    } catch {
      throw failure(error)
    }
  }

  /// Refuses a shard listed twice and warns about a shard whose bytes
  /// equal an earlier one's: either way its items would count twice in
  /// the summed data set, narrowing every interval with no sign of it.
  ///
  /// Files are the same when they are one file on disk (`a.csv`,
  /// `./a.csv`, a link to it). Copies are found by size first, so only
  /// files of equal size are read, and only until they differ. Shards
  /// with ids that begin with the same id hold the same items, as runs of
  /// one model do (`evaluate seed-*.csv`), and are refused; shards that
  /// share only later items are refused afterwards, by ``ShardIDCheck``.
  ///
  /// - Parameters:
  ///   - paths: The shards that hold items (a header-only shard, as Spark
  ///     writes for an empty partition, adds nothing however often it is
  ///     given); standard input is left out.
  ///   - reader: How the shards are read, for their id column.
  /// - Returns: A warning for each shard that copies an earlier one.
  /// - Throws: A usage failure for a shard listed twice, or shards that
  ///   begin with the same id.
  /// - Complexity: O(*s*²) comparisons of fingerprints for *s* shards,
  ///   each shard's size and first bytes read once, plus reading whole the
  ///   files whose fingerprints agree.
  static func checkedShardWarnings(_ paths: [String], reader: PredictionFileOptions)
    throws(CommandFailure) -> [String]
  {
    let files = paths.filter { $0 != "-" }
    var seen: [FileIdentity: String] = [:]
    var warnings: [String] = []
    var fingerprints = FileFingerprints()
    for (index, path) in files.enumerated() {
      if let earlier = seen.updateValue(path, forKey: FileIdentity(path)) {
        throw .usage(
          "the shard '\(path)' is the file '\(earlier)' again, so its items would count twice; list each shard once"
        )
      }
      if let copied = files[..<index].first(where: { fingerprints.haveSameBytes($0, path) }) {
        warnings.append(
          "the shard '\(path)' has the same bytes as '\(copied)': if it is a copy, its items count twice and every interval is too narrow"
        )
      }
    }
    try refuseShardsOfTheSameItems(files, reader: reader)
    return warnings
  }

  /// Refuses shards that begin with the same id: shards hold different
  /// items, so two that start alike are more likely several runs over one
  /// test set, whose items would each count once per run.
  private static func refuseShardsOfTheSameItems(
    _ files: [String], reader: PredictionFileOptions
  ) throws(CommandFailure) {
    guard files.count > 1 else { return }
    var firstFile: [String: String] = [:]
    for path in files {
      guard let id = (try? PredictionReader(path: path, options: reader))?.firstID() else {
        continue
      }
      if let earlier = firstFile.updateValue(path, forKey: id) {
        let shards =
          InputOptions.beginsWithIndexColumn(path)
          ? "if they are shards whose frames each number their rows from 0 (the index pandas' to_csv() writes), give --no-id-column to read each row as an item of its own"
          : "if they are shards of different items, give --no-id-column to read each row as an item of its own"
        throw .usage(
          "the shards '\(earlier)' and '\(path)' both begin with the item id \"\(id)\": shards of one data set hold different items, and these look like runs over the same items, whose items would count once per file; compare runs with 'f1kit compare NAME=\(earlier),\(path)', or evaluate one file; \(shards)"
        )
      }
    }
  }
}
