// One question's controls in the walk-through, rebuilt for each question by its kind
// (choice, likert, checklist, chain, number), and the "finished" view.
#include "walkthrough.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "walkthrough_list.h"

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

// The key of the i-th option: 1 to 9, then 0; none after the tenth (it is clicked or
// reached with Tab), but the label is indented the same so that the options line up.
wxString key_label(std::size_t i) {
    if (i < 9) return wxString::Format(wxS("%zu.  "), i + 1);
    if (i == 9) return wxS("0.  ");
    return wxS("\u2002\u2002  ");
}

}  // namespace

void WalkthroughDialog::show_question(int qi) {
    save_pending();
    updating_ = true;
    current_ = qi;
    const auto& qn = *round_.questionnaire;
    const Question& q = qn.questions[static_cast<std::size_t>(qi)];
    const Answer* a = answer_for(qi);
    if (q.section >= 0 && q.section < static_cast<int>(qn.sections.size()))
        section_->SetLabel(wxs(qn.sections[static_cast<std::size_t>(q.section)].title));
    wrapped_.clear();  // before the option controls go
    const int width = wrap_width();
    wrap_label(text_, {}, wxs(q.text));
    wrap_label(help_, {}, wxs(q.help));
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
                auto* r = new wxRadioButton(body_, wxID_ANY, key + label);
                wrap_label(r, key, wxs(q.options[i].label), FromDIP(60));
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
                auto* c = new wxCheckBox(body_, wxID_ANY, key + label);
                wrap_label(c, key, wxs(q.options[i].label), FromDIP(60));
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
                auto* c = new wxCheckBox(body_, wxID_ANY, key + label);
                wrap_label(c, key, wxs(q.steps[i].text), FromDIP(60));
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
    wrap_label(evidence_label_, {}, evidence_label_->GetLabel());
    wrapped_width_ = width;
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
    // Going through the list with the arrow keys leaves the focus there.
    if (wxWindow::FindFocus() != list_) focus_answer();
    update_keys();
}

int WalkthroughDialog::wrap_width() const { return std::max(FromDIP(360), body_->GetClientSize().GetWidth() - FromDIP(30)); }

void WalkthroughDialog::wrap_label(wxWindow* control, const wxString& prefix, const wxString& raw, int less) {
    wrapped_.push_back({control, prefix, raw, less});
}

void WalkthroughDialog::rewrap() {
    const int width = wrap_width();
    if (width == wrapped_width_) return;
    wrapped_width_ = width;
    for (const auto& w : wrapped_) {
        if (auto* text = dynamic_cast<wxStaticText*>(w.control)) {
            text->SetLabel(w.raw);
            text->Wrap(width - w.less);
        } else {
            w.control->SetLabel(w.prefix + wrap(body_, w.raw, width - w.less));
        }
    }
    body_->FitInside();
    Layout();
}

void WalkthroughDialog::focus_answer() {
    if (current_ < 0) {
        back_->SetFocus();
        return;
    }
    const Answer* a = answer_for(current_);
    const bool given = a && a->state == AnswerState::Given;
    // Focus stays off the note so that number keys answer at once.
    if (number_) number_->SetFocus();
    else if (!radios_.empty()) (given && a->choice < radios_.size() ? radios_[a->choice] : radios_.front())->SetFocus();
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
    wrapped_.clear();
    auto s = shown();
    int answered = 0;
    for (int q : s) answered += answer_for(q) ? 1 : 0;
    section_->SetLabel(_("Finished"));
    text_->SetLabel(answered == static_cast<int>(s.size())
                        ? wxString::Format(_("All %zu questions are answered and saved. Close, or choose another respondent."), s.size())
                        : wxString::Format(_("%d of %zu questions are answered and saved. Go back to answer the rest, or close "
                                             "and come back later."),
                                           answered, s.size()));
    wrap_label(text_, {}, text_->GetLabel());
    text_->Wrap(wrap_width());
    wrapped_width_ = wrap_width();
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
    update_keys();
}

}  // namespace ys::gui
