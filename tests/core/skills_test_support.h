#pragma once
// The shipped skills framework, role catalogue and assumptions, a self-assessment whose
// respondent roles are catalogue roles, and people built answer by answer, for the skills
// engine's worked examples (docs/skills.md).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "answers.h"
#include "framework_read.h"
#include "json_read.h"
#include "questionnaire_read.h"
#include "roadmap/assumptions.h"
#include "roadmap/roles.h"
#include "skills/team_skills.h"

namespace ys::test {

inline nlohmann::json shipped_json(const std::string& rel) {
    Diagnostics d(rel);
    auto j = read_json_file(std::string(YS_SOURCE_DIR) + "/" + rel, d);
    if (!j) FAIL(d.items().front().message);
    return *j;
}

inline const Framework& skills_framework() {
    static const Framework fw = [] {
        Diagnostics d("skills framework");
        auto f = parse_framework(shipped_json("frameworks/analyst-data-skills.json"), d);
        if (!f) FAIL("the shipped skills framework does not read");
        return *f;
    }();
    return fw;
}

inline RoleCatalogue shipped_roles(nlohmann::json edit = nullptr) {
    nlohmann::json j = shipped_json("frameworks/roles/council-data-roles.json");
    if (!edit.is_null()) j.merge_patch(edit);
    Diagnostics d("roles");
    auto c = parse_role_catalogue(j, d);
    if (!c) FAIL(d.items().front().message);
    return *c;
}

inline const Assumptions& shipped_assumptions() {
    static const Assumptions a = [] {
        Diagnostics d("assumptions");
        auto x = parse_assumptions(shipped_json("frameworks/roles/assumptions-england-2025.json"), d);
        if (!x) FAIL(d.items().front().message);
        return *x;
    }();
    return a;
}

// The shipped self-assessment with the catalogue's analyst roles as its respondent roles
// (as version 1.2 has them), or `audience` changed for the refusal tests.
inline Questionnaire skills_questionnaire(const std::string& audience = "individual") {
    nlohmann::json j = shipped_json("questionnaires/analyst-skills-self-assessment.json");
    j["respondent_roles"] = nlohmann::json::array();
    for (const char* id : {"performance-information-analyst", "senior-data-analyst", "data-quality-officer",
                           "data-scientist", "data-analyst-apprentice", "data-technician-apprentice"})
        j["respondent_roles"].push_back({{"id", id}, {"name", id}});
    j["audience"] = audience;
    Diagnostics d("questionnaire");
    auto q = parse_questionnaire(j, d);
    if (!q || !bind_questionnaire(*q, skills_framework(), d)) FAIL(d.items().front().message);
    return *q;
}

// A respondent who picks option `choice` (0 to 4: score 0 to 4) on every question.
inline Respondent rated(const Questionnaire& q, const std::string& id, const std::string& name,
                        const std::string& role, int choice, const std::string& team = "Insight",
                        const std::string& target = "", const std::string& age = "") {
    Respondent r;
    r.id = id;
    r.name = name;
    r.role = role.empty() ? -1 : q.find_role(role);
    r.team = team;
    r.target_role = target;
    r.age_band = age;
    for (std::size_t i = 0; i < q.questions.size(); ++i) {
        Answer a;
        a.question = static_cast<std::uint16_t>(i);
        a.choice = static_cast<std::uint8_t>(choice);
        r.answers.push_back(a);
    }
    return r;
}

inline AnswerSet round_of(const Questionnaire& q, std::vector<Respondent> people) {
    AnswerSet s;
    s.questionnaire_id = q.id;
    s.questionnaire_version = q.version;
    s.organisation = {"eastmere", "Eastmere District Council (fictional)", "district", ""};
    s.period = "2026";
    s.source = "skills-round.json";
    s.respondents = std::move(people);
    return s;
}

}  // namespace ys::test
