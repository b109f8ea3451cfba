#pragma once
// A team skills profile and training plan as the report and the workbook both make it: a
// skills round from the database (the round given, or the organisation's latest skills
// round) or from answer files, the role catalogue and assumptions, and the engine's
// run_skills. Inside src/jobs; every failure throws JobFailure with one line.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "answer_files.h"
#include "roadmap_inputs.h"
#include "rounds.h"
#include "skills/team_skills.h"
#include "sqlite_handle.h"

namespace ys::jobs {

// What a skills output is made from: a stored round (or an organisation's latest skills
// round) or answer files, and the options of `yardstick-cli skills plan`.
struct SkillsChoice {
    std::string round;
    std::string organisation;
    std::vector<std::string> answer_files;  // instead of the database
    std::vector<std::string> library_dirs;
    std::string roles_file;        // resolved: a path
    std::string assumptions_file;  // resolved: a path
    skills::ProfileOptions profile;
    skills::PlanOptions plan;      // start: empty for the first day of the month after `date`
    std::string date;              // YYYY-MM-DD, for the default start
};

struct SkillsRun {
    RoadmapInputs inputs;  // the role catalogue and the assumptions
    std::shared_ptr<const Framework> framework;  // the skills framework of the round
    std::optional<store::LoadedRound> stored;
    std::optional<LoadedAnswerFiles> files;
    skills::SkillsResult result;  // with its plan
    skills::PlanOptions plan;     // as used (the start filled in)
    std::string source;           // "round eastmere-skills-2026" or the files' names, for the outputs
};

// The choice a report job or a workbook job names: both carry the same fields. The role
// catalogue and the assumptions come resolved to paths.
template <class Job>
SkillsChoice skills_choice_of(const Job& job, std::string roles_file, std::string assumptions_file,
                              const std::string& date) {
    SkillsChoice choice;
    choice.round = job.round;
    choice.organisation = job.organisation;
    choice.answer_files = job.answer_files;
    choice.library_dirs = job.library_dirs;
    choice.roles_file = std::move(roles_file);
    choice.assumptions_file = std::move(assumptions_file);
    choice.profile.anonymise = job.anonymise;
    choice.profile.team = job.team;
    choice.profile.target_role = job.target_role;
    choice.plan.start = job.start;
    choice.plan.levy_payer = job.levy_payer;
    choice.date = date;
    return choice;
}

// Reads, checks and runs. `c` may be null only when answer files are given.
// Moves nothing out of the run: the result points into nothing it does not own.
std::unique_ptr<SkillsRun> run_chosen_skills(store::Connection* c, const SkillsChoice& choice);

}  // namespace ys::jobs
