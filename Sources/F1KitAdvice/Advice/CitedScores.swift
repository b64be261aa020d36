import F1Kit

/// The scores a data rule cites, for one model or for each of several.
///
/// The data rules (class balance, micro-F1 against accuracy) come once,
/// from the first model's gold labels, but the scores they cite are each
/// model's. With one model the numbers stand in the sentence, as
/// `accuracy (0.9488)`; with several the sentence names the metrics bare
/// and ends with `Here: A: accuracy 0.9488, …; B: accuracy 0.8196, ….`,
/// so that no model's numbers are read as another's.
struct CitedScores {
  /// Every model with its class profile; one or none when a single model
  /// is advised.
  let models: [(name: String, profile: ClassProfile)]
  /// The first model's profile, cited alone with one model.
  let first: ClassProfile

  /// Reads the models a data rule cites.
  ///
  /// - Parameters:
  ///   - models: Every model, in order; empty for a single unnamed model.
  ///   - first: The first model's profile.
  init(_ models: [(name: String, profile: ClassProfile)], first: ClassProfile) {
    self.models = models
    self.first = first
  }

  /// Whether several models are cited, each by name.
  var isNamed: Bool { models.count > 1 }

  /// The profiles whose scores are cited: every model's, or the first's.
  var profiles: [ClassProfile] { isNamed ? models.map(\.profile) : [first] }

  /// A metric's value in parentheses after its name, ` (0.9488)`, with one
  /// model; nothing with several, whose values ``listing(_:)`` gives.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - digits: The decimals shown.
  /// - Returns: The parenthesis, with a leading space, or an empty string.
  func inline(_ metric: Metric, digits: Int = 4) -> String {
    isNamed ? "" : " (\(DisplayNumber.score(first.value(of: metric), digits: digits)))"
  }

  /// Each model's values, ` Here: A: accuracy 0.9488, macro-F1 0.8417; B:
  /// ….`, with several models; nothing with one.
  ///
  /// - Parameter scores: The scores to list, in order.
  /// - Returns: The sentence, with a leading space, or an empty string.
  func listing(_ scores: [CitedScore]) -> String {
    guard isNamed else { return "" }
    let entries = models.map { model in
      "\(model.name): "
        + scores.map { "\($0.phrase) \(DisplayNumber.score($0.value(model.profile)))" }
        .joined(separator: ", ")
    }
    return " Here: " + entries.joined(separator: "; ") + "."
  }

  /// The evidence of the scores: the first model's, unnamed, with one
  /// model; each model's, named, with several.
  ///
  /// - Parameter scores: The scores, in order.
  /// - Returns: The evidence, model by model.
  func evidence(_ scores: [CitedScore]) -> [AdviceEvidence] {
    let cited = isNamed ? models.map { ($0.name as String?, $0.profile) } : [(nil, first)]
    return cited.flatMap { name, profile in
      scores.map {
        AdviceEvidence($0.name, label: $0.label, model: name, value: $0.value(profile))
      }
    }
  }
}

/// One score a data rule cites: its evidence name, its phrase in prose and
/// how to read it from a model's class profile.
struct CitedScore {
  /// The evidence name, such as `macro_f1`.
  let name: String
  /// The class the score belongs to, if it is a per-class score.
  let label: String?
  /// The score in prose, such as `macro-F1`.
  let phrase: String
  /// The score of a model.
  let value: (ClassProfile) -> Double

  /// A metric, named by its key and its display name unless `phrase` is
  /// given.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - phrase: The metric in prose, if not its display name.
  init(_ metric: Metric, phrase: String? = nil) {
    name = metric.rawValue
    label = nil
    self.phrase = phrase ?? metric.displayName
    value = { $0.value(of: metric) }
  }

  /// Any other score.
  ///
  /// - Parameters:
  ///   - name: The evidence name.
  ///   - label: The class it belongs to, if any.
  ///   - phrase: The score in prose.
  ///   - value: The score of a model.
  init(
    name: String, label: String?, phrase: String, value: @escaping (ClassProfile) -> Double
  ) {
    self.name = name
    self.label = label
    self.phrase = phrase
    self.value = value
  }
}
