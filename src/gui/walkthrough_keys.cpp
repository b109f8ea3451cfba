// The walk-through's keyboard: the keys that answer and move, the line that shows which
// keys work now, Escape asking before closing, and the main window's menu shortcuts
// (Ctrl+Q, Ctrl+O, F1...), which a separate window would otherwise swallow.
#include "walkthrough.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <memory>

#include <wx/wxcrt.h>

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "messages.h"
#include "walkthrough_list.h"

namespace ys::gui {
namespace {

// "1–5", "1–9, 0" or "1": the number keys of `n` options.
wxString number_keys(std::size_t n) {
    if (n <= 1) return wxS("1");
    if (n <= 9) return wxString::Format(wxS("1\u2013%zu"), n);
    return wxS("1\u20139, 0");
}

bool is_enter(int key) { return key == WXK_RETURN || key == WXK_NUMPAD_ENTER; }

// The menu item whose shortcut is this key, searched through submenus too.
wxMenuItem* item_for(wxMenu* menu, int flags, int key) {
    for (wxMenuItem* item : menu->GetMenuItems()) {
        if (item->IsSubMenu()) {
            if (wxMenuItem* found = item_for(item->GetSubMenu(), flags, key)) return found;
            continue;
        }
        std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
        if (accel && accel->GetFlags() == flags && accel->GetKeyCode() == key) return item;
    }
    return nullptr;
}

// The main window's Undo could undo something else than an answer given here: it stays there.
bool kept_in_main_window(int id) { return id == wxID_UNDO || id == wxID_REDO; }

// A copy of a menu of the main window, as it is enabled now (ids kept: choices are sent there).
std::unique_ptr<wxMenu> copy_of(wxMenu* from) {
    auto copy = std::make_unique<wxMenu>();
    for (wxMenuItem* item : from->GetMenuItems()) {
        if (item->IsSeparator()) {
            copy->AppendSeparator();
        } else if (item->IsSubMenu()) {
            copy->AppendSubMenu(copy_of(item->GetSubMenu()).release(), item->GetItemLabel(), item->GetHelp());
        } else if (!kept_in_main_window(item->GetId())) {
            wxMenuItem* c = copy->Append(item->GetId(), item->GetItemLabel(), item->GetHelp(), item->GetKind());
            c->Enable(item->IsEnabled());
            if (item->IsCheckable()) c->Check(item->IsChecked());
        }
    }
    return copy;
}

}  // namespace

std::function<int(wxMenu&)> WalkthroughDialog::menu_popup_hook;

void WalkthroughDialog::press(int key) {
    if (respondent_ < 0) return;
    if (key == 'L' || key == 'l') {
        list_->SetFocus();
        return;
    }
    if (key == WXK_BACK) return back();
    if (current_ < 0) return;
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
    if (is_enter(key)) return next();
}

void WalkthroughDialog::on_char_hook(wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    wxWindow* focus = wxWindow::FindFocus();
    if (key == WXK_ESCAPE && !e.HasModifiers()) {
        ask_to_close();
        return;
    }
    // Ctrl+Enter moves on from anywhere, the note included.
    if (is_enter(key) && e.ControlDown() && !e.AltDown()) {
        if (focus && number_ && focus == number_ && number_dirty_ && !save_controls()) return;
        next();
        return;
    }
    if (e.ControlDown() || e.AltDown() || (key >= WXK_F1 && key <= WXK_F24)) {
        if (!forward_shortcut(e) && !open_main_menu(e)) e.Skip();
        return;
    }
    if (focus && focus == evidence_) {
        e.Skip();  // typing a note
        return;
    }
    if (focus && number_ && focus == number_) {
        if (is_enter(key)) {
            if (number_dirty_ && !save_controls()) return;
            return next();
        }
        e.Skip();
        return;
    }
    if (focus && focus == list_) {
        // The list keeps its own keys (arrows, Home, End, Page Up and Down); Enter answers
        // the question chosen there, and the answer keys work as anywhere else.
        if (is_enter(key)) return focus_answer();
        if (key == WXK_BACK || (key >= '0' && key <= '9') || (key >= WXK_NUMPAD0 && key <= WXK_NUMPAD9) || key == 'N' ||
            key == 'D' || key == 'E')
            return press(key);
        e.Skip();
        return;
    }
    if (focus && (focus == respondents_ ||
                  (dynamic_cast<wxButton*>(focus) && focus != next_ && (is_enter(key) || key == WXK_SPACE)))) {
        e.Skip();  // a focused button is pressed as usual
        return;
    }
    if (e.HasModifiers()) {
        e.Skip();
        return;
    }
    bool ours = key == 'L' || key == WXK_BACK ||
                (current_ >= 0 && ((key >= '0' && key <= '9') || (key >= WXK_NUMPAD0 && key <= WXK_NUMPAD9) || key == 'N' ||
                                   key == 'D' || key == 'E' || is_enter(key)));
    if (!ours) {
        e.Skip();
        return;
    }
    press(key);
}

bool WalkthroughDialog::forward_shortcut(const wxKeyEvent& e) {
    auto* frame = wxDynamicCast(GetParent(), wxFrame);
    wxMenuBar* bar = frame ? frame->GetMenuBar() : nullptr;
    if (!bar) return false;
    int flags = wxACCEL_NORMAL;
    if (e.ControlDown()) flags |= wxACCEL_CTRL;
    if (e.AltDown()) flags |= wxACCEL_ALT;
    if (e.ShiftDown()) flags |= wxACCEL_SHIFT;
    int key = e.GetKeyCode();
    if (key >= 'a' && key <= 'z') key += 'A' - 'a';
    wxMenuItem* item = nullptr;
    for (std::size_t i = 0; i < bar->GetMenuCount() && !item; ++i) item = item_for(bar->GetMenu(i), flags, key);
    // Ctrl+Z stays with the note being typed.
    if (!item || kept_in_main_window(item->GetId())) return false;
    frame->DoMenuUpdates();  // enabled for what is possible now
    if (!item->IsEnabled()) {
        note(wxString::Format(_("%s is not available now."), wxMenuItem::GetLabelText(item->GetItemLabel())));
        return true;
    }
    run_main_command(item->GetId());
    return true;
}

void WalkthroughDialog::run_main_command(int id) {
    auto* frame = wxDynamicCast(GetParent(), wxFrame);
    if (!frame || id == wxID_NONE || kept_in_main_window(id)) return;
    // Queued: a command such as Quit closes this window, which must not happen inside its own key handler.
    wxCommandEvent command(wxEVT_MENU, id);
    command.SetEventObject(frame);
    frame->GetEventHandler()->QueueEvent(command.Clone());
}

bool WalkthroughDialog::open_main_menu(const wxKeyEvent& e) {
    auto* frame = wxDynamicCast(GetParent(), wxFrame);
    wxMenuBar* bar = frame ? frame->GetMenuBar() : nullptr;
    int key = e.GetKeyCode();
    if (!bar || !e.AltDown() || e.ControlDown() || key > 0x7f || !wxIsalpha(key)) return false;
    key = wxToupper(key);
    // The walk-through's own Alt keys (Respondent, Back, Next, Close, Evidence) come first.
    for (wxChar own : {'R', 'B', 'N', 'C', 'E'})
        if (key == own) return false;
    for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) {
        const wxString label = bar->GetMenuLabel(i);
        const int amp = label.Find('&');
        if (amp == wxNOT_FOUND || static_cast<std::size_t>(amp) + 1 >= label.length() ||
            static_cast<int>(wxToupper(label[static_cast<std::size_t>(amp) + 1])) != key)
            continue;
        frame->DoMenuUpdates();  // enabled for what is possible now
        std::unique_ptr<wxMenu> copy = copy_of(bar->GetMenu(i));
        const int id = menu_popup_hook ? menu_popup_hook(*copy)
                                       : GetPopupMenuSelectionFromUser(*copy, wxPoint(FromDIP(10), FromDIP(10)));
        run_main_command(id);
        return true;
    }
    return false;
}

bool WalkthroughDialog::ask_to_close() {
    save_pending();
    wxString text = _("Every answer is saved: you can come back later and carry on where you left off.");
    std::vector<wxString> answers{_("Close"), _("Keep answering")};
    const bool lose = note_would_be_lost();
    if (lose) {
        text = _("The evidence note you typed is not saved: a note is saved with an answer, and this question has none yet.");
        answers = {_("Keep answering"), _("Close and lose the note")};
    }
    const int a = ask(this, _("Close the walk-through?"), text, answers);
    if (a != (lose ? 1 : 0)) {
        note(_("Carry on answering: Esc asks again."));
        return false;
    }
    evidence_dirty_ = false;  // the person chose to lose the note
    Close(true);
    return true;
}

wxString WalkthroughDialog::keys_text() const { return keys_ ? keys_->GetLabel() : wxString(); }

void WalkthroughDialog::update_keys() {
    if (!keys_) return;
    const wxString sep = wxS("   \u00b7   ");
    wxWindow* focus = wxWindow::FindFocus();
    wxString text;
    if (respondent_ < 0) {
        text = _("Add a respondent to start (Add respondent\u2026)") + sep + _("Esc close");
    } else if (focus && focus == evidence_) {
        text = _("Writing a note: type freely") + sep + _("Ctrl+Enter save and go to the next question") + sep +
               _("Tab leave the note") + sep + _("Esc close");
    } else if (current_ < 0) {
        text = _("Backspace back to the last question") + sep + _("L question list") + sep + _("Esc close");
    } else if (focus && focus == list_) {
        text = _("\u2191 \u2193 go through the questions") + sep + _("Enter answer this one") + sep + _("Esc close");
    } else {
        const Question& q = round_.questionnaire->questions[static_cast<std::size_t>(current_)];
        std::vector<wxString> parts;
        switch (q.kind) {
            case QuestionKind::Choice:
            case QuestionKind::Likert: parts.push_back(number_keys(q.options.size()) + _(" choose")); break;
            case QuestionKind::Checklist: parts.push_back(number_keys(q.options.size()) + _(" tick or untick")); break;
            case QuestionKind::Chain: parts.push_back(number_keys(q.steps.size()) + _(" yes up to that step")); break;
            case QuestionKind::Number: parts.push_back(_("Type the number, then Enter")); break;
        }
        const bool typing_number = number_ && focus == number_;
        if (!typing_number) {
            if (q.allow_na) parts.push_back(_("N not applicable"));
            if (q.allow_dont_know) parts.push_back(_("D don't know"));
            parts.push_back(_("E write a note"));
            parts.push_back(_("Enter next"));
            parts.push_back(_("Backspace back"));
            parts.push_back(_("L question list"));
        } else {
            parts.push_back(_("Tab then type a note"));
            parts.push_back(_("Ctrl+Enter next"));
        }
        parts.push_back(_("Esc close"));
        for (const auto& p : parts) text += (text.empty() ? wxString() : sep) + p;
    }
    if (read_only() && respondent_ >= 0) text = _("Read only: the round is closed") + sep + text;
    if (text == keys_->GetLabel()) return;
    keys_->SetLabel(text);
    keys_->Wrap(std::max(FromDIP(300), GetClientSize().GetWidth() - FromDIP(20)));
    Layout();
}

}  // namespace ys::gui
