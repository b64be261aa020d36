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
/// A row of the tuned binary evaluator's 22 metric columns takes 360–441
/// bytes (425 on average in `fixtures/training/stsb-dev_results.csv`), so
/// 10,000 evaluations make a file of about 4.3 MB.
///
/// The header is written once. Rows are only ever written under a header
/// that names exactly their columns: when an evaluation's columns differ
/// from the file's (a new metric, a changed task), the row goes to the
/// first of `<name>_results.2.csv`, `<name>_results.3.csv`, … that is new
/// or has the same columns, and a note on standard error says so.
///
/// Crash safety, by design rather than by rewriting: a new file is created
/// with its header and first row atomically (temporary file, `fsync`, then
/// `link`, which never replaces a file); later rows are appended with one
/// `O_APPEND` write each and flushed with `fsync`, so a row never touches
/// the bytes before it. A write that fails part way (a full disk) is cut
/// back to the file's earlier end, so only a crash mid-append can leave a
/// torn last row, without its line end; the next append detects it, cuts it
/// off and says so on standard error. A last row that lacks only its line
/// end (a file re-saved by an editor or spreadsheet) has every column and
/// parses, so it is kept and terminated instead, with a note that quotes
/// it (a crash that tore a row inside its last number would look the same,
/// which the quoted row lets a reader check). A file that is this log's
/// header alone, without its line end, is ended and appended to as well.
///
/// Concurrency: any number of writers may append to one log at once —
/// `Task`s of one process sharing an evaluator, or several processes —
/// and every row arrives whole and exactly once. Creating the file cannot
/// replace one another writer has just created (on `EEXIST` the row is
/// appended to that file instead), and each append holds an exclusive
/// `flock(2)` on the file while it checks the header, repairs the tail and
/// writes. Rows appear in the order the writers got the lock. The lock is
/// advisory, so another program editing the file meanwhile is not held
/// off; on a network file system `flock` may not lock across machines.
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
        // A writer that creates the file at the same moment wins; the row
        // is then appended to its file on the next pass.
        guard try Self.create(file, with: headerLine + rowLine) else { continue }
        if generation > 1 { noteNewGeneration(file, header: header) }
        return file
      }
      defer { log.close() }
      try log.lock()
      guard try log.size() > 0 else {
        // An empty file (made by `touch`, say) takes the header first.
        try log.append(headerLine + rowLine)
        if generation > 1 { noteNewGeneration(file, header: header) }
        return file
      }
      if try log.header() == header {
        switch try log.repairTail(fieldCount: header.count) {
        case .none: break
        case .cut(let torn):
          note("note: \(file.path) ended in an incomplete row, removed: \(torn.debugDescription)\n")
        case .terminatedHeader:
          note("note: \(file.path) held its header without a line end; added the line end\n")
        case .terminated(let row):
          note(
            "note: \(file.path) ended without a line end after a complete row; "
              + "kept it and added the line end: \(row.debugDescription)\n")
        }
        try log.append(rowLine)
        return file
      }
      generation += 1
    }
  }

  private func noteNewGeneration(_ file: URL, header: [String]) {
    let first = directory.appendingPathComponent(Self.fileName(name: name))
    note(
      "note: \(first.path) has other columns than [\(header.joined(separator: ","))]; "
        + "writing to \(file.lastPathComponent) instead\n")
  }

  /// Writes a number so that it reads back to the same `Double`, whole
  /// numbers bare (`1`) the way Python writes them.
  static func number(_ value: Double) -> String {
    ResultsLogFormat.number(value)
  }

  /// Creates the folder and any missing parents.
  ///
  /// - Throws: ``EvaluationError/resultsLogUnwritable(path:reason:)`` naming
  ///   the log file, with a reason that names the folder (or the file in
  ///   the way of it).
  private func createDirectory() throws(EvaluationError) {
    var status = stat()
    if stat(directory.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
    let file = directory.appendingPathComponent(Self.fileName(name: name)).path
    // Name the part of the path that is a file rather than a folder, which
    // Foundation's message does not.
    var ancestor = directory
    while stat(ancestor.path, &status) != 0, ancestor.pathComponents.count > 1 {
      ancestor = ancestor.deletingLastPathComponent()
    }
    if stat(ancestor.path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
      throw .resultsLogUnwritable(
        path: file,
        reason: ancestor == directory
          ? "the folder \(directory.path) is a file"
          : "\(ancestor.path) is a file, so the folder \(directory.path) cannot be made")
    }
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .resultsLogUnwritable(
        path: file, reason: "cannot create the folder \(directory.path): \(Self.reason(error))")
    }
  }

  /// Creates a file with its header and first row, atomically, unless
  /// another writer has created it first.
  ///
  /// - Returns: `false`, having written nothing, when the file exists.
  static func create(_ file: URL, with contents: String) throws(EvaluationError) -> Bool {
    do {
      return try AtomicFileWriter.create(contents, atPath: file.path)
    } catch {
      throw .resultsLogUnwritable(path: file.path, reason: error.reason)
    }
  }

  /// Foundation's reason for an error, without its closing full stop, as
  /// it is embedded in a sentence.
  private static func reason(_ error: any Error) -> String {
    let text = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    return text.hasSuffix(".") ? String(text.dropLast()) : text
  }
}

/// An existing log file opened for appending.
private struct LogFile {
  let path: String
  let descriptor: Int32

  /// Opens a log file; `nil` when it does not exist.
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
    descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else {
      // Removed between the two calls: treat it as missing.
      if errno == ENOENT { return nil }
      throw Self.failure(path)
    }
  }

  /// Takes the exclusive advisory lock every appender takes, so that the
  /// header check, the tail repair and the row's write are one step.
  func lock() throws(EvaluationError) {
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw Self.failure(path) }
    }
  }

  /// The file's size in bytes.
  func size() throws(EvaluationError) -> off_t {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw Self.failure(path) }
    return status.st_size
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
      guard count > 0 else {
        // A file of one line without its line end, such as a header-only
        // log re-saved by an editor: that line is the header.
        guard !bytes.contains(0x0A) else { return nil }
        return (try? CSVText.records(in: String(decoding: bytes, as: UTF8.self), limit: 1))?
          .first
      }
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

  /// What ``repairTail(fieldCount:)`` did to the last line.
  enum TailRepair {
    /// The file ended with a line end.
    case none
    /// A torn row was cut off; its text.
    case cut(String)
    /// A complete row that lacked only its line end got one; its text.
    case terminated(String)
    /// The file was its header alone, without a line end, and got one.
    case terminatedHeader
  }

  /// Mends a last line that lacks its line end: a row with the header's
  /// field count, every field a number, lacks only the line end (a file
  /// re-saved by an editor) and gets one; anything else is the trace of a
  /// write cut short and is cut off.
  ///
  /// - Parameter fieldCount: The header's field count.
  /// - Returns: What was done.
  func repairTail(fieldCount: Int) throws(EvaluationError) -> TailRepair {
    let size = lseek(descriptor, 0, SEEK_END)
    guard size >= 0 else { throw Self.failure(path) }
    var last: UInt8 = 0
    guard size > 0, pread(descriptor, &last, 1, size - 1) == 1 else { throw Self.failure(path) }
    guard last != 0x0A else { return .none }
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
    // No line end at all: the file is the header alone (the caller found
    // it to be this log's header), which is kept and ended.
    if cut == 0, !tail.contains(0x0A) {
      try append("\n")
      return .terminatedHeader
    }
    let text = String(decoding: tail, as: UTF8.self)
    if Self.isCompleteRow(text, fieldCount: fieldCount) {
      try append("\n")
      return .terminated(text)
    }
    guard ftruncate(descriptor, cut) == 0, fsync(descriptor) == 0 else { throw Self.failure(path) }
    return .cut(text)
  }

  /// Whether an unterminated last line is a whole row: one record of
  /// `fieldCount` fields, each a number as the log writes them.
  static func isCompleteRow(_ text: String, fieldCount: Int) -> Bool {
    guard let records = try? CSVText.records(in: text + "\n"), records.count == 1 else {
      return false
    }
    return records[0].count == fieldCount && records[0].allSatisfy { Double($0) != nil }
  }

  /// Appends a row with one `O_APPEND` write and flushes it.
  ///
  /// A write that fails part way (a full disk) is cut back to the file's
  /// earlier end, so that a row left without its line end can only be the
  /// trace of a crash, and a cut number is never read back as a whole one.
  func append(_ row: String) throws(EvaluationError) {
    var row = row
    let end = lseek(descriptor, 0, SEEK_END)
    guard end >= 0 else { throw Self.failure(path) }
    let failure = row.withUTF8 { SystemCalls.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    if let failure {
      _ = ftruncate(descriptor, end)
      throw .resultsLogUnwritable(path: path, reason: SystemCalls.message(failure))
    }
    guard fsync(descriptor) == 0 else { throw Self.failure(path) }
  }

  static func failure(_ path: String) -> EvaluationError {
    .resultsLogUnwritable(path: path, reason: SystemCalls.message(errno))
  }
}
