#pragma once
// Assessment rounds with their framework and questionnaire kept by value, respondents,
// answers (each committed as it is given), targets and action-plan items.
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answers.h"
#include "framework.h"
#include "progress.h"
#include "questionnaire.h"
#include "sqlite_handle.h"

namespace ys::store {

struct RoundRecord {
    std::string id;
    std::string organisation;
    std::string period;
    std::string status;
    std::string framework_hash, questionnaire_hash;
    std::string framework_id, framework_version;
    std::string questionnaire_id, questionnaire_version;
    std::int64_t created_at = 0;
    int respondents = 0;
    int answers = 0;  // -1 when not counted
};

// Stores a framework or questionnaire document by value; returns its content hash.
std::string put_definition(Connection& c, const nlohmann::json& doc);

// A round's id: organisation, period and questionnaire, so the same round made in two
// databases has the same id and bundles merge instead of duplicating.
std::string round_id_for(const std::string& organisation, const std::string& period, const std::string& questionnaire);

// Creates a round; the documents are checked (framework, questionnaire bound to it) first.
RoundRecord new_round(Connection& c, const std::string& organisation, const std::string& period,
                      const nlohmann::json& framework_doc, const nlohmann::json& questionnaire_doc,
                      const std::string& status = "open", std::int64_t created_at = 0);
std::vector<RoundRecord> list_rounds(Connection& c, const std::string& organisation = {}, bool count_answers = true);
RoundRecord get_round(Connection& c, const std::string& id);
void set_round_status(Connection& c, const std::string& id, const std::string& status);

// What an upgrade left behind: answers to questions the new version retired.
struct UpgradeReport {
    std::size_t dropped_answers = 0;
    std::vector<std::string> dropped_questions;  // retired question ids, in the order met
};

// Moves a round onto other versions of its framework and questionnaire (the only way a
// round's scoring changes). Every stored answer must still read under the new
// questionnaire; otherwise nothing changes and the misfits are named. Answers to questions
// the new version lists as retired are refused too, unless `drop_retired`: then they are
// deleted in the same transaction and counted in the report.
UpgradeReport upgrade_round(Connection& c, const std::string& id, const nlohmann::json& framework_doc,
                            const nlohmann::json& questionnaire_doc, bool drop_retired = false);

struct LoadedRound {
    RoundRecord record;
    std::shared_ptr<const Framework> framework;
    std::shared_ptr<const Questionnaire> questionnaire;
    AnswerSet answers;
    std::vector<std::string> excluded{};  // dimensions out of the round's scope (round_scopes.h)
};
// Parsed definitions by hash, so many rounds sharing a framework read it once.
struct DefinitionCache {
    std::map<std::string, std::shared_ptr<const Framework>> frameworks;
    std::map<std::string, std::shared_ptr<const Questionnaire>> questionnaires;
};

// Reads a round, its snapshots and every answer, ready to score.
LoadedRound load_round(Connection& c, const std::string& id, DefinitionCache* cache = nullptr);

// Reads a stored definition and checks it again (the store never trusts itself blindly).
std::shared_ptr<const Framework> load_framework(Connection& c, const std::string& hash);
std::shared_ptr<const Questionnaire> load_questionnaire(Connection& c, const std::string& hash, const Framework& fw);

// Adds a respondent and returns their key: `key`, or the next free r<n> chosen inside the
// write transaction that stores it. A key already in the round is refused unless `update`
// is asked (then role, and name and e-mail when given, change; a key not there is refused).
// A closed round refuses both.
std::string add_respondent(Connection& c, const std::string& round, const std::string& role, const std::string& name,
                           const std::string& email, const std::string& key = {}, bool update = false);

// "round "ID" (Organisation name, questionnaire "q", period P) is closed, so <refused>; reopen
// it first with: yardstick-cli round reopen ID (or ...)": one line for every path refused.
std::string closed_round_message(Connection& c, const std::string& round, const std::string& refused);
// Throws StoreError(Invalid) with closed_round_message when the round is closed.
void require_open_round(Connection& c, const std::string& round, const std::string& refused);

// Records one answer, given as in answer files ({"value": ...} | {"na": true} | {"dont_know": true},
// optional "evidence", "confidence"), checked against the round's questionnaire and committed at once.
void set_answer(Connection& c, const std::string& round, const std::string& respondent_key,
                const std::string& question_id, const nlohmann::json& answer, std::int64_t answered_at);

// Writes many respondents' answers into a round in one transaction: respondents by key,
// answers by (respondent, question) replace what was there. Only what differs is written: a
// respondent whose details and answers are all as stored counts as unchanged, and keeps its
// answers' times. In a closed round anything new or changed is refused (StoreError naming the
// round); an import that changes nothing there is allowed, so a bundle can be read twice.
struct WriteCounts {
    std::size_t respondents_added = 0, respondents_updated = 0, respondents_unchanged = 0;
    std::size_t answers_written = 0, answers_unchanged = 0;
    std::size_t answers_removed = 0;  // by a newer save of a returned form, of questions it no longer answers
    std::vector<std::string> added_keys, changed_keys, unchanged_keys;  // respondents, in the order given
    void add(const WriteCounts& other);
};
// With `progress`, each respondent is a step and a Cancel stops the write with
// ImportCancelled, before anything is committed.
WriteCounts write_respondents(Connection& c, const std::string& round, const Questionnaire& q,
                              const std::vector<Respondent>& respondents, Progress* progress = nullptr);

// Writes the one respondent of a file saved by an offline form, with its form stamp (schema
// v4): their answers become exactly those in the file (answers to questions it no longer
// answers are removed), and the respondent records the form id and when it was saved.
// Whether the save is newer than a stored one is the caller's to decide (import_answers.cpp).
// A closed round is refused, even when nothing would change.
WriteCounts write_form_return(Connection& c, const std::string& round, const Questionnaire& q, const Respondent& r,
                              const FormStamp& form);

// Thrown by the imports when their Progress says Cancel: the transaction around the import
// rolls back as it unwinds, so nothing is written.
struct ImportCancelled : std::runtime_error {
    ImportCancelled() : std::runtime_error("the import was cancelled; nothing was written") {}
};
// Throws ImportCancelled when `progress` is set and cancelled.
inline void stop_if_cancelled(const Progress* progress) {
    if (progress && progress->cancelled()) throw ImportCancelled();
}

struct TargetRecord {
    std::string organisation, framework, dimension, by;
    double level = 0;  // may be fractional (2.5); the INTEGER column keeps a REAL as it is
};
void set_target(Connection& c, const TargetRecord& t);
// Removes a target (the way back from a first set_target). A target that is not there is
// an error, not a quiet success: a mistyped dimension should say so.
void remove_target(Connection& c, const std::string& organisation, const std::string& framework,
                   const std::string& dimension);
std::vector<TargetRecord> list_targets(Connection& c, const std::string& organisation);

std::int64_t now_seconds();

}  // namespace ys::store
