#ifndef CWEBSOCKETS_H
#define CWEBSOCKETS_H

// Thin shim over libwebsockets 4.1. Swift calls most lws functions directly (lws_write,
// lws_service, lws_cancel_service, lws_callback_on_writable, lws_close_reason, ...); only what
// Swift cannot express cleanly lives here. Used only by AsymTransport's WebSocket* files.

#include <stddef.h>
#include <stdint.h>
#include <libwebsockets.h>

// Why: LWS_PRE is a computed macro (_LWS_PAD) that the Swift importer cannot see.
size_t CWebSockets_pre_padding(void);

// Why: lws_context_creation_info is a huge struct with unions; C fills the few fields we use (listen_port < 0 = client only, NULL strings = unset).
struct lws_context *CWebSockets_create_context(const struct lws_protocols *protocols,
                                               void *user,
                                               int listen_port,
                                               const char *listen_interface,
                                               const char *ca_file,
                                               const char *cert_file,
                                               const char *key_file,
                                               unsigned int timeout_seconds);

// Why: lws_client_connect_info borrows many C strings that must outlive the call; one C call avoids nested withCString in Swift.
struct lws *CWebSockets_client_connect(struct lws_context *context,
                                       const char *address,
                                       int port,
                                       int use_tls,
                                       int allow_insecure_tls,
                                       const char *path,
                                       const char *host_header);

// Why: CLIENT_APPEND_HANDSHAKE_HEADER passes an `unsigned char **` cursor in `in`, and lws wants a colon-terminated name.
int CWebSockets_append_handshake_header(struct lws *wsi, void *in, size_t len,
                                        const char *name, const char *value);

// Why: lws_add_http_common_headers + lws_finalize_write_http_header need an LWS_PRE-offset stack buffer and a `**` cursor; 0 = ok.
int CWebSockets_write_http_headers(struct lws *wsi, unsigned int status,
                                   const char *content_type, size_t content_length);

// Why: the cert-verify callback hands over OpenSSL's opaque X509_STORE_CTX as void *; returns X509_verify_cert_error_string text.
const char *CWebSockets_x509_verify_error(void *x509_store_ctx);

#endif
