// yardstick-cli skills: a team's skills profile and training plan from a skills round, and
// several councils' anonymised profiles pooled (docs/skills.md).
#include <ostream>
#include <sstream>

#include "atomic_file.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_read.h"
#include "outputs.h"
#include "roadmap/scenario.h"
#include "skills/growth_scenario.h"
#include "skills/pooling.h"
#include "skills/skills_output.h"
#include "skills_options.h"
#include "timestamps.h"

namespace ys::cli {

namespace {

const char* kSkillsUsage =
    "Usage: yardstick-cli skills profile (--round ID | ANSWERS.json...) [options]\n"
    "       yardstick-cli skills plan (--round ID | ANSWERS.json...) [options]\n"
    "       yardstick-cli skills plan ... --format scenario --out SCENARIO.json\n"
    "       yardstick-cli skills compare PROFILE.json... [--format table|json|csv] [--out FILE]\n\n"
    "profile: each person's level of every skill (from their own self-assessment) against\n"
    "what their role, and a target role, needs; the team's spread per skill.\n"
    "plan: the profile and a training plan: on-the-job learning, short courses and\n"
    "apprenticeships, with cost, funding and dates from the assumptions file, a team summary\n"
    "and who could grow into their target role by when. --format scenario writes the plan as\n"
    "a roadmap scenario (yardstick-cli roadmap --scenario FILE): each person's post, a\n"
    "grown-from post for each person ready for their target role, and the training costs.\n"
    "compare: several councils' anonymised profiles (skills plan --format json --anonymise)\n"
    "pooled into counts per skill and level, and needs a cohort across councils could share.\n"
    "People's names are personal data: share only --anonymise output beyond the data lead.\n"
    "The rules are in docs/skills.md.\n";

int write_out(const Context& ctx, const ParsedArgs& p, const std::string& command, const std::string& text) {
    if (!p.has("out")) {
        ctx.out << text;
        return exit_code::ok;
    }
    std::string error;
    if (!write_file_atomic(p.value("out"), text, error)) {
        ctx.err << "yardstick-cli " << command << ": " << error << "\n";
        return exit_code::output_failed;
    }
    return exit_code::ok;
}

bool read_format(const Context& ctx, const ParsedArgs& p, const std::string& command, std::string& format) {
    format = p.value("format", "table");
    if (format == "table" || format == "json" || format == "csv") return true;
    if (format == "scenario" && command == "skills plan") return true;
    ctx.err << "yardstick-cli " << command << ": --format must be table, json or csv"
            << (command == "skills plan" ? " (or scenario)" : "") << ", not \"" << format << "\""
            << (format == "scenario" ? ": a roadmap scenario comes from skills plan" : "") << "\n";
    return false;
}

int profile_or_plan(const Context& ctx, const std::vector<std::string>& args, bool with_plan) {
    const std::string command = with_plan ? "skills plan" : "skills profile";
    std::vector<OptionSpec> spec = skills_option_specs(ctx);
    spec.push_back({"format", true, with_plan ? "table|json|csv|scenario" : "table|json|csv",
                    "output format (default table)"});
    spec.push_back({"out", true, "FILE", "write to FILE instead of standard output"});
    ParsedArgs p;
    if (auto code = parse_skills_args(ctx, command, args, spec, std::string(kSkillsUsage) + "\n", p)) return *code;
    std::string format;
    if (!read_format(ctx, p, command, format)) return exit_code::usage;
    skills::ProfileOptions po;
    skills::PlanOptions plo;
    if (!read_skills_options(ctx, command, p, po, plo)) return exit_code::usage;
    {
        OutputPlan plan{given_paths(p, {"out"}), {}, p.has("round") ? database_path(p) : std::string()};
        plan.inputs.push_back({"the role catalogue", p.value("roles", ctx.dirs.shipped + "/frameworks/roles/council-data-roles.json")});
        plan.inputs.push_back({"the assumptions", p.value("assumptions", ctx.dirs.shipped + "/frameworks/roles/assumptions-england-2025.json")});
        for (const auto& f : p.positional) plan.inputs.push_back({"answer file", f});
        if (int code = refuse_unsafe_outputs(ctx, command, plan)) return code;
    }
    SkillsInputs in;
    if (int code = load_skills_inputs(ctx, command, p, in)) return code;
    Diagnostics diags("yardstick-cli " + command);
    auto result = skills::run_skills(skills_request(in, po, plo, with_plan), diags);
    for (const auto& d : diags.items()) ctx.err << to_string(d) << "\n";
    if (!result) return exit_code::invalid_input;

    const skills::TrainingPlan* plan = result->plan ? &*result->plan : nullptr;
    const RoleCatalogue& roles = in.catalogue.roles;
    std::ostringstream text;
    if (format == "scenario")
        text << scenario_json(skills::growth_scenario(result->profile, *plan, roles, today_iso_date()))
                    .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
             << "\n";
    else if (format == "json")
        text << skills::skills_json(*in.skills, roles, result->profile, plan, today_iso_date())
                    .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
             << "\n";
    else if (format == "csv" && plan)
        skills::write_plan_csv(text, *in.skills, result->profile, *plan);
    else if (format == "csv")
        skills::write_profile_csv(text, *in.skills, roles, result->profile);
    else
        skills::write_skills_table(text, *in.skills, roles, result->profile, plan);
    if (int code = write_out(ctx, p, command, text.str())) return code;
    if (plan && (p.has("out") || format != "table"))
        for (const auto& w : plan->warnings) ctx.err << "yardstick-cli " << command << ": warning: " << w << "\n";
    return exit_code::ok;
}

int compare(const Context& ctx, const std::vector<std::string>& args) {
    const std::string command = "skills compare";
    const std::vector<OptionSpec> spec = {
        {"format", true, "table|json|csv", "output format (default table)"},
        {"out", true, "FILE", "write to FILE instead of standard output"},
    };
    ParsedArgs p;
    if (auto code = parse_skills_args(ctx, command, args, spec, std::string(kSkillsUsage) + "\n", p)) return *code;
    std::string format;
    if (!read_format(ctx, p, command, format)) return exit_code::usage;
    if (p.positional.size() < 2) {
        ctx.err << "yardstick-cli " << command << ": give two or more councils' anonymised profiles "
                   "(skills plan --format json --anonymise); see --help\n";
        return exit_code::usage;
    }
    {
        OutputPlan plan{given_paths(p, {"out"}), {}, ""};
        for (const auto& f : p.positional) plan.inputs.push_back({"profile", f});
        if (int code = refuse_unsafe_outputs(ctx, command, plan)) return code;
    }
    Diagnostics diags;
    std::vector<nlohmann::json> docs;
    JsonLimits limits;
    limits.max_bytes = 16u * 1024u * 1024u;  // a profile of a few hundred people is well under 1 MB
    for (const auto& f : p.positional) {
        Diagnostics d(f);
        auto doc = read_json_file(f, d, limits);
        diags.append(d);
        docs.push_back(doc ? *doc : nlohmann::json());
    }
    std::optional<skills::PooledProfiles> pooled;
    if (!diags.has_errors()) pooled = skills::pool_profiles(docs, p.positional, diags);
    for (const auto& d : diags.items()) ctx.err << to_string(d) << "\n";
    if (!pooled) return exit_code::invalid_input;
    std::ostringstream text;
    if (format == "json")
        text << skills::pooled_json(*pooled, today_iso_date()).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
             << "\n";
    else if (format == "csv")
        skills::write_pooled_csv(text, *pooled);
    else
        skills::write_pooled_table(text, *pooled);
    return write_out(ctx, p, command, text.str());
}

}  // namespace

int cmd_skills(const Context& ctx, const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        (args.empty() ? ctx.err : ctx.out) << kSkillsUsage;
        return args.empty() ? exit_code::usage : exit_code::ok;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "profile") return profile_or_plan(ctx, rest, false);
    if (args[0] == "plan") return profile_or_plan(ctx, rest, true);
    if (args[0] == "compare") return compare(ctx, rest);
    ctx.err << "yardstick-cli skills: unknown subcommand \"" << args[0] << "\"; expected profile, plan or compare\n";
    return exit_code::usage;
}

}  // namespace ys::cli
