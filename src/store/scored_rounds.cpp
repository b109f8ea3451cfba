#include "scored_rounds.h"

#include "round_summaries.h"
#include "rounds.h"

namespace ys::store {

ScoreReport score_stored_rounds(Connection& c, const std::vector<std::string>& round_ids, const ScoreOptions& options) {
    ScoreReport report;
    DefinitionCache cache;  // rounds of one framework share it: read it once
    for (const auto& id : round_ids) {
        LoadedRound lr = load_round(c, id, &cache);
        ScoredRound sr;
        sr.framework = lr.framework;
        sr.questionnaire = lr.questionnaire;
        sr.files = {lr.answers.source};
        ScoreOptions scoped = options;
        scoped.out_of_scope = lr.excluded;
        sr.result = score_round(*lr.framework, *lr.questionnaire, {&lr.answers}, scoped);
        TargetSet targets{lr.framework->id, lr.record.organisation, {}};
        for (const auto& t : list_targets(c, lr.record.organisation))
            if (t.framework == lr.framework->id && lr.framework->find_dimension(t.dimension) >= 0)
                targets.targets.push_back({t.dimension, t.level, t.by});
        if (!targets.targets.empty()) apply_targets(sr.result, *lr.framework, targets);
        // The latest earlier round of the same organisation and framework version.
        const RoundRecord* previous = nullptr;
        auto rounds = list_rounds(c, lr.record.organisation, false);
        for (const auto& r : rounds)
            if (r.period < lr.record.period && r.framework_hash == lr.record.framework_hash &&
                (!previous || r.period > previous->period))
                previous = &r;
        if (previous) {
            // Only the previous round's scores are wanted: its stored summary when it has one.
            std::optional<RoundResult> before = load_round_summary(c, previous->id, *lr.framework);
            if (before) {
                before->period = previous->period;
            } else {
                LoadedRound prev = load_round(c, previous->id, &cache);
                before = score_round(*prev.framework, *prev.questionnaire, {&prev.answers},
                                     ScoreOptions{false, false, prev.excluded});
            }
            apply_previous(sr.result, *before);
        }
        report.rounds.push_back(std::move(sr));
    }
    return report;
}

}  // namespace ys::store
