import F1KitEvaluation

/// Turns a sentence pair into a sparse feature vector for a linear model.
///
/// Dense overlap features sit at fixed indices; word features are hashed
/// with FNV-1a (stable across runs, unlike Swift's seeded `Hasher`) into
/// the rest of the vector:
///
/// - overlap: Jaccard of words, of word bigrams and of character
///   trigrams; containment of the smaller word set; the length difference;
///   mismatched numbers and negations; and the word and trigram Jaccard in
///   ten one-hot bands, so a linear model can bend its response;
/// - unigrams: each word shared by both sentences, and each word only one
///   sentence has;
/// - cross pairs: each (word only in the first, word only in the second)
///   pair, ordered so that the pair's order does not matter — these learn
///   near-synonyms such as `man|guy`.
struct PairFeatures: Sendable {
  /// The number of weights, a power of two.
  static let dimension = 1 << 18
  private static let denseCount = 64

  /// A sparse vector: (index, value) entries, indices distinct.
  typealias Vector = [(index: Int, value: Double)]

  func vector(for pair: SentencePair) -> Vector {
    let first = Self.words(pair.first)
    let second = Self.words(pair.second)
    let (firstSet, secondSet) = (Set(first), Set(second))
    let shared = firstSet.intersection(secondSet)
    let wordOverlap = Self.jaccard(firstSet, secondSet)
    let bigramOverlap = Self.jaccard(Self.bigrams(first), Self.bigrams(second))
    let trigramOverlap = Self.jaccard(Self.trigrams(pair.first), Self.trigrams(pair.second))
    let smaller = max(1, min(firstSet.count, secondSet.count))
    let longer = max(1, max(first.count, second.count))
    let numbers = { (words: Set<String>) in words.filter { $0.first!.isNumber } }
    let negations: Set<String> = ["not", "no", "never", "nobody", "nothing", "t"]

    var dense: [Double] = [
      1,  // bias
      wordOverlap, bigramOverlap, trigramOverlap,
      Double(shared.count) / Double(smaller),
      Double(abs(first.count - second.count)) / Double(longer),
      numbers(firstSet) == numbers(secondSet) ? 0 : 1,
      firstSet.isDisjoint(with: negations) == secondSet.isDisjoint(with: negations) ? 0 : 1,
      Double(min(first.count, second.count)) / Double(longer),
    ]
    dense += Self.band(wordOverlap) + Self.band(trigramOverlap)
    var vector: Vector = dense.enumerated().compactMap {
      $0.element == 0 ? nil : ($0.offset, $0.element)
    }

    var hashed: [Int: Double] = [:]
    for word in shared { hashed[Self.slot("shared:" + word), default: 0] += 1 }
    for word in firstSet.symmetricDifference(secondSet) {
      hashed[Self.slot("only:" + word), default: 0] += 1
    }
    let firstOnly = firstSet.subtracting(secondSet)
    let secondOnly = secondSet.subtracting(firstSet)
    let crossWeight = 1 / Double(max(1, firstOnly.count * secondOnly.count)).squareRoot()
    for left in firstOnly {
      for right in secondOnly {
        let key = left < right ? "\(left)|\(right)" : "\(right)|\(left)"
        hashed[Self.slot("cross:" + key), default: 0] += crossWeight
      }
    }
    vector += hashed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    return vector
  }

  static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }

  static func bigrams(_ words: [String]) -> Set<String> {
    Set(zip(words, words.dropFirst()).map { "\($0) \($1)" })
  }

  static func trigrams(_ text: String) -> Set<String> {
    let characters = Array(" " + text.lowercased() + " ")
    guard characters.count >= 3 else { return [] }
    return Set((0...(characters.count - 3)).map { String(characters[$0..<$0 + 3]) })
  }

  static func jaccard<Element>(_ left: Set<Element>, _ right: Set<Element>) -> Double {
    let union = left.union(right).count
    return union == 0 ? 1 : Double(left.intersection(right).count) / Double(union)
  }

  /// A one-hot encoding of a value in [0, 1] into ten bands.
  static func band(_ value: Double) -> [Double] {
    let index = min(9, Int(value * 10))
    return (0..<10).map { $0 == index ? 1 : 0 }
  }

  /// The hashed index of a feature name, past the dense features.
  static func slot(_ name: String) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return denseCount + Int(hash % UInt64(dimension - denseCount))
  }
}
