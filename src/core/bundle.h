#pragma once
// The exchange bundle ("yardstick-bundle/1"): organisations, peer groups, assessment
// rounds with their respondents, answers and action items, and targets, together with
// every framework and questionnaire they use, each stored whole under its content hash.
// See docs/bundle-format.md.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answers.h"
#include "diagnostics.h"
#include "framework.h"
#include "limits.h"
#include "questionnaire.h"

namespace ys {

inline constexpr const char* kBundleFormat = "yardstick-bundle/1";
inline constexpr std::size_t kMaxBundleRounds = 10000;
// Action-item notes are held to the same limit as evidence (kMaxEvidenceChars).

struct BundleOrganisation {
    std::string id, name, type, region, ons_code, parent;
};

struct BundlePeerGroup {
    std::string id, name;
    std::vector<std::string> members;
};

struct BundleActionItem {
    std::string action, dimension, owner, due, status = "not-started", notes;
};

struct BundleRound {
    std::string id, organisation, period, status = "open";
    std::int64_t created = 0;
    std::string framework_hash, questionnaire_hash;
    std::vector<Respondent> respondents;  // roles and answers index into the round's questionnaire
    std::vector<BundleActionItem> action_items;
};

struct BundleTarget {
    std::string organisation, framework, dimension, by;
    int level = 0;
};

struct Bundle {
    std::int64_t created = 0;
    bool anonymised = false;
    std::map<std::string, nlohmann::json> definitions;  // "sha256:<hex>" -> whole file
    // Both keyed by hash; filled by parse_bundle, or by the caller before export.
    std::map<std::string, std::shared_ptr<const Framework>> frameworks;
    std::map<std::string, std::shared_ptr<const Questionnaire>> questionnaires;
    // Filled by parse_bundle: questionnaire hash -> hash of the framework it is bound to
    // (the newest fitting version among the definitions). A round may use an older
    // fitting version; round_questionnaire() gives the questionnaire bound to the
    // round's own framework.
    std::map<std::string, std::string> questionnaire_framework;
    std::vector<BundleOrganisation> organisations;
    std::vector<BundlePeerGroup> peer_groups;
    std::vector<BundleRound> rounds;
    std::vector<BundleTarget> targets;
};

// Reads and checks a whole bundle. All or nothing: nullopt when there is any error.
// Answers to questions whose condition does not hold are dropped with a warning.
std::optional<Bundle> parse_bundle(const nlohmann::json& doc, Diagnostics& diags);

// Writes a bundle. Anonymising (asked for, or b.anonymised already set) writes
// "anonymised": true and leaves out respondents' names and emails, evidence, and action
// items' owners and notes. The same input gives the same bytes from dump(). Definitions are
// written from b.definitions. Throws std::invalid_argument when a round with respondents
// has its questionnaire missing from b.questionnaires, or an answer or role does not fit it.
nlohmann::json bundle_to_json(const Bundle& b, bool anonymise);

// The round's questionnaire bound to the round's own framework: the shared one when that
// is the framework it is bound to, else a copy bound to the round's framework. nullptr,
// with diagnostics, when either is missing or they do not fit.
std::shared_ptr<const Questionnaire> round_questionnaire(const Bundle& b, const BundleRound& r,
                                                         Diagnostics& diags);

// Checks against the rules used by parse_bundle.
bool is_ons_code(const std::string& s);          // a capital letter and 8 digits
bool is_content_hash_text(const std::string& s);  // "sha256:" and 64 lower-case hex digits

}  // namespace ys
