import F1KitSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
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
/// A row of the binary evaluator's 17 metrics takes about 305 bytes
/// (measured), so 10,000 evaluations make a 3 MB file.
///
/// The header is written once. Rows are only ever written under a header
/// that names exactly their columns: when an evaluation's columns differ
/// from the file's (a new metric, a changed task), the row goes to the
/// first of `<name>_results.2.csv`, `<name>_results.3.csv`, … that is new
/// or has the same columns, and a note on standard error says so.
///
/// Crash safety, by design rather than by rewriting: a new file is created
/// with its header and first row atomically (temporary file, `fsync`,
/// rename); later rows are appended with one `O_APPEND` write each and
/// flushed with `fsync`, so a row never touches the bytes before it. A
/// crash or a full disk mid-append can leave only a torn last row, without
/// its line end; the next append detects it, cuts it off and says so on
/// standard error. One process is assumed to write a given log at a time.
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
  /// - Complexity: O(*r* + *h*) for a row of *r* bytes and a header of *h*
  ///   bytes, whatever the size of the log.
  @discardableResult
  public func append(
    epoch: Double, step: Int, metrics: [(name: String, value: Double)]
  ) throws(EvaluationError) -> URL {
    let header = ResultsLogFormat.headerFields(metricNames: metrics.map(\.name))
    let headerLine = ResultsLogFormat.header(metricNames: metrics.map(\.name))
    let rowLine = ResultsLogFormat.row(epoch: epoch, step: step, values: metrics.map(\.value))
    try createDirectory()
    var generation = 1
    while true {
      let file = directory.appendingPathComponent(Self.fileName(name: name, generation: generation))
      guard let log = try LogFile(opening: file) else {
        if generation > 1 {
          let first = directory.appendingPathComponent(Self.fileName(name: name))
          note(
            "note: \(first.path) has other columns than [\(header.joined(separator: ","))]; "
              + "writing to \(file.lastPathComponent) instead\n")
        }
        try Self.replaceAtomically(file, with: headerLine + rowLine)
        return file
      }
      defer { log.close() }
      if try log.header() == header {
        if let torn = try log.truncateTornRow() {
          note("note: \(file.path) ended in an incomplete row, removed: \(torn.debugDescription)\n")
        }
        try log.append(rowLine)
        return file
      }
      generation += 1
    }
  }

  /// Writes a number so that it reads back to the same `Double`, whole
  /// numbers bare (`1`) the way Python writes them.
  static func number(_ value: Double) -> String {
    ResultsLogFormat.number(value)
  }

  private func createDirectory() throws(EvaluationError) {
    var status = stat()
    if stat(directory.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .resultsLogUnwritable(path: directory.path, reason: Self.reason(error))
    }
  }

  /// Creates a file with its header and first row, atomically.
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

/// An existing log file opened for appending.
private struct LogFile {
  let path: String
  let descriptor: Int32

  /// Opens a log file; `nil` when it does not exist or is empty.
  init?(opening file: URL) throws(EvaluationError) {
    path = file.path
    var status = stat()
    guard stat(path, &status) == 0 else {
      if errno == ENOENT { return nil }
      throw Self.failure(path)
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw .resultsLogUnwritable(path: path, reason: "it is not a regular file")
    }
    guard status.st_size > 0 else { return nil }
    descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else { throw Self.failure(path) }
  }

  func close() {
    SystemCalls.close(descriptor)
  }

  /// The fields of the first record, read a block at a time; `nil` when
  /// the file holds no complete, well-formed first record.
  func header() throws(EvaluationError) -> [String]? {
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = block.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, $0.count, off_t(bytes.count))
      }
      guard count >= 0 else { throw Self.failure(path) }
      guard count > 0 else { return nil }
      bytes += block[..<count]
      // A record ends at an LF outside quotes: try each complete line.
      guard let end = bytes.lastIndex(of: 0x0A) else { continue }
      let text = String(decoding: bytes[...end], as: UTF8.self)
      do {
        return try CSVText.records(in: text, limit: 1).first
      } catch  where error.reason == .unterminatedQuote {
        continue
      } catch {
        return nil
      }
    }
  }

  /// Cuts off a last line that lacks its line end, the trace of a write
  /// cut short.
  ///
  /// - Returns: The text removed, or `nil` when the file ended cleanly.
  func truncateTornRow() throws(EvaluationError) -> String? {
    let size = lseek(descriptor, 0, SEEK_END)
    guard size >= 0 else { throw Self.failure(path) }
    var last: UInt8 = 0
    guard size > 0, pread(descriptor, &last, 1, size - 1) == 1 else { throw Self.failure(path) }
    guard last != 0x0A else { return nil }
    // Search back, a block at a time, for the last complete line's end.
    var tail: [UInt8] = []
    var end = size
    var cut: off_t = 0
    search: while end > 0 {
      let start = max(0, end - 4096)
      var block = [UInt8](repeating: 0, count: Int(end - start))
      let count = block.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, $0.count, start)
      }
      guard count == block.count else { throw Self.failure(path) }
      if let lineFeed = block.lastIndex(of: 0x0A) {
        cut = start + off_t(lineFeed) + 1
        tail = Array(block[(lineFeed + 1)...]) + tail
        break search
      }
      tail = block + tail
      end = start
    }
    guard ftruncate(descriptor, cut) == 0, fsync(descriptor) == 0 else { throw Self.failure(path) }
    return String(decoding: tail, as: UTF8.self)
  }

  /// Appends a row with one `O_APPEND` write and flushes it.
  func append(_ row: String) throws(EvaluationError) {
    var row = row
    let failure = row.withUTF8 { SystemCalls.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    if let failure {
      throw .resultsLogUnwritable(path: path, reason: SystemCalls.message(failure))
    }
    guard fsync(descriptor) == 0 else { throw Self.failure(path) }
  }

  static func failure(_ path: String) -> EvaluationError {
    .resultsLogUnwritable(path: path, reason: SystemCalls.message(errno))
  }
}
