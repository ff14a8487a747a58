/// A FIFO ring over storage allocated once; `push` refuses (returns false) when full rather than grow.
struct FixedQueue<Element: BitwiseCopyable> {
    var storage: [Element]
    var head = 0
    var count = 0
    let mask: Int

    /// Room for at least `capacity` elements (rounded up to a power of two); `filler` initialises storage.
    init(capacity: Int, filler: Element) {
        var size = 1
        while size < max(capacity, 1) { size <<= 1 }
        storage = Array(repeating: filler, count: size)
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }
    var capacity: Int { storage.count }

    mutating func push(_ element: Element) -> Bool {
        guard count < storage.count else { return false }
        storage[(head &+ count) & mask] = element
        count &+= 1
        return true
    }

    var first: Element? { count > 0 ? storage[head] : nil }

    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        head = (head &+ 1) & mask
        count &-= 1
        return element
    }

    /// The `offset`-th element from the front.
    subscript(offset: Int) -> Element {
        get { storage[(head &+ offset) & mask] }
        set { storage[(head &+ offset) & mask] = newValue }
    }
}
