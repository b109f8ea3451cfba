#pragma once
// Reading a large file builds tens of megabytes of small objects (a 27 MB answer file: 600,000
// answers). Page by page, the kernel's faults giving the process that memory were half of the
// CPU time of `yardstick-cli score`; in large pages they are a few hundred. This asks for the
// next `bytes` of the C heap to be given in large (2 MB) pages where the system can (Linux with
// glibc, transparent huge pages in "madvise" or "always" mode); elsewhere it does nothing.
// Only ever advice: nothing depends on it but speed.
#include <cstddef>

namespace ys {

void advise_large_heap(std::size_t bytes);

}  // namespace ys
