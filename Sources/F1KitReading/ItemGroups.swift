import F1Kit
import F1KitSupport
import Foundation

/// The group of each item of a prediction file, read from one column, for
/// resampling whole groups (items that share a query, a document or a
/// premise).
///
/// ``PredictionReader/readGroups(column:)`` reads them with the byte-level
/// prediction reader, one `String` per distinct group; the
/// ``init(contentsOf:column:format:)`` pass needs no gold or prediction
/// column but keeps the file's text in memory and makes a `String` per item.
public struct ItemGroups: Hashable, Sendable {
  /// Each item's group code, in file order; codes number the distinct
  /// group values in first-seen order.
  public let codes: [Int]
  /// The distinct group values, indexed by code.
  public let values: [String]

  /// The number of distinct groups.
  public var count: Int { values.count }

  /// Groups with these codes and values.
  init(codes: [Int], values: [String]) {
    self.codes = codes
    self.values = values
  }

  /// Reads the group column of a CSV, TSV or JSON Lines file.
  ///
  /// - Parameters:
  ///   - path: The file; standard input cannot be read twice, so `-` is
  ///     refused.
  ///   - column: The group column's name.
  ///   - format: The file's format, or `nil` to infer it as the reader does.
  /// - Throws: ``PredictionFileError`` when the file cannot be read, has no
  ///   such column, or a record has no value or an empty one in it.
  /// - Complexity: O(*n*) for a file of *n* bytes.
  public init(
    contentsOf path: String, column: String, format: PredictionFileFormat? = nil
  ) throws(PredictionFileError) {
    guard path != "-" else {
      throw PredictionFileError(
        path: path,
        reason: .invalidOptions("groups cannot be read from standard input; name a file"))
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw PredictionFileError(path: path, reason: .cannotOpen(message: "\(error)"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw PredictionFileError(path: path, reason: .invalidUTF8(column: column))
    }
    let format =
      format ?? PredictionFileFormat.inferred(fromPath: path)
      ?? PredictionFileFormat.sniffed(from: data.prefix(4_096))
    let raw: [String]
    switch format {
    case .jsonLines: raw = try Self.jsonLinesValues(text, column: column, path: path)
    case .csv, .tsv:
      raw = try Self.delimitedValues(text, column: column, isTab: format == .tsv, path: path)
    }
    var index: [String: Int] = [:]
    var values: [String] = []
    codes = raw.map { value in
      if let code = index[value] { return code }
      index[value] = values.count
      values.append(value)
      return values.count - 1
    }
    self.values = values
  }

  private static func delimitedValues(
    _ text: String, column: String, isTab: Bool, path: String
  ) throws(PredictionFileError) -> [String] {
    let records: [CSVRecord]
    if isTab {
      records = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
        CSVRecord(
          line: $0.offset + 1,
          fields: $0.element.split(separator: "\t", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
          })
      }
    } else {
      do {
        records = try CSVText.numberedRecords(
          in: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
      } catch {
        throw PredictionFileError(
          path: path, location: .init(line: error.line, column: error.column, unit: .byte),
          reason: Self.reason(error.reason))
      }
    }
    let rows = records.filter { !$0.isBlank }
    guard let header = rows.first else {
      throw PredictionFileError(path: path, reason: .emptyFile)
    }
    guard let position = header.fields.firstIndex(of: column) else {
      throw PredictionFileError(
        path: path, location: .init(line: header.line, column: 1, unit: .field),
        reason: .missingColumn(role: .group, accepted: [column], found: header.fields))
    }
    return try rows.dropFirst().map { row throws(PredictionFileError) in
      guard position < row.fields.count else {
        throw PredictionFileError(
          path: path, location: .init(line: row.line, column: position + 1, unit: .field),
          reason: .wrongFieldCount(expected: header.fields.count, found: row.fields.count))
      }
      guard !row.fields[position].isEmpty else {
        throw PredictionFileError(
          path: path, location: .init(line: row.line, column: position + 1, unit: .field),
          reason: .emptyGroup(column: column))
      }
      guard !MissingValueText.isMissing(row.fields[position]) else {
        throw PredictionFileError(
          path: path, location: .init(line: row.line, column: position + 1, unit: .field),
          reason: .missingValueGroup(column: column, found: row.fields[position]))
      }
      return row.fields[position]
    }
  }

  private static func reason(_ reason: CSVSyntaxError.Reason) -> PredictionFileError.Reason {
    switch reason {
    case .strayQuote: .strayQuote
    case .characterAfterQuote: .unexpectedCharacterAfterQuote(found: "a character")
    case .unterminatedQuote: .unterminatedQuote
    }
  }

  private static func jsonLinesValues(
    _ text: String, column: String, path: String
  ) throws(PredictionFileError) -> [String] {
    var values: [String] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.allSatisfy(\.isWhitespace) {
      let location = PredictionFileError.Location(line: offset + 1, column: 1, unit: .byte)
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      else {
        throw PredictionFileError(
          path: path, location: location, reason: .malformedJSON(expected: "a JSON object"))
      }
      switch object[column] {
      case let value as String where value.isEmpty:
        throw PredictionFileError(
          path: path, location: location, reason: .emptyGroup(column: column))
      case is NSNull:
        throw PredictionFileError(
          path: path, location: location, reason: .emptyGroup(column: column))
      case let value as String where MissingValueText.isMissing(value):
        throw PredictionFileError(
          path: path, location: location,
          reason: .missingValueGroup(column: column, found: value))
      case let value as String: values.append(value)
      case let value as NSNumber: values.append(value.stringValue)
      default:
        throw PredictionFileError(path: path, location: location, reason: .missingKey(column))
      }
    }
    return values
  }
}
