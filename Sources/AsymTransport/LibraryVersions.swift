import COpenSSL

/// Versions of the C libraries this binary links, as reported by the libraries at run time.
public enum LibraryVersions {
    /// OpenSSL's version text (`OpenSSL_version`).
    public static var openSSL: String { String(cString: COpenSSL_version()) }
    /// zlib's version (`zlibVersion`).
    public static var zlib: String { String(cString: COpenSSL_zlib_version()) }

    /// Every linked library with its version, in a stable order.
    public static var all: [(library: String, version: String)] {
        [("openssl", openSSL), ("zlib", zlib)]
    }
}
