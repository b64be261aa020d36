import CommandLineSupport
import Foundation

extension ExperimentOptions {
  /// The files of a run list, the part after `NAME=`: commas separate the
  /// runs' files, and `\,` is a comma within a file's name.
  ///
  /// A comma that is not escaped may still belong to a file's name: when
  /// the pieces between commas do not all exist but joining neighbouring
  /// pieces gives existing files in exactly one way, that way is taken. A
  /// list that can be read as existing files in more than one way is
  /// refused, naming two readings. A list that cannot be read as existing
  /// files at all is split at every comma, its file-name patterns are
  /// expanded (see ``expandingPatterns(in:)``), and reading names any
  /// missing file.
  ///
  /// - Parameters:
  ///   - list: The run list.
  ///   - argument: The whole argument, for messages.
  /// - Returns: The files, in order.
  /// - Throws: ``UsageError`` for an empty entry (usually an unset shell
  ///   variable) or a list with two readings.
  /// - Complexity: O(*p*²) file-system look-ups for *p* pieces, fewer when
  ///   joined pieces grow past the longest path.
  static func runFiles(in list: Substring, argument: String) throws(UsageError) -> [String] {
    let pieces = Self.pieces(of: list)
    let name = argument[..<argument.firstIndex(of: "=")!]
    let readings = Self.readings(of: pieces, limit: 2)
    if readings.count == 2 {
      throw UsageError(
        "'\(argument)' can be read as the runs \(Self.quotedList(readings[0])) or as \(readings[1].count == 1 ? "the one file" : "the runs") \(Self.quotedList(readings[1])), files that all exist; write a comma that belongs to a file's name as '\\,' (\(name)=\(Self.escapedList(readings[1]))), or start each run's relative path with './' to keep the runs apart (\(name)=\(Self.separatedList(readings[0])))"
      )
    }
    if let reading = readings.first { return reading }
    if let empty = pieces.firstIndex(where: \.isEmpty) {
      // A space after a comma ends an unquoted argument there.
      let space =
        empty == pieces.count - 1 && pieces.count > 1
        ? ", or a space after the last comma, where the shell ends the argument: write the run list without spaces (\(name)=a.csv,b.csv)"
        : ""
      throw UsageError(
        "expected a file name in entry \(empty + 1) of the run list '\(argument)', found an empty entry; an unset shell variable is the usual cause\(space)"
      )
    }
    try refuseSpacedEntries(pieces, argument: argument)
    return expandingPatterns(in: pieces)
  }

  /// Refuses an entry of a run list that no file is named but that names
  /// one once the spaces around it are trimmed (`A=a.csv, b.csv`): reading
  /// it would say that " b.csv" cannot be opened, and the space is hard
  /// to see.
  ///
  /// - Parameters:
  ///   - pieces: The run list's entries.
  ///   - argument: The whole argument, for messages.
  /// - Throws: ``UsageError`` naming the first such entry and the list
  ///   without the spaces.
  private static func refuseSpacedEntries(_ pieces: [String], argument: String)
    throws(UsageError)
  {
    let trimmed = pieces.map { $0.trimmingCharacters(in: .whitespaces) }
    guard
      let spaced = pieces.indices.first(where: { index in
        pieces[index] != trimmed[index] && !FileManager.default.fileExists(atPath: pieces[index])
          && FileManager.default.fileExists(atPath: trimmed[index])
      })
    else { return }
    let name = argument[..<argument.firstIndex(of: "=")!]
    throw UsageError(
      "expected a file name in entry \(spaced + 1) of the run list '\(argument)', found '\(pieces[spaced])', which no file is named, with spaces around '\(trimmed[spaced])', which exists; write the run list without spaces after the commas (\(name)=\(Self.escapedList(trimmed)))"
    )
  }

  /// The pieces between commas that are not escaped, with `\,` made a
  /// comma.
  static func pieces(of list: Substring) -> [String] {
    var pieces: [String] = []
    var piece = ""
    var isEscaping = false
    for character in list {
      if isEscaping {
        if character != "," { piece.append("\\") }
        piece.append(character)
        isEscaping = false
      } else if character == "\\" {
        isEscaping = true
      } else if character == "," {
        pieces.append(piece)
        piece = ""
      } else {
        piece.append(character)
      }
    }
    if isEscaping { piece.append("\\") }
    pieces.append(piece)
    return pieces
  }

  /// Up to `limit` ways of joining neighbouring pieces (with commas) into
  /// files that all exist (or standard input, `-`), those that split
  /// earlier first.
  private static func readings(of pieces: [String], limit: Int) -> [[String]] {
    let count = pieces.count
    // exists[start][length - 1]: whether pieces start..<start+length,
    // joined, name a file; only for joins no longer than a path can be.
    var exists: [[Bool]] = []
    for start in 0..<count {
      var row: [Bool] = []
      var joined = ""
      for end in start..<count {
        joined += (end == start ? "" : ",") + pieces[end]
        guard joined.utf8.count <= 4_096 else { break }
        let isFile =
          (end == start && joined == "-")
          || (!joined.isEmpty && FileManager.default.fileExists(atPath: joined))
        row.append(isFile)
      }
      exists.append(row)
    }
    // ways[start]: how many readings the pieces from start have, up to
    // `limit`.
    var ways = [Int](repeating: 0, count: count + 1)
    ways[count] = 1
    for start in stride(from: count - 1, through: 0, by: -1) {
      var total = 0
      for (offset, isFile) in exists[start].enumerated() where isFile {
        total = min(limit, total + ways[start + offset + 1])
      }
      ways[start] = total
    }
    var readings: [[String]] = []
    func collect(from start: Int, _ files: [String]) {
      guard readings.count < limit else { return }
      guard start < count else {
        readings.append(files)
        return
      }
      for (offset, isFile) in exists[start].enumerated()
      where isFile && ways[start + offset + 1] > 0 {
        let file = pieces[start...(start + offset)].joined(separator: ",")
        collect(from: start + offset + 1, files + [file])
      }
    }
    collect(from: 0, [])
    return readings
  }

  /// Files in quotes: `'a.csv'`, `'a.csv' and 'b.csv'`, `'a', 'b' and 'c'`.
  private static func quotedList(_ files: [String]) -> String {
    let quoted = files.map { "'\($0)'" }
    guard quoted.count > 1 else { return quoted[0] }
    return quoted.dropLast().joined(separator: ", ") + " and " + quoted[quoted.count - 1]
  }

  /// A run list of these files with their commas escaped.
  private static func escapedList(_ files: [String]) -> String {
    files.map { $0.replacingOccurrences(of: ",", with: "\\,") }.joined(separator: ",")
  }

  /// A run list of these files with `./` before each relative path.
  private static func separatedList(_ files: [String]) -> String {
    files.map { $0.hasPrefix("/") || $0 == "-" ? $0 : "./" + $0 }
      .map { $0.replacingOccurrences(of: ",", with: "\\,") }.joined(separator: ",")
  }
}
