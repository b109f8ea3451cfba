#pragma once
// Team skills profile and training plan (issue 18). A skills round is a round of an
// `individual` questionnaire (questionnaires/analyst-skills-self-assessment.json) in which each
// respondent rates their own skills. This joins each person's skill levels with the levels
// their current role (and a development target role) needs in the role catalogue, and turns
// the gaps into a training plan costed from the assumptions file.
//
// Respondent-level results are personal data: the data lead sees names; every output for
// anyone else is anonymised (people numbered, teams kept only when large enough) or
// aggregated (counts per skill and level), and a pooled regional view never holds a person.
//
// The contract shared by the engine, the CLI, the reports and the GUI; the format and the
// rules are documented in docs/skills.md.
#include <optional>
#include <string>
#include <vector>

#include "answers.h"
#include "diagnostics.h"
#include "framework.h"
#include "questionnaire.h"
#include "roadmap/assumptions.h"
#include "roadmap/roles.h"

namespace ys::skills {

// One analyst in a skills round.
struct Person {
    std::string key;          // the respondent's key in the round (never shown when anonymised)
    std::string name;         // may be empty; "Person 3" when anonymised
    std::string team;         // may be empty
    std::string role;         // current role: a catalogue role id; empty when none was given
    std::string target_role;  // development target: a catalogue role id, or empty
    AgeBand age = AgeBand::Unknown;  // for apprenticeship eligibility; Unknown when not given
    // Parallel to TeamProfile::skills: the person's level on each skill (the framework's
    // level of their score), nullopt when they answered nothing that scores it.
    std::vector<std::optional<double>> levels;
};

// What a person's role (or target role) asks of one skill, against what they have.
struct SkillGap {
    int person = 0;   // index into TeamProfile::people
    int skill = 0;    // index into TeamProfile::skills
    double have = 0;  // the person's level (0 when not assessed)
    bool assessed = true;
    int need = 0;     // the level the role needs
    bool for_target = false;  // the gap is against the target role, not the current one
    double size() const { return need - have; }  // > 0 for a gap
};

// The team's spread on one skill.
struct SkillSpread {
    std::vector<int> at_level;  // people at each level of the framework's scale (index = level value - lowest)
    int not_assessed = 0;
    std::optional<double> median;
    int need_it = 0;       // people whose current role needs the skill
    int below_need = 0;    // of those, people below the level their role needs
    int below_target = 0;  // people below the level their target role needs
};

struct ProfileOptions {
    bool anonymise = false;    // number people, drop keys and names, drop teams smaller than min_team
    int min_team = 3;          // anonymised: teams with fewer people are shown as "Other teams"
    std::string team;          // only this team (empty: everyone)
    std::string target_role;   // a target role for everyone who has none of their own (empty: none)
};

struct TeamProfile {
    std::string framework_id, framework_version;  // the skills framework
    std::string catalogue_id, catalogue_version;  // the role catalogue
    Organisation organisation;
    std::string period;
    bool anonymised = false;
    std::vector<int> skills;        // leaf dimension indices of the skills framework, framework order
    std::vector<Person> people;     // in the round's order (sorted by team then name when named)
    std::vector<SkillSpread> spread;  // parallel to skills
    std::vector<SkillGap> gaps;     // person-major, then skill order; current role before target
    std::vector<std::string> teams; // distinct teams, sorted; "" not included
    // Said to the reader: a team too small to show anonymised, a target role for everyone.
    std::vector<std::string> notes;

    int find_skill(int dimension) const;  // index into skills, -1 when absent
};

// Checks the options against the catalogue (an unknown target role, a team no one is in).
// Returns true when no error was added.
bool check_profile_options(const RoleCatalogue& roles, const std::vector<Person>& people,
                           const ProfileOptions& options, Diagnostics& diags);

// The people of a skills round: each respondent's levels from their own answers (scored with
// the questionnaire's rules, one respondent at a time), their role and tags. Errors (added to
// diags, nullopt returned): the questionnaire is not individual or not of the skills framework
// the catalogue names; a respondent with no role; a role or target role not in the catalogue;
// a role that needs a skill the framework lacks.
std::optional<std::vector<Person>> people_from_round(const Framework& skills, const Questionnaire& q,
                                                     const std::vector<const AnswerSet*>& sets,
                                                     const RoleCatalogue& roles, Diagnostics& diags);

TeamProfile profile_team(const Framework& skills, const RoleCatalogue& roles, std::vector<Person> people,
                         const ProfileOptions& options);

// How a gap is closed.
enum class Remedy { OnTheJob, ShortCourse, Apprenticeship };
const char* to_string(Remedy r);  // "on-the-job", "short-course", "apprenticeship"

struct TrainingItem {
    int person = 0;               // index into the profile's people
    std::vector<int> skills;      // indices into the profile's skills that it closes
    Remedy remedy = Remedy::OnTheJob;
    std::string what;             // "Data analyst apprenticeship (level 4, ST0118)", "Short course: ..."
    std::string start, end;       // YYYY-MM-DD
    double cost = 0;              // GBP, training cost before funding
    double funded = 0;            // met by levy funds, co-investment or incentives
    double employer_cost() const { return cost - funded; }
    bool eligible = true;         // false: the route is not funded for this person (cost falls on the council)
    std::vector<std::string> notes;  // funding and eligibility in words, with the rule's source date
    bool for_target = false;      // closes gaps against the target role only
    int colleague = -1;           // on-the-job: the person (index) at the needed level who helps
    bool assumption = false;      // the cost or duration is an assumption, not a published figure
};

// How many people need one remedy, and what it costs the team.
struct TrainingNeed {
    Remedy remedy = Remedy::OnTheJob;
    std::string what;
    int people = 0;
    double cost = 0, funded = 0;
    int councils = 0;  // pooled view only: councils with at least one person needing it
};

struct PlanOptions {
    std::string start;        // YYYY-MM-DD: the plan's first start date
    bool levy_payer = true;   // councils with a pay bill over £3 million pay the levy
};

// Who could grow into a target role, and when the plan closes their gaps against it.
struct Readiness {
    int person = 0;            // index into the profile's people
    std::string role;          // the target role (catalogue id)
    int gaps = 0;              // skills below the target role's need now
    int not_assessed = 0;      // skills the target role needs that the person has not rated
    std::string ready_by;      // YYYY-MM-DD: the end of the last item closing a target gap (the start when none)
    bool ready_now() const { return gaps == 0 && not_assessed == 0; }
};

struct TrainingPlan {
    std::string start;                 // the plan's first start date (PlanOptions::start, or its default)
    bool levy_payer = true;
    std::vector<TrainingItem> items;   // person-major
    std::vector<Readiness> readiness;  // one per person with a target role, soonest first
    std::vector<TrainingNeed> summary; // one row per remedy and what, most people first
    double cost = 0, funded = 0;
    std::vector<std::string> warnings; // e.g. an apprenticeship route no longer funded at a person's age
};

TrainingPlan plan_training(const Framework& skills, const RoleCatalogue& roles, const Assumptions& rules,
                           const TeamProfile& profile, const PlanOptions& options);

// The regional view: several councils' anonymised profiles pooled, counts only.
struct PooledSkill {
    int skill = 0;                        // leaf dimension index (-1 when the framework is not at hand)
    std::string id, name;                 // the skill
    std::vector<std::vector<int>> at_level;  // per council, people at each level
    std::vector<int> below_need;          // per council
};
struct PooledProfiles {
    std::vector<std::string> councils;    // organisation names
    std::vector<int> people;              // per council
    std::vector<PooledSkill> skills;
    std::vector<TrainingNeed> cohorts;    // needs pooled across councils (counts, for a shared cohort)
    std::string framework_id, framework_version;
    std::vector<std::string> levels;      // level names, lowest first
    std::vector<std::string> files;       // per council
};

// One operation for the CLI, the report job and the GUI: the people of a round, their
// profile and (with assumptions) the training plan. Errors go to diags; nullopt then.
struct SkillsRequest {
    const Framework* skills = nullptr;          // the round's framework: a skills framework
    const Questionnaire* questionnaire = nullptr;
    std::vector<const AnswerSet*> sets;         // the round's answers (one organisation and period)
    const RoleCatalogue* roles = nullptr;
    const Assumptions* assumptions = nullptr;   // nullptr: the profile only, no plan
    ProfileOptions profile;
    PlanOptions plan;
};
struct SkillsResult {
    TeamProfile profile;
    std::optional<TrainingPlan> plan;
};
std::optional<SkillsResult> run_skills(const SkillsRequest& request, Diagnostics& diags);

}  // namespace ys::skills
