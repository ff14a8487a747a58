#ifndef CMALLOCCOUNTER_H
#define CMALLOCCOUNTER_H
#include <stdint.h>

// Counts heap allocations process-wide so benchmarks can prove "zero allocations per operation".
// Counting is off until enabled: when off, the interposed allocator adds one relaxed load.

void CMallocCounter_enable(int enabled);
uint64_t CMallocCounter_allocations(void);
uint64_t CMallocCounter_frees(void);
uint64_t CMallocCounter_bytes(void);
// Reports whether this process's malloc really resolves to the counting interposer.
int CMallocCounter_isActive(void);

#endif
