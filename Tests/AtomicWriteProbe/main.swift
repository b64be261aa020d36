// A child process for F1KitSupportTests: writes a large file through
// AtomicFileWriter so a test can kill it part-way.
//
// Usage: atomic-write-probe PATH MEGABYTES [named]
// Prints "writing" on standard error just before the write starts, and
// "done" after it ends. With "named", it uses the named temporary file that
// platforms without O_TMPFILE use.
import F1KitSupport
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3, let megabytes = Int(arguments[2]) else {
  StandardStream.note("usage: atomic-write-probe PATH MEGABYTES [named]\n")
  exit(64)
}
if arguments.count > 3, arguments[3] == "named" {
  AtomicFileWriter.isUnnamedTemporaryFileEnabled = false
}
let text = String(repeating: String(repeating: "x", count: 1023) + "\n", count: megabytes << 10)
StandardStream.note("writing\n")
do {
  try AtomicFileWriter.write(text, toPath: arguments[1])
} catch {
  StandardStream.note("\(error)\n")
  exit(73)
}
StandardStream.note("done\n")
