/// A set of label indices stored as bits, compared and hashed by value.
///
/// The first 64 labels live inline, so sets over up to 64 labels never
/// allocate; larger indices spill into words that carry no trailing zero
/// word, so two equal sets are equal however they were built.
public struct LabelSet: Hashable, Sendable {
  private var low: UInt64 = 0
  private var high: [UInt64] = []

  /// Creates an empty set.
  public init() {}

  /// Creates a set of the given label indices.
  ///
  /// - Parameter indices: Indices of labels, each at least 0; repeats are
  ///   kept once.
  public init(_ indices: some Sequence<Int>) {
    for index in indices { insert(index) }
  }

  /// Adds a label index.
  ///
  /// - Parameter index: The index, at least 0.
  /// - Complexity: O(1) for indices below 64, amortized O(index / 64)
  ///   otherwise.
  public mutating func insert(_ index: Int) {
    precondition(index >= 0, "label indices are not negative")
    if index < 64 {
      low |= 1 << UInt64(index)
      return
    }
    let word = index / 64 - 1
    if word >= high.count {
      high.append(contentsOf: repeatElement(0, count: word - high.count + 1))
    }
    high[word] |= 1 << UInt64(index % 64)
  }

  /// Whether the set holds a label index.
  ///
  /// - Parameter index: The index.
  /// - Returns: `true` when the index is in the set.
  public func contains(_ index: Int) -> Bool {
    if index < 0 { return false }
    if index < 64 { return low & (1 << UInt64(index)) != 0 }
    let word = index / 64 - 1
    return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
  }

  /// Whether the set is empty.
  public var isEmpty: Bool { low == 0 && high.isEmpty }

  /// The number of labels in the set.
  public var count: Int { high.reduce(low.nonzeroBitCount) { $0 + $1.nonzeroBitCount } }

  /// The label indices in increasing order.
  public var indices: [Int] {
    var result: [Int] = []
    forEachIndex { result.append($0) }
    return result
  }

  /// Calls a closure with each label index in increasing order.
  ///
  /// - Parameter body: The closure.
  /// - Complexity: O(*w* + *c*) for *w* words and *c* labels, with no
  ///   allocation.
  public func forEachIndex(_ body: (Int) -> Void) {
    var bits = low
    while bits != 0 {
      body(bits.trailingZeroBitCount)
      bits &= bits - 1
    }
    for (word, value) in high.enumerated() {
      var bits = value
      while bits != 0 {
        body((word + 1) * 64 + bits.trailingZeroBitCount)
        bits &= bits - 1
      }
    }
  }

  /// The number of labels in both sets.
  ///
  /// - Parameter other: Another set.
  /// - Returns: The size of the intersection.
  public func intersectionCount(with other: LabelSet) -> Int {
    var count = (low & other.low).nonzeroBitCount
    for word in 0..<min(high.count, other.high.count) {
      count += (high[word] & other.high[word]).nonzeroBitCount
    }
    return count
  }

  /// The labels below an index bound.
  ///
  /// - Parameter bound: The exclusive upper bound of the indices kept.
  /// - Returns: The labels whose index is less than `bound`.
  public func prefix(below bound: Int) -> LabelSet {
    guard bound < 64 + 64 * high.count else { return self }
    var result = LabelSet()
    forEachIndex { if $0 < bound { result.insert($0) } }
    return result
  }

  /// The set with every index mapped to a new one.
  ///
  /// - Parameter positions: The new index of each old index.
  /// - Returns: The mapped set.
  public func mapped(by positions: [Int]) -> LabelSet {
    var result = LabelSet()
    forEachIndex { result.insert(positions[$0]) }
    return result
  }
}
