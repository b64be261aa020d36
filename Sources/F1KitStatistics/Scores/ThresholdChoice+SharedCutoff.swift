extension ThresholdChoice {
  /// Each model's cut-off as a sentence, a tuned cut-off that an earlier
  /// model got too saying so: one `--threshold-from` file gives every model
  /// the cut-off tuned on one development file, so a model after the first
  /// was not tuned on its own scores. `compare`, `gate` and `report` write
  /// the same words.
  ///
  /// - Parameters:
  ///   - choices: Each model's name (its file, or its name in the report)
  ///     and cut-off, in command-line order.
  ///   - digits: Decimal places of the tuned value.
  /// - Returns: One sentence per model, without a newline.
  /// - Complexity: O(*m*²) for *m* models.
  package static func sentences(
    _ choices: [(name: String, choice: ThresholdChoice)], digits: Int = 4
  ) -> [String] {
    choices.indices.map { index in
      choices[index].choice.sentence(digits: digits)
        + (sharedCutoffNote(at: index, of: choices) ?? "")
    }
  }

  /// The clause a model's cut-off sentence ends with when an earlier model
  /// got the same tuned cut-off from the same development file.
  ///
  /// - Parameters:
  ///   - index: The model's position in `choices`.
  ///   - choices: Each model's name and cut-off, in command-line order.
  /// - Returns: `"; the same cut-off as a.csv: one --threshold-from file
  ///   gives every model …"`, or `nil` when the cut-off is the model's own.
  package static func sharedCutoffNote(
    at index: Int, of choices: [(name: String, choice: ThresholdChoice)]
  ) -> String? {
    guard case .tuned(let file, let tuning, _) = choices[index].choice.source,
      let first = choices[..<index].first(where: {
        if case .tuned(file, tuning, _) = $0.choice.source { return true }
        return false
      })
    else { return nil }
    return
      "; the same cut-off as \(first.name): one --threshold-from file gives every model the cut-off tuned on \(file), not one tuned on this model's own development scores (give one file per model, in order)"
  }
}
