#include "round_status.h"

#include <algorithm>
#include <map>

#include "csv.h"
#include "round_scope.h"
#include "round_scopes.h"
#include "rounds.h"

namespace ys::store {
namespace {

// `left_out` is "|q1|q2|": the questions of dimensions out of the round's scope, not counted
// (ids never hold '|': the id rule).
std::vector<RespondentProgress> load_respondents(Connection& c, const std::string& round, const std::string& left_out) {
    Statement s = c.prepare(
        "SELECT p.key, p.name, p.email, p.role, p.saved_at, p.form_id, "
        "  (SELECT count(*) FROM answer a WHERE a.respondent_id = p.id AND a.state <> 'dont_know' "
        "     AND instr(?, '|' || a.question_id || '|') = 0), "
        "  (SELECT max(a.answered_at) FROM answer a WHERE a.respondent_id = p.id) "
        "FROM respondent p WHERE p.round_id = ? ORDER BY p.id");
    s.bind(1, left_out).bind(2, round);
    std::vector<RespondentProgress> out;
    while (s.step()) {
        RespondentProgress r;
        r.key = s.text(0);
        r.name = s.text(1);
        r.email = s.text(2);
        r.role = s.text(3);
        r.from_form = !s.is_null(5);
        r.returned_at = !s.is_null(4) ? s.integer(4) : s.is_null(7) ? 0 : s.integer(7);
        r.answered = static_cast<std::size_t>(s.integer(6));
        out.push_back(std::move(r));
    }
    return out;
}

void tally(std::vector<Coverage>& lines, const std::string& label, bool returned) {
    for (auto& l : lines)
        if (l.label == label) {
            ++l.invited;
            l.returned += returned ? 1 : 0;
            return;
        }
    lines.push_back({label, 1, returned ? std::size_t{1} : std::size_t{0}});
}

}  // namespace

RoundStatus round_status(Connection& c, const std::string& round) {
    RoundRecord rec = get_round(c, round);
    auto fw = load_framework(c, rec.framework_hash);
    auto q = load_questionnaire(c, rec.questionnaire_hash, *fw);
    RoundStatus out;
    out.round = rec.id;
    out.status = rec.status;
    // Questions of dimensions out of the round's scope are not asked of anyone.
    const std::vector<char> out_of_scope = out_of_scope_mask(*fw, round_exclusions(c, round));
    std::string left_out = "|";
    for (const auto& qu : q->questions) {
        if (qu.dimension >= 0 && !out_of_scope.empty() && out_of_scope[static_cast<std::size_t>(qu.dimension)])
            left_out += qu.id + "|";
        else
            ++out.questions;
    }
    std::vector<RespondentProgress> respondents = load_respondents(c, round, left_out);
    out.respondents = respondents.size();
    for (auto& inv : list_invitations(c, round)) {
        InviteeStatus status;
        status.invitation = std::move(inv);
        out.invitees.push_back(std::move(status));
    }

    std::vector<bool> used(respondents.size(), false);
    std::map<std::string, std::size_t> by_email;
    for (std::size_t i = 0; i < respondents.size(); ++i)
        if (!respondents[i].email.empty()) by_email.emplace(email_key(respondents[i].email), i);
    for (auto& inv : out.invitees) {
        auto it = by_email.find(email_key(inv.invitation.email));
        if (it == by_email.end() || used[it->second]) continue;
        used[it->second] = true;
        inv.returned = true;
        inv.matched_by = "email";
        inv.respondent = respondents[it->second];
    }
    // Then by exact name, for respondents who gave a name but no email (or another one).
    for (auto& inv : out.invitees) {
        if (inv.returned || inv.invitation.name.empty()) continue;
        for (std::size_t i = 0; i < respondents.size(); ++i)
            if (!used[i] && respondents[i].name == inv.invitation.name) {
                used[i] = true;
                inv.returned = true;
                inv.matched_by = "name";
                inv.respondent = respondents[i];
                break;
            }
    }
    for (std::size_t i = 0; i < respondents.size(); ++i)
        if (!used[i]) out.not_invited.push_back(respondents[i]);

    // Users see the questionnaire's names for roles, never their ids.
    auto role_name = [&](const std::string& id) -> std::string {
        if (id.empty()) return {};
        int r = q->find_role(id);
        return r < 0 ? id : q->roles[static_cast<std::size_t>(r)].name;
    };
    for (auto& inv : out.invitees) {
        inv.role_name = role_name(inv.invitation.role);
        if (inv.returned) inv.respondent.role_name = role_name(inv.respondent.role);
    }
    for (auto& r : out.not_invited) r.role_name = role_name(r.role);
    out.overall.label = "overall";
    for (const auto& inv : out.invitees) {
        ++out.overall.invited;
        out.overall.returned += inv.returned ? 1 : 0;
        tally(out.by_role, inv.role_name.empty() ? "(no role)" : inv.role_name, inv.returned);
        tally(out.by_department, inv.invitation.department.empty() ? "(no department)" : inv.invitation.department,
              inv.returned);
    }
    // By name, with "(no role)" or "(no department)" last.
    for (auto* lines : {&out.by_role, &out.by_department})
        std::stable_sort(lines->begin(), lines->end(), [](const Coverage& a, const Coverage& b) {
            const bool an = a.label.rfind("(no ", 0) == 0, bn = b.label.rfind("(no ", 0) == 0;
            return an != bn ? bn : a.label < b.label;
        });
    return out;
}

std::string pending_csv(const RoundStatus& status) {
    std::string out = "name,email,role,department\r\n";
    for (const auto& inv : status.invitees) {
        if (inv.returned) continue;
        const Invitation& i = inv.invitation;
        out += csv_cell(i.name) + "," + csv_cell(i.email) + "," + csv_cell(inv.role_name) + "," + csv_cell(i.department) + "\r\n";
    }
    return out;
}

}  // namespace ys::store
