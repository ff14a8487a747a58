/// A failure inside OpenSSL.
public enum CryptoError: Error, Equatable, Sendable {
    /// OpenSSL could not set up a keyed HMAC context.
    case hmacSetupFailed
    /// OpenSSL failed while computing a digest.
    case digestFailed
    /// The system random generator could not produce bytes.
    case randomUnavailable
    /// Generating a certificate failed; OpenSSL's reason is attached.
    case certificateFailed(String)
}
