#include "assessments_page.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <ctime>

#include <wx/button.h>
#include <wx/cmdproc.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "column_fit.h"
#include "dialogs.h"
#include "edit_commands.h"
#include "file_drop.h"
#include "guard.h"
#include "organisations.h"
#include "round_scope_dialog.h"
#include "session.h"
#include "timestamps.h"
#include "date_field.h"
#include "display_names.h"
#include "wrapping_text.h"

namespace ys::gui {

AssessmentsPage::AssessmentsPage(wxWindow* parent, Host& host) : Page(parent, host, _("Assessments")) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    heading_ = new wxStaticText(this, wxID_ANY, _("Choose an organisation on the left."));
    heading_->SetFont(heading_->GetFont().Bold().Scaled(1.15f));
    top->Add(heading_, 0, wxALL, FromDIP(8));
    auto* label = new wxStaticText(this, wxID_ANY, _("&Rounds: one questionnaire, one period, many respondents"));
    top->Add(label, 0, wxLEFT | wxRIGHT, FromDIP(8));
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator,
                           _("Rounds"));
    list_->SetToolTip(round_tooltip(std::string()));
    list_->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(80));
    list_->AppendColumn(_("Questionnaire"), wxLIST_FORMAT_LEFT, FromDIP(300));
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(80));
    list_->AppendColumn(_("Respondents"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    list_->AppendColumn(_("Answers"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    list_->AppendColumn(_("Started"), wxLIST_FORMAT_LEFT, FromDIP(100));
    keep_columns_fitted(*list_, 1);
    top->Add(list_, 1, wxEXPAND | wxALL, FromDIP(8));

    // Buttons go onto a second line rather than be cut when the page is narrow.
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    new_ = new wxButton(this, wxID_ANY, _("&New round\u2026"));
    new_->SetToolTip(_("Start an assessment round of this organisation"));
    answer_ = new wxButton(this, wxID_ANY, _("&Answer\u2026"));
    answer_->SetToolTip(_("Answer the questionnaire, one question at a time"));
    // As wide as its longer label ("Reopen round" when a closed round is chosen), so never cut.
    close_ = new wxButton(this, wxID_ANY, _("Re&open round"));
    close_->SetMinSize(close_->GetBestSize());
    close_->SetLabel(_("&Close round"));
    close_->SetToolTip(_("A closed round's answers cannot change; reopen it to change them"));
    buttons->Add(new_, 0, wxRIGHT | wxBOTTOM, FromDIP(6));
    buttons->Add(answer_, 0, wxRIGHT | wxBOTTOM, FromDIP(6));
    buttons->Add(close_, 0, wxRIGHT | wxBOTTOM, FromDIP(6));
    send_ = new wxButton(this, wxID_ANY, _("&Send questionnaire\u2026"));
    send_->SetToolTip(_("Write the round's questionnaire as a form that colleagues answer in a web browser and send back"));
    buttons->Add(send_, 0, wxRIGHT | wxBOTTOM, FromDIP(6));
    status_ = new wxButton(this, wxID_ANY, _("&Who has answered\u2026"));
    status_->SetToolTip(_("The round's invitation list: who has returned answers, coverage, and who is still to reply"));
    buttons->Add(status_, 0, wxRIGHT | wxBOTTOM, FromDIP(6));
    scope_ = new wxButton(this, wxID_ANY, _("Sco&pe\u2026"));
    scope_->SetToolTip(_("The dimensions this round assesses: leave out one that does not apply to the organisation"));
    buttons->Add(scope_, 0, wxRIGHT | wxBOTTOM, FromDIP(6));
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    // Wrapped to the page's width instead of running off its edge.
    auto* drop_note = new WrappingText(this, _("To import answer files that colleagues sent back, drop them onto the list "
                                               "(or use File > Import answers)."), _("Import note"));
    top->Add(drop_note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizer(top);

    // Files dropped anywhere on the page, the list included, are imported as File > Import does.
    auto take = [this](const std::vector<std::string>& files) {
        return host_.session().is_open() && on_files_dropped && on_files_dropped(files);
    };
    drop_target_ = new FilesDropTarget(take);
    list_->SetDropTarget(drop_target_);
    SetDropTarget(new FilesDropTarget(take));

    new_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_round(); });
    answer_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_answer && !selected_round().empty()) on_answer(selected_round());
    });
    send_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_send && selected_round_is_open()) on_send(selected_round());
    });
    status_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_status && !selected_round().empty()) on_status(selected_round());
    });
    scope_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!selected_round().empty()) edit_round_scope(this, host_, selected_round());
    });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        for (const auto& r : rounds_)
            if (r.id == selected_round()) set_status_of_selected(r.status == "closed" ? "open" : "closed");
    });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        e.Skip();
        // Users see names; the id is for yardstick-cli, so it is in the tooltip, not a column.
        list_->SetToolTip(round_tooltip(selected_round()));
        if (on_round_selected) on_round_selected(selected_round());
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (on_answer && !selected_round().empty()) on_answer(selected_round());
    });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Skip();
        std::string sel = selected_round();
        new_->Enable(!org_.empty() && host_.session().is_open());
        answer_->Enable(!sel.empty());
        close_->Enable(!sel.empty());
        send_->Enable(selected_round_is_open());
        status_->Enable(!sel.empty());
        scope_->Enable(!sel.empty());
        for (const auto& r : rounds_)
            if (r.id == sel) close_->SetLabel(r.status == "closed" ? _("Re&open round") : _("&Close round"));
    });
}

wxString AssessmentsPage::round_tooltip(const std::string& id) {
    wxString tip = _("Rounds of the selected organisation. Press Enter or double-click to answer.");
    if (!id.empty()) tip += wxS("\n") + wxString::Format(_("Round id (for yardstick-cli): %s"), wxs(id));
    return tip;
}

std::string AssessmentsPage::selected_round() const {
    const store::RoundRecord* r = selected_record();
    return r ? r->id : std::string();
}

const store::RoundRecord* AssessmentsPage::selected_record() const {
    long i = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || i >= static_cast<long>(rounds_.size())) return nullptr;
    return &rounds_[static_cast<std::size_t>(i)];
}

bool AssessmentsPage::selected_round_is_open() const {
    const store::RoundRecord* r = selected_record();
    return r && r->status == "open";
}

void AssessmentsPage::select_round(const std::string& id) {
    for (std::size_t i = 0; i < rounds_.size(); ++i)
        if (rounds_[i].id == id) {
            list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(static_cast<long>(i));
        }
}

void AssessmentsPage::refresh() {
    std::string keep = selected_round();
    list_->DeleteAllItems();
    rounds_.clear();
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) {
        heading_->SetLabel(s.is_open() ? _("Choose an organisation on the left.") : _("No database is open."));
        return;
    }
    guarded(this, s.path(), _("The rounds could not be read."), [&] {
        auto org = store::find_organisation(s.db(), org_);
        heading_->SetLabel(org ? wxs(org->name) : wxs(org_));
        rounds_ = store::list_rounds(s.db(), org_);
    });
    // Newest period first.
    std::stable_sort(rounds_.begin(), rounds_.end(), [](const auto& a, const auto& b) { return a.period > b.period; });
    for (std::size_t i = 0; i < rounds_.size(); ++i) {
        const auto& r = rounds_[i];
        long row = list_->InsertItem(static_cast<long>(i), period_name(r.period));
        list_->SetItem(row, 1, questionnaire_name_version(s.catalogue(), r.questionnaire_id, r.questionnaire_version));
        list_->SetItem(row, 2, status_label(r.status));
        list_->SetItem(row, 3, wxString::Format(wxS("%d"), r.respondents));
        list_->SetItem(row, 4, wxString::Format(wxS("%d"), r.answers));
        list_->SetItem(row, 5, r.created_at ? uk_date(format_iso_datetime(r.created_at).substr(0, 10)) : wxString());
    }
    // The round chosen before, when it is this organisation's; else the newest.
    if (!keep.empty()) select_round(keep);
    if (selected_round().empty() && !rounds_.empty()) select_round(rounds_.front().id);
    if (rounds_.empty()) host_.set_status(_("No rounds yet: start one with New round."));
}

void AssessmentsPage::new_round() {
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) return;
    std::string org_name = org_;
    if (auto o = store::find_organisation(s.db(), org_)) org_name = o->name;
    // This year (UTC), from the core's calendar: gmtime_r is POSIX's.
    const std::string year = format_iso_datetime(now_unix_seconds()).substr(0, 4);
    auto form = ask_new_round(this, s.catalogue(), wxs(org_name), year);
    if (!form) return;
    auto docs = round_documents(s.catalogue(), form->questionnaire_id, form->version);
    if (!docs) {
        show_error(this, _("Round not started"), _("The questionnaire or its framework could not be read from the libraries."));
        return;
    }
    // Edit > Undo takes the round away again while nothing is answered in it.
    auto* command = new NewRoundCommand(host_, org_, form->period, *docs->framework, *docs->questionnaire, form->status,
                                        wxString::Format(_("New round %s"), wxs(form->period)));
    if (host_.commands().Submit(command)) {
        const std::string id = command->round();
        refresh();
        select_round(id);
        host_.set_status(wxString::Format(_("Started the %s round of %s: add respondents, or send the questionnaire."),
                                          period_name(form->period), wxs(docs->title)));
    }
}

void AssessmentsPage::set_status_of_selected(const std::string& status) {
    std::string id = selected_round();
    if (id.empty()) return;
    Session& s = host_.session();
    if (!s.is_open()) return;
    const wxString label = status == "closed" ? _("Close round") : _("Reopen round");
    if (host_.commands().Submit(new SetRoundStatusCommand(host_, id, status, label))) refresh();
}

}  // namespace ys::gui
