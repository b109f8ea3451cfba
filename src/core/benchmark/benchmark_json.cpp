// The benchmark as JSON (format yardstick-benchmark/1).
#include <algorithm>

#include "benchmark.h"
#include "benchmark_parts.h"
#include "number_format.h"

namespace ys {

using namespace benchmark_parts;

namespace {

nlohmann::json opt_json(const std::optional<double>& v, int decimals = 4) {
    return v ? nlohmann::json(round_to(*v, decimals)) : nlohmann::json(nullptr);
}

nlohmann::json org_json(const BenchmarkOrganisation& o, bool round) {
    nlohmann::json j;
    j["id"] = o.id;
    j["label"] = o.label;
    if (!o.type.empty()) j["type"] = o.type;
    if (!o.parent.empty()) j["parent"] = o.parent;
    j["viewer"] = o.viewer;
    if (round) {
        j["period"] = o.period;
        j["questionnaire"] = {{"id", o.questionnaire_id}, {"version", o.questionnaire_version}};
        j["respondents"] = o.respondents;
        j["coverage"] = round_to(o.coverage, 4);
        if (!o.out_of_scope.empty()) j["excluded"] = o.out_of_scope;  // dimension ids left out of the round
    }
    return j;
}

nlohmann::json spread_json(const Spread& s) {
    if (s.n == 0) return {{"n", 0}};
    return {{"n", s.n},
            {"median", round_to(s.median, 4)},
            {"q1", round_to(s.q1, 4)},
            {"q3", round_to(s.q3, 4)},
            {"min", round_to(s.min, 4)},
            {"max", round_to(s.max, 4)},
            {"mean", round_to(s.mean, 4)}};
}

nlohmann::json trend_json(const TrendSeries& t) {
    nlohmann::json scores = nlohmann::json::array();
    for (const auto& s : t.scores) scores.push_back(opt_json(s));
    nlohmann::json j = {{"scores", scores}, {"change", opt_json(t.change)}};
    if (t.change) {
        j["from"] = t.from;
        j["to"] = t.to;
    }
    return j;
}

}  // namespace

nlohmann::json benchmark_json(const BenchmarkResult& r, const Framework& fw) {
    const std::size_t ndims = std::min(fw.dimensions.size(), r.dimensions.size());
    nlohmann::json j;
    j["format"] = "yardstick-benchmark/1";
    j["framework"] = {{"id", r.framework_id}, {"version", r.framework_version}, {"title", fw.title}};
    j["anonymised"] = r.anonymised;
    j["viewer"] = r.viewer ? nlohmann::json(r.included[*r.viewer].id) : nlohmann::json(nullptr);
    nlohmann::json rules = {{"min_coverage", round_to(r.rules.min_coverage, 4)},
                            {"min_respondents", r.rules.min_respondents},
                            {"pick", r.rules.pick == InclusionRules::Pick::Period ? "period" : "latest"}};
    if (r.rules.pick == InclusionRules::Pick::Period) rules["period"] = r.rules.period;
    rules["defaults"] = r.rules.default_minimums();
    rules["text"] = inclusion_rules_text(r.rules);
    j["rules"] = std::move(rules);
    j["common_gap_rule"] = {{"below_level", r.common_gap_level}, {"share", round_to(r.common_gap_share, 4)}};

    nlohmann::json orgs = nlohmann::json::array();
    for (const auto& o : r.included) orgs.push_back(org_json(o, true));
    j["organisations"] = std::move(orgs);

    nlohmann::json excluded = nlohmann::json::array();
    for (const auto& e : r.excluded) {
        nlohmann::json x = org_json(e.organisation, true);
        x["framework_version"] = e.framework_version;
        x["reasons"] = e.reasons;
        x["below_rules"] = e.below_rules;
        excluded.push_back(std::move(x));
    }
    j["excluded"] = std::move(excluded);

    auto node_json = [&](int k) {
        const BenchmarkNode& node = node_at(r, k);
        nlohmann::json n;
        n["id"] = node_id(fw, k);
        n["name"] = node_name(fw, k);
        if (k >= 0)
            n["parent"] = fw.dimensions[k].parent >= 0 ? nlohmann::json(fw.dimensions[fw.dimensions[k].parent].id)
                                                       : nlohmann::json(nullptr);
        n["group"] = spread_json(node.group);
        nlohmann::json ps = nlohmann::json::array();
        for (std::size_t i = 0; i < node.positions.size(); ++i) {
            const BenchmarkPosition& p = node.positions[i];
            ps.push_back({{"organisation", r.included[i].id},
                          {"score", opt_json(p.score)},
                          {"level", p.score ? nlohmann::json(p.level) : nlohmann::json(nullptr)},
                          {"level_name", p.score ? nlohmann::json(level_name(fw, p.level)) : nlohmann::json(nullptr)},
                          {"rank", p.rank ? nlohmann::json(*p.rank) : nlohmann::json(nullptr)},
                          {"percentile", opt_json(p.percentile, 2)},
                          {"distance", opt_json(p.distance)}});
        }
        n["positions"] = std::move(ps);
        return n;
    };
    j["overall"] = node_json(-1);
    nlohmann::json dims = nlohmann::json::array();
    for (std::size_t k = 0; k < ndims; ++k)
        dims.push_back(node_json(static_cast<int>(k)));
    j["dimensions"] = std::move(dims);

    nlohmann::json gaps = nlohmann::json::array();
    for (const CommonGap& g : r.common_gaps) {
        if (static_cast<std::size_t>(g.dimension) >= ndims) continue;
        nlohmann::json below = nlohmann::json::array();
        for (int i : g.organisations) below.push_back(r.included[i].id);
        gaps.push_back({{"dimension", fw.dimensions[g.dimension].id},
                        {"name", fw.dimensions[g.dimension].name},
                        {"below", g.below},
                        {"scored", g.scored},
                        {"share", round_to(g.share, 4)},
                        {"organisations", below}});
    }
    j["common_gaps"] = std::move(gaps);

    nlohmann::json trends = nlohmann::json::array();
    for (std::size_t i = 0; i < r.trends.size(); ++i) {
        const OrganisationTrend& t = r.trends[i];
        nlohmann::json d = nlohmann::json::object();
        for (std::size_t k = 0; k < fw.dimensions.size() && k < t.dimensions.size(); ++k)
            d[fw.dimensions[k].id] = trend_json(t.dimensions[k]);
        trends.push_back({{"organisation", r.included[i].id},
                          {"periods", t.periods},
                          {"questionnaires", t.questionnaires},
                          {"overall", trend_json(t.overall)},
                          {"dimensions", std::move(d)}});
    }
    j["trends"] = std::move(trends);
    j["notes"] = r.notes;
    return j;
}

}  // namespace ys
