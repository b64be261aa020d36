// Times ResultsLog.append: N appends of a 20-metric row (the binary
// evaluator's shape) to a fresh log, each one flushed with fsync.
//
//   swift run -c release results-log-benchmark [COUNT] [FOLDER]
//
// COUNT defaults to 10,000 (issue 14's target: under 2 s); FOLDER defaults
// to a new folder under the system's temporary folder, removed afterwards.
// Prints the total time, the time of the first and last 1,000 appends (equal
// when an append costs O(row), not O(log)), and bytes per row. Then, side by
// side, the floor any durable append has on this file system: the same rows
// written to a bare file with one O_APPEND write and one fsync each.
import F1KitEvaluation
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap(Int.init) ?? 10_000
let folder =
  arguments.count > 1
  ? URL(fileURLWithPath: arguments[1])
  : FileManager.default.temporaryDirectory.appendingPathComponent(
    "f1kit-results-log-benchmark-\(UUID().uuidString)")
let isTemporary = arguments.count <= 1
defer { if isTemporary { try? FileManager.default.removeItem(at: folder) } }

let names = [
  "accuracy", "balanced_accuracy", "micro_precision", "micro_recall", "micro_f1",
  "macro_precision", "macro_recall", "macro_f1", "weighted_precision", "weighted_recall",
  "weighted_f1", "mcc", "cohen_kappa", "binary_precision", "binary_recall", "binary_f1",
  "threshold", "average_precision", "roc_auc", "loss",
]
// Values drawn before timing, so only the appends are timed.
var generator = SystemRandomNumberGenerator()
let values = (0..<1_000).map { _ in
  names.map { (name: $0, value: Double.random(in: 0..<1, using: &generator)) }
}
let log = ResultsLog(directory: folder, name: "benchmark")
let clock = ContinuousClock()
var lapTimes: [Duration] = []
var lapStart = clock.now
let start = clock.now
var file = folder
for step in 1...count {
  file = try log.append(
    epoch: Double(step) / 1_000, step: step, metrics: values[step % values.count])
  if step % 1_000 == 0 {
    lapTimes.append(clock.now - lapStart)
    lapStart = clock.now
  }
}
let total = clock.now - start
let bytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0

func seconds(_ duration: Duration) -> String {
  let (whole, fraction) = duration.components
  return String(format: "%.3f s", Double(whole) + Double(fraction) * 1e-18)
}
print("\(count) appends of a \(names.count)-metric row: \(seconds(total))")
if let first = lapTimes.first, let last = lapTimes.last {
  print("first 1,000: \(seconds(first)), last 1,000: \(seconds(last))")
}
print("log size \(bytes) bytes, \(bytes / max(count, 1)) bytes per row")

// The floor: a bare O_APPEND write and fsync per row, nothing else.
let bare = folder.appendingPathComponent("bare.csv").path
let descriptor = open(bare, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
guard descriptor >= 0 else { fatalError("cannot create \(bare)") }
let row = Array(repeating: UInt8(ascii: "x"), count: max(bytes / max(count, 1) - 1, 1)) + [0x0A]
let bareStart = clock.now
for _ in 1...count {
  _ = row.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  _ = fsync(descriptor)
}
let bareTotal = clock.now - bareStart
close(descriptor)
print("bare write+fsync of the same rows: \(seconds(bareTotal))")
print(String(format: "ratio ResultsLog / bare: %.2f", total / bareTotal))
