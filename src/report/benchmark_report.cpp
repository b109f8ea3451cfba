#include "benchmark_report.h"

#include <algorithm>
#include <map>

#include "number_format.h"
#include "round_scope.h"
#include "stats.h"
#include "targets.h"  // is_iso_date
#include "text_format.h"

namespace ys::report {
namespace {

// Above this many organisations a trend chart shows the viewer against the group's median.
constexpr std::size_t kMaxTrendLines = 8;

std::string opt_score(const std::optional<double>& s) { return s ? score_text(*s) : "-"; }

class BenchmarkBuilder {
public:
    BenchmarkBuilder(const BenchmarkReportInput& in, const ReportTemplate& tpl)
        : in_(in), r_(*in.result), fw_(*in.result->framework),
          w_(tpl, placeholders(in), subtitle(in), in.created) {}

    Document build() {
        for (const auto& s : w_.tpl().sections) {
            w_.start_section(s);
            if (s.id == "cover") cover();
            else if (s.id == "heatmap") heatmap();
            else if (s.id == "ranges") ranges();
            else if (s.id == "trends") trends();
            else if (s.id == "common-gaps") common_gaps();
            else if (s.id == "method") method();
        }
        return w_.take();
    }

private:
    static std::string viewer_label(const BenchmarkResult& r) {
        return r.viewer ? r.included[*r.viewer].label : std::string();
    }
    static std::string period_text(const BenchmarkResult& r) {
        return r.rules.pick == InclusionRules::Pick::Period ? "each organisation's round for " + r.rules.period
                                                            : "each organisation's latest round";
    }
    static std::string subtitle(const BenchmarkReportInput& in) {
        std::string v = viewer_label(*in.result);
        return v.empty() ? in.group : v;
    }
    static std::map<std::string, std::string> placeholders(const BenchmarkReportInput& in) {
        const BenchmarkResult& r = *in.result;
        return {{"organisation", subtitle(in)},
                {"period", period_text(r)},
                {"date", long_date(in.report_date)},
                {"framework", r.framework->title},
                {"framework_version", r.framework_version},
                {"group", in.group},
                {"count", std::to_string(r.included.size())}};
    }

    std::string org_label(std::size_t i) const {
        const auto& o = r_.included[i];
        return o.viewer ? o.label + " (you)" : o.label;
    }

    std::optional<Colour> heat(const std::optional<double>& score) const {
        if (!score) return std::nullopt;
        double span = fw_.max_level() - fw_.min_level();
        double t = span > 0 ? (*score - fw_.min_level()) / span : 0;
        return blend(w_.tpl().theme.heat_low, w_.tpl().theme.heat_high, t);
    }

    void cover() {
        KeyValues kv;
        if (!in_.group.empty()) kv.rows.push_back({"Group compared", in_.group});
        kv.rows.push_back({"Organisations compared", std::to_string(r_.included.size())});
        if (r_.viewer) kv.rows.push_back({"Viewing organisation", viewer_label(r_)});
        kv.rows.push_back({"Rounds compared", period_text(r_)});
        kv.rows.push_back({"Inclusion rules", inclusion_rules_text(r_.rules)});
        kv.rows.push_back({"Framework", fw_.title + ", version " + r_.framework_version});
        kv.rows.push_back({"Names", r_.anonymised ? "Anonymised: organisations other than the viewer are shown by letter"
                                                  : "Shown"});
        kv.rows.push_back({"Date of this report", long_date(in_.report_date)});
        w_.add(kv);
    }

    void heatmap() {
        if (r_.included.empty()) {
            w_.paragraph("No organisation met the inclusion rules, so there is nothing to compare. " +
                         inclusion_rules_text(r_.rules));
            below_rules_note();
            return;
        }
        Table t;
        t.caption = "Scores by organisation and dimension (" + std::to_string(fw_.min_level()) + " to " +
                    std::to_string(fw_.max_level()) + ")";
        t.header.push_back("Organisation");
        t.align.push_back(Align::left);
        // Columns are numbered, with the names in a key above: nine dimension names side by
        // side leave each a column too narrow for its words.
        KeyValues key;
        for (std::size_t k = 0; k < fw_.roots.size(); ++k) {
            const std::string code = "D" + std::to_string(k + 1);
            key.rows.push_back({code, fw_.dimensions[fw_.roots[k]].name});
            t.header.push_back(code);
            t.align.push_back(Align::centre);
        }
        w_.add(key);
        t.header.push_back("Overall");
        t.align.push_back(Align::centre);
        t.first_column_is_header = true;
        t.widths.push_back(2.4);
        for (std::size_t k = 0; k + 1 < t.header.size(); ++k) t.widths.push_back(k + 2 < t.header.size() ? 1.0 : 1.5);
        for (std::size_t i = 0; i < r_.included.size(); ++i) {
            std::vector<std::string> row{org_label(i)};
            std::vector<std::optional<Colour>> fills{std::nullopt};
            for (int d : fw_.roots) {
                const auto& s = r_.dimensions[d].positions[i].score;
                row.push_back(opt_score(s));
                fills.push_back(heat(s));
            }
            const auto& s = r_.overall.positions[i].score;
            row.push_back(opt_score(s));
            fills.push_back(heat(s));
            t.rows.push_back(row);
            t.fills.push_back(fills);
        }
        std::vector<std::string> median{"Group median"};
        std::vector<std::optional<Colour>> fills{std::nullopt};
        auto add_median = [&](const BenchmarkNode& node) {
            std::optional<double> m = node.group.n ? std::optional<double>(node.group.median) : std::nullopt;
            median.push_back(opt_score(m));
            fills.push_back(heat(m));
        };
        for (int d : fw_.roots) add_median(r_.dimensions[d]);
        add_median(r_.overall);
        t.rows.push_back(median);
        t.fills.push_back(fills);
        t.last_row_is_total = true;
        w_.add(t);
        w_.paragraph("Darker cells are higher scores. A dash means the organisation's answers gave no score there.",
                     TextStyle::note);
        scope_note();
        below_rules_note();
    }

    // Dimensions an organisation's round declared out of scope: a dash there is not a gap.
    void scope_note() {
        std::string items;
        for (const auto& o : r_.included)
            if (!o.out_of_scope.empty())
                items += (items.empty() ? "" : "; ") + o.label + ": " + excluded_names(fw_, o.out_of_scope);
        if (items.empty()) return;
        w_.paragraph("Excluded from their rounds, so no score there and not in the medians: " + items + ".",
                     TextStyle::note);
    }

    // The organisations whose round would be in the heatmap but for the inclusion rules: named
    // with their reasons, so a missing organisation is never a silent gap.
    void below_rules_note() {
        std::vector<std::string> items;
        for (const auto& e : r_.excluded)
            if (e.below_rules)
                items.push_back(e.organisation.label + " (" + e.organisation.period + ": " + join_words(e.reasons, "and") + ")");
        if (items.empty()) return;
        w_.paragraph("Below the inclusion rules, so not ranked and not in the medians: " + join_words(items, "and") + ".",
                     TextStyle::note);
    }

    void ranges() {
        RangeChart chart;
        chart.title = "Spread of scores by dimension";
        chart.scale_min = fw_.min_level();
        chart.scale_max = fw_.max_level();
        if (r_.viewer) chart.marker_label = viewer_label(r_);
        Table t;
        t.caption = "Group figures by dimension";
        t.header = {"Dimension", "Median", "Middle half", "Range", "Scored"};
        t.widths = {2.6, 0.9, 1.3, 1.3, 0.9};
        if (r_.viewer) {
            t.header.push_back("Score (you)");
            t.header.push_back("Rank (you)");
            t.widths.push_back(1.0);
            t.widths.push_back(1.0);
        }
        t.align.assign(t.header.size(), Align::right);
        t.align[0] = Align::left;
        t.first_column_is_header = true;
        auto add = [&](const std::string& name, const BenchmarkNode& node) {
            if (node.group.n == 0) return;
            const Spread& g = node.group;
            RangeRow row{name, g.min, g.q1, g.median, g.q3, g.max, std::nullopt};
            std::vector<std::string> cells{name, score_text(g.median), score_text(g.q1) + " to " + score_text(g.q3),
                                           score_text(g.min) + " to " + score_text(g.max), std::to_string(g.n)};
            if (r_.viewer) {
                const BenchmarkPosition& p = node.positions[*r_.viewer];
                row.marker = p.score;
                cells.push_back(opt_score(p.score));
                cells.push_back(p.rank ? std::to_string(*p.rank) + " of " + std::to_string(g.n) : "-");
            }
            chart.rows.push_back(row);
            t.rows.push_back(cells);
        };
        for (int d : fw_.roots) add(fw_.dimensions[d].name, r_.dimensions[d]);
        add("Overall", r_.overall);
        if (chart.rows.empty()) {
            w_.paragraph("No dimension has a score to compare.");
            return;
        }
        chart.alt = "For each dimension, the lowest and highest score in the group, the middle half of scores and the "
                    "median" +
                    std::string(r_.viewer ? ", with " + viewer_label(r_) + "'s score marked." : ".");
        w_.add(chart);
        w_.add(t);
    }

    void trends() {
        std::vector<std::string> periods;
        for (const auto& tr : r_.trends)
            for (const auto& p : tr.periods)
                if (std::find(periods.begin(), periods.end(), p) == periods.end()) periods.push_back(p);
        std::sort(periods.begin(), periods.end(), period_less);
        if (periods.empty()) {
            w_.paragraph("There are no rounds to show.");
            return;
        }
        auto score_in = [&](std::size_t org, const std::string& period) -> std::optional<double> {
            const OrganisationTrend& tr = r_.trends[org];
            for (std::size_t k = 0; k < tr.periods.size(); ++k)
                if (tr.periods[k] == period) return tr.overall.scores[k];
            return std::nullopt;
        };
        if (periods.size() >= 2) {
            LineChart chart;
            chart.title = "Overall score by period";
            chart.categories = periods;
            chart.min = fw_.min_level();
            chart.max = fw_.max_level();
            if (r_.included.size() <= kMaxTrendLines) {
                for (std::size_t i = 0; i < r_.included.size(); ++i) {
                    Series s{r_.included[i].label, {}};
                    for (const auto& p : periods) s.values.push_back(score_in(i, p));
                    chart.series.push_back(s);
                }
                chart.alt = "Each organisation's overall score in each period.";
            } else {
                Series median{"Group median", {}};
                for (const auto& p : periods) {
                    std::vector<double> v;
                    for (std::size_t i = 0; i < r_.included.size(); ++i)
                        if (auto s = score_in(i, p)) v.push_back(*s);
                    Spread sp = summarise(v);
                    median.values.push_back(sp.n ? std::optional<double>(sp.median) : std::nullopt);
                }
                chart.series.push_back(median);
                if (r_.viewer) {
                    Series s{viewer_label(r_), {}};
                    for (const auto& p : periods) s.values.push_back(score_in(*r_.viewer, p));
                    chart.series.push_back(s);
                }
                chart.alt = "The group's median overall score in each period" +
                            std::string(r_.viewer ? ", and " + viewer_label(r_) + "'s." : ".");
            }
            w_.add(chart);
        } else {
            w_.paragraph("Every organisation has one round so far, so there are no trends yet. The table gives the "
                         "round compared.");
        }
        Table t;
        t.caption = "Overall score by period";
        t.header.push_back("Organisation");
        for (const auto& p : periods) t.header.push_back(p);
        t.header.push_back("Change");
        t.first_column_is_header = true;
        t.align.push_back(Align::left);
        for (std::size_t k = 0; k <= periods.size(); ++k) t.align.push_back(Align::right);
        for (std::size_t i = 0; i < r_.included.size(); ++i) {
            std::vector<std::string> row{org_label(i)};
            for (const auto& p : periods) row.push_back(opt_score(score_in(i, p)));
            const TrendSeries& o = r_.trends[i].overall;
            row.push_back(o.change ? signed_change(*o.change) + " (" + o.from + " to " + o.to + ")" : "-");
            t.rows.push_back(row);
        }
        w_.add(t);
    }

    void common_gaps() {
        const Level* l = fw_.level(r_.common_gap_level);
        std::string level = std::to_string(r_.common_gap_level) + (l ? " (" + l->name + ")" : "");
        w_.paragraph("A dimension counts as a common gap when at least " + percent(r_.common_gap_share) +
                         " of the organisations with a score there are below level " + level +
                         ". Shared gaps are candidates for joint projects or shared recruitment.",
                     TextStyle::note);
        if (r_.common_gaps.empty()) {
            w_.paragraph("No dimension is a common gap at this threshold.");
            return;
        }
        Table t;
        t.caption = "Common gaps, largest share first";
        t.header = {"Dimension", "Below level " + std::to_string(r_.common_gap_level), "Share", "Organisations below"};
        t.align = {Align::left, Align::right, Align::right, Align::left};
        t.widths = {2.2, 1.2, 0.8, 4.0};
        t.first_column_is_header = true;
        for (const auto& g : r_.common_gaps) {
            std::vector<std::string> names;
            for (int o : g.organisations) names.push_back(r_.included[o].label);
            t.rows.push_back({fw_.dimensions[g.dimension].name,
                              std::to_string(g.below) + " of " + std::to_string(g.scored), percent(g.share),
                              join_words(names)});
        }
        w_.add(t);
    }

    std::string questionnaire_name(const std::string& id, const std::string& version) const {
        for (const Questionnaire* q : in_.questionnaires)
            if (q && q->id == id && q->version == version) return q->title + " (" + id + " " + version + ")";
        return id + " " + version;
    }

    void method() {
        KeyValues kv;
        kv.rows.push_back({"Framework", fw_.title + ", version " + r_.framework_version});
        kv.rows.push_back({"Rounds compared", period_text(r_)});
        kv.rows.push_back({"Minimum coverage", percent(r_.rules.min_coverage) + " of applicable questions answered"});
        kv.rows.push_back({"Minimum respondents", std::to_string(r_.rules.min_respondents)});
        kv.rows.push_back({"Inclusion rules", inclusion_rules_text(r_.rules)});
        kv.rows.push_back({"Names", r_.anonymised ? "Anonymised" : "Shown"});
        w_.add(kv);

        if (!r_.included.empty()) {
            Table t;
            t.caption = "Rounds included";
            t.header = {"Organisation", "Period", "Questionnaire", "Respondents", "Coverage"};
            t.align = {Align::left, Align::left, Align::left, Align::right, Align::right};
            t.widths = {2.4, 1.0, 3.0, 1.1, 1.0};
            t.first_column_is_header = true;
            std::vector<std::string> used;
            for (std::size_t i = 0; i < r_.included.size(); ++i) {
                const auto& o = r_.included[i];
                std::string q = questionnaire_name(o.questionnaire_id, o.questionnaire_version);
                if (std::find(used.begin(), used.end(), q) == used.end()) used.push_back(q);
                t.rows.push_back({org_label(i), o.period, q, std::to_string(o.respondents), percent(o.coverage)});
            }
            w_.add(t);
            w_.heading(2, "Questionnaires used", "method-questionnaires");
            w_.add(BulletList{used});
            if (used.size() > 1)
                w_.paragraph("The questionnaires differ but measure the same framework, so their scores land on the same "
                             "dimensions and scale. A shorter questionnaire asks fewer questions per dimension, so its "
                             "scores are less certain.",
                             TextStyle::note);
        }
        w_.heading(2, "Rounds left out", "method-excluded");
        if (r_.excluded.empty()) {
            w_.paragraph("None: every round offered met the rules.");
        } else {
            Table t;
            t.caption = "Rounds left out and why";
            t.header = {"Organisation", "Period", "Reasons"};
            t.widths = {2.4, 1.0, 5.0};
            t.first_column_is_header = true;
            for (const auto& e : r_.excluded)
                t.rows.push_back({e.organisation.label, e.organisation.period,
                                  (e.below_rules ? "Below the rules: " : "") + join_words(e.reasons, "and")});
            w_.add(t);
        }
        if (!r_.notes.empty()) {
            w_.heading(2, "Notes", "method-notes");
            w_.add(BulletList{r_.notes});
        }
    }

    const BenchmarkReportInput& in_;
    const BenchmarkResult& r_;
    const Framework& fw_;
    DocumentWriter w_;
};

}  // namespace

std::optional<Document> build_benchmark_report(const BenchmarkReportInput& in, const ReportTemplate& tpl,
                                                std::string& error) {
    if (!in.result || !in.result->framework) {
        error = "a benchmark report needs a benchmark result with its framework";
        return std::nullopt;
    }
    if (tpl.kind != TemplateKind::Benchmark) {
        error = std::string("the template is for a ") + to_string(tpl.kind) + " report, not a benchmark";
        return std::nullopt;
    }
    const BenchmarkResult& r = *in.result;
    if (r.dimensions.size() != r.framework->dimensions.size() || r.trends.size() != r.included.size()) {
        error = "the benchmark result does not fit its framework";
        return std::nullopt;
    }
    if (!is_iso_date(in.report_date)) {
        error = "the report date must be a date as YYYY-MM-DD, not \"" + in.report_date + "\"";
        return std::nullopt;
    }
    return BenchmarkBuilder(in, tpl).build();
}

}  // namespace ys::report
