#pragma once
// The exchange bundle ("yardstick-bundle/2"): organisations, peer groups, assessment
// rounds with their respondents, answers and action items, and targets, together with
// every framework and questionnaire they use, each stored whole under its content hash.
// Version 2 adds origins: the id of the database that wrote the bundle, and of the one
// that made each organisation and round. Version 1 bundles are still read.
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
#include "input_limits.h"
#include "questionnaire.h"

namespace ys {

inline constexpr const char* kBundleFormat = "yardstick-bundle/2";  // always written
inline constexpr const char* kBundleFormatV1 = "yardstick-bundle/1";  // still read
inline constexpr std::size_t kMaxBundleRounds = 10000;
// Text fields are held to the limits in text/field_limits.h, as everywhere else.

struct BundleOrganisation {
    std::string id, name, type, region, ons_code, parent;
    std::string origin;     // the database that made it (an origin id, is_origin_id)
    std::string origin_id;  // its id in that database when it differs from id, else empty
    // The id it has in its origin: what, with origin, says which organisation it is.
    const std::string& id_at_origin() const { return origin_id.empty() ? id : origin_id; }
};

struct BundlePeerGroup {
    std::string id, name;
    std::vector<std::string> members;
};

struct BundleActionItem {
    std::string action, dimension, owner, due, status = "not-started", notes;
    std::string title;  // only for the council's own actions ("own-N"), whose dimension may be empty
};

struct BundleRound {
    std::string id, organisation, period, status = "open";
    std::string origin;  // the database that made it
    std::int64_t created = 0;
    std::string framework_hash, questionnaire_hash;
    std::vector<Respondent> respondents;  // roles and answers index into the round's questionnaire
    std::vector<BundleActionItem> action_items;
    std::vector<std::string> excluded{};  // dimension ids out of the round's scope ("excluded", optional)
};

struct BundleTarget {
    std::string organisation, framework, dimension, by;
    double level = 0;  // may be fractional (2.5)
};

struct Bundle {
    std::int64_t created = 0;
    bool anonymised = false;
    // The database that wrote the bundle. A version 1 bundle does not say: parse_bundle gives
    // it one derived from the file (v1_origin), and origin_known is false.
    std::string origin;
    bool origin_known = true;
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
bool is_origin_id(const std::string& s);          // 32 lower-case hex digits (128 bits)

}  // namespace ys
