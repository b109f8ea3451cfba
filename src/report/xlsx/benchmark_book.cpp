#include "benchmark_book.h"

#include <algorithm>

#include "number_format.h"

namespace ys::xlsx {
namespace {

Cell score_cell(const std::optional<double>& v) { return v ? number(*v, Format::score) : blank(); }

// Dimensions in framework order, then overall (-1).
std::vector<int> nodes_of(const BenchmarkResult& r, const Framework& fw) {
    std::vector<int> nodes;
    for (std::size_t k = 0; k < fw.dimensions.size() && k < r.dimensions.size(); ++k) nodes.push_back(static_cast<int>(k));
    nodes.push_back(-1);
    return nodes;
}
const BenchmarkNode& node_at(const BenchmarkResult& r, int k) { return k < 0 ? r.overall : r.dimensions[k]; }
const TrendSeries& trend_at(const OrganisationTrend& t, int k) { return k < 0 ? t.overall : t.dimensions[k]; }
std::string node_name(const Framework& fw, int k) { return k < 0 ? "Overall" : fw.dimensions[k].name; }
std::string node_id(const Framework& fw, int k) { return k < 0 ? "overall" : fw.dimensions[k].id; }

Sheet scores_sheet(const BenchmarkResult& r, const Framework& fw) {
    Sheet s;
    s.name = "Scores";
    s.columns = {{"Organisation"}, {"Viewer"}, {"Period"}, {"Respondents"}, {"Coverage"}};
    const auto nodes = nodes_of(r, fw);
    for (int k : nodes) s.columns.push_back({node_name(fw, k)});
    for (std::size_t i = 0; i < r.included.size(); ++i) {
        const BenchmarkOrganisation& o = r.included[i];
        std::vector<Cell> row = {text(o.label), text(o.viewer ? "Yes" : ""), text(o.period),
                                 number(o.respondents, Format::integer), number(o.coverage, Format::percent)};
        for (int k : nodes) row.push_back(score_cell(node_at(r, k).positions[i].score));
        s.rows.push_back(std::move(row));
    }
    return s;
}

Sheet positions_sheet(const BenchmarkResult& r, const Framework& fw) {
    Sheet s;
    s.name = "Positions";
    s.columns = {{"Organisation"}, {"Dimension id"}, {"Dimension"}, {"Score"},     {"Level"},
                 {"Rank"},         {"Percentile"},   {"Distance from median"},     {"Change"}, {"Change since"}};
    for (std::size_t i = 0; i < r.included.size(); ++i)
        for (int k : nodes_of(r, fw)) {
            const BenchmarkPosition& p = node_at(r, k).positions[i];
            const TrendSeries* t = i < r.trends.size() ? &trend_at(r.trends[i], k) : nullptr;
            s.rows.push_back({text(r.included[i].label), text(node_id(fw, k)), text(node_name(fw, k)), score_cell(p.score),
                              p.score ? number(p.level, Format::integer) : blank(),
                              p.rank ? number(*p.rank, Format::integer) : blank(),
                              p.percentile ? number(*p.percentile, Format::score) : blank(), score_cell(p.distance),
                              t ? score_cell(t->change) : blank(), text(t && t->change ? t->from : "")});
        }
    return s;
}

Sheet quartiles_sheet(const BenchmarkResult& r, const Framework& fw) {
    Sheet s;
    s.name = "Quartiles";
    s.columns = {{"Dimension id"}, {"Dimension"}, {"Organisations"}, {"Lowest"}, {"Lower quartile"},
                 {"Median"},       {"Upper quartile"}, {"Highest"},  {"Mean"}};
    for (int k : nodes_of(r, fw)) {
        const Spread& g = node_at(r, k).group;
        auto v = [&](double x) { return g.n ? number(x, Format::score) : blank(); };
        s.rows.push_back({text(node_id(fw, k)), text(node_name(fw, k)), number(g.n, Format::integer), v(g.min), v(g.q1),
                          v(g.median), v(g.q3), v(g.max), v(g.mean)});
    }
    return s;
}

// One row per organisation and node; one column per period any organisation has.
Sheet trends_sheet(const BenchmarkResult& r, const Framework& fw) {
    Sheet s;
    s.name = "Trends";
    std::vector<std::string> periods;
    for (const auto& t : r.trends)
        for (const auto& p : t.periods)
            if (std::find(periods.begin(), periods.end(), p) == periods.end()) periods.push_back(p);
    std::sort(periods.begin(), periods.end(), period_less);
    s.columns = {{"Organisation"}, {"Dimension"}, {"From"}, {"To"}, {"Change"}};
    for (const auto& p : periods) s.columns.push_back({p});
    for (std::size_t i = 0; i < r.included.size() && i < r.trends.size(); ++i)
        for (int k : nodes_of(r, fw)) {
            const TrendSeries& t = trend_at(r.trends[i], k);
            std::vector<Cell> row = {text(r.included[i].label), text(node_name(fw, k)), text(t.change ? t.from : ""),
                                     text(t.change ? t.to : ""), score_cell(t.change)};
            for (const auto& p : periods) {
                const auto& ps = r.trends[i].periods;
                auto at = std::find(ps.begin(), ps.end(), p);
                const auto idx = static_cast<std::size_t>(at - ps.begin());
                row.push_back(at != ps.end() && idx < t.scores.size() ? score_cell(t.scores[idx]) : blank());
            }
            s.rows.push_back(std::move(row));
        }
    return s;
}

Sheet gaps_sheet(const BenchmarkResult& r, const Framework& fw) {
    Sheet s;
    s.name = "Common gaps";
    s.columns = {{"Dimension"}, {"Below level " + std::to_string(r.common_gap_level)}, {"Scored"}, {"Share below"}, {"Organisations below", 60}};
    for (const auto& g : r.common_gaps) {
        std::string who;
        for (int i : g.organisations) who += (who.empty() ? "" : "; ") + r.included[static_cast<std::size_t>(i)].label;
        s.rows.push_back({text(node_name(fw, g.dimension)), number(g.below, Format::integer), number(g.scored, Format::integer),
                          number(g.share, Format::percent), text(who)});
    }
    return s;
}

Sheet excluded_sheet(const BenchmarkResult& r) {
    Sheet s;
    s.name = "Left out";
    s.columns = {{"Organisation"}, {"Period"},           {"Framework version"}, {"Respondents"},
                 {"Coverage"},     {"Why", 70},          {"Below the rules"}};
    for (const auto& x : r.excluded) {
        std::string why;
        for (const auto& reason : x.reasons) why += (why.empty() ? "" : "; ") + reason;
        s.rows.push_back({text(x.organisation.label), text(x.organisation.period), text(x.framework_version),
                          number(x.organisation.respondents, Format::integer), number(x.organisation.coverage, Format::percent),
                          text(why), text(x.below_rules ? "yes" : "no")});
    }
    return s;
}

}  // namespace

Book benchmark_book(const BenchmarkBookInput& in) {
    const BenchmarkResult& r = *in.result;
    const Framework& fw = *in.framework;
    About about = in.about;
    about.what = "Benchmark";
    std::string viewer = r.viewer ? r.included[static_cast<std::size_t>(*r.viewer)].label : "none";
    about.rows.insert(about.rows.begin(),
                      {{"Compared", in.group},
                       {"Framework", fw.title + " (" + r.framework_id + " version " + r.framework_version + ")"},
                       {"Rounds", r.rules.pick == InclusionRules::Pick::Period ? "period " + r.rules.period
                                                                               : "each organisation's latest"},
                       {"Organisations included", std::to_string(r.included.size())},
                       {"Inclusion rules", inclusion_rules_text(r.rules)},
                       {"Minimum coverage", plain(r.rules.min_coverage * 100, 2) + "% of questions answered"},
                       {"Minimum respondents", std::to_string(r.rules.min_respondents)},
                       {"Rounds left out", std::to_string(r.excluded.size())},
                       {"Viewer", viewer}});
    for (const auto& n : r.notes) about.rows.push_back({"Note", n});
    about.anonymised = r.anonymised;
    Book b;
    b.title = "Benchmark: " + in.group;
    b.subject = "Yardstick benchmark";
    b.sheets = {about_sheet(about), scores_sheet(r, fw), positions_sheet(r, fw), quartiles_sheet(r, fw), trends_sheet(r, fw),
                gaps_sheet(r, fw)};
    if (!r.excluded.empty()) b.sheets.push_back(excluded_sheet(r));
    return b;
}

}  // namespace ys::xlsx
