#ifndef CPLATFORM_H
#define CPLATFORM_H
#include <stdint.h>

// glibc facilities Swift cannot reach: GNU thread naming/affinity, and the allocation counter
// of CMallocInterposer when the executable links it.

int CPlatform_allocation_counter_available(void);
void CPlatform_allocation_counting(int enabled);
uint64_t CPlatform_allocations(void);
uint64_t CPlatform_frees(void);
uint64_t CPlatform_allocated_bytes(void);
void CPlatform_thread_allocation_counting(int enabled);
uint64_t CPlatform_thread_allocations(void);

// GNU extensions hidden from Swift's Glibc module (they need _GNU_SOURCE).
int CPlatform_set_thread_name(const char *name);
int CPlatform_pin_thread(int core);

// The CPU's timestamp counter (rdtsc), for sub-nanosecond benchmark timing; 0 where there is none.
// Inline, so reading it around a timed section costs the instruction rather than a call.
static inline uint64_t CPlatform_cycles(void) {
#if defined(__x86_64__)
    return __builtin_ia32_rdtsc();
#else
    return 0;
#endif
}

#endif
