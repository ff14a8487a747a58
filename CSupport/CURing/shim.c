#define _GNU_SOURCE
#include "CURing.h"

#include <dlfcn.h>
#include <limits.h>

#include <errno.h>
#include <liburing.h>
#include <stdlib.h>

const unsigned CURing_sqeDrain = IOSQE_IO_DRAIN;

int CURing_create(unsigned entries, unsigned setupFlags, struct io_uring **ring) {
    struct io_uring *allocated = calloc(1, sizeof(struct io_uring));
    if (allocated == NULL) return -ENOMEM;
    int result = io_uring_queue_init(entries, allocated, setupFlags);
    if (result < 0) {
        free(allocated);
        return result;
    }
    *ring = allocated;
    return 0;
}

void CURing_destroy(struct io_uring *ring) {
    io_uring_queue_exit(ring);
    free(ring);
}

int CURing_prepWrite(struct io_uring *ring, int fd, const void *buffer, unsigned length, uint64_t offset,
                     uint64_t userData, unsigned sqeFlags) {
    struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
    if (sqe == NULL) return -EBUSY;
    io_uring_prep_write(sqe, fd, buffer, length, offset);
    io_uring_sqe_set_data64(sqe, userData);
    io_uring_sqe_set_flags(sqe, sqeFlags);
    return 0;
}

int CURing_prepFsync(struct io_uring *ring, int fd, int datasync, uint64_t userData, unsigned sqeFlags) {
    struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
    if (sqe == NULL) return -EBUSY;
    io_uring_prep_fsync(sqe, fd, datasync ? IORING_FSYNC_DATASYNC : 0);
    io_uring_sqe_set_data64(sqe, userData);
    io_uring_sqe_set_flags(sqe, sqeFlags);
    return 0;
}

int CURing_submitAndWait(struct io_uring *ring, unsigned waitCount) {
    return io_uring_submit_and_wait(ring, waitCount);
}

int CURing_peekCompletion(struct io_uring *ring, uint64_t *userData, int32_t *result) {
    struct io_uring_cqe *cqe = NULL;
    int status = io_uring_peek_cqe(ring, &cqe);
    if (status < 0) return status;
    *userData = io_uring_cqe_get_data64(cqe);
    *result = cqe->res;
    io_uring_cqe_seen(ring, cqe);
    return 0;
}

const char *CURing_libraryFile(void) {
    static char path[PATH_MAX];
    Dl_info info;
    if (dladdr((void *)io_uring_queue_init, &info) == 0 || info.dli_fname == NULL) return "unknown";
    if (realpath(info.dli_fname, path) == NULL) return info.dli_fname;
    return path;
}
