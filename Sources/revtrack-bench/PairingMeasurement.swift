import Foundation
import RevtrackCore
import RevtrackText

/// Measures the word similarity (Dice) that pairing thresholds are chosen from:
/// all pairs of different sentences within and across the sample articles
/// (which should not pair), against the edited sentence pairs between the two
/// Reuters revisions (which should).
enum PairingMeasurement {
    static func run(samples folder: String = "Samples/karabakh") {
        func sentences(_ name: String) -> [String] {
            guard let text = try? String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8) else {
                print("cannot read \(folder)/\(name); run from the package folder"); exit(2)
            }
            return SentenceSegmenter.segment(text).sentences.map(\.text)
        }
        let all = sentences("reuters.txt") + sentences("opinion.txt")
        var unrelated: [Double] = []
        for i in all.indices {
            for j in all.indices where j > i && all[i] != all[j] {
                unrelated.append(DocumentComparison.similarity(all[i], all[j]))
            }
        }
        unrelated.sort()
        let comparison = DocumentComparison(old: sentences("reuters-early.txt").joined(separator: "\n"),
                                            new: sentences("reuters.txt").joined(separator: "\n"))
        let edits = comparison.changes.filter { $0.operation == .modify }.compactMap(\.similarity).sorted()
        func percentile(_ p: Double) -> Double { unrelated[min(unrelated.count - 1, Int(Double(unrelated.count) * p))] }
        print("pairing: Dice word similarity")
        print(String(format: "  unrelated sentence pairs (%d): median %.2f, 95th %.2f, 99th %.2f, max %.2f",
                     unrelated.count, percentile(0.5), percentile(0.95), percentile(0.99), unrelated.last ?? 0))
        print("  edited pairs, reuters-early → reuters: " + edits.map { String(format: "%.2f", $0) }.joined(separator: ", "))
        print("  thresholds: pairing \(DocumentComparison.pairingThreshold), move \(DocumentComparison.moveThreshold)")
    }
}
