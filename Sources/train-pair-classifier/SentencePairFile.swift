import F1Kit
import F1KitEvaluation
import F1KitSupport
import Foundation

/// One STS-B split: `id,sentence1,sentence2,similarity,label`.
struct SentencePairFile {
  var identifiers: [String] = []
  var pairs: [SentencePair] = []
  var labels: [Int] = []

  /// Reads a split; quoted fields may hold commas, doubled quotes and line
  /// breaks.
  ///
  /// - Parameter url: The CSV file.
  /// - Throws: ``TrainingError`` when the file is missing or malformed.
  init(contentsOf url: URL) throws(TrainingError) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadableData(url.path, reason: "it cannot be read as UTF-8 text")
    }
    var records: [[String]]
    do {
      records = try CSVText.records(in: text)
    } catch {
      throw .unreadableData(
        "\(url.path):\(error.line):\(error.column)", reason: "expected \(error.expected)")
    }
    guard !records.isEmpty else { throw .unreadableData(url.path, reason: "it is empty") }
    let header = records.removeFirst()
    var columns: [Int] = []
    for name in ["id", "sentence1", "sentence2", "label"] {
      guard let column = header.firstIndex(of: name) else {
        throw .unreadableData(url.path, reason: "it has no \"\(name)\" column")
      }
      columns.append(column)
    }
    for (offset, record) in records.enumerated() {
      guard record.count == header.count, let label = Int(record[columns[3]]),
        label == 0 || label == 1
      else {
        throw .unreadableData(url.path, reason: "record \(offset + 2) is malformed")
      }
      identifiers.append(record[columns[0]])
      pairs.append(SentencePair(record[columns[1]], record[columns[2]]))
      labels.append(label)
    }
  }
}
