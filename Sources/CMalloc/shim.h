#ifndef REVTRACK_CMALLOC_SHIM_H
#define REVTRACK_CMALLOC_SHIM_H

#include <limits.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* A sentence-level diff of two 10 MB texts touches over 100 MB of fresh
   memory: with 4 KiB pages, 25,000 page faults and a third of the process's
   CPU time in the kernel. glibc can back its heap with transparent huge pages
   (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) but reads that only at start-up, so
   for large inputs revtrack asks for the same by hand:
   - blocks up to 32 MiB come from the heap, and freed ones stay there for the
     next phase, instead of a fresh mmap (and its page faults) per large array;
   - the heap grows by `pad` bytes at once, advised MADV_HUGEPAGE (honoured in
     the kernel's default `madvise` THP mode).
   Advice only: if the kernel declines, nothing else changes. */
static inline void revtrack_heap_for_large_texts(size_t pad) {
    const uintptr_t huge = (uintptr_t)2 << 20;
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
    mallopt(M_TOP_PAD, pad > INT_MAX ? INT_MAX : (int)pad);
    uintptr_t start = (uintptr_t)sbrk(0);
    /* Grows the heap by the pad now (volatile: the compiler may not drop the pair). */
    void *volatile probe = malloc((32 << 20) - 4096);
    free(probe);
    uintptr_t end = (uintptr_t)sbrk(0);
    uintptr_t aligned = (start + huge - 1) & ~(huge - 1);
    if (start != (uintptr_t)-1 && end > aligned) madvise((void *)aligned, end - aligned, MADV_HUGEPAGE);
}

/* The same advice for the heap of the calling thread's arena, when that is
   not the main heap: glibc's other heaps are 64 MiB mappings aligned to
   their size (HEAP_MAX_SIZE), grown in place. Once per thread and heap. */
static inline void revtrack_advise_thread_heap(void) {
    static _Thread_local uintptr_t advised = 0;
    const uintptr_t heapSize = (uintptr_t)64 << 20;
    void *volatile probe = malloc(64);
    uintptr_t address = (uintptr_t)probe;
    free(probe);
    uintptr_t brk = (uintptr_t)sbrk(0);
    if (address < brk && brk - address < ((uintptr_t)1 << 32)) return;   /* the main heap */
    uintptr_t heap = address & ~(heapSize - 1);
    if (heap == advised) return;
    advised = heap;
    madvise((void *)heap, heapSize, MADV_HUGEPAGE);
}

#endif
