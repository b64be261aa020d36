import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ExperimentOptions {
  /// The run files a run list's entries name once file-name patterns are
  /// expanded: `A='runs/seed-*/predictions.csv'` is every matching file.
  ///
  /// A shell expands a pattern only when the whole word matches a file,
  /// and `A=runs/seed-*.csv` never does, so the pattern reaches F1Kit as
  /// typed. An entry is expanded only when it does not name an existing
  /// file and holds `*`, `?` or `[`; its matches are sorted with numbers
  /// compared by value (`seed-2` before `seed-10`), so the runs keep one
  /// order, and so one set of draws, from any shell. An entry that matches
  /// nothing is kept as typed, as a shell keeps it, and the reader then
  /// names it as missing.
  ///
  /// - Parameter entries: The run list's entries, in order.
  /// - Returns: The entries with each pattern replaced by its matches.
  static func expandingPatterns(in entries: [String]) -> [String] {
    entries.flatMap { entry -> [String] in
      guard entry != "-", entry.contains(where: { "*?[".contains($0) }),
        !FileManager.default.fileExists(atPath: entry)
      else { return [entry] }
      let matches = fileMatches(of: entry)
      return matches.isEmpty ? [entry] : matches
    }
  }

  /// The paths `pattern` matches, by `glob(3)`, in numeric-aware order.
  private static func fileMatches(of pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    let paths = (0..<Int(result.gl_pathc)).compactMap { index in
      result.gl_pathv[index].map { String(cString: $0) }
    }
    return paths.sorted { $0.compare($1, options: [.numeric, .literal]) == .orderedAscending }
  }
}
