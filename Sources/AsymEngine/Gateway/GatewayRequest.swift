import AsymCore
import AsymExecution
import AsymRisk

/// One request from the engine thread to a gateway thread: plain data, so it crosses an SPSC ring.
struct GatewayRequest: BitwiseCopyable {
    enum Kind: UInt8 { case create, cancel }

    var kind: Kind
    var clientOrderID: ClientOrderID
    var instrument: InstrumentID
    var side: TakerSide
    var orderType: OrderType
    var price: Int64
    var lots: Int64
    var reduceOnly: Bool
}
