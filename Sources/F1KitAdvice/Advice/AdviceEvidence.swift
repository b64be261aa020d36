/// One number that made a rule fire, named so that people and programs can
/// read it.
public struct AdviceEvidence: Hashable, Sendable {
  /// What the number is, in snake case: a metric key such as `macro_f1`, or
  /// a quantity such as `support` or `imbalance_ratio`.
  public var name: String
  /// The class the number belongs to, if it is a per-class number.
  public var label: String?
  /// The model the number belongs to, if the advice concerns several.
  public var model: String?
  /// The number itself; NaN where it is undefined.
  public var value: Double

  /// Creates a piece of evidence.
  ///
  /// - Parameters:
  ///   - name: What the number is, in snake case.
  ///   - label: The class it belongs to, if any.
  ///   - model: The model it belongs to, if any.
  ///   - value: The number.
  public init(_ name: String, label: String? = nil, model: String? = nil, value: Double) {
    self.name = name
    self.label = label
    self.model = model
    self.value = value
  }

  /// Creates a piece of evidence from a count.
  ///
  /// - Parameters:
  ///   - name: What the number is, in snake case.
  ///   - label: The class it belongs to, if any.
  ///   - model: The model it belongs to, if any.
  ///   - count: The count.
  public init(_ name: String, label: String? = nil, model: String? = nil, count: Int) {
    self.init(name, label: label, model: model, value: Double(count))
  }
}
