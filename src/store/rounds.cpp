#include "rounds.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>

#include "answers_read.h"
#include "catalogue.h"
#include "framework_read.h"
#include "json_fields.h"
#include "json_read.h"
#include "round_scopes.h"
#include "organisations.h"
#include "questionnaire_read.h"
#include "respondent_tagging.h"
#include "retired_roles.h"
#include "round_summaries.h"
#include "sha256.h"
#include "targets.h"
#include "text_guard.h"
#include "store_errors.h"

namespace ys::store {
namespace {

// "\"l3\"" as written by answer_value_text: the option id between quotes.
bool decode_option_value(const std::string& text, const Question& q, Answer& a) {
    if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
    const std::size_t n = text.size() - 2;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        const std::string& id = q.options[i].id;
        if (id.size() == n && text.compare(1, n, id) == 0) {
            a.choice = static_cast<std::uint8_t>(i);
            return true;
        }
    }
    return false;  // not found: the full reader says what is wrong
}

// The questionnaire of a framework/questionnaire pair about to be stored, checked and bound.
std::optional<Questionnaire> checked_questionnaire(const nlohmann::json& framework_doc,
                                                  const nlohmann::json& questionnaire_doc) {
    Diagnostics d("framework");
    auto fw = parse_framework(framework_doc, d);
    if (!fw) invalid(first_problem(d));
    Diagnostics dq("questionnaire");
    auto q = parse_questionnaire(questionnaire_doc, dq);
    if (!q || !bind_questionnaire(*q, *fw, dq)) invalid(first_problem(dq));
    return q;
}

std::string slug(const std::string& s) {
    std::string out;
    for (char ch : s) {
        char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += ok ? c : '-';
    }
    return out;
}

}  // namespace

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string put_definition(Connection& c, const nlohmann::json& doc) {
    DocKind kind = kind_of(doc);
    if (kind != DocKind::Framework && kind != DocKind::Questionnaire) invalid("not a framework or questionnaire document");
    std::string hash = content_hash(doc);
    Statement s = c.prepare("INSERT OR IGNORE INTO definition (hash, kind, def_id, version, content) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, hash).bind(2, to_string(kind)).bind(3, doc.value("id", "")).bind(4, doc.value("version", "")).bind(5, doc.dump());
    s.run();
    return hash;
}

std::string round_id_for(const std::string& organisation, const std::string& period, const std::string& questionnaire) {
    return organisation + "." + slug(period) + "." + questionnaire;
}

RoundRecord new_round(Connection& c, const std::string& organisation, const std::string& period,
                      const nlohmann::json& framework_doc, const nlohmann::json& questionnaire_doc,
                      const std::string& status, std::int64_t created_at) {
    check_text({{TextField::OrganisationId, &organisation}, {TextField::Period, &period}});
    if (!find_organisation(c, organisation))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + organisation + "\" does not exist");
    if (period.empty() || period.size() > 64) invalid("a round needs a period of 1 to 64 characters, such as 2026 or 2026-Q1");
    if (status != "draft" && status != "open" && status != "closed")
        invalid("unknown round status \"" + status + "\"; expected draft, open or closed");
    std::optional<Questionnaire> q = checked_questionnaire(framework_doc, questionnaire_doc);
    std::string id = round_id_for(organisation, period, q->id);
    // Looked for under the write lock that stores it: two programs starting one round at once
    // get one round and one clear refusal, not a constraint error.
    Transaction t(c);
    {
        Statement exists = c.prepare("SELECT 1 FROM round WHERE id = ?");
        exists.bind(1, id);
        if (exists.step()) invalid("round \"" + id + "\" already exists");
    }
    std::string fh = put_definition(c, framework_doc);
    std::string qh = put_definition(c, questionnaire_doc);
    Statement s = c.prepare(
        "INSERT INTO round (id, organisation_id, framework_hash, questionnaire_hash, period, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, id).bind(2, organisation).bind(3, fh).bind(4, qh).bind(5, period).bind(6, status);
    s.bind(7, created_at ? created_at : now_seconds());
    s.run();
    t.commit();
    return get_round(c, id);
}

namespace {
std::string round_select(bool count_answers) {
    return std::string(
               "SELECT r.id, r.organisation_id, r.period, r.status, r.framework_hash, r.questionnaire_hash, f.def_id, "
               "f.version, q.def_id, q.version, r.created_at, "
               "(SELECT count(*) FROM respondent p WHERE p.round_id = r.id), ") +
           // Counting answers visits every one of them: skipped where only the rounds are wanted.
           (count_answers ? "(SELECT count(*) FROM answer a JOIN respondent p ON a.respondent_id = p.id "
                            "WHERE p.round_id = r.id) "
                          : "-1 ") +
           "FROM round r JOIN definition f ON f.hash = r.framework_hash JOIN definition q ON q.hash = r.questionnaire_hash ";
}

RoundRecord round_from(const Statement& s) {
    RoundRecord r;
    r.id = s.text(0);
    r.organisation = s.text(1);
    r.period = s.text(2);
    r.status = s.text(3);
    r.framework_hash = s.text(4);
    r.questionnaire_hash = s.text(5);
    r.framework_id = s.text(6);
    r.framework_version = s.text(7);
    r.questionnaire_id = s.text(8);
    r.questionnaire_version = s.text(9);
    r.created_at = s.integer(10);
    r.respondents = static_cast<int>(s.integer(11));
    r.answers = static_cast<int>(s.integer(12));
    return r;
}
}  // namespace

std::vector<RoundRecord> list_rounds(Connection& c, const std::string& organisation, bool count_answers) {
    std::vector<RoundRecord> out;
    Statement s = c.prepare(round_select(count_answers) + (organisation.empty() ? "" : "WHERE r.organisation_id = ? ") +
                            "ORDER BY r.organisation_id, r.period, r.id");
    if (!organisation.empty()) s.bind(1, organisation);
    while (s.step()) out.push_back(round_from(s));
    return out;
}

RoundRecord get_round(Connection& c, const std::string& id) {
    Statement s = c.prepare(round_select(true) + "WHERE r.id = ?");
    s.bind(1, id);
    if (!s.step()) throw StoreError(StoreError::Kind::NotFound, "round \"" + id + "\" does not exist");
    return round_from(s);
}

void set_round_status(Connection& c, const std::string& id, const std::string& status) {
    if (status != "draft" && status != "open" && status != "closed")
        invalid("unknown round status \"" + status + "\"; expected draft, open or closed");
    get_round(c, id);
    Statement s = c.prepare("UPDATE round SET status = ? WHERE id = ?");
    s.bind(1, status).bind(2, id);
    s.run();
}

namespace {
// A stored framework or questionnaire document; a missing or unreadable one means damage.
nlohmann::json stored_document(Connection& c, const std::string& hash, const char* kind, Diagnostics& d) {
    Statement s = c.prepare("SELECT content FROM definition WHERE hash = ? AND kind = ?");
    s.bind(1, hash).bind(2, kind);
    if (!s.step()) throw StoreError(StoreError::Kind::Corrupt, c.path() + ": " + kind + " " + hash + " is missing");
    auto doc = parse_json_text(s.text(0), d);
    if (!doc) throw StoreError(StoreError::Kind::Corrupt, c.path() + ": " + first_problem(d));
    return std::move(*doc);
}
}  // namespace

std::shared_ptr<const Framework> load_framework(Connection& c, const std::string& hash) {
    Diagnostics d("stored framework " + hash);
    auto fw = parse_framework(stored_document(c, hash, "framework", d), d);
    if (!fw) throw StoreError(StoreError::Kind::Corrupt, c.path() + ": " + first_problem(d));
    return std::make_shared<const Framework>(std::move(*fw));
}

std::shared_ptr<const Questionnaire> load_questionnaire(Connection& c, const std::string& hash, const Framework& fw) {
    Diagnostics d("stored questionnaire " + hash);
    auto q = parse_questionnaire(stored_document(c, hash, "questionnaire", d), d);
    if (!q || !bind_questionnaire(*q, fw, d)) throw StoreError(StoreError::Kind::Corrupt, c.path() + ": " + first_problem(d));
    return std::make_shared<const Questionnaire>(std::move(*q));
}

LoadedRound load_round(Connection& c, const std::string& id, DefinitionCache* cache) {
    LoadedRound out;
    out.record = get_round(c, id);
    if (cache && cache->frameworks.count(out.record.framework_hash) &&
        cache->questionnaires.count(out.record.framework_hash + out.record.questionnaire_hash)) {
        out.framework = cache->frameworks[out.record.framework_hash];
        out.questionnaire = cache->questionnaires[out.record.framework_hash + out.record.questionnaire_hash];
    } else {
        out.framework = load_framework(c, out.record.framework_hash);
        out.questionnaire = load_questionnaire(c, out.record.questionnaire_hash, *out.framework);
        if (cache) {
            // A questionnaire is bound to one framework: the pair is the key.
            cache->frameworks[out.record.framework_hash] = out.framework;
            cache->questionnaires[out.record.framework_hash + out.record.questionnaire_hash] = out.questionnaire;
        }
    }
    const Questionnaire& q = *out.questionnaire;
    auto org = find_organisation(c, out.record.organisation);
    out.answers.questionnaire_id = q.id;
    out.answers.questionnaire_version = q.version;
    out.answers.period = out.record.period;
    if (org) out.answers.organisation = {org->id, org->name, org->type, org->parent};
    out.answers.source = c.path() + "#" + id;

    std::unordered_map<std::int64_t, std::size_t> by_id;
    Statement rs = c.prepare(
        "SELECT id, key, role, name, email, team, target_role, age_band FROM respondent WHERE round_id = ? ORDER BY id");
    rs.bind(1, id);
    while (rs.step()) {
        Respondent r;
        r.id = rs.text(1);
        r.role = q.find_role(rs.text(2));
        r.name = rs.text(3);
        r.email = rs.text(4);
        r.team = rs.text(5);
        r.target_role = rs.text(6);
        r.age_band = rs.text(7);
        by_id[rs.integer(0)] = out.answers.respondents.size();
        out.answers.respondents.push_back(std::move(r));
    }
    std::unordered_map<std::string, int> question_index;
    for (std::size_t i = 0; i < q.questions.size(); ++i) question_index[q.questions[i].id] = static_cast<int>(i);
    Statement as = c.prepare(
        "SELECT a.respondent_id, a.question_id, a.state, a.value, a.evidence, a.confidence, a.answered_at "
        "FROM answer a JOIN respondent p ON a.respondent_id = p.id WHERE p.round_id = ?");  // any order: by_id finds the respondent
    as.bind(1, id);
    while (as.step()) {
        auto qi = question_index.find(as.text(1));
        auto ri = by_id.find(as.integer(0));
        if (qi == question_index.end() || ri == by_id.end()) continue;  // cannot happen: writes are checked
        const Question& qu = q.questions[qi->second];
        Answer a;
        a.question = static_cast<std::uint16_t>(qi->second);
        std::string state = as.text(2);
        a.state = state == "na" ? AnswerState::NotApplicable : state == "dont_know" ? AnswerState::DontKnow : AnswerState::Given;
        if (a.state == AnswerState::Given && (qu.kind == QuestionKind::Choice || qu.kind == QuestionKind::Likert) &&
            decode_option_value(as.text(3), qu, a)) {
            // the common case, read without building a JSON value
        } else if (a.state == AnswerState::Given) {
            Diagnostics d(c.path());
            auto value = parse_json_text(as.text(3), d);
            if (!value || !read_answer_value(JsonAt(&*value, "", d), qu, a))
                throw StoreError(StoreError::Kind::Corrupt, c.path() + ": a stored answer to \"" + qu.id + "\" in round \"" +
                                                                id + "\" no longer reads: " + first_problem(d));
        }
        a.evidence = as.text(4);
        if (!as.is_null(5)) a.confidence = static_cast<float>(as.real(5));
        a.answered_at = as.integer(6);
        out.answers.respondents[ri->second].answers.push_back(std::move(a));
    }
    out.excluded = round_exclusions(c, id);
    return out;
}

namespace {

// Inside upgrade_round's transaction: every role of the round's respondents, target roles and
// invitations that `q` lacks goes to its replacement, or is left blank.
std::vector<RoleMove> move_retired_roles(Connection& c, const std::string& round, const Questionnaire& q,
                                        const std::vector<RetiredRole>& retired) {
    std::map<std::string, RoleMove> moves;
    Statement old = c.prepare(
        "SELECT role FROM respondent WHERE round_id = ?1 AND role IS NOT NULL UNION "
        "SELECT target_role FROM respondent WHERE round_id = ?1 AND target_role IS NOT NULL UNION "
        "SELECT role FROM invitation WHERE round_id = ?1 AND role IS NOT NULL");
    old.bind(1, round);
    while (old.step()) {
        std::string role = old.text(0);
        if (role.empty() || q.find_role(role) >= 0) continue;
        RoleMove m;
        m.from = role;
        for (const RetiredRole& r : retired)
            if (r.id == role) {
                m.to = r.replaced_by;
                m.note = r.note;
            }
        moves.emplace(role, std::move(m));
    }
    old.reset();
    std::vector<RoleMove> out;
    for (auto& [from, m] : moves) {
        auto move = [&](const char* sql) {
            Statement u = c.prepare(sql);
            u.bind_optional(1, m.to).bind(2, round).bind(3, from);
            u.run();
            return static_cast<std::size_t>(c.changes());
        };
        m.respondents = move("UPDATE respondent SET role = ? WHERE round_id = ? AND role = ?");
        m.target_roles = move("UPDATE respondent SET target_role = ? WHERE round_id = ? AND target_role = ?");
        m.invitations = move("UPDATE invitation SET role = ? WHERE round_id = ? AND role = ?");
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace

UpgradeReport upgrade_round(Connection& c, const std::string& id, const nlohmann::json& framework_doc,
                            const nlohmann::json& questionnaire_doc, bool drop_retired) {
    std::vector<RoleMove> roles;
    return upgrade_round_roles(c, id, framework_doc, questionnaire_doc, drop_retired, roles);
}

UpgradeReport upgrade_round_roles(Connection& c, const std::string& id, const nlohmann::json& framework_doc,
                                  const nlohmann::json& questionnaire_doc, bool drop_retired, std::vector<RoleMove>& roles) {
    std::optional<Questionnaire> q = checked_questionnaire(framework_doc, questionnaire_doc);
    // The checks run inside the write transaction, so no answer or status change made by another
    // program between the check and the update slips through.
    Transaction t(c);
    RoundRecord r = get_round(c, id);
    // Upgrading re-scores the round, which closing it promised would not happen.
    require_open_round(c, id, "it cannot move to another questionnaire version");
    if (q->id != r.questionnaire_id)
        invalid("round \"" + id + "\" answers questionnaire \"" + r.questionnaire_id + "\", not \"" + q->id + "\"");
    Statement as = c.prepare(
        "SELECT p.key, a.question_id, a.state, a.value FROM answer a JOIN respondent p ON a.respondent_id = p.id "
        "WHERE p.round_id = ?");
    as.bind(1, id);
    std::size_t misfits = 0;
    std::string first;
    UpgradeReport report;
    while (as.step()) {
        std::string question = as.text(1);
        if (q->find_retired(question)) {
            ++report.dropped_answers;
            if (std::find(report.dropped_questions.begin(), report.dropped_questions.end(), question) ==
                report.dropped_questions.end())
                report.dropped_questions.push_back(question);
            continue;
        }
        int qi = q->find_question(question);
        bool ok = qi >= 0;
        if (ok) {
            const Question& qu = q->questions[qi];
            std::string state = as.text(2);
            Diagnostics da("answer");
            Answer a;
            if (state == "na") ok = qu.allow_na;
            else if (state == "dont_know") ok = qu.allow_dont_know;
            else if (auto v = parse_json_text(as.text(3), da)) ok = read_answer_value(JsonAt(&*v, "", da), qu, a);
            else ok = false;
        }
        if (!ok && misfits++ == 0) first = "respondent " + as.text(0) + ", question " + question;
    }
    if (misfits)
        invalid(std::to_string(misfits) + " stored answer" + (misfits == 1 ? " does" : "s do") + " not fit version " +
                q->version + " of \"" + q->id + "\" (the first: " + first + "); the round was left as it was");
    std::sort(report.dropped_questions.begin(), report.dropped_questions.end());  // the same words every time
    if (report.dropped_answers && !drop_retired) {
        std::string list;
        for (const auto& d : report.dropped_questions) list += (list.empty() ? "" : ", ") + d;
        invalid(std::to_string(report.dropped_answers) + " stored answer" + (report.dropped_answers == 1 ? " is" : "s are") +
                " to questions that version " + q->version + " of \"" + q->title + "\" no longer asks (" + list +
                "), so they cannot be carried over; the round was left as it was. Upgrade with --drop-retired to leave "
                "them behind (the questionnaire's notes say what replaces each), or keep the round on its version");
    }
    if (report.dropped_answers) {
        Statement del = c.prepare(
            "DELETE FROM answer WHERE question_id = ? AND respondent_id IN (SELECT id FROM respondent WHERE round_id = ?)");
        for (const auto& d : report.dropped_questions) {
            del.bind(1, d).bind(2, id);
            del.run();
            del.reset();
        }
    }
    roles = move_retired_roles(c, id, *q, retired_roles_of(questionnaire_doc, *q));
    std::string fh = put_definition(c, framework_doc);
    std::string qh = put_definition(c, questionnaire_doc);
    Statement u = c.prepare("UPDATE round SET framework_hash = ?, questionnaire_hash = ? WHERE id = ?");
    u.bind(1, fh).bind(2, qh).bind(3, id);
    u.run();
    clear_round_summary(c, id);
    t.commit();
    return report;
}

void set_target(Connection& c, const TargetRecord& t) {
    check_text({{TextField::OrganisationId, &t.organisation}, {TextField::TargetDate, &t.by}});
    if (!find_organisation(c, t.organisation))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + t.organisation + "\" does not exist");
    if (!t.by.empty() && !is_iso_date(t.by)) invalid("expected a target date as YYYY-MM-DD, found \"" + t.by + "\"");
    // The framework must be one a round of this database uses, so the dimension can be checked.
    Statement f = c.prepare("SELECT hash FROM definition WHERE kind = 'framework' AND def_id = ? ORDER BY version DESC");
    f.bind(1, t.framework);
    if (!f.step()) throw StoreError(StoreError::Kind::NotFound, "framework \"" + t.framework + "\" is not used by any round yet");
    auto fw = load_framework(c, f.text(0));
    if (fw->find_dimension(t.dimension) < 0)
        invalid("unknown dimension \"" + t.dimension + "\" in framework \"" + t.framework + "\"");
    // Written so that a NaN is refused too; fractions such as 2.5 are allowed.
    if (!(t.level >= fw->min_level() && t.level <= fw->max_level()))
        invalid("expected a target level from " + std::to_string(fw->min_level()) + " to " + std::to_string(fw->max_level()) +
                " (fractions such as 2.5 allowed)");
    Statement s = c.prepare(
        "INSERT INTO target (organisation_id, framework_id, dimension_id, level, by_date) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (organisation_id, framework_id, dimension_id) DO UPDATE SET level = excluded.level, by_date = excluded.by_date");
    s.bind(1, t.organisation).bind(2, t.framework).bind(3, t.dimension).bind(4, t.level).bind_optional(5, t.by);
    s.run();
}

void remove_target(Connection& c, const std::string& organisation, const std::string& framework,
                   const std::string& dimension) {
    if (!find_organisation(c, organisation))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + organisation + "\" does not exist");
    Statement s = c.prepare("DELETE FROM target WHERE organisation_id = ? AND framework_id = ? AND dimension_id = ?");
    s.bind(1, organisation).bind(2, framework).bind(3, dimension);
    s.run();
    if (c.changes() == 0)
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + organisation + "\" has no target for dimension \"" +
                                                         dimension + "\" of framework \"" + framework + "\"");
}

std::vector<TargetRecord> list_targets(Connection& c, const std::string& organisation) {
    std::vector<TargetRecord> out;
    Statement s = c.prepare(
        "SELECT organisation_id, framework_id, dimension_id, by_date, level FROM target WHERE organisation_id = ? "
        "ORDER BY framework_id, dimension_id");
    s.bind(1, organisation);
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.real(4)});
    return out;
}

}  // namespace ys::store
