#ifndef CZLIB_H
#define CZLIB_H

#include <stddef.h>

// The z_stream stays opaque to Swift: it is allocated and set up on the C side (its init entry points are macros that
// pass ZLIB_VERSION and sizeof(z_stream)), so zlib.h and its struct layout never reach Swift.
struct z_stream_s;

// zlib's Z_* return codes, restated (as int macros, which Swift imports as Int32) so this header need not include
// zlib.h; shim.c checks they match.
#define CZlib_ok 0
#define CZlib_streamEnd 1
#define CZlib_needDictionary 2
#define CZlib_errno (-1)
#define CZlib_streamError (-2)
#define CZlib_dataError (-3)
#define CZlib_memoryError (-4)
#define CZlib_bufferError (-5)
#define CZlib_versionError (-6)

// inflateInit2 is a macro: allocates a z_stream and opens it for gzip-wrapped input (windowBits 15 + 16).
int CZlib_inflateCreate(struct z_stream_s **stream);
// Sets next_in/avail_in/next_out/avail_out (uInt fields) and runs inflate(Z_NO_FLUSH); reports bytes consumed and produced.
int CZlib_inflate(struct z_stream_s *stream, const void *input, size_t inputCount, size_t *consumed,
                  void *output, size_t outputCount, size_t *produced);
// inflateReset on the C-owned stream: starts the next member of a multi-member .gz.
int CZlib_inflateReset(struct z_stream_s *stream);
// inflateEnd plus freeing the allocation made by CZlib_inflateCreate.
void CZlib_inflateDestroy(struct z_stream_s *stream);

// deflateInit2 is a macro: allocates a z_stream and opens it to write a gzip wrapper (windowBits 15 + 16) at `level`.
int CZlib_deflateCreate(int level, struct z_stream_s **stream);
// Sets the uInt buffer fields and runs deflate with Z_NO_FLUSH (0), Z_SYNC_FLUSH (1) or Z_FINISH (2) per `flushMode`.
int CZlib_deflate(struct z_stream_s *stream, const void *input, size_t inputCount, size_t *consumed,
                  void *output, size_t outputCount, size_t *produced, int flushMode);
// deflateEnd plus freeing the allocation made by CZlib_deflateCreate.
void CZlib_deflateDestroy(struct z_stream_s *stream);

// zlibVersion() is a plain function, wrapped only so Swift need not see zlib.h: the loaded library's version text.
const char *CZlib_version(void);

#endif
