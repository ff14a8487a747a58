#include "CZlib.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

_Static_assert(CZlib_ok == Z_OK && CZlib_streamEnd == Z_STREAM_END && CZlib_needDictionary == Z_NEED_DICT, "zlib codes");
_Static_assert(CZlib_errno == Z_ERRNO && CZlib_streamError == Z_STREAM_ERROR && CZlib_dataError == Z_DATA_ERROR, "zlib codes");
_Static_assert(CZlib_memoryError == Z_MEM_ERROR && CZlib_bufferError == Z_BUF_ERROR && CZlib_versionError == Z_VERSION_ERROR,
               "zlib codes");

// 15 = 32 KiB window; +16 asks zlib for the gzip wrapper (header + CRC-32 trailer) instead of zlib's own.
enum { gzipWindowBits = 15 + 16 };

// avail_in/avail_out are uInt: larger Swift buffers are fed in pieces, never truncated silently.
static uInt clampCount(size_t count) { return count > UINT_MAX ? UINT_MAX : (uInt)count; }

int CZlib_inflateCreate(struct z_stream_s **stream) {
    z_stream *created = calloc(1, sizeof *created);  // zalloc/zfree/opaque = Z_NULL: zlib's default allocator
    if (created == NULL) return Z_MEM_ERROR;
    int status = inflateInit2(created, gzipWindowBits);
    if (status != Z_OK) {
        free(created);
        return status;
    }
    *stream = created;
    return Z_OK;
}

int CZlib_inflate(struct z_stream_s *stream, const void *input, size_t inputCount, size_t *consumed,
                  void *output, size_t outputCount, size_t *produced) {
    uInt availableIn = clampCount(inputCount), availableOut = clampCount(outputCount);
    stream->next_in = (Bytef *)input;  // zlib never writes through next_in; the cast only drops const
    stream->avail_in = availableIn;
    stream->next_out = output;
    stream->avail_out = availableOut;
    int status = inflate(stream, Z_NO_FLUSH);
    *consumed = availableIn - stream->avail_in;
    *produced = availableOut - stream->avail_out;
    stream->next_in = Z_NULL;  // the caller's buffers are only borrowed for this call
    stream->next_out = Z_NULL;
    return status;
}

int CZlib_inflateReset(struct z_stream_s *stream) { return inflateReset(stream); }

void CZlib_inflateDestroy(struct z_stream_s *stream) {
    if (stream == NULL) return;
    inflateEnd(stream);
    free(stream);
}

int CZlib_deflateCreate(int level, struct z_stream_s **stream) {
    z_stream *created = calloc(1, sizeof *created);
    if (created == NULL) return Z_MEM_ERROR;
    // memLevel 8 is deflateInit's default.
    int status = deflateInit2(created, level, Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY);
    if (status != Z_OK) {
        free(created);
        return status;
    }
    *stream = created;
    return Z_OK;
}

int CZlib_deflate(struct z_stream_s *stream, const void *input, size_t inputCount, size_t *consumed,
                  void *output, size_t outputCount, size_t *produced, int flushMode) {
    static const int flushes[] = {Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FINISH};
    if (flushMode < 0 || flushMode > 2) return Z_STREAM_ERROR;
    uInt availableIn = clampCount(inputCount), availableOut = clampCount(outputCount);
    stream->next_in = (Bytef *)input;
    stream->avail_in = availableIn;
    stream->next_out = output;
    stream->avail_out = availableOut;
    int status = deflate(stream, flushes[flushMode]);
    *consumed = availableIn - stream->avail_in;
    *produced = availableOut - stream->avail_out;
    stream->next_in = Z_NULL;
    stream->next_out = Z_NULL;
    return status;
}

void CZlib_deflateDestroy(struct z_stream_s *stream) {
    if (stream == NULL) return;
    deflateEnd(stream);
    free(stream);
}

const char *CZlib_version(void) { return zlibVersion(); }
