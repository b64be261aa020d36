import Dispatch

extension Array {
  /// An array of `count` elements, each computed by `element` on whichever
  /// thread `DispatchQueue.concurrentPerform` gives its index, and kept at
  /// its index: the same array for any number of threads, as long as
  /// `element` depends on its index alone.
  ///
  /// - Parameters:
  ///   - count: The number of elements, at least 0.
  ///   - element: The element at an index.
  /// - Complexity: The cost of the `count` calls of `element`, spread over
  ///   the processors.
  init(count: Int, concurrentlyComputing element: @Sendable (Int) -> Element) {
    self.init(unsafeUninitializedCapacity: count) { buffer, initializedCount in
      let slots = Slots(base: buffer.baseAddress)
      DispatchQueue.concurrentPerform(iterations: count) { index in
        // Each index is written once, by the one thread that computes it.
        (slots.base! + index).initialize(to: element(index))
      }
      initializedCount = count
    }
  }
}

/// The storage of an array being computed, each element written by one
/// thread.
private struct Slots<Element>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Element>?
}
