#include "score_files.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "answers_read.h"
#include "catalogue.h"
#include "json_read.h"
#include "targets.h"

namespace ys {

ScoreReport score_files(const ScoreRequest& request) {
    ScoreReport report;
    Catalogue catalogue;
    for (const auto& dir : request.library_dirs) catalogue.add_library(dir, "library");
    for (const auto& f : request.definition_files) {
        Diagnostics d(f);
        if (!catalogue.add_file(f, "given", d))
            d.error("/format", "expected a framework or questionnaire file");
        report.diagnostics.append(d);
    }
    catalogue.bind_all();
    for (const auto& e : catalogue.entries())
        if (e.origin == "given")
            for (const auto& p : e.problems)
                if (p.severity == Severity::Error && p.file == e.path &&
                    std::none_of(report.diagnostics.items().begin(), report.diagnostics.items().end(),
                                 [&](const Diagnostic& x) { return x.where == p.where && x.message == p.message; }))
                    report.diagnostics.add(p);

    JsonLimits limits;
    limits.max_bytes = 512u * 1024u * 1024u;
    std::vector<AnswerSet> sets;
    std::vector<std::shared_ptr<const Questionnaire>> set_questionnaires;
    sets.reserve(request.answer_files.size());
    for (const auto& path : request.answer_files) {
        Diagnostics d(path);
        auto doc = read_json_file(path, d, limits);
        if (doc) {
            if (auto header = read_answers_header(*doc, d)) {
                auto q = catalogue.questionnaire(header->questionnaire_id, header->questionnaire_version);
                if (!q) {
                    d.error("/questionnaire", "questionnaire \"" + header->questionnaire_id + "\" version " +
                                                  header->questionnaire_version + " was not found (or is invalid)");
                } else if (auto set = parse_answers(*doc, *q, d)) {
                    set->source = path;
                    sets.push_back(std::move(*set));
                    set_questionnaires.push_back(q);
                }
            }
        }
        report.diagnostics.append(d);
    }

    std::vector<TargetSet> targets;
    for (const auto& path : request.target_files) {
        Diagnostics d(path);
        if (auto doc = read_json_file(path, d)) {
            if (auto fid = read_targets_framework(*doc, d)) {
                auto fw = catalogue.framework(*fid);
                if (!fw) d.error("/framework", "framework \"" + *fid + "\" was not found");
                else if (auto t = parse_targets(*doc, *fw, d)) targets.push_back(std::move(*t));
            }
        }
        report.diagnostics.append(d);
    }
    if (report.diagnostics.has_errors()) return report;

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
