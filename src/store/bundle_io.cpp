#include "bundle_io.h"

#include <algorithm>
#include <set>

#include "action_items.h"
#include "json_read.h"
#include "organisations.h"
#include "rounds.h"

namespace ys::store {

Bundle export_bundle(Connection& c, const std::vector<std::string>& round_ids) {
    Bundle b;
    b.created = now_seconds();
    std::set<std::string> orgs;
    for (const auto& id : round_ids) {
        LoadedRound lr = load_round(c, id);
        BundleRound r;
        r.id = lr.record.id;
        r.organisation = lr.record.organisation;
        r.period = lr.record.period;
        r.status = lr.record.status;
        r.created = lr.record.created_at;
        r.framework_hash = lr.record.framework_hash;
        r.questionnaire_hash = lr.record.questionnaire_hash;
        r.respondents = std::move(lr.answers.respondents);
        for (const auto& a : list_action_items(c, id))
            r.action_items.push_back({a.action, a.dimension, a.owner, a.due, a.status, a.notes});
        b.frameworks[r.framework_hash] = lr.framework;
        b.questionnaires[r.questionnaire_hash] = lr.questionnaire;
        for (const std::string& hash : {r.framework_hash, r.questionnaire_hash}) {
            Statement s = c.prepare("SELECT content FROM definition WHERE hash = ?");
            s.bind(1, hash);
            s.step();
            Diagnostics d(c.path());
            b.definitions[hash] = *parse_json_text(s.text(0), d);
        }
        // The organisation and every ancestor, so the hierarchy arrives whole.
        for (std::string at = r.organisation; !at.empty() && orgs.insert(at).second;) {
            auto o = find_organisation(c, at);
            if (!o) break;
            at = o->parent;
        }
        b.rounds.push_back(std::move(r));
    }
    for (const auto& o : list_organisations(c))
        if (orgs.count(o.id)) b.organisations.push_back({o.id, o.name, o.type, o.region, o.ons_code, o.parent});
    for (const auto& g : list_peer_groups(c)) {
        BundlePeerGroup pg{g.id, g.name, {}};
        for (const auto& m : g.members)
            if (orgs.count(m)) pg.members.push_back(m);
        if (!pg.members.empty()) b.peer_groups.push_back(std::move(pg));
    }
    std::set<std::string> framework_ids;
    for (const auto& [hash, fw] : b.frameworks) framework_ids.insert(fw->id);
    for (const auto& org : orgs)
        for (const auto& t : list_targets(c, org))
            if (framework_ids.count(t.framework)) b.targets.push_back({t.organisation, t.framework, t.dimension, t.by, t.level});
    return b;
}

ImportReport import_bundle(Connection& c, const Bundle& b, const std::string& source, bool dry_run) {
    ImportReport report;
    Transaction t(c);
    for (const auto& [hash, doc] : b.definitions) put_definition(c, doc);
    // Parents before children: the bundle's hierarchy has no cycles (parse_bundle checks).
    std::set<std::string> placed;
    for (bool progress = true; progress;) {
        progress = false;
        for (const auto& o : b.organisations) {
            if (placed.count(o.id) || (!o.parent.empty() && !placed.count(o.parent) && !find_organisation(c, o.parent))) continue;
            if (find_organisation(c, o.id)) {
                edit_organisation(c, o.id, {o.name, o.type, o.region, o.ons_code});
                if (!o.parent.empty()) move_organisation(c, o.id, o.parent);
            } else {
                add_organisation(c, {o.id, o.name, o.type, o.region, o.ons_code, o.parent});
                report.organisations_created.push_back(o.id);
            }
            placed.insert(o.id);
            progress = true;
        }
    }
    for (const auto& g : b.peer_groups) {
        add_peer_group(c, g.id, g.name);
        for (const auto& m : g.members) add_peer_group_member(c, g.id, m);
    }
    for (const auto& r : b.rounds) {
        Diagnostics d(source);
        auto q = round_questionnaire(b, r, d);
        if (!q) {
            report.diagnostics.append(d);
            continue;
        }
        Statement existing = c.prepare("SELECT framework_hash, questionnaire_hash FROM round WHERE id = ?");
        existing.bind(1, r.id);
        const bool created = !existing.step();
        if (!created) {
            if (existing.text(0) != r.framework_hash || existing.text(1) != r.questionnaire_hash) {
                report.diagnostics.add({Severity::Error, source, "/rounds",
                                        "round \"" + r.id + "\" is already in the database with other framework or "
                                        "questionnaire versions; upgrade one of them first"});
                continue;
            }
        } else {
            Statement s = c.prepare(
                "INSERT INTO round (id, organisation_id, framework_hash, questionnaire_hash, period, status, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
            s.bind(1, r.id).bind(2, r.organisation).bind(3, r.framework_hash).bind(4, r.questionnaire_hash);
            // Filled while open, closed (if the bundle says so) below: a closed local round refuses writes.
            s.bind(5, r.period).bind(6, "open").bind(7, r.created ? r.created : now_seconds());
            s.run();
            report.rounds_created.push_back(r.id);
        }
        count_writes(report, r.id, write_respondents(c, r.id, *q, r.respondents));
        for (const auto& a : r.action_items) save_action_item(c, {r.id, a.action, a.dimension, a.owner, a.due, a.status, a.notes});
        if (created && r.status != "open") set_round_status(c, r.id, r.status);
        report.rounds_touched.push_back(r.id);
    }
    for (const auto& tg : b.targets) set_target(c, {tg.organisation, tg.framework, tg.dimension, tg.by, tg.level});
    if (!report.ok() || dry_run) return report;
    t.commit();
    return report;
}

}  // namespace ys::store
