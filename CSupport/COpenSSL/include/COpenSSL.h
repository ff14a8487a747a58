#ifndef COPENSSL_H
#define COPENSSL_H
#include <stddef.h>
#include <stdint.h>

// Opaque keyed HMAC-SHA256 state (an EVP_MAC_CTX with the key already absorbed).
typedef struct COpenSSL_hmac COpenSSL_hmac;

COpenSSL_hmac *COpenSSL_hmac_create(const uint8_t *key, size_t key_length);
int COpenSSL_hmac_sha256(COpenSSL_hmac *hmac, const uint8_t *message, size_t length, uint8_t out[32]);
void COpenSSL_hmac_destroy(COpenSSL_hmac *hmac);

int COpenSSL_sha256(const uint8_t *message, size_t length, uint8_t out[32]);
uint32_t COpenSSL_crc32(uint32_t crc, const uint8_t *bytes, size_t length);
uint32_t COpenSSL_crc32c(uint32_t crc, const uint8_t *bytes, size_t length);
int COpenSSL_random_bytes(uint8_t *out, size_t length);

// Writes a PEM certificate and PEM private key (EC P-256, SHA-256 signature) for `common_name`,
// with subjectAltName IP:127.0.0.1, DNS:localhost. Returns 0, or -1 with a message in `error`.
int COpenSSL_self_signed(const char *common_name, int valid_days,
                         char *certificate_pem, size_t certificate_capacity,
                         char *private_key_pem, size_t private_key_capacity,
                         char *error, size_t error_capacity);

const char *COpenSSL_version(void);
const char *COpenSSL_zlib_version(void);

#endif
