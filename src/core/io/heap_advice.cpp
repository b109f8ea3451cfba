#include "heap_advice.h"

#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#define YS_HEAP_ADVICE 1
#endif

namespace ys {

void advise_large_heap(std::size_t bytes) {
#if defined(YS_HEAP_ADVICE) && defined(MADV_HUGEPAGE)
    constexpr std::size_t kLarge = std::size_t{2} << 20;
    if (bytes < 4 * kLarge) return;
    // One block from the heap itself (not a mapping of its own, nor given back when freed),
    // advised and freed: the small objects made next are carved from it.
    static std::size_t advised = 0;
    if (advised >= bytes) return;
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(bytes + kLarge) > 0 ? static_cast<int>(bytes + kLarge) : INT32_MAX);
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(bytes + kLarge) > 0 ? static_cast<int>(bytes + kLarge) : INT32_MAX);
    void* block = std::malloc(bytes);
    if (!block) return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(block) + kLarge - 1) & ~(kLarge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(kLarge - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    std::free(block);
    advised = bytes;
#else
    (void)bytes;
#endif
}

}  // namespace ys
