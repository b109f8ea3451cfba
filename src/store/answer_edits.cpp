#include "answer_edits.h"

#include "round_summaries.h"
#include "rounds.h"

namespace ys::store {

std::optional<StoredAnswerEntry> find_answer(Connection& c, const std::string& round, const std::string& respondent_key,
                                             const std::string& question_id) {
    Statement s = c.prepare(
        "SELECT a.state, a.value, a.evidence, a.confidence, a.answered_at FROM answer a "
        "JOIN respondent r ON r.id = a.respondent_id WHERE r.round_id = ? AND r.key = ? AND a.question_id = ?");
    s.bind(1, round).bind(2, respondent_key).bind(3, question_id);
    if (!s.step()) return std::nullopt;
    StoredAnswerEntry e;
    const std::string state = s.text(0);
    if (state == "na") e.answer["na"] = true;
    else if (state == "dont_know") e.answer["dont_know"] = true;
    // The value column holds the answer's JSON as written by set_answer or an import.
    else e.answer["value"] = s.is_null(1) ? nlohmann::json() : nlohmann::json::parse(s.text(1), nullptr, false);
    if (!s.is_null(2)) e.answer["evidence"] = s.text(2);
    if (!s.is_null(3)) e.answer["confidence"] = s.real(3);
    e.answered_at = s.integer(4);
    return e;
}

void remove_answer(Connection& c, const std::string& round, const std::string& respondent_key, const std::string& question_id) {
    get_round(c, round);  // an unknown round is NotFound, naming it
    Transaction t(c);
    require_open_round(c, round, "its answers cannot change");
    Statement s = c.prepare(
        "DELETE FROM answer WHERE question_id = ? AND respondent_id = "
        "(SELECT id FROM respondent WHERE round_id = ? AND key = ?)");
    s.bind(1, question_id).bind(2, round).bind(3, respondent_key);
    s.run();
    if (c.changes() > 0) clear_round_summary(c, round);
    t.commit();
}

}  // namespace ys::store
