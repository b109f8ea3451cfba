#include "walkthrough.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "answers_read.h"
#include "guard.h"
#include "host.h"
#include "json_fields.h"
#include "session.h"

namespace ys::gui {
namespace {

// Breaks text into lines no wider than `width` pixels in the window's font (radio button
// and check box labels do not wrap by themselves).
wxString wrap(wxWindow* w, const wxString& text, int width) {
    wxString out, line;
    wxArrayString words = wxSplit(text, ' ', '\0');
    for (const auto& word : words) {
        wxString candidate = line.empty() ? word : line + wxS(" ") + word;
        if (!line.empty() && w->GetTextExtent(candidate).GetWidth() > width) {
            out += line + wxS("\n");
            line = word;
        } else {
            line = candidate;
        }
    }
    return out + line;
}

wxString key_label(std::size_t i) {
    if (i < 9) return wxString::Format(wxS("%zu"), i + 1);
    if (i == 9) return wxS("0");
    return wxString();
}

}  // namespace

WalkthroughDialog::WalkthroughDialog(wxWindow* parent, Host& host, const std::string& round)
    : wxDialog(parent, wxID_ANY, _("Answer"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX | wxMINIMIZE_BOX),
      host_(host),
      round_id_(round) {
    SetName(_("Questionnaire walk-through"));
    Session& s = host_.session();
    loaded_ = guarded(parent, s.path(), _("The round could not be opened."), [&] { round_ = store::load_round(s.db(), round); });
    if (!loaded_) return;
    for (const auto& sec : round_.questionnaire->sections)
        for (int q : sec.questions) order_.push_back(q);
    build();
    fill_respondents();
    if (!round_.answers.respondents.empty()) {
        choose_respondent(round_.answers.respondents.front().id);
    } else {
        current_ = -1;
        section_->SetLabel(_("No respondents yet"));
        text_->SetLabel(_("Add a respondent to start answering: each person who answers is a respondent, with their role."));
        update_progress();
    }
}

void WalkthroughDialog::build() {
    SetTitle(wxString::Format(_("Answer: %s, %s"), wxs(round_.questionnaire->title), wxs(round_.record.period)));
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

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    section_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    section_->SetName(_("Section"));
    section_->SetFont(section_->GetFont().Bold());
    counter_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxALIGN_RIGHT);
    counter_->SetName(_("Progress"));
    head->Add(section_, 1, wxALIGN_CENTER_VERTICAL);
    head->Add(counter_, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(head, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(-1, FromDIP(8)));
    gauge_->SetName(_("Answered so far"));
    top->Add(gauge_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));

    body_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL);
    body_->SetName(_("Question"));
    body_->SetScrollRate(0, FromDIP(10));
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
    b->Add(special, 0, wxTOP, FromDIP(10));
    evidence_label_ = new wxStaticText(body_, wxID_ANY, _("&Evidence note (optional, E):"));
    b->Add(evidence_label_, 0, wxTOP, FromDIP(12));
    evidence_ = new wxTextCtrl(body_, wxID_ANY, wxEmptyString, wxDefaultPosition, FromDIP(wxSize(-1, 70)), wxTE_MULTILINE);
    evidence_->SetName(_("Evidence note"));
    evidence_->SetToolTip(_("What shows this answer is right: a document, a report, a decision. Ctrl+Enter moves on."));
    b->Add(evidence_, 0, wxEXPAND | wxTOP, FromDIP(4));
    body_->SetSizer(b);
    top->Add(body_, 1, wxEXPAND | wxALL, FromDIP(10));

    note_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    note_->SetName(_("Saved"));
    note_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* nav = new wxBoxSizer(wxHORIZONTAL);
    back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    back_->SetToolTip(_("The previous question (Backspace)"));
    next_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
    next_->SetToolTip(_("The next question (Enter)"));
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"));
    close->SetToolTip(_("Every answer is already saved; come back later to carry on where you left off"));
    nav->Add(note_, 1, wxALIGN_CENTER_VERTICAL);
    nav->Add(back_, 0, wxLEFT, FromDIP(6));
    nav->Add(next_, 0, wxLEFT, FromDIP(6));
    nav->Add(close, 0, wxLEFT, FromDIP(16));
    top->Add(nav, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    SetSizer(top);
    SetSize(FromDIP(wxSize(820, 640)));
    SetMinSize(FromDIP(wxSize(560, 420)));
    CentreOnParent();

    respondents_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int i = respondents_->GetSelection();
        if (i >= 0 && i < static_cast<int>(round_.answers.respondents.size()))
            choose_respondent(round_.answers.respondents[static_cast<std::size_t>(i)].id);
    });
    add_respondent_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto f = ask_respondent(this, *round_.questionnaire)) {
            std::string key = add_respondent(*f);
            if (!key.empty()) choose_respondent(key);
        }
    });
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
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CHAR_HOOK, &WalkthroughDialog::on_char_hook, this);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        save_pending();
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
    });
}

void WalkthroughDialog::fill_respondents() {
    respondents_->Clear();
    const auto& q = *round_.questionnaire;
    for (const auto& r : round_.answers.respondents) {
        wxString label = wxs(r.id);
        if (r.role >= 0 && r.role < static_cast<int>(q.roles.size()))
            label += wxS(" \u2013 ") + wxs(q.roles[static_cast<std::size_t>(r.role)].name);
        if (!r.name.empty()) label += wxS(" \u2013 ") + wxs(r.name);
        label += wxString::Format(_(" (%zu answered)"), r.answers.size());
        respondents_->Append(label);
    }
    if (respondent_ >= 0) respondents_->SetSelection(respondent_);
}

std::string WalkthroughDialog::respondent() const {
    if (respondent_ < 0) return {};
    return round_.answers.respondents[static_cast<std::size_t>(respondent_)].id;
}

Respondent* WalkthroughDialog::current_respondent() {
    if (respondent_ < 0) return nullptr;
    return &round_.answers.respondents[static_cast<std::size_t>(respondent_)];
}

bool WalkthroughDialog::read_only() const { return round_.record.status == "closed"; }

void WalkthroughDialog::choose_respondent(const std::string& key) {
    save_pending();
    for (std::size_t i = 0; i < round_.answers.respondents.size(); ++i)
        if (round_.answers.respondents[i].id == key) respondent_ = static_cast<int>(i);
    fill_respondents();
    int q = first_unanswered();
    if (q >= 0) show_question(q);
    else show_finished();
}

std::string WalkthroughDialog::add_respondent(const RespondentForm& form) {
    Session& s = host_.session();
    std::string key;
    if (!guarded(this, s.path(), _("The respondent was not added."),
                 [&] { key = store::add_respondent(s.db(), round_id_, form.role, form.name, form.email); }))
        return {};
    bool known = false;
    for (const auto& r : round_.answers.respondents) known = known || r.id == key;
    if (!known) {
        Respondent r;
        r.id = key;
        r.role = form.role.empty() ? -1 : round_.questionnaire->find_role(form.role);
        r.name = form.name;
        r.email = form.email;
        round_.answers.respondents.push_back(std::move(r));
    }
    fill_respondents();
    if (on_changed) on_changed();
    return key;
}

std::vector<const Answer*> WalkthroughDialog::by_question() const {
    std::vector<const Answer*> out(round_.questionnaire->questions.size(), nullptr);
    if (respondent_ < 0) return out;
    for (const auto& a : round_.answers.respondents[static_cast<std::size_t>(respondent_)].answers)
        if (a.question < out.size()) out[a.question] = &a;
    return out;
}

const Answer* WalkthroughDialog::answer_for(int q) const {
    if (respondent_ < 0) return nullptr;
    for (const auto& a : round_.answers.respondents[static_cast<std::size_t>(respondent_)].answers)
        if (a.question == q) return &a;
    return nullptr;
}

std::vector<int> WalkthroughDialog::shown() const {
    const auto& qn = *round_.questionnaire;
    auto answers = by_question();
    std::vector<int> out;
    for (int q : order_)
        if (condition_holds(qn, qn.questions[static_cast<std::size_t>(q)], answers)) out.push_back(q);
    return out;
}

int WalkthroughDialog::first_unanswered() const {
    for (int q : shown())
        if (!answer_for(q)) return q;
    return -1;
}

wxString WalkthroughDialog::counter_text() const { return counter_ ? counter_->GetLabel() : wxString(); }

void WalkthroughDialog::update_progress() {
    auto s = shown();
    int answered = 0;
    for (int q : s) answered += answer_for(q) ? 1 : 0;
    gauge_->SetRange(std::max<int>(1, static_cast<int>(s.size())));
    gauge_->SetValue(answered);
    if (current_ >= 0) {
        auto it = std::find(s.begin(), s.end(), current_);
        counter_->SetLabel(wxString::Format(_("Question %d of %zu"), static_cast<int>(it - s.begin()) + 1, s.size()));
    } else {
        counter_->SetLabel(wxString::Format(_("%d of %zu answered"), answered, s.size()));
    }
    gauge_->SetToolTip(wxString::Format(_("%d of %zu questions answered"), answered, s.size()));
    fill_respondents();
    Layout();
}

void WalkthroughDialog::note(const wxString& text) { note_->SetLabel(text); }

void WalkthroughDialog::show_question(int qi) {
    save_pending();
    updating_ = true;
    current_ = qi;
    const auto& qn = *round_.questionnaire;
    const Question& q = qn.questions[static_cast<std::size_t>(qi)];
    const Answer* a = answer_for(qi);
    if (q.section >= 0 && q.section < static_cast<int>(qn.sections.size()))
        section_->SetLabel(wxs(qn.sections[static_cast<std::size_t>(q.section)].title));
    const int width = std::max(FromDIP(360), body_->GetClientSize().GetWidth() - FromDIP(30));
    text_->SetLabel(wxs(q.text));
    text_->Wrap(width);
    help_->SetLabel(wxs(q.help));
    help_->Wrap(width);
    help_->Show(!q.help.empty());

    // Rebuild the answer controls for this question's kind.
    options_->Clear(true);
    radios_.clear();
    checks_.clear();
    none_ = nullptr;
    number_ = nullptr;
    const bool given = a && a->state == AnswerState::Given;
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert: {
            // A hidden first button holds the group's selection while nothing is chosen.
            none_ = new wxRadioButton(body_, wxID_ANY, wxS("-"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
            none_->Hide();
            options_->Add(none_);
            for (std::size_t i = 0; i < q.options.size(); ++i) {
                wxString label = wrap(body_, wxs(q.options[i].label), width - FromDIP(60));
                wxString key = key_label(i);
                auto* r = new wxRadioButton(body_, wxID_ANY, key.empty() ? label : key + wxS(".  ") + label);
                r->SetName(wxs(q.options[i].label));
                options_->Add(r, 0, wxBOTTOM, FromDIP(6));
                radios_.push_back(r);
                r->Bind(wxEVT_RADIOBUTTON, [this, i](wxCommandEvent&) {
                    if (!updating_) choose(static_cast<int>(i));
                });
            }
            if (given && a->choice < radios_.size()) radios_[a->choice]->SetValue(true);
            else none_->SetValue(true);
            break;
        }
        case QuestionKind::Checklist:
            for (std::size_t i = 0; i < q.options.size(); ++i) {
                wxString key = key_label(i);
                wxString label = wrap(body_, wxs(q.options[i].label), width - FromDIP(60));
                auto* c = new wxCheckBox(body_, wxID_ANY, key.empty() ? label : key + wxS(".  ") + label);
                c->SetName(wxs(q.options[i].label));
                c->SetValue(given && (a->ticked >> i) & 1u);
                options_->Add(c, 0, wxBOTTOM, FromDIP(6));
                checks_.push_back(c);
                c->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
                    if (!updating_) save_controls();
                });
            }
            break;
        case QuestionKind::Chain:
            options_->Add(new wxStaticText(body_, wxID_ANY, _("Tick each step that is true, from the first: a step counts only "
                                                              "after a yes to the one before.")),
                          0, wxBOTTOM, FromDIP(6));
            for (std::size_t i = 0; i < q.steps.size(); ++i) {
                wxString key = key_label(i);
                wxString label = wrap(body_, wxs(q.steps[i].text), width - FromDIP(60));
                auto* c = new wxCheckBox(body_, wxID_ANY, key.empty() ? label : key + wxS(".  ") + label);
                c->SetName(wxs(q.steps[i].text));
                c->SetValue(given && i < a->choice);
                options_->Add(c, 0, wxBOTTOM, FromDIP(6));
                checks_.push_back(c);
                c->Bind(wxEVT_CHECKBOX, [this, i](wxCommandEvent& e) {
                    if (updating_) return;
                    // A ladder: ticking a step ticks those before it; clearing one clears those after.
                    updating_ = true;
                    for (std::size_t j = 0; j < checks_.size(); ++j) {
                        if (e.IsChecked() && j < i) checks_[j]->SetValue(true);
                        if (!e.IsChecked() && j > i) checks_[j]->SetValue(false);
                    }
                    updating_ = false;
                    save_controls();
                });
            }
            break;
        case QuestionKind::Number: {
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            wxString range;
            if (q.min && q.max) range = wxString::Format(_("from %s to %s"), wxString::FromCDouble(*q.min), wxString::FromCDouble(*q.max));
            else if (q.min) range = wxString::Format(_("at least %s"), wxString::FromCDouble(*q.min));
            else if (q.max) range = wxString::Format(_("at most %s"), wxString::FromCDouble(*q.max));
            number_ = new wxTextCtrl(body_, wxID_ANY, given ? wxString::FromCDouble(a->number) : wxString(), wxDefaultPosition,
                                     FromDIP(wxSize(140, -1)), wxTE_PROCESS_ENTER);
            number_->SetName(_("Number"));
            number_->SetHint(range);
            number_->SetToolTip(_("Type the number and press Enter") + (range.empty() ? wxString() : wxS(" (") + range + wxS(")")));
            row->Add(new wxStaticText(body_, wxID_ANY, _("Answer:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
            row->Add(number_, 0, wxRIGHT, FromDIP(6));
            row->Add(new wxStaticText(body_, wxID_ANY, wxs(q.unit)), 0, wxALIGN_CENTER_VERTICAL);
            options_->Add(row);
            number_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
                if (!updating_) number_dirty_ = true;
            });
            break;
        }
    }
    na_->Show(q.allow_na);
    dk_->Show(q.allow_dont_know);
    evidence_label_->Show();
    evidence_->Show();
    na_->SetValue(a && a->state == AnswerState::NotApplicable);
    dk_->SetValue(a && a->state == AnswerState::DontKnow);
    evidence_label_->SetLabel(q.evidence_prompt.empty() ? _("&Evidence note (optional, E):")
                                                        : wxs(q.evidence_prompt) + _(" (E)"));
    evidence_label_->Wrap(width);
    evidence_->ChangeValue(a ? wxs(a->evidence) : wxString());
    evidence_->Enable(!read_only());
    for (auto* r : radios_) r->Enable(!read_only());
    for (auto* c : checks_) c->Enable(!read_only());
    if (number_) number_->Enable(!read_only());
    na_->Enable(!read_only());
    dk_->Enable(!read_only());
    evidence_dirty_ = number_dirty_ = false;
    updating_ = false;
    note(read_only() ? _("This round is closed: reopen it on the Assessments page to change answers.") : wxString());
    update_progress();
    body_->FitInside();
    body_->Scroll(0, 0);
    body_->Layout();
    // Focus stays off text fields so that number keys answer at once.
    if (number_) number_->SetFocus();
    else if (!radios_.empty()) (given ? radios_[a->choice] : radios_.front())->SetFocus();
    else if (!checks_.empty()) checks_.front()->SetFocus();
    else next_->SetFocus();
    if (!radios_.empty() && !given) {
        // Focusing a radio button must not select it.
        updating_ = true;
        none_->SetValue(true);
        updating_ = false;
    }
}

void WalkthroughDialog::show_finished() {
    save_pending();
    current_ = -1;
    updating_ = true;
    auto s = shown();
    int answered = 0;
    for (int q : s) answered += answer_for(q) ? 1 : 0;
    section_->SetLabel(_("Finished"));
    text_->SetLabel(answered == static_cast<int>(s.size())
                        ? wxString::Format(_("All %zu questions are answered and saved. Close, or choose another respondent."), s.size())
                        : wxString::Format(_("%d of %zu questions are answered and saved. Go back to answer the rest, or close "
                                             "and come back later."),
                                           answered, s.size()));
    text_->Wrap(std::max(FromDIP(360), body_->GetClientSize().GetWidth() - FromDIP(30)));
    help_->Hide();
    options_->Clear(true);
    radios_.clear();
    checks_.clear();
    none_ = nullptr;
    number_ = nullptr;
    na_->Hide();
    dk_->Hide();
    evidence_label_->Hide();
    evidence_->ChangeValue(wxEmptyString);
    evidence_->Hide();
    updating_ = false;
    update_progress();
    body_->FitInside();
    body_->Layout();
    back_->SetFocus();
}

bool WalkthroughDialog::save(nlohmann::json answer) {
    if (current_ < 0 || respondent_ < 0 || read_only()) return false;
    const auto& qn = *round_.questionnaire;
    const Question& q = qn.questions[static_cast<std::size_t>(current_)];
    std::string evidence = u8(evidence_->GetValue());
    if (!evidence.empty()) answer["evidence"] = evidence;
    else answer.erase("evidence");
    answer.erase("answered_at");
    Session& s = host_.session();
    const std::int64_t now = store::now_seconds();
    Respondent* r = current_respondent();
    if (!guarded(this, s.path(), _("The answer was not saved."),
                 [&] { store::set_answer(s.db(), round_id_, r->id, q.id, answer, now); }))
        return false;
    // Keep the in-memory copy the same as what was stored, read by the core's own reader.
    Diagnostics d;
    Answer a;
    if (read_answer_entry(JsonAt(&answer, "", d), q, a)) {
        a.question = static_cast<std::uint16_t>(current_);
        a.answered_at = now;
        auto it = std::find_if(r->answers.begin(), r->answers.end(), [&](const Answer& x) { return x.question == current_; });
        if (it != r->answers.end()) *it = std::move(a);
        else r->answers.push_back(std::move(a));
    }
    evidence_dirty_ = false;
    note(wxString::Format(_("Saved %s"), wxDateTime::Now().FormatISOTime()));
    update_progress();
    if (on_changed) on_changed();
    return true;
}

bool WalkthroughDialog::save_controls() {
    if (current_ < 0) return false;
    const Question& q = round_.questionnaire->questions[static_cast<std::size_t>(current_)];
    nlohmann::json value;
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert:
            for (std::size_t i = 0; i < radios_.size(); ++i)
                if (radios_[i]->GetValue()) value = q.options[i].id;
            if (value.is_null()) return false;
            break;
        case QuestionKind::Checklist:
            value = nlohmann::json::array();
            for (std::size_t i = 0; i < checks_.size(); ++i)
                if (checks_[i]->GetValue()) value.push_back(q.options[i].id);
            break;
        case QuestionKind::Chain: {
            value = nlohmann::json::array();
            for (std::size_t i = 0; i < checks_.size(); ++i) {
                value.push_back(checks_[i]->GetValue());
                if (!checks_[i]->GetValue()) break;
            }
            break;
        }
        case QuestionKind::Number: {
            double x = 0;
            wxString t = number_ ? number_->GetValue().Strip(wxString::both) : wxString();
            t.Replace(wxS(","), wxS("."));
            if (t.empty() || !t.ToCDouble(&x)) {
                if (!t.empty()) note(_("Type a number, such as 4 or 2.5."));
                return false;
            }
            value = x;
            break;
        }
    }
    updating_ = true;
    na_->SetValue(false);
    dk_->SetValue(false);
    updating_ = false;
    number_dirty_ = false;
    return save({{"value", value}});
}

void WalkthroughDialog::save_pending() {
    if (current_ < 0 || respondent_ < 0) return;
    if (number_dirty_) {
        save_controls();
        number_dirty_ = false;
    }
    if (evidence_dirty_) {
        const Question& q = round_.questionnaire->questions[static_cast<std::size_t>(current_)];
        if (const Answer* a = answer_for(current_)) {
            save(answer_to_json(q, *a, true));
        } else {
            note(_("The evidence note is saved with the answer: choose an answer."));
        }
        evidence_dirty_ = false;
    }
}

void WalkthroughDialog::choose(int option) {
    if (current_ < 0 || read_only()) return;
    const Question& q = round_.questionnaire->questions[static_cast<std::size_t>(current_)];
    updating_ = true;
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert:
            if (option < 0 || option >= static_cast<int>(radios_.size())) {
                updating_ = false;
                return;
            }
            radios_[static_cast<std::size_t>(option)]->SetValue(true);
            radios_[static_cast<std::size_t>(option)]->SetFocus();
            break;
        case QuestionKind::Checklist:
            if (option < 0 || option >= static_cast<int>(checks_.size())) {
                updating_ = false;
                return;
            }
            checks_[static_cast<std::size_t>(option)]->SetValue(!checks_[static_cast<std::size_t>(option)]->GetValue());
            break;
        case QuestionKind::Chain: {
            // Key k: yes to the first k steps (pressing it again steps back one); 0: no to the first.
            int yes = option + 1;
            int now = 0;
            while (now < static_cast<int>(checks_.size()) && checks_[static_cast<std::size_t>(now)]->GetValue()) ++now;
            if (yes == now) --yes;
            yes = std::clamp(yes, 0, static_cast<int>(checks_.size()));
            for (int j = 0; j < static_cast<int>(checks_.size()); ++j) checks_[static_cast<std::size_t>(j)]->SetValue(j < yes);
            break;
        }
        case QuestionKind::Number:
            updating_ = false;
            return;
    }
    updating_ = false;
    save_controls();
}

void WalkthroughDialog::set_special(bool na) {
    if (current_ < 0 || read_only()) return;
    const Question& q = round_.questionnaire->questions[static_cast<std::size_t>(current_)];
    if ((na && !q.allow_na) || (!na && !q.allow_dont_know)) return;
    updating_ = true;
    na_->SetValue(na);
    dk_->SetValue(!na);
    if (none_) none_->SetValue(true);
    for (auto* c : checks_) c->SetValue(false);
    if (number_) number_->ChangeValue(wxEmptyString);
    number_dirty_ = false;
    updating_ = false;
    save(na ? nlohmann::json{{"na", true}} : nlohmann::json{{"dont_know", true}});
}

void WalkthroughDialog::next() {
    if (respondent_ < 0 || current_ < 0) return;
    save_pending();
    auto s = shown();  // after saving: the answer may have turned a condition on or off
    auto it = std::find(s.begin(), s.end(), current_);
    if (it != s.end() && ++it != s.end()) show_question(*it);
    else if (it == s.end()) {
        // The current question is no longer asked: go to the next one in order that is.
        auto pos = std::find(order_.begin(), order_.end(), current_);
        for (auto o = pos; o != order_.end(); ++o)
            if (std::find(s.begin(), s.end(), *o) != s.end() && *o != current_) return show_question(*o);
        show_finished();
    } else {
        show_finished();
    }
}

void WalkthroughDialog::back() {
    if (respondent_ < 0) return;
    save_pending();
    auto s = shown();
    if (s.empty()) return;
    if (current_ < 0) return show_question(s.back());
    auto it = std::find(s.begin(), s.end(), current_);
    if (it != s.end() && it != s.begin()) show_question(*(it - 1));
}

void WalkthroughDialog::press(int key) {
    if (respondent_ < 0) return;
    if (key >= '1' && key <= '9') return choose(key - '1');
    if (key == '0') return choose(9);
    if (key >= WXK_NUMPAD1 && key <= WXK_NUMPAD9) return choose(key - WXK_NUMPAD1);
    if (key == WXK_NUMPAD0) return choose(9);
    if (key == 'N' || key == 'n') return set_special(true);
    if (key == 'D' || key == 'd') return set_special(false);
    if (key == 'E' || key == 'e') {
        if (evidence_->IsEnabled()) evidence_->SetFocus();
        return;
    }
    if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER) return next();
    if (key == WXK_BACK) return back();
}

void WalkthroughDialog::on_char_hook(wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    wxWindow* focus = wxWindow::FindFocus();
    if (key == WXK_ESCAPE) {
        Close();
        return;
    }
    if (focus && focus == evidence_) {
        // Typing a note: only Ctrl+Enter moves on.
        if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && e.ControlDown()) return next();
        e.Skip();
        return;
    }
    if (focus && number_ && focus == number_) {
        if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER) {
            if (number_dirty_ && !save_controls()) return;
            return next();
        }
        e.Skip();
        return;
    }
    if (focus && (focus == respondents_ || (dynamic_cast<wxButton*>(focus) && focus != next_ &&
                                            (key == WXK_RETURN || key == WXK_NUMPAD_ENTER || key == WXK_SPACE)))) {
        e.Skip();  // a focused button is pressed as usual
        return;
    }
    if (e.HasModifiers() || current_ < 0) {
        if (key == WXK_BACK && current_ < 0 && !e.HasModifiers()) return back();
        e.Skip();
        return;
    }
    bool ours = (key >= '0' && key <= '9') || (key >= WXK_NUMPAD0 && key <= WXK_NUMPAD9) || key == 'N' || key == 'D' ||
                key == 'E' || key == WXK_RETURN || key == WXK_NUMPAD_ENTER || key == WXK_BACK;
    if (!ours) {
        e.Skip();
        return;
    }
    press(key);
}

}  // namespace ys::gui
