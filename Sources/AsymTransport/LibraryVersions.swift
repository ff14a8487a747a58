import CCurl
import COpenSSL
import CURing
import CWebSockets

/// Versions of the C libraries this binary links, as reported by the libraries at run time.
public enum LibraryVersions {
    /// OpenSSL's version text (`OpenSSL_version`).
    public static var openSSL: String { String(cString: COpenSSL_version()) }
    /// zlib's version (`zlibVersion`).
    public static var zlib: String { String(cString: COpenSSL_zlib_version()) }

    /// libwebsockets' runtime version (`lws_get_library_version`).
    public static var webSockets: String {
        guard let version = lws_get_library_version() else { return "unknown" }
        return String(cString: version)
    }
    /// libcurl's runtime version (`curl_version_info`).
    public static var curl: String { String(cString: CCurl_version()) }
    /// liburing's version, read from the loaded library's file name (liburing 2.3 has no version call).
    public static var uring: String {
        let file = String(cString: CURing_libraryFile())
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard name.hasPrefix("liburing.so.") else { return file }
        return String(name.dropFirst("liburing.so.".count))
    }

    /// Every linked library with its version, in a stable order.
    public static var all: [(library: String, version: String)] {
        [("libwebsockets", webSockets), ("liburing", uring), ("libcurl", curl), ("openssl", openSSL), ("zlib", zlib)]
    }
}
