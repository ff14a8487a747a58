/// A report travelling back.
struct PaperOutgoing: BitwiseCopyable {
    var report: VenueReport
    var deliverAt: Int64
}
