#pragma once
// Benchmarking: scored rounds of many organisations (councils in a region, or departments
// within a council) compared node by node against one framework version: score, level,
// rank, percentile and distance from the group median; group quartiles; each
// organisation's trend over the periods available; gaps many of them share. Optionally
// anonymised, so that only the viewer is named.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "framework.h"
#include "scoring.h"
#include "stats.h"

namespace ys {

struct BenchmarkInput {  // one scored round
    // Empty fields fall back to the ones in `result` (organisation, period, questionnaire).
    std::string organisation_id, organisation_name, organisation_type, parent;
    std::string period;
    std::string questionnaire_id, questionnaire_version;
    std::shared_ptr<const Framework> framework;
    RoundResult result;  // from score_round
};

// Which rounds a benchmark compares. The defaults keep out of ranks and medians a round
// that is mostly unanswered (below 60% coverage: most of its dimensions would rest on a
// minority of their questions) or that is one or two people's view (under 3 respondents:
// the median of three is the smallest that is no single person's answer, and one person's
// answers cannot be read back from it). README.md, "Benchmark inclusion rules", says why.
struct InclusionRules {
    static constexpr double kDefaultMinCoverage = 0.6;
    static constexpr int kDefaultMinRespondents = 3;
    double min_coverage = kDefaultMinCoverage;  // overall coverage (0..1) a round needs
    int min_respondents = kDefaultMinRespondents;
    enum class Pick { LatestPerOrganisation, Period } pick = Pick::LatestPerOrganisation;
    std::string period;  // with Pick::Period
    // Whether the minimums are the defaults (which rounds are picked aside).
    bool default_minimums() const;
};

// The rules in plain words, one sentence, as every output that ranks or compares prints
// them: "Compared: each organisation's latest round with at least 60% of its questions
// answered and at least 3 respondents; a round below these is left out of ranks and
// medians." Minimums other than the defaults say so and name the defaults.
std::string inclusion_rules_text(const InclusionRules& rules);

struct BenchmarkRequest {
    std::vector<BenchmarkInput> rounds;
    InclusionRules rules;
    std::string viewer;      // organisation id shown by name when anonymised ("" = none)
    bool anonymise = false;  // others become "Council A", "Council B", ... ("Department A" when all are departments)
    int common_gap_level = 3;  // a dimension is a common gap when at least common_gap_share of the group is below this level
    double common_gap_share = 0.5;
};

// An organisation as the output shows it. When anonymised, every organisation but the
// viewer has its label as id and name and no type or parent: the result itself holds
// nothing that identifies them, whichever writer prints it.
struct BenchmarkOrganisation {
    std::string id;
    std::string label;  // its name, or "Council A" when anonymised
    std::string type;
    std::string parent;
    bool viewer = false;
    // The round compared (included organisations only).
    std::string period;
    std::string questionnaire_id, questionnaire_version;
    int respondents = 0;
    double coverage = 0;  // overall, 0..1
    std::vector<std::string> out_of_scope{};  // dimension ids the round left out (round_scope.h): no score there
};

struct BenchmarkExclusion {
    BenchmarkOrganisation organisation;  // with the round's period, questionnaire, respondents, coverage
    std::string framework_version;
    std::vector<std::string> reasons;  // at least one
    // The round its organisation would be compared by (its latest, or the chosen period's,
    // of the compared version) but for the coverage and respondent minimums: where an
    // output shows it beside the compared rounds, it is marked as below the rules and unranked.
    bool below_rules = false;
    std::optional<double> overall_score;  // the round's own, for an output that shows it marked
};

// One organisation's place at one node.
struct BenchmarkPosition {
    std::optional<double> score;
    int level = 0;                    // valid when score is set
    std::optional<int> rank;          // 1 = highest; ties share the better rank (1, 2, 2, 4)
    std::optional<double> percentile;  // share of the others scoring below, 0..100; none when alone
    std::optional<double> distance;    // score - group median
};

struct BenchmarkNode {
    int dimension = -1;                        // index into Framework::dimensions; -1 = overall
    std::vector<BenchmarkPosition> positions;  // parallel to BenchmarkResult::included
    Spread group;                              // over the organisations with a score here
};

struct TrendSeries {
    std::vector<std::optional<double>> scores;  // parallel to OrganisationTrend::periods
    // Last score minus first score, over the periods with a score; none with fewer than two.
    std::optional<double> change;
    std::string from, to;  // the periods `change` spans
};

struct OrganisationTrend {
    std::vector<std::string> periods;  // sorted, oldest first
    std::vector<std::string> questionnaires;  // "id version" per period
    TrendSeries overall;
    std::vector<TrendSeries> dimensions;  // parallel to Framework::dimensions
};

struct CommonGap {
    int dimension = -1;
    int below = 0;   // organisations below the level
    int scored = 0;  // organisations with a score for the dimension
    double share = 0;  // below / scored
    std::vector<int> organisations;  // indices into included, those below
};

struct BenchmarkResult {
    std::string framework_id, framework_version;
    std::shared_ptr<const Framework> framework;
    InclusionRules rules;
    bool anonymised = false;
    std::optional<int> viewer;  // index into included
    int common_gap_level = 3;
    double common_gap_share = 0.5;
    std::vector<BenchmarkOrganisation> included;  // sorted by organisation id
    std::vector<BenchmarkExclusion> excluded;     // in input order
    std::vector<BenchmarkNode> dimensions;        // parallel to Framework::dimensions
    BenchmarkNode overall;
    std::vector<OrganisationTrend> trends;        // parallel to included
    std::vector<CommonGap> common_gaps;           // largest share first
    std::vector<std::string> notes;               // e.g. the viewer has no round included
};

// Compares the rounds. Returns nullopt with `error` set when the rounds use different
// frameworks (by id), a round has no framework or does not fit it, or the request is invalid.
// Rounds of the same framework id but another version are excluded with a reason.
std::optional<BenchmarkResult> run_benchmark(const BenchmarkRequest& request, std::string& error);

void write_benchmark_table(std::ostream& out, const BenchmarkResult& result, const Framework& fw);
nlohmann::json benchmark_json(const BenchmarkResult& result, const Framework& fw);
// Long format: one row per included organisation and node (each dimension, then overall).
void write_benchmark_csv(std::ostream& out, const BenchmarkResult& result, const Framework& fw);

// "A".."Z", "AA", "AB", ... for 0, 1, ...
std::string benchmark_letters(std::size_t index);
// Orders periods such as "2024", "2025-26", "2025-Q3" with digit runs compared as numbers.
bool period_less(const std::string& a, const std::string& b);

}  // namespace ys
