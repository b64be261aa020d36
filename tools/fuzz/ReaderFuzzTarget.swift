// A libFuzzer target for F1Kit's prediction-file readers, built by
// tools/fuzz.sh with `swiftc -sanitize=fuzzer,address`. Which reader it
// exercises is chosen at compile time by one of FUZZ_CSV, FUZZ_TSV,
// FUZZ_JSONL, FUZZ_COUNTS or FUZZ_SCORES.
//
// Each input is written to a file in a private directory (the readers read
// paths, as the tool does) and read twice: counted (`readCounts`, then the
// confusion matrix) and item by item (`readItems`). The first input byte
// picks the reader's chunk size (1 to 256 bytes), so records straddle chunk
// boundaries and the reader's parallel halves. A file with ids is also read
// in its own id order (`readItems(alignedTo:)`), which must give the same
// items. A thrown `PredictionFileError` is the expected answer to bad input;
// anything else — a trap, an overflow, an out-of-bounds access ASan sees, a
// difference between the two item reads — is a finding.

import F1Kit
import F1KitReading
import Foundation

#if FUZZ_CSV
  let fileExtension = "csv"
  func options() -> PredictionFileOptions { PredictionFileOptions() }
#elseif FUZZ_TSV
  let fileExtension = "tsv"
  func options() -> PredictionFileOptions { PredictionFileOptions() }
#elseif FUZZ_JSONL
  let fileExtension = "jsonl"
  func options() -> PredictionFileOptions { PredictionFileOptions() }
#elseif FUZZ_COUNTS
  let fileExtension = "csv"
  func options() -> PredictionFileOptions {
    var options = PredictionFileOptions()
    options.countColumn = "count"
    return options
  }
#elseif FUZZ_SCORES
  let fileExtension = "csv"
  func options() -> PredictionFileOptions {
    var options = PredictionFileOptions()
    options.scoreColumns = ["neg", "neu", "pos"]
    return options
  }
#else
  #error("define one of FUZZ_CSV, FUZZ_TSV, FUZZ_JSONL, FUZZ_COUNTS, FUZZ_SCORES")
#endif

// In memory (/dev/shm) where there is one: a disk write per input would
// dominate the run.
let directory = URL(
  fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm")
    ? "/dev/shm" : NSTemporaryDirectory()
).appendingPathComponent("f1kit-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
let path = directory.appendingPathComponent("input.\(fileExtension)").path
/// The input file, opened once: each input is written over it in place
/// (truncate, then one `pwrite`), so no execution opens, buffers or closes
/// a file of its own or touches Foundation's file APIs.
nonisolated(unsafe) var descriptor: CInt = -1

@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let start, count > 0, descriptor >= 0 else { return 0 }
  let bytes = UnsafeBufferPointer(start: start, count: count)
  guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, start + 1, count - 1, 0) == count - 1
  else { return 0 }
  var readOptions = options()
  readOptions.chunkSize = Int(bytes[0]) + 1
  guard let reader = try? PredictionReader(path: path, options: readOptions) else { return 0 }
  if let matrix = try? reader.readConfusionMatrix() {
    _ = try? ClassificationMetrics(confusionMatrix: matrix).value(of: .macroF1)
  }
  if readOptions.countColumn == nil, let items = try? reader.readItems() {
    if let ids = items.identifiers {
      _ = ids.positions(in: ids)
      // Read again in its own id order (as `compare` reads a second
      // file): the same items, or a finding.
      guard let aligned = reader.readItems(alignedTo: items), aligned.labels == items.labels,
        aligned.gold == items.gold, aligned.predicted == items.predicted
      else { fatalError("readItems(alignedTo:) differs from readItems()") }
    }
  }
  return 0
}
