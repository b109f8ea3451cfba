#include "help.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <filesystem>

#include <wx/dialog.h>
#include <wx/event.h>
#include <wx/eventfilter.h>
#include <wx/filename.h>
#include <wx/html/helpctrl.h>
#include <wx/html/helpwnd.h>
#include <wx/image.h>
#include <wx/toplevel.h>

#include "main_frame.h"
#include "messages.h"
#include "io/platform.h"

namespace fs = std::filesystem;

namespace ys::gui {
namespace {

HelpSink& sink() {
    static HelpSink s;
    return s;
}

// Dialogs the guide explains, by the name or title they are made with. A dialog not here
// takes the topic of the window it was opened from (a roadmap form: the Roadmap page's).
struct DialogTopic {
    const char* name;
    const char* topic;
};
const DialogTopic kDialogs[] = {
    {"Questionnaire walk-through", "first-assessment.html#answering"},
    {"New assessment round", "first-assessment.html#round"},
    {"Add a respondent", "first-assessment.html#respondents"},
    {"New organisation", "first-assessment.html#organisation"},
    {"Edit organisation", "first-assessment.html#organisation"},
    {"Move organisation", "first-assessment.html#organisation"},
    {"Send questionnaire", "inviting-colleagues.html#send"},
    {"Import a survey CSV", "inviting-colleagues.html#returns"},
    {"Who has answered", "inviting-colleagues.html#who-answered"},
    {"Set target", "reading-results.html#targets"},
    {"Adopt an action", "reading-results.html#actions"},
    {"Edit action", "reading-results.html#actions"},
    {"Compare scenarios", "roadmap.html#scenarios"},
    {"Scenarios side by side", "roadmap.html#scenarios"},
    {"Reports", "sharing.html#reports"},
    {"Export workbook", "sharing.html#workbook"},
};

const char* page_topic(int page) {
    switch (page) {
        case MainFrame::kAssessments: return "first-assessment.html";
        case MainFrame::kResults: return "reading-results.html";
        case MainFrame::kBenchmark: return "comparing-with-peers.html";
        case MainFrame::kRoadmap: return "roadmap.html";
        case MainFrame::kSkills: return "team-skills.html";
        default: return "index.html";
    }
}

// F1 in a dialog or any other window of the application but the main one, whose Help menu
// has F1 as its accelerator (GTK and Windows handle that before any key event is made).
class HelpKeys : public wxEventFilter {
public:
    explicit HelpKeys(Help& help) : help_(help) { wxEvtHandler::AddFilter(this); }
    ~HelpKeys() override { wxEvtHandler::RemoveFilter(this); }
    int FilterEvent(wxEvent& event) override {
        if (event.GetEventType() != wxEVT_CHAR_HOOK) return Event_Skip;
        auto& key = static_cast<wxKeyEvent&>(event);
        if (key.GetKeyCode() != WXK_F1 || key.HasAnyModifiers()) return Event_Skip;
        auto* w = wxDynamicCast(event.GetEventObject(), wxWindow);
        if (!w || dynamic_cast<MainFrame*>(wxGetTopLevelParent(w))) return Event_Skip;
        help_.show_for(w);
        return Event_Processed;
    }

private:
    Help& help_;
};

}  // namespace

std::string help_topic(wxWindow* window) {
    for (wxWindow* w = window; w; w = w->GetParent()) {
        if (!w->IsTopLevel()) continue;
        if (auto* frame = dynamic_cast<MainFrame*>(w))
            return frame->selected_organisation().empty() ? "index.html" : page_topic(frame->current_page());
        const wxString name = w->GetName();
        const wxString title = static_cast<wxTopLevelWindow*>(w)->GetTitle();
        for (const auto& d : kDialogs)
            if (name == wxGetTranslation(wxs(d.name)) || title == wxGetTranslation(wxs(d.name))) return d.topic;
    }
    return "index.html";
}

void set_help_sink(HelpSink s) { sink() = std::move(s); }

Help::Help(MainFrame& frame) : frame_(frame), keys_(std::make_unique<HelpKeys>(*this)) {}

Help::~Help() = default;  // the controller closes its window

std::string Help::book() const { return frame_.session().user_guide(); }

void Help::show(const std::string& topic) {
    if (sink()) {
        sink()(topic);
        return;
    }
    const std::string hhp = book();
    if (hhp.empty()) {
        show_error(&frame_, _("User guide"),
                   _("The user guide is not installed with this copy of Yardstick: its folder guide/ should be beside "
                     "frameworks/. Install Yardstick again, or read the guide in Yardstick's source folder."),
                   wxs(frame_.session().dirs().shipped));
        return;
    }
    if (!controller_) {
        // The guide's pictures are PNG; wxHTML shows only formats with a handler.
        if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
        // No parent: the help stays open beside the main window and its dialogs, and closes with it.
        // Contents, index, search and print; no bookmarks (a list nobody asked for).
        auto c = std::make_unique<wxHtmlHelpController>(wxHF_TOOLBAR | wxHF_CONTENTS | wxHF_INDEX | wxHF_SEARCH | wxHF_PRINT);
        c->SetTitleFormat(_("Yardstick user guide: %s"));
        if (!c->AddBook(wxFileName(wxs(hhp)), false)) {
            show_error(&frame_, _("User guide"), _("The user guide could not be read. Install Yardstick again."), wxs(hhp));
            return;
        }
        controller_ = std::move(c);
    }
    // A topic whose page is missing gets the contents: wx would otherwise search the index for it.
    std::error_code ec;
    const fs::path page = platform::path_from_utf8(hhp).parent_path() / platform::path_from_utf8(topic.substr(0, topic.find('#')));
    const bool first = !controller_->GetFrame();
    if (topic.empty() || !fs::is_regular_file(page, ec) || !controller_->Display(wxs(topic))) controller_->DisplayContents();
    if (wxFrame* f = controller_->GetFrame(); f && first) {
        // wx's default (700x480) cuts the guide's pictures: most of the main window, beside it.
        const wxSize main = frame_.GetSize();
        f->SetSize(wxSize(std::max(main.x * 4 / 5, f->FromDIP(760)), std::max(main.y * 9 / 10, f->FromDIP(520))));
        f->CentreOnScreen();
    }
}

}  // namespace ys::gui
