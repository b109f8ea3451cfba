#include "messages.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "exit_codes.h"
#include "database.h"
#include "sqlite_handle.h"
#include "wx_utf8.h"

namespace ys::gui {
namespace {

MessageSink& message_sink() {
    static MessageSink sink;
    return sink;
}

QuestionSink& question_sink() {
    static QuestionSink sink;
    return sink;
}

}  // namespace

void set_message_sink(MessageSink sink) { message_sink() = std::move(sink); }
void set_question_sink(QuestionSink sink) { question_sink() = std::move(sink); }

void show_message(wxWindow* parent, const Message& m) {
    if (message_sink()) {
        message_sink()(m);
        return;
    }
    long style = wxOK | wxCENTRE;
    switch (m.kind) {
        case MessageKind::Info: style |= wxICON_INFORMATION; break;
        case MessageKind::Warning: style |= wxICON_WARNING; break;
        case MessageKind::Error: style |= wxICON_ERROR; break;
    }
    wxMessageDialog dlg(parent, m.text, m.title, style);
    if (!m.detail.empty()) dlg.SetExtendedMessage(m.detail);
    dlg.ShowModal();
}

void show_error(wxWindow* parent, const wxString& title, const wxString& text, const wxString& detail, int exit_code) {
    show_message(parent, {MessageKind::Error, title, text, detail, exit_code});
}

void show_info(wxWindow* parent, const wxString& title, const wxString& text, const wxString& detail) {
    show_message(parent, {MessageKind::Info, title, text, detail, 0});
}

int ask(wxWindow* parent, const wxString& title, const wxString& text, const std::vector<wxString>& answers) {
    if (question_sink()) return question_sink()(title, text, answers);
    // A small dialog with one button per answer (wxMessageDialog has at most three).
    wxDialog dlg(parent, wxID_ANY, title);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* label = new wxStaticText(&dlg, wxID_ANY, text);
    label->Wrap(dlg.FromDIP(460));
    top->Add(label, 0, wxALL, dlg.FromDIP(12));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    for (std::size_t i = 0; i < answers.size(); ++i) {
        auto* b = new wxButton(&dlg, wxID_HIGHEST + 1 + static_cast<int>(i), answers[i]);
        b->Bind(wxEVT_BUTTON, [&dlg, i](wxCommandEvent&) { dlg.EndModal(static_cast<int>(i)); });
        if (i == 0) b->SetDefault();
        buttons->Add(b, 0, wxLEFT, dlg.FromDIP(6));
    }
    auto* cancel = new wxButton(&dlg, wxID_CANCEL, _("Cancel"));
    buttons->Add(cancel, 0, wxLEFT, dlg.FromDIP(6));
    top->Add(buttons, 0, wxEXPAND | wxALL, dlg.FromDIP(12));
    dlg.SetSizerAndFit(top);
    dlg.SetEscapeId(wxID_CANCEL);
    dlg.CentreOnParent();
    int r = dlg.ShowModal();
    return (r >= 0 && r < static_cast<int>(answers.size())) ? r : -1;
}

Message store_error_message(const store::StoreError& e, const std::string& path, const wxString& doing) {
    using K = store::StoreError::Kind;
    Message m;
    m.kind = MessageKind::Error;
    m.exit_code = store::exit_code_for(e);
    wxString where = path.empty() ? wxString() : wxString::Format(_("Database: %s"), wxs(path));
    switch (e.kind()) {
        case K::Busy:
            m.title = _("Database busy");
            m.text = _("Another program held the database for more than 5 seconds.") + wxS(" ") + doing + wxS(" ") +
                     _("Close the other program (or another Yardstick window with this database open) and try again.");
            break;
        case K::NotYardstick:
            m.title = _("Not a Yardstick database");
            m.text = _("The file is not a Yardstick database, so it was not opened and was left untouched. Choose a "
                       "database made by Yardstick (File > Open), or start a new one (File > New database).");
            break;
        case K::Corrupt:
            m.title = _("Database damaged");
            m.text = _("The database is damaged, so it was not opened and was left untouched. Open a backup copy of "
                       "it instead, or import your answer files and bundles into a new database.");
            break;
        case K::TooNew:
            m.title = _("Database from a newer version");
            m.text = _("The database was written by a newer version of Yardstick, so it was not opened and was left "
                       "untouched. Install that version to open it.");
            break;
        case K::Io:
            m.title = _("Could not read or write");
            m.text = doing + wxS(" ") +
                     _("Check that the folder still exists, that you may write there and that the disk is not full, then try again.");
            break;
        default:
            m.title = _("Not done");
            m.text = doing;
            break;
    }
    m.detail = where.empty() ? wxs(e.what()) : where + wxS("\n") + wxs(e.what());
    return m;
}

}  // namespace ys::gui
