// libFuzzer target: see ys::fuzz::survey_mapping in fuzz_readers.h.
#include "fuzz_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ys::fuzz::survey_mapping(data, size);
    return 0;
}
