#pragma once
// What each fuzz target does with one input (defined in fuzz_readers.cpp), shared by the
// libFuzzer targets (fuzz/fuzz_*.cpp) and by tests/core/test_fuzz_regressions.cpp, which
// feeds every saved input under tests/data/fuzz-regressions/<target>/ through the same
// function.
//
// Each function reads its input the way the application does: bytes -> parse_json_text
// (or the CSV reader) -> the document's reader, then the checks that follow reading
// (binding a questionnaire to its framework, answers to their questionnaire, a role
// catalogue to its frameworks). Nothing here catches exceptions: one escaping a reader
// is a bug, and libFuzzer reports it as a crash. A reader must say what is wrong through
// Diagnostics instead.
//
// The shipped frameworks and questionnaires (and the tiny ones in tests/data) are read
// once, from YS_FUZZ_SOURCE_DIR (the source tree), to bind against.
#include <cstddef>
#include <cstdint>

namespace ys::fuzz {

// One function per fuzz target (fuzz_<name>.cpp), each taking the target's input.
void json(const std::uint8_t* data, std::size_t size);
void framework(const std::uint8_t* data, std::size_t size);
void questionnaire(const std::uint8_t* data, std::size_t size);
void answer_files(const std::uint8_t* data, std::size_t size);
void bundle(const std::uint8_t* data, std::size_t size);
void survey_csv(const std::uint8_t* data, std::size_t size);
void survey_mapping(const std::uint8_t* data, std::size_t size);
void roles(const std::uint8_t* data, std::size_t size);
void assumptions(const std::uint8_t* data, std::size_t size);
void scenario(const std::uint8_t* data, std::size_t size);

}  // namespace ys::fuzz
