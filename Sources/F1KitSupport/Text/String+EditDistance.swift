extension String {
  /// The number of single-character insertions, deletions, substitutions
  /// and swaps of neighbours that turn this string into another (the
  /// optimal string alignment distance).
  ///
  /// - Parameter other: The other string.
  /// - Returns: The distance; 0 when the strings are equal.
  /// - Complexity: O(*m* × *n*) for strings of *m* and *n* characters.
  package func editDistance(to other: String) -> Int {
    let source = Array(self)
    let target = Array(other)
    if source.isEmpty { return target.count }
    if target.isEmpty { return source.count }
    var twoRowsUp = [Int](repeating: 0, count: target.count + 1)
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for i in 1...source.count {
      current[0] = i
      for j in 1...target.count {
        let cost = source[i - 1] == target[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
          current[j] = Swift.min(current[j], twoRowsUp[j - 2] + 1)
        }
      }
      (twoRowsUp, previous, current) = (previous, current, twoRowsUp)
    }
    return previous[target.count]
  }

  /// The closest of some candidates, if one is close enough to be a likely
  /// misspelling: at most one edit per three characters of the candidate,
  /// at least one and fewer than 4 (swift-argument-parser's bound), so
  /// `xml` does not suggest `csv`.
  ///
  /// - Parameter candidates: The spellings that would have been accepted.
  /// - Returns: The closest candidate, the first of equals, or `nil`.
  package func closestMatch(among candidates: some Sequence<String>) -> String? {
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(to: candidate)
      let limit = Swift.max(1, Swift.min(3, candidate.count / 3))
      if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best?.candidate
  }
}
