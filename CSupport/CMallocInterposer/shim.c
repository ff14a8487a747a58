// A malloc interposer, linked only into asym's own executables (the CLI and the tests): defining
// malloc & co. in the executable makes every library's calls land here; they are forwarded to
// glibc's __libc_* entry points, so there is no dlsym bootstrap problem.
// Other binaries that link asym's libraries (package-benchmark's) keep their own allocator hooks.
#include "CMallocInterposer.h"
#include <errno.h>
#include <stddef.h>
#include <stdatomic.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);
extern void *__libc_pvalloc(size_t);

static atomic_int counting;
// Per-thread counting: exact for one thread's synchronous section whatever other threads allocate
// (tests run in parallel). Initial-exec TLS in the executable: one thread-pointer-relative access.
static __thread int thread_counting __attribute__((tls_model("initial-exec")));
static __thread uint64_t thread_allocation_count __attribute__((tls_model("initial-exec")));
static _Atomic uint64_t allocation_count;
static _Atomic uint64_t free_count;
static _Atomic uint64_t byte_count;

static inline void note_allocation(size_t size) {
    if (thread_counting) thread_allocation_count++;
    if (atomic_load_explicit(&counting, memory_order_relaxed)) {
        atomic_fetch_add_explicit(&allocation_count, 1, memory_order_relaxed);
        atomic_fetch_add_explicit(&byte_count, size, memory_order_relaxed);
    }
}

void *malloc(size_t size) { note_allocation(size); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { note_allocation(n * size); return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { note_allocation(size); return __libc_realloc(p, size); }
void *memalign(size_t alignment, size_t size) { note_allocation(size); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { note_allocation(size); return __libc_memalign(alignment, size); }
void *valloc(size_t size) { note_allocation(size); return __libc_valloc(size); }
void *pvalloc(size_t size) { note_allocation(size); return __libc_pvalloc(size); }

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    note_allocation(size);
    void *p = __libc_memalign(alignment, size);
    if (p == NULL && size != 0) return ENOMEM;
    *out = p;
    return 0;
}

void free(void *p) {
    if (p != NULL && atomic_load_explicit(&counting, memory_order_relaxed))
        atomic_fetch_add_explicit(&free_count, 1, memory_order_relaxed);
    __libc_free(p);
}

// Exposed so Swift can toggle counting around a measured region.
void CMallocInterposer_enable(int enabled) { atomic_store_explicit(&counting, enabled, memory_order_seq_cst); }
uint64_t CMallocInterposer_allocations(void) { return atomic_load_explicit(&allocation_count, memory_order_relaxed); }
uint64_t CMallocInterposer_frees(void) { return atomic_load_explicit(&free_count, memory_order_relaxed); }
uint64_t CMallocInterposer_bytes(void) { return atomic_load_explicit(&byte_count, memory_order_relaxed); }

// Exposed so Swift can count one thread's allocations around a measured region.
void CMallocInterposer_enable_thread(int enabled) { thread_counting = enabled; }
uint64_t CMallocInterposer_thread_allocations(void) { return thread_allocation_count; }
