import CommandLineSupport
import F1Kit
import F1KitReport
import F1KitStatistics

extension CompareCommand {
  /// Each file's cut-off and where it came from, when the files are read
  /// with `--score-column`.
  ///
  /// - Returns: One choice per file, or none without a score column.
  /// - Throws: A failure when a `--threshold-from` cut-off cannot be worked
  ///   out.
  func thresholdChoices() throws(CommandFailure) -> [(file: String, choice: ThresholdChoice)] {
    var choices: [(file: String, choice: ThresholdChoice)] = []
    for (index, input) in pathInputs.enumerated() {
      if let choice = try input.thresholdChoice(for: paths[index]) {
        choices.append((pathSources[index], choice))
      }
    }
    return choices
  }

  /// A document with a `"thresholds"` member added: one object per file.
  static func adding(
    _ choices: [(file: String, choice: ThresholdChoice)], to document: JSONValue
  ) -> JSONValue {
    guard !choices.isEmpty, case .object(let members) = document else { return document }
    let thresholds = JSONValue.object(choices.map { ($0.file, $0.choice.jsonValue()) })
    return .object(members + [("thresholds", thresholds)])
  }

  /// Tables whose first caption also says where each file's predicted
  /// labels come from: its scores cut at a threshold, and where that
  /// threshold came from, with the warning of one tuned on the evaluated
  /// file itself, so that a table pasted into a paper carries them (the
  /// warnings on standard error do not travel with it).
  ///
  /// - Parameters:
  ///   - tables: The tables, the first one captioned.
  ///   - choices: Each file's cut-off; none leaves the tables as they are.
  /// - Returns: The tables.
  static func captioning(
    _ tables: [ResultTable], with choices: [(file: String, choice: ThresholdChoice)]
  ) -> [ResultTable] {
    guard !choices.isEmpty, var first = tables.first else { return tables }
    let cutOffs = sentences(choices).map { "\($0.file): \($0.sentence)" }
    first.caption +=
      " Predicted labels are scores cut at a threshold (positive at or above it): "
      + cutOffs.joined(separator: "; ") + "."
    return [first] + tables.dropFirst()
  }

  /// Text lines naming each file's cut-off.
  static func lines(_ choices: [(file: String, choice: ThresholdChoice)]) -> String {
    sentences(choices).map { "\($0.file): \($0.sentence)\n" }.joined()
  }

  /// Each file's cut-off as a sentence, saying so when an earlier file got
  /// the same tuned cut-off (``ThresholdChoice/sentences(_:digits:)``).
  ///
  /// - Parameter choices: Each file's cut-off, in command-line order.
  /// - Returns: One sentence per file, without a newline.
  static func sentences(
    _ choices: [(file: String, choice: ThresholdChoice)]
  ) -> [(file: String, sentence: String)] {
    let sentences = ThresholdChoice.sentences(choices.map { (name: $0.file, choice: $0.choice) })
    return zip(choices, sentences).map { ($0.file, $1) }
  }
}
