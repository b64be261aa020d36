import F1Kit

/// Counts of (gold code, predicted code) pairs, dense while there are few
/// labels and sparse after.
///
/// Memory is O(*k*²) for *k* ≤ `denseLimit` labels and O(non-zero cells)
/// beyond, never O(rows).
struct CountTable {
  /// The largest number of labels kept in a dense table (8 MiB of counts).
  static let denseLimit = 1024

  private var dense = [Int](repeating: 0, count: 64)
  private var stride = 8
  private var sparse: [UInt64: Int]?

  /// Adds `weight` to a cell.
  ///
  /// - Returns: `false` if the cell's count would overflow.
  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    let row = Int(gold)
    let column = Int(predicted)
    if row < stride, column < stride, sparse == nil {
      let (sum, overflow) = dense[row &* stride &+ column].addingReportingOverflow(weight)
      dense[row &* stride &+ column] = sum
      return !overflow
    }
    return addSlowly(row: row, column: column, weight: weight)
  }

  private mutating func addSlowly(row: Int, column: Int, weight: Int) -> Bool {
    let needed = max(row, column) + 1
    if sparse == nil {
      if needed <= Self.denseLimit {
        grow(to: needed)
        return add(gold: Int32(row), predicted: Int32(column), weight: weight)
      }
      var cells: [UInt64: Int] = [:]
      for (gold, predicted, count) in nonZeroCells() {
        cells[Self.key(gold, predicted)] = count
      }
      sparse = cells
    }
    let key = Self.key(row, column)
    let (sum, overflow) = sparse![key, default: 0].addingReportingOverflow(weight)
    sparse![key] = sum
    return !overflow
  }

  private mutating func grow(to needed: Int) {
    var newStride = stride
    while newStride < needed { newStride *= 2 }
    newStride = min(newStride, Self.denseLimit)
    var newDense = [Int](repeating: 0, count: newStride * newStride)
    for row in 0..<stride {
      for column in 0..<stride {
        newDense[row * newStride + column] = dense[row * stride + column]
      }
    }
    dense = newDense
    stride = newStride
  }

  /// The cells with a non-zero count, in no set order.
  func nonZeroCells() -> [(gold: Int, predicted: Int, count: Int)] {
    if let sparse {
      return sparse.filter { $0.value != 0 }.map {
        (Int($0.key >> 32), Int($0.key & 0xFFFF_FFFF), $0.value)
      }
    }
    var cells: [(gold: Int, predicted: Int, count: Int)] = []
    for row in 0..<stride {
      for column in 0..<stride where dense[row * stride + column] != 0 {
        cells.append((row, column, dense[row * stride + column]))
      }
    }
    return cells
  }

  private static func key(_ row: Int, _ column: Int) -> UInt64 {
    UInt64(row) << 32 | UInt64(column)
  }
}
