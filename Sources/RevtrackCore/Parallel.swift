import Dispatch

/// Splits independent per-item work across the machine's cores: segmenting
/// two sides, tokenizing changed sentences and comparing edited pairs are
/// pure functions of their input, and large comparisons spend most of their
/// time there.
public enum Parallel {
    /// `body(0)` and `body(1)` for the old and new side of a comparison, on
    /// two cores when the texts together exceed 256 KiB (below that, a
    /// thread hand-off costs more than it saves).
    public static func sides<T>(bytes: Int, _ body: @Sendable (Int) -> T) -> (T, T) {
        let results = map(2, grain: bytes > 256 * 1024 ? 1 : 2, body)
        return (results[0], results[1])
    }

    /// `transform` applied to `0..<count`, in chunks on several threads when
    /// there are more than `grain` items; results in index order.
    /// `transform` must be safe to call from several threads at once.
    public static func map<T>(_ count: Int, grain: Int = 256, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > grain else { return (0..<count).map(transform) }
        let chunks = min(64, (count + grain - 1) / grain)
        return withoutActuallyEscaping(transform) { transform in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                // Each chunk initializes its own disjoint range of indices, and
                // concurrentPerform returns only when every chunk has finished.
                nonisolated(unsafe) let buffer = buffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                        (buffer.baseAddress! + index).initialize(to: transform(index))
                    }
                }
                initialized = count
            }
        }
    }
}
