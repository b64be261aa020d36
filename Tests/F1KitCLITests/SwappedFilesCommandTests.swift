import Foundation
import Testing
import _TestSupport

/// Swapping two files gives the exact mirror image: each difference and
/// interval end negated, the same p-values and needed sizes, and each
/// model the same interval, whichever file comes first and whatever order
/// the rows are in.
@Suite("compare and gate: swapping the two files mirrors every number")
struct SwappedFilesCommandTests {
  /// Two files of the same 200 items with ids, the second in another row
  /// order: gold label, predicted label and the two classes' probabilities.
  static func files(in directory: TemporaryDirectory) -> (String, String) {
    let next = sequence(seed: 21)
    func unit() -> Double { Double(next()) * 0x1p-53 }
    var first = ",y_true,y_pred,0,1\n"
    var rows: [String] = []
    for item in 0..<200 {
      let gold = next() % 2
      let a = min(0.99, max(0.01, gold == 1 ? 0.35 + 0.6 * unit() : 0.65 * unit()))
      let b = min(0.99, max(0.01, gold == 1 ? 0.2 + 0.7 * unit() : 0.8 * unit()))
      first += "\(item),\(gold),\(a >= 0.5 ? 1 : 0),\(1 - a),\(a)\n"
      rows.append("\(item),\(gold),\(b >= 0.5 ? 1 : 0),\(1 - b),\(b)\n")
    }
    let shuffled = rows.enumerated().sorted { ($0.offset * 37) % 200 < ($1.offset * 37) % 200 }
    let second = ",y_true,y_pred,0,1\n" + shuffled.map(\.element).joined()
    return (directory.write("m1.csv", first), directory.write("m2.csv", second))
  }

  /// A linear congruential generator: any fixed sequence will do.
  static func sequence(seed: UInt64) -> () -> UInt64 {
    var state = seed
    return {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
  }

  /// Where `compare`'s JSON with the files swapped holds the mirror of a
  /// number: the difference's value and ends negated and exchanged, the
  /// tests' numbers the same (McNemar's discordant counts exchanged), each
  /// model's numbers under the other position; `nil` for the rest.
  static func mirror(of key: String) -> (key: String, isNegated: Bool)? {
    let (first, second) = ("/models/0/", "/models/1/")
    return switch key {
    case "/difference/value": (key, true)
    case "/difference/low": ("/difference/high", true)
    case "/difference/high": ("/difference/low", true)
    case "/tests/mcnemar/discordant/0": ("/tests/mcnemar/discordant/1", false)
    case "/tests/mcnemar/discordant/1": ("/tests/mcnemar/discordant/0", false)
    case _ where key.hasPrefix("/tests/"): (key, false)
    case _ where key.hasPrefix(first): (second + key.dropFirst(first.count), false)
    case _ where key.hasPrefix(second): (first + key.dropFirst(second.count), false)
    default: nil
    }
  }

  /// Expects each number of `forward` that has a ``mirror(of:)`` to be its
  /// mirror in `backward`, exactly.
  ///
  /// - Returns: How many numbers were compared.
  static func expectMirrors(_ forward: [String: Double], _ backward: [String: Double]) throws
    -> Int
  {
    var compared = 0
    for key in forward.keys.sorted() {
      guard let value = forward[key], let mirror = mirror(of: key) else { continue }
      let other = try #require(backward[mirror.key], "\(key)")
      #expect(value == (mirror.isNegated ? -other : other), "\(key)")
      compared += 1
    }
    return compared
  }

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try runF1Kit(arguments + ["--format", "json", "--resamples", "400", "--quiet"])
    #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.standardError)")
    return try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// Every number under `key` paths of a JSON object, flattened with their
  /// paths, for comparing two documents.
  static func numbers(_ value: Any, path: String = "") -> [String: Double] {
    var found: [String: Double] = [:]
    if let object = value as? [String: Any] {
      for (key, member) in object { found.merge(numbers(member, path: path + "/" + key)) { $1 } }
    } else if let array = value as? [Any] {
      for (index, member) in array.enumerated() {
        found.merge(numbers(member, path: path + "/\(index)")) { $1 }
      }
    } else if let number = value as? NSNumber, !(value is Bool) {
      found[path] = number.doubleValue
    }
    return found
  }

  @Test(
    "compare on a label or score metric: the difference mirrors and the p-values match",
    arguments: [
      ["--metric", "binary_f1"], ["--metric", "macro_f1"],
      ["--metric", "log_loss", "--score-columns", "0,1"],
    ])
  func compareMirrors(settings: [String]) throws {
    let directory = TemporaryDirectory()
    let (m1, m2) = Self.files(in: directory)
    let forward = Self.numbers(try Self.json(["compare", m1, m2] + settings))
    let backward = Self.numbers(try Self.json(["compare", m2, m1] + settings))
    #expect(forward["/difference/value"] != nil)
    #expect(try Self.expectMirrors(forward, backward) > 10)
  }

  @Test(
    "gate on log loss: swapping the files gives the same interval width; the worse candidate, wholly beyond the margin, is told more items would not help, the better one gets the needed size"
  )
  func gateNeededSize() throws {
    let directory = TemporaryDirectory()
    let (m1, m2) = Self.files(in: directory)
    let settings = ["--score-columns", "0,1", "--metric", "log_loss", "--margin", "0.01"]
    func reachability(_ files: [String]) throws -> [String: Any] {
      let document = try Self.json(["gate"] + files + settings)
      return try #require(document["reachability"] as? [String: Any])
    }
    let forward = try reachability([m1, m2])
    let backward = try reachability([m2, m1])
    let width = try #require(forward["half_width"] as? Double)
    #expect(width == backward["half_width"] as? Double)
    #expect(forward["beyond_margin"] as? Bool == true)
    #expect(forward["required_n"] is NSNull)
    #expect(backward["beyond_margin"] as? Bool == false)
    #expect((backward["required_n"] as? Int ?? 0) > 200)
  }

}
