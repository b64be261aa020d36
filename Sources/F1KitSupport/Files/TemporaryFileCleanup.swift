import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `signal(2)` takes and returns, spelt the same for Glibc, Musl and
/// Darwin (whose C names differ: `sighandler_t`, `sig_t`).
private typealias SignalHandler = @convention(c) (Int32) -> Void

/// Removes named temporary files when SIGINT, SIGTERM or SIGHUP ends the
/// process part-way through a write.
///
/// Paths live in a fixed table of C strings so the signal handler only
/// reads memory and calls `unlink(2)`, both async-signal-safe. The handler
/// then restores the signal's previous disposition and raises the signal
/// again, so the process ends (or the program's own handler runs) as it
/// would have. Signals the program ignores stay ignored. SIGKILL cannot be
/// caught; that is why Linux writes through unnamed files instead.
enum TemporaryFileCleanup {
  private static let slotCount = 64
  private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// The paths being written, or `nil`; read by the signal handler.
  nonisolated(unsafe) private static let slots = {
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
    slots.initialize(repeating: nil, count: slotCount)
    return slots
  }()
  /// The handlers that were installed before ours, by signal number.
  nonisolated(unsafe) private static let previousHandlerTable = {
    let table = UnsafeMutablePointer<SignalHandler?>.allocate(capacity: 65)
    table.initialize(repeating: nil, count: 65)
    return table
  }()
  nonisolated(unsafe) private static var isInstalled = false
  private static let lock = NSLock()

  /// Records a temporary file's path so a signal removes it.
  ///
  /// - Parameter path: The path as a NUL-terminated C string.
  /// - Returns: The slot to pass to ``unregister(_:)``; `nil` when every
  ///   slot is taken (the file is then not protected).
  static func register(_ path: [CChar]) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    installHandlers()
    guard let slot = (0..<slotCount).first(where: { slots[$0] == nil }) else { return nil }
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: path.count)
    copy.initialize(from: path, count: path.count)
    slots[slot] = copy
    return slot
  }

  /// Forgets a temporary file, once it is renamed or removed.
  ///
  /// - Parameter slot: The value ``register(_:)`` returned.
  static func unregister(_ slot: Int?) {
    guard let slot else { return }
    lock.lock()
    defer { lock.unlock() }
    let copy = slots[slot]
    slots[slot] = nil
    copy?.deallocate()
  }

  /// Installs the handler for each signal the program does not ignore.
  private static func installHandlers() {
    guard !isInstalled else { return }
    isInstalled = true
    for number in signals {
      let previous = signal(number, handleSignal)
      if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
      {
        signal(number, SIG_IGN)
        continue
      }
      previousHandlerTable[Int(number)] = previous
    }
  }

  /// Removes every registered file, then lets the signal do what it would
  /// have done.
  private static let handleSignal: @convention(c) (Int32) -> Void = { number in
    for slot in 0..<TemporaryFileCleanup.slotCount {
      if let path = TemporaryFileCleanup.slots[slot] { unlink(path) }
    }
    signal(number, TemporaryFileCleanup.previousHandlerTable[Int(number)] ?? SIG_DFL)
    raise(number)
  }
}
