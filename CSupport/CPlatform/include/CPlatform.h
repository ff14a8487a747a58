#ifndef CPLATFORM_H
#define CPLATFORM_H
#include <stdint.h>

// glibc facilities Swift cannot reach: malloc interposition and GNU thread naming/affinity.

// Counts heap allocations process-wide so benchmarks can prove "zero allocations per operation".
// Counting is off until enabled: when off, the interposed allocator adds one relaxed load.

void CPlatform_enable(int enabled);
uint64_t CPlatform_allocations(void);
uint64_t CPlatform_frees(void);
uint64_t CPlatform_bytes(void);
// Reports whether this process's malloc really resolves to the counting interposer.
int CPlatform_isActive(void);

// GNU extensions hidden from Swift's Glibc module (they need _GNU_SOURCE).
int CPlatform_set_thread_name(const char *name);
int CPlatform_pin_thread(int core);

#endif
