import CommandLineSupport
import Foundation

/// A progress bar on standard error, drawn only when standard error is a
/// terminal and the user did not ask for quiet, so logs and pipes stay clean.
final class ProgressBar {
  private let label: String
  private let isEnabled: Bool
  private var lastPercent = -1

  init(label: String, isQuiet: Bool) {
    self.label = label
    self.isEnabled = !isQuiet && Console.isErrorTerminal
  }

  /// A handler for resampling progress, or `nil` when the bar is off.
  var handler: ((Int, Int) -> Void)? {
    guard isEnabled else { return nil }
    return { [self] completed, total in update(completed: completed, total: total) }
  }

  func update(completed: Int, total: Int) {
    guard total > 0 else { return }
    let percent = min(100, completed * 100 / total)
    guard percent != lastPercent else { return }
    lastPercent = percent
    let width = 30
    let filled = percent * width / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    Console.writeError("\r\(label) \(bar) \(percent)%")
  }

  /// Erases the bar so the result starts on a clean line.
  func finish() {
    guard isEnabled, lastPercent >= 0 else { return }
    Console.writeError("\r\u{1B}[2K")
  }
}
