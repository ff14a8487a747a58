#ifndef CURING_H
#define CURING_H

#include <stdint.h>

// The ring is opaque to Swift: liburing.h's static-inline, C11-atomics ring accessors stay on the C side,
// so every liburing call Swift needs goes through one of these wrappers. All return 0 or -errno unless noted.

struct io_uring;

// IOSQE_IO_DRAIN is a macro over an enum bit index that Swift cannot import: start only after all earlier SQEs complete.
extern const unsigned CURing_sqeDrain;

// Allocates struct io_uring (its layout is liburing's business) and runs io_uring_queue_init.
int CURing_create(unsigned entries, unsigned setupFlags, struct io_uring **ring);
// io_uring_queue_exit plus freeing the allocation made by CURing_create.
void CURing_destroy(struct io_uring *ring);

// io_uring_get_sqe + io_uring_prep_write + io_uring_sqe_set_data are static inline; -EBUSY when the SQ is full.
int CURing_prepWrite(struct io_uring *ring, int fd, const void *buffer, unsigned length, uint64_t offset,
                     uint64_t userData, unsigned sqeFlags);
// io_uring_prep_fsync is static inline; datasync != 0 selects IORING_FSYNC_DATASYNC. -EBUSY when the SQ is full.
int CURing_prepFsync(struct io_uring *ring, int fd, int datasync, uint64_t userData, unsigned sqeFlags);

// io_uring_submit_and_wait is exported but takes the opaque ring; returns SQEs submitted or -errno.
int CURing_submitAndWait(struct io_uring *ring, unsigned waitCount);

// io_uring_peek_cqe / io_uring_cqe_seen are static inline: copies out one ready CQE and marks it seen; -EAGAIN if none.
int CURing_peekCompletion(struct io_uring *ring, uint64_t *userData, int32_t *result);

// liburing 2.3 has no version API: reports the loaded library's file name (e.g. liburing.so.2.3) via dladdr.
const char *CURing_libraryFile(void);

#endif
