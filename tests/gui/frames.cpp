#include "frames.h"

#include <catch2/catch.hpp>

#include "main_frame.h"
#include "organisations.h"
#include "rounds.h"
#include "session.h"

namespace ys::gui::test {

MainFrame* demo_frame(const std::string& dir, CapturedMessages& messages) {
    ensure_wx();
    auto* frame = new MainFrame(application_data_dirs());
    frame->SetSize(1200, 780);
    frame->Show();
    bool finished = false, ok = false;
    frame->create_database(dir + "/demo.db", true, [&](bool r) {
        finished = true;
        ok = r;
    });
    REQUIRE(pump_until([&] { return finished; }, 30000));
    INFO(messages.all_text());
    REQUIRE(ok);
    return frame;
}

MainFrame* westford_frame(const std::string& dir, std::string& round) {
    ensure_wx();
    auto* frame = new MainFrame(application_data_dirs());
    frame->Show();
    REQUIRE(frame->create_database(dir + "/westford.db", false));
    Session& s = frame->session();
    store::add_organisation(s.db(), {"westford", "Westford (fictional)", "london-borough", "", "", ""});
    auto docs = round_documents(s.catalogue(), "council-quick-check");
    REQUIRE(docs);
    round = store::new_round(s.db(), "westford", "2026", *docs->framework, *docs->questionnaire).id;
    frame->organisations_changed();
    frame->select_organisation("westford");
    return frame;
}

}  // namespace ys::gui::test
