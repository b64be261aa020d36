import CommandLineSupport
import F1Kit
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

  /// Text lines naming each file's cut-off.
  static func lines(_ choices: [(file: String, choice: ThresholdChoice)]) -> String {
    choices.map { "\($0.file): \($0.choice.sentence())\n" }.joined()
  }
}
