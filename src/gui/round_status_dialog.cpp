#include "round_status_dialog.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <algorithm>
#include <filesystem>
#include <numeric>

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>

#include "atomic_file.h"
#include "column_fit.h"
#include "exit_codes.h"
#include "guard.h"
#include "host.h"
#include "import_summary.h"
#include "invitations.h"
#include "io/output_path.h"
#include "messages.h"
#include "organisations.h"
#include "rounds.h"
#include "session.h"
#include "timestamps.h"

namespace fs = std::filesystem;

namespace ys::gui {
namespace {

// "2026-12-05 10:42" (UTC), or "" for never.
wxString when(std::int64_t t) {
    if (t <= 0) return {};
    std::string s = format_iso_datetime(t);
    if (s.size() >= 16) s = s.substr(0, 10) + " " + s.substr(11, 5);
    return wxs(s);
}

wxString share(std::size_t part, std::size_t whole) {
    if (whole == 0) return wxS("\u2013");
    return wxString::Format(wxS("%zu%%"), (part * 100 + whole / 2) / whole);
}

// Columns: a heading and whether its figures are right-aligned; each column as wide as its
// heading and longest cell, and `stretch` takes the width left over.
wxListCtrl* make_list(wxWindow* parent, const wxString& name, const std::vector<std::pair<wxString, bool>>& columns, int stretch) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                                name);
    for (const auto& [title, right] : columns) list->AppendColumn(title, right ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT);
    keep_columns_fitted(*list, stretch);
    return list;
}

}  // namespace

RoundStatusDialog::RoundStatusDialog(wxWindow* parent, Host& host, const std::string& round)
    : wxDialog(parent, wxID_ANY, _("Who has answered"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      round_(round) {
    SetName(_("Who has answered"));
    Session& s = host_.session();
    wxString heading = wxs(round);
    guarded(parent, s.path(), _("The round could not be read."), [&] {
        store::LoadedRound r = store::load_round(s.db(), round);
        auto org = store::find_organisation(s.db(), r.record.organisation);
        heading = wxs((org ? org->name : r.record.organisation) + ", ") + period_name(r.record.period) + wxs(": " + r.questionnaire->title);
    });

    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, heading);
    title->SetFont(title->GetFont().Bold());
    top->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    summary_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    summary_->SetName(_("Summary"));
    top->Add(summary_, 0, wxEXPAND | wxALL, FromDIP(10));

    // Coverage and those not on the list side by side, the invitation list under them.
    auto* upper = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("Co&verage")), 0, wxBOTTOM, FromDIP(4));
    coverage_ = make_list(this, _("Coverage"), {{_("Group"), false}, {_("Invited"), true}, {_("Answered"), true}, {_("Share"), true}}, 0);
    coverage_->SetMinSize(FromDIP(wxSize(480, 190)));
    left->Add(coverage_, 1, wxEXPAND);
    upper->Add(left, 0, wxEXPAND | wxRIGHT, FromDIP(10));
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("Answered but &not on the list")), 0, wxBOTTOM, FromDIP(4));
    others_ = make_list(this, _("Answered but not on the list"),
                        {{_("Name"), false}, {_("Email"), false}, {_("Role"), false}, {_("When (UTC)"), false}, {_("Questions"), true}}, 1);
    others_->SetMinSize(FromDIP(wxSize(300, 190)));
    right->Add(others_, 1, wxEXPAND);
    upper->Add(right, 1, wxEXPAND);
    top->Add(upper, 2, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));

    top->Add(new wxStaticText(this, wxID_ANY, _("&Invitation list (click a column heading to sort)")), 0, wxLEFT | wxRIGHT,
             FromDIP(10));
    invitees_ = make_list(this, _("Invitation list"),
                          {{_("Name"), false}, {_("Email"), false}, {_("Role"), false}, {_("Department"), false}, {_("Answered"), false},
                           {_("When (UTC)"), false}, {_("Questions"), true}}, 1);
    invitees_->SetMinSize(FromDIP(wxSize(-1, 160)));
    top->Add(invitees_, 3, wxEXPAND | wxALL, FromDIP(10));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* import = new wxButton(this, wxID_ANY, _("Import invitation &list\u2026"));
    import->SetToolTip(_("A CSV with a header row naming email, and optionally name, role and department"));
    auto* pending = new wxButton(this, wxID_ANY, _("&Save list of those still to reply\u2026"));
    pending->SetToolTip(_("A CSV of name, email, role and department, for a mail merge of reminders"));
    buttons->Add(import, 0, wxRIGHT, FromDIP(6));
    buttons->Add(pending, 0, wxRIGHT, FromDIP(6));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(top);
    SetSize(FromDIP(wxSize(1160, 700)));
    SetMinSize(FromDIP(wxSize(720, 520)));
    CentreOnParent();

    import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dlg(this, _("Import an invitation list"), wxEmptyString, wxEmptyString, _("CSV files (*.csv)|*.csv|All files|*"),
                         wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dlg.ShowModal() == wxID_OK) import_list(path_u8(dlg.GetPath()));
    });
    pending->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::size_t waiting = 0;
        for (const auto& i : status_.invitees) waiting += i.returned ? 0 : 1;
        if (status_.invitees.empty() || waiting == 0) {
            show_info(this, _("Nothing to save"),
                      status_.invitees.empty() ? _("There is no invitation list yet: import one first.")
                                               : _("Everyone on the invitation list has answered."));
            return;
        }
        // No overwrite prompt here: an unsafe output is refused before the question is asked.
        wxFileDialog dlg(this, _("Save the list of those still to reply"), wxStandardPaths::Get().GetDocumentsDir(),
                         wxs(round_ + " still to reply.csv"), _("CSV files (*.csv)|*.csv"), wxFD_SAVE);
        if (dlg.ShowModal() == wxID_OK) save_pending(path_u8(dlg.GetPath()));
    });
    invitees_->Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) { sort_invitees(e.GetColumn()); });
    reload();
}

bool RoundStatusDialog::reload() {
    Session& s = host_.session();
    if (!guarded(this, s.path(), _("Who has answered could not be read."), [&] { status_ = store::round_status(s.db(), round_); }))
        return false;
    fill();
    return true;
}

wxString RoundStatusDialog::summary_text() const { return summary_->GetLabel(); }

void RoundStatusDialog::fill() {
    const auto& st = status_;
    wxString text;
    if (st.invitees.empty())
        text = wxString::Format(_("No invitation list yet: import one to see who still has to answer. %s so far."),
                                st.respondents == 1 ? _("1 respondent has answered")
                                                    : wxString::Format(_("%zu respondents have answered"), st.respondents));
    else
        text = wxString::Format(_("%zu of the %s invited have answered (%s); %zu still to reply. %s in all."),
                                st.overall.returned,
                                st.overall.invited == 1 ? _("1 person") : wxString::Format(_("%zu people"), st.overall.invited),
                                share(st.overall.returned, st.overall.invited), st.overall.invited - st.overall.returned,
                                count_text(static_cast<long long>(st.respondents), _("respondent"), _("respondents")));
    if (st.status != "open") text += wxS(" ") + _("The round is not open: no more answers can be imported into it.");
    summary_->SetLabel(text);
    summary_->Wrap(GetClientSize().GetWidth() - FromDIP(20));

    coverage_->DeleteAllItems();
    auto add_coverage = [&](const wxString& label, const store::Coverage& c) {
        long row = coverage_->InsertItem(coverage_->GetItemCount(), label);
        coverage_->SetItem(row, 1, wxString::Format(wxS("%zu"), c.invited));
        coverage_->SetItem(row, 2, wxString::Format(wxS("%zu"), c.returned));
        coverage_->SetItem(row, 3, share(c.returned, c.invited));
    };
    if (!st.invitees.empty()) {
        add_coverage(_("Everyone invited"), st.overall);
        for (const auto& c : st.by_role) add_coverage(wxString::Format(_("Role: %s"), wxs(c.label)), c);
        for (const auto& c : st.by_department) add_coverage(wxString::Format(_("Department: %s"), wxs(c.label)), c);
    }
    sort_invitees(-1);

    others_->DeleteAllItems();
    for (const auto& r : st.not_invited) {
        long row = others_->InsertItem(others_->GetItemCount(), r.name.empty() ? wxs(r.key) : wxs(r.name));
        others_->SetItem(row, 1, wxs(r.email));
        others_->SetItem(row, 2, wxs(r.role_name));
        others_->SetItem(row, 3, when(r.returned_at));
        others_->SetItem(row, 4, wxString::Format(wxS("%zu of %zu"), r.answered, st.questions));
    }
    Layout();
}

void RoundStatusDialog::sort_invitees(int column) {
    // A click on the column sorted by turns the order round; -1 keeps the order as it is.
    if (column >= 0) {
        sort_ascending_ = column == sort_column_ ? !sort_ascending_ : true;
        sort_column_ = column;
    }
    const auto& list = status_.invitees;
    std::vector<std::size_t> order(list.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](const store::InviteeStatus& i) -> std::string {
        switch (sort_column_) {
            case 1: return i.invitation.email;
            case 2: return i.role_name;
            case 3: return i.invitation.department;
            case 4: return i.returned ? "1" : "0";
            case 5: return i.returned ? format_iso_datetime(i.respondent.returned_at) : std::string();
            case 6: {
                std::string n = std::to_string(i.returned ? i.respondent.answered : 0);
                return std::string(10 - std::min<std::size_t>(10, n.size()), '0') + n;
            }
            default: return i.invitation.name.empty() ? i.invitation.email : i.invitation.name;
        }
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return sort_ascending_ ? key(list[a]) < key(list[b]) : key(list[b]) < key(list[a]);
    });
    invitees_->DeleteAllItems();
    for (std::size_t i : order) {
        const auto& inv = list[i];
        long row = invitees_->InsertItem(invitees_->GetItemCount(), wxs(inv.invitation.name));
        invitees_->SetItem(row, 1, wxs(inv.invitation.email));
        invitees_->SetItem(row, 2, wxs(inv.role_name));
        invitees_->SetItem(row, 3, wxs(inv.invitation.department));
        invitees_->SetItem(row, 4, inv.returned ? _("Yes") : _("No"));
        invitees_->SetItem(row, 5, inv.returned ? when(inv.respondent.returned_at) : wxString());
        invitees_->SetItem(row, 6, inv.returned ? wxString::Format(wxS("%zu of %zu"), inv.respondent.answered, status_.questions)
                                                : wxString());
    }
}

bool RoundStatusDialog::import_list(const std::string& csv_file) {
    Session& s = host_.session();
    store::InviteReport report;
    if (!guarded(this, s.path(), _("The invitation list was not imported."),
                 [&] { report = store::import_invitations(s.db(), {round_, csv_file, false}); }))
        return false;
    const wxString file = wxs(fs::u8path(csv_file).filename().u8string());
    if (!report.ok()) {
        show_error(this, _("Invitation list not imported"),
                   wxString::Format(_("In %s: %s Correct the rows named below and import it again."), file,
                                    problems_found(report.diagnostics.error_count())),
                   diagnostics_text(report.diagnostics), exit_code::invalid_input);
        return false;
    }
    const wxString what = wxString::Format(_("Imported the invitation list %s: %s (%zu new, %zu changed, %zu unchanged)."), file,
                                           report.rows == 1 ? _("1 person") : wxString::Format(_("%zu people"), report.rows),
                                           report.added, report.updated, report.unchanged);
    host_.set_status(what);
    host_.data_changed();
    reload();
    return true;
}

bool RoundStatusDialog::save_pending(const std::string& path) {
    Session& s = host_.session();
    // Never over the open database (or its journal and backups) or a folder: refused before
    // the question about replacing, as the CLI refuses it before writing.
    OutputCheck check = check_outputs({{{"The list", path}}, {}, s.path()});
    if (!check.ok()) {
        show_error(this, _("List not saved"), _("The list would replace a file Yardstick is using, or is not a file."),
                   wxs(check.message), exit_code::usage);
        return false;
    }
    std::error_code ec;
    if (fs::exists(fs::u8path(path), ec) &&
        ask(this, _("Replace file?"), wxString::Format(_("%s exists already. Replace it with the list?"), wxs(path)),
            {_("Replace"), _("Cancel")}) != 0)
        return false;
    if (!reload()) return false;  // the list as it is now, not as when the dialog opened
    std::string error;
    // Names and emails: a new file is readable by its owner only.
    if (!write_file_atomic(path, store::pending_csv(status_), error, WriteOptions{true})) {
        show_error(this, _("List not saved"), _("The list could not be written; no file was changed."), wxs(error),
                   exit_code::output_failed);
        return false;
    }
    std::size_t waiting = 0;
    for (const auto& i : status_.invitees) waiting += i.returned ? 0 : 1;
    host_.set_status(wxString::Format(_("Wrote %s: %s still to reply."), wxs(path),
                                      waiting == 1 ? _("1 person") : wxString::Format(_("%zu people"), waiting)));
    return true;
}

void show_round_status(Host& host, const std::string& round) {
    if (!host.session().is_open() || round.empty()) return;
    RoundStatusDialog dlg(host.window(), host, round);
    dlg.ShowModal();
}

}  // namespace ys::gui
