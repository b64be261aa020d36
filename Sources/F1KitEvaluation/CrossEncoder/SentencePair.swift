/// Two texts a cross-encoder reads together, such as a premise and a
/// hypothesis or two sentences whose similarity is judged.
public struct SentencePair: Hashable, Sendable {
  /// The first text.
  public var first: String
  /// The second text.
  public var second: String

  /// Creates a pair.
  ///
  /// - Parameters:
  ///   - first: The first text.
  ///   - second: The second text.
  public init(_ first: String, _ second: String) {
    self.first = first
    self.second = second
  }
}
