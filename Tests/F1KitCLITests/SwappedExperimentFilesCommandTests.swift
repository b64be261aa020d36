import Foundation
import Testing
import _TestSupport

/// Reordering the models of an experiment (runs, groups, strata) gives the
/// exact mirror image, as ``SwappedFilesCommandTests`` pins for one run
/// per model: each model the same numbers in any position, each pair's
/// difference and interval ends negated and exchanged when it is given the
/// other way round, the same p-values, standard errors and needed sizes,
/// and Almost Stochastic Order of each claim the same in every order that
/// makes it.
@Suite("compare and gate on experiments: reordering the models mirrors every number")
struct SwappedExperimentFilesCommandTests {
  /// One experiment: how many labels and runs, and what else to pass.
  struct Case: Sendable, CustomTestStringConvertible {
    var labelCount: Int
    var runCount: Int
    var modelCount: Int
    var options: [String]
    var testDescription: String {
      "\(modelCount) models, \(runCount) runs, \(labelCount) labels \(options)"
    }
  }

  static let cases: [Case] = [
    Case(labelCount: 2, runCount: 3, modelCount: 2, options: []),
    Case(labelCount: 2, runCount: 1, modelCount: 2, options: ["--group-column", "query"]),
    Case(labelCount: 2, runCount: 1, modelCount: 2, options: ["--stratify", "gold"]),
    Case(labelCount: 2, runCount: 3, modelCount: 2, options: ["--group-column", "query"]),
    Case(labelCount: 3, runCount: 3, modelCount: 2, options: ["--stratify", "gold"]),
    Case(labelCount: 3, runCount: 3, modelCount: 3, options: []),
    Case(labelCount: 3, runCount: 1, modelCount: 3, options: ["--group-column", "query"]),
    Case(labelCount: 2, runCount: 2, modelCount: 3, options: ["--group-column", "query"]),
  ]

  /// Each model's argument (`NAME=run,…`, or the file of its one run):
  /// 240 items in 30 queries, each run of model *m* right about 70 + 6·*m*
  /// percent of the time, each file in its own row order.
  static func models(_ testCase: Case, in directory: TemporaryDirectory) -> [String] {
    let next = SwappedFilesCommandTests.sequence(seed: 17)
    let labels = ["cat", "dog", "eel"].prefix(testCase.labelCount)
    let names = testCase.labelCount == 2 ? ["0", "1"] : Array(labels)
    let gold = (0..<240).map { _ in names[Int(next() % UInt64(names.count))] }
    return (0..<testCase.modelCount).map { model in
      let name = ["A", "B", "C"][model]
      let files = (0..<testCase.runCount).map { run in
        var rows = gold.indices.map { item in
          let predicted =
            next() % 100 < 70 + 6 * UInt64(model)
            ? gold[item] : names[Int(next() % UInt64(names.count))]
          return "i\(item),\(gold[item]),\(predicted),q\(item % 30)\n"
        }
        // Another row order per file: alignment is by id.
        let shift = 7 * (model * testCase.runCount + run) + 1
        rows = Array(rows[shift...] + rows[..<shift])
        return directory.write(
          "\(name)-\(run).csv", "id,label,prediction,query\n" + rows.joined())
      }
      return testCase.runCount == 1 ? files[0] : name + "=" + files.joined(separator: ",")
    }
  }

  /// Each model's numbers by name, each pair's by (first, second), and
  /// each pair's Almost Stochastic Order ε_min, when it ran.
  typealias Parts = (
    models: [String: [String: Double]], pairs: [[String]: [String: Double]],
    claims: [[String]: Double]
  )

  /// The ``Parts`` of a JSON document of `compare`.
  static func parts(_ document: [String: Any]) throws -> Parts {
    let modelList = try #require(document["models"] as? [[String: Any]])
    let names = try modelList.map { try #require($0["name"] as? String) }
    var models: [String: [String: Double]] = [:]
    for (name, model) in zip(names, modelList) {
      var numbers = SwappedFilesCommandTests.numbers(model)
      // A run's file is named, not numbered; its value stays.
      numbers = numbers.filter { !$0.key.hasSuffix("/file") }
      models[name] = numbers
    }
    var pairs: [[String]: [String: Double]] = [:]
    var claims: [[String]: Double] = [:]
    func record(_ pair: [String], _ members: [String: Any]) {
      pairs[pair] = SwappedFilesCommandTests.numbers(
        members.filter { ["difference", "tests", "detection"].contains($0.key) })
      // Read directly: `numbers` takes a JSON 0 for `false`.
      let aso = (members["tests"] as? [String: Any])?["aso"] as? [String: Any]
      if let epsilon = aso?["epsilon_min"] as? NSNumber { claims[pair] = epsilon.doubleValue }
    }
    if let comparisons = document["comparisons"] as? [[String: Any]] {
      for comparison in comparisons {
        let first = try #require(comparison["first"] as? String)
        let second = try #require(comparison["second"] as? String)
        record([first, second], comparison)
      }
    } else {
      record(names, document)
    }
    return (models, pairs, claims)
  }

  /// A pair's key in the other orientation and whether its value is
  /// negated; `nil` for Almost Stochastic Order's ε_min, which is
  /// directional (compared claim by claim instead).
  static func mirror(of key: String) -> (key: String, isNegated: Bool)? {
    switch key {
    case "/difference/value": (key, true)
    case "/difference/low": ("/difference/high", true)
    case "/difference/high": ("/difference/low", true)
    case "/tests/mcnemar/discordant/0": ("/tests/mcnemar/discordant/1", false)
    case "/tests/mcnemar/discordant/1": ("/tests/mcnemar/discordant/0", false)
    case "/tests/aso/runs/0": ("/tests/aso/runs/1", false)
    case "/tests/aso/runs/1": ("/tests/aso/runs/0", false)
    case "/tests/aso/epsilon_min": nil
    case "/detection/assumed_difference": (key, true)
    default: (key, false)
    }
  }

  @Test("compare: every model keeps its numbers, every pair mirrors", arguments: cases)
  func compareMirrors(_ testCase: Case) throws {
    let directory = TemporaryDirectory()
    let models = Self.models(testCase, in: directory)
    let orders: [[Int]] =
      testCase.modelCount == 2
      ? [[0, 1], [1, 0]] : [[0, 1, 2], [1, 0, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1], [0, 2, 1]]
    var reference: Parts?
    var claims: [[String]: Double] = [:]
    var compared = 0
    for order in orders {
      let document = try SwappedFilesCommandTests.json(
        ["compare"] + order.map { models[$0] } + testCase.options)
      let parts = try Self.parts(document)
      // A claim (the second model over the first) has one ε_min in every
      // order that makes it.
      for (pair, epsilon) in parts.claims {
        if let earlier = claims[pair] { #expect(epsilon == earlier, "\(pair) in \(order)") }
        claims[pair] = epsilon
      }
      guard let reference else {
        reference = parts
        #expect(parts.pairs.values.contains { ($0["/difference/value"] ?? 0) != 0 })
        continue
      }
      #expect(parts.models == reference.models, "\(order)")
      for (pair, numbers) in parts.pairs {
        if let same = reference.pairs[pair] {
          #expect(numbers == same, "\(pair) in \(order)")
          continue
        }
        let original = try #require(reference.pairs[pair.reversed()], "\(pair)")
        for (key, value) in original {
          guard let mirror = Self.mirror(of: key) else { continue }
          let other = try #require(numbers[mirror.key], "\(key) of \(pair) in \(order)")
          #expect(value == (mirror.isNegated ? -other : other), "\(key) of \(pair) in \(order)")
          compared += 1
        }
        for key in numbers.keys {
          guard let mirror = Self.mirror(of: key) else { continue }
          #expect(original[mirror.key] != nil, "\(key) of \(pair) in \(order)")
        }
      }
    }
    #expect(compared > 10)
    if testCase.runCount > 1 {
      // Both claims of every pair.
      #expect(claims.count == testCase.modelCount * (testCase.modelCount - 1))
    }
  }

  @Test(
    "gate: swapping the models mirrors the interval and keeps its half-width and needed size",
    arguments: [cases[0], cases[1], cases[4]])
  func gateMirrors(_ testCase: Case) throws {
    let directory = TemporaryDirectory()
    let models = Self.models(testCase, in: directory)
    let metric = ["--metric", testCase.labelCount == 2 ? "binary_f1" : "macro_f1"]
    let settings = testCase.options + metric + ["--mode", "equivalence", "--margin", "0.2"]
    let forward = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(["gate", models[0], models[1]] + settings))
    let backward = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(["gate", models[1], models[0]] + settings))
    let difference = try #require(forward["/difference/value"], "\(forward)")
    #expect(difference != 0)
    #expect(difference == -(backward["/difference/value"] ?? .nan))
    #expect(forward["/difference/low"] == -(backward["/difference/high"] ?? .nan))
    #expect(forward["/difference/high"] == -(backward["/difference/low"] ?? .nan))
    let halfWidth = try #require(forward["/reachability/half_width"], "\(forward)")
    #expect(halfWidth == backward["/reachability/half_width"])
    #expect(forward["/reachability/required_n"] == backward["/reachability/required_n"])
    // The gate's interval is compare's.
    let compared = SwappedFilesCommandTests.numbers(
      try SwappedFilesCommandTests.json(
        ["compare", models[0], models[1]] + testCase.options + metric))
    #expect(forward["/difference/low"] == compared["/difference/low"])
    #expect(forward["/difference/high"] == compared["/difference/high"])
  }
}
