#pragma once
// The action plan for one assessment round: where the organisation stands per dimension,
// what the next level looks like, the framework's recommended actions to get there (quick
// wins first) with their owners and status, a timeline by quarter, the responsibilities
// the targets call for and, unless anonymised, every answer with its evidence.
#include <optional>
#include <string>
#include <vector>

#include "answers.h"
#include "crosswalk/crosswalk_result.h"
#include "document.h"
#include "framework.h"
#include "questionnaire.h"
#include "scoring.h"
#include "template.h"

namespace ys::report {

// An action adopted into the plan, as the store keeps it (store::ActionItem).
struct ActionItemView {
    std::string action;  // a framework action id, or an own action's ("own-N")
    std::string owner;   // empty: the framework's owner hint is shown as a suggestion
    std::string due;     // YYYY-MM-DD, or empty: due by the end of the action's timescale
    std::string status = "not-started";  // not-started, in-progress, done or dropped
    std::string notes;
    // The council's own actions only: what it wrote, and the dimension id it chose (or "").
    std::string title, dimension;
    bool own() const { return !title.empty(); }
};

struct ActionPlanInput {
    const Framework* framework = nullptr;
    const Questionnaire* questionnaire = nullptr;  // bound to `framework`
    // From score_round, with apply_targets and apply_previous done where they apply.
    const RoundResult* result = nullptr;
    // The round's answers, for the appendix; may be empty (then the appendix says so).
    std::vector<const AnswerSet*> answers;
    // Actions adopted for the round. Recommended actions not listed here are "not started"
    // with no owner agreed and no due date.
    std::vector<ActionItemView> actions;
    // The result in other frameworks' terms (CDDO, Data Orchard), shown after the summary,
    // each marked as an approximation; none when empty.
    std::vector<const CrosswalkResult*> crosswalks;
    // Leaves out the appendix of answers, so that no respondent's name or words appear.
    bool anonymise = false;
    std::string round;        // the round's name or id for the cover; may be empty
    std::string report_date;  // YYYY-MM-DD: the plan's date; quarters are counted from it
    std::string created;      // ISO date-time for the PDF's creation date
};

// Builds the plan. Returns nullopt with a one-line error when an input is missing, the
// result does not belong to the framework, or the report date is not a date.
std::optional<Document> build_action_plan(const ActionPlanInput& in, const ReportTemplate& tpl, std::string& error);

// The financial-year quarter a date falls in: "Q3 2026-27 (October to December 2026)".
std::string financial_quarter(const std::string& iso_date);
// The months an action's timescale runs to ("1-3 months" -> 3, "1 year" -> 12); nullopt
// for open-ended or unreadable timescales ("Ongoing").
std::optional<int> timescale_months(const std::string& timescale);
// YYYY-MM-DD plus whole months, the day held within the month.
std::string add_months(const std::string& iso_date, int months);

}  // namespace ys::report
