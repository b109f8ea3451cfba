// Writing a bundle (bundle.h): everything the database holds of some organisations and
// rounds, as one JSON document that parse_bundle (bundle.cpp) reads back.
#include "bundle.h"

#include <stdexcept>

#include "answers_read.h"
#include "own_action.h"
#include "targets.h"
#include "timestamps.h"

namespace ys {

nlohmann::json bundle_to_json(const Bundle& b, bool anonymise) {
    using nlohmann::json;
    const bool anon = anonymise || b.anonymised;  // an anonymised bundle stays anonymised
    // What is written must read back: every origin is an origin id.
    if (!is_origin_id(b.origin)) throw std::invalid_argument("the bundle's origin \"" + b.origin + "\" is not an origin id");
    for (const auto& o : b.organisations)
        if (!o.origin.empty() && !is_origin_id(o.origin))
            throw std::invalid_argument("organisation \"" + o.id + "\": origin \"" + o.origin + "\" is not an origin id");
    for (const auto& r : b.rounds)
        if (!r.origin.empty() && !is_origin_id(r.origin))
            throw std::invalid_argument("round \"" + r.id + "\": origin \"" + r.origin + "\" is not an origin id");
    json out = json::object();
    out["format"] = kBundleFormat;
    out["origin"] = b.origin;
    out["created"] = format_iso_datetime(b.created);
    out["anonymised"] = anon;
    json defs = json::object();
    for (const auto& [hash, doc] : b.definitions) defs[hash] = doc;
    out["definitions"] = std::move(defs);

    json orgs = json::array();
    for (const auto& o : b.organisations) {
        json j = {{"id", o.id}, {"name", o.name}, {"type", o.type}, {"origin", o.origin.empty() ? b.origin : o.origin}};
        if (!o.origin_id.empty() && o.origin_id != o.id) j["origin_id"] = o.origin_id;
        if (!o.region.empty()) j["region"] = o.region;
        if (!o.ons_code.empty()) j["ons_code"] = o.ons_code;
        if (!o.parent.empty()) j["parent"] = o.parent;
        orgs.push_back(std::move(j));
    }
    out["organisations"] = std::move(orgs);

    json groups = json::array();
    for (const auto& g : b.peer_groups) groups.push_back({{"id", g.id}, {"name", g.name}, {"members", g.members}});
    out["peer_groups"] = std::move(groups);

    json rounds = json::array();
    for (const auto& r : b.rounds) {
        json j = {{"id", r.id},
                  {"organisation", r.organisation},
                  {"period", r.period},
                  {"status", r.status},
                  {"created", format_iso_datetime(r.created)},
                  {"framework", r.framework_hash},
                  {"questionnaire", r.questionnaire_hash},
                  {"origin", r.origin.empty() ? b.origin : r.origin}};
        const Questionnaire* q = nullptr;
        if (auto it = b.questionnaires.find(r.questionnaire_hash); it != b.questionnaires.end()) q = it->second.get();
        if (!q && !r.respondents.empty())
            throw std::invalid_argument("round \"" + r.id + "\": questionnaire " + r.questionnaire_hash +
                                        " is not in the bundle's questionnaires");
        json respondents = json::array();
        for (const auto& p : r.respondents) {
            json rj = {{"id", p.id}};
            if (p.role >= 0) {
                if (static_cast<std::size_t>(p.role) >= q->roles.size())
                    throw std::invalid_argument("round \"" + r.id + "\", respondent \"" + p.id +
                                                "\": role index outside the questionnaire's roles");
                rj["role"] = q->roles[p.role].id;
            }
            if (!anon && !p.name.empty()) rj["name"] = p.name;
            if (!anon && !p.email.empty()) rj["email"] = p.email;
            // A skills round's tags; team and age band say who someone is, so anonymised drops them.
            if (!anon && !p.team.empty()) rj["team"] = p.team;
            if (!p.target_role.empty()) rj["target_role"] = p.target_role;
            if (!anon && !p.age_band.empty()) rj["age_band"] = p.age_band;
            json answers = json::object();
            for (const auto& a : p.answers) {
                if (a.question >= q->questions.size())
                    throw std::invalid_argument("round \"" + r.id + "\", respondent \"" + p.id +
                                                "\": answer to a question outside the questionnaire");
                const Question& qu = q->questions[a.question];
                answers[qu.id] = answer_to_json(qu, a, !anon);
            }
            rj["answers"] = std::move(answers);
            respondents.push_back(std::move(rj));
        }
        j["respondents"] = std::move(respondents);
        json items = json::array();
        for (const auto& a : r.action_items) {
            json aj = {{"action", a.action}, {"status", a.status}};
            if (!a.title.empty()) aj["title"] = a.title;  // an action's name, not a person's: kept when anonymised
            if (!a.dimension.empty() || a.title.empty()) aj["dimension"] = a.dimension;
            if (!anon && !a.owner.empty()) aj["owner"] = a.owner;
            if (!a.due.empty()) aj["due"] = a.due;
            if (!anon && !a.notes.empty()) aj["notes"] = a.notes;
            items.push_back(std::move(aj));
        }
        j["action_items"] = std::move(items);
        if (!r.excluded.empty()) j["excluded"] = r.excluded;
        rounds.push_back(std::move(j));
    }
    out["rounds"] = std::move(rounds);

    json targets = json::array();
    for (const auto& t : b.targets) {
        json j = {{"organisation", t.organisation}, {"framework", t.framework}, {"dimension", t.dimension},
                  {"level", target_json(t.level)}};
        if (!t.by.empty()) j["by"] = t.by;
        targets.push_back(std::move(j));
    }
    out["targets"] = std::move(targets);
    return out;
}

}  // namespace ys
