#include "CWebSockets.h"

#include <openssl/x509.h>
#include <string.h>

size_t CWebSockets_pre_padding(void) {
    return LWS_PRE;
}

struct lws_context *CWebSockets_create_context(const struct lws_protocols *protocols,
                                               void *user,
                                               int listen_port,
                                               const char *listen_interface,
                                               const char *ca_file,
                                               const char *cert_file,
                                               const char *key_file,
                                               unsigned int timeout_seconds) {
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof(info));
    info.protocols = protocols;
    info.user = user;
    info.port = listen_port < 0 ? CONTEXT_PORT_NO_LISTEN : listen_port;
    info.iface = listen_interface;
    // Needed on every context for its vhost to get an SSL_CTX; it also re-allocates lws's global
    // OpenSSL ex-data index, which WebSocketTLSGate.swift works around.
    info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
    info.client_ssl_ca_filepath = ca_file;
    info.ssl_cert_filepath = cert_file;
    info.ssl_private_key_filepath = key_file;
    info.timeout_secs = timeout_seconds;
    info.connect_timeout_secs = timeout_seconds;
    // Bigger per-thread read buffer so large frames arrive in fewer callbacks.
    info.pt_serv_buf_size = 64 * 1024;
    info.fd_limit_per_thread = 1024;
    info.gid = -1;
    info.uid = -1;
    return lws_create_context(&info);
}

struct lws *CWebSockets_client_connect(struct lws_context *context,
                                       const char *address,
                                       int port,
                                       int use_tls,
                                       int allow_insecure_tls,
                                       const char *path,
                                       const char *host_header) {
    struct lws_client_connect_info info;
    memset(&info, 0, sizeof(info));
    info.context = context;
    info.address = address;
    info.port = port;
    info.path = path;
    info.host = host_header;
    info.origin = host_header;
    if (use_tls) {
        info.ssl_connection = LCCSCF_USE_SSL;
        if (allow_insecure_tls)
            info.ssl_connection |= LCCSCF_ALLOW_SELFSIGNED | LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK |
                                   LCCSCF_ALLOW_EXPIRED | LCCSCF_ALLOW_INSECURE;
    }
    return lws_client_connect_via_info(&info);
}

int CWebSockets_append_handshake_header(struct lws *wsi, void *in, size_t len,
                                        const char *name, const char *value) {
    unsigned char **p = (unsigned char **)in;
    unsigned char *end = *p + len;
    char colon_name[256];
    size_t name_len = strlen(name);
    if (name_len + 2 > sizeof(colon_name))
        return 1;
    memcpy(colon_name, name, name_len);
    colon_name[name_len] = ':';
    colon_name[name_len + 1] = '\0';
    return lws_add_http_header_by_name(wsi, (const unsigned char *)colon_name,
                                       (const unsigned char *)value, (int)strlen(value), p, end);
}

int CWebSockets_write_http_headers(struct lws *wsi, unsigned int status,
                                   const char *content_type, size_t content_length) {
    unsigned char buffer[LWS_PRE + 1024];
    unsigned char *start = &buffer[LWS_PRE];
    unsigned char *p = start;
    unsigned char *end = &buffer[sizeof(buffer) - 1];
    if (lws_add_http_common_headers(wsi, status, content_type, (lws_filepos_t)content_length, &p, end))
        return 1;
    return lws_finalize_write_http_header(wsi, start, &p, end);
}

const char *CWebSockets_x509_verify_error(void *x509_store_ctx) {
    if (!x509_store_ctx)
        return "unknown verification error";
    return X509_verify_cert_error_string(X509_STORE_CTX_get_error((X509_STORE_CTX *)x509_store_ctx));
}
