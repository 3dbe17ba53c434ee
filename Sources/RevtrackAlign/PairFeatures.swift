import Foundation

/// What one candidate pair's score is made of, kept apart so that the pair
/// model can weigh each part on its own.
struct PairParts: Sendable {
    /// Weighted Dice of the two sentences' rare words.
    var dice = 0.0
    /// How far apart the two sentences stand in their texts (0 at like places, 1 at opposite ends).
    var placeGap = 1.0
    /// The share of each sentence's weighted words the other uses.
    var oldShare = 0.0, newShare = 0.0
    /// 1 when both sentences are among their text's first two: a headline or lead tells what the other's lead does.
    var openings = 0.0
    var neighbour = 0.0, phrases = 0.0, facts = 0.0, quoted = 0.0, copied = 0.0
}

/// The features of a candidate pair, as the pair model reads them: its
/// parts, and how it stands against the other candidates of each sentence
/// (a pair is likelier when neither sentence has a better partner).
enum PairFeatures {
    static let names = [
        "score", "dice", "containment", "minShare", "placeGap", "neighbour", "phrases", "facts", "quoted", "copied",
        "oldMargin", "newMargin", "oldBest", "newBest", "headlines", "lengthRatio", "oldResidual", "newResidual",
        "oldSize", "newSize", "turn", "assigned", "oneHeadline", "openings",
    ]

    /// Candidates scoring less are no pair: on dev none below 0.2 reaches a
    /// probability of 0.23, and they are half of all candidates.
    static let floor = 0.2

    static func of(_ scores: [Int: [Int: Double]], parts: [Int: [Int: PairParts]],
                   weights: (old: [Int: [String: Double]], new: [Int: [String: Double]]), turns: (old: Set<Int>, new: Set<Int>),
                   headlines: (old: Int?, new: Int?), assigned: Set<Int>, newCount: Int) -> [Int: [Int: [Double]]] {
        // Each sentence's two best scores, to tell how far a pair stands above or below the rest.
        typealias Top = (score: Double, partner: Int, second: Double, secondPartner: Int)
        var rowTop: [Int: Top] = [:], columnTop: [Int: Top] = [:]
        func push(_ top: inout Top, _ score: Double, _ partner: Int) {
            if score > top.score { top = (score, partner, top.score, top.partner) } else if score > top.second { (top.second, top.secondPartner) = (score, partner) }
        }
        for (o, row) in scores {
            for (n, score) in row {
                push(&rowTop[o, default: (0, -1, 0, -1)], score, n)
                push(&columnTop[n, default: (0, -1, 0, -1)], score, o)
            }
        }
        let totals = (old: weights.old.mapValues { $0.values.reduce(0, +) }, new: weights.new.mapValues { $0.values.reduce(0, +) })
        // What a pair shares that each sentence's best other partner does not,
        // over the other sentence's weight: a long sentence told in two short
        // ones shares a different part with each.
        func residuals(_ old: [String: Double], _ new: [String: Double], otherNew: [String: Double]?, otherOld: [String: Double]?) -> (Double, Double) {
            // Each shared word at its weight in the old sentence.
            var fromOld = 0.0, fromNew = 0.0
            for (key, weight) in old where new[key] != nil {
                if otherNew?[key] == nil { fromOld += weight }
                if otherOld?[key] == nil { fromNew += weight }
            }
            return (fromOld, fromNew)
        }
        var features: [Int: [Int: [Double]]] = [:]
        for (o, row) in scores {
            for (n, score) in row where score >= floor {
                let p = parts[o]?[n] ?? PairParts()
                let rt = rowTop[o]!, ct = columnTop[n]!
                let oldMargin = score - (rt.partner == n ? rt.second : rt.score), newMargin = score - (ct.partner == o ? ct.second : ct.score)
                let ratio = p.oldShare > 0 && p.newShare > 0 ? abs(log(p.oldShare / p.newShare)) : 0
                let oldWords = weights.old[o] ?? [:], newWords = weights.new[n] ?? [:]
                let otherNew = rt.partner == n ? rt.secondPartner : rt.partner, otherOld = ct.partner == o ? ct.secondPartner : ct.partner
                let (fromOld, fromNew) = residuals(oldWords, newWords, otherNew: weights.new[otherNew], otherOld: weights.old[otherOld])
                let oldTotal = totals.old[o] ?? 0, newTotal = totals.new[n] ?? 0
                let oldResidual = newTotal > 0 ? fromOld / newTotal : 0, newResidual = oldTotal > 0 ? fromNew / oldTotal : 0
                features[o, default: [:]][n] = [
                    score, p.dice, max(p.oldShare, p.newShare), min(p.oldShare, p.newShare), p.placeGap, p.neighbour, min(p.phrases, 3),
                    min(p.facts, 0.4), p.quoted, p.copied, oldMargin, newMargin, oldMargin >= 0 ? 1 : 0, newMargin >= 0 ? 1 : 0,
                    o == headlines.old && n == headlines.new ? 1 : 0, min(ratio, 3), oldResidual, newResidual,
                    log1p(oldTotal), log1p(newTotal), turns.old.contains(o) || turns.new.contains(n) ? 1 : 0,
                    assigned.contains(o * newCount + n) ? 1 : 0,
                    (o == headlines.old) != (n == headlines.new) ? 1 : 0, p.openings,
                ]
            }
        }
        return features
    }
}
