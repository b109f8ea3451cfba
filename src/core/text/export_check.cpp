#include "export_check.h"

#include "respondent_tags.h"
#include "text_check.h"

namespace ys {
namespace {

std::string quoted(const std::string& s) { return "\"" + escape_for_terminal(s) + "\""; }

}  // namespace

std::string respondents_text_problem(const std::string& round, const std::vector<Respondent>& respondents,
                                     const Questionnaire* q, bool anonymise) {
    for (const Respondent& r : respondents) {
        // Written out only for a problem: imports check every respondent on the way in.
        auto where = [&] { return "round " + quoted(round) + ", respondent " + quoted(r.id) + ": "; };
        std::string p = text_problem(TextField::RespondentKey, r.id);
        if (p.empty() && !anonymise) p = text_problem(TextField::RespondentName, r.name);
        if (p.empty() && !anonymise) p = text_problem(TextField::RespondentEmail, r.email);
        if (p.empty() && !anonymise) p = team_problem(r.team);
        if (!p.empty()) return where() + p;
        if (anonymise) continue;
        for (const Answer& a : r.answers)
            if (std::string e = text_problem(TextField::Evidence, a.evidence); !e.empty()) {
                std::string question = q && a.question < q->questions.size() ? " to question " + quoted(q->questions[a.question].id) : "";
                return where() + "the answer" + question + ": " + e;
            }
    }
    return {};
}

std::string bundle_text_problem(const Bundle& b, bool anonymise) {
    anonymise = anonymise || b.anonymised;
    for (const auto& o : b.organisations) {
        for (auto [field, text] : {std::pair{TextField::OrganisationId, &o.id}, {TextField::OrganisationName, &o.name},
                                   {TextField::Region, &o.region}, {TextField::OnsCode, &o.ons_code},
                                   {TextField::OrganisationId, &o.parent}})
            if (std::string p = text_problem(field, *text); !p.empty())
                return "organisation " + quoted(o.id) + ": " + p;
    }
    for (const auto& g : b.peer_groups)
        for (auto [field, text] : {std::pair{TextField::PeerGroupId, &g.id}, {TextField::PeerGroupName, &g.name}})
            if (std::string p = text_problem(field, *text); !p.empty()) return "peer group " + quoted(g.id) + ": " + p;
    for (const auto& r : b.rounds) {
        if (std::string p = text_problem(TextField::Period, r.period); !p.empty())
            return "round " + quoted(r.id) + ": " + p;
        auto q = b.questionnaires.find(r.questionnaire_hash);
        if (std::string p = respondents_text_problem(r.id, r.respondents, q == b.questionnaires.end() ? nullptr : q->second.get(),
                                                     anonymise);
            !p.empty())
            return p;
        for (const auto& a : r.action_items) {
            std::string p = text_problem(TextField::DueDate, a.due);
            if (p.empty()) p = text_problem(TextField::ActionTitle, a.title);
            if (p.empty() && !anonymise) p = text_problem(TextField::ActionOwner, a.owner);
            if (p.empty() && !anonymise) p = text_problem(TextField::ActionNotes, a.notes);
            if (!p.empty()) return "round " + quoted(r.id) + ", action " + quoted(a.action) + ": " + p;
        }
    }
    for (const auto& t : b.targets)
        if (std::string p = text_problem(TextField::TargetDate, t.by); !p.empty())
            return "target of " + quoted(t.organisation) + " for " + quoted(t.dimension) + ": " + p;
    return {};
}

}  // namespace ys
