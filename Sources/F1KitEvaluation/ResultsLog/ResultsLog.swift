import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  var note: @Sendable (String) -> Void = ProgressReporter.standardError

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
    let headerLine = CSVFormat.line(header)
    let rowLine = CSVFormat.line(row)
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
      if CSVFormat.firstRecord(of: existing) == header {
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\r\n"
        try Self.replaceAtomically(file, with: existing + separator + rowLine)
        return file
      }
      generation += 1
    }
  }

  /// Writes a number so that it reads back to the same `Double`.
  static func number(_ value: Double) -> String {
    // `description` is the shortest round-trip form; keep integral epochs
    // such as 1.0 short ("1") the way Python writes them.
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return value.description
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
  ///
  /// Why rewrite through a temporary file rather than append: appending the
  /// row with one `write(2)` after checking the header would keep earlier
  /// rows, but a crash or a full disk in the middle of that write leaves a
  /// partial last line, and the next append would glue its row onto it,
  /// corrupting both. Writing the complete new contents to a temporary file
  /// in the same folder (so the same file system), flushing it with
  /// `fsync`, and `rename(2)`-ing it over the log is atomic on POSIX file
  /// systems: readers and a crash see the old file or the new one. The cost
  /// is rewriting the log on every call, a few kilobytes for thousands of
  /// evaluations. One process is assumed to write a given log at a time.
  static func replaceAtomically(_ file: URL, with contents: String) throws(EvaluationError) {
    let folder = file.deletingLastPathComponent().path
    var template = Array("\(folder)/.\(file.lastPathComponent).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw .resultsLogUnwritable(path: file.path, reason: systemReason())
    }
    let temporaryPath = String(
      decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure: String?
    var bytes = Array(contents.utf8)[...]
    while failure == nil, !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0, errno != EINTR { failure = systemReason() }
      if written > 0 { bytes = bytes.dropFirst(written) }
    }
    if failure == nil, fchmod(descriptor, 0o644) != 0 || fsync(descriptor) != 0 {
      failure = systemReason()
    }
    if close(descriptor) != 0, failure == nil { failure = systemReason() }
    if failure == nil, rename(temporaryPath, file.path) != 0 { failure = systemReason() }
    if let failure {
      unlink(temporaryPath)
      throw .resultsLogUnwritable(path: file.path, reason: failure)
    }
    // Make the rename itself durable; a failure here loses nothing written.
    let folderDescriptor = open(folder, O_RDONLY)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  private static func systemReason() -> String { String(cString: strerror(errno)) }

  private static func reason(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}
