import CommandLineSupport
import F1KitSupport
import Foundation

/// A threshold file as `--threshold-from` reads it: one JSON object with
/// `"threshold"` and, when `f1kit tune --out` wrote it, the record of the
/// tuning.
///
/// Its keys are checked before anything is believed: a repeated key or one
/// not among ``keys`` (such as a misspelt `"treshold"`) is a data error,
/// rather than a value silently picked or a file read as predictions. The
/// cut-off counts as tuned only with every key tune writes
/// (``tunedKeys``, and ``tunedOriginKeys`` in `"tuned_on"`), so a
/// hand-written `{"threshold": 0.3, "metric": "binary_f1"}` is given in its
/// file, not chosen on development data.
struct ThresholdFile {
  /// The keys a threshold file may have, in the order tune writes them.
  static let keys = [
    "threshold", "metric", "beta", "value", "candidates", "positive_count", "constraint",
    "tuned_on",
  ]
  /// The keys tune always writes; `"beta"` is written, and needed, for an
  /// F-beta metric only.
  static let tunedKeys = [
    "threshold", "metric", "value", "candidates", "positive_count", "constraint", "tuned_on",
  ]
  /// The keys `"tuned_on"` may have; `"lowest_score"` and
  /// `"highest_score"`, the range of the development scores, are not in
  /// the files of earlier versions of tune.
  static let originKeys = [
    "file", "bytes", "sha256", "standard_input", "items", "score_column", "positive",
    "lowest_score", "highest_score",
  ]
  /// The keys tune always writes in `"tuned_on"`; `"bytes"` and
  /// `"sha256"` too, unless the development data came from standard input.
  static let tunedOriginKeys = ["file", "items", "score_column", "positive"]
  /// The keys `"constraint"` may have.
  static let constraintKeys = ["min_precision", "min_recall"]

  /// The file as named.
  let source: String
  /// The file's members.
  let record: ParsedJSON
  /// The threshold, a finite number.
  let threshold: Double
  /// The keys tune writes that the file lacks, when it has some of them
  /// but not all; empty for a file tune wrote and for one with
  /// `"threshold"` alone.
  let missingTunedKeys: [String]

  /// Whether tune wrote the file: it has every key tune writes.
  var isTuned: Bool {
    missingTunedKeys.isEmpty && ThresholdFile.tunedKeys.dropFirst().allSatisfy { record[$0] != nil }
  }

  /// Checks a threshold file's keys and reads its threshold.
  ///
  /// - Parameters:
  ///   - record: The file's JSON object.
  ///   - source: The file as named, for messages.
  /// - Throws: A data failure (65) for a repeated key, a key a threshold
  ///   file does not have, no `"threshold"`, or one that is not a finite
  ///   number.
  init(_ record: ParsedJSON, source: String) throws(CommandFailure) {
    self.source = source
    self.record = record
    try Self.checkKeys(of: record, allowed: Self.keys, within: nil, source: source)
    for (name, allowed) in [("tuned_on", Self.originKeys), ("constraint", Self.constraintKeys)] {
      if let member = record[name], case .object = member {
        try Self.checkKeys(of: member, allowed: allowed, within: name, source: source)
      }
    }
    guard let written = record["threshold"] else {
      let found = Self.memberKeys(of: record)
      throw .data(
        "\(source): a threshold file needs \"threshold\", the cut-off; found \(found.isEmpty ? "an empty object" : "only " + Self.list(found, conjunction: "and"))"
      )
    }
    guard let threshold = written.double, threshold.isFinite else {
      throw .data(
        "\(source): \"threshold\" must be a finite number, found \(Self.describe(written))")
    }
    self.threshold = threshold
    missingTunedKeys = Self.missingTunedKeys(in: record)
  }

  /// The file's members when it is one JSON object under 1 MB, which a
  /// prediction file is not (JSON Lines holds one object per line, and a
  /// development file of one item cannot be tuned); `nil` otherwise.
  ///
  /// Numbers are read from their text, so a threshold reads back bit for
  /// bit as `tune --out` wrote it (`JSONSerialization` on Linux can be an
  /// ulp or more off, which moves the cut-off).
  ///
  /// A file that opens an object and names `"threshold"` but is not valid
  /// JSON (a trailing comma, a missing quote) is refused where its syntax
  /// breaks: read as a development file instead, it would fail with a
  /// message about a missing gold column.
  ///
  /// - Parameter path: The `--threshold-from` file.
  /// - Returns: The object, or `nil`.
  /// - Throws: A data failure (65) at the line and column of a threshold
  ///   file's syntax error.
  static func record(at path: String) throws(CommandFailure) -> ParsedJSON? {
    guard path != "-", let size = TunedThreshold.byteCount(of: path),
      size < 1_000_000, let data = FileManager.default.contents(atPath: path)
    else { return nil }
    let record: ParsedJSON
    do {
      record = try ParsedJSON(parsing: data)
    } catch {
      // A whole object followed by more is JSON Lines, a development file.
      guard error.expected != "the end of the text", looksLikeThresholdFile(data) else {
        return nil
      }
      let (line, column) = position(of: error.offset, in: data)
      throw .data(
        "\(path):\(line):\(column): expected \(error.expected) in a threshold file, one JSON object such as {\"threshold\": 0.42}"
      )
    }
    guard case .object = record else { return nil }
    return record
  }

  /// Whether `data` opens a JSON object (spaces and a byte order mark
  /// aside) and holds the key `"threshold"`.
  private static func looksLikeThresholdFile(_ data: Data) -> Bool {
    let opening = data.drop(while: { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) })
    guard opening.first == UInt8(ascii: "{") else { return false }
    return data.range(of: Data("\"threshold\"".utf8)) != nil
  }

  /// The 1-based line and byte column of `offset` in `data`.
  private static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
    let before = data.prefix(offset)
    let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
    return (line, offset - (lineStart - data.startIndex) + 1)
  }

  /// The keys of tune's record that a file with some of them lacks.
  private static func missingTunedKeys(in record: ParsedJSON) -> [String] {
    let hasSome = keys.dropFirst().contains { record[$0] != nil }
    guard hasSome else { return [] }
    var missing = tunedKeys.filter { record[$0] == nil }.map { "\"\($0)\"" }
    if let origin = record["tuned_on"] {
      guard case .object = origin else { return missing + ["\"tuned_on\" as an object"] }
      var originKeys = tunedOriginKeys
      if !isStandardInput(origin: origin) { originKeys += ["bytes", "sha256"] }
      missing += originKeys.filter { origin[$0] == nil }.map { "\"\($0)\" in \"tuned_on\"" }
    }
    return missing
  }

  /// Whether a `"tuned_on"` record says the development data came from
  /// standard input, which cannot be identified afterwards.
  static func isStandardInput(origin: ParsedJSON) -> Bool {
    if origin["standard_input"] == .bool(true) { return true }
    return origin["file"]?.text.map(FileIdentity.isStandardInput) ?? false
  }

  /// Refuses a repeated key, and a key not allowed, naming the closest
  /// allowed one when the key looks like a misspelling of it.
  private static func checkKeys(
    of object: ParsedJSON, allowed: [String], within parent: String?, source: String
  ) throws(CommandFailure) {
    let place = parent.map { " in \"\($0)\"" } ?? ""
    var seen: Set<String> = []
    for key in memberKeys(of: object) where !seen.insert(key).inserted {
      throw .data(
        "\(source): the key \"\(key)\"\(place) appears more than once; a threshold file gives each key once"
      )
    }
    for key in memberKeys(of: object) where !allowed.contains(key) {
      let suggestion =
        key.lowercased().closestMatch(among: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
      let owner = parent.map { "\"\($0)\"" } ?? "a threshold file"
      throw .data(
        "\(source): unknown key \"\(key)\"\(place)\(suggestion); \(owner) has the keys \(list(allowed, conjunction: "and"))"
      )
    }
  }

  /// An object's keys in order, repeats included.
  private static func memberKeys(of object: ParsedJSON) -> [String] {
    guard case .object(let members) = object else { return [] }
    return members.map(\.key)
  }

  /// Keys quoted and joined: `"a", "b" and "c"`; `no keys` for none.
  static func list(_ keys: [String], conjunction: String) -> String {
    let quoted = keys.map { $0.hasPrefix("\"") ? $0 : "\"\($0)\"" }
    guard let last = quoted.last else { return "no keys" }
    guard quoted.count > 1 else { return last }
    return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }

  /// A JSON value as a message quotes it.
  static func describe(_ value: ParsedJSON) -> String {
    switch value {
    case .number(let text): text
    case .string(let text): "the string \"\(text)\""
    case .bool(let flag): "\(flag)"
    case .null: "null"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
