#pragma once
// Limits on the size of what Yardstick reads, the same at every entry point (command line,
// desktop app, answer files, survey CSV, bundles). Documented in README.md ("Limits").
// Each is checked while reading, as soon as it is crossed, so a file far over a limit is
// refused in seconds and bounded memory rather than read whole first.
#include <cstddef>
#include <cstdint>
#include <string>

#include "json_read.h"

namespace ys {

// Frameworks, questionnaires, role catalogues, assumptions, templates and mapping files.
inline constexpr std::size_t kMaxDefinitionFileBytes = 64'000'000;
// Answer files, bundles and survey CSV exports: each is read whole before it is stored.
inline constexpr std::size_t kMaxExchangeFileBytes = 128'000'000;
// Respondents in one round, whichever way they arrive.
inline constexpr std::size_t kMaxRoundRespondents = 100'000;
// Rows of a long CSV file (one row per answer). It is stored round by round as it is read,
// in bounded memory, so its bytes are not limited apart: a region's five years of
// assessments (33 councils, about 2 million answers, 180 MB) is one file.
inline constexpr std::size_t kMaxLongCsvRows = 10'000'000;
// Roadmap scenarios (yardstick-roadmap-scenario/1): planned posts (a regional scheme of
// many councils lists each council's posts), team posts, non-staff cost lines, and the
// covered and share_proposals lists.
inline constexpr std::size_t kMaxScenarioPosts = 10'000;
inline constexpr std::size_t kMaxScenarioTeamPosts = 10'000;
inline constexpr std::size_t kMaxScenarioCostLines = 1'000;
inline constexpr std::size_t kMaxScenarioListItems = 1'000;

// Reading limits for a file that may hold any of Yardstick's JSON formats: the byte limit
// of its kind and the element caps of every format (questions in a questionnaire, also
// inside a bundle; respondents in an answer file or a bundle's round; answers of one
// respondent).
JsonLimits definition_json_limits();
JsonLimits exchange_json_limits();

// "" when `path` may be read, else why not (one line): no such file, a folder, or a regular file over
// `max_bytes`, known from its size before a byte is read. A pipe passes here; its readers
// stop as soon as they cross the limit.
std::string file_size_problem(const std::string& path, std::uint64_t max_bytes);

}  // namespace ys
