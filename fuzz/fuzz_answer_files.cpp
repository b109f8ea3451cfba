// libFuzzer target: see ys::fuzz::answer_files in fuzz_readers.h.
#include "fuzz_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ys::fuzz::answer_files(data, size);
    return 0;
}
