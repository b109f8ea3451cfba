#include "walkthrough.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "answer_commands.h"
#include "answers_read.h"
#include "display_names.h"
#include "guard.h"
#include "host.h"
#include "json_fields.h"
#include "respondent_tagging.h"
#include "session.h"
#include "walkthrough_list.h"

namespace ys::gui {

WalkthroughDialog::WalkthroughDialog(wxWindow* parent, Host& host, const std::string& round)
    : wxDialog(parent, wxID_ANY, _("Answer"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX | wxMINIMIZE_BOX),
      host_(host),
      round_id_(round) {
    SetName(_("Questionnaire walk-through"));
    Session& s = host_.session();
    database_ = s.path();
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
        for (wxWindow* w : std::initializer_list<wxWindow*>{help_, na_, dk_, evidence_label_, evidence_}) w->Hide();
        update_progress();
        update_keys();
    }
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
                 [&] {
                     store::RespondentTags tags;  // a skills round's; empty ones are simply not set
                     if (!form.team.empty()) tags.team = form.team;
                     if (!form.target_role.empty()) tags.target_role = form.target_role;
                     if (!form.age_band.empty()) tags.age_band = form.age_band;
                     key = store::add_tagged_respondent(s.db(), round_id_, form.role, form.name, form.email, {}, false, tags);
                 }))
        return {};
    bool known = false;
    for (const auto& r : round_.answers.respondents) known = known || r.id == key;
    if (!known) {
        Respondent r;
        r.id = key;
        r.role = form.role.empty() ? -1 : round_.questionnaire->find_role(form.role);
        r.name = form.name;
        r.email = form.email;
        r.team = form.team;
        r.target_role = form.target_role;
        r.age_band = form.age_band;
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
    list_->fill(*round_.questionnaire, s, [this](int q) { return answer_for(q); }, current_);
    update_status();
    Layout();
}

void WalkthroughDialog::update_status() {
    // The main window's status bar says where the walk-through is, so that it is right
    // whichever window is in front.
    const wxString what = wxString::Format(_("Answering %s, %s"), wxs(round_.questionnaire->title), period_name(round_.record.period));
    const Respondent* r = respondent_ >= 0 ? &round_.answers.respondents[static_cast<std::size_t>(respondent_)] : nullptr;
    if (!r) {
        host_.set_status(what + _(": add a respondent to start answering."));
        return;
    }
    auto s = shown();
    int answered = 0;
    for (int q : s) answered += answer_for(q) ? 1 : 0;
    wxString who = wxs(r->id);
    if (!r->name.empty()) who = wxs(r->name);
    else if (r->role >= 0 && r->role < static_cast<int>(round_.questionnaire->roles.size()))
        who += wxS(" (") + wxs(round_.questionnaire->roles[static_cast<std::size_t>(r->role)].name) + wxS(")");
    wxString where;
    if (current_ >= 0) {
        auto it = std::find(s.begin(), s.end(), current_);
        where = wxString::Format(_("question %d of %zu"), static_cast<int>(it - s.begin()) + 1, s.size());
    } else {
        where = _("finished");
    }
    wxString state = wxString::Format(_("%d of %zu answered"), answered, s.size());
    if (read_only()) state += _("; the round is closed, so answers cannot be changed");
    host_.set_status(wxString::Format(wxS("%s as %s: %s, %s."), what, who, where, state));
}

bool WalkthroughDialog::jump_to(int question) {
    if (respondent_ < 0) return false;
    auto s = shown();
    if (std::find(s.begin(), s.end(), question) == s.end()) return false;
    if (question == current_) return true;
    if (!may_leave_question()) return false;
    save_pending();
    show_question(question);
    return true;
}

bool WalkthroughDialog::note_would_be_lost() const {
    return current_ >= 0 && evidence_dirty_ && !evidence_->GetValue().Strip(wxString::both).empty() && !answer_for(current_);
}

void WalkthroughDialog::note(const wxString& text) { note_->SetLabel(text); }

bool WalkthroughDialog::save(nlohmann::json answer) {
    if (current_ < 0 || respondent_ < 0 || read_only()) return false;
    Session& s = host_.session();
    if (s.path() != database_) {
        // Another database was opened meanwhile: this round is not in it.
        note(_("Not saved: another database is open now. Close this window and answer from there."));
        return false;
    }
    const auto& qn = *round_.questionnaire;
    const Question& q = qn.questions[static_cast<std::size_t>(current_)];
    std::string evidence = u8(evidence_->GetValue());
    if (!evidence.empty()) answer["evidence"] = evidence;
    else answer.erase("evidence");
    answer.erase("answered_at");
    const std::int64_t now = store::now_seconds();
    Respondent* r = current_respondent();
    // Through the main window's undo list: Edit > Undo puts back what was there before.
    wxString what = wxs(q.text);
    if (what.length() > 40) what = what.Left(39) + wxS("\u2026");
    auto* command = new SetAnswerCommand(host_, this, round_id_, r->id, q.id, answer, now,
                                         wxString::Format(_("Answer \u201c%s\u201d"), what));
    if (!host_.commands().Submit(command)) return false;
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

void WalkthroughDialog::answer_changed(const std::string& respondent, const std::string& question) {
    Session& s = host_.session();
    if (s.path() != database_) return;
    const int qi = round_.questionnaire->find_question(question);
    auto r = std::find_if(round_.answers.respondents.begin(), round_.answers.respondents.end(),
                          [&](const Respondent& x) { return x.id == respondent; });
    if (qi < 0 || r == round_.answers.respondents.end()) return;
    std::optional<store::StoredAnswerEntry> stored;
    if (!guarded(this, s.path(), _("The answer could not be read again."),
                 [&] { stored = store::find_answer(s.db(), round_id_, respondent, question); }))
        return;
    r->answers.erase(std::remove_if(r->answers.begin(), r->answers.end(), [&](const Answer& a) { return a.question == qi; }),
                     r->answers.end());
    Diagnostics d;
    Answer a;
    const Question& q = round_.questionnaire->questions[static_cast<std::size_t>(qi)];
    if (stored && read_answer_entry(JsonAt(&stored->answer, "", d), q, a)) {
        a.question = static_cast<std::uint16_t>(qi);
        a.answered_at = stored->answered_at;
        r->answers.push_back(std::move(a));
    }
    fill_respondents();
    if (r - round_.answers.respondents.begin() == respondent_ && current_ == qi) {
        // What the store holds now replaces what is on screen (a note typed since goes too).
        evidence_dirty_ = number_dirty_ = false;
        show_question(qi);
    } else {
        update_progress();
    }
    note(_("Answer changed from the main window (Edit > Undo or Redo)."));
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
            evidence_dirty_ = false;
        } else {
            // Kept as typed, and still unsaved: leaving the question or closing asks first.
            note(_("The evidence note is saved with the answer: choose an answer."));
        }
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

bool WalkthroughDialog::may_leave_question() {
    if (!note_would_be_lost()) return true;
    // Leaving would lose what was typed: the note is stored with the answer.
    note(_("Choose an answer first: the evidence note is saved with it. Or clear the note to move on."));
    list_->fill(*round_.questionnaire, shown(), [this](int q) { return answer_for(q); }, current_);
    return false;
}

void WalkthroughDialog::next() {
    if (respondent_ < 0 || current_ < 0 || !may_leave_question()) return;
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
    if (respondent_ < 0 || !may_leave_question()) return;
    save_pending();
    auto s = shown();
    if (s.empty()) return;
    if (current_ < 0) return show_question(s.back());
    auto it = std::find(s.begin(), s.end(), current_);
    if (it != s.end() && it != s.begin()) show_question(*(it - 1));
}

}  // namespace ys::gui
