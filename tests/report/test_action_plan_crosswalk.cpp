// The action plan in other frameworks' terms: after the summary, marked as an
// approximation, with the figures the crosswalk gives; nothing of it without a crosswalk.
#include <catch2/catch.hpp>

#include "action_plan.h"
#include "crosswalk/crosswalk_result.h"
#include "report_test_support.h"
#include "text_format.h"

using namespace ys;
using namespace ys::report;
using namespace report_test;

TEST_CASE("the action plan shows the result in CDDO's terms, as an approximation", "[report][action-plan][crosswalk]") {
    const EastmereRound& e = eastmere();
    REQUIRE(e.round2026);
    Crosswalk cw;
    std::vector<CrosswalkResult> results;
    Diagnostics d("crosswalk");
    REQUIRE(crosswalk_rounds(kSource + "/frameworks/crosswalks/cddo-dma-2023.json", {e.round2026}, cw, results, d));
    REQUIRE(results.size() == 1);

    ActionPlanInput in;
    in.framework = e.round2026->framework.get();
    in.questionnaire = e.round2026->questionnaire.get();
    in.result = &e.round2026->result;
    in.round = "Eastmere 2026 full assessment";
    in.report_date = "2026-11-21";
    in.created = "2026-11-21T10:00:00Z";
    std::string error;
    auto plain = build_action_plan(in, shipped(TemplateKind::ActionPlan), error);
    REQUIRE(plain);
    const std::string heading = "In the terms of the Data Maturity Assessment for Government (an approximation)";
    CHECK(heading_index(*plain, heading) < 0);

    in.crosswalks = {&results[0]};
    auto doc = build_action_plan(in, shipped(TemplateKind::ActionPlan), error);
    REQUIRE(doc);
    int at = heading_index(*doc, heading, 2);
    REQUIRE(at >= 0);
    // Under the summary, before the dimensions.
    CHECK(at > heading_index(*doc, "Summary", 1));
    CHECK(at < heading_index(*doc, "Dimension by dimension", 1));
    CHECK(mentions(*doc, cw.approximation));
    const Table* topics = next_block<Table>(*doc, at);
    REQUIRE(topics);
    CHECK(topics->rows.size() == 10);
    // The table holds the crosswalk's own figures, rounded to one decimal.
    const auto& first = results[0].items[cw.axes[0].items[0]];
    REQUIRE(first.score);
    CHECK(topics->rows[0][0] == "Engaging with others");
    CHECK(topics->rows[0][1] == score_text(*first.score));
}
