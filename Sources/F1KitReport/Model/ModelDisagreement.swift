/// Where two models' predictions part on the same items, with McNemar's
/// test of equal accuracy.
public struct ModelDisagreement: Hashable, Sendable {
  /// The model compared against.
  public var reference: String
  /// The model compared with it.
  public var candidate: String
  /// The number of items.
  public var itemCount: Int
  /// Items the two models predict differently.
  public var disagreementCount: Int
  /// Items only the reference gets right.
  public var referenceOnlyCorrect: Int
  /// Items only the candidate gets right.
  public var candidateOnlyCorrect: Int
  /// McNemar's mid-p value (Fagerland, Lydersen and Laake 2013).
  public var mcNemarPValue: Double

  /// Creates a summary.
  ///
  /// - Parameters:
  ///   - reference: The model compared against.
  ///   - candidate: The model compared with it.
  ///   - itemCount: The number of items.
  ///   - disagreementCount: Items the models predict differently.
  ///   - referenceOnlyCorrect: Items only the reference gets right.
  ///   - candidateOnlyCorrect: Items only the candidate gets right.
  ///   - mcNemarPValue: McNemar's mid-p value.
  public init(
    reference: String, candidate: String, itemCount: Int, disagreementCount: Int,
    referenceOnlyCorrect: Int, candidateOnlyCorrect: Int, mcNemarPValue: Double
  ) {
    self.reference = reference
    self.candidate = candidate
    self.itemCount = itemCount
    self.disagreementCount = disagreementCount
    self.referenceOnlyCorrect = referenceOnlyCorrect
    self.candidateOnlyCorrect = candidateOnlyCorrect
    self.mcNemarPValue = mcNemarPValue
  }
}
