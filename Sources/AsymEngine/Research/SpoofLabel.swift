public import AsymCore
import Foundation

/// One ground-truth wall from `asym synth --labels` (`SyntheticRecording.labelsJSON`).
public struct SpoofLabel: Sendable, Equatable {
    public var side: BookSide
    /// Price in ticks of the instrument's scale.
    public var price: Int64
    public var appearedAt: Int64
    /// Nil while it still rested when the generator stopped.
    public var vanishedAt: Int64?
    public var traded: Bool
    public var isSpoof: Bool

    public init(side: BookSide, price: Int64, appearedAt: Int64, vanishedAt: Int64?, traded: Bool, isSpoof: Bool) {
        self.side = side
        self.price = price
        self.appearedAt = appearedAt
        self.vanishedAt = vanishedAt
        self.traded = traded
        self.isSpoof = isSpoof
    }

    /// Parses a labels file's JSON array; prices are read at `prices`' scale.
    public static func parse(_ text: String, prices: FixedPointScale) throws -> [SpoofLabel] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw SpoofLabelError.notAnArray
        }
        return try array.enumerated().map { index, object in
            guard let sideText = object["side"] as? String, let priceText = object["price"] as? String,
                  let appeared = (object["appeared_ns"] as? NSNumber)?.int64Value,
                  let spoof = object["spoof"] as? Bool
            else { throw SpoofLabelError.malformed(index: index) }
            return SpoofLabel(
                side: sideText == "bid" ? .bid : .ask, price: try prices.ticks(parsing: priceText), appearedAt: appeared,
                vanishedAt: (object["vanished_ns"] as? NSNumber)?.int64Value, traded: object["traded"] as? Bool ?? false,
                isSpoof: spoof)
        }
    }
}

/// Why a labels file could not be read.
public enum SpoofLabelError: Error, Equatable {
    case notAnArray
    case malformed(index: Int)
}
