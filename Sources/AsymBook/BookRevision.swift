import Synchronization

/// Which book, and how many frames it has closed: lets a reader that derives state from the book's levels
/// tell "the very next frame of the book I read last time" (apply `OrderBook.lastFrameChanged`) from
/// anything else (derive again from scratch).
///
/// Every `OrderBook` gets its own `book` number at `init`; a copy keeps it, so a reader should follow one
/// book value rather than alternate between copies that were changed independently.
public struct BookRevision: Sendable, Hashable, BitwiseCopyable {
    /// The book's number, unique per `OrderBook.init` in the process.
    public let book: UInt64
    /// Frames the book has closed (`OrderBook.endFrame`).
    public let frames: Int

    @usableFromInline
    init(book: UInt64, frames: Int) {
        self.book = book
        self.frames = frames
    }

    /// Whether `self` is the frame right after `previous` of the same book.
    @inlinable
    public func follows(_ previous: BookRevision) -> Bool {
        book == previous.book && frames == previous.frames &+ 1
    }

    /// A number no other book in the process has.
    static func newBook() -> UInt64 { nextBook.add(1, ordering: .relaxed).newValue }

    private static let nextBook = Atomic<UInt64>(0)
}
