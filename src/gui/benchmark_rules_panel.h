#pragma once
// The Benchmark page's inclusion rules: the rules in words, always shown, and beneath them
// the minimum coverage and number of respondents a round needs to be ranked, as two
// controls the user can change (kept between sessions, with a button back to the
// documented defaults). The controls fold away behind "Change rules" (closed unless the
// user left them open) so that at 1024x700 the charts and ranks fit without scrolling.
#include <functional>

#include <wx/panel.h>

#include "benchmark.h"

class wxButton;
class wxSpinCtrl;

namespace ys::gui {
class WrappingText;
}

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
    // The controls shown or folded away (kept between sessions), as the toggle does.
    void show_controls(bool show);
    bool controls_shown() const;
    std::function<void()> on_change;  // after the user changes a minimum

private:
    void changed();

    wxSpinCtrl *coverage_, *respondents_;
    wxButton *defaults_, *toggle_;
    wxPanel* controls_;
    WrappingText* words_;
};

}  // namespace ys::gui
