import Foundation

/// How likely a candidate pair is one a careful reader would draw: a
/// logistic regression over `PairFeatures`, fitted on Samples/outlets/dev by
/// `scripts/train-pair-model.py` (weights in `PairModel+Weights.swift`).
///
/// Hand-set thresholds (a strong pair, mutual best partners, a leftover
/// joining its best partner) each looked at one or two of a pair's parts;
/// fitted together, the parts and the pair's margins over its rivals keep
/// out a fifth to a half of the wrong pairs on the held-out sets at the same
/// recall (docs/diff.md).
enum PairModel {
    static func probability(_ features: [Double]) -> Double {
        var sum = bias
        for (value, term) in zip(features, ordered) { sum += term.weight * (value - term.mean) / term.scale }
        return 1 / (1 + exp(-sum))
    }

    /// The weights in the order of `PairFeatures.names`; a feature the model
    /// was not fitted with weighs nothing until it is refitted (a test
    /// checks that the two agree), so the features can be dumped to refit it.
    static let ordered = PairFeatures.names.map { terms[$0] ?? (mean: 0, scale: 1, weight: 0) }
}
