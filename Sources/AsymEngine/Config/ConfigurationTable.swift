import TOMLKit

/// One TOML table being read strictly: typed getters that name the full key path in every error, and `finish()`
/// that fails on any key nobody asked for.
struct ConfigurationTable {
    let table: TOMLTable
    let path: String
    private var consumed: Set<String> = []

    init(_ table: TOMLTable, path: String) {
        self.table = table
        self.path = path
    }

    func fullPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func value(_ key: String) -> (any TOMLValueConvertible)? {
        consumed.insert(key)
        return table[key]
    }

    mutating func string(_ key: String) throws(ConfigurationError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else { throw .wrongType(key: fullPath(key), expected: "a string") }
        return text
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int> = Int.min...Int.max) throws(ConfigurationError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let integer = value.int else { throw .wrongType(key: fullPath(key), expected: "an integer") }
        guard range.contains(integer) else {
            throw .outOfRange(key: fullPath(key), value: "\(integer)", allowed: "\(range.lowerBound)…\(range.upperBound)")
        }
        return integer
    }

    mutating func number(_ key: String, in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        throws(ConfigurationError) -> Double?
    {
        guard let value = value(key) else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), number.isFinite else {
            throw .wrongType(key: fullPath(key), expected: "a number")
        }
        guard range.contains(number) else {
            throw .outOfRange(key: fullPath(key), value: "\(number)", allowed: "\(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    mutating func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.bool else { throw .wrongType(key: fullPath(key), expected: "true or false") }
        return flag
    }

    mutating func strings(_ key: String) throws(ConfigurationError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let array = value.array else { throw .wrongType(key: fullPath(key), expected: "an array of strings") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw .wrongType(key: fullPath(key), expected: "an array of strings") }
            result.append(text)
        }
        return result
    }

    mutating func numbers(_ key: String) throws(ConfigurationError) -> [Double]? {
        guard let value = value(key) else { return nil }
        guard let array = value.array else { throw .wrongType(key: fullPath(key), expected: "an array of numbers") }
        var result: [Double] = []
        for element in array {
            guard let number = element.double ?? element.int.map(Double.init) else {
                throw .wrongType(key: fullPath(key), expected: "an array of numbers")
            }
            result.append(number)
        }
        return result
    }

    mutating func subtable(_ key: String) throws(ConfigurationError) -> ConfigurationTable? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else { throw .wrongType(key: fullPath(key), expected: "a table") }
        return ConfigurationTable(table, path: fullPath(key))
    }

    /// Fails on the first key (sorted) that was never read.
    func finish() throws(ConfigurationError) {
        for key in table.keys.sorted() where !consumed.contains(key) {
            throw .unknownKey(fullPath(key))
        }
    }
}
