#include "walkthrough_support.h"

#include <catch2/catch.hpp>
#include <wx/uiaction.h>

#include "database.h"
#include "main_frame.h"
#include "organisations.h"
#include "rounds.h"
#include "session.h"

namespace ys::gui::test {

WalkSetup::WalkSetup(const std::string& name) {
    ensure_wx();
    dir = scratch_dir(name);
    db = dir + "/quick.db";
    frame = new MainFrame(application_data_dirs());
    frame->SetSize(1100, 740);
    frame->Show();
    REQUIRE(frame->create_database(db, false));
    Session& s = frame->session();
    store::add_organisation(s.db(), {"westford", "Westford London Borough Council (fictional)", "london-borough", "London", "", ""});
    auto docs = round_documents(s.catalogue(), "council-quick-check");
    REQUIRE(docs);
    round = store::new_round(s.db(), "westford", "2026", *docs->framework, *docs->questionnaire).id;
    frame->organisations_changed();
    frame->select_organisation("westford");
    pump(100);
}

WalkSetup::~WalkSetup() {
    if (frame) frame->Destroy();
    pump(50);
}

std::string WalkSetup::full_round() {
    Session& s = frame->session();
    auto docs = round_documents(s.catalogue(), "council-full");
    REQUIRE(docs);
    return store::new_round(s.db(), "westford", "2025", *docs->framework, *docs->questionnaire).id;
}

std::vector<Answer> stored_answers(const std::string& db, const std::string& round, const std::string& key) {
    store::Connection c = store::open_database(db, store::OpenOptions{false, 5000});
    store::LoadedRound r = store::load_round(c, round);
    for (const auto& resp : r.answers.respondents)
        if (resp.id == key) return resp.answers;
    return {};
}

const Answer* find_answer(const std::vector<Answer>& answers, int question) {
    for (const auto& a : answers)
        if (a.question == question) return &a;
    return nullptr;
}

namespace {
void aim(wxWindow* w) {
    wxUIActionSimulator sim;
    w->Raise();
    sim.MouseMove(w->GetScreenPosition() + wxPoint(w->GetSize().GetWidth() / 2, 20));
    pump(20);
}
}  // namespace

void press_key(wxWindow* w, int key, int modifiers) {
    aim(w);
    wxUIActionSimulator sim;
    sim.Char(key, modifiers);
    pump(40);
}

void type_text(wxWindow* w, const char* text) {
    aim(w);
    wxUIActionSimulator sim;
    sim.Text(text);
    pump(60);
}

}  // namespace ys::gui::test
