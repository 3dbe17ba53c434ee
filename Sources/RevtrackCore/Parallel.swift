import Dispatch

/// Splits independent per-item work across the machine's cores: segmenting
/// two sides, tokenizing changed sentences and comparing edited pairs are
/// pure functions of their input, and large comparisons spend most of their
/// time there.
enum Parallel {
    /// `transform` applied to `0..<count`, in chunks on several threads when
    /// there are more than `grain` items; results in index order.
    /// `transform` must be safe to call from several threads at once.
    static func map<T>(_ count: Int, grain: Int = 256, _ transform: (Int) -> T) -> [T] {
        guard count > grain else { return (0..<count).map(transform) }
        let chunks = min(64, (count + grain - 1) / grain)
        return withoutActuallyEscaping(transform) { transform in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let buffer = buffer
                nonisolated(unsafe) let transform = transform
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
