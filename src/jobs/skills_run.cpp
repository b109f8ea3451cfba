#include "skills_run.h"

#include <cstdio>

#include "benchmark.h"  // period_less
#include "exit_codes.h"
#include "io/platform.h"
#include "job_support.h"
#include "organisations.h"
#include "roadmap_run.h"

namespace ys::jobs {
namespace {

std::string first_problem(const Diagnostics& d, const std::string& otherwise) {
    for (const auto& item : d.items())
        if (item.severity == Severity::Error) return to_string(item);
    return otherwise;
}

// The round given, else the organisation's latest round on the catalogue's skills framework.
std::string pick_skills_round(store::Connection& c, const SkillsChoice& choice, const std::string& skills_framework) {
    if (!choice.round.empty()) {
        store::get_round(c, choice.round);  // NotFound when it does not exist
        return choice.round;
    }
    if (choice.organisation.empty())
        fail(exit_code::usage, "name a skills round, or an organisation whose latest skills round to use");
    if (!store::find_organisation(c, choice.organisation))
        fail(exit_code::invalid_input, "organisation \"" + choice.organisation + "\" does not exist; `yardstick-cli org list` shows them");
    const store::RoundRecord* latest = nullptr;
    auto rounds = store::list_rounds(c, choice.organisation, false);
    for (const auto& r : rounds)
        if (r.framework_id == skills_framework && (!latest || period_less(latest->period, r.period))) latest = &r;
    if (!latest)
        fail(exit_code::invalid_input, "organisation \"" + choice.organisation + "\" has no skills round (a round of a " +
                                           skills_framework + " questionnaire); give --round ID");
    return latest->id;
}

// As `yardstick-cli skills plan` has it: time to book a course or an apprenticeship.
std::string first_of_next_month(const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)) + 1;
    if (m > 12) m = 1, ++y;
    char buf[32];  // room for any int, so no truncation warning
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", y % 10000, m);
    return buf;
}

}  // namespace

std::unique_ptr<SkillsRun> run_chosen_skills(store::Connection* c, const SkillsChoice& choice) {
    auto run = std::make_unique<SkillsRun>();
    run->inputs = roadmap_inputs_or_fail(choice.roles_file, choice.assumptions_file, choice.library_dirs);
    const std::string& skills_id = run->inputs.roles.skills_framework_id;
    skills::SkillsRequest req;
    req.roles = &run->inputs.roles;
    req.assumptions = &run->inputs.assumptions;
    if (!choice.answer_files.empty()) {
        run->files.emplace(load_answer_files({choice.answer_files, {}, {}, choice.library_dirs}));
        const LoadedAnswerFiles& f = *run->files;
        if (f.diagnostics.has_errors()) fail(exit_code::invalid_input, first_problem(f.diagnostics, "the answer files could not be read"));
        if (f.sets.empty()) fail(exit_code::invalid_input, "the answer files hold no answers");
        for (std::size_t i = 0; i < f.sets.size(); ++i) {
            const AnswerSet& s = f.sets[i];
            const AnswerSet& first = f.sets.front();
            if (s.organisation.id != first.organisation.id || s.period != first.period ||
                s.questionnaire_id != first.questionnaire_id || s.questionnaire_version != first.questionnaire_version)
                fail(exit_code::invalid_input, choice.answer_files[std::min(i, choice.answer_files.size() - 1)] +
                                                   ": answers of another round (organisation, period or questionnaire "
                                                   "differ from the first file's); give one round's files");
            req.sets.push_back(&s);
        }
        req.questionnaire = f.questionnaires.front().get();
        run->framework = req.questionnaire ? f.catalogue.framework(req.questionnaire->framework_id) : nullptr;
        std::vector<std::string> names;
        for (const auto& p : choice.answer_files)
            names.push_back(platform::utf8_from_path(platform::path_from_utf8(p).filename()));
        run->source = names.size() == 1 ? "answer file " : "answer files ";
        for (std::size_t i = 0; i < names.size(); ++i) run->source += (i ? ", " : "") + names[i];
    } else {
        if (!c) fail(exit_code::usage, "give a skills round in the database or answer files");
        const std::string round = pick_skills_round(*c, choice, skills_id);
        run->stored.emplace(store::load_round(*c, round));
        req.questionnaire = run->stored->questionnaire.get();
        req.sets = {&run->stored->answers};
        run->framework = run->stored->framework;
        run->source = "round " + round;
    }
    if (!run->framework || !req.questionnaire)
        fail(exit_code::invalid_input, "the round's framework or questionnaire could not be found");
    if (run->framework->id != skills_id)
        fail(exit_code::invalid_input, run->source + " is a round of " + run->framework->title +
                                           ", not a skills round: the role catalogue's skills are those of " + skills_id);
    req.skills = run->framework.get();
    req.profile = choice.profile;
    req.plan = choice.plan;
    if (req.plan.start.empty()) req.plan.start = first_of_next_month(choice.date);
    run->plan = req.plan;
    Diagnostics d(run->source);
    auto result = skills::run_skills(req, d);
    if (!result || d.has_errors()) fail(exit_code::invalid_input, first_problem(d, run->source + ": no skills profile could be made"));
    if (!result->plan) fail(exit_code::invalid_input, run->source + ": no training plan could be made");
    run->result = std::move(*result);
    return run;
}

}  // namespace ys::jobs
