#pragma once
// The Benchmark page's inclusion rules: the minimum coverage and number of respondents a
// round needs to be ranked, as two controls the user can change (kept between sessions,
// with a button back to the documented defaults), and the rules in words beneath them.
#include <functional>

#include <wx/panel.h>

#include "benchmark.h"

class wxButton;
class wxSpinCtrl;
class wxStaticText;

namespace ys::gui {

// The minimums last chosen on the Benchmark page (the defaults until the user changes them).
InclusionRules saved_benchmark_minimums();

class BenchmarkRulesPanel : public wxPanel {
public:
    explicit BenchmarkRulesPanel(wxWindow* parent);

    // The minimums chosen; which rounds are picked is the page's (its Period control).
    InclusionRules minimums() const;
    void set_minimums(double coverage, int respondents);  // as the user would (tests)
    void describe(const InclusionRules& rules);           // the rules in words, as compared
    wxString words() const;
    std::function<void()> on_change;  // after the user changes a minimum

private:
    void changed();

    wxSpinCtrl *coverage_, *respondents_;
    wxButton* defaults_;
    wxStaticText* words_;
};

}  // namespace ys::gui
