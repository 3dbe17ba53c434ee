/// Finds sentences that share rare words with a given one, so pairing never
/// compares every removed sentence with every added one.
///
/// An inverted index from word hash to members, laid out flat (one array of
/// members, grouped by word, and an offset per word) behind an open
/// addressing table keyed by the hash itself: built in two passes and looked
/// up without hashing again or allocating per word.
struct CandidateIndex {
    private var slots: [Int32]          // word number, or -1
    private var keys: [UInt64] = []     // word number → hash
    private var offsets: [Int32] = []   // word number → start in `members`; one more at the end
    private var members: [Int] = []
    private let mask: Int

    /// `members` in ascending order: each word's members stay sorted, which
    /// lets `candidates` skip repeats by binary search.
    init(words: PreparedWords, members: [Int]) {
        var size = 64
        let estimate = members.reduce(0) { $0 + words[$1]!.bag.total }
        while size < estimate * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        var counts: [Int32] = []
        for member in members {
            for word in words[member]!.bag.words {
                let number = findOrInsert(word, &counts)
                counts[number] += 1
            }
        }
        offsets.reserveCapacity(counts.count + 1)
        var total: Int32 = 0
        for count in counts { offsets.append(total); total += count }
        offsets.append(total)
        var fill = offsets
        self.members = Array(repeating: 0, count: Int(total))
        for member in members {
            for word in words[member]!.bag.words {
                let number = Int(slots[slot(of: word)])
                self.members[Int(fill[number])] = member
                fill[number] += 1
            }
        }
    }

    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] >= 0 && keys[Int(slots[slot])] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func findOrInsert(_ key: UInt64, _ counts: inout [Int32]) -> Int {
        let slot = slot(of: key)
        if slots[slot] >= 0 { return Int(slots[slot]) }
        slots[slot] = Int32(keys.count)
        keys.append(key)
        counts.append(0)
        return keys.count - 1
    }

    private func postings(_ number: Int) -> ArraySlice<Int> { members[Int(offsets[number])..<Int(offsets[number + 1])] }

    /// Members sharing one of the bag's three rarest words (at most 64), the
    /// rarest word's members first.
    func candidates(for bag: WordBag) -> [Int] {
        // The three rarest words present, by (count, hash).
        var rare: [(count: Int, key: UInt64, number: Int)] = []
        rare.reserveCapacity(4)
        var previous: UInt64? = nil
        for key in bag.hashes where key != previous {
            previous = key
            let number = slots[slot(of: key)]
            guard number >= 0 else { continue }
            let entry = (count: postings(Int(number)).count, key: key, number: Int(number))
            let position = rare.firstIndex { ($0.count, $0.key) > (entry.count, entry.key) } ?? rare.count
            if position < 3 {
                rare.insert(entry, at: position)
                if rare.count > 3 { rare.removeLast() }
            }
        }
        var result: [Int] = []
        for (index, word) in rare.enumerated() {
            for member in postings(word.number) {
                // Seen before: in an earlier (sorted, fully taken) list.
                if rare[..<index].contains(where: { Self.contains(postings($0.number), member) }) { continue }
                result.append(member)
                if result.count == 64 { return result }
            }
        }
        return result
    }

    private static func contains(_ sorted: ArraySlice<Int>, _ value: Int) -> Bool {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.endIndex && sorted[low] == value
    }
}
