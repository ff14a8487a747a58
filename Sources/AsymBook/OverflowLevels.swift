/// Levels of one side that lie outside the ladder's window (the deep book), kept exactly in a
/// fixed-capacity array sorted by ascending key.
///
/// Deep levels are few and rarely touched, so an insertion that shifts the array is acceptable.
/// When full, the level farthest from the touch (the lowest key) is dropped and counted: the book stays
/// exact everywhere nearer the touch, and exact everywhere while `droppedLevels == 0`.
@usableFromInline
struct OverflowLevels: Sendable {
    @usableFromInline var keys: [Int64]
    @usableFromInline var quantities: [Int64]
    @usableFromInline var count: Int
    @usableFromInline let capacity: Int
    @usableFromInline var droppedLevels: Int
    /// Summed quantity of the stored levels.
    @usableFromInline var totalLots: Int64

    init(capacity: Int) {
        precondition(capacity >= 1, "overflow capacity must be positive")
        self.capacity = capacity
        keys = Array(repeating: 0, count: capacity)
        quantities = Array(repeating: 0, count: capacity)
        count = 0
        droppedLevels = 0
        totalLots = 0
    }

    @inlinable var isEmpty: Bool { count == 0 }

    @inlinable var maxKey: Int64? { count > 0 ? keys[count &- 1] : nil }

    /// First index whose key is `>= key`.
    /// - Complexity: O(log n).
    @inlinable
    func lowerBound(_ key: Int64) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low &+ high) &>> 1
            if keys[middle] < key { low = middle &+ 1 } else { high = middle }
        }
        return low
    }

    /// The quantity stored at `key`, or 0.
    /// - Complexity: O(log n).
    @inlinable
    func quantity(at key: Int64) -> Int64 {
        let index = lowerBound(key)
        return index < count && keys[index] == key ? quantities[index] : 0
    }

    /// Sets `key` to `quantity` (> 0).
    /// - Complexity: O(n) when inserting (shifts the tail).
    mutating func upsert(key: Int64, quantity: Int64) {
        var index = lowerBound(key)
        if index < count && keys[index] == key {
            totalLots &+= quantity &- quantities[index]
            quantities[index] = quantity
            return
        }
        if count == capacity {
            droppedLevels += 1
            if index == 0 { return }  // the new level is the farthest: it is the one dropped
            removeFirst()
            index -= 1
        }
        var position = count
        while position > index {
            keys[position] = keys[position - 1]
            quantities[position] = quantities[position - 1]
            position -= 1
        }
        keys[index] = key
        quantities[index] = quantity
        totalLots &+= quantity
        count += 1
    }

    /// Removes `key` if present.
    /// - Complexity: O(n).
    mutating func remove(key: Int64) {
        let index = lowerBound(key)
        guard index < count && keys[index] == key else { return }
        totalLots &-= quantities[index]
        for position in index..<(count - 1) {
            keys[position] = keys[position + 1]
            quantities[position] = quantities[position + 1]
        }
        count -= 1
    }

    /// Appends a key greater than every stored key.
    /// - Complexity: O(1), or O(n) when full (the farthest level is dropped).
    mutating func appendGreatest(key: Int64, quantity: Int64) {
        assert(count == 0 || keys[count - 1] < key)
        if count == capacity {
            droppedLevels += 1
            removeFirst()
        }
        keys[count] = key
        quantities[count] = quantity
        totalLots &+= quantity
        count += 1
    }

    mutating func removeLast() {
        count -= 1
        totalLots &-= quantities[count]
    }

    mutating func removeAll() {
        count = 0
        totalLots = 0
    }

    mutating func removeFirst() {
        totalLots &-= quantities[0]
        for position in 0..<(count - 1) {
            keys[position] = keys[position + 1]
            quantities[position] = quantities[position + 1]
        }
        count -= 1
    }
}
