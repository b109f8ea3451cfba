#pragma once
// The questionnaire walk-through: one question at a time, with its section, "Question n of
// m", help, the options, not applicable and don't know, and an evidence note. Every
// answer is stored the moment it is given (store::set_answer); there is no Save button.
// Keyboard: number keys choose (or tick) options, N not applicable, D don't know, Enter
// moves on, Backspace goes back, E goes to the evidence note, L to the question list (when
// not typing in a field); the keys that work at each moment are shown under the question.
// Escape asks before closing; the main window's menu shortcuts (Ctrl+Q, Ctrl+O...) work
// here too. A list beside the question jumps to any question or section, answered ones
// ticked. Conditional questions appear only while their condition holds (ys::condition_holds).
//
// The code is split by purpose: walkthrough.cpp (respondents, navigation, saving),
// walkthrough_layout.cpp (the window), walkthrough_question.cpp (one question's controls),
// walkthrough_keys.cpp (keys, their hints, closing, the main window's shortcuts),
// walkthrough_list.* (the question list).
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <wx/dialog.h>

#include "dialogs.h"
#include "rounds.h"

class wxBoxSizer;
class wxButton;
class wxCheckBox;
class wxChoice;
class wxGauge;
class wxKeyEvent;
class wxMenu;
class wxRadioButton;
class wxScrolledWindow;
class wxStaticText;
class wxTextCtrl;

namespace ys::gui {

class Host;
class QuestionList;

class WalkthroughDialog : public wxDialog {
public:
    WalkthroughDialog(wxWindow* parent, Host& host, const std::string& round);
    bool loaded() const { return loaded_; }
    const std::string& round_id() const { return round_id_; }
    const Questionnaire& questionnaire() const { return *round_.questionnaire; }

    // The respondent answering ("" when none yet).
    std::string respondent() const;
    void choose_respondent(const std::string& key);  // resumes at their first unanswered question
    std::string add_respondent(const RespondentForm& form);

    // The answer the walk-through holds (and shows) for a question of the current respondent.
    const Answer* answer_of(int question) const { return answer_for(question); }
    int current_question() const { return current_; }  // index in the questionnaire; -1 when finished
    bool finished() const { return current_ < 0; }
    wxString counter_text() const;  // "Question 3 of 12"
    wxString keys_text() const;     // the keys that work now, as shown under the question
    // The same as pressing `key` outside a text field (tests and automation).
    void press(int key);
    // Goes to a question (index in the questionnaire) if it is asked now; false if not.
    bool jump_to(int question);
    QuestionList* question_list() const { return list_; }
    // Escape: asks whether to close (the question names a note that would be lost); true if closed.
    bool ask_to_close();

    // Alt and a main window menu's letter (Alt+F for File) opens a copy of that menu here;
    // its choice runs in the main window. Tests replace the pop-up: the hook gets the copy
    // and returns the id chosen (wxID_NONE for none).
    static std::function<int(wxMenu& copy)> menu_popup_hook;

    // The answer was changed in the store by another hand (Edit > Undo or Redo in the main
    // window): read it again, and show it when it is the question on screen.
    void answer_changed(const std::string& respondent, const std::string& question);

    std::function<void()> on_changed;  // after each answer is stored
    std::function<void()> on_closed;

private:
    void build();
    void bind_events();
    void fill_respondents();
    std::vector<int> shown() const;  // questions whose condition holds, in order
    std::vector<const Answer*> by_question() const;
    const Answer* answer_for(int q) const;
    Respondent* current_respondent();
    int first_unanswered() const;
    void show_question(int q);
    void show_finished();
    // Labels wrapped to the question's width, wrapped again when the window is resized.
    void wrap_label(wxWindow* control, const wxString& prefix, const wxString& raw, int less = 0);
    int wrap_width() const;
    void rewrap();
    void focus_answer();  // the first answer control, off text fields so that number keys answer at once
    void update_progress();
    void update_keys();
    void update_status();  // the main window's status bar
    bool read_only() const;
    bool note_would_be_lost() const;  // a note typed on a question with no answer yet
    bool may_leave_question();         // false, saying why, when leaving would lose a note

    bool save(nlohmann::json answer);  // the current question's answer, with the evidence note
    bool save_controls();              // checklist, number and chain: from the controls
    void save_pending();               // evidence or number typed but not stored yet
    void choose(int option);           // 0-based option (choice, likert), tick (checklist), yes count (chain)
    void set_special(bool na);         // not applicable or don't know
    void next();
    void back();
    void on_char_hook(wxKeyEvent& e);
    bool forward_shortcut(const wxKeyEvent& e);  // a main window menu shortcut: sent there
    bool open_main_menu(const wxKeyEvent& e);    // Alt+F and the like: a copy of that menu
    void run_main_command(int id);               // a menu command, run in the main window
    void note(const wxString& text);

    Host& host_;
    std::string round_id_;
    std::string database_;  // the database the round was read from: answers go nowhere else
    store::LoadedRound round_;
    bool loaded_ = false;
    int respondent_ = -1;  // index into round_.answers.respondents
    int current_ = -1;
    std::vector<int> order_;  // every question, by section
    bool evidence_dirty_ = false, number_dirty_ = false;
    bool updating_ = false;
    struct Wrapped {
        wxWindow* control;
        wxString prefix, raw;  // shown as prefix + raw wrapped to the width less `less` pixels
        int less;
    };
    std::vector<Wrapped> wrapped_;
    int wrapped_width_ = 0;

    wxChoice* respondents_ = nullptr;
    wxButton* add_respondent_ = nullptr;
    QuestionList* list_ = nullptr;
    wxStaticText *section_ = nullptr, *counter_ = nullptr, *text_ = nullptr, *help_ = nullptr, *note_ = nullptr;
    wxStaticText* keys_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxScrolledWindow* body_ = nullptr;
    wxBoxSizer* options_ = nullptr;
    wxRadioButton* none_ = nullptr;
    std::vector<wxRadioButton*> radios_;
    std::vector<wxCheckBox*> checks_;
    wxTextCtrl* number_ = nullptr;
    wxCheckBox *na_ = nullptr, *dk_ = nullptr;
    wxStaticText* evidence_label_ = nullptr;
    wxTextCtrl* evidence_ = nullptr;
    wxButton *back_ = nullptr, *next_ = nullptr;
};

}  // namespace ys::gui
