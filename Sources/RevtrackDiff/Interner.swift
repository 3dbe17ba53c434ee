/// Maps elements to dense integer ids in first-seen order.
struct Interner<Element: Hashable> {
    private var ids: [Element: Int32]
    var count: Int { ids.count }

    init(capacity: Int) { ids = Dictionary(minimumCapacity: capacity) }

    mutating func intern<C: Collection>(_ elements: C) -> [Int32] where C.Element == Element {
        var result: [Int32] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            let next = Int32(ids.count)
            let id = ids[element, default: next]
            if id == next { ids[element] = next }
            result.append(id)
        }
        return result
    }
}
