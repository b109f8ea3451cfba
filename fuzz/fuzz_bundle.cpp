// libFuzzer target: see ys::fuzz::bundle in fuzz_readers.h.
#include "fuzz_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ys::fuzz::bundle(data, size);
    return 0;
}
