import CommandLineSupport
import Foundation

extension ModelColumns {
  /// Refuses a shard listed twice and warns about a shard whose bytes
  /// equal an earlier one's: either way its items would count twice in
  /// the summed data set, narrowing every interval with no sign of it.
  ///
  /// Files are the same when they are one file on disk (`a.csv`,
  /// `./a.csv`, a link to it). Copies are found by size first, so only
  /// files of equal size are read, and only until they differ. Shards
  /// that share some items are not found: the counting path reads no ids.
  ///
  /// - Parameter paths: The shards that hold items (a header-only shard,
  ///   as Spark writes for an empty partition, adds nothing however often
  ///   it is given); standard input is left out.
  /// - Returns: A warning for each shard that copies an earlier one.
  /// - Throws: A usage failure for a shard listed twice.
  /// - Complexity: O(*s*²) size lookups for *s* shards, plus reading the
  ///   files of equal size.
  static func checkedShardWarnings(_ paths: [String]) throws(CommandFailure) -> [String] {
    let files = paths.filter { $0 != "-" }
    var seen: [FileIdentity: String] = [:]
    var warnings: [String] = []
    for (index, path) in files.enumerated() {
      if let earlier = seen.updateValue(path, forKey: FileIdentity(path)) {
        throw .usage(
          "The shard '\(path)' is the file '\(earlier)' again, so its items would count twice; list each shard once"
        )
      }
      if let copied = files[..<index].first(where: { FileIdentity.haveSameBytes($0, path) }) {
        warnings.append(
          "the shard '\(path)' has the same bytes as '\(copied)': if it is a copy, its items count twice and every interval is too narrow"
        )
      }
    }
    return warnings
  }
}
