#pragma once
// Benchmark: the selected organisation against a group (a peer group, the organisations
// in its region, or its departments), in one period or each one's latest round. A heatmap
// of scores, a radar of the organisation against the group median, ranks, and an
// anonymised mode. The rounds are read and scored on a worker thread (store::benchmark_inputs);
// the comparison itself is the core's run_benchmark.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "benchmark.h"
#include "benchmark_rounds.h"
#include "page.h"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace ys::gui {

class BenchmarkRulesPanel;
class ChartPanel;
class WrappingText;

// Whom an organisation can be compared with: the organisations in its region (its parent's
// children), its own departments (or, for a region, its organisations), and the peer
// groups, those it belongs to first.
struct BenchmarkGroup {
    wxString label;
    store::BenchmarkSelection selection;
};
std::vector<BenchmarkGroup> benchmark_groups(store::Connection& c, const std::string& organisation);

class BenchmarkPage : public Page {
public:
    BenchmarkPage(wxWindow* parent, Host& host);
    void refresh() override;

    using Group = BenchmarkGroup;
    const std::vector<Group>& groups() const { return groups_; }
    void choose_group(int index);
    void choose_period(const std::string& period);  // "" = each one's latest round
    void set_anonymised(bool on);
    bool anonymised() const;
    // What the page compares now: the group's index in groups() (-1 when none), the period
    // ("" = each one's latest round) and the periods offered.
    int chosen_group() const;
    std::string chosen_period() const;
    const std::vector<std::string>& periods() const { return periods_; }
    bool busy() const { return loading_; }
    const std::optional<BenchmarkResult>& result() const { return result_; }
    wxString summary_text() const;
    wxString ranks_text() const;  // the ranks table, tab-separated (tests)
    BenchmarkRulesPanel* rules() const { return rules_; }

private:
    void fill_groups();
    void load();     // reads and scores the group's rounds (worker thread)
    void compare();  // run_benchmark over what was read, with the period and anonymity chosen
    void show();

    std::vector<Group> groups_;
    wxChoice *group_, *period_;
    wxCheckBox* anonymise_;
    WrappingText* summary_;
    BenchmarkRulesPanel* rules_;
    ChartPanel *heatmap_, *radar_;
    wxListCtrl* ranks_;
    std::string loaded_key_;  // which group's rounds `inputs_` holds
    std::shared_ptr<std::vector<BenchmarkInput>> inputs_;
    std::vector<std::string> periods_;
    std::optional<BenchmarkResult> result_;
    std::string error_;
    bool loading_ = false;
    int generation_ = 0;
};

}  // namespace ys::gui
