#define _GNU_SOURCE
#include "CPlatform.h"
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <string.h>

// Weak references: resolved when the executable links CMallocInterposer, null otherwise.
extern void CMallocInterposer_enable(int enabled) __attribute__((weak));
extern uint64_t CMallocInterposer_allocations(void) __attribute__((weak));
extern uint64_t CMallocInterposer_frees(void) __attribute__((weak));
extern uint64_t CMallocInterposer_bytes(void) __attribute__((weak));
extern void CMallocInterposer_enable_thread(int enabled) __attribute__((weak));
extern uint64_t CMallocInterposer_thread_allocations(void) __attribute__((weak));

// Swift cannot test a weak function for null; these wrappers do it.
int CPlatform_allocation_counter_available(void) { return CMallocInterposer_allocations != NULL; }
void CPlatform_allocation_counting(int enabled) { if (CMallocInterposer_enable) CMallocInterposer_enable(enabled); }
uint64_t CPlatform_allocations(void) { return CMallocInterposer_allocations ? CMallocInterposer_allocations() : 0; }
uint64_t CPlatform_frees(void) { return CMallocInterposer_frees ? CMallocInterposer_frees() : 0; }
uint64_t CPlatform_allocated_bytes(void) { return CMallocInterposer_bytes ? CMallocInterposer_bytes() : 0; }
void CPlatform_thread_allocation_counting(int enabled) {
    if (CMallocInterposer_enable_thread) CMallocInterposer_enable_thread(enabled);
}
uint64_t CPlatform_thread_allocations(void) {
    return CMallocInterposer_thread_allocations ? CMallocInterposer_thread_allocations() : 0;
}
// pthread_setname_np is a GNU extension; Linux keeps at most 15 bytes of the name.
int CPlatform_set_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, 15);
    truncated[15] = '\0';
    return pthread_setname_np(pthread_self(), truncated);
}

// CPU_SET is a macro and pthread_setaffinity_np a GNU extension.
int CPlatform_pin_thread(int core) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    return pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

