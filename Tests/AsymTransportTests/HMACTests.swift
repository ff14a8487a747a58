import AsymTransport
import Testing

@Suite("HMAC-SHA256 and digests")
struct HMACTests {
    /// RFC 4231 §4.2–4.8, HMAC-SHA-256 outputs (test case 5 is compared on its 128-bit truncation).
    static let rfc4231: [(key: [UInt8], data: [UInt8], digest: String)] = [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (Array(1...25), [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8),
         "a3b6167473100ee06e0c796c2955552b"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("RFC 4231 test cases", arguments: 0..<7)
    func matchesRFC4231(caseIndex: Int) throws {
        let vector = Self.rfc4231[caseIndex]
        let hmac = try HMAC(key: vector.key)
        #expect(hmac.authenticate(vector.data).hexEncoded.hasPrefix(vector.digest))
    }

    /// Binance USD-M futures "SIGNED endpoint" Example 1 (general-info), verbatim.
    @Test func matchesBinanceFuturesDocumentedSignature() throws {
        let hmac = try HMAC(key: "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9")
        let query = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"
        #expect(hmac.authenticate(query).hexEncoded == "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9")
    }

    /// Binance spot REST docs, "Example 1: As a query string", verbatim.
    @Test func matchesBinanceSpotDocumentedSignature() throws {
        let hmac = try HMAC(key: "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j")
        let query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(hmac.authenticate(query).hexEncoded == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
    }

    @Test func reusedSignerGivesSameDigestEveryTime() throws {
        let hmac = try HMAC(key: "Jefe")
        let first = hmac.authenticate("what do ya want for nothing?")
        _ = hmac.authenticate("something else entirely")
        #expect(hmac.authenticate("what do ya want for nothing?") == first)
    }

    @Test func emptyKeyAndMessageAreAccepted() throws {
        // RFC 2104 with an empty key; value cross-checked with Python's hmac module.
        let hmac = try HMAC(key: [UInt8]())
        #expect(hmac.authenticate([UInt8]()).hexEncoded == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func base64MatchesRFC4648Vectors() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Base64Encoding.encode(Array(plain.utf8)) == encoded)
        }
    }

    @Test func sha256MatchesFIPSExample() {
        #expect(SHA256.hash(Array("abc".utf8)).hexEncoded == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func crc32AndCRC32CMatchCheckValues() {
        let check = Array("123456789".utf8)
        #expect(CRC32.checksum(check) == 0xCBF4_3926)
        #expect(CRC32C.checksum(check) == 0xE306_9283)
    }

    @Test func crc32CContinuesAcrossChunks() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = CRC32C.checksum(bytes)
        let split = bytes.withUnsafeBytes { raw in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[333...]),
                            continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[..<333])))
        }
        #expect(split == whole)
    }

    @Test func secureRandomBytesDiffer() throws {
        #expect(try SecureRandom.bytes(count: 32) != SecureRandom.bytes(count: 32))
    }

    @Test func selfSignedCertificateIsPEM() throws {
        let certificate = try SelfSignedCertificate.generate()
        #expect(certificate.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(certificate.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }
}
