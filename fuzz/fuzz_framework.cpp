// libFuzzer target: see ys::fuzz::framework in fuzz_readers.h.
#include "fuzz_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ys::fuzz::framework(data, size);
    return 0;
}
