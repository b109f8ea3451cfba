#include "round_summaries.h"

#include <ctime>

#include <nlohmann/json.hpp>

#include "json_read.h"
#include "round_scope.h"

namespace ys::store {
namespace {

// [score or null, level, answered, dont_know, not_applicable, unanswered]
nlohmann::json node_json(const NodeScore& n) {
    return nlohmann::json::array({n.score ? nlohmann::json(*n.score) : nlohmann::json(), n.level, n.answered,
                                  n.dont_know, n.not_applicable, n.unanswered});
}

bool node_from(const nlohmann::json& j, NodeScore& n) {
    if (!j.is_array() || j.size() != 6) return false;
    for (std::size_t i = 1; i < 6; ++i)
        if (!j[i].is_number_integer()) return false;
    if (j[0].is_number()) n.score = j[0].get<double>();
    else if (!j[0].is_null()) return false;
    n.level = j[1].get<int>();
    n.answered = j[2].get<int>();
    n.dont_know = j[3].get<int>();
    n.not_applicable = j[4].get<int>();
    n.unanswered = j[5].get<int>();
    return true;
}

}  // namespace

std::optional<RoundResult> load_round_summary(Connection& c, const std::string& round, const Framework& fw) {
    Statement s = c.prepare("SELECT engine, content FROM round_summary WHERE round_id = ?");
    s.bind(1, round);
    if (!s.step() || s.integer(0) != kSummaryEngine) return std::nullopt;
    Diagnostics d("round summary");
    auto doc = parse_json_text(s.text(1), d);
    // A summary that does not read is only a cache miss: the answers are the record.
    if (!doc || !doc->is_object()) return std::nullopt;
    const nlohmann::json& j = *doc;
    RoundResult r;
    auto text = [&](const char* key, std::string& out) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    if (!text("framework_id", r.framework_id) || !text("framework_version", r.framework_version) ||
        !text("questionnaire_id", r.questionnaire_id) || !text("questionnaire_version", r.questionnaire_version))
        return std::nullopt;
    if (r.framework_id != fw.id || r.framework_version != fw.version) return std::nullopt;
    auto resp = j.find("respondents");
    auto overall = j.find("overall");
    auto dims = j.find("dimensions");
    if (resp == j.end() || !resp->is_number_integer() || overall == j.end() || dims == j.end() || !dims->is_array() ||
        dims->size() != fw.dimensions.size())
        return std::nullopt;
    r.respondents = resp->get<int>();
    if (!node_from(*overall, r.overall)) return std::nullopt;
    r.dimensions.resize(fw.dimensions.size());
    for (std::size_t i = 0; i < r.dimensions.size(); ++i)
        if (!node_from((*dims)[i], r.dimensions[i])) return std::nullopt;
    // The round's scope when it was scored (schema v6; absent: nothing excluded).
    if (auto ex = j.find("excluded"); ex != j.end()) {
        if (!ex->is_array()) return std::nullopt;
        for (const auto& id : *ex) {
            if (!id.is_string()) return std::nullopt;
            r.excluded.push_back(id.get<std::string>());
        }
        r.out_of_scope = out_of_scope_mask(fw, r.excluded);
    }
    return r;
}

bool save_round_summary(Connection& c, const std::string& round, const RoundResult& r) {
    nlohmann::json j = {{"framework_id", r.framework_id},
                        {"framework_version", r.framework_version},
                        {"questionnaire_id", r.questionnaire_id},
                        {"questionnaire_version", r.questionnaire_version},
                        {"respondents", r.respondents},
                        {"overall", node_json(r.overall)}};
    nlohmann::json dims = nlohmann::json::array();
    for (const NodeScore& n : r.dimensions) dims.push_back(node_json(n));
    j["dimensions"] = std::move(dims);
    if (!r.excluded.empty()) j["excluded"] = r.excluded;
    try {
        Statement s = c.prepare(
            "INSERT INTO round_summary (round_id, engine, content, made_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (round_id) DO UPDATE SET engine = excluded.engine, content = excluded.content, "
            "made_at = excluded.made_at");
        s.bind(1, round).bind(2, static_cast<std::int64_t>(kSummaryEngine)).bind(3, j.dump());
        s.bind(4, static_cast<std::int64_t>(std::time(nullptr)));
        s.run();
        return true;
    } catch (const StoreError&) {
        return false;
    }
}

void clear_round_summary(Connection& c, const std::string& round) {
    Statement s = c.prepare("DELETE FROM round_summary WHERE round_id = ?");
    s.bind(1, round);
    s.run();
}

}  // namespace ys::store
