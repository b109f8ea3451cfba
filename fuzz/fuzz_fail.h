#pragma once
// How a fuzz target's oracle reports a broken promise, shared by fuzz_readers.cpp and
// fuzz_report_readers.h.
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace ys::fuzz {

// A broken oracle: print why and abort, which libFuzzer reports as a crash. The
// regression tests define YS_FUZZ_ORACLE_THROWS to have it thrown instead, so that Catch2
// reports it against the input.
[[noreturn]] inline void fail(const char* what) {
#ifdef YS_FUZZ_ORACLE_THROWS
    throw std::logic_error(std::string("fuzz oracle failed: ") + what);
#else
    std::fprintf(stderr, "fuzz oracle failed: %s\n", what);
    std::abort();
#endif
}

}  // namespace ys::fuzz
