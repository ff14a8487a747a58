import AsymCore
/// Renders store rows for `asym trades`: JSON (one object, one key per table, each an array of row objects) or
/// CSV (one table, a header line, RFC 4180 quoting).
public enum TradeStoreExport {
    /// `{"table":[{"column":value,…},…],…}`; integers and reals as JSON numbers (non-finite reals as null),
    /// text as strings, NULL as null.
    public static func json(_ tables: [StoreTableRows]) -> String {
        var out = "{"
        for (tableIndex, table) in tables.enumerated() {
            if tableIndex > 0 { out += "," }
            out += JSONText.quoted(table.name) + ":["
            let keys = table.columns.map(JSONText.quoted)
            for (rowIndex, row) in table.rows.enumerated() {
                if rowIndex > 0 { out += "," }
                out += "{"
                for (column, value) in row.enumerated() {
                    if column > 0 { out += "," }
                    out += keys[column] + ":" + json(value)
                }
                out += "}"
            }
            out += "]"
        }
        return out + "}"
    }

    /// The header line, then one line per row; empty for NULL, `nan`/`inf` for non-finite reals.
    public static func csv(_ table: StoreTableRows) -> String {
        var lines = [table.columns.map(csvField).joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { value in
                switch value {
                case .null: ""
                case .text(let text): csvField(text)
                case .integer(let number): String(number)
                case .real(let number): "\(number)"
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ value: StoreValue) -> String {
        switch value {
        case .null: "null"
        case .text(let text): JSONText.quoted(text)
        case .integer, .real: number(value)
        }
    }

    /// Integers in decimal; reals in Swift's shortest round-tripping form (valid JSON), non-finite as null.
    static func number(_ value: StoreValue) -> String {
        switch value {
        case .integer(let value): String(value)
        case .real(let value) where value.isFinite: "\(value)"
        default: "null"
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
