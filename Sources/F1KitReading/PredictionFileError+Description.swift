import F1Kit
import F1KitSupport
import Foundation

extension PredictionFileError: CustomStringConvertible {
  /// The error on one line: `<file>:<line>:<column>: <message>`.
  public var description: String {
    if let location {
      return "\(path):\(location.line):\(location.column): \(message)"
    }
    return "\(path): \(message)"
  }

  /// What went wrong, naming the column unit where there is a location.
  public var message: String {
    let place = placePhrase
    switch reason {
    case .cannotOpen(let message):
      return "cannot open the file: \(message)"
    case .cannotRead(let message):
      return "cannot read the file: \(message)"
    case .invalidOptions(let message):
      return "invalid options: \(message)"
    case .defaultThresholdOutsideScores(let threshold, let lowest, let highest):
      let outcome =
        threshold > highest ? "no item is predicted positive" : "every item is predicted positive"
      return
        "the scores run from \(NumberText.shortestBare(lowest)) to \(NumberText.shortestBare(highest)), so the default cut-off \(NumberText.shortestBare(threshold)), which no one chose, predicts alike for every item (\(outcome)); give --threshold on the scores' own scale, or --threshold-from a development file"
    case .thresholdOutsideScores(let threshold, let lowest, let highest):
      let outcome =
        threshold > highest ? "no item is predicted positive" : "every item is predicted positive"
      return
        "the cut-off \(NumberText.shortestBare(threshold)) lies outside the scores, which run from \(NumberText.shortestBare(lowest)) to \(NumberText.shortestBare(highest)), so \(outcome), and the gate cannot decide on a model that predicts every item alike; give a cut-off on the scores' own scale (--threshold, or --threshold-from tuned on development scores of the same kind)"
    case .defaultThresholdOnScale(let threshold, let lowest, let highest):
      return
        "the scores run from \(NumberText.shortestBare(lowest)) to \(NumberText.shortestBare(highest)), never negative and past 1, a scale of their own (a rating, a percentage), not probabilities, similarities or logits, so the default cut-off \(NumberText.shortestBare(threshold)), which no one chose, means nothing on them; give --threshold on the scores' own scale (for STS-B similarities from 0 to 5, --threshold 4 marks a paraphrase), or --threshold-from a development file"
    case .notUTF8(let encoding):
      return
        "the file is \(encoding) text, as Excel's \"Unicode Text\" and PowerShell write; expected UTF-8: save it as UTF-8 (pandas writes UTF-8 by default)"
    case .notText(let kind):
      return "expected CSV, TSV or JSON Lines text, found " + Self.conversion(of: kind)
    case .countColumnBesideIDs(let count, let id):
      return
        "the file has an id column, \(Self.quoted(id)), and a column named \(Self.quoted(count)): rows with ids are items, but a count column makes each row a cell of a count table, weighted by its count; give --count-column '' to read one item a row, or --count-column \(Self.quoted(count)) to read cells"
    case .countColumnOfItems(let column, let evidence):
      return
        "the column \(Self.quoted(column)) is taken for a count table's counts by its name, but the rows are items: \(evidence); give --count-column '' to read one item a row, or --count-column \(Self.quoted(column)) if each row is a count table's cell"
    case .countsRepeatTestSet(let column, let values, let goldLabels, let goldCounts):
      return Self.repeatedTestSetMessage(
        column: column, values: values, goldLabels: goldLabels, goldCounts: goldCounts)
    case .countColumnHasRole(let column, let role, let isDetected):
      let found = isDetected ? "found by its name" : "named by --count-column"
      return
        "the column \(Self.quoted(column)) is both the count column (\(found)) and the \(role.rawValue) column, so each row would count as many items as its \(role.rawValue) says; give --count-column '' to read one item a row, or --count-column with the column that counts each row's items"
    case .carriageReturnLineEnds:
      return
        "the lines end in a carriage return alone (CR, as classic Mac OS wrote), so the whole file reads as one line; expected LF or CRLF line ends (convert with: tr '\\r' '\\n')"
    case .repeatedHeader:
      return
        "this row repeats the header (files joined with cat?), and would be read as an item labelled with the column names; join the files keeping the first header only (tail -n +2 for each file after the first, or csvstack), or delete this line"
    case .jsonArray:
      return
        "expected one JSON object per line (JSON Lines), found one JSON array of objects, as pandas' df.to_json(path, orient=\"records\") and DuckDB's COPY … TO … (FORMAT JSON, ARRAY true) write; write df.to_json(path, orient=\"records\", lines=True), or COPY without ARRAY true, instead"
    case .pandasJSON(let orient):
      return
        "expected one JSON object per line (JSON Lines), found \(Self.describing(orient)), as pandas' df.to_json(path\(orient.argument)) writes; write df.to_json(path, orient=\"records\", lines=True) instead"
    case .emptyFile:
      return "the file is empty; expected a header and data rows"
    case .noDataRows:
      return "the file has a header but no data rows"
    case .missingColumn(let role, let accepted, let found):
      return Self.missingColumnMessage(role: role, accepted: accepted, found: found)
    case .ambiguousColumn(let role, let candidates):
      let option = role == .gold ? "--gold-column" : "--pred-column"
      let names = candidates.map { Self.quoted($0) }
      let columns = names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
      let repeated = candidates.first { name in candidates.filter { $0 == name }.count > 1 }
      let pandas =
        repeated.map {
          " (the header names \(Self.quoted($0)) more than once: \(option) \(Self.quoted($0)) reads the first, \(Self.quoted($0 + ".1")) the second, as pandas' read_csv names them)"
        } ?? ""
      return
        "columns \(columns) could each be the \(role.rawValue) column, and a guess could score the wrong one; name it with \(option)\(pandas)"
    case .missingPredictionColumn(let accepted, let found, let numeric, let whole):
      let missing = Self.missingColumnMessage(
        role: .prediction, accepted: accepted, found: found, scoreColumns: numeric)
      if numeric.count == 1 {
        // A column named as predictions whose first value is a whole
        // number (`predictions` from a Trainer, `predicted`) likely holds
        // class labels such as 0 and 1; scores stay the other reading.
        let labels =
          whole == numeric && numeric[0].lowercased().contains("pred")
          ? "; if it holds labels, name it with --pred-column \(TerminalText.shellWord(numeric[0]))"
          : ""
        return missing + labels
          + "; for scores, add --score-column \(Self.quoted(numeric[0])) (positive when at least --threshold, 0.5 by default)"
      }
      return missing
        + "; for per-class scores, add --score-columns \(numeric.map(Self.quoted).joined(separator: ",")), or --score-column with one of them for a binary score"
    case .wrongFieldCount(let expected, let found):
      return "expected \(expected) fields as in the header, found \(found)\(place)"
    case .unterminatedQuote:
      return "unterminated quoted field\(place) starts here"
    case .strayQuote:
      return
        "a double quote inside an unquoted field\(place); quote the whole field and double the quote"
    case .unexpectedCharacterAfterQuote(let found):
      return
        "expected a delimiter or the end of the record after a closing quote\(place), found \(Self.quoted(found))"
    case .invalidUTF8(let column):
      let encoding =
        "; the file is likely Latin-1 or Windows-1252 text, as Excel on Windows saves \"CSV\": convert it to UTF-8 (iconv -f windows-1252 -t utf-8 FILE > OUT, or in pandas pd.read_csv(FILE, encoding=\"cp1252\").to_csv(OUT, index=False, encoding=\"utf-8\"))"
      if let column {
        return "invalid UTF-8\(place) (\(Self.quoted(column)))" + encoding
      }
      return "invalid UTF-8 in the header\(place)" + encoding
    case .invalidNumber(let column, let found):
      return "expected a number\(place) (\(Self.quoted(column))), found \(Self.quoted(found))"
        + Self.scoreHint(column: column, found: found)
    case .nonFiniteScore(let column, let found):
      return "expected a finite score\(place) (\(Self.quoted(column))), found \(Self.quoted(found))"
    case .wrongScoreCount(let column, let expected, let found):
      return "expected \(expected) scores\(place) (\(Self.quoted(column))), found \(found)"
    case .invalidCount(let column, let found):
      if Self.isDigits(found.utf8) {
        return
          "expected a count of at most \(LabelCounts.maximumTotalCount) (2^53, the most items F1Kit counts exactly)\(place) (\(Self.quoted(column))), found \(Self.quoted(found)), which is too large"
      }
      return
        "expected a non-negative integer count\(place) (\(Self.quoted(column))), found \(Self.quoted(found))"
        + Self.countHint(column: column, found: found)
    case .countOverflow:
      return
        "the counts add up to more than \(LabelCounts.maximumTotalCount) items\(place), the most F1Kit counts exactly"
    case .emptyID(let column, let isNull):
      let name = column.isEmpty ? "a column with no name" : Self.quoted(column)
      let frame =
        column.isEmpty
        ? "the frame's index holds a missing value: write it with df.reset_index(drop=True) first, or with index=False"
        : "drop the rows without an id (df.dropna(subset=[\(Self.quoted(column))])) or fill them in"
      return
        "expected an id\(place) (\(name)), found \(isNull ? "null, as pandas' to_json" : "an empty field, as pandas") writes a missing value (NaN); \(frame), or give --no-id-column to read each row as an item of its own"
    case .tupleLabel(let found):
      return
        "\(Self.quoted(found))\(place) is a Python tuple written as text, as pandas' to_csv writes a column of tuples: a set of labels, not one label; write the column as JSON, for example df[column] = df[column].apply(json.dumps) (it writes a tuple as a list), and it is read as label sets (multilabel)"
    case .duplicateID(let id, let column, let firstLine):
      let name = column.isEmpty ? "a column with no name" : Self.quoted(column)
      return "duplicate id \(Self.quoted(id))\(place) (\(name)), first seen on line \(firstLine)"
    case .duplicateShardID(let id, let column, let firstPath, let firstLine):
      let name = column.isEmpty ? "a column with no name" : Self.quoted(column)
      return
        "duplicate id \(Self.quoted(id))\(place) (\(name)), first seen on line \(firstLine) of \(firstPath)"
    case .malformedJSON(let expected):
      return "malformed JSON\(place): expected \(expected)"
    case .missingKey(let key):
      return
        "missing key \(Self.quoted(key))\(place); a JSON writer that leaves out NULL fields (Spark's, by default) writes a SQL NULL so: in SQL, leave such rows out (WHERE \(key) IS NOT NULL) or keep them as a class (COALESCE(\(key), 'none'))"
    case .unsupportedValue(let column, let expected, let found):
      return "expected \(expected)\(place) (\(Self.quoted(column))), found \(found)"
        + Self.scoreHint(column: column, found: found)
    case .binaryLabelsUnresolved(let found):
      let labels = found.isEmpty ? "none" : TerminalText.list(found)
      return
        "a thresholded score needs exactly two labels (gold labels and the given labels); found \(labels)"
    case .notFiniteLabel(let found):
      return
        "\(Self.quoted(found))\(place) is not a label: labels that are numbers must be finite"
    case .continuousLabels(let found, let fractionalCount, let labelCount):
      return
        "\(Self.quoted(found))\(place) is not a class: every label is a number and \(fractionalCount) of the \(labelCount) distinct values \(fractionalCount == 1 ? "is" : "are") not whole, a continuous target, which scikit-learn's classification metrics refuse (\"continuous is not supported\"); threshold the values into classes first (for STS-B similarities, similarity >= 4 is a paraphrase), or give a model's scores with --score-column"
    case .positiveLabelMisspelt(let positive, let spelling, let gold):
      return
        "the positive label \(Self.quoted(positive)) (--positive) is no gold label, while \(Self.quoted(spelling)) is: labels match by exact spelling, case and spaces included, so every item would be scored against a class none has; the gold labels are \(Self.list(gold)); give --positive \(spelling)"
    case .positiveLabelNeeded(let labels):
      return
        "cannot tell which of \(labels.map(Self.quoted).joined(separator: " and ")) is the positive label; name it with --positive"
    case .numberSpelledTwiceBesideText(let kept, let merged, let text):
      let shown = text.prefix(3).map(Self.quoted).joined(separator: ", ")
      let more = text.count > 3 ? " and \(text.count - 3) more" : ""
      return
        "the label sets hold the number \(Self.quoted(kept)) also written \(Self.quoted(merged)), and labels that are no number (\(shown)\(more)), so labels compare as written and \(Self.quoted(kept)) is not \(Self.quoted(merged)) (numbers compare by value only when every label is one); write every number one way (pandas: cast the float labels to int before joining them), or relabel the labels that are no number"
    case .labelsDoNotMatch(let gold, let predicted, let share, let cause):
      let problem =
        share >= 1
        ? "the predicted labels (\(Self.list(predicted))) share none of the gold labels (\(Self.list(gold)))"
        : "\(Int((share * 100).rounded(.down)))% of items carry a predicted label the gold labels never use (predicted \(Self.list(predicted)); gold \(Self.list(gold)))"
      switch cause {
      // Naming the labels would not help: the columns, or the spelling of
      // the numbers, must change.
      case .scoreArrayClassIndices, .scoreColumnNames, .numberSpelledOtherwise:
        return problem + "; " + Self.hint(for: cause)
      default: break
      }
      return problem + "; " + Self.hint(for: cause)
        + "; if these labels are right, name them all with --labels"
    case .goldLabelsOfOneItemEach(let gold, let alone, let items, let goldColumn, let prediction):
      return
        "\(NumberText.grouped(alone)) of the \(NumberText.grouped(items)) items carry a gold label no other item has (\(Self.list(gold))), as item ids or texts do, so each would be a class of one item; "
        + Self.hint(for: .wrongColumn(gold: goldColumn, prediction: prediction))
        + "; if these labels are right, name them all with --labels"
    case .recordTooLong(let limit):
      return
        "a record longer than \(limit) bytes starts on this line; raise the limit with --max-record-bytes if it is meant"
    case .emptyLabel(let column, .some, true, _):
      let name = Self.sqlIdentifier(column)
      return
        "expected a label\(place) (\(Self.quoted(column))), found \"\", an empty string, not a NULL (DuckDB and Spark write an empty string as \"\" and leave NULL an empty field); in SQL, leave such rows out (WHERE \(name) <> '') or keep them as a class (COALESCE(NULLIF(\(name), ''), 'none'))"
    case .emptyLabel(let column, let countColumn, _, false) where location?.unit == .byte:
      let found =
        "expected a label\(place) (\(Self.quoted(column))), found an empty string, which names no class (a missing value filled in with \"\", or an answer left blank)"
      if countColumn != nil {
        let name = Self.sqlIdentifier(column)
        return found
          + "; in SQL, leave such rows out (WHERE \(name) <> '') or keep them as a class (COALESCE(NULLIF(\(name), ''), 'none'))"
      }
      return found
        + "; drop those rows (df = df[df[\(Self.quoted(column))] != \"\"]) or give them a class of their own (df[\(Self.quoted(column))] = df[\(Self.quoted(column))].replace(\"\", \"none\")); if the file holds label sets, where an empty string is no labels, add --problem multilabel"
    case .emptyLabel(let column, let countColumn, _, let isNull):
      let found = isNull ? "null" : "an empty field"
      if countColumn != nil {
        let name = Self.sqlIdentifier(column)
        return
          "expected a label\(place) (\(Self.quoted(column))), found \(found), as SQL clients \(isNull ? "write" : "print") NULL and pandas\(isNull ? "' to_json" : "") writes a missing value (NaN); in SQL, leave such rows out (WHERE \(name) IS NOT NULL) or keep them as a class (COALESCE(\(name), 'none')); in pandas, drop them (df.dropna(subset=[\(Self.quoted(column))])) or fill them in"
      }
      return
        "expected a label\(place) (\(Self.quoted(column))), found \(found), as pandas\(isNull ? "' to_json" : "") writes a missing value (NaN); drop the rows without a label (df.dropna(subset=[\(Self.quoted(column))])) or fill them in; if the file holds label sets, where \(isNull ? "null" : "an empty field") is no labels, add --problem multilabel"
    case .missingValueGroup(let column, let found):
      return
        "expected a group\(place) (\(Self.quoted(column))), found \(Self.quoted(found)), which pandas reads as a missing value (NaN), as str(float('nan')) and R's write.csv write one; items without a group would become one large group: fill in the missing groups, for example with each item's id as a group of its own"
    case .missingValueLabel(let found):
      let sql =
        found.uppercased() == "NULL" ? "; in SQL, leave such rows out (WHERE … IS NOT NULL)" : ""
      return
        "expected a label\(place), found \(Self.quoted(found)), which pandas reads as a missing value (NaN), as str(float('nan')) and R's write.csv write one, and scikit-learn then refuses; drop those rows (df.dropna()) or fill them in\(sql); if \(Self.quoted(found)) is a class of its own, name it in --labels"
    case .emptyGroup(let column):
      return
        "expected a group\(place) (\(Self.quoted(column))), found a missing value (empty or null, as pandas writes NaN); fill in the missing groups, for example with each item's id as a group of its own"
    case .groupMismatch(
      let column, let item, let isID, let expected, let found, let firstFile, let firstLine):
      let name = isID ? Self.quoted(item) : item
      let origin = firstLine.map { "\(firstFile) line \($0)" } ?? firstFile
      return
        "expected group \(Self.quoted(expected))\(place) (\(Self.quoted(column))) for item \(name) (as in \(origin)), found \(Self.quoted(found)); every file with the group column must give each item the first file's group"
        + Self.floatGroupHint(column: column, expected: expected, found: found)
    case .goldColumnHasRole(let column, let role):
      let option = role == .prediction ? "--pred-column" : "--score-column"
      return
        "the gold column \(Self.quoted(column)) is also read as the \(role.rawValue), so every item would be scored against its own gold label and every metric would be perfect; name the model's column with \(option)"
    case .groupColumnHasRole(let column, let role):
      return
        "expected a group column other than the \(role.rawValue) column, found --group-column \(Self.quoted(column)), the \(role.rawValue) column itself: a group gathers items that belong together (a shared query, premise or document), not items with the same label or score; name such a column"
    case .countTableHasNoItems(let column):
      return
        "the file is a count table (column \(Self.quoted(column))) and has no per-item predictions; give the file of items, or compare models from counts in one joint table read with --pred-columns (GROUP BY label, model_a, model_b, each model a column); if its rows are items after all, give --count-column '' to read them so"
    case .countTableNotRead(let column, let isMultilabel):
      let reading =
        isMultilabel
        ? "label sets are read one item a row, not from count tables; write one row per item"
        : "a count table with sample weights is read from a named file, not standard input; save it to a file and name it"
      return
        "the column \(Self.quoted(column)) makes each row a cell of a count table, but \(reading) (or give --count-column '' if its rows are items)"
    }
  }

  /// How to fix a count that is not a non-negative integer, when its
  /// spelling says how it came about: a whole number written as a float
  /// (`95718.0`, as pandas writes an integer column that held NaN), or a
  /// SQL NULL printed as an empty field, `NULL` or `\N`; otherwise nothing.
  private static func countHint(column: String, found: String) -> String {
    if found.isEmpty || found == "NULL" || found == "\\N" {
      let name = sqlIdentifier(column)
      return
        ", which looks like a SQL NULL; leave such rows out (WHERE \(name) IS NOT NULL) or count them as 0 (COALESCE(\(name), 0))"
    }
    guard let point = found.utf8.firstIndex(of: UInt8(ascii: ".")),
      isDigits(found.utf8[..<point]),
      case let fraction = found.utf8[found.utf8.index(after: point)...],
      !fraction.isEmpty, fraction.allSatisfy({ $0 == UInt8(ascii: "0") })
    else { return "" }
    return
      ", a whole number written as a float, as pandas writes an integer column that held a missing value (NaN); write the counts as integers: df[\(quoted(column))] = df[\(quoted(column))].astype(\"int64\") (in SQL, CAST(COUNT(*) AS BIGINT))"
  }

  /// How to fix a score cell that is not a number when its text says how
  /// it came about: empty, as pandas writes a missing value (NaN); numpy's
  /// text of an array (`[0.052 0.0086 0.94]`, no commas, as `to_csv`
  /// writes a column of arrays, rounded to 8 digits); or a list of numpy
  /// scalars (`[np.float64(0.05), …]`); JSON's `null`, as pandas'
  /// `to_json` writes NaN; a decimal comma (`0,39`, as
  /// `df.to_csv(sep=";", decimal=",")` writes); otherwise nothing.
  static func scoreHint(column: String, found: String) -> String {
    let name = quoted(column)
    if found.isEmpty || found == "\"\"" {
      return
        ", an empty field, as pandas writes a missing value (NaN); drop the rows without a score (df.dropna(subset=[\(name)])) or fill them in"
    }
    if found == "null" || found == "\"null\"" {
      return
        ", as pandas' to_json writes a missing value (NaN); drop the rows without a score (df.dropna(subset=[\(name)])) or fill them in"
    }
    if isDecimalCommaNumber(found) {
      return
        ", a number with a decimal comma, as df.to_csv(sep=\";\", decimal=\",\") writes in a European locale; write decimal points (to_csv's default decimal=\".\")"
    }
    let json =
      "write the column as JSON, for example df[\(name)] = df[\(name)].map(lambda a: json.dumps([float(x) for x in a]))"
    if found.contains("np.float") || found.contains("float64(") || found.contains("float32(") {
      return
        ", numpy's text of a number (a list of numpy scalars written as text); \(json)"
    }
    let text = found.hasPrefix("\"") ? found.dropFirst() : Substring(found)
    if text.hasPrefix("["), !text.contains(","),
      text.dropFirst().contains(where: { $0 == " " || $0 == "\n" || $0 == "\\" }),
      text.contains(where: \.isNumber)
    {
      return
        ", numpy's text of an array (numbers between spaces, not commas), as to_csv writes a column of arrays, and numpy rounds it to 8 digits; \(json)"
    }
    return ""
  }

  /// Whether a field is digits, one comma and digits, with an optional
  /// sign and quotes: a number written with a decimal comma (`0,39`).
  static func isDecimalCommaNumber(_ found: String) -> Bool {
    var text = Substring(found)
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
      text = text.dropFirst().dropLast()
    }
    if text.hasPrefix("-") || text.hasPrefix("+") { text = text.dropFirst() }
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && isDigits($0.utf8) }
  }

  /// How to fix groups that differ only as an integer and the same
  /// integer written as a float (`141` and `141.0`): pandas writes an
  /// integer column that held a missing value (NaN) as floats, so runs
  /// saved from different frames disagree; otherwise nothing.
  private static func floatGroupHint(column: String, expected: String, found: String) -> String {
    func integerPart(_ value: String) -> Substring? {
      guard let point = value.firstIndex(of: ".") else { return nil }
      let whole = value[..<point]
      let digits = whole.hasPrefix("-") ? whole.dropFirst() : whole
      let fraction = value[value.index(after: point)...]
      guard isDigits(digits.utf8), !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else {
        return nil
      }
      return whole
    }
    let (integer, float) = integerPart(found) != nil ? (expected, found) : (found, expected)
    guard let whole = integerPart(float), whole == integer else { return "" }
    return
      "; \(quoted(float)) is \(quoted(integer)) written as a float, as pandas writes an integer column that held a missing value (NaN): write the groups as integers in every file, for example df[\(quoted(column))] = df[\(quoted(column))].astype(\"Int64\")"
  }

  /// Whether `bytes` are one or more ASCII digits.
  private static func isDigits(_ bytes: some Collection<UInt8>) -> Bool {
    !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// A column name as a SQL identifier: bare when it is letters, digits
  /// and underscores not starting with a digit, else in double quotes.
  private static func sqlIdentifier(_ name: String) -> String {
    let isBare =
      name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
      && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    return isBare ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Up to five quoted labels, then how many more.
  static func list(_ labels: [String]) -> String {
    TerminalText.list(labels, limit: 5)
  }

  /// What to check for a likely cause of labels that do not fit.
  private static func hint(for cause: LabelMismatchCause) -> String {
    switch cause {
    case .scoreArrayClassIndices(let column):
      return
        "the classes of score array \(quoted(column)) are named 0, 1, … by position; name them in order with --labels"
    case .numbersAgainstText:
      return
        "one side's labels are numbers and the other's are text; write both with the same labels"
    case .caseOrSpaces:
      return "some labels differ only in case or surrounding spaces; spell them the same way"
    case .numberSpelledOtherwise(let predicted, let gold, let text):
      return Self.numberSpellingHint(predicted: predicted, gold: gold, text: text)
    case .wrongColumn(let gold, let prediction):
      return
        "check the columns: gold labels from \(quoted(gold)) (--gold-column), predictions from \(quoted(prediction)) (--pred-column)"
    case .scoreColumnNames(let columns):
      return
        "--score-columns names each class by its column, so the columns \(quoted(columns)) must be named by the gold labels: rename them (pandas: df.rename(columns={...}), in the order of the model's classes_), or for a binary problem give --score-column with the positive class's column"
    }
  }

  /// Why a predicted number is not the gold label of the same value, and
  /// what to change: labels compare by value only when every label is a
  /// number, as pandas then reads both columns as numbers.
  ///
  /// - Parameters:
  ///   - predicted: The predicted spelling, such as `1.0`.
  ///   - gold: The gold spelling of the same number, such as `1`.
  ///   - text: The labels that are no number.
  package static func numberSpellingHint(predicted: String, gold: String, text: [String])
    -> String
  {
    let shown = text.prefix(3).map(quoted).joined(separator: ", ")
    let more = text.count > 3 ? " and \(text.count - 3) more" : ""
    let isPlural = text.count > 1
    return
      "predicted \(quoted(predicted)) is gold \(quoted(gold)) written another way, but labels compare as text here, since \(shown)\(more) \(isPlural ? "are" : "is") no number (numbers compare by value only when every label is one, as pandas then reads both columns as numbers); relabel or drop the items labelled \(shown)\(more), or write the numbers of both columns the same way (pandas: df[column].astype(int)); --labels would not help, since it matches labels as they are written"
  }

  /// ` in field 3` or ` at byte 12`, or nothing without a location.
  private var placePhrase: String {
    guard let location else { return "" }
    switch location.unit {
    case .field: return " in field \(location.column)"
    case .byte: return " at byte \(location.column)"
    }
  }

  /// What a JSON document in one of pandas' other layouts holds.
  private static func describing(_ orient: PandasJSONOrient) -> String {
    switch orient {
    case .columns: "one JSON object of columns, each an object keyed by the row index"
    case .index: "one JSON object of rows keyed by the row index"
    case .split: "one JSON object of \"columns\", \"index\" and \"data\""
    case .table: "one JSON object of a \"schema\" and \"data\""
    case .values: "one JSON array of rows, each an array of values without column names"
    }
  }

  /// What a file that is not text is, and how to make text of it.
  private static func conversion(of kind: BinaryKind) -> String {
    switch kind {
    case .gzip:
      "a gzip-compressed file: decompress it first (gzip -dc FILE | f1kit … -, or gunzip FILE)"
    case .zip:
      "a ZIP archive (an Excel .xlsx workbook is one): export it as CSV (pandas: pd.read_excel(FILE).to_csv(OUT, index=False))"
    case .parquet:
      "a Parquet file: convert it (pandas: pd.read_parquet(FILE).to_csv(OUT, index=False))"
    case .bzip2:
      "a bzip2-compressed file: decompress it first (bzip2 -dc FILE | f1kit … -, or bunzip2 FILE)"
    case .xz:
      "an xz-compressed file: decompress it first (xz -dc FILE | f1kit … -, or unxz FILE)"
    case .zstd:
      "a Zstandard-compressed file: decompress it first (zstd -dc FILE | f1kit … -, or unzstd FILE)"
    case .tar:
      "a tar archive: extract the CSV first (tar -xf FILE), or write it with pandas' to_csv(OUT, index=False) and no .tar suffix"
    case .pickle:
      "a Python pickle: write it as CSV (pandas: pd.read_pickle(FILE).to_csv(OUT, index=False))"
    case .binary:
      "a binary file (a NUL byte among its first bytes): give the CSV, TSV or JSON Lines file of predictions"
    }
  }

  /// A value in double quotes with control characters escaped and long text
  /// shortened, so the message stays on one line.
  /// The message for a count table that counts one test set once per
  /// value of a column not read.
  ///
  /// - Parameters:
  ///   - column: The column not read.
  ///   - values: Its values, in first-seen order.
  ///   - goldLabels: The gold labels, in first-seen order.
  ///   - goldCounts: The items of each gold label each value counts.
  /// - Returns: The message.
  static func repeatedTestSetMessage(
    column: String, values: [String], goldLabels: [String], goldCounts: [Int]
  ) -> String {
    let shown = values.prefix(4).map(quoted).joined(separator: ", ")
    let listed = values.count > 4 ? shown + ", … (\(values.count) values)" : shown
    let total = goldCounts.reduce(0, &+)
    let pairs = zip(goldLabels, goldCounts).map { "\($0) \($1)" }
    let perLabel =
      pairs.prefix(6).joined(separator: ", ") + (pairs.count > 6 ? ", …" : "")
    let name = quoted(column)
    let first = values.first ?? ""
    let literal = "'" + first.replacingOccurrences(of: "'", with: "''") + "'"
    return
      "every value of the column \(name) (\(listed)) counts the same \(total) items per gold label (\(perLabel)), as a table with one block of rows per model or run of one test set does, and summing the counts over \(name), which is not read, would then count each item \(values.count) times; keep one value's rows (WHERE \(column) = \(literal)), or put each model's predictions in a column of its own and give --pred-columns; give --group-column \(column) if its values are groups of items, or sum the counts over it in the query if its values hold different items (folds, or test sets balanced by design)"
  }

  static func quoted(_ text: String) -> String {
    TerminalText.quoted(text)
  }

  /// The hint for a header written with `", "` between names, whose
  /// columns then begin with a space (`" prediction"`), when one of them
  /// is an accepted name but for the spaces around it; otherwise `nil`.
  static func spacingHint(accepted: [String], found: [String]) -> String? {
    let names = Set(accepted.map { $0.lowercased() })
    guard
      let column = found.first(where: { name in
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed != name && names.contains(trimmed.lowercased())
      })
    else { return nil }
    return
      "; column \(quoted(column)) has spaces around its name, as a file written with \", \" between fields has, and its values would keep theirs too: write it without spaces beside the delimiters (pandas' to_csv writes none)"
  }

  /// The message for a missing gold or prediction column (or another
  /// role's): the names expected, the columns found, and the likely fix.
  ///
  /// - Parameters:
  ///   - role: The column's role.
  ///   - accepted: The names that would have been taken.
  ///   - found: The header's names.
  ///   - scoreColumns: Numeric columns, which hold scores rather than
  ///     labels, so none is offered as the prediction column.
  /// - Returns: The message, without the place.
  static func missingColumnMessage(
    role: ColumnRole, accepted: [String], found: [String], scoreColumns: [String] = []
  ) -> String {
    let names = TerminalText.list(accepted)
    let columns = found.isEmpty ? "none" : TerminalText.list(found)
    let expected = accepted.count == 1 ? names : "one of \(names)"
    return "no \(role.rawValue) column: expected \(expected); found \(columns)"
      + (spacingHint(accepted: accepted, found: found)
        ?? spellingHint(accepted: accepted, found: found)
        + roleHint(
          role: role, accepted: accepted,
          found: found.filter { !scoreColumns.contains($0) })
        + dataRowHint(role: role, accepted: accepted, found: found))
  }

  /// `; the first line looks like data, not a header …` when the default
  /// gold names were looked for in a first line that names a number or
  /// the same name twice, as a file written without its header has: Spark's
  /// `.option("header", False)`, Postgres' `COPY … TO` without `HEADER`,
  /// pandas' `to_csv(header=False)`. Otherwise nothing.
  ///
  /// A lone `0` is left out, the name pandas gives an unnamed series.
  static func dataRowHint(role: ColumnRole, accepted: [String], found: [String]) -> String {
    guard role == .gold, accepted.count > 1, found.count > 1 else { return "" }
    let number = found.first { name in
      name != "0" && Double(name.trimmingCharacters(in: .whitespaces)).map(\.isFinite) == true
    }
    let repeated = found.first { name in !name.isEmpty && found.filter { $0 == name }.count > 1 }
    guard
      let sign = number.map({ "\(quoted($0)) is a number" })
        ?? repeated.map({ "\(quoted($0)) comes twice" })
    else { return "" }
    return
      "; the first line looks like data, not a header (\(sign)), as a file written without its header is: write the header line (Spark: .option(\"header\", True); SQL: COPY … TO … WITH (FORMAT csv, HEADER); pandas: to_csv(path, index=False))"
  }

  /// `; name it with --gold-column true_label` when the default names were
  /// looked for and exactly one column's name says it holds the role:
  /// for gold labels, one with "true", "gold", "label" or "target" in it
  /// (and not "pred"); for predictions, one with "pred" in it. Otherwise
  /// nothing.
  static func roleHint(role: ColumnRole, accepted: [String], found: [String]) -> String {
    guard accepted.count > 1 else { return "" }
    let option: String
    let isCandidate: (String) -> Bool
    switch role {
    case .gold:
      option = "--gold-column"
      isCandidate = { name in
        !name.contains("pred")
          && ["true", "gold", "label", "target"].contains { name.contains($0) }
      }
    case .prediction:
      option = "--pred-column"
      isCandidate = { $0.contains("pred") }
    default:
      return ""
    }
    let candidates = found.filter { isCandidate($0.lowercased()) }
    guard candidates.count == 1 else { return "" }
    return "; name it with \(option) \(TerminalText.shellWord(candidates[0]))"
  }

  /// `; did you mean "query"?` when one column was expected and the header
  /// has one that is a likely misspelling of it, case aside (such as
  /// `--group-column qurey`); otherwise nothing.
  static func spellingHint(accepted: [String], found: [String]) -> String {
    guard accepted.count == 1, let name = accepted.first else { return "" }
    let lowercased = found.map { $0.lowercased() }
    guard let match = name.lowercased().closestMatch(among: lowercased),
      let index = lowercased.firstIndex(of: match)
    else { return "" }
    return "; did you mean \(quoted(found[index]))?"
  }
}
