#include "benchmark.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "number_format.h"
#include "round_scope.h"
#include "score_output.h"

namespace ys {
namespace {

// Scores closer than this are equal for ranks, percentiles and changes (a mean of thirds
// can differ from the same mean computed in another order in the last bit).
constexpr double kTie = 1e-9;

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

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

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

std::string joined_list(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) s += i + 1 == items.size() ? " and " : ", ";
        s += items[i];
    }
    return s;
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

std::string benchmark_letters(std::size_t index) {
    std::string s;
    ++index;
    while (index > 0) {
        --index;
        s.insert(s.begin(), static_cast<char>('A' + index % 26));
        index /= 26;
    }
    return s;
}

bool period_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && a[i2] == '0') ++i2;
            while (j2 < b.size() && b[j2] == '0') ++j2;
            std::size_t ie = i2, je = j2;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            if (ie - i2 != je - j2) return ie - i2 < je - j2;
            int c = a.compare(i2, ie - i2, b, j2, je - j2);
            if (c != 0) return c < 0;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
    return a < b;  // equal by the natural order ("01" and "1"): fall back to plain order
}

bool InclusionRules::default_minimums() const {
    return std::fabs(min_coverage - kDefaultMinCoverage) < kTie && min_respondents == kDefaultMinRespondents;
}

std::string inclusion_rules_text(const InclusionRules& rules) {
    std::string text = "Compared: ";
    text += rules.pick == InclusionRules::Pick::Period ? "each organisation's round for " + rules.period
                                                       : std::string("each organisation's latest round");
    std::vector<std::string> minimums;
    if (rules.min_coverage > kTie) minimums.push_back("at least " + plain(rules.min_coverage * 100, 2) + "% of its questions answered");
    // Every scored round has a respondent: a minimum of 1 (or 0) asks for nothing.
    if (rules.min_respondents > 1) minimums.push_back("at least " + count_of(rules.min_respondents, "respondent", "respondents"));
    if (minimums.empty()) {
        text += ", with no minimum coverage or number of respondents";
    } else {
        text += " with " + joined_list(minimums) + "; a round below " + (minimums.size() > 1 ? "these" : "this") +
                " is left out of ranks and medians";
    }
    if (!rules.default_minimums())
        text += ". The defaults are " + plain(InclusionRules::kDefaultMinCoverage * 100, 2) + "% coverage and " +
                count_of(InclusionRules::kDefaultMinRespondents, "respondent", "respondents");
    return text + ".";
}

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

// ---------------------------------------------------------------------------------------
// Writers

namespace {

std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string level_name(const Framework& fw, int level) {
    const Level* l = fw.level(level);
    return l ? l->name : std::to_string(level);
}

std::string node_id(const Framework& fw, int dim) { return dim < 0 ? "overall" : fw.dimensions[dim].id; }
std::string node_name(const Framework& fw, int dim) { return dim < 0 ? "Overall" : fw.dimensions[dim].name; }

std::string signed_fixed(double v, int decimals) {
    std::string s = fixed(v, decimals);
    return round_to(v, decimals) > 0 ? "+" + s : s;
}

nlohmann::json opt_json(const std::optional<double>& v, int decimals = 4) {
    return v ? nlohmann::json(round_to(*v, decimals)) : nlohmann::json(nullptr);
}

std::string opt_csv(const std::optional<double>& v, int decimals = 4) { return v ? plain(*v, decimals) : ""; }

// Ranks shared by a tie read "2=" in tables.
std::string rank_text(const BenchmarkNode& node, std::size_t i) {
    const BenchmarkPosition& p = node.positions[i];
    if (!p.rank) return "-";
    int same = 0;
    for (const BenchmarkPosition& q : node.positions)
        if (q.rank == p.rank) ++same;
    return std::to_string(*p.rank) + (same > 1 ? "=" : "");
}

const BenchmarkNode& node_at(const BenchmarkResult& r, int dim) {
    return dim < 0 ? r.overall : r.dimensions[static_cast<std::size_t>(dim)];
}

const TrendSeries& trend_at(const OrganisationTrend& t, int dim) {
    return dim < 0 ? t.overall : t.dimensions[static_cast<std::size_t>(dim)];
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
