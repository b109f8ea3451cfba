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
#include <wx/wrapsizer.h>

namespace ys::gui {
namespace {

const wxString kCoverageKey = wxS("/Preferences/BenchmarkMinCoveragePercent");
const wxString kRespondentsKey = wxS("/Preferences/BenchmarkMinRespondents");
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

BenchmarkRulesPanel::BenchmarkRulesPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName(_("Inclusion rules"));
    const InclusionRules saved = saved_benchmark_minimums();
    auto* top = new wxBoxSizer(wxVERTICAL);
    // Wraps at narrow widths (1024x700 with the organisation tree) rather than clipping.
    auto* row = new wxWrapSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Rank a round with at &least")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    coverage_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 100,
                               static_cast<int>(std::lround(saved.min_coverage * 100)));
    coverage_->SetName(_("Minimum coverage (percent)"));
    coverage_->SetToolTip(_("The share of its questions a round must have answered to be ranked and counted in the medians"));
    row->Add(coverage_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    row->Add(new wxStaticText(this, wxID_ANY, _("% of its questions answered and")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             FromDIP(6));
    respondents_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                                  kMaxRespondents, saved.min_respondents);
    respondents_->SetName(_("Minimum respondents"));
    respondents_->SetToolTip(_("How many people must have answered a round for it to be ranked and counted in the medians"));
    row->Add(respondents_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    row->Add(new wxStaticText(this, wxID_ANY, _("respondents")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    defaults_ = new wxButton(this, wxID_ANY, wxString::Format(_("&Defaults (%d%%, %d)"), default_percent(),
                                                              InclusionRules::kDefaultMinRespondents));
    defaults_->SetToolTip(_("Back to the documented defaults: a round mostly unanswered, or answered by one or two people, "
                            "is not ranked"));
    defaults_->SetName(_("Back to the default rules"));
    row->Add(defaults_, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(row, 0, wxEXPAND);
    words_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    words_->SetName(_("Inclusion rules in words"));
    top->Add(words_, 0, wxEXPAND | wxTOP, FromDIP(4));
    SetSizer(top);

    coverage_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { changed(); });
    respondents_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { changed(); });
    defaults_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        set_minimums(InclusionRules::kDefaultMinCoverage, InclusionRules::kDefaultMinRespondents);
    });
    describe(minimums());
}

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
    words_->SetLabel(wxs(inclusion_rules_text(rules)));
    words_->Wrap(std::max(FromDIP(400), GetParent()->GetClientSize().GetWidth() - FromDIP(16)));
    defaults_->Enable(!minimums().default_minimums());
}

wxString BenchmarkRulesPanel::words() const { return words_->GetLabel(); }

void BenchmarkRulesPanel::changed() {
    if (auto* cfg = wxConfigBase::Get()) {
        cfg->Write(kCoverageKey, static_cast<long>(coverage_->GetValue()));
        cfg->Write(kRespondentsKey, static_cast<long>(respondents_->GetValue()));
    }
    describe(minimums());
    if (on_change) on_change();
}

}  // namespace ys::gui
