import Foundation
import Testing
@testable import RevtrackCore
import RevtrackText

/// The hashes behind sentence interning and word bags work on raw bytes,
/// several at a time; these properties pin them to their plain definitions.
@Suite("Byte-level hashing")
struct ByteHashingTests {
    /// A deterministic generator of texts with many spaces, line breaks,
    /// control characters and non-ASCII letters.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func text() -> String {
            let pieces = ["a", "B", "news", "Nikiforov", "1,960", " ", "  ", "\n", "\t", "\r\n", "é", "É", "“", "—",
                          "\u{01}", "x\u{07}y", "longerwordthansixteen", "ABCDEFGH", "abcdefg", "."]
            return (0..<Int(next() % 24)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
    }

    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    @Test("the sentence hash reads eight bytes at a time but equals the bytewise one, and ignores white space runs")
    func sentenceHash() {
        var generator = Generator(state: 42)
        for _ in 0..<5_000 {
            let text = generator.text()
            let (fast, slow) = Self.withBytes(text) { bytes in
                (SentenceInterning.hash(bytes, 0..<bytes.count), SentenceInterning.bytewiseHash(bytes, 0..<bytes.count))
            }
            #expect(fast == slow, "\(text.debugDescription)")
            // White space runs of any kind count as one space.
            let respaced = text.replacingOccurrences(of: " ", with: " \n\t ")
            let other = Self.withBytes(respaced) { SentenceInterning.hash($0, 0..<$0.count) }
            #expect(other == fast, "\(text.debugDescription)")
            let equal = Self.withBytes(text) { a in Self.withBytes(respaced) { b in SentenceInterning.equal(a, 0..<a.count, b, 0..<b.count) } }
            #expect(equal)
        }
    }

    @Test("interning gives two sentences one id exactly when they are equal after white space normalization")
    func interning() {
        var generator = Generator(state: 5)
        for round in 0..<200 {
            // Few distinct sentences, respaced at random, so that ids repeat within and across sides.
            let pool = (0..<6).map { _ in generator.text().filter { $0 != "." && !$0.isNewline } + "." }
            func text() -> String {
                (0..<Int(generator.next() % 30)).map { _ in
                    let sentence = pool[Int(generator.next() % UInt64(pool.count))]
                    return generator.next() % 2 == 0 ? sentence : sentence.replacingOccurrences(of: " ", with: " \t ")
                }.joined(separator: " ")
            }
            let old = SentenceSegmenter.segment(text()), new = SentenceSegmenter.segment(text())
            var oldText = old.text, newText = new.text
            let sentences = old.sentences.map(\.normalized) + new.sentences.map(\.normalized)
            // The real hash, and in exact mode a hash that collides all the time.
            let poorHash: SentenceInterning.Hash = { bytes, range in (SentenceInterning.hash(bytes, range) % 3) << 62 }
            for (exact, hash) in [(false, SentenceInterning.hash), (true, poorHash)] {
                let (a, b, symbolCount) = oldText.withUTF8 { o in
                    newText.withUTF8 { n in SentenceInterning.intern(old, o, new, n, exact: exact, hashing: hash) }
                }
                let ids = a + b
                #expect(ids.allSatisfy { $0 >= 0 && Int($0) < symbolCount })
                for i in ids.indices {
                    for j in ids.indices where i < j {
                        #expect((ids[i] == ids[j]) == (sentences[i] == sentences[j]), "round \(round): \(sentences[i]) / \(sentences[j])")
                    }
                }
            }
        }
    }

    @Test("two different sentences sharing a hash change nothing: every identical pair is checked, and exact ids redo the work")
    func hashCollisions() throws {
        var generator = Generator(state: 11)
        let words = ["The", "army", "said", "1,960", "troops", "left", "Khojaly", "on", "Monday", "nearly", "2,000", "a", "base"]
        for round in 0..<60 {
            let pool = (0..<12).map { _ in
                (0..<(2 + Int(generator.next() % 6))).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") + "."
            }
            func text() -> String {
                (0..<Int(1 + generator.next() % 25)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
                    .joined(separator: generator.next() % 4 == 0 ? "\n\n" : " ")
            }
            let old = SentenceSegmenter.segment(text()), new = SentenceSegmenter.segment(text())
            var oldText = old.text, newText = new.text
            let (expected, collided) = oldText.withUTF8 { o in
                newText.withUTF8 { n in
                    var normal = Pairing(old: old, oldBytes: o, new: new, newBytes: n, wordLevel: true)
                    var poor = Pairing(old: old, oldBytes: o, new: new, newBytes: n, wordLevel: true)
                    poor.sentenceHash = { bytes, range in (SentenceInterning.hash(bytes, range) % 3) << 62 }
                    return (normal.changes(), poor.changes())
                }
            }
            #expect(collided == expected, "round \(round)")
        }
        // Two different sentences sharing a hash where Myers keeps others: taken
        // for an identical sentence that moved unless that pair is checked too.
        let old = SentenceSegmenter.segment("Xylophones were banned. The army left. Talks resumed in Baku.")
        let new = SentenceSegmenter.segment("The army left. Talks resumed in Baku. Yachts sailed away quickly.")
        var oldText = old.text, newText = new.text
        let changes = oldText.withUTF8 { o in
            newText.withUTF8 { n in
                var pairing = Pairing(old: old, oldBytes: o, new: new, newBytes: n, wordLevel: true)
                pairing.sentenceHash = { bytes, range in
                    [UInt8(ascii: "X"), UInt8(ascii: "Y")].contains(bytes[range.lowerBound]) ? 42 : SentenceInterning.hash(bytes, range)
                }
                return pairing.changes()
            }
        }
        #expect(changes.map(\.operation) == [.delete, .equal, .equal, .insert])
    }

    @Test("a word's hash ignores letter case, beyond ASCII too, and is the exact hash of its lowercase form")
    func wordHash() {
        var generator = Generator(state: 7)
        for _ in 0..<5_000 {
            let word = generator.text().filter { !$0.isWhitespace }
            let lowered = Self.withBytes(word) { WordHash.lowercased($0, 0..<$0.count) }
            let upper = Self.withBytes(word.uppercased()) { WordHash.lowercased($0, 0..<$0.count) }
            let exact = Self.withBytes(word.lowercased()) { WordHash.exact($0, 0..<$0.count) }
            #expect(lowered == exact, "\(word.debugDescription)")
            if word.uppercased().lowercased() == word.lowercased() { #expect(upper == lowered, "\(word.debugDescription)") }
        }
        let a = Self.withBytes("Army") { WordHash.lowercased($0, 0..<$0.count) }
        let b = Self.withBytes("army") { WordHash.lowercased($0, 0..<$0.count) }
        let c = Self.withBytes("arms") { WordHash.lowercased($0, 0..<$0.count) }
        #expect(a == b && a != c)
    }
}

@Suite("Edit kinds on bytes")
struct EditKindBytesTests {
    /// The plain definition: letters and digits of the words, lowercased.
    static func skeleton(_ text: String) -> String {
        WordTokenizer.tokenize(text).filter { $0.kind != .punctuation }.map { token in
            String(String.UnicodeScalarView(token.text.lowercased().unicodeScalars.filter {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }))
        }.joined()
    }

    @Test("the skeletons are compared in step on both sides, as the plain definition says")
    func skeletons() {
        var generator = ByteHashingTests.Generator(state: 99)
        for _ in 0..<3_000 {
            let a = generator.text(), b = generator.next() % 3 == 0 ? generator.text() : a.uppercased()
            var x = a, y = b
            let same = x.withUTF8 { xb in
                y.withUTF8 { yb in
                    EditKind.sameSkeleton(xb, WordTokenizer.spans(xb).filter { $0.kind != .punctuation },
                                          yb, WordTokenizer.spans(yb).filter { $0.kind != .punctuation })
                }
            }
            #expect(same == (Self.skeleton(a) == Self.skeleton(b)), "\(a.debugDescription) vs \(b.debugDescription)")
            // Punctuation tokens left in are skipped.
            let unfiltered = x.withUTF8 { xb in y.withUTF8 { yb in EditKind.sameSkeleton(xb, WordTokenizer.spans(xb), yb, WordTokenizer.spans(yb)) } }
            #expect(unfiltered == same)
        }
        #expect(EditKind.classify(old: "“Don’t,” he said.", new: "\"DON'T\" he said") == .cosmetic)
        #expect(EditKind.classify(old: "Élan vital.", new: "élan vital") == .cosmetic)
    }
}

extension EditKindBytesTests {
    /// The plain definition of edit kinds, on strings.
    static func plainKind(_ old: String, _ new: String) -> EditKind {
        if skeleton(old) == skeleton(new) { return .cosmetic }
        let a = WordTokenizer.tokenize(old).filter { $0.kind != .punctuation }
        let b = WordTokenizer.tokenize(new).filter { $0.kind != .punctuation }
        guard a.count == b.count else { return .wording }
        let differing = zip(a, b).filter { $0.text.lowercased() != $1.text.lowercased() }
        guard differing.count <= 2 else { return .wording }
        for (x, y) in differing {
            guard x.kind == .word, y.kind == .word, max(x.text.count, y.text.count) >= 3,
                  EditDistance.levenshtein(Array(x.text.lowercased()), Array(y.text.lowercased())) <= 2 else { return .wording }
        }
        return differing.isEmpty ? .cosmetic : .typo
    }

    @Test("the surface of an edit read on bytes agrees with the plain definition on strings")
    func kinds() {
        let words = ["the", "Army", "army", "armies", "said", "siad", "troops", "trops", "Élan", "élans", "1,960", "1,906",
                     "Nikiforov", "Nikiferov", "“", "”", ",", "—", "on", "of", "Straße", "strasse", "naïve", "naive"]
        var generator = ByteHashingTests.Generator(state: 17)
        for _ in 0..<3_000 {
            let a = (0..<Int(generator.next() % 8)).map { _ in words[Int(generator.next() % UInt64(words.count))] }
            var b = a
            for _ in 0..<Int(generator.next() % 3) where !b.isEmpty {
                b[Int(generator.next() % UInt64(b.count))] = words[Int(generator.next() % UInt64(words.count))]
            }
            if generator.next() % 5 == 0 { b.append(words[Int(generator.next() % UInt64(words.count))]) }
            let old = a.joined(separator: " "), new = b.joined(separator: " ")
            var oldText = old, newText = new
            let surface = oldText.withUTF8 { o in
                newText.withUTF8 { n in EditKind.surfaceKind(o, WordTokenizer.spans(o), n, WordTokenizer.spans(n)).0 }
            }
            #expect(surface == Self.plainKind(old, new), "\(old) → \(new)")
        }
    }
}

@Suite("Word bag scores")
struct WordBagTests {
    static func bag(_ text: String) -> WordBag {
        var text = text
        return text.withUTF8 { SentenceWords($0).bag }
    }

    static func common(_ a: WordBag, _ b: WordBag) -> Int {
        var counts: [UInt64: Int] = [:]
        for hash in a.hashes { counts[hash, default: 0] += 1 }
        var common = 0
        for hash in b.hashes where counts[hash, default: 0] > 0 { counts[hash]! -= 1; common += 1 }
        return common
    }

    @Test("the early exits (sketch bound, overlap out of reach) never change a score")
    func earlyExits() {
        let words = ["the", "army", "said", "troops", "left", "base", "on", "Monday", "1,960", "nearly", "Karabakh", "a", "of"]
        var generator = ByteHashingTests.Generator(state: 5)
        for _ in 0..<4_000 {
            let a = (0..<Int(generator.next() % 16)).map { _ in words[Int(generator.next() % UInt64(words.count))] }
            var b = a
            for _ in 0..<Int(generator.next() % 6) {
                let word = words[Int(generator.next() % UInt64(words.count))]
                switch generator.next() % 3 {
                case 0 where !b.isEmpty: b.remove(at: Int(generator.next() % UInt64(b.count)))
                case 1 where !b.isEmpty: b[Int(generator.next() % UInt64(b.count))] = word
                default: b.append(word)
                }
            }
            let x = Self.bag(a.joined(separator: " ")), y = Self.bag(b.joined(separator: " "))
            let common = Self.common(x, y), smaller = min(x.total, y.total)
            let dice = x.similarity(to: y)
            #expect(dice == (x.total + y.total == 0 ? 1 : 2 * Double(common) / Double(x.total + y.total)))
            let edit: Double? = dice >= 0.5 ? dice : (smaller >= 4 && Double(common) / Double(smaller) >= 0.8 ? 0.5 : nil)
            #expect(x.editScore(to: y, threshold: 0.5) == edit, "\(a) / \(b)")
            let move: Double? = dice >= 0.8 || (smaller >= 6 && Double(common) / Double(smaller) >= 0.9) ? dice : nil
            #expect(x.isMove(of: y, threshold: 0.8) == move, "\(a) / \(b)")
        }
    }
}
