// The benchmark comparison: which rounds are compared, and each organisation's place, trend
// and the gaps the group shares.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "benchmark.h"
#include "benchmark_parts.h"
#include "number_format.h"

namespace ys {

using namespace benchmark_parts;

namespace {

// One input round, its identity resolved (input fields first, then the scored result).
struct Round {
    std::size_t index = 0;
    const BenchmarkInput* in = nullptr;
    std::string org, name, type, parent, period, qid, qver, fwid, fwver;
    double coverage = 0;
    int respondents = 0;
    bool scored = false;
    bool below = false;  // fails the coverage or respondent minimum, or has no score
    std::vector<std::string> reasons;  // empty while it may still be compared
};

const std::string& either(const std::string& a, const std::string& b) { return a.empty() ? b : a; }

// Percent for a message, with enough decimals that a value below a limit never reads as
// equal to it (59.6% against 60% shows as "59.6%", not "60%").
std::string percent_below(double share, double limit) {
    for (int d = 0; d < 4; ++d)
        if (round_to(share * 100, d) < limit * 100 - kTie) return fixed(share * 100, d);
    return plain(share * 100, 6);
}

// Which of two rounds of one organisation and period to compare: more respondents, then
// higher coverage, then the questionnaire id, then the input order.
bool better_round(const Round& a, const Round& b) {
    if (a.respondents != b.respondents) return a.respondents > b.respondents;
    if (std::fabs(a.coverage - b.coverage) > kTie) return a.coverage > b.coverage;
    if (a.qid != b.qid) return a.qid < b.qid;
    if (a.qver != b.qver) return period_less(b.qver, a.qver);
    return a.index < b.index;
}

// The node's score in a round: a dimension, or overall for -1.
const NodeScore& node_of(const RoundResult& r, int dim) {
    return dim < 0 ? r.overall : r.dimensions[static_cast<std::size_t>(dim)];
}

BenchmarkNode compare_node(int dim, const std::vector<const Round*>& rounds) {
    BenchmarkNode node;
    node.dimension = dim;
    std::vector<double> sample;
    for (const Round* r : rounds) {
        BenchmarkPosition p;
        const NodeScore& n = node_of(r->in->result, dim);
        p.score = n.score;
        if (n.score) {
            p.level = n.level;
            sample.push_back(*n.score);
        }
        node.positions.push_back(p);
    }
    node.group = summarise(sample);
    const int n = node.group.n;
    for (BenchmarkPosition& p : node.positions) {
        if (!p.score) continue;
        int higher = 0, lower = 0;
        for (double v : sample) {
            if (v > *p.score + kTie) ++higher;
            if (v < *p.score - kTie) ++lower;
        }
        p.rank = 1 + higher;
        if (n > 1) p.percentile = 100.0 * lower / (n - 1);
        p.distance = *p.score - node.group.median;
    }
    return node;
}

TrendSeries trend_of(int dim, const std::vector<const Round*>& by_period) {
    TrendSeries t;
    std::optional<std::size_t> first, last;
    for (std::size_t i = 0; i < by_period.size(); ++i) {
        const NodeScore& n = node_of(by_period[i]->in->result, dim);
        t.scores.push_back(n.score);
        if (n.score) {
            if (!first) first = i;
            last = i;
        }
    }
    if (first && last && *first != *last) {
        t.change = *t.scores[*last] - *t.scores[*first];
        if (std::fabs(*t.change) < kTie) t.change = 0.0;
        t.from = by_period[*first]->period;
        t.to = by_period[*last]->period;
    }
    return t;
}

}  // namespace

std::optional<BenchmarkResult> run_benchmark(const BenchmarkRequest& request, std::string& error) {
    error.clear();
    const InclusionRules& rules = request.rules;
    if (request.rounds.empty()) {
        error = "no rounds to compare";
        return std::nullopt;
    }
    if (!(rules.min_coverage >= 0 && rules.min_coverage <= 1)) {
        error = "the minimum coverage must be between 0 and 1 (0% and 100%)";
        return std::nullopt;
    }
    if (rules.min_respondents < 0) {
        error = "the minimum number of respondents cannot be negative";
        return std::nullopt;
    }
    if (rules.pick == InclusionRules::Pick::Period && rules.period.empty()) {
        error = "choose the period to compare";
        return std::nullopt;
    }
    if (!(request.common_gap_share > 0 && request.common_gap_share <= 1)) {
        error = "the share of organisations that makes a common gap must be above 0 and at most 1";
        return std::nullopt;
    }

    // Resolve each round, and check it fits its framework.
    std::vector<Round> rounds;
    rounds.reserve(request.rounds.size());
    for (std::size_t i = 0; i < request.rounds.size(); ++i) {
        const BenchmarkInput& in = request.rounds[i];
        const RoundResult& r = in.result;
        Round x;
        x.index = i;
        x.in = &in;
        x.org = either(in.organisation_id, r.organisation.id);
        x.name = either(in.organisation_name, r.organisation.name);
        x.type = either(in.organisation_type, r.organisation.type);
        x.parent = either(in.parent, r.organisation.parent);
        x.period = either(in.period, r.period);
        x.qid = either(in.questionnaire_id, r.questionnaire_id);
        x.qver = either(in.questionnaire_version, r.questionnaire_version);
        std::string where = "round " + std::to_string(i + 1) + " of the input";
        if (!in.framework) {
            error = where + " has no framework";
            return std::nullopt;
        }
        x.fwid = in.framework->id;
        x.fwver = in.framework->version;
        if ((!r.framework_id.empty() && r.framework_id != x.fwid) ||
            (!r.framework_version.empty() && r.framework_version != x.fwver) ||
            r.dimensions.size() != in.framework->dimensions.size()) {
            error = where + " was not scored against the framework given with it (" + x.fwid + " " + x.fwver + ")";
            return std::nullopt;
        }
        if (x.org.empty()) {
            error = where + " has no organisation id";
            return std::nullopt;
        }
        x.coverage = r.overall.coverage();
        x.respondents = r.respondents;
        x.scored = r.overall.score.has_value();
        rounds.push_back(std::move(x));
    }

    // One framework id only.
    {
        std::map<std::pair<std::string, std::string>, int> counts;
        std::set<std::string> ids;
        for (const Round& r : rounds) {
            ++counts[{r.fwid, r.fwver}];
            ids.insert(r.fwid);
        }
        if (ids.size() > 1) {
            std::vector<std::pair<std::pair<std::string, std::string>, int>> sorted(counts.begin(), counts.end());
            std::stable_sort(sorted.begin(), sorted.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
            std::vector<std::string> parts;
            for (const auto& [key, n] : sorted)
                parts.push_back(key.first + " " + key.second + " (" + count_of(n, "round", "rounds") + ")");
            error = "the rounds use different frameworks: " + joined_list(parts) + "; a benchmark compares one framework";
            return std::nullopt;
        }
    }

    // Rules that need no comparison between rounds: the chosen period, then quality.
    for (Round& r : rounds) {
        if (rules.pick == InclusionRules::Pick::Period && r.period != rules.period) {
            r.reasons.push_back("period " + r.period + ", not the chosen " + rules.period);
            continue;
        }
        if (r.coverage < rules.min_coverage - kTie)
            r.reasons.push_back("coverage " + percent_below(r.coverage, rules.min_coverage) + "% below the " +
                                plain(rules.min_coverage * 100, 2) + "% minimum");
        if (r.respondents < rules.min_respondents)
            r.reasons.push_back(count_of(r.respondents, "respondent", "respondents") + ", fewer than " +
                                std::to_string(rules.min_respondents));
        if (r.reasons.empty() && !r.scored) r.reasons.push_back("no overall score (nothing was answered)");
        r.below = !r.reasons.empty();
    }

    // The version compared: the one that most organisations' eligible rounds use (all rounds
    // when none is eligible); on a tie, the newer version.
    std::string version;
    {
        std::map<std::string, std::set<std::string>> orgs_by_version;
        bool any = false;
        for (const Round& r : rounds)
            if (r.reasons.empty()) {
                orgs_by_version[r.fwver].insert(r.org);
                any = true;
            }
        if (!any)
            for (const Round& r : rounds) orgs_by_version[r.fwver].insert(r.org);
        std::size_t best = 0;
        for (const auto& [v, orgs] : orgs_by_version)
            if (version.empty() || orgs.size() > best || (orgs.size() == best && period_less(version, v))) {
                version = v;
                best = orgs.size();
            }
    }
    std::shared_ptr<const Framework> framework;
    for (const Round& r : rounds)
        if (r.fwver == version) {
            framework = r.in->framework;
            break;
        }
    for (Round& r : rounds)
        if (r.reasons.empty() && r.fwver != version)
            r.reasons.push_back("another framework version (" + r.fwver + "; the benchmark compares " + version + ")");

    // The round each organisation would be compared by without the minimums: when that one
    // is below them, outputs that show it mark it rather than silently show an older round.
    std::set<const Round*> below_rules;
    {
        std::map<std::string, const Round*> would;
        for (const Round& r : rounds) {
            if (r.fwver != version) continue;
            if (rules.pick == InclusionRules::Pick::Period && r.period != rules.period) continue;
            auto it = would.find(r.org);
            if (it == would.end() || period_less(it->second->period, r.period) ||
                (it->second->period == r.period && better_round(r, *it->second)))
                would[r.org] = &r;
        }
        for (const auto& [org, r] : would)
            if (r->below) below_rules.insert(r);
    }

    // Pick one round per organisation among those left.
    std::map<std::string, std::vector<Round*>> candidates;
    for (Round& r : rounds)
        if (r.reasons.empty()) candidates[r.org].push_back(&r);
    std::vector<const Round*> picked;  // by organisation id (the map's order)
    for (auto& [org, list] : candidates) {
        std::string latest = list.front()->period;
        for (const Round* r : list)
            if (period_less(latest, r->period)) latest = r->period;
        const Round* best = nullptr;
        for (const Round* r : list)
            if (r->period == latest && (!best || better_round(*r, *best))) best = r;
        for (Round* r : list) {
            if (r == best) continue;
            if (r->period != latest)
                r->reasons.push_back("an earlier period than the latest (" + latest + ")");
            else
                r->reasons.push_back("another round of the organisation for " + latest + " is compared (questionnaire " +
                                     best->qid + " " + best->qver + ")");
        }
        picked.push_back(best);
    }

    // Labels: by sorted organisation id over every organisation in the input, so the same
    // input always gives the same labels whichever rounds are left out.
    std::map<std::string, const Round*> first_of;  // organisation id -> a round naming it
    for (const Round& r : rounds) {
        auto it = first_of.find(r.org);
        if (it == first_of.end() || (it->second->name.empty() && !r.name.empty())) first_of[r.org] = &r;
    }
    std::map<std::string, std::string> label_of;
    {
        bool departments = true;
        std::size_t others = 0;
        for (const Round& r : rounds)
            if (r.org != request.viewer) departments = departments && r.type == "department";
        for (const auto& [org, r] : first_of) {
            if (request.anonymise && org != request.viewer)
                label_of[org] = std::string(departments ? "Department " : "Council ") + benchmark_letters(others++);
            else
                label_of[org] = r->name.empty() ? org : r->name;
        }
    }
    auto shown = [&](const Round& r) {
        BenchmarkOrganisation o;
        bool hidden = request.anonymise && r.org != request.viewer;
        o.label = label_of[r.org];
        o.id = hidden ? o.label : r.org;
        if (!hidden) {
            o.type = r.type;
            o.parent = r.parent;
        }
        o.viewer = !request.viewer.empty() && r.org == request.viewer;
        o.period = r.period;
        o.questionnaire_id = r.qid;
        o.questionnaire_version = r.qver;
        o.respondents = r.respondents;
        o.coverage = r.coverage;
        if (r.in) o.out_of_scope = r.in->result.excluded;
        return o;
    };

    BenchmarkResult out;
    out.framework_id = rounds.front().fwid;
    out.framework_version = version;
    out.framework = framework;
    out.rules = rules;
    out.anonymised = request.anonymise;
    out.common_gap_level = request.common_gap_level;
    out.common_gap_share = request.common_gap_share;
    for (const Round* r : picked) {
        if (r->org == request.viewer) out.viewer = static_cast<int>(out.included.size());
        out.included.push_back(shown(*r));
    }
    for (const Round& r : rounds)
        if (!r.reasons.empty()) out.excluded.push_back({shown(r), r.fwver, r.reasons, below_rules.count(&r) > 0, r.in->result.overall.score});

    const std::size_t ndims = framework->dimensions.size();
    for (std::size_t k = 0; k < ndims; ++k) out.dimensions.push_back(compare_node(static_cast<int>(k), picked));
    out.overall = compare_node(-1, picked);

    // Trends: each included organisation's rounds of the compared version that meet the
    // coverage and respondent minimums, in every period (one round per period).
    for (const Round* p : picked) {
        std::map<std::string, const Round*> per_period;
        for (const Round& r : rounds) {
            if (r.org != p->org || r.fwver != version || !r.scored) continue;
            if (r.coverage < rules.min_coverage - kTie || r.respondents < rules.min_respondents) continue;
            auto it = per_period.find(r.period);
            if (it == per_period.end() || better_round(r, *it->second)) per_period[r.period] = &r;
        }
        per_period[p->period] = p;  // the compared round stands for its period
        std::vector<const Round*> series;
        for (const auto& [period, r] : per_period) series.push_back(r);
        std::sort(series.begin(), series.end(),
                  [](const Round* a, const Round* b) { return period_less(a->period, b->period); });
        OrganisationTrend t;
        for (const Round* r : series) {
            t.periods.push_back(r->period);
            t.questionnaires.push_back(r->qid + " " + r->qver);
        }
        t.overall = trend_of(-1, series);
        for (std::size_t k = 0; k < ndims; ++k) t.dimensions.push_back(trend_of(static_cast<int>(k), series));
        out.trends.push_back(std::move(t));
    }

    // Common gaps: dimensions where enough of the group sits below the level.
    for (std::size_t k = 0; k < ndims; ++k) {
        CommonGap g;
        g.dimension = static_cast<int>(k);
        const BenchmarkNode& node = out.dimensions[k];
        for (std::size_t i = 0; i < node.positions.size(); ++i) {
            const BenchmarkPosition& p = node.positions[i];
            if (!p.score) continue;
            ++g.scored;
            if (p.level < request.common_gap_level) {
                ++g.below;
                g.organisations.push_back(static_cast<int>(i));
            }
        }
        if (g.below == 0) continue;
        g.share = static_cast<double>(g.below) / g.scored;
        if (g.share + kTie >= request.common_gap_share) out.common_gaps.push_back(std::move(g));
    }
    std::stable_sort(out.common_gaps.begin(), out.common_gaps.end(), [](const CommonGap& a, const CommonGap& b) {
        if (std::fabs(a.share - b.share) > kTie) return a.share > b.share;
        return a.below > b.below;
    });

    if (!request.viewer.empty()) {
        if (!first_of.count(request.viewer))
            out.notes.push_back("the viewer " + request.viewer + " has no round among those given");
        else if (!out.viewer)
            out.notes.push_back("the viewer " + label_of[request.viewer] + " has no round that meets the rules");
    }
    if (out.included.empty()) out.notes.push_back("no round meets the rules; nothing is compared");
    return out;
}

}  // namespace ys
