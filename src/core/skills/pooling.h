#pragma once
// The regional view: several councils' anonymised skills documents (yardstick-skills/1, made
// with --anonymise) pooled into counts per skill and level and shared training cohorts.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "team_skills.h"

namespace ys::skills {

// At most this many councils' files in one comparison (a documented limit).
inline constexpr std::size_t kMaxPooledFiles = 200;

// Each document is checked (format, anonymised, one skills framework, counts that add up);
// problems are reported against the file named at the same index. nullopt on any error.
std::optional<PooledProfiles> pool_profiles(const std::vector<nlohmann::json>& docs,
                                            const std::vector<std::string>& files, Diagnostics& diags);

nlohmann::json pooled_json(const PooledProfiles& p, const std::string& today);
void write_pooled_csv(std::ostream& out, const PooledProfiles& p);
void write_pooled_table(std::ostream& out, const PooledProfiles& p);

}  // namespace ys::skills
