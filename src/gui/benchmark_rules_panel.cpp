#include "benchmark_rules_panel.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <cmath>

#include <wx/button.h>
#include <wx/config.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/scrolwin.h>
#include <wx/wrapsizer.h>

#include "wrapping_text.h"

namespace ys::gui {
namespace {

const wxString kCoverageKey = wxS("/Preferences/BenchmarkMinCoveragePercent");
const wxString kRespondentsKey = wxS("/Preferences/BenchmarkMinRespondents");
const wxString kOpenKey = wxS("/Preferences/BenchmarkRulesShown");
constexpr int kMaxRespondents = 999;

int default_percent() { return static_cast<int>(std::lround(InclusionRules::kDefaultMinCoverage * 100)); }

}  // namespace

InclusionRules saved_benchmark_minimums() {
    InclusionRules rules;
    if (auto* cfg = wxConfigBase::Get()) {
        // Read back within the controls' ranges: a hand-edited setting cannot make the page refuse.
        long percent = cfg->ReadLong(kCoverageKey, default_percent());
        long respondents = cfg->ReadLong(kRespondentsKey, InclusionRules::kDefaultMinRespondents);
        rules.min_coverage = static_cast<double>(std::clamp(percent, 0L, 100L)) / 100.0;
        rules.min_respondents = static_cast<int>(std::clamp(respondents, 1L, static_cast<long>(kMaxRespondents)));
    }
    return rules;
}

// At a width of its own from the start: laid out at GTK's default 20x20, the Change rules
// button was squeezed below its least size (a GTK warning at the first show).
BenchmarkRulesPanel::BenchmarkRulesPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(640, 60))) {
    SetName(_("Inclusion rules"));
    const InclusionRules saved = saved_benchmark_minimums();
    auto* top = new wxBoxSizer(wxVERTICAL);
    // The rules in words with the button that shows the controls beside them.
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    words_ = new WrappingText(this, wxEmptyString, _("Inclusion rules in words"));
    head->Add(words_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    toggle_ = new wxButton(this, wxID_ANY, _("Change &rules\u2026"));
    toggle_->SetName(_("Change the inclusion rules"));
    toggle_->SetToolTip(_("Show or hide the minimum coverage and respondents a round needs to be ranked"));
    head->Add(toggle_, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(head, 0, wxEXPAND);

    // Wraps at narrow widths (1024x700 with the organisation tree) rather than clipping.
    controls_ = new wxPanel(this, wxID_ANY);
    controls_->SetName(_("Inclusion rule controls"));
    auto* row = new wxWrapSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(controls_, wxID_ANY, _("Rank a round with at &least")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             FromDIP(6));
    coverage_ = new wxSpinCtrl(controls_, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 100,
                               static_cast<int>(std::lround(saved.min_coverage * 100)));
    coverage_->SetName(_("Minimum coverage (percent)"));
    coverage_->SetToolTip(_("The share of its questions a round must have answered to be ranked and counted in the medians"));
    row->Add(coverage_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    row->Add(new wxStaticText(controls_, wxID_ANY, _("% of its questions answered and")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             FromDIP(6));
    respondents_ = new wxSpinCtrl(controls_, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                                  kMaxRespondents, saved.min_respondents);
    respondents_->SetName(_("Minimum respondents"));
    respondents_->SetToolTip(_("How many people must have answered a round for it to be ranked and counted in the medians"));
    row->Add(respondents_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    row->Add(new wxStaticText(controls_, wxID_ANY, _("respondents")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    defaults_ = new wxButton(controls_, wxID_ANY, wxString::Format(_("&Defaults (%d%%, %d)"), default_percent(),
                                                                   InclusionRules::kDefaultMinRespondents));
    defaults_->SetToolTip(_("Back to the documented defaults: a round mostly unanswered, or answered by one or two people, "
                            "is not ranked"));
    defaults_->SetName(_("Back to the default rules"));
    row->Add(defaults_, 0, wxALIGN_CENTER_VERTICAL);
    controls_->SetSizer(row);
    top->Add(controls_, 0, wxEXPAND | wxTOP, FromDIP(4));
    SetSizer(top);

    coverage_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { changed(); });
    respondents_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { changed(); });
    defaults_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        set_minimums(InclusionRules::kDefaultMinCoverage, InclusionRules::kDefaultMinRespondents);
    });
    toggle_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_controls(!controls_shown()); });
    bool open = false;
    if (auto* cfg = wxConfigBase::Get()) open = cfg->ReadBool(kOpenKey, false);
    controls_->Show(open);
    toggle_->SetLabel(open ? _("Hide &rules") : _("Change &rules\u2026"));
    describe(minimums());
}

void BenchmarkRulesPanel::show_controls(bool show) {
    if (auto* cfg = wxConfigBase::Get()) cfg->Write(kOpenKey, show);
    if (show == controls_shown()) return;
    controls_->Show(show);
    toggle_->SetLabel(show ? _("Hide &rules") : _("Change &rules\u2026"));
    // The page grows or shrinks around the controls.
    InvalidateBestSize();
    for (wxWindow* p = GetParent(); p && !p->IsTopLevel(); p = p->GetParent()) {
        const bool page = dynamic_cast<wxScrollHelper*>(p) != nullptr;
        if (page) p->FitInside();
        p->Layout();
        if (page) break;
    }
    if (show) coverage_->SetFocus();
}

bool BenchmarkRulesPanel::controls_shown() const { return controls_->IsShown(); }

InclusionRules BenchmarkRulesPanel::minimums() const {
    InclusionRules rules;
    rules.min_coverage = coverage_->GetValue() / 100.0;
    rules.min_respondents = respondents_->GetValue();
    return rules;
}

void BenchmarkRulesPanel::set_minimums(double coverage, int respondents) {
    coverage_->SetValue(static_cast<int>(std::lround(coverage * 100)));
    respondents_->SetValue(respondents);
    changed();
}

void BenchmarkRulesPanel::describe(const InclusionRules& rules) {
    words_->set_text(wxs(inclusion_rules_text(rules)));
    defaults_->Enable(!minimums().default_minimums());
}

wxString BenchmarkRulesPanel::words() const { return words_->text(); }

void BenchmarkRulesPanel::changed() {
    if (auto* cfg = wxConfigBase::Get()) {
        cfg->Write(kCoverageKey, static_cast<long>(coverage_->GetValue()));
        cfg->Write(kRespondentsKey, static_cast<long>(respondents_->GetValue()));
    }
    describe(minimums());
    if (on_change) on_change();
}

}  // namespace ys::gui
