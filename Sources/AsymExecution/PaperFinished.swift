/// A finished order remembered for queries.
struct PaperFinished: BitwiseCopyable {
    var id: ClientOrderID
    var snapshot: VenueOrderSnapshot
}
