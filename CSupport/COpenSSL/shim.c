// The low-level SHA256_* API is deprecated in OpenSSL 3 but is the only one whose state is a
// plain struct: copying it costs nothing, where every EVP context copy allocates.
#define OPENSSL_API_COMPAT 0x10100000L
#include "COpenSSL.h"
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct COpenSSL_hmac {
    SHA256_CTX inner;  // state after absorbing key ^ ipad
    SHA256_CTX outer;  // state after absorbing key ^ opad
};

// RFC 2104 with the padded-key states computed once, so signing a message never allocates.
COpenSSL_hmac *COpenSSL_hmac_create(const uint8_t *key, size_t key_length) {
    COpenSSL_hmac *hmac = calloc(1, sizeof *hmac);
    if (hmac == NULL) return NULL;
    uint8_t block[SHA256_CBLOCK] = {0};
    if (key_length > SHA256_CBLOCK) {
        SHA256(key, key_length, block);
    } else if (key_length > 0) {
        memcpy(block, key, key_length);
    }
    uint8_t pad[SHA256_CBLOCK];
    for (size_t i = 0; i < SHA256_CBLOCK; i++) pad[i] = block[i] ^ 0x36;
    SHA256_Init(&hmac->inner);
    SHA256_Update(&hmac->inner, pad, sizeof pad);
    for (size_t i = 0; i < SHA256_CBLOCK; i++) pad[i] = block[i] ^ 0x5c;
    SHA256_Init(&hmac->outer);
    SHA256_Update(&hmac->outer, pad, sizeof pad);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    return hmac;
}

// Copies the precomputed states (plain structs) and finishes both hashes.
int COpenSSL_hmac_sha256(COpenSSL_hmac *hmac, const uint8_t *message, size_t length, uint8_t out[32]) {
    SHA256_CTX context = hmac->inner;
    uint8_t inner_digest[SHA256_DIGEST_LENGTH];
    if (!SHA256_Update(&context, message, length) || !SHA256_Final(inner_digest, &context)) return -1;
    context = hmac->outer;
    if (!SHA256_Update(&context, inner_digest, sizeof inner_digest) || !SHA256_Final(out, &context)) return -1;
    return 0;
}

// Wipes the key-derived states before freeing them.
void COpenSSL_hmac_destroy(COpenSSL_hmac *hmac) {
    if (hmac == NULL) return;
    OPENSSL_cleanse(hmac, sizeof *hmac);
    free(hmac);
}

// EVP_Digest takes an EVP_MD from EVP_sha256() and an out-length pointer; this fixes both.
int COpenSSL_sha256(const uint8_t *message, size_t length, uint8_t out[32]) {
    unsigned int written = 0;
    return EVP_Digest(message, length, out, &written, EVP_sha256(), NULL) == 1 && written == 32 ? 0 : -1;
}

// zlib's crc32 takes uInt lengths; this loops so any size_t length is safe.
uint32_t COpenSSL_crc32(uint32_t crc, const uint8_t *bytes, size_t length) {
    uLong value = crc;
    while (length > 0) {
        uInt chunk = length > 0x40000000u ? 0x40000000u : (uInt)length;
        value = crc32(value, bytes, chunk);
        bytes += chunk;
        length -= chunk;
    }
    return (uint32_t)value;
}

static uint32_t crc32c_table[256];

static void crc32c_build_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        crc32c_table[i] = c;
    }
}

static uint32_t crc32c_software(uint32_t crc, const uint8_t *bytes, size_t length) {
    static int built;
    if (!__atomic_load_n(&built, __ATOMIC_ACQUIRE)) {
        crc32c_build_table();
        __atomic_store_n(&built, 1, __ATOMIC_RELEASE);
    }
    crc = ~crc;
    for (size_t i = 0; i < length; i++) crc = crc32c_table[(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

#if defined(__x86_64__)
#include <nmmintrin.h>
__attribute__((target("sse4.2")))
static uint32_t crc32c_sse42(uint32_t crc, const uint8_t *bytes, size_t length) {
    uint64_t c = ~crc;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        c = _mm_crc32_u64(c, word);
        bytes += 8;
        length -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (length-- > 0) c32 = _mm_crc32_u8(c32, *bytes++);
    return ~c32;
}
#endif

// CRC32C (Castagnoli) for journal records: the SSE4.2 instruction when the CPU has it.
uint32_t COpenSSL_crc32c(uint32_t crc, const uint8_t *bytes, size_t length) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("sse4.2")) return crc32c_sse42(crc, bytes, length);
#endif
    return crc32c_software(crc, bytes, length);
}

// RAND_bytes takes an int length; this rejects sizes that would truncate.
int COpenSSL_random_bytes(uint8_t *out, size_t length) {
    if (length > 0x7FFFFFFF) return -1;
    return RAND_bytes(out, (int)length) == 1 ? 0 : -1;
}

static void copy_error(char *error, size_t capacity, const char *what) {
    if (capacity == 0) return;
    unsigned long code = ERR_get_error();
    if (code != 0) {
        char reason[200];
        ERR_error_string_n(code, reason, sizeof reason);
        snprintf(error, capacity, "%s: %s", what, reason);
    } else {
        snprintf(error, capacity, "%s", what);
    }
}

static int bio_to_buffer(BIO *bio, char *out, size_t capacity) {
    char *data = NULL;
    long length = BIO_get_mem_data(bio, &data);  // a macro over BIO_ctrl
    if (length < 0 || (size_t)length + 1 > capacity) return -1;
    memcpy(out, data, (size_t)length);
    out[length] = '\0';
    return 0;
}

// Building an X509 takes a dozen calls and several macros; one function keeps them out of Swift.
int COpenSSL_self_signed(const char *common_name, int valid_days,
                         char *certificate_pem, size_t certificate_capacity,
                         char *private_key_pem, size_t private_key_capacity,
                         char *error, size_t error_capacity) {
    int result = -1;
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *certificate = X509_new();
    BIO *certificate_bio = BIO_new(BIO_s_mem());
    BIO *key_bio = BIO_new(BIO_s_mem());
    X509_EXTENSION *san = NULL;
    if (!key || !certificate || !certificate_bio || !key_bio) { copy_error(error, error_capacity, "allocation"); goto done; }

    X509_set_version(certificate, 2);
    uint8_t serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7F;
    BIGNUM *serial_number = BN_bin2bn(serial, sizeof serial, NULL);
    BN_to_ASN1_INTEGER(serial_number, X509_get_serialNumber(certificate));
    BN_free(serial_number);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate), (long)valid_days * 86400L);
    X509_set_pubkey(certificate, key);
    X509_NAME *name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)common_name, -1, -1, 0);
    X509_set_issuer_name(certificate, name);

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, NULL, NULL, 0);
    san = X509V3_EXT_conf_nid(NULL, &context, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
    if (!san || !X509_add_ext(certificate, san, -1)) { copy_error(error, error_capacity, "subjectAltName"); goto done; }
    if (!X509_sign(certificate, key, EVP_sha256())) { copy_error(error, error_capacity, "X509_sign"); goto done; }
    if (!PEM_write_bio_X509(certificate_bio, certificate) ||
        !PEM_write_bio_PrivateKey(key_bio, key, NULL, NULL, 0, NULL, NULL)) {
        copy_error(error, error_capacity, "PEM write");
        goto done;
    }
    if (bio_to_buffer(certificate_bio, certificate_pem, certificate_capacity) != 0 ||
        bio_to_buffer(key_bio, private_key_pem, private_key_capacity) != 0) {
        copy_error(error, error_capacity, "PEM buffer too small");
        goto done;
    }
    result = 0;
done:
    X509_EXTENSION_free(san);
    BIO_free(certificate_bio);
    BIO_free(key_bio);
    X509_free(certificate);
    EVP_PKEY_free(key);
    return result;
}

// OpenSSL_version takes a selector constant; asym only ever wants the full version text.
const char *COpenSSL_version(void) { return OpenSSL_version(OPENSSL_VERSION); }

// zlibVersion is zlib's runtime version (the library this shim links for CRC32).
const char *COpenSSL_zlib_version(void) { return zlibVersion(); }
