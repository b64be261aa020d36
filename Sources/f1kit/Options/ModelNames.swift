import CommandLineSupport
import Foundation

/// How the commands that read several models name them, so that every
/// output names a model the same way: `--names`, or the file names.
enum ModelNames {
  /// `--names a,b,c`.
  static let option = Option<[String]?>(
    name: "names",
    help: "Names of the models, separated by commas (default: the file names).",
    default: .some(nil), expectation: "names separated by commas, or a JSON array of strings",
    convert: { ScoringOptions.parseList($0).map { .some($0) } })

  /// The names given, after checking there is one per file.
  ///
  /// - Parameters:
  ///   - values: The parsed command line.
  ///   - paths: The files.
  /// - Returns: The names, or `nil` when `--names` was not given.
  /// - Throws: ``UsageError`` when the counts differ.
  static func given(_ values: ParsedValues, paths: [String]) throws(UsageError) -> [String]? {
    let names = values[option]
    if let names, names.count != paths.count {
      throw UsageError(
        "expected \(paths.count) names in --names, one per model, found \(names.count)")
    }
    return names
  }

  /// File names, or whole paths when two files share a name; standard
  /// input is `stdin`.
  ///
  /// - Parameter paths: The files, as given.
  /// - Returns: One name per file.
  static func defaults(_ paths: [String]) -> [String] {
    let names = paths.map { $0 == "-" ? "stdin" : URL(fileURLWithPath: $0).lastPathComponent }
    return Set(names).count == names.count ? names : paths
  }
}
