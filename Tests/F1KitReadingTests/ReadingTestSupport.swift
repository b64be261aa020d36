import F1Kit
import F1KitReading
import Foundation

/// Calls `body` with `value`'s bytes followed by eight readable bytes, as
/// the interners' `code(ofPadded:count:)` needs.
func withPaddedBytes<Result>(_ value: [UInt8], _ body: (UnsafePointer<UInt8>) -> Result)
  -> Result
{
  let padded = value + [UInt8](repeating: 0xAA, count: 8)
  return padded.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// Prediction files written to a fresh temporary folder for one test.
enum PredictionFileFixture {
  /// The folder that holds every file these tests write, one per test
  /// process, removed when the process exits: the suites write well over a
  /// thousand small files, and a folder per file left behind would fill
  /// the temporary directory run after run.
  private static let root: URL = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("F1KitReadingTests-\(UUID().uuidString)")
    atexit { try? FileManager.default.removeItem(at: PredictionFileFixture.root) }
    return folder
  }()

  /// Writes `text` as UTF-8 to a new temporary file.
  ///
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - name: The file's name, whose extension may choose the format.
  /// - Returns: The file's path.
  static func write(_ text: String, name: String = "preds.csv") throws -> String {
    try write(bytes: Array(text.utf8), name: name)
  }

  /// Writes raw bytes to a new temporary file.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - name: The file's name.
  /// - Returns: The file's path.
  static func write(bytes: [UInt8], name: String = "preds.csv") throws -> String {
    let folder = root.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// Reads the counts of `text` as (gold, predicted) → count by label.
  static func counts(
    _ text: String, name: String = "preds.csv",
    options: PredictionFileOptions = PredictionFileOptions()
  ) throws -> [String: Int] {
    let path = try write(text, name: name)
    let counts = try PredictionReader(path: path, options: options).readCounts()
    return counts.labelledCells
  }

  /// Reads `text` and returns the error, with the path removed from its
  /// description, or `nil` if there was none.
  static func failure(
    _ text: String, name: String = "preds.csv",
    options: PredictionFileOptions = PredictionFileOptions(),
    readsItems: Bool = false
  ) throws -> (error: PredictionFileError, message: String)? {
    try failure(bytes: Array(text.utf8), name: name, options: options, readsItems: readsItems)
  }

  /// Reads `bytes` and returns the error, with the path removed from its
  /// description, or `nil` if there was none.
  static func failure(
    bytes: [UInt8], name: String = "preds.csv",
    options: PredictionFileOptions = PredictionFileOptions(),
    readsItems: Bool = false
  ) throws -> (error: PredictionFileError, message: String)? {
    let path = try write(bytes: bytes, name: name)
    do {
      let reader = try PredictionReader(path: path, options: options)
      if readsItems {
        _ = try reader.readItems()
      } else {
        _ = try reader.readCounts()
      }
      return nil
    } catch {
      return (error, String(error.description.dropFirst(path.count)))
    }
  }
}

extension LabelCounts {
  /// The non-zero cells keyed `"gold→predicted"`.
  var labelledCells: [String: Int] {
    var result: [String: Int] = [:]
    for cell in cells { result["\(labels[cell.gold])→\(labels[cell.predicted])"] = cell.count }
    return result
  }
}
