// The rounds of a bundle: each with its questionnaire bound to its own framework, its
// respondents and answers checked against that questionnaire, its actions and its scope.
// The rest of the bundle is read in bundle.cpp; both share bundle_reader.h.
#include <set>

#include "answers_read.h"
#include "bundle_reader.h"
#include "input_limits.h"
#include "own_action.h"
#include "respondent_tags.h"
#include "targets.h"
#include "timestamps.h"

namespace ys::bundle_detail {

const BundleReader::RoundQuestionnaire* BundleReader::round_questionnaire_for(const JsonAt& r, const std::string& fh,
                                                                              const std::string& qh) {
    auto fw_it = out_.frameworks.find(fh);
    auto q_it = out_.questionnaires.find(qh);
    if (fw_it == out_.frameworks.end() || q_it == out_.questionnaires.end()) return nullptr;
    const Framework& fw = *fw_it->second;
    const Questionnaire& q = *q_it->second;
    if (q.framework_id != fw.id) {
        r["questionnaire"].error("questionnaire " + in_quotes(q.id) + " " + q.version + " measures framework " +
                                 in_quotes(q.framework_id) + ", but the round's framework is " + framework_label(fw));
        return nullptr;
    }
    if (!q.fits_framework_version(fw.version)) {
        std::string list;
        for (const auto& v : q.framework_versions) list += (list.empty() ? "" : ", ") + v;
        r["questionnaire"].error("questionnaire " + in_quotes(q.id) + " " + q.version + " fits framework versions " +
                                 list + ", but the round's framework is " + framework_label(fw));
        return nullptr;
    }
    auto key = std::make_pair(qh, fh);
    auto cached = bound_.find(key);
    if (cached != bound_.end()) return cached->second.q ? &cached->second : nullptr;
    RoundQuestionnaire rq;
    if (out_.questionnaire_framework.at(qh) == fh) {
        rq.q = q_it->second;
    } else {
        Diagnostics sub(diags_.file());
        rq.q = bind_definition(out_.definitions.at(qh), fw, sub);
        for (const auto& d : sub.items())
            if (d.severity == Severity::Error)
                r["questionnaire"].error("questionnaire " + in_quotes(q.id) + " " + q.version +
                                         " does not fit the round's framework " + framework_label(fw) + ": " +
                                         d.where + ": " + d.message);
    }
    if (rq.q)
        for (std::size_t i = 0; i < rq.q->questions.size(); ++i)
            rq.questions.emplace(rq.q->questions[i].id, static_cast<int>(i));
    auto& slot = bound_[key] = std::move(rq);
    return slot.q ? &slot : nullptr;
}

void BundleReader::read_rounds() {
    JsonAt list = root_["rounds"];
    if (!list.present() || !list.expect_array()) return;
    if (list.size() > kMaxBundleRounds) {
        list.error("holds " + std::to_string(list.size()) + " rounds; the limit is " +
                   std::to_string(kMaxBundleRounds));
        return;
    }
    std::set<std::string> ids;
    out_.rounds.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt r = list[i];
        if (!r.expect_object()) continue;
        r.check_keys({"id", "organisation", "period", "status", "created", "framework", "questionnaire",
                      "respondents", "action_items", "origin", "excluded"});
        BundleRound round;
        round.id = r.id("id", Need::Required).value_or("");
        round.origin = origin(r, "origin");
        if (!round.id.empty() && !ids.insert(round.id).second) r["id"].error("duplicate round id " + in_quotes(round.id));
        round.organisation = r.id("organisation", Need::Required).value_or("");
        if (!round.organisation.empty() && !org_index_.count(round.organisation))
            r["organisation"].error("unknown organisation " + in_quotes(round.organisation));
        round.period = r.text("period", TextField::Period, Need::Required).value_or("");
        if (auto s = r.string("status", Need::Required)) {
            if (!one_of(*s, kRoundStatuses))
                r["status"].error("unknown round status " + in_quotes(*s) + "; expected one of: " +
                                  list_text(kRoundStatuses));
            round.status = *s;
        }
        round.created = timestamp(r, "created");
        round.framework_hash = definition_ref(r, "framework", DocKind::Framework);
        round.questionnaire_hash = definition_ref(r, "questionnaire", DocKind::Questionnaire);
        const RoundQuestionnaire* rq = nullptr;
        if (!round.framework_hash.empty() && !round.questionnaire_hash.empty())
            rq = round_questionnaire_for(r, round.framework_hash, round.questionnaire_hash);
        read_respondents(r["respondents"], rq, round);
        auto fw_it = out_.frameworks.find(round.framework_hash);
        read_action_items(r["action_items"], fw_it == out_.frameworks.end() ? nullptr : fw_it->second.get(),
                          round);
        read_excluded(r["excluded"], fw_it == out_.frameworks.end() ? nullptr : fw_it->second.get(), round);
        out_.rounds.push_back(std::move(round));
    }
}

// A round's scope: ids of dimensions of its framework, each once (round_scopes.h).
void BundleReader::read_excluded(const JsonAt& list, const Framework* fw, BundleRound& round) {
    if (!list.present() || !list.expect_array()) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& j = list[i].json();
        if (!j.is_string()) {
            list[i].error("expected a dimension id (a string), found " + describe_json_type(j));
            continue;
        }
        std::string id = j.get<std::string>();
        if (fw && fw->find_dimension(id) < 0) list[i].error("the round's framework has no dimension " + in_quotes(id));
        else if (std::find(round.excluded.begin(), round.excluded.end(), id) != round.excluded.end())
            list[i].error(in_quotes(id) + " is listed twice");
        else round.excluded.push_back(std::move(id));
    }
}

void BundleReader::read_respondents(const JsonAt& list, const RoundQuestionnaire* rq, BundleRound& round) {
    if (!list.present() || !list.expect_array()) return;
    if (list.size() > kMaxRoundRespondents) {
        list.error("holds " + std::to_string(list.size()) + " respondents; the limit is " +
                   std::to_string(kMaxRoundRespondents) + " per round");
        return;
    }
    std::set<std::string> ids;
    round.respondents.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt r = list[i];
        if (!r.expect_object()) continue;
        Respondent out;
        auto role = read_bundle_respondent(r, out_.anonymised, ids, out);
        JsonAt answers = r["answers"];
        if (!answers.expect_object() || !rq) {
            round.respondents.push_back(std::move(out));
            continue;  // without a questionnaire its roles and answers cannot be checked
        }
        if (role) set_bundle_role(r, *rq->q, *role, out);
        read_respondent_tags(r, *rq->q, out);
        read_answers(answers, *rq, out);
        round.respondents.push_back(std::move(out));
    }
}

void BundleReader::read_answers(const JsonAt& answers, const RoundQuestionnaire& rq, Respondent& out) {
    const Questionnaire& q = *rq.q;
    out.answers.reserve(answers.size());
    for (auto it = answers.json().begin(); it != answers.json().end(); ++it) {
        JsonAt a = answers[it.key()];
        auto found = rq.questions.find(it.key());
        if (found == rq.questions.end()) {
            a.error("unknown question " + in_quotes(it.key()) + " in questionnaire " + in_quotes(q.id) + " " + q.version);
            continue;
        }
        if (out_.anonymised && a["evidence"].present())
            a["evidence"].error("an anonymised bundle holds no evidence");
        Answer ans;
        ans.question = static_cast<std::uint16_t>(found->second);
        if (read_answer_entry(a, q.questions[found->second], ans)) out.answers.push_back(std::move(ans));
    }
    // Answers to questions whose condition does not hold are not counted (answers_read.h).
    ys::drop_unasked(q, out, [&](const Question& qu, const std::string& message) { answers[qu.id].warning(message); });
}

void BundleReader::read_action_items(const JsonAt& list, const Framework* fw, BundleRound& round) {
    if (!list.present() || !list.expect_array()) return;
    std::set<std::string> actions;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt a = list[i];
        if (!a.expect_object()) continue;
        a.check_keys({"action", "title", "dimension", "owner", "due", "status", "notes"});
        BundleActionItem item;
        item.action = a.id("action", Need::Required).value_or("");
        // The council's own action: a title, and a dimension only if it names one.
        const bool own = is_own_action_id(item.action) && !(fw && action_dimension(*fw, item.action) >= 0);
        item.dimension = a.id("dimension", own ? Need::Optional : Need::Required).value_or("");
        if (!item.action.empty() && !actions.insert(item.action).second)
            a["action"].error("a second action item for " + in_quotes(item.action) + " in this round");
        if (own) {
            if (auto t = a.text("title", TextField::ActionTitle, Need::Required)) {
                if (t->find_first_not_of(" \t") == std::string::npos)
                    a["title"].error("an own action's title is blank; write what is to be done");
                item.title = *t;
            }
            if (fw && !item.dimension.empty()) {
                bool known = false;
                for (const auto& d : fw->dimensions) known = known || d.id == item.dimension;
                if (!known)
                    a["dimension"].error("unknown dimension " + in_quotes(item.dimension) + " in framework " +
                                         framework_label(*fw));
            }
        } else if (a["title"].present()) {
            a["title"].error("only an own action (\"own-1\", \"own-2\", ...) has a title; " + in_quotes(item.action) +
                             " is named by its framework");
        } else if (fw && !item.action.empty()) {
            int dim = action_dimension(*fw, item.action);
            if (dim < 0)
                a["action"].error("unknown action " + in_quotes(item.action) + " in framework " + framework_label(*fw));
            else if (!item.dimension.empty() && fw->dimensions[dim].id != item.dimension)
                a["dimension"].error("action " + in_quotes(item.action) + " hangs on dimension " +
                                     in_quotes(fw->dimensions[dim].id) + ", not " + in_quotes(item.dimension));
        }
        item.owner = a.text("owner", TextField::ActionOwner, Need::Optional).value_or("");
        item.due = a.string("due", Need::Optional).value_or("");
        if (a["due"].present() && !is_iso_date(item.due))
            a["due"].error("expected a date as YYYY-MM-DD, found " + in_quotes(item.due));
        if (auto s = a.string("status", Need::Required)) {
            if (!one_of(*s, kActionStatuses))
                a["status"].error("unknown action status " + in_quotes(*s) + "; expected one of: " +
                                  list_text(kActionStatuses));
            item.status = *s;
        }
        if (auto n = a.text("notes", TextField::ActionNotes, Need::Optional)) item.notes = *n;
        if (out_.anonymised) {
            if (a["owner"].present()) a["owner"].error("an anonymised bundle holds no action owners");
            if (a["notes"].present()) a["notes"].error("an anonymised bundle holds no action notes");
        }
        round.action_items.push_back(std::move(item));
    }
}

std::optional<std::string> read_bundle_respondent(const JsonAt& r, bool anonymised, std::set<std::string>& ids,
                                                  Respondent& out) {
    r.check_keys({"id", "role", "name", "email", "team", "target_role", "age_band", "answers"});
    out.id = r.id("id", Need::Required).value_or("");
    if (!out.id.empty() && !ids.insert(out.id).second)
        r["id"].error("duplicate respondent id " + in_quotes(out.id) + " in this round");
    out.name = r.text("name", TextField::RespondentName, Need::Optional).value_or("");
    out.email = r.text("email", TextField::RespondentEmail, Need::Optional).value_or("");
    if (anonymised) {
        if (r["name"].present()) r["name"].error("an anonymised bundle holds no respondent names");
        if (r["email"].present()) r["email"].error("an anonymised bundle holds no respondent emails");
        for (const char* tag : {"team", "age_band"})  // with a role, enough to tell who someone is
            if (r[tag].present()) r[tag].error("an anonymised bundle holds no respondent's team or age band");
    }
    return r.string("role", Need::Optional);
}

void set_bundle_role(const JsonAt& r, const Questionnaire& q, const std::string& role, Respondent& out) {
    out.role = q.find_role(role);
    if (out.role >= 0) return;
    std::string known;
    for (const auto& x : q.roles) known += (known.empty() ? "" : ", ") + x.id;
    r["role"].error("unknown role " + in_quotes(role) + "; " +
                    (known.empty() ? "questionnaire " + in_quotes(q.id) + " has no respondent roles"
                                   : "expected one of: " + known));
}

}  // namespace ys::bundle_detail
