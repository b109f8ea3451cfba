// libFuzzer target: see ys::fuzz::scenario in fuzz_readers.h.
#include "fuzz_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ys::fuzz::scenario(data, size);
    return 0;
}
