/// A 16-byte event: the sequence it should get and a check word derived from it.
struct TestEvent: BitwiseCopyable, Equatable {
    var value: UInt64
    var check: UInt64

    init(_ value: UInt64) {
        self.value = value
        check = value &* 0x9E37_79B9_7F4A_7C15
    }
}
