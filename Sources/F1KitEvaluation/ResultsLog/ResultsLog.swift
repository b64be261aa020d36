import F1KitSupport
import Foundation

/// An evaluator's CSV file of results, one row per evaluation.
///
/// The file `<name>_results.csv` has the columns `epoch,steps` and then one
/// column per metric, unprefixed (`binary_f1`, `accuracy`, …). It is plain
/// RFC 4180 with a header, so `f1kit report --training-log` and any
/// spreadsheet read it; numbers are written in Swift's shortest form that
/// reads back to the same `Double` (`0.1`, `0.8123456789012345`, `nan`).
///
/// The header is written once. Rows are only ever written under a header
/// that names exactly their columns: when an evaluation's columns differ
/// from the file's (a new metric, a changed task), the row goes to the
/// first of `<name>_results.2.csv`, `<name>_results.3.csv`, … that is new
/// or has the same columns, and a note on standard error says so.
public struct ResultsLog: Sendable {
  /// The folder that holds the files.
  public let directory: URL
  /// The evaluator's name, which names the files.
  public let name: String
  /// Where notes about a changed schema go; standard error by default.
  var note: @Sendable (String) -> Void = StandardStream.note

  /// Creates a log in a folder.
  ///
  /// - Parameters:
  ///   - directory: The folder; created on first append if missing.
  ///   - name: The evaluator's name; empty gives `results.csv`.
  public init(directory: URL, name: String) {
    self.directory = directory
    self.name = name
  }

  /// The file name of one generation of the log.
  ///
  /// - Parameters:
  ///   - name: The evaluator's name.
  ///   - generation: 1 for the first file, 2 and up for files started
  ///     because the columns changed.
  /// - Returns: `<name>_results.csv`, or `<name>_results.<generation>.csv`.
  public static func fileName(name: String, generation: Int = 1) -> String {
    let stem = name.isEmpty ? "results" : "\(name)_results"
    return generation == 1 ? "\(stem).csv" : "\(stem).\(generation).csv"
  }

  /// Appends one row, writing the header first if the file is new.
  ///
  /// - Parameters:
  ///   - epoch: The epoch, fractional within an epoch.
  ///   - step: The global training step.
  ///   - metrics: The metric columns as (name, value) pairs, in order.
  /// - Returns: The file the row was written to.
  /// - Throws: ``EvaluationError/resultsLogUnwritable(path:reason:)`` when
  ///   the folder or a file cannot be read or written; the rows already in
  ///   the log are unchanged.
  /// - Complexity: O(*s*) for a log of *s* bytes, which is rewritten whole.
  @discardableResult
  public func append(
    epoch: Double, step: Int, metrics: [(name: String, value: Double)]
  ) throws(EvaluationError) -> URL {
    let header = ["epoch", "steps"] + metrics.map(\.name)
    let row = [Self.number(epoch), String(step)] + metrics.map { Self.number($0.value) }
    let headerLine = CSVText.record(header, lineEnding: "\n")
    let rowLine = CSVText.record(row, lineEnding: "\n")
    try createDirectory()
    var generation = 1
    while true {
      let file = directory.appendingPathComponent(Self.fileName(name: name, generation: generation))
      guard let existing = try read(file) else {
        if generation > 1 {
          let first = directory.appendingPathComponent(Self.fileName(name: name))
          note(
            "note: \(first.path) has other columns than [\(header.joined(separator: ","))]; "
              + "writing to \(file.lastPathComponent) instead\n")
        }
        try Self.replaceAtomically(file, with: headerLine + rowLine)
        return file
      }
      if (try? CSVText.records(in: existing, limit: 1).first) == header {
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\r\n"
        try Self.replaceAtomically(file, with: existing + separator + rowLine)
        return file
      }
      generation += 1
    }
  }

  /// Writes a number so that it reads back to the same `Double`, whole
  /// numbers bare (`1`) the way Python writes them.
  static func number(_ value: Double) -> String {
    NumberText.shortestBare(value)
  }

  private func createDirectory() throws(EvaluationError) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .resultsLogUnwritable(path: directory.path, reason: Self.reason(error))
    }
  }

  /// The file's text, or `nil` when it does not exist.
  private func read(_ file: URL) throws(EvaluationError) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
      return nil
    }
    do {
      guard !isDirectory.boolValue else { throw CocoaError(.fileReadUnknown) }
      return try String(contentsOf: file, encoding: .utf8)
    } catch {
      throw .resultsLogUnwritable(path: file.path, reason: "it cannot be read as UTF-8 text")
    }
  }

  /// Replaces a file's contents so that a crash leaves either the old or
  /// the new contents, never a mix.
  static func replaceAtomically(_ file: URL, with contents: String) throws(EvaluationError) {
    do {
      try AtomicFileWriter.write(contents, toPath: file.path)
    } catch {
      throw .resultsLogUnwritable(path: file.path, reason: error.reason)
    }
  }

  private static func reason(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}
