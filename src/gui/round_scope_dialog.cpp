#include "round_scope_dialog.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "guard.h"
#include "host.h"
#include "round_scope.h"
#include "round_scopes.h"
#include "rounds.h"
#include "session.h"
#include "sqlite_handle.h"
#include "wrapping_text.h"

namespace ys::gui {

ScopeChange scope_change(const Framework& fw, const std::vector<std::string>& excluded, const std::vector<char>& in_scope) {
    ScopeChange change;
    for (std::size_t i = 0; i < fw.dimensions.size() && i < in_scope.size(); ++i) {
        const auto& d = fw.dimensions[i];
        const bool stored = std::find(excluded.begin(), excluded.end(), d.id) != excluded.end();
        const bool parent_in = d.parent < 0 || in_scope[static_cast<std::size_t>(d.parent)];
        if (!in_scope[i] && parent_in && !stored) change.exclude.push_back(d.id);
        if (in_scope[i] && stored) change.include.push_back(d.id);
    }
    return change;
}

namespace {

// The ticks follow the tree: what is under an unticked dimension is out too, and a ticked
// dimension's parents are in.
void follow_tree(const Framework& fw, wxCheckListBox& list, int changed) {
    const bool on = list.IsChecked(static_cast<unsigned>(changed));
    std::vector<int> below = fw.dimensions[static_cast<std::size_t>(changed)].children;
    while (!below.empty()) {
        int k = below.back();
        below.pop_back();
        list.Check(static_cast<unsigned>(k), on);
        for (int c : fw.dimensions[static_cast<std::size_t>(k)].children) below.push_back(c);
    }
    if (on)
        for (int p = fw.dimensions[static_cast<std::size_t>(changed)].parent; p >= 0; p = fw.dimensions[static_cast<std::size_t>(p)].parent)
            list.Check(static_cast<unsigned>(p), true);
}

}  // namespace

bool edit_round_scope(wxWindow* parent, Host& host, const std::string& round) {
    Session& s = host.session();
    store::RoundRecord r;
    std::shared_ptr<const Framework> fw;
    std::vector<std::string> excluded;
    if (!guarded(parent, s.path(), _("The round's scope could not be read."), [&] {
            r = store::get_round(s.db(), round);
            fw = store::load_framework(s.db(), r.framework_hash);
            excluded = store::round_exclusions(s.db(), round);
        }))
        return false;
    const bool closed = r.status == "closed";
    wxDialog dlg(parent, wxID_ANY, _("Round scope"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dlg.SetName(_("Round scope"));
    auto* top = new wxBoxSizer(wxVERTICAL);
    wxString intro = wxString::Format(_("The dimensions of %s %s this round assesses. Untick one that does not apply to the "
                                        "organisation (a district council has no children's services): it and the dimensions "
                                        "under it are left out of the round's scores, coverage, benchmarks and reports."),
                                      wxs(fw->title), wxs(fw->version));
    if (closed) intro += wxS(" ") + _("The round is closed: reopen it to change its scope.");
    auto* words = new wxStaticText(&dlg, wxID_ANY, intro);
    words->Wrap(dlg.FromDIP(440));
    top->Add(words, 0, wxALL, dlg.FromDIP(10));
    wxArrayString names;
    for (const auto& d : fw->dimensions) names.push_back(wxString(wxS(' '), static_cast<std::size_t>(4 * d.depth)) + wxs(d.name));
    auto* list = new wxCheckListBox(&dlg, wxID_ANY, wxDefaultPosition, dlg.FromDIP(wxSize(440, 260)), names);
    list->SetName(_("Dimensions in scope"));
    const std::vector<char> mask = out_of_scope_mask(*fw, excluded);
    for (std::size_t i = 0; i < fw->dimensions.size(); ++i) list->Check(static_cast<unsigned>(i), mask.empty() || !mask[i]);
    list->Enable(!closed);
    top->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, dlg.FromDIP(10));
    auto* reason = new wxStaticText(&dlg, wxID_ANY, wxEmptyString);
    reason->SetName(_("Round scope problem"));
    reason->SetForegroundColour(*wxRED);
    top->Add(reason, 0, wxEXPAND | wxALL, dlg.FromDIP(10));
    top->Add(dlg.CreateStdDialogButtonSizer(closed ? wxCANCEL : wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dlg.FromDIP(10));
    dlg.SetSizerAndFit(top);

    auto ticks = [&] {
        std::vector<char> in(fw->dimensions.size());
        for (std::size_t i = 0; i < in.size(); ++i) in[i] = list->IsChecked(static_cast<unsigned>(i)) ? 1 : 0;
        return in;
    };
    // Checked as the user ticks: a round must keep one dimension to score.
    auto check = [&] {
        const auto in = ticks();
        const bool any = std::any_of(in.begin(), in.end(), [](char c) { return c != 0; });
        reason->SetLabel(any ? wxString() : _("Leave at least one dimension ticked: a round needs something to score."));
        if (auto* ok = dlg.FindWindow(wxID_OK)) ok->Enable(any);
        dlg.Layout();
    };
    list->Bind(wxEVT_CHECKLISTBOX, [&](wxCommandEvent& e) {
        follow_tree(*fw, *list, e.GetInt());
        check();
    });
    check();
    list->SetFocus();
    if (dlg.ShowModal() != wxID_OK || closed) return false;
    ScopeChange change = scope_change(*fw, excluded, ticks());
    if (change.exclude.empty() && change.include.empty()) return false;
    return host.commands().Submit(new SetRoundScopeCommand(host, round, std::move(change)));
}

SetRoundScopeCommand::SetRoundScopeCommand(Host& host, std::string round, ScopeChange change)
    : wxCommand(true, _("Change round scope")), host_(host), round_(std::move(round)), change_(std::move(change)) {}

bool SetRoundScopeCommand::Do() {
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The round's scope was not changed."), [&] {
        if (!before_) before_ = store::round_exclusions(s.db(), round_);
        store::set_round_scope(s.db(), round_, change_.exclude, change_.include);
    });
    if (ok) host_.data_changed();
    return ok;
}

bool SetRoundScopeCommand::Undo() {
    if (!before_) return false;
    Session& s = host_.session();
    bool ok = guarded(host_.window(), s.path(), _("The round's scope was not put back."), [&] {
        store::Transaction t(s.db());
        store::replace_round_exclusions(s.db(), round_, *before_);
        t.commit();
    });
    if (ok) host_.data_changed();
    return ok;
}

}  // namespace ys::gui
