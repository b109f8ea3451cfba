// The benchmark as a plain-text table for the terminal.
#include <algorithm>
#include <ostream>

#include "benchmark.h"
#include "benchmark_parts.h"
#include "number_format.h"
#include "round_scope.h"

namespace ys {

using namespace benchmark_parts;

namespace {

std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string signed_fixed(double v, int decimals) {
    std::string s = fixed(v, decimals);
    return round_to(v, decimals) > 0 ? "+" + s : s;
}

// Ranks shared by a tie read "2=" in tables.
std::string rank_text(const BenchmarkNode& node, std::size_t i) {
    const BenchmarkPosition& p = node.positions[i];
    if (!p.rank) return "-";
    int same = 0;
    for (const BenchmarkPosition& q : node.positions)
        if (q.rank == p.rank) ++same;
    return std::to_string(*p.rank) + (same > 1 ? "=" : "");
}

}  // namespace

void write_benchmark_table(std::ostream& out, const BenchmarkResult& r, const Framework& fw) {
    const std::size_t ndims = std::min(fw.dimensions.size(), r.dimensions.size());
    const auto& rules = r.rules;
    out << "Benchmark: " << fw.title << " " << r.framework_version << " (" << r.framework_id << ")\n";
    out << count_of(static_cast<int>(r.included.size()), "organisation", "organisations") << " compared, "
        << count_of(static_cast<int>(r.excluded.size()), "round", "rounds") << " left out.\n"
        << inclusion_rules_text(rules) << "\n";
    if (r.anonymised)
        out << "Anonymised: " << (r.viewer ? "organisations other than " + r.included[*r.viewer].label : std::string("all organisations"))
            << " are shown by a letter.\n";
    for (const auto& n : r.notes) out << "Note: " << n << ".\n";
    for (const auto& o : r.included)
        if (!o.out_of_scope.empty())
            out << "Excluded from " << o.label << "'s round: " << excluded_names(fw, o.out_of_scope)
                << " (no score there, so not in those ranks and medians)\n";

    auto label_width = [&]() {
        std::size_t w = 14;
        for (const auto& o : r.included) w = std::max(w, o.label.size() + 4);  // room for " *"
        return std::min<std::size_t>(w, 40);
    }();
    std::size_t dim_width = 10;
    for (const auto& d : fw.dimensions) dim_width = std::max(dim_width, d.name.size() + 2 * d.depth + 2);
    dim_width = std::min<std::size_t>(dim_width, 44);
    auto dim_label = [&](int k) {
        return k < 0 ? std::string("Overall") : std::string(2 * fw.dimensions[k].depth, ' ') + fw.dimensions[k].name;
    };
    std::vector<int> nodes;
    for (std::size_t k = 0; k < ndims; ++k) nodes.push_back(static_cast<int>(k));
    nodes.push_back(-1);

    if (!r.included.empty()) {
        out << "\n" << pad("Organisation", label_width) << pad("Period", 10) << pad("Questionnaire", 28)
            << pad("Respondents", 13) << "Coverage\n";
        for (const auto& o : r.included)
            out << pad(o.label + (o.viewer ? " *" : ""), label_width) << pad(o.period, 10)
                << pad(o.questionnaire_id + " " + o.questionnaire_version, 28) << pad(std::to_string(o.respondents), 13)
                << fixed(o.coverage * 100, 0) << "%\n";
        // The rounds the rules keep out that would otherwise stand for their organisation.
        for (const auto& e : r.excluded) {
            if (!e.below_rules) continue;
            const auto& o = e.organisation;
            out << pad(o.label + (o.viewer ? " *" : ""), label_width) << pad(o.period, 10)
                << pad(o.questionnaire_id + " " + o.questionnaire_version, 28) << pad(std::to_string(o.respondents), 13)
                << pad(fixed(o.coverage * 100, 0) + "%", 10) << "below the rules, not compared\n";
        }

        out << "\n" << pad("Group", dim_width) << pad("n", 4) << pad("Median", 8) << pad("Q1", 7) << pad("Q3", 7)
            << pad("Min", 7) << "Max\n";
        for (int k : nodes) {
            const Spread& s = node_at(r, k).group;
            out << pad(dim_label(k), dim_width) << pad(std::to_string(s.n), 4);
            if (s.n)
                out << pad(fixed(s.median, 2), 8) << pad(fixed(s.q1, 2), 7) << pad(fixed(s.q3, 2), 7)
                    << pad(fixed(s.min, 2), 7) << fixed(s.max, 2);
            out << "\n";
        }
    }

    auto position_cells = [&](const BenchmarkNode& node, std::size_t i) {
        const BenchmarkPosition& p = node.positions[i];
        std::string s = pad(p.score ? fixed(*p.score, 2) : "-", 7);
        s += pad(p.score ? std::to_string(p.level) + " " + level_name(fw, p.level) : "-", 16);
        s += pad(rank_text(node, i) + (p.rank ? " of " + std::to_string(node.group.n) : ""), 10);
        s += pad(p.percentile ? fixed(*p.percentile, 0) : "-", 12);
        s += p.distance ? signed_fixed(*p.distance, 2) : "-";
        return s;
    };
    const std::string position_head =
        pad("Score", 7) + pad("Level", 16) + pad("Rank", 10) + pad("Percentile", 12) + "From median";

    if (r.viewer) {
        out << "\nPosition of " << r.included[*r.viewer].label << "\n"
            << pad("Dimension", dim_width) << position_head << "\n";
        for (int k : nodes) out << pad(dim_label(k), dim_width) << position_cells(node_at(r, k), *r.viewer) << "\n";
    }

    if (!r.included.empty()) {
        std::vector<int> ranking_nodes = {-1};
        for (std::size_t k = 0; k < ndims; ++k) ranking_nodes.push_back(static_cast<int>(k));
        for (int k : ranking_nodes) {
            const BenchmarkNode& node = node_at(r, k);
            std::vector<std::size_t> order(r.included.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                const auto& pa = node.positions[a];
                const auto& pb = node.positions[b];
                if (pa.rank.has_value() != pb.rank.has_value()) return pa.rank.has_value();
                return pa.rank && *pa.rank < *pb.rank;
            });
            out << "\nRanking: " << node_name(fw, k) << "\n" << pad("Organisation", label_width) << position_head << "\n";
            for (std::size_t i : order)
                out << pad(r.included[i].label + (r.included[i].viewer ? " *" : ""), label_width)
                    << position_cells(node, i) << "\n";
        }

        out << "\nCommon gaps: dimensions where at least " << plain(r.common_gap_share * 100, 2)
            << "% of the organisations are below level " << r.common_gap_level << " ("
            << level_name(fw, r.common_gap_level) << ")\n";
        if (r.common_gaps.empty()) out << "None.\n";
        for (const CommonGap& g : r.common_gaps) {
            if (static_cast<std::size_t>(g.dimension) >= ndims) continue;
            std::vector<std::string> names;
            for (int i : g.organisations) names.push_back(r.included[i].label);
            out << pad(fw.dimensions[g.dimension].name, dim_width) << g.below << " of " << g.scored << " ("
                << fixed(g.share * 100, 0) << "%): " << joined_list(names) << "\n";
        }

        std::vector<std::string> periods;
        for (const auto& t : r.trends)
            for (const auto& p : t.periods)
                if (std::find(periods.begin(), periods.end(), p) == periods.end()) periods.push_back(p);
        std::sort(periods.begin(), periods.end(), period_less);
        if (periods.size() > 1) {
            out << "\nTrend of the overall score (per dimension in the JSON and CSV output)\n"
                << pad("Organisation", label_width);
            for (const auto& p : periods) out << pad(p, 9);
            out << "Change\n";
            for (std::size_t i = 0; i < r.trends.size(); ++i) {
                const OrganisationTrend& t = r.trends[i];
                out << pad(r.included[i].label + (r.included[i].viewer ? " *" : ""), label_width);
                for (const auto& p : periods) {
                    auto it = std::find(t.periods.begin(), t.periods.end(), p);
                    const auto& s = it == t.periods.end() ? std::optional<double>()
                                                          : t.overall.scores[static_cast<std::size_t>(it - t.periods.begin())];
                    out << pad(s ? fixed(*s, 2) : "-", 9);
                }
                out << (t.overall.change ? signed_fixed(*t.overall.change, 2) + " since " + t.overall.from : "-") << "\n";
            }
        }
    }

    if (!r.excluded.empty()) {
        out << "\nLeft out\n";
        for (const auto& e : r.excluded) {
            out << e.organisation.label << ", " << e.organisation.period << ", " << e.organisation.questionnaire_id << " "
                << e.organisation.questionnaire_version << ": ";
            for (std::size_t i = 0; i < e.reasons.size(); ++i) out << (i ? "; " : "") << e.reasons[i];
            out << "\n";
        }
    }
    if (r.viewer) out << "\n* the viewer\n";
}

}  // namespace ys
