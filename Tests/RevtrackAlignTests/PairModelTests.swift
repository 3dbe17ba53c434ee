@testable import RevtrackAlign
import Testing

@Suite("pair model")
struct PairModelTests {
    @Test("the fitted weights cover every feature and no other: a feature added without refitting fails here")
    func weightsMatchFeatures() {
        #expect(Set(PairModel.terms.keys) == Set(PairFeatures.names))
        #expect(PairFeatures.names.count == Set(PairFeatures.names).count)
        #expect(PairModel.terms.values.allSatisfy { $0.scale > 0 && $0.weight.isFinite })
    }

    /// Each of these makes a pair likelier, whatever the rest: the model must
    /// not have learnt that more shared words or a clearer lead over the
    /// other candidates count against a pair.
    @Test("more shared weight or a wider margin over the rivals never lowers the probability", arguments: ["score", "dice", "oldMargin", "newMargin"])
    func monotone(feature: String) throws {
        let index = try #require(PairFeatures.names.firstIndex(of: feature))
        let base = PairFeatures.names.map { PairModel.terms[$0]?.mean ?? 0 }
        var previous = 0.0
        for step in 0...10 {
            var values = base
            values[index] = -1 + 0.3 * Double(step)
            let probability = PairModel.probability(values)
            #expect(probability >= previous && (0...1).contains(probability))
            previous = probability
        }
    }
}
