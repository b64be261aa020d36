/// A closure told how far a resampling loop has got, so a caller can draw
/// a progress bar; F1Kit itself prints nothing.
///
/// It is called on the caller's thread about a hundred times per loop and
/// once at the end, with the number of resamples completed and the total.
public typealias ResamplingProgress = (_ completed: Int, _ total: Int) -> Void

/// Calls a ``ResamplingProgress`` about a hundred times over a loop.
struct ProgressReporter {
  private let handler: ResamplingProgress?
  private let total: Int
  private let stride: Int

  init(_ handler: ResamplingProgress?, total: Int) {
    self.handler = handler
    self.total = total
    self.stride = max(1, total / 100)
  }

  /// Reports that `completed` resamples are done, when it is time to.
  @inline(__always)
  func report(_ completed: Int) {
    guard let handler, completed % stride == 0 || completed == total else { return }
    handler(completed, total)
  }
}
