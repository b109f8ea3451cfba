#include "skills_options.h"

#include <ostream>

#include "answer_files.h"
#include "exit_codes.h"
#include "roadmap_dates.h"
#include "rounds.h"
#include "store_command.h"
#include "text/field_limits.h"
#include "timestamps.h"

namespace ys::cli {

std::vector<OptionSpec> skills_option_specs(const Context& ctx) {
    return {
        kDbOption,
        {"round", true, "ID", "the skills round in the database (as in 'round list'); else give answer files"},
        {"roles", true, "FILE", "the role catalogue (default " + ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json)"},
        {"assumptions", true, "FILE",
         "the cost assumptions (default " + ctx.dirs.shipped + "/frameworks/roles/assumptions-england-2025.json)"},
        {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires"},
        {"team", true, "NAME", "only the people of this team"},
        {"target-role", true, "ID", "a target role (catalogue id) for everyone who has none of their own"},
        {"anonymise", false, "", "number people instead of naming them; fold teams of fewer than 3 people"},
        {"start", true, "YYYY-MM-DD", "the plan's first start date (default the first day of next month)"},
        {"levy-payer", true, "yes|no", "whether the council pays the apprenticeship levy (default yes)"},
    };
}

std::optional<int> parse_skills_args(const Context& ctx, const std::string& command,
                                     const std::vector<std::string>& args, const std::vector<OptionSpec>& spec,
                                     const std::string& usage, ParsedArgs& p) {
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli " << command << ": " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << usage << options_help(spec);
        return exit_code::ok;
    }
    return std::nullopt;
}

std::vector<OptionSpec> skills_job_option_specs(const Context& ctx) {
    std::vector<OptionSpec> spec = skills_option_specs(ctx);
    spec.push_back({"org", true, "ID", "instead of --round: the organisation's latest skills round"});
    return spec;
}

bool read_skills_options(const ParsedArgs& p, skills::ProfileOptions& profile, skills::PlanOptions& plan,
                         std::string& error) {
    profile.anonymise = p.has("anonymise");
    profile.team = p.value("team");
    profile.target_role = p.value("target-role");
    if (profile.team.size() > 200) {
        error = "--team: a team name is at most 200 characters; found " + std::to_string(profile.team.size());
        return false;
    }
    const std::string levy = p.value("levy-payer", "yes");
    if (levy != "yes" && levy != "no") {
        error = "--levy-payer must be yes or no, not \"" + levy + "\"";
        return false;
    }
    plan.levy_payer = levy == "yes";
    if (p.has("start")) {
        plan.start = p.value("start");
        if (plan.start.size() != 10 || day_number(plan.start) <= 0 || date_from_day(day_number(plan.start)) != plan.start) {
            error = "--start: expected a date as YYYY-MM-DD (2026-09-01), not \"" + plan.start + "\"";
            return false;
        }
    } else {
        // The first day of next month: time to book a course or an apprenticeship.
        const std::string today = today_iso_date();
        int y = std::stoi(today.substr(0, 4)), m = std::stoi(today.substr(5, 2)) + 1;
        if (m > 12) m = 1, ++y;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-01", y % 10000, m);
        plan.start = buf;
    }
    return true;
}

bool one_skills_source(const Context& ctx, const std::string& command, const ParsedArgs& p, const std::string& needs) {
    const int sources = (p.has("round") ? 1 : 0) + (p.has("org") ? 1 : 0) + (p.positional.empty() ? 0 : 1);
    if (sources == 1) return true;
    ctx.err << "yardstick-cli " << command << ": " << needs
            << " --round ID, --org ID (its latest skills round) or the round's answer files; see --help\n";
    return false;
}

bool read_skills_options(const Context& ctx, const std::string& command, const ParsedArgs& p,
                         skills::ProfileOptions& profile, skills::PlanOptions& plan) {
    std::string error;
    if (read_skills_options(p, profile, plan, error)) return true;
    ctx.err << "yardstick-cli " << command << ": " << error << "\n";
    return false;
}

namespace {

int complain(const Context& ctx, const std::string& command, const Diagnostics& d) {
    for (const auto& x : d.items()) ctx.err << to_string(x) << "\n";
    (void)command;
    return exit_code::invalid_input;
}

}  // namespace

int load_skills_inputs(const Context& ctx, const std::string& command, const ParsedArgs& p, SkillsInputs& out) {
    const std::string roles = p.value("roles", ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json");
    const std::string rules = p.value("assumptions", ctx.dirs.shipped + "/frameworks/roles/assumptions-england-2025.json");
    const auto libs = library_dirs(ctx, p.values("library"), false);
    if (p.has("round") == !p.positional.empty()) {
        ctx.err << "yardstick-cli " << command
                << ": give the round with --round ID, or its answer files, not both; see --help\n";
        return exit_code::usage;
    }
    Diagnostics diags;
    auto inputs = load_roadmap_inputs(roles, rules, libs, diags);
    if (!inputs) return complain(ctx, command, diags);
    out.catalogue = std::move(*inputs);
    out.files = {roles, rules};

    if (p.has("round")) {
        return with_database(ctx, command, p, [&](store::Connection& c) {
            store::LoadedRound lr = store::load_round(c, p.value("round"));
            out.skills = lr.framework;
            out.questionnaire = lr.questionnaire;
            out.sets.push_back(std::move(lr.answers));
            return exit_code::ok;
        }, false);
    }
    AnswerFilesRequest req;
    req.answer_files = p.positional;
    req.library_dirs = libs;
    LoadedAnswerFiles loaded = load_answer_files(req);
    if (loaded.diagnostics.has_errors()) return complain(ctx, command, loaded.diagnostics);
    for (const auto& d : loaded.diagnostics.items()) ctx.err << to_string(d) << "\n";  // warnings
    for (std::size_t i = 0; i < loaded.sets.size(); ++i) {
        const AnswerSet& s = loaded.sets[i];
        const AnswerSet& first = loaded.sets.front();
        if (s.organisation.id != first.organisation.id || s.period != first.period ||
            s.questionnaire_id != first.questionnaire_id || s.questionnaire_version != first.questionnaire_version) {
            ctx.err << s.source << ": holds answers of " << s.organisation.name << ", " << s.period << " ("
                    << s.questionnaire_id << " " << s.questionnaire_version << "), not of " << first.organisation.name
                    << ", " << first.period << " (" << first.questionnaire_id << " " << first.questionnaire_version
                    << ") as " << first.source << " does; give the answer files of one round\n";
            return exit_code::invalid_input;
        }
    }
    out.questionnaire = loaded.questionnaires.front();
    out.skills = loaded.catalogue.framework(out.questionnaire->framework_id);
    if (!out.skills) {
        ctx.err << loaded.sets.front().source << ": the framework \"" << out.questionnaire->framework_id
                << "\" of its questionnaire was not found in the libraries\n";
        return exit_code::invalid_input;
    }
    out.sets = std::move(loaded.sets);
    for (const auto& f : p.positional) out.files.push_back(f);
    return exit_code::ok;
}

skills::SkillsRequest skills_request(const SkillsInputs& in, const skills::ProfileOptions& profile,
                                     const skills::PlanOptions& plan, bool with_plan) {
    skills::SkillsRequest r;
    r.skills = in.skills.get();
    r.questionnaire = in.questionnaire.get();
    for (const auto& s : in.sets) r.sets.push_back(&s);
    r.roles = &in.catalogue.roles;
    r.assumptions = with_plan ? &in.catalogue.assumptions : nullptr;
    r.profile = profile;
    r.plan = plan;
    return r;
}

}  // namespace ys::cli
