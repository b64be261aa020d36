import F1Kit
import F1KitEvaluation
import F1KitSupport
import Foundation

/// One STS-B split: `id,sentence1,sentence2,similarity,label`.
struct SentencePairFile {
  var identifiers: [String] = []
  var pairs: [SentencePair] = []
  var labels: [Int] = []

  /// The columns a split needs, in the order they are looked up.
  static let requiredColumns = ["id", "sentence1", "sentence2", "label"]

  /// Reads a split; quoted fields may hold commas, doubled quotes and line
  /// breaks. Blank lines are skipped, as pandas' `read_csv` skips them.
  ///
  /// - Parameter url: The CSV file.
  /// - Throws: ``TrainingError/missingData(_:)`` when the file does not
  ///   exist, and ``TrainingError/unreadableData(_:reason:)`` when it cannot
  ///   be read, is not UTF-8, is malformed (naming the line and field), or
  ///   holds no pairs.
  init(contentsOf url: URL) throws(TrainingError) {
    let text = try Self.text(of: url)
    var records: [CSVRecord]
    do {
      records = try CSVText.numberedRecords(in: text).filter { !$0.isBlank }
    } catch {
      throw .unreadableData(
        "\(url.path):\(error.line):\(error.column)", reason: "expected \(error.expected)")
    }
    guard !records.isEmpty else {
      throw .unreadableData(url.path, reason: "expected a header and pairs, found an empty file")
    }
    let header = records.removeFirst().fields
    var columns: [Int] = []
    for name in Self.requiredColumns {
      let matches = header.indices.filter { header[$0] == name }
      guard let column = matches.first else {
        throw .unreadableData(
          url.path,
          reason: "expected a \"\(name)\" column in the header, found "
            + header.map(\.debugDescription).joined(separator: ", "))
      }
      guard matches.count == 1 else {
        throw .unreadableData(
          "\(url.path):1:\(matches[1] + 1)",
          reason: "expected one \"\(name)\" column, found \(matches.count) (fields "
            + matches.map { String($0 + 1) }.joined(separator: ", ") + ")")
      }
      columns.append(column)
    }
    guard !records.isEmpty else {
      throw .unreadableData(
        url.path, reason: "expected sentence pairs after the header, found none")
    }
    for record in records {
      let fields = record.fields
      guard fields.count == header.count else {
        throw .unreadableData(
          "\(url.path):\(record.line):\(min(fields.count, header.count) + 1)",
          reason: "expected \(header.count) fields as in the header, found \(fields.count)")
      }
      let labelColumn = columns[3]
      guard let label = Int(fields[labelColumn]), label == 0 || label == 1 else {
        throw .unreadableData(
          "\(url.path):\(record.line):\(labelColumn + 1)",
          reason: "expected a label of 0 or 1 in field \(labelColumn + 1) (\"label\"), "
            + "found \(fields[labelColumn].debugDescription)")
      }
      identifiers.append(fields[columns[0]])
      pairs.append(SentencePair(fields[columns[1]], fields[columns[2]]))
      labels.append(label)
    }
  }

  /// The file's text, refusing a missing file, a folder and bytes that are
  /// not UTF-8 (naming the line of the first such byte).
  private static func text(of url: URL) throws(TrainingError) -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw .missingData(url.path)
    }
    guard !isFolder.boolValue else {
      throw .unreadableData(url.path, reason: "it is a folder; expected a CSV file")
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadableData(url.path, reason: "cannot open the file: \(error.localizedDescription)")
    }
    if let text = String(validating: data, as: UTF8.self) { return text }
    let bytes = [UInt8](data)
    var line = 1
    var lineStart = 0
    for (offset, byte) in bytes.enumerated() where byte == 0x0A {
      if String(validating: bytes[lineStart..<offset], as: UTF8.self) == nil { break }
      line += 1
      lineStart = offset + 1
    }
    throw .unreadableData(
      "\(url.path):\(line)",
      reason: "expected UTF-8 text; the file is likely Latin-1 or Windows-1252: convert it "
        + "to UTF-8 (iconv -f windows-1252 -t utf-8 FILE > OUT)")
  }
}
