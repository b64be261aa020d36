import Dispatch
import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension PredictionFileParser {
  /// Counts the records of a large regular file in two halves at once, the
  /// second on another thread, when that gives what one pass would.
  ///
  /// The file is split after the first line feed past its middle. That line
  /// feed ends a record unless a quote before it opened a quoted field, so
  /// the first half stops at its first record with a quote (or that is
  /// malformed). Then, or if the second half is malformed, the halves are
  /// dropped and the file is read again in one pass, which also gives an
  /// error its line. Otherwise the second half's label codes are mapped to
  /// the first half's by label, new labels taking the next codes in the
  /// second half's first-seen order (as one pass would number them), and its
  /// counts are added to the first half's.
  ///
  /// - Parameter reservesCapacity: Whether to make room in the sinks for
  ///   the records, estimated from the file's size.
  /// - Returns: The number of records, or `nil` when the file was not split
  ///   or must be read again in one pass from where the header ended.
  func parseInHalves<Sink: RecordSink>(
    _ body: DelimitedBody, into sink: inout Sink, readsIDs: Bool, reservesCapacity: Bool
  ) throws(PredictionFileError) -> Int? {
    guard case .label = body.layout.source, body.layout.count == nil,
      let size = source.regularFileSize, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1
    else { return nil }
    let dataStart = source.fileOffset - source.availableCount
    guard size - dataStart >= max(options.minimumParallelByteCount, 2) else { return nil }
    let middle = dataStart + (size - dataStart) / 2
    // Small buffers for the probe and the second half keep peak memory flat.
    let probe = try ChunkedByteSource(
      path: path, chunkSize: min(options.chunkSize, 4096), startingAt: middle)
    probe.maximumRecordByteCount = options.maximumRecordByteCount
    // A line too long for the probe is reported by the one pass.
    guard let lineFeed = (try? probe.fill(until: .lineFeed)) ?? nil else { return nil }
    let split = middle + lineFeed + 1
    guard split < size else { return nil }

    var secondOptions = options
    secondOptions.chunkSize = min(options.chunkSize, 256 << 10)
    let second = SecondHalf<Sink>(
      parser: try PredictionFileParser(
        path: path, options: secondOptions, format: format, startingAt: split),
      body: body, readsIDs: readsIDs)
    var first = Sink()
    if reservesCapacity, let count = try estimatedRecordCount() {
      first.reserveCapacity(count)
      second.sink.reserveCapacity(count / 2 + count / 16)
    }
    let lineAfterHeader = line
    try source.stop(atFileOffset: split)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { second.run() }
    let firstResult = try? readRecords(body, into: &first, readsIDs: readsIDs, stopsAtQuote: true)
    group.wait()

    guard let firstResult, !firstResult.isStopped, let secondRowCount = second.rowCount,
      firstResult.rowCount + secondRowCount > 0
    else {
      source = try ChunkedByteSource(
        path: path, chunkSize: options.chunkSize, startingAt: dataStart)
      source.maximumRecordByteCount = options.maximumRecordByteCount
      line = lineAfterHeader
      interner = LabelInterner()
      return nil
    }
    let codes = interner.merge(second.parser.interner, lineOffset: line - 1)
    guard first.append(second.takeSink(), codes: codes, lineOffset: line - 1) else {
      throw PredictionFileError(path: path, reason: .countOverflow)
    }
    sink = first
    return firstResult.rowCount + secondRowCount
  }
}

/// The second half of a file split by `parseInHalves`, read on another
/// thread; only that thread touches it until the caller has waited for it.
private final class SecondHalf<Sink: RecordSink>: @unchecked Sendable {
  let parser: PredictionFileParser
  let body: PredictionFileParser.DelimitedBody
  let readsIDs: Bool
  var sink = Sink()
  /// The number of records, or `nil` if the half is malformed.
  var rowCount: Int?

  init(parser: PredictionFileParser, body: PredictionFileParser.DelimitedBody, readsIDs: Bool) {
    self.parser = parser
    self.body = body
    self.readsIDs = readsIDs
  }

  func run() {
    rowCount = try? parser.readRecords(body, into: &sink, readsIDs: readsIDs, stopsAtQuote: false)
      .rowCount
  }

  /// The sink, leaving an empty one.
  func takeSink() -> Sink {
    let taken = sink
    sink = Sink()
    return taken
  }
}
