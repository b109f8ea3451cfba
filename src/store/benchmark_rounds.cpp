#include "benchmark_rounds.h"

#include <set>

#include "organisations.h"
#include "rounds.h"

namespace ys::store {

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
    std::set<std::string> seen;
    DefinitionCache cache;
    for (const auto& id : ids) {
        if (!seen.insert(id).second) continue;
        auto org = find_organisation(c, id);
        if (!org) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + id + "\" does not exist");
        for (const auto& r : list_rounds(c, id)) {
            LoadedRound lr = load_round(c, r.id, &cache);
            BenchmarkInput in;
            in.organisation_id = org->id;
            in.organisation_name = org->name;
            in.organisation_type = org->type;
            in.parent = org->parent;
            in.period = r.period;
            in.questionnaire_id = r.questionnaire_id;
            in.questionnaire_version = r.questionnaire_version;
            in.framework = lr.framework;
            in.result = score_round(*lr.framework, *lr.questionnaire, {&lr.answers}, ScoreOptions{false, false});
            out.push_back(std::move(in));
        }
    }
    return out;
}

}  // namespace ys::store
