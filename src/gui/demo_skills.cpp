#include "demo_skills.h"

#include <cmath>
#include <cstdlib>

#include "organisations.h"
#include "rounds.h"
#include "session.h"

namespace ys::gui {
namespace {

// One fictional analyst: roles are role catalogue ids (the questionnaire's roles from 1.2);
// levels are in the skills framework's leaf order (scripting, pipelines, version control,
// extraction, cleaning, joining, charts, dashboards, story-telling, trends, trajectories,
// prediction, data protection, bias, requirements, influence).
struct DemoAnalyst {
    const char* name;
    const char* email;
    const char* team;
    const char* role;
    const char* target_role;
    const char* age_band;
    const char* levels;
};

const DemoAnalyst kTeam[] = {
    {"Priya Shah (fictional)", "priya.shah@eastmere.example", "Performance and insight", "senior-data-analyst", "", "25-plus",
     "3223333233323233"},
    {"Tom Okafor (fictional)", "tom.okafor@eastmere.example", "Performance and insight", "performance-information-analyst",
     "senior-data-analyst", "25-plus", "1003223222211212"},
    {"Mei Lin (fictional)", "", "Performance and insight", "performance-information-analyst", "", "22-24", "1102322322200122"},
    {"Sam Roberts (fictional)", "sam.roberts@eastmere.example", "Performance and insight", "data-analyst-apprentice",
     "performance-information-analyst", "19-21", "1002212111100111"},
    {"Grace Adeyemi (fictional)", "", "Performance and insight", "data-quality-officer", "", "25-plus", "1102321112101221"},
    {"Owen Price (fictional)", "owen.price@eastmere.example", "Business intelligence", "bi-developer", "", "25-plus",
     "2123233422102232"},
    {"Hannah Clarke (fictional)", "", "Business intelligence", "performance-information-analyst", "bi-developer", "22-24",
     "1001321322101121"},
    {"Leo Novak (fictional)", "", "Business intelligence", "data-technician-apprentice", "", "16-18", "0001101100000100"},
};

}  // namespace

bool add_demo_skills_round(store::Connection& c, const Catalogue& cat, Diagnostics& problems) {
    auto docs = round_documents(cat, "analyst-skills-self-assessment");
    auto q = cat.questionnaire("analyst-skills-self-assessment");
    auto fw = q ? cat.framework(q->framework_id) : nullptr;
    if (!docs || !q || !fw) {
        problems.error("", "the analyst skills self-assessment (questionnaires/analyst-skills-self-assessment.json) is not installed");
        return false;
    }
    if (!store::find_organisation(c, kDemoSkillsOrganisation))
        store::add_organisation(c, {kDemoSkillsOrganisation, "Eastmere Data and Insight (fictional)", "department", "", "", "eastmere"});
    const store::RoundRecord round = store::new_round(c, kDemoSkillsOrganisation, "2026", *docs->framework, *docs->questionnaire);

    std::vector<int> leaves;  // framework leaf order, as the levels are written
    for (std::size_t i = 0; i < fw->dimensions.size(); ++i)
        if (fw->dimensions[i].is_leaf()) leaves.push_back(static_cast<int>(i));

    std::vector<Respondent> team;
    int n = 0;
    for (const DemoAnalyst& a : kTeam) {
        Respondent r;
        ++n;
        r.id = (n < 10 ? "r0" : "r") + std::to_string(n);
        r.name = a.name;
        r.email = a.email;
        r.role = q->find_role(a.role);  // -1 before questionnaire 1.2, whose roles are the catalogue's
        r.team = a.team;
        r.target_role = a.target_role;
        r.age_band = a.age_band;
        for (std::size_t qi = 0; qi < q->questions.size(); ++qi) {
            const Question& question = q->questions[qi];
            if (question.options.empty() || question.kind == QuestionKind::Checklist) continue;
            int leaf = -1;
            for (std::size_t k = 0; k < leaves.size(); ++k)
                if (leaves[k] == question.dimension) leaf = static_cast<int>(k);
            if (leaf < 0 || leaf >= 16) continue;
            const double level = a.levels[leaf] - '0';
            // The option whose score is nearest the person's level on that skill.
            std::size_t best = 0;
            for (std::size_t o = 1; o < question.options.size(); ++o)
                if (std::abs(question.options[o].score - level) < std::abs(question.options[best].score - level)) best = o;
            Answer ans;
            ans.question = static_cast<std::uint16_t>(qi);
            ans.choice = static_cast<std::uint8_t>(best);
            r.answers.push_back(ans);
        }
        team.push_back(std::move(r));
    }
    store::write_respondents(c, round.id, *q, team);
    return true;
}

}  // namespace ys::gui
