#include "form_returns.h"

#include <map>
#include <utility>

#include "rounds.h"
#include "timestamps.h"

namespace ys::store {
namespace {

std::string who_of(const Respondent& r) { return r.name.empty() ? "respondent " + r.id : r.name; }

std::string answers_of(const std::string& who) {
    // "Ann Smith's answers", "respondent f-1a2b's answers"; a name ending in s keeps the 's too.
    return who + "'s answers";
}

ReturnNote note_for(ReturnNote::Kind kind, const AnswerSet& set, const std::string& round) {
    ReturnNote n;
    n.kind = kind;
    n.file = set.source;
    n.round = round;
    n.respondent = set.respondents.front().id;
    n.who = who_of(set.respondents.front());
    n.saved_at = set.form->saved_at;
    return n;
}

}  // namespace

std::string save_time_text(std::int64_t seconds) {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string iso = format_iso_datetime(seconds);  // 2026-12-05T10:42:07Z
    if (iso.size() < 16) return iso;
    int day = std::stoi(iso.substr(8, 2));
    int month = std::stoi(iso.substr(5, 2));
    if (month < 1 || month > 12) return iso;
    return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(11, 5);
}

std::vector<bool> newest_returns(const std::vector<AnswerSet>& sets, ImportReport& report) {
    std::vector<bool> keep(sets.size(), true);
    // (form id, respondent id) -> the set kept so far
    std::map<std::pair<std::string, std::string>, std::size_t> best;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        if (!sets[i].form || sets[i].respondents.size() != 1) continue;
        auto key = std::make_pair(sets[i].form->id, sets[i].respondents.front().id);
        auto [at, added] = best.emplace(key, i);
        if (added) continue;
        // The newer save wins; of two saves made at the same second, the file named first.
        std::size_t loser = i;
        if (sets[i].form->saved_at > sets[at->second].form->saved_at) {
            loser = at->second;
            at->second = i;
        }
        keep[loser] = false;
    }
    for (std::size_t i = 0; i < sets.size(); ++i) {
        if (keep[i]) continue;
        const AnswerSet& winner = sets[best[{sets[i].form->id, sets[i].respondents.front().id}]];
        ReturnNote n = note_for(ReturnNote::Kind::Duplicate, sets[i], sets[i].form->round);
        n.other_saved_at = winner.form->saved_at;
        n.other_file = winner.source;
        n.message = answers_of(n.who) + " saved " + save_time_text(n.saved_at) + " are skipped: " + winner.source +
                    (winner.form->saved_at == n.saved_at ? " holds the same save" : " holds a newer one, saved " +
                                                                                      save_time_text(n.other_saved_at));
        report.returns.push_back(std::move(n));
    }
    return keep;
}

bool import_form_return(Connection& c, const AnswerSet& set, const Questionnaire& q, const std::string& round,
                        ImportReport& report) {
    const FormStamp& form = *set.form;
    const Respondent& r = set.respondents.front();
    RoundRecord rec = get_round(c, round);
    if (rec.questionnaire_version != q.version) {
        report.diagnostics.add({Severity::Error, set.source, "/questionnaire/version",
                                "this form was made for version " + q.version + " of \"" + q.id + "\", but round \"" +
                                    round + "\" here uses version " + rec.questionnaire_version +
                                    "; make a new form for the round and ask for the answers again"});
        return false;
    }
    if (rec.status == "closed") {
        report.diagnostics.add({Severity::Error, set.source, "",
                                closed_round_message(c, round, "no returned form can be imported into it")});
        return false;
    }
    bool found = false, stamped = false;
    std::string stored_form;
    std::int64_t stored_at = 0;
    {
        Statement s = c.prepare("SELECT form_id, saved_at FROM respondent WHERE round_id = ? AND key = ?");
        s.bind(1, round).bind(2, r.id);
        if ((found = s.step())) {
            stamped = !s.is_null(0);
            stored_form = s.text(0);
            stored_at = s.integer(1);
        }
    }
    if (found && stored_form != form.id) {
        report.diagnostics.add(
            {Severity::Error, set.source, "/respondents/0/id",
             "respondent \"" + r.id + "\" is already in round \"" + round + "\" " +
                 (stamped ? "from another form (" + stored_form + ")" : "and did not come from a form") +
                 "; nothing was imported: check that this is the file the respondent sent"});
        return false;
    }
    if (found && form.saved_at <= stored_at) {
        ReturnNote n = note_for(form.saved_at == stored_at ? ReturnNote::Kind::Same : ReturnNote::Kind::Older, set, round);
        n.other_saved_at = stored_at;
        n.message = answers_of(n.who) + " saved " + save_time_text(n.saved_at) +
                    (n.kind == ReturnNote::Kind::Same
                         ? " are already imported; nothing changes"
                         : " are skipped: those saved " + save_time_text(stored_at) + " are already imported");
        WriteCounts same;
        same.respondents_unchanged = 1;
        same.unchanged_keys.push_back(r.id);
        count_writes(report, round, same);
        report.returns.push_back(std::move(n));
        return true;
    }
    WriteCounts w = write_form_return(c, round, q, r, form);
    count_writes(report, round, w);
    if (found) {
        ReturnNote n = note_for(ReturnNote::Kind::Replaced, set, round);
        n.other_saved_at = stored_at;
        n.message = answers_of(n.who) + " saved " + save_time_text(n.saved_at) + " replace those saved " +
                    save_time_text(stored_at);
        report.returns.push_back(std::move(n));
    }
    return true;
}

}  // namespace ys::store
