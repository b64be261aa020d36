/// One piece of advice about reading or choosing metrics, computed from the
/// data and citing the numbers that triggered it.
///
/// ``MetricAdvisor`` makes advice; `f1kit advise` prints it and
/// `f1kit report` shows it in the report's Advice section.
public struct Advice: Hashable, Sendable {
  /// The rule that fired; its raw value is a stable id.
  public var rule: AdviceRule
  /// How strongly the advice asks the reader to act.
  public var severity: AdviceSeverity
  /// The model the advice is about, or `nil` when it is about the data (the
  /// gold labels) or about every model.
  public var model: String?
  /// A short headline, one sentence without a final period.
  public var title: String
  /// The advice in full, with the numbers that triggered it.
  public var message: String
  /// The numbers that triggered the rule, in the order the message cites
  /// them.
  public var evidence: [AdviceEvidence]
  /// Whether the advice reads each model's first run where models have
  /// several: its numbers are not the mean over runs that an experiment's
  /// verdict quotes. ``model`` stays the model's own name, so that it
  /// matches the evidence's and the comparison's; ``modelHeading`` says
  /// "(first run)" for readers.
  public var isAboutFirstRuns = false

  /// Creates a piece of advice.
  ///
  /// - Parameters:
  ///   - rule: The rule that fired.
  ///   - severity: How strongly the advice asks the reader to act.
  ///   - model: The model the advice is about, if it concerns one.
  ///   - title: A short headline.
  ///   - message: The advice in full.
  ///   - evidence: The numbers that triggered the rule.
  public init(
    rule: AdviceRule, severity: AdviceSeverity, model: String? = nil, title: String,
    message: String, evidence: [AdviceEvidence]
  ) {
    self.rule = rule
    self.severity = severity
    self.model = model
    self.title = title
    self.message = message
    self.evidence = evidence
  }

  /// The model as a heading names it: ``model``, followed by "(first run)"
  /// when the advice is about a model's first run of several
  /// (``isAboutFirstRuns``); `nil` when the advice is about no one model.
  public var modelHeading: String? {
    model.map { isAboutFirstRuns ? "\($0) (first run)" : $0 }
  }

  /// The rule's stable id, such as `class-never-predicted`.
  public var id: String { rule.rawValue }
}
