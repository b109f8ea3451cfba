// The benchmark as long-format CSV: a row per organisation and node, and one per round left out.
#include <algorithm>
#include <ostream>

#include "benchmark.h"
#include "benchmark_parts.h"
#include "number_format.h"
#include "score_output.h"

namespace ys {

using namespace benchmark_parts;

namespace {

std::string opt_csv(const std::optional<double>& v, int decimals = 4) { return v ? plain(*v, decimals) : ""; }

}  // namespace

void write_benchmark_csv(std::ostream& out, const BenchmarkResult& r, const Framework& fw) {
    const std::size_t ndims = std::min(fw.dimensions.size(), r.dimensions.size());
    out << "organisation,label,viewer,period,questionnaire,questionnaire_version,dimension,parent,score,level,"
           "level_name,rank,percentile,distance,group_n,group_median,group_q1,group_q3,change,change_from,"
           "included,reasons,min_coverage,min_respondents\r\n";
    // The rules on every row, so a row read alone (a filter, a pivot) still says what was compared.
    const std::string rules = plain(r.rules.min_coverage, 4) + "," + std::to_string(r.rules.min_respondents);
    std::vector<int> nodes;
    for (std::size_t k = 0; k < ndims; ++k) nodes.push_back(static_cast<int>(k));
    nodes.push_back(-1);
    for (std::size_t i = 0; i < r.included.size(); ++i) {
        const BenchmarkOrganisation& o = r.included[i];
        for (int k : nodes) {
            const BenchmarkNode& node = node_at(r, k);
            const BenchmarkPosition& p = node.positions[i];
            const Spread& g = node.group;
            auto group = [&](double v) { return g.n ? plain(v) : std::string(); };
            std::string parent = k >= 0 && fw.dimensions[k].parent >= 0 ? fw.dimensions[fw.dimensions[k].parent].id : "";
            const TrendSeries* t = i < r.trends.size() ? &trend_at(r.trends[i], k) : nullptr;
            out << csv_field(o.id) << "," << csv_field(o.label) << "," << (o.viewer ? "yes" : "no") << ","
                << csv_field(o.period) << "," << csv_field(o.questionnaire_id) << ","
                << csv_field(o.questionnaire_version) << "," << csv_field(node_id(fw, k)) << "," << csv_field(parent)
                << "," << opt_csv(p.score) << "," << (p.score ? std::to_string(p.level) : "") << ","
                << csv_field(p.score ? level_name(fw, p.level) : "") << "," << (p.rank ? std::to_string(*p.rank) : "")
                << "," << opt_csv(p.percentile, 2) << "," << opt_csv(p.distance) << "," << g.n << ","
                << group(g.median) << "," << group(g.q1) << "," << group(g.q3) << ","
                << (t ? opt_csv(t->change) : "") << "," << csv_field(t && t->change ? t->from : "") << ",yes,,"
                << rules << "\r\n";
        }
    }
    // Each round left out: one row, no figures, the reasons why.
    for (const auto& e : r.excluded) {
        const BenchmarkOrganisation& o = e.organisation;
        std::string why;
        for (const auto& reason : e.reasons) why += (why.empty() ? "" : "; ") + reason;
        out << csv_field(o.id) << "," << csv_field(o.label) << "," << (o.viewer ? "yes" : "no") << "," << csv_field(o.period)
            << "," << csv_field(o.questionnaire_id) << "," << csv_field(o.questionnaire_version) << ",overall,,,,,,,,,,,,,,no,"
            << csv_field(why) << "," << rules << "\r\n";
    }
}

}  // namespace ys
