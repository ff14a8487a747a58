import Foundation

extension OpsStatus {
    /// Snake_case keys, sorted so equal statuses give equal bytes; non-finite numbers as `"+Inf"`, `"-Inf"`, `"NaN"`
    /// strings, because a NaN equity must not turn `/status` into an error.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+Inf", negativeInfinity: "-Inf", nan: "NaN")
        return encoder
    }

    /// The status as `GET /status` serves it.
    public func jsonBytes() -> [UInt8] {
        // Every field is a string, number, bool, array or nested struct and non-finite numbers are strings,
        // so encoding cannot fail.
        let data = try! Self.makeEncoder().encode(self)
        return [UInt8](data)
    }

    /// Decodes what ``jsonBytes()`` produced (and what `GET /status` returns).
    public static func decode(json: [UInt8]) throws(DecodingError) -> OpsStatus {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "+Inf", negativeInfinity: "-Inf", nan: "NaN")
        do {
            return try decoder.decode(OpsStatus.self, from: Data(json))
        } catch let error as DecodingError {
            throw error
        } catch {
            throw .dataCorrupted(.init(codingPath: [], debugDescription: "\(error)"))
        }
    }
}
