// The walk-through's window: the respondent row, the question list beside the question, the
// question in a scrolled area, the evidence note below it (outside the scrolled area, so a
// long checklist scrolls instead of pushing the note out of sight), the keys that work now,
// and the buttons. Also the events of these controls.
#include "walkthrough.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <cstdlib>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/display.h>
#include <wx/gauge.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "display_names.h"
#include "host.h"
#include "messages.h"
#include "walkthrough_list.h"

namespace ys::gui {

void WalkthroughDialog::build() {
    SetTitle(wxString::Format(_("Answer: %s, %s"), wxs(round_.questionnaire->title), period_name(round_.record.period)));
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* who = new wxBoxSizer(wxHORIZONTAL);
    auto* who_label = new wxStaticText(this, wxID_ANY, _("&Respondent:"));
    respondents_ = new wxChoice(this, wxID_ANY);
    respondents_->SetName(_("Respondent"));
    respondents_->SetToolTip(_("Who is answering: each respondent's answers are kept apart and combined in the results"));
    add_respondent_ = new wxButton(this, wxID_ANY, _("Add respondent\u2026"));
    add_respondent_->SetToolTip(_("Add a person answering this round, with their role"));
    who->Add(who_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    who->Add(respondents_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    who->Add(add_respondent_, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(who, 0, wxEXPAND | wxALL, FromDIP(10));
    top->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    // The question list on the left, the question on the right.
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("Questions (L):")), 0, wxBOTTOM, FromDIP(4));
    list_ = new QuestionList(this);
    list_->SetMinSize(FromDIP(wxSize(250, 120)));
    left->Add(list_, 1, wxEXPAND);
    // The list takes a quarter of a wide window (never less than its minimum): more of each question shows.
    columns->Add(left, 1, wxEXPAND | wxLEFT | wxTOP | wxBOTTOM, FromDIP(10));

    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    section_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    section_->SetName(_("Section"));
    section_->SetFont(section_->GetFont().Bold());
    counter_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxALIGN_RIGHT);
    counter_->SetName(_("Progress"));
    head->Add(section_, 1, wxALIGN_CENTER_VERTICAL);
    head->Add(counter_, 0, wxALIGN_CENTER_VERTICAL);
    right->Add(head, 0, wxEXPAND);
    gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(-1, FromDIP(8)));
    gauge_->SetName(_("Answered so far"));
    right->Add(gauge_, 0, wxEXPAND | wxTOP, FromDIP(6));

    body_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL);
    body_->SetName(_("Question"));
    body_->SetScrollRate(0, FromDIP(10));
    // A small minimum: otherwise the sizer asks for the whole question's height, and what
    // does not fit is cut off below instead of scrolling.
    body_->SetMinSize(FromDIP(wxSize(300, 100)));
    auto* b = new wxBoxSizer(wxVERTICAL);
    text_ = new wxStaticText(body_, wxID_ANY, wxEmptyString);
    text_->SetName(_("Question text"));
    text_->SetFont(text_->GetFont().Scaled(1.2f));
    b->Add(text_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    help_ = new wxStaticText(body_, wxID_ANY, wxEmptyString);
    help_->SetName(_("Help"));
    help_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    b->Add(help_, 0, wxEXPAND | wxBOTTOM, FromDIP(10));
    options_ = new wxBoxSizer(wxVERTICAL);
    b->Add(options_, 0, wxEXPAND);
    auto* special = new wxBoxSizer(wxHORIZONTAL);
    na_ = new wxCheckBox(body_, wxID_ANY, _("Not applicable (N)"));
    na_->SetName(_("Not applicable"));
    na_->SetToolTip(_("This question does not apply here: it is left out of the score"));
    dk_ = new wxCheckBox(body_, wxID_ANY, _("Don't know (D)"));
    dk_->SetName(_("Don't know"));
    dk_->SetToolTip(_("Counted as asked but not answered, and shown separately"));
    special->Add(na_, 0, wxRIGHT, FromDIP(20));
    special->Add(dk_, 0);
    b->Add(special, 0, wxTOP | wxBOTTOM, FromDIP(10));
    body_->SetSizer(b);
    right->Add(body_, 1, wxEXPAND | wxTOP, FromDIP(10));

    evidence_label_ = new wxStaticText(this, wxID_ANY, _("&Evidence note (optional, E):"));
    right->Add(evidence_label_, 0, wxTOP, FromDIP(8));
    evidence_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, FromDIP(wxSize(-1, 70)), wxTE_MULTILINE);
    evidence_->SetName(_("Evidence note"));
    evidence_->SetToolTip(_("What shows this answer is right: a document, a report, a decision. Ctrl+Enter saves it and moves on."));
    right->Add(evidence_, 0, wxEXPAND | wxTOP, FromDIP(4));
    columns->Add(right, 3, wxEXPAND | wxALL, FromDIP(10));
    top->Add(columns, 1, wxEXPAND);

    keys_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    keys_->SetName(_("Keys"));
    keys_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    top->Add(keys_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    note_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    note_->SetName(_("Saved"));
    note_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* nav = new wxBoxSizer(wxHORIZONTAL);
    back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    back_->SetToolTip(_("The previous question (Backspace)"));
    next_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
    next_->SetToolTip(_("The next question (Enter)"));
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"));
    close->SetToolTip(_("Every answer is already saved; come back later to carry on where you left off (Esc)"));
    nav->Add(note_, 1, wxALIGN_CENTER_VERTICAL);
    nav->Add(back_, 0, wxLEFT, FromDIP(6));
    nav->Add(next_, 0, wxLEFT, FromDIP(6));
    nav->Add(close, 0, wxLEFT, FromDIP(16));
    top->Add(nav, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(top);

    // As large as is comfortable, but never larger than the screen it opens on.
    wxSize want = FromDIP(wxSize(1000, 680));
    const int display = wxDisplay::GetFromWindow(GetParent() ? GetParent() : this);
    const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    want.SetWidth(std::min(want.GetWidth(), area.GetWidth() - FromDIP(20)));
    want.SetHeight(std::min(want.GetHeight(), area.GetHeight() - FromDIP(20)));
    SetMinSize(FromDIP(wxSize(640, 440)));
    SetSize(want);
    CentreOnParent();
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    bind_events();
}

void WalkthroughDialog::bind_events() {
    respondents_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int i = respondents_->GetSelection();
        if (!may_leave_question()) {
            respondents_->SetSelection(respondent_);
            return;
        }
        if (i >= 0 && i < static_cast<int>(round_.answers.respondents.size()))
            choose_respondent(round_.answers.respondents[static_cast<std::size_t>(i)].id);
    });
    add_respondent_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto f = ask_respondent(this, *round_.questionnaire)) {
            std::string key = add_respondent(*f);
            if (!key.empty()) choose_respondent(key);
        }
    });
    list_->on_jump = [this](int q) { jump_to(q); };
    na_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (na_->GetValue()) set_special(true);
        else if (!save_controls()) {
            na_->SetValue(true);
            note(_("Choose an answer to replace \u201cNot applicable\u201d."));
        }
    });
    dk_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (dk_->GetValue()) set_special(false);
        else if (!save_controls()) {
            dk_->SetValue(true);
            note(_("Choose an answer to replace \u201cDon't know\u201d."));
        }
    });
    evidence_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (!updating_) evidence_dirty_ = true;
    });
    evidence_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        save_pending();
        e.Skip();
    });
    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { back(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next(); });
    Bind(wxEVT_CHAR_HOOK, &WalkthroughDialog::on_char_hook, this);
    // A wider or narrower window: the question and its options wrapped again, after the resize.
    body_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (std::abs(wrap_width() - wrapped_width_) > FromDIP(8)) CallAfter([this] { rewrap(); });
    });
    // The keys shown depend on where the focus is (typing a note, the list, the answers).
    Bind(wxEVT_CHILD_FOCUS, [this](wxChildFocusEvent& e) {
        e.Skip();
        update_keys();
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (e.CanVeto() && note_would_be_lost()) {
            int a = ask(this, _("Close the walk-through?"),
                        _("The evidence note you typed is not saved: a note is saved with an answer, and this question "
                          "has none yet. Close anyway and lose the note?"),
                        {_("Keep answering"), _("Close and lose the note")});
            if (a != 1) {
                e.Veto();
                evidence_->SetFocus();
                return;
            }
        }
        save_pending();
        host_.set_status(wxString::Format(_("Walk-through of %s, %s closed: every answer is saved."),
                                          wxs(round_.questionnaire->title), period_name(round_.record.period)));
        if (on_closed) on_closed();
        Destroy();
    });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Skip();
        bool have = respondent_ >= 0;
        auto s = shown();
        back_->Enable(have && (current_ < 0 ? !s.empty() : std::find(s.begin(), s.end(), current_) != s.begin()));
        next_->Enable(have && current_ >= 0);
        add_respondent_->Enable(!read_only());
        list_->Enable(have);
    });
}

}  // namespace ys::gui
