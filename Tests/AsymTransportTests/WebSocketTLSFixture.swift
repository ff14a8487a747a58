import AsymTransport
import Foundation

/// A throwaway self-signed certificate + key (PEM files in a temp directory) for TLS tests.
///
struct WebSocketTLSFixture: Sendable {
    /// The temporary directory holding both files.
    let directory: String
    /// PEM certificate for CN/IP 127.0.0.1; also usable as the client's CA file.
    let certificatePath: String
    /// Unencrypted PEM private key.
    let privateKeyPath: String

    /// Creates a fresh directory and writes a new certificate and key into it.
    static func make() throws -> WebSocketTLSFixture {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("asym-ws-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fixture = WebSocketTLSFixture(
            directory: directory,
            certificatePath: directory + "/cert.pem",
            privateKeyPath: directory + "/key.pem"
        )
        try generateSelfSignedPEM(certificatePath: fixture.certificatePath, privateKeyPath: fixture.privateKeyPath)
        return fixture
    }

    /// Deletes the directory.
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Generates the certificate in-process with OpenSSL (EC P-256, SAN 127.0.0.1 and localhost).
    static func generateSelfSignedPEM(certificatePath: String, privateKeyPath: String) throws {
        try SelfSignedCertificate.generate().write(certificateTo: certificatePath, privateKeyTo: privateKeyPath)
    }
}
