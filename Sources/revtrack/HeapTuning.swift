import Foundation
#if canImport(Glibc)
import CMalloc
#endif

/// Large diffs spend much of their time in page faults on fresh memory
/// (see `Sources/CMalloc/shim.h`): for inputs of several megabytes, the heap
/// is prepared once, before the texts are read, to keep freed memory and to
/// use transparent huge pages. Small inputs, the usual case, are left alone.
enum HeapTuning {
    /// Below this, start-up dominates and the tuning would only add memory.
    static let threshold = 4 << 20
    // Written once, on the main thread, before any worker that reads it starts.
    nonisolated(unsafe) private static var prepared = false

    /// Call from the main thread, before the texts are read when their size
    /// is known from the files, or after they are read otherwise.
    static func prepare(forBytes bytes: Int) {
        #if canImport(Glibc)
        guard bytes >= threshold, !prepared else { return }
        prepared = true
        revtrack_heap_for_large_texts(min(max(bytes * 12, 64 << 20), 1 << 30))
        #endif
    }

    /// The same for the heap of the calling worker thread, once the main
    /// heap is prepared: called where a worker starts on a large text.
    static func prepareThisThread() {
        #if canImport(Glibc)
        if prepared { revtrack_advise_thread_heap() }
        #endif
    }

    /// The total size of those operands that name regular files.
    static func fileBytes(_ operands: [String]) -> Int {
        operands.reduce(0) { total, operand in
            let path = operand.hasPrefix("file:") ? String(operand.dropFirst(5)) : operand
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return total }
            return total + Int(status.st_size)
        }
    }
}
