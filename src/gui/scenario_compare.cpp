#include "scenario_compare.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "column_fit.h"
#include "field_check.h"
#include "money_text.h"
#include "number_format.h"

namespace ys::gui {
namespace {

wxString money(double v) { return wxs(money_words(v)); }

}  // namespace

std::vector<std::vector<wxString>> comparison_rows(const std::vector<ScenarioSummary>& s) {
    std::vector<std::vector<wxString>> rows;
    std::size_t years = 0;
    for (const auto& x : s) years = std::max(years, x.cost_per_year.size());
    auto row = [&](const wxString& label, auto cell) {
        std::vector<wxString> r{label};
        for (const auto& x : s) r.push_back(cell(x));
        rows.push_back(std::move(r));
    };
    for (std::size_t y = 0; y < years; ++y)
        row(wxString::Format(_("Year %zu, new spend (mid)"), y + 1), [y](const ScenarioSummary& x) {
            return y < x.cost_per_year.size() ? money(x.cost_per_year[y].mid) : wxString(wxS("\u2013"));
        });
    row(_("Total new spend (mid)"), [](const ScenarioSummary& x) { return money(x.total.mid); });
    row(_("Total, low to high"), [](const ScenarioSummary& x) { return money(x.total.low) + wxS(" \u2013 ") + money(x.total.high); });
    row(_("Responsibilities fully covered"),
        [](const ScenarioSummary& x) { return wxString::Format(_("%d of %d"), x.fully, x.responsibilities); });
    row(_("Partly covered"), [](const ScenarioSummary& x) { return wxString::Format(wxS("%d"), x.partly); });
    row(_("Not covered"), [](const ScenarioSummary& x) { return wxString::Format(wxS("%d"), x.not_covered); });
    row(_("New posts (headcount)"), [](const ScenarioSummary& x) { return wxString::Format(wxS("%d"), x.headcount); });
    row(_("FTE (this council's share)"), [](const ScenarioSummary& x) { return wxs(plain(x.fte, 2)); });
    row(_("Existing team, for information (mid)"), [](const ScenarioSummary& x) { return money(x.team_cost.mid); });
    return rows;
}

void show_comparison(wxWindow* parent, const std::vector<ScenarioSummary>& s) {
    wxDialog dlg(parent, wxID_ANY, _("Scenarios side by side"), wxDefaultPosition, wxDefaultSize,
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, _("Scenarios side by side"));
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(&dlg, wxID_ANY,
                                   _("New spend is the planned and proposed posts and the other cost lines; the existing "
                                     "team's cost is shown for information only. Cover is once every post has started."));
    intro->Wrap(dlg.FromDIP(560));
    top->Add(intro, 0, wxALL, dlg.FromDIP(10));
    auto* l = new wxListCtrl(&dlg, wxID_ANY, wxDefaultPosition, dlg.FromDIP(wxSize(-1, 260)), wxLC_REPORT | wxLC_SINGLE_SEL,
                             wxDefaultValidator, _("Comparison"));
    l->AppendColumn(wxString(), wxLIST_FORMAT_LEFT);
    for (const auto& x : s) l->AppendColumn(wxs(x.name), wxLIST_FORMAT_RIGHT);
    for (const auto& r : comparison_rows(s)) {
        long i = l->InsertItem(l->GetItemCount(), r[0]);
        for (std::size_t c = 1; c < r.size(); ++c) l->SetItem(i, static_cast<int>(c), r[c]);
    }
    // Each column as wide as its widest figure or its scenario's name, so nothing is cut;
    // the row names take what the window has left when it is made wider.
    int width = 0;
    for (int c = 0; c < l->GetColumnCount(); ++c) width += natural_column_width(*l, c);
    keep_columns_fitted(*l, 0);
    const int rows = l->GetItemCount() + 2;  // and the header, with room to spare
    // Room for the scroll bar fit_columns keeps, so that the columns fit whole.
    const int spare = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, l) + dlg.FromDIP(8);
    l->SetMinSize(wxSize(std::min(dlg.FromDIP(1150), width + spare), dlg.FromDIP(24) * rows));
    top->Add(l, 1, wxEXPAND | wxLEFT | wxRIGHT, dlg.FromDIP(10));
    top->Add(dlg.CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, dlg.FromDIP(10));
    dlg.SetSizerAndFit(top);
    dlg.CentreOnParent();
    dlg.ShowModal();
}

std::optional<std::vector<std::string>> ask_scenarios_to_compare(wxWindow* parent, const std::vector<std::string>& names) {
    wxDialog dlg(parent, wxID_ANY, _("Compare scenarios"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER,
                 _("Compare scenarios"));
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(&dlg, wxID_ANY, _("Tick two or more scenarios to see side by side:")), 0, wxALL, dlg.FromDIP(10));
    wxArrayString items;
    for (const auto& n : names) items.push_back(wxs(n));
    auto* list = new wxCheckListBox(&dlg, wxID_ANY, wxDefaultPosition, dlg.FromDIP(wxSize(360, 200)), items);
    list->SetName(_("Scenarios"));
    for (unsigned i = 0; i < list->GetCount(); ++i) list->Check(i);
    top->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, dlg.FromDIP(10));
    // Checked as the boxes are ticked: OK waits for two, the reason shows under the list.
    auto* problem = make_reason_label(&dlg, _("Scenarios"));
    top->Add(problem, 0, wxEXPAND | wxALL, dlg.FromDIP(10));
    top->Add(dlg.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dlg.FromDIP(10));
    FieldCheck check(&dlg, dlg.FindWindow(wxID_OK));
    check.watch(list, problem, [list]() -> wxString {
        wxArrayInt ticked;
        return list->GetCheckedItems(ticked) >= 2 ? wxString() : _("Tick at least two scenarios.");
    });
    check.update();
    dlg.SetSizerAndFit(top);
    dlg.CentreOnParent();
    // Typing starts in the list, not on OK (GTK gives a dialog shown without focus to OK).
    list->SetFocus();
    dlg.Bind(wxEVT_SHOW, [&dlg, list](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown()) dlg.CallAfter([list] { list->SetFocus(); });
    });
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    std::vector<std::string> out;
    for (unsigned i = 0; i < list->GetCount(); ++i)
        if (list->IsChecked(i)) out.push_back(names[i]);
    return out;
}

}  // namespace ys::gui
