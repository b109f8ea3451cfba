#pragma once
// The options of `skills profile` and `skills plan` (and `report skills`, which takes the
// same), and reading a skills round from the database or from answer files.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "outputs.h"
#include "roadmap_inputs.h"
#include "skills/team_skills.h"

namespace ys::cli {

// --round, --db, --roles, --assumptions, --library, --team, --target-role, --anonymise,
// --start, --levy-payer.
std::vector<OptionSpec> skills_option_specs(const Context& ctx);
// Those and --org, for a report or workbook of a skills round.
std::vector<OptionSpec> skills_job_option_specs(const Context& ctx);

// Parses a skills command's arguments against `spec`: a parse error is printed, and --help
// prints `usage` then the options. Returns nullopt to go on, else the command's exit code.
std::optional<int> parse_skills_args(const Context& ctx, const std::string& command,
                                     const std::vector<std::string>& args, const std::vector<OptionSpec>& spec,
                                     const std::string& usage, ParsedArgs& p);

// Fills the profile and plan options (the start defaults to the first day of next month).
// Returns false with a one-line error naming the option, which `read_skills_options` with
// ctx and command prints as a usage error.
bool read_skills_options(const ParsedArgs& p, skills::ProfileOptions& profile, skills::PlanOptions& plan,
                         std::string& error);
bool read_skills_options(const Context& ctx, const std::string& command, const ParsedArgs& p,
                         skills::ProfileOptions& profile, skills::PlanOptions& plan);

// What a skills profile is made from: the round's definitions and answers, the role
// catalogue and the assumptions (checked as the roadmap checks them).
struct SkillsInputs {
    RoadmapInputs catalogue;
    std::shared_ptr<const Framework> skills;
    std::shared_ptr<const Questionnaire> questionnaire;
    std::vector<AnswerSet> sets;
    std::vector<std::string> files;  // the inputs read, for output checks
};

// Reads the round named by --round (from the database) or the answer files given as
// positional arguments, and the catalogue and assumptions. Problems are printed on ctx.err
// prefixed "yardstick-cli COMMAND: "; returns an exit code (exit_code::ok when read).
int load_skills_inputs(const Context& ctx, const std::string& command, const ParsedArgs& p, SkillsInputs& out);

// A request over the inputs and options (pointers into `in`).
skills::SkillsRequest skills_request(const SkillsInputs& in, const skills::ProfileOptions& profile,
                                     const skills::PlanOptions& plan, bool with_plan);

// A report or workbook of a skills round reads exactly one of --round, --org or answer
// files. Otherwise prints a usage error that `needs` opens ("give one of") and returns false.
bool one_skills_source(const Context& ctx, const std::string& command, const ParsedArgs& p, const std::string& needs);

// What a report job and a workbook job of a skills round both take from the command line:
// the database, the round (or organisation, or answer files), the libraries, the catalogue
// and assumptions given, and the options of `skills plan`.
template <class Job>
void fill_skills_job(Job& job, const Context& ctx, const ParsedArgs& p, const skills::ProfileOptions& profile,
                     const skills::PlanOptions& plan) {
    job.anonymise = profile.anonymise;
    job.team = profile.team;
    job.target_role = profile.target_role;
    job.start = plan.start;
    job.levy_payer = plan.levy_payer;
    job.database = database_path(p);
    job.shipped_dir = ctx.dirs.shipped;
    job.library_dirs = library_dirs(ctx, p.values("library"), false);
    job.round = p.value("round");
    job.organisation = p.value("org");
    job.answer_files = p.positional;
    job.roles_file = p.value("roles");
    job.assumptions_file = p.value("assumptions");
}

}  // namespace ys::cli
