import F1KitSupport
import Foundation

/// Draws an evaluator's progress over batches and its closing summary.
struct ProgressReporter {
  /// What the reporter writes, after resolving ``ProgressStyle/automatic``.
  enum Mode { case bar, line, hidden }

  let title: String
  let totalBatches: Int
  let mode: Mode
  let write: @Sendable (String) -> Void
  private let start = ContinuousClock.now
  private var drawnWidth = -1
  /// Whether the bar's line has no newline yet: anything else written now
  /// would land after the bar, on its line.
  private var isBarLineOpen = false

  /// Creates a reporter.
  ///
  /// - Parameters:
  ///   - title: The evaluator's name, shown first.
  ///   - totalBatches: The number of batches to score.
  ///   - style: The requested style.
  ///   - isTerminal: Whether standard error is a terminal, for
  ///     ``ProgressStyle/automatic``.
  ///   - write: Where text goes.
  init(
    title: String, totalBatches: Int, style: ProgressStyle,
    isTerminal: Bool = isatty(STDERR_FILENO) == 1,
    write: @escaping @Sendable (String) -> Void = StandardStream.note
  ) {
    self.title = title.isEmpty ? "evaluation" : title
    self.totalBatches = totalBatches
    self.write = write
    switch style {
    case .automatic: mode = isTerminal ? .bar : .line
    case .bar: mode = .bar
    case .line: mode = .line
    case .hidden: mode = .hidden
    }
  }

  /// Records that `completed` batches are done, redrawing the bar when its
  /// filled width changes.
  mutating func advance(completed: Int) {
    guard mode == .bar else { return }
    let width = Self.barWidth * completed / max(totalBatches, 1)
    guard width != drawnWidth || completed == totalBatches else { return }
    drawnWidth = width
    write("\r" + Self.bar(title: title, completed: completed, total: totalBatches))
    isBarLineOpen = true
  }

  /// Ends the bar's line, if one is open, so that a warning or note
  /// written before ``finish(_:)`` starts a line of its own.
  mutating func endLine() {
    guard isBarLineOpen else { return }
    write("\n")
    isBarLineOpen = false
  }

  /// Ends the bar, if any, and writes one summary line.
  func finish(_ summary: String) {
    guard mode != .hidden else { return }
    let elapsedTime = (ContinuousClock.now - start).components
    let seconds = Double(elapsedTime.seconds) + Double(elapsedTime.attoseconds) / 1e18
    let elapsed = String(format: "%.2f s", seconds)
    write((isBarLineOpen ? "\n" : "") + "\(title): \(summary) (\(elapsed))\n")
  }

  static let barWidth = 30

  /// Renders one frame of the bar, such as
  /// `stsb-dev [##########--------------------] 16/47 batches`.
  static func bar(title: String, completed: Int, total: Int) -> String {
    let filled = barWidth * completed / max(total, 1)
    return "\(title) [" + String(repeating: "#", count: filled)
      + String(repeating: "-", count: barWidth - filled) + "] \(completed)/\(total) batches"
  }
}
