import Foundation
import RevtrackFacts
import RevtrackText

/// Precision and recall of the fact extractor against the hand-labelled
/// tables in Samples/facts (format in its README), and extraction speed on 1 MB.
enum FactsEvaluation {
    struct Item: Hashable {
        let kind: String
        let key: String
        let attributes: [String]
    }

    struct Entry {
        let text: String
        let gold: String
        let reference: CivilDate
        let style: String
        let set: String
    }

    /// `Samples/facts/manifest.tsv`: every text with its gold table, reference date, style and set.
    static func manifest(samples: String) -> [Entry] {
        guard let table = try? String(contentsOfFile: samples + "/facts/manifest.tsv", encoding: .utf8) else {
            print("cannot read \(samples)/facts/manifest.tsv"); exit(2)
        }
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t").map(String.init)
            let day = fields.count > 2 ? fields[2].split(separator: "-").compactMap { Int($0) } : []
            guard fields.count >= 5, day.count == 3 else { return nil }
            return Entry(text: fields[0], gold: fields[1], reference: CivilDate(year: day[0], month: day[1], day: day[2]),
                         style: fields[3], set: fields[4])
        }
    }

    static func run(samples: String, verbose: Bool, only: String? = nil) {
        let entries = manifest(samples: samples).filter { only == nil || $0.text.contains(only!) }
        guard !entries.isEmpty else { print("no text in Samples/facts/manifest.tsv matches --only=\(only ?? "")"); exit(2) }
        let dev = entries.filter { $0.set == "dev" }
        print("development set (\(dev.count) texts: the two samples, Samples/facts, Samples/facts/dev, dev3, dev4, dev5 and dev6)")
        let corpus = score(dev, samples: samples, verbose: verbose)
        let heldOut = entries.filter { $0.set == "heldout" }
        print("\nheld-out set (\(heldOut.count) texts: Samples/facts/heldout and heldout2; never tuned on)")
        _ = score(heldOut, samples: samples, verbose: false)
        print()
        // The speed run repeats the texts to 1 MB, so it needs some.
        guard !corpus.isEmpty else { return }
        speed(corpus)
        outlets(samples: samples)
    }

    /// Prints precision and recall per kind, quote speakers and claim
    /// polarity; returns the texts joined.
    static func score(_ texts: [Entry], samples: String, verbose: Bool) -> String {
        var totals: [String: (tp: Int, fp: Int, fn: Int, attributes: Int)] = [:]
        var speakers = (right: 0, of: 0), polarity = (right: 0, of: 0)
        var corpus = ""
        for entry in texts {
            guard let text = try? String(contentsOfFile: samples + "/" + entry.text, encoding: .utf8),
                  let gold = try? String(contentsOfFile: samples + "/" + entry.gold, encoding: .utf8) else {
                print("cannot read \(entry.text) or \(entry.gold) under \(samples)"); exit(2)
            }
            corpus += text + "\n\n"
            let expected = gold.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line -> Item in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).lowercased() }
                return Item(kind: fields[0], key: normalizedKey(fields[1], kind: fields[0]), attributes: Array(fields.dropFirst(2)))
            }
            var found = FactExtractor.extract(from: text, reference: entry.reference).map(item).map {
                Item(kind: $0.kind, key: normalizedKey($0.key, kind: $0.kind), attributes: $0.attributes)
            }
            for kind in Set(expected.map(\.kind) + found.map(\.kind)) {
                var tally = totals[kind] ?? (0, 0, 0, 0)
                for wanted in expected where wanted.kind == kind {
                    if let match = found.firstIndex(where: { $0.kind == kind && $0.key == wanted.key }) {
                        tally.tp += 1
                        let got = found.remove(at: match)
                        // Claims scored on source and verb; polarity apart.
                        let compared = kind == "claim" ? 1 : wanted.attributes.count
                        if Array(got.attributes.prefix(compared)) == Array(wanted.attributes.prefix(compared)) { tally.attributes += 1 }
                        else if verbose { print("  \(entry.text): \(kind) \(wanted.key): attributes \(got.attributes) ≠ \(wanted.attributes)") }
                        if kind == "quote" {
                            speakers.of += 1
                            if got.attributes.first == wanted.attributes.first { speakers.right += 1 }
                        }
                        if kind == "claim", wanted.attributes.count > 1 {
                            polarity.of += 1
                            if got.attributes.dropFirst().first == wanted.attributes[1] { polarity.right += 1 }
                        }
                    } else {
                        tally.fn += 1
                        if verbose { print("  \(entry.text): missed \(kind) \(wanted.key) \(wanted.attributes)") }
                    }
                }
                let extra = found.filter { $0.kind == kind }
                tally.fp += extra.count
                if verbose { for item in extra { print("  \(entry.text): extra \(kind) \(item.key) \(item.attributes)") } }
                found.removeAll { $0.kind == kind }
                totals[kind] = tally
            }
        }
        print("kind          precision  recall    F1   attributes right (of matched)")
        var all = (tp: 0, fp: 0, fn: 0, attributes: 0)
        for kind in ["quantity", "date", "quote", "person", "place", "organisation", "claim"] {
            guard let t = totals[kind] else { continue }
            all.tp += t.tp; all.fp += t.fp; all.fn += t.fn; all.attributes += t.attributes
            print(row(kind, t))
        }
        print(row("all", all))
        print(String(format: "quote speakers right: %d of %d found quotes (%.2f); claim polarity right: %d of %d (%.2f)",
                     speakers.right, speakers.of, Double(speakers.right) / Double(max(1, speakers.of)),
                     polarity.right, polarity.of, Double(polarity.right) / Double(max(1, polarity.of))))
        return corpus
    }

    /// The development texts repeated to 1 MB, best of three.
    static func speed(_ corpus: String) {
        var big = ""
        while big.utf8.count < 1_000_000 { big += corpus }
        var best = Double.infinity
        var count = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            count = FactExtractor.extract(from: big, reference: CivilDate(year: 2025, month: 1, day: 1)).count
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "extraction: %.2f MB in %.3f s (%d facts), %.2f s per MB", Double(big.utf8.count) / 1e6, best, count,
                     best / (Double(big.utf8.count) / 1e6)))
    }

    /// Comparing two outlets (facts, then framing contrasts) is quadratic in
    /// the facts and the framing words: measured on the two samples, then on
    /// both repeated to about 50 KB each (a very long feature).
    static func outlets(samples: String) {
        guard let reuters = try? String(contentsOfFile: samples + "/karabakh/reuters.txt", encoding: .utf8),
              let opinion = try? String(contentsOfFile: samples + "/karabakh/opinion.txt", encoding: .utf8) else { return }
        for target in [0, 50_000] {
            var (a, b) = (reuters, opinion)
            while a.utf8.count < target { a += "\n\n" + reuters }
            while b.utf8.count < target { b += "\n\n" + opinion }
            let (old, new) = (SentenceSegmenter.segment(a), SentenceSegmenter.segment(b))
            let day = CivilDate(year: 2024, month: 5, day: 16)
            let (oldFacts, newFacts) = (FactExtractor.extract(from: old, reference: day), FactExtractor.extract(from: new, reference: day))
            var best = (facts: Double.infinity, framing: Double.infinity)
            var found = 0
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                let comparison = FactComparison(old: oldFacts, new: newFacts, mode: .outlets)
                let middle = DispatchTime.now().uptimeNanoseconds
                found = FramingContrast.find(old: old, new: new, oldFacts: oldFacts, newFacts: newFacts, comparison: comparison).count
                let end = DispatchTime.now().uptimeNanoseconds
                best = (min(best.facts, Double(middle - start) / 1e9), min(best.framing, Double(end - middle) / 1e9))
            }
            print(String(format: "outlets %3.0f KB + %3.0f KB: fact comparison %.3f s (%d × %d facts), framing %.3f s (%d contrasts)",
                         Double(a.utf8.count) / 1e3, Double(b.utf8.count) / 1e3, best.facts, oldFacts.count, newFacts.count,
                         best.framing, found))
        }
    }

    static func row(_ kind: String, _ t: (tp: Int, fp: Int, fn: Int, attributes: Int)) -> String {
        let precision = t.tp + t.fp == 0 ? 1 : Double(t.tp) / Double(t.tp + t.fp)
        let recall = t.tp + t.fn == 0 ? 1 : Double(t.tp) / Double(t.tp + t.fn)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return kind.padding(toLength: 13, withPad: " ", startingAt: 0)
            + String(format: "%6.2f     %6.2f  %5.2f   %d/%d   (tp %d, fp %d, fn %d)", precision, recall, f1, t.attributes, t.tp, t.tp, t.fp, t.fn)
    }

    /// Names compared without a leading "the" or a trailing period or comma:
    /// the gold tables' writers differ on "The Denver Post" and "Bluestone Pharmacy Inc.".
    static func normalizedKey(_ key: String, kind: String) -> String {
        guard ["person", "place", "organisation"].contains(kind) else { return key }
        var key = key
        if key.hasPrefix("the ") { key = String(key.dropFirst(4)) }
        while let last = key.last, last == "." || last == "," { key.removeLast() }
        return key.replacingOccurrences(of: ", inc", with: " inc")
    }

    /// A fact as the gold tables write it.
    static func item(_ fact: Fact) -> Item {
        func lower(_ text: String?) -> String { text?.lowercased() ?? "-" }
        switch fact.kind {
        case .quantity:
            var key = fact.value
            if let qualifier = fact.qualifier, key.hasPrefix(qualifier + " ") { key = String(key.dropFirst(qualifier.count + 1)) }
            let counted = fact.counted.map { counted -> String in
                let beforeOf = counted.components(separatedBy: " of ").first ?? counted
                return String(beforeOf.split(separator: " ").last ?? "").lowercased()
            }
            return Item(kind: "quantity", key: key.lowercased(), attributes: [lower(fact.qualifier), counted ?? "-"])
        case .date:
            return Item(kind: "date", key: lower(fact.resolved ?? fact.value), attributes: [fact.text.lowercased()])
        case .quote:
            let words = fact.value.lowercased().filter { $0 != "'" && $0 != "’" }.split { !$0.isLetter && !$0.isNumber }.prefix(3)
            // Keyed as a claim's source is: a surname, or an office's head ("Chief Executive of the council" → executive).
            let speaker = fact.speaker.map(FactComparison.sourceHead) ?? "-"
            return Item(kind: "quote", key: words.joined(separator: " "), attributes: [speaker])
        case .person: return Item(kind: "person", key: fact.value.lowercased(), attributes: [lower(fact.title)])
        case .place: return Item(kind: "place", key: fact.value.lowercased(), attributes: [])
        case .organisation: return Item(kind: "organisation", key: fact.value.lowercased(), attributes: [lower(fact.acronym)])
        case .claim:
            return Item(kind: "claim", key: FactComparison.sourceHead(fact.speaker ?? ""),
                        attributes: [lower(fact.verb), fact.negated == true ? "neg" : "pos"])
        }
    }
}
