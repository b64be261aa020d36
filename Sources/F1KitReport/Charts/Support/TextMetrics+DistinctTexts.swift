extension TextMetrics {
  /// Texts fitted to a width with `…`, shortened together so that
  /// different texts still read differently, as ``distinctlyFitted(_:in:fontSize:characterLimit:)``
  /// with one width for every text.
  ///
  /// - Parameters:
  ///   - texts: The texts, such as the model names of a chart's legend.
  ///   - maximumWidth: The room each text has.
  ///   - fontSize: The font size.
  ///   - characterLimit: The most characters a text may keep, including
  ///     the ellipsis.
  /// - Returns: Each text or its shortened form, in the same order.
  static func distinctlyFitted(
    _ texts: [String], in maximumWidth: Double, fontSize: Double, characterLimit: Int = .max
  ) -> [String] {
    distinctlyFitted(
      texts, in: Array(repeating: maximumWidth, count: texts.count), fontSize: fontSize,
      characterLimit: characterLimit)
  }

  /// Texts fitted each to its own width with `…`, shortened together so
  /// that different texts still read differently: the one way every chart
  /// shortens model names.
  ///
  /// A text that fits is kept whole. One that does not keeps the longest
  /// beginning that fits, as ``fitted(_:in:fontSize:)`` cuts it, when that
  /// beginning is enough to tell it from every other text. When it is not
  /// (`model_checkpoint_epoch_03_step_12000` and `…_24000` begin alike),
  /// the text is cut in the middle instead, keeping the shortest end that
  /// tells it apart, grown back to the start of its word where there is
  /// room (`model_check…_12000`). When no cut within the room tells two
  /// texts apart, the beginnings are kept.
  ///
  /// - Parameters:
  ///   - texts: The texts, such as the model names of a chart's legend.
  ///   - maximumWidths: The room each text has, in the same order.
  ///   - fontSize: The font size.
  ///   - characterLimit: The most characters a text may keep, including
  ///     the ellipsis.
  /// - Returns: Each text or its shortened form, in the same order.
  /// - Complexity: O(*n*² *m*) for *n* texts of at most *m* characters.
  static func distinctlyFitted(
    _ texts: [String], in maximumWidths: [Double], fontSize: Double, characterLimit: Int = .max
  ) -> [String] {
    let characters = texts.map(Array.init)
    let ellipsis = width(of: "…", fontSize: fontSize)
    return texts.indices.map { index in
      let text = characters[index]
      let limit = max(characterLimit, 2)
      let maximumWidth = maximumWidths[index]
      let widths = text.map { width(of: String($0), fontSize: fontSize) }
      if text.count <= limit && widths.reduce(0, +) <= maximumWidth { return texts[index] }
      // How far this text shares its beginning and its end with each other
      // text: a cut keeping more of either tells the two apart.
      let others = characters.indices.filter { $0 != index && characters[$0] != text }.map {
        (
          shared: Self.sharedLength(text, characters[$0]),
          sharedEnd: Self.sharedLength(text.reversed(), characters[$0].reversed())
        )
      }
      func tellsApart(head: Int, tail: Int) -> Bool {
        others.allSatisfy { head > $0.shared || tail > $0.sharedEnd }
      }
      // The longest beginning that fits beside a kept end of `tail` characters.
      func head(beside tail: Int) -> Int? {
        var used = ellipsis + widths.suffix(tail).reduce(0, +)
        guard used <= maximumWidth, tail + 1 <= limit else { return nil }
        var count = 0
        while count + tail < text.count - 1, count + tail + 2 <= limit,
          used + widths[count] <= maximumWidth
        {
          used += widths[count]
          count += 1
        }
        return count
      }
      func cut(head: Int, tail: Int) -> String {
        String(text.prefix(head)) + "…" + String(text.suffix(tail))
      }
      let plain = head(beside: 0) ?? 0
      if tellsApart(head: plain, tail: 0) { return cut(head: plain, tail: 0) }
      for tail in 1..<max(text.count - 1, 1) {
        guard let kept = head(beside: tail) else { break }
        guard tellsApart(head: kept, tail: tail) else { continue }
        // Grow the end back to the start of its word and the separator
        // before it (`_12000`), when the beginning keeps three characters.
        var start = text.count - tail
        while start > 0, start > text.count - tail - 8, Self.isWordCharacter(text[start]),
          Self.isWordCharacter(text[start - 1])
        {
          start -= 1
        }
        if start > 0, !Self.isWordCharacter(text[start - 1]) { start -= 1 }
        let word = text.count - start
        if word > tail, !Self.isWordCharacter(text[start]), let wordHead = head(beside: word),
          wordHead >= 3, tellsApart(head: wordHead, tail: word)
        {
          return cut(head: wordHead, tail: word)
        }
        return cut(head: kept, tail: tail)
      }
      return cut(head: plain, tail: 0)
    }
  }

  /// How many leading elements two sequences share.
  private static func sharedLength(
    _ first: some Sequence<Character>, _ second: some Sequence<Character>
  ) -> Int {
    zip(first, second).prefix { $0 == $1 }.count
  }

  /// Whether a character belongs to a word rather than separating words
  /// (`_`, `-`, `.`, `/` and spaces separate).
  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }
}
