/// A request travelling to the paper venue's matching engine.
struct PaperRequest: BitwiseCopyable {
    var order: PaperOrder
    var isCancel: Bool
    var visibleAt: Int64
}
