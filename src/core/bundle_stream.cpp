#include "bundle_stream.h"

#include <string>
#include <utility>
#include <vector>

#include "answers_stream.h"
#include "bundle_reader.h"
#include "respondent_tags.h"
#include "input_limits.h"
#include "json_scan.h"

namespace ys {
namespace {

using namespace bundle_detail;

// Parses a value the scanner has just checked; its text is valid JSON.
nlohmann::json parsed(const char* begin, const char* end) { return nlohmann::json::parse(begin, end); }

// The bundle with every round's respondents left out (an empty list), and where each list is
// in the text. False when the text is not plainly valid JSON or keys repeat.
bool slim_bundle(std::string_view text, const JsonLimits& limits, nlohmann::json& slim,
                 std::vector<std::pair<std::size_t, std::string_view>>& lists) {
    JsonScan s(text.data(), text.data() + text.size(), limits);
    std::string key;
    std::string_view view;
    slim = nlohmann::json::object();
    if (!s.eat('{') || s.eat('}')) return false;
    do {
        if (!s.string(key, view) || !s.eat(':')) return false;
        std::string name(view);
        // An answer file (its respondents at the top) is left at once, to the reader of its kind.
        if (slim.contains(name) || name == "respondents") return false;
        s.peek();
        const char* begin = s.position();
        if (name != "rounds" || s.peek() != '[') {
            if (!s.skip_value(1)) return false;
            slim[name] = parsed(begin, s.position());
            if (name == "format" && !(slim[name].is_string() && slim[name].get<std::string>().rfind("yardstick-bundle/", 0) == 0))
                return false;
            continue;
        }
        nlohmann::json& rounds = slim[name] = nlohmann::json::array();
        s.eat('[');
        if (s.eat(']')) continue;
        do {
            if (!s.eat('{')) return false;  // not a round: the checked reader says so
            nlohmann::json round = nlohmann::json::object();
            if (!s.eat('}')) {
                do {
                    if (!s.string(key, view) || !s.eat(':')) return false;
                    std::string field(view);
                    if (round.contains(field)) return false;
                    s.peek();
                    const char* at = s.position();
                    if (!s.skip_value(3)) return false;
                    if (field == "respondents") {
                        lists.emplace_back(rounds.size(), std::string_view(at, static_cast<std::size_t>(s.position() - at)));
                        round[field] = nlohmann::json::array();
                    } else {
                        round[field] = parsed(at, s.position());
                    }
                } while (s.eat(','));
                if (!s.eat('}')) return false;
            }
            rounds.push_back(std::move(round));
        } while (s.eat(','));
        if (!s.eat(']')) return false;
    } while (s.eat(','));
    return s.eat('}') && s.at_end();
}

std::optional<Bundle> read(std::string_view text, const JsonLimits& limits, Diagnostics& diags) {
    nlohmann::json slim;
    std::vector<std::pair<std::size_t, std::string_view>> lists;
    if (!slim_bundle(text, limits, slim, lists)) return std::nullopt;
    auto format = slim.find("format");
    if (format == slim.end() || !format->is_string() || format->get<std::string>().rfind("yardstick-bundle/", 0) != 0)
        return std::nullopt;
    // Any message at all, even a warning, and the checked reader gives them all in its order.
    Diagnostics head(diags.file());
    auto b = parse_bundle(slim, head);
    if (!b || !head.items().empty()) return std::nullopt;
    // The checked reader counts a questionnaire's questions as it parses (a limit); here they
    // are counted once parsed.
    for (const auto& [hash, q] : b->questionnaires)
        if (q->questions.size() > kMaxQuestions) return std::nullopt;
    Diagnostics local(diags.file());
    for (const auto& [index, list] : lists) {
        BundleRound& round = b->rounds[index];
        Diagnostics ignored(diags.file());
        auto q = round_questionnaire(*b, round, ignored);
        if (!q || ignored.error_count() != 0) return std::nullopt;
        const bool anonymised = b->anonymised;
        const RespondentFieldsCheck check = [&](const JsonAt& r, std::set<std::string>& ids, Respondent& out) {
            if (auto role = read_bundle_respondent(r, anonymised, ids, out)) set_bundle_role(r, *q, *role, out);
            read_respondent_tags(r, *q, out);
        };
        auto respondents = read_respondents_streamed(list, *q, limits, "/rounds/" + std::to_string(index) + "/respondents",
                                                     kMaxRoundRespondents, check, local);
        if (!respondents) return std::nullopt;
        round.respondents = std::move(*respondents);
    }
    diags.append(local);
    return b;
}

}  // namespace

std::optional<Bundle> read_bundle_streamed(std::string_view text, const JsonLimits& limits, Diagnostics& diags) {
    try {
        return read(text, limits, diags);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // cannot happen on scanned text; the checked reader would say why
    }
}

}  // namespace ys
