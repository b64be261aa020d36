import Foundation

/// Locations of the committed fixtures, found from this file's path so tests
/// run from any working directory.
public enum Fixtures {
  /// The package's root folder.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The URL of a file under `fixtures/`.
  ///
  /// - Parameter path: A path relative to `fixtures/`.
  /// - Returns: The file's URL.
  public static func url(_ path: String) -> URL {
    packageRoot.appendingPathComponent("fixtures").appendingPathComponent(path)
  }

  /// Decodes a JSON fixture.
  ///
  /// - Parameters:
  ///   - type: The type to decode.
  ///   - path: A path relative to `fixtures/`.
  /// - Returns: The decoded value.
  /// - Throws: When the file is missing or does not decode.
  public static func decode<Value: Decodable>(_ type: Value.Type, from path: String) throws
    -> Value
  {
    try JSONDecoder().decode(type, from: Data(contentsOf: url(path)))
  }
}

/// Returns whether two values agree to an absolute tolerance, treating
/// `nil` (JSON null) as NaN and NaN as equal to NaN.
///
/// - Parameters:
///   - actual: The computed value.
///   - expected: The reference value; `nil` means undefined.
///   - tolerance: The largest absolute difference accepted.
/// - Returns: `true` when both are undefined or they differ by at most
///   `tolerance`.
public func agrees(_ actual: Double, _ expected: Double?, tolerance: Double = 1e-12) -> Bool {
  guard let expected else { return actual.isNaN }
  if expected.isNaN { return actual.isNaN }
  return abs(actual - expected) <= tolerance
}

/// A temporary folder removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
  /// The folder's URL.
  public let url: URL

  /// Creates an empty temporary folder.
  public init() {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes a file in the folder.
  ///
  /// - Parameters:
  ///   - name: The file name.
  ///   - contents: The file's text, written as UTF-8.
  /// - Returns: The file's path.
  @discardableResult
  public func write(_ name: String, _ contents: String) -> String {
    let file = url.appendingPathComponent(name)
    try? Data(contents.utf8).write(to: file)
    return file.path
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}
