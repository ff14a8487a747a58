#ifndef CMALLOCINTERPOSER_H
#define CMALLOCINTERPOSER_H
#include <stdint.h>

// Counting is off until enabled: when off, each malloc costs one extra relaxed load.
void CMallocInterposer_enable(int enabled);
uint64_t CMallocInterposer_allocations(void);
uint64_t CMallocInterposer_frees(void);
uint64_t CMallocInterposer_bytes(void);

// The calling thread's own allocations while its counting is on.
void CMallocInterposer_enable_thread(int enabled);
uint64_t CMallocInterposer_thread_allocations(void);

#endif
