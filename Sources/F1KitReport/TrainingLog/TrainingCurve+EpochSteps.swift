extension TrainingCurve {
  /// Whether the log counts steps from 0 in every epoch and logs each
  /// epoch's closing evaluation with steps -1, as Sentence-Transformers'
  /// `CrossEncoder.fit` (before version 4) does: every recorded epoch is
  /// a whole number (the epoch's index from 0), and an evaluation has a
  /// recorded epoch but steps -1, or its step falls as the epoch rises.
  public var countsStepsPerEpoch: Bool {
    let recorded = points.filter { $0.epoch >= 0 }
    guard !recorded.isEmpty, recorded.allSatisfy({ $0.epoch == $0.epoch.rounded() }) else {
      return false
    }
    if recorded.contains(where: { $0.step < 0 }) { return true }
    return zip(recorded, recorded.dropFirst()).contains { previous, point in
      point.epoch > previous.epoch && point.step <= previous.step
    }
  }

  /// The same log with steps counted from the start of training and
  /// fractional epochs, when it counts steps per epoch (see
  /// ``countsStepsPerEpoch``); otherwise the log itself.
  ///
  /// Epoch *e* (from 0) spans epochs *e* to *e* + 1 and steps from the sum
  /// of the earlier epochs' lengths, an epoch's length being its highest
  /// logged step. An evaluation at step *s* of epoch *e* moves to that
  /// offset plus *s*, at epoch *e* + *s* / length; the closing evaluation
  /// (steps -1) to the epoch's end, at epoch *e* + 1. Without such a
  /// change the chart would draw every epoch over the same steps, and its
  /// closing evaluations at step -1.
  ///
  /// - Returns: The log, with its evaluations' epochs and steps moved.
  /// - Complexity: O(*n* log *n*) for *n* evaluations.
  public func countingStepsFromStart() -> TrainingCurve {
    guard countsStepsPerEpoch else { return self }
    var lengths: [Double: Int] = [:]
    for point in points where point.epoch >= 0 {
      lengths[point.epoch] = max(lengths[point.epoch] ?? 0, point.step)
    }
    var offsets: [Double: Int] = [:]
    var total = 0
    for epoch in lengths.keys.sorted() {
      offsets[epoch] = total
      total += lengths[epoch]!
    }
    var moved = self
    moved.stepsWereCountedPerEpoch = true
    moved.points = points.map { point in
      guard point.epoch >= 0, let offset = offsets[point.epoch], let length = lengths[point.epoch]
      else { return point }
      var copy = point
      if point.step < 0 {
        copy.epoch = point.epoch + 1
        copy.step = length > 0 ? offset + length : -1
      } else {
        copy.epoch = point.epoch + (length > 0 ? Double(point.step) / Double(length) : 0)
        copy.step = offset + point.step
      }
      return copy
    }
    return moved
  }
}
