#include "score_files.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "answer_files.h"

namespace ys {

ScoreReport score_files(const ScoreRequest& request) {
    ScoreReport report;
    LoadedAnswerFiles loaded = load_answer_files(
        {request.answer_files, request.definition_files, request.target_files, request.library_dirs});
    report.diagnostics = std::move(loaded.diagnostics);
    if (report.diagnostics.has_errors()) return report;
    const Catalogue& catalogue = loaded.catalogue;
    std::vector<AnswerSet>& sets = loaded.sets;
    const auto& set_questionnaires = loaded.questionnaires;
    const auto& targets = loaded.targets;

    // Group files into rounds: organisation, period, questionnaire.
    using Key = std::tuple<std::string, std::string, std::string, std::string>;
    std::map<Key, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < sets.size(); ++i)
        groups[{sets[i].organisation.id, sets[i].period, sets[i].questionnaire_id, sets[i].questionnaire_version}]
            .push_back(i);
    for (auto& [key, members] : groups) {
        // Respondent ids must stay unique across the files of one round.
        std::map<std::string, std::string> seen;
        for (std::size_t i : members)
            for (const auto& r : sets[i].respondents) {
                auto [it, fresh] = seen.emplace(r.id, sets[i].source);
                if (!fresh)
                    report.diagnostics.add({Severity::Error, sets[i].source, "/respondents",
                                            "respondent \"" + r.id + "\" also appears in " + it->second +
                                                " for the same organisation and period"});
            }
        ScoredRound round;
        round.questionnaire = set_questionnaires[members.front()];
        round.framework = catalogue.framework(round.questionnaire->framework_id);
        std::vector<const AnswerSet*> ptrs;
        for (std::size_t i : members) {
            ptrs.push_back(&sets[i]);
            round.files.push_back(sets[i].source);
        }
        round.result = score_round(*round.framework, *round.questionnaire, ptrs, request.options);
        for (const auto& t : targets)
            if ((t.organisation.empty() || t.organisation == round.result.organisation.id) &&
                t.framework_id == round.framework->id)
                apply_targets(round.result, *round.framework, t);
        report.rounds.push_back(std::move(round));
    }
    if (report.diagnostics.has_errors()) {
        report.rounds.clear();
        return report;
    }
    // Progress: each round against the same organisation's previous period.
    std::stable_sort(report.rounds.begin(), report.rounds.end(), [](const ScoredRound& a, const ScoredRound& b) {
        return std::tie(a.result.organisation.id, a.result.period) < std::tie(b.result.organisation.id, b.result.period);
    });
    for (std::size_t i = 1; i < report.rounds.size(); ++i) {
        RoundResult& now = report.rounds[i].result;
        const RoundResult& before = report.rounds[i - 1].result;
        if (now.organisation.id == before.organisation.id && now.period != before.period)
            apply_previous(now, before);
    }
    return report;
}

}  // namespace ys
