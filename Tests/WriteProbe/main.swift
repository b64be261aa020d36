// A child process for the tests: writes through F1Kit's file writers so a
// test can kill it part-way.
//
//   write-probe atomic PATH MEGABYTES [named]
//     Writes MEGABYTES of text to PATH through AtomicFileWriter; "named"
//     uses the named temporary file of platforms without O_TMPFILE.
//   write-probe log FOLDER
//     Appends results-log rows to FOLDER/probe_results.csv until killed.
//
// Prints "writing" on standard error once the writing starts.
import F1KitEvaluation
import F1KitSupport
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch (arguments.first, arguments.count) {
case ("atomic", 3...4):
  guard let megabytes = Int(arguments[2]) else { exit(64) }
  if arguments.count == 4, arguments[3] == "named" {
    AtomicFileWriter.isUnnamedTemporaryFileEnabled = false
  }
  let text = String(
    repeating: String(repeating: "x", count: 1023) + "\n", count: megabytes << 10)
  StandardStream.note("writing\n")
  do {
    try AtomicFileWriter.write(text, toPath: arguments[1])
  } catch {
    StandardStream.note("\(error)\n")
    exit(73)
  }
case ("log", 2):
  let log = ResultsLog(directory: URL(fileURLWithPath: arguments[1]), name: "probe")
  let metrics = (0..<20).map { (name: "metric_\($0)", value: 1.0 / Double($0 + 3)) }
  StandardStream.note("writing\n")
  var step = 0
  while true {
    step += 1
    do {
      try log.append(epoch: Double(step) / 100, step: step, metrics: metrics)
    } catch {
      StandardStream.note("\(error)\n")
      exit(74)
    }
  }
default:
  StandardStream.note("usage: write-probe atomic PATH MEGABYTES [named] | log FOLDER\n")
  exit(64)
}
