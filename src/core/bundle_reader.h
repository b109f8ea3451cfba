#pragma once
// Inside the bundle reader (bundle.h's parse_bundle): the reader's class and the helpers its
// two files share. bundle.cpp reads the head, definitions, organisations, peer groups and
// targets; bundle_rounds.cpp reads the rounds with their respondents, answers and actions.
// Not for use outside those files.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "bundle.h"
#include "catalogue.h"
#include "json_fields.h"

namespace ys::bundle_detail {

const char* const kOrgTypes[] = {"region", "london-borough", "metropolitan-district", "county",
                                 "unitary", "district", "department", "other"};
const char* const kRoundStatuses[] = {"draft", "open", "closed"};
const char* const kActionStatuses[] = {"not-started", "in-progress", "done", "dropped"};

template <std::size_t N>
bool one_of(const std::string& s, const char* const (&list)[N]) {
    for (const char* x : list)
        if (s == x) return true;
    return false;
}

template <std::size_t N>
std::string list_text(const char* const (&list)[N]) {
    std::string out;
    for (const char* x : list) out += std::string(out.empty() ? "" : ", ") + x;
    return out;
}

inline std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }
inline std::string framework_label(const Framework& fw) { return in_quotes(fw.id) + " " + fw.version; }

// Re-adds diagnostics made against a document nested at `prefix` in the bundle.
void add_prefixed(Diagnostics& into, const Diagnostics& from, const std::string& prefix);
// The framework a questionnaire binds to among `frameworks`: the newest fitting version,
// else (so that the mismatch is reported) the newest of any version; empty when none.
std::string choose_framework(const Questionnaire& q,
                             const std::map<std::string, std::shared_ptr<const Framework>>& frameworks);
// Where an action hangs, or -1.
int action_dimension(const Framework& fw, const std::string& action_id);
// A questionnaire definition parsed afresh and bound to fw; errors relative to the definition.
std::shared_ptr<const Questionnaire> bind_definition(const nlohmann::json& def, const Framework& fw,
                                                     Diagnostics& diags);

// A respondent's id, name and email as a bundle holds them (an anonymised bundle: no name,
// no email), and the id of their role, not yet looked up. Shared by the checked reader and
// the fast one (bundle_stream.cpp), so both say the same.
std::optional<std::string> read_bundle_respondent(const JsonAt& r, bool anonymised, std::set<std::string>& ids,
                                                  Respondent& out);
// The role of that id in the round's questionnaire, or an error naming the roles it has.
void set_bundle_role(const JsonAt& r, const Questionnaire& q, const std::string& role, Respondent& out);

class BundleReader {
public:
    BundleReader(const nlohmann::json& doc, Diagnostics& diags) : root_(&doc, "", diags), diags_(diags) {}

    std::optional<Bundle> read();

private:
    // The round's questionnaire bound to the round's framework, with a question index.
    struct RoundQuestionnaire {
        std::shared_ptr<const Questionnaire> q;
        std::unordered_map<std::string, int> questions;
    };

    // bundle.cpp
    std::string origin(const JsonAt& obj, const std::string& key);
    void give_v1_origin();
    std::int64_t timestamp(const JsonAt& obj, const std::string& key);
    void read_definitions();
    void same_version(const JsonAt& d, const char* kind, const std::string& id, const std::string& version);
    std::string definition_ref(const JsonAt& obj, const std::string& key, DocKind want);
    void read_organisations();
    void read_peer_groups();
    const Framework* newest_framework(const std::string& id) const;
    void read_targets();
    bool any_framework_definition(const std::string& id) const;

    // bundle_rounds.cpp
    const RoundQuestionnaire* round_questionnaire_for(const JsonAt& r, const std::string& fh, const std::string& qh);
    void read_rounds();
    void read_excluded(const JsonAt& list, const Framework* fw, BundleRound& round);
    void read_respondents(const JsonAt& list, const RoundQuestionnaire* rq, BundleRound& round);
    void read_answers(const JsonAt& answers, const RoundQuestionnaire& rq, Respondent& out);
    void read_action_items(const JsonAt& list, const Framework* fw, BundleRound& round);

    JsonAt root_;
    Diagnostics& diags_;
    bool v1_ = false;
    Bundle out_;
    std::unordered_map<std::string, std::size_t> org_index_;
    std::map<std::pair<std::string, std::string>, RoundQuestionnaire> bound_;
    std::map<std::string, std::string> versions_;  // "kind id version" -> where first defined
};

}  // namespace ys::bundle_detail
