import RevtrackText

/// Extracts the facts of a text: rule-based, deterministic, no network and no
/// model. Dates resolve against the article's own date when it states one,
/// else against `reference` (the revision's capture time).
public enum FactExtractor {
    public static func extract(from text: String, reference: CivilDate) -> [Fact] {
        extract(from: SentenceSegmenter.segment(text), reference: reference)
    }

    public static func extract(from segmented: SegmentedText, reference: CivilDate) -> [Fact] {
        // Page furniture ("Share this article", "Updated 9:20 AM ET") yields nothing.
        let sentences = segmented.sentences.enumerated().flatMap { index, sentence in
            ReadingUnits.split(sentence).compactMap { unit in
                let tokenized = TokenizedSentence(index: index, sentence: unit)
                return PageFurniture.yieldsNoFacts(tokenized) ? nil : tokenized
            }
        }
        let articleDate = DateExtractor.referenceDate(sentences, fallback: reference)
        var facts: [Fact] = []
        for sentence in sentences {
            facts += QuantityExtractor.extract(sentence)
            facts += DateExtractor.extract(sentence, reference: articleDate)
        }
        let entities = EntityExtractor.extract(sentences)
        let people = PersonMentions(people: entities, sentences: sentences)
        facts += QuotationExtractor.extract(sentences, text: segmented.text, people: people)
        facts += entities
        facts += ClaimExtractor.extract(sentences, people: people)
        return facts.sorted { ($0.start, $0.kind.rawValue) < ($1.start, $1.kind.rawValue) }
    }
}
