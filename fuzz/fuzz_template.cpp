// libFuzzer target: see ys::fuzz::report_template in fuzz_report_readers.h.
#include "fuzz_report_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ys::fuzz::report_template(data, size);
    return 0;
}
