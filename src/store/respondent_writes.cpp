// Every write of respondents and answers: one at a time (add_respondent, set_answer) or many
// in one transaction (write_respondents, under every import and bundle). A closed round is
// refused here, so every path (CLI, GUI, imports, bundles) is refused alike.
#include <unordered_map>
#include <unordered_set>

#include "answers_read.h"
#include "json_fields.h"
#include "json_read.h"
#include "organisations.h"
#include "respondent_tagging.h"
#include "round_summaries.h"
#include "rounds.h"
#include "text_guard.h"
#include "store_errors.h"

namespace ys::store {
namespace {

std::string answer_value_text(const Question& q, const Answer& a) {
    if (a.state != AnswerState::Given) return {};
    // Option ids follow the id rule, so quoting needs no escapes: the common case skips
    // building a JSON value.
    if ((q.kind == QuestionKind::Choice || q.kind == QuestionKind::Likert) && a.choice < q.options.size())
        return "\"" + q.options[a.choice].id + "\"";
    return answer_value_json(q, a).dump();
}

const char* state_text(AnswerState s) {
    switch (s) {
        case AnswerState::Given: return "value";
        case AnswerState::NotApplicable: return "na";
        case AnswerState::DontKnow: return "dont_know";
    }
    return "value";
}

void insert_answer(Statement& s, std::int64_t respondent, const Question& q, const Answer& a) {
    s.reset();
    s.bind(1, respondent).bind(2, q.id).bind(3, state_text(a.state));
    if (a.state == AnswerState::Given) s.bind(4, answer_value_text(q, a));
    else s.bind_null(4);
    s.bind_optional(5, a.evidence);
    if (a.confidence >= 0) s.bind(6, static_cast<double>(a.confidence));
    else s.bind_null(6);
    s.bind(7, a.answered_at ? a.answered_at : now_seconds());
    s.run();
}

const char* kUpsertAnswer =
    "INSERT INTO answer (respondent_id, question_id, state, value, evidence, confidence, answered_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (respondent_id, question_id) DO UPDATE SET state = excluded.state, "
    "value = excluded.value, evidence = excluded.evidence, confidence = excluded.confidence, "
    "answered_at = excluded.answered_at";

// An answer as stored, to tell whether an incoming one changes it.
struct StoredAnswer {
    std::string state, value, evidence;
    bool has_confidence = false;
    double confidence = 0;
    std::int64_t answered_at = 0;
};

bool same_answer(const StoredAnswer& s, const Question& q, const Answer& a) {
    if (s.state != state_text(a.state) || s.value != answer_value_text(q, a) || s.evidence != a.evidence) return false;
    if ((a.confidence >= 0) != s.has_confidence) return false;
    if (s.has_confidence && s.confidence != static_cast<double>(a.confidence)) return false;
    // No time in the incoming answer means "now": the stored one's time is kept.
    return a.answered_at == 0 || a.answered_at == s.answered_at;
}

std::string stored_round_status(Connection& c, const std::string& round) {
    Statement s = c.prepare("SELECT status FROM round WHERE id = ?");
    s.bind(1, round);
    if (!s.step()) throw StoreError(StoreError::Kind::NotFound, "round \"" + round + "\" does not exist");
    return s.text(0);
}

}  // namespace

std::string closed_round_message(Connection& c, const std::string& round, const std::string& refused) {
    std::string described = "round \"" + round + "\"";
    try {
        RoundRecord r = get_round(c, round);
        auto org = find_organisation(c, r.organisation);
        described += " (" + (org ? org->name : r.organisation) + ", questionnaire \"" + r.questionnaire_id + "\", period " +
                     r.period + ")";
    } catch (const StoreError&) {
        // the id alone still says which round
    }
    return described + " is closed, so " + refused + "; reopen it first with: yardstick-cli round reopen " + round +
           " (or Reopen round on the Assessments page)";
}

void require_open_round(Connection& c, const std::string& round, const std::string& refused) {
    if (stored_round_status(c, round) == "closed")
        throw StoreError(StoreError::Kind::Invalid, closed_round_message(c, round, refused));
}

std::string add_respondent(Connection& c, const std::string& round, const std::string& role, const std::string& name,
                           const std::string& email, const std::string& key, bool update) {
    return add_tagged_respondent(c, round, role, name, email, key, update, {});
}

std::string add_tagged_respondent(Connection& c, const std::string& round, const std::string& role,
                                  const std::string& name, const std::string& email, const std::string& key, bool update,
                                  const RespondentTags& tags) {
    check_text({{TextField::RespondentRole, &role}, {TextField::RespondentName, &name}, {TextField::RespondentEmail, &email},
                {TextField::RespondentKey, &key}});
    if (!key.empty() && !is_valid_id(key))
        invalid("respondent key \"" + key + "\" is not valid; expected lower case letters, digits, '-', '_' or '.'");
    if (update && key.empty()) invalid("updating a respondent needs their key");
    // One write transaction from choosing the key to storing it: two programs adding at once
    // take turns, so neither can pick the key the other is about to store.
    Transaction t(c);
    RoundRecord r = get_round(c, round);
    require_open_round(c, round, update ? "its respondents cannot change" : "no respondent can be added to it");
    auto fw = load_framework(c, r.framework_hash);
    auto q = load_questionnaire(c, r.questionnaire_hash, *fw);
    if (!q->roles.empty() && q->find_role(role) < 0) {
        std::string list;
        for (const auto& x : q->roles) list += (list.empty() ? "" : ", ") + x.id;
        invalid("unknown role \"" + role + "\"; expected one of: " + list);
    }
    auto exists = [&](const std::string& k) {
        Statement e = c.prepare("SELECT 1 FROM respondent WHERE round_id = ? AND key = ?");
        e.bind(1, round).bind(2, k);
        return e.step();
    };
    std::string k = key;
    if (k.empty()) {
        // A stable anonymous key: the next free r<n> in this round.
        Statement n = c.prepare("SELECT count(*) FROM respondent WHERE round_id = ?");
        n.bind(1, round);
        n.step();
        for (std::int64_t i = n.integer(0) + 1;; ++i) {
            k = "r" + std::to_string(i);
            if (!exists(k)) break;
        }
    } else if (exists(k) && !update) {
        invalid("respondent \"" + k + "\" is already in round \"" + round +
                "\"; to change their role, name or e-mail say so (respondent add --update), or choose another key");
    } else if (update && !exists(k)) {
        throw StoreError(StoreError::Kind::NotFound, "respondent \"" + k + "\" is not in round \"" + round + "\"; nothing to update");
    }
    clear_round_summary(c, round);  // respondents count, and a role's share of the scores
    Statement s = c.prepare(
        "INSERT INTO respondent (round_id, key, role, name, email) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (round_id, key) DO UPDATE SET role = excluded.role, name = coalesce(excluded.name, name), "
        "email = coalesce(excluded.email, email)");
    s.bind(1, round).bind(2, k).bind_optional(3, role).bind_optional(4, name).bind_optional(5, email);
    s.run();
    if (tags.any()) tag_respondent(c, round, k, tags);  // checked there, in this transaction
    t.commit();
    return k;
}

void set_answer(Connection& c, const std::string& round, const std::string& respondent_key,
                const std::string& question_id, const nlohmann::json& answer, std::int64_t answered_at) {
    RoundRecord r = get_round(c, round);
    if (r.status == "closed") invalid(closed_round_message(c, round, "its answers cannot change"));
    auto fw = load_framework(c, r.framework_hash);
    auto q = load_questionnaire(c, r.questionnaire_hash, *fw);
    int qi = q->find_question(question_id);
    if (qi < 0) invalid("unknown question \"" + question_id + "\" in questionnaire \"" + q->id + "\"");
    Diagnostics d("answer");
    Answer a;
    a.question = static_cast<std::uint16_t>(qi);
    if (!read_answer_entry(JsonAt(&answer, "", d), q->questions[qi], a)) invalid(first_problem(d));
    a.answered_at = answered_at;
    std::int64_t respondent = 0;
    {
        // Finished before the write: a connection still reading cannot wait its turn to write.
        Statement p = c.prepare("SELECT id FROM respondent WHERE round_id = ? AND key = ?");
        p.bind(1, round).bind(2, respondent_key);
        if (!p.step())
            throw StoreError(StoreError::Kind::NotFound, "respondent \"" + respondent_key + "\" is not in round \"" + round + "\"");
        respondent = p.integer(0);
    }
    Transaction t(c);
    // Checked again under the write lock: the round may have been closed meanwhile.
    require_open_round(c, round, "its answers cannot change");
    clear_round_summary(c, round);
    Statement s = c.prepare(kUpsertAnswer);
    insert_answer(s, respondent, q->questions[qi], a);
    t.commit();  // durable when this returns
}

WriteCounts write_respondents(Connection& c, const std::string& round, const Questionnaire& q,
                              const std::vector<Respondent>& respondents, Progress* progress) {
    check_respondents_text(round, respondents, q);
    WriteCounts counts;
    Transaction t(c);
    const bool closed = stored_round_status(c, round) == "closed";
    bool cleared = false;
    // Called before the first write: a closed round refuses it; otherwise the summary goes.
    auto will_change = [&](const std::string& key) {
        if (closed)
            invalid(closed_round_message(c, round, "the answers of respondent \"" + key + "\" (and any others) cannot change"));
        if (!cleared) clear_round_summary(c, round);
        cleared = true;
    };
    Statement find = c.prepare(
        "SELECT id, role, name, email, team, target_role, age_band FROM respondent WHERE round_id = ? AND key = ?");
    Statement stored_answers = c.prepare(
        "SELECT question_id, state, value, evidence, confidence, answered_at FROM answer WHERE respondent_id = ?");
    Statement add = c.prepare(
        "INSERT INTO respondent (round_id, key, role, name, email, team, target_role, age_band) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    // Like a name, a tag not given keeps the stored one.
    Statement update = c.prepare(
        "UPDATE respondent SET role = ?, name = coalesce(?, name), email = coalesce(?, email), team = coalesce(?, team), "
        "target_role = coalesce(?, target_role), age_band = coalesce(?, age_band) WHERE id = ?");
    Statement answer = c.prepare(kUpsertAnswer);
    long long done = 0;
    std::unordered_map<std::string, StoredAnswer> stored;
    for (const Respondent& r : respondents) {
        if (progress) {
            stop_if_cancelled(progress);
            progress->step(done++, static_cast<long long>(respondents.size()), "Writing the answers of round " + round);
        }
        std::string role = r.role >= 0 ? q.roles[r.role].id : "";
        find.reset();
        find.bind(1, round).bind(2, r.id);
        std::int64_t pid = 0;
        bool found = find.step();
        bool details_change = true;
        if (found) {
            pid = find.integer(0);
            details_change = find.text(1) != role || (!r.name.empty() && find.text(2) != r.name) ||
                             (!r.email.empty() && find.text(3) != r.email) || (!r.team.empty() && find.text(4) != r.team) ||
                             (!r.target_role.empty() && find.text(5) != r.target_role) ||
                             (!r.age_band.empty() && find.text(6) != r.age_band);
        }
        find.reset();  // done reading before writing
        stored.clear();
        if (found) {
            stored_answers.reset();
            stored_answers.bind(1, pid);
            while (stored_answers.step()) {
                StoredAnswer s{stored_answers.text(1), stored_answers.text(2), stored_answers.text(3),
                               !stored_answers.is_null(4), stored_answers.real(4), stored_answers.integer(5)};
                stored.emplace(stored_answers.text(0), std::move(s));
            }
            stored_answers.reset();
        }
        // Only answers that differ from what is stored are written (their times are kept otherwise).
        std::vector<const Answer*> changed;
        for (const Answer& a : r.answers) {
            auto at = stored.find(q.questions[a.question].id);
            if (at == stored.end() || !same_answer(at->second, q.questions[a.question], a)) changed.push_back(&a);
        }
        counts.answers_unchanged += r.answers.size() - changed.size();
        if (found && !details_change && changed.empty()) {
            ++counts.respondents_unchanged;
            counts.unchanged_keys.push_back(r.id);
            continue;
        }
        will_change(r.id);
        if (found) {
            update.reset();
            update.bind_optional(1, role).bind_optional(2, r.name).bind_optional(3, r.email).bind_optional(4, r.team);
            update.bind_optional(5, r.target_role).bind_optional(6, r.age_band).bind(7, pid);
            update.run();
            ++counts.respondents_updated;
            counts.changed_keys.push_back(r.id);
        } else {
            add.reset();
            add.bind(1, round).bind(2, r.id).bind_optional(3, role).bind_optional(4, r.name).bind_optional(5, r.email);
            add.bind_optional(6, r.team).bind_optional(7, r.target_role).bind_optional(8, r.age_band);
            add.run();
            pid = c.last_insert_rowid();
            ++counts.respondents_added;
            counts.added_keys.push_back(r.id);
        }
        for (const Answer* a : changed) {
            insert_answer(answer, pid, q.questions[a->question], *a);
            ++counts.answers_written;
        }
    }
    t.commit();
    return counts;
}

WriteCounts write_form_return(Connection& c, const std::string& round, const Questionnaire& q, const Respondent& r,
                              const FormStamp& form) {
    Transaction t(c);
    require_open_round(c, round, "no returned form can be imported into it");
    WriteCounts w = write_respondents(c, round, q, {r});
    std::unordered_set<std::string> kept;
    for (const Answer& a : r.answers) kept.insert(q.questions[a.question].id);
    std::int64_t pid = 0;
    std::vector<std::string> stale;
    {
        Statement s = c.prepare("SELECT id FROM respondent WHERE round_id = ? AND key = ?");
        s.bind(1, round).bind(2, r.id);
        if (!s.step()) throw StoreError(StoreError::Kind::Other, "respondent \"" + r.id + "\" was not written");
        pid = s.integer(0);
        Statement a = c.prepare("SELECT question_id FROM answer WHERE respondent_id = ?");
        a.bind(1, pid);
        while (a.step())
            if (!kept.count(a.text(0))) stale.push_back(a.text(0));
    }
    if (!stale.empty()) {
        clear_round_summary(c, round);
        Statement del = c.prepare("DELETE FROM answer WHERE respondent_id = ? AND question_id = ?");
        for (const auto& qid : stale) {
            del.reset();
            del.bind(1, pid).bind(2, qid);
            del.run();
        }
        w.answers_removed += stale.size();
        if (w.respondents_unchanged) {  // only removals: the respondent did change
            w.respondents_unchanged = 0;
            w.unchanged_keys.clear();
            ++w.respondents_updated;
            w.changed_keys.push_back(r.id);
        }
    }
    Statement stamp = c.prepare("UPDATE respondent SET form_id = ?, saved_at = ? WHERE id = ?");
    stamp.bind(1, form.id).bind(2, form.saved_at).bind(3, pid);
    stamp.run();
    t.commit();
    return w;
}

void WriteCounts::add(const WriteCounts& w) {
    respondents_added += w.respondents_added;
    respondents_updated += w.respondents_updated;
    respondents_unchanged += w.respondents_unchanged;
    answers_written += w.answers_written;
    answers_unchanged += w.answers_unchanged;
    answers_removed += w.answers_removed;
    added_keys.insert(added_keys.end(), w.added_keys.begin(), w.added_keys.end());
    changed_keys.insert(changed_keys.end(), w.changed_keys.begin(), w.changed_keys.end());
    unchanged_keys.insert(unchanged_keys.end(), w.unchanged_keys.begin(), w.unchanged_keys.end());
}

}  // namespace ys::store
