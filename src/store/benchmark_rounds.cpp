#include "benchmark_rounds.h"

#include <set>

#include "organisations.h"
#include "round_summaries.h"
#include "rounds.h"

namespace ys::store {
namespace {

std::shared_ptr<const Framework> cached_framework(Connection& c, const std::string& hash, DefinitionCache& cache) {
    auto it = cache.frameworks.find(hash);
    if (it != cache.frameworks.end()) return it->second;
    return cache.frameworks[hash] = load_framework(c, hash);
}

}  // namespace


std::vector<BenchmarkInput> benchmark_inputs(Connection& c, const BenchmarkSelection& sel) {
    std::vector<std::string> ids = sel.organisations;
    if (!sel.peer_group.empty()) {
        bool found = false;
        for (const auto& g : list_peer_groups(c))
            if (g.id == sel.peer_group) {
                found = true;
                ids.insert(ids.end(), g.members.begin(), g.members.end());
            }
        if (!found) throw StoreError(StoreError::Kind::NotFound, "peer group \"" + sel.peer_group + "\" does not exist");
    }
    if (!sel.children_of.empty()) {
        if (!find_organisation(c, sel.children_of))
            throw StoreError(StoreError::Kind::NotFound, "organisation \"" + sel.children_of + "\" does not exist");
        for (const auto& o : list_organisations(c))
            if (o.parent == sel.children_of) ids.push_back(o.id);
    }
    std::vector<BenchmarkInput> out;
    std::vector<std::string> round_ids;  // parallel to out
    std::vector<std::size_t> misses;  // rounds with no stored summary: scored from their answers below
    std::set<std::string> seen;
    DefinitionCache cache;
    for (const auto& id : ids) {
        if (!seen.insert(id).second) continue;
        auto org = find_organisation(c, id);
        if (!org) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + id + "\" does not exist");
        for (const auto& r : list_rounds(c, id, false)) {
            BenchmarkInput in;
            in.organisation_id = org->id;
            in.organisation_name = org->name;
            in.organisation_type = org->type;
            in.parent = org->parent;
            in.period = r.period;
            in.questionnaire_id = r.questionnaire_id;
            in.questionnaire_version = r.questionnaire_version;
            in.framework = cached_framework(c, r.framework_hash, cache);
            if (auto summary = load_round_summary(c, r.id, *in.framework)) in.result = std::move(*summary);
            else misses.push_back(out.size());
            round_ids.push_back(r.id);
            out.push_back(std::move(in));
        }
    }
    if (misses.empty()) return out;
    // Scored and stored in one write transaction, so no answer can change between reading
    // a round and storing its summary. Where the database cannot be written (busy, read-only)
    // the rounds are still scored; only the summaries are left for another time.
    auto score_misses = [&] {
        for (std::size_t i : misses) {
            LoadedRound lr = load_round(c, round_ids[i], &cache);
            out[i].result = score_round(*lr.framework, *lr.questionnaire, {&lr.answers}, ScoreOptions{false, false, lr.excluded});
        }
    };
    try {
        Transaction t(c);
        score_misses();
        for (std::size_t i : misses) save_round_summary(c, round_ids[i], out[i].result);
        t.commit();
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Busy && e.kind() != StoreError::Kind::Io) throw;
        score_misses();
    }
    return out;
}

}  // namespace ys::store
