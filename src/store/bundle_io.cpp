#include "bundle_io.h"

#include <algorithm>
#include <map>
#include <set>

#include "action_items.h"
#include "json_read.h"
#include "organisations.h"
#include "origin.h"
#include "round_scopes.h"
#include "rounds.h"

namespace ys::store {

namespace {

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// An organisation or round's origin as stored: NULL for this database's own.
void bind_origin(Statement& s, int index, const std::string& origin, const std::string& here) {
    s.bind_optional(index, origin == here ? std::string() : origin);
}

}  // namespace

Bundle export_bundle(Connection& c, const std::vector<std::string>& round_ids) {
    Bundle b;
    b.created = now_seconds();
    b.origin = database_origin(c);
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
        {
            Statement s = c.prepare("SELECT coalesce(origin, ?) FROM round WHERE id = ?");
            s.bind(1, b.origin).bind(2, id);
            if (s.step()) r.origin = s.text(0);
        }
        for (const auto& a : list_action_items(c, id))
            r.action_items.push_back({a.action, a.dimension, a.owner, a.due, a.status, a.notes, a.title});
        r.excluded = lr.excluded;
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
    Statement origin = c.prepare("SELECT coalesce(origin, ?), coalesce(origin_id, '') FROM organisation WHERE id = ?");
    for (const auto& o : list_organisations(c)) {
        if (!orgs.count(o.id)) continue;
        BundleOrganisation bo{o.id, o.name, o.type, o.region, o.ons_code, o.parent, b.origin, ""};
        origin.reset();
        origin.bind(1, b.origin).bind(2, o.id);
        if (origin.step()) {
            bo.origin = origin.text(0);
            bo.origin_id = origin.text(1);
        }
        b.organisations.push_back(std::move(bo));
    }
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

void check_org_mapping(Connection& c, const std::vector<std::pair<std::string, Bundle>>& bundles,
                       const OrgMappingOptions& mapping) {
    if (bundles.empty() && (mapping.as_new || !mapping.map_orgs.empty()))
        throw OrgMappingError(std::string(mapping.as_new ? "--as-new" : "--map-org") +
                              " applies to bundles, and none of the files given is one");
    for (const auto& [theirs, ours] : mapping.map_orgs) {
        const std::string option = "--map-org " + theirs + "=" + ours;
        std::vector<std::string> known;
        bool found = false;
        for (const auto& [path, b] : bundles)
            for (const auto& o : b.organisations) {
                found = found || o.id == theirs;
                if (known.size() < 12) known.push_back(o.id);
            }
        if (!found) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            throw OrgMappingError(option + ": no bundle given has an organisation " + in_quotes(theirs) +
                                  "; the left-hand side is one of the bundle's organisations: " + list);
        }
        if (!find_organisation(c, ours))
            throw OrgMappingError(option + ": there is no organisation " + in_quotes(ours) +
                                  " in this database to import into; the right-hand side is one of yours (see org list)");
    }
}

namespace {

// An organisation here, with what says which one it is: its origin and its id there.
struct LocalOrg {
    OrgRecord rec;
    std::string origin, id_at_origin;
};

std::vector<LocalOrg> local_organisations(Connection& c, const std::string& here) {
    std::vector<LocalOrg> out;
    std::map<std::string, OrgRecord> by_id;
    for (auto& o : list_organisations(c)) by_id.emplace(o.id, std::move(o));
    Statement s = c.prepare("SELECT id, coalesce(origin, ?), coalesce(origin_id, id) FROM organisation");
    s.bind(1, here);
    while (s.step()) {
        auto it = by_id.find(s.text(0));
        if (it != by_id.end()) out.push_back({it->second, s.text(1), s.text(2)});
    }
    return out;
}

// A new id for a clashing organisation: id-2, id-3, ... that nothing here or in the bundle uses.
std::string fresh_id(const std::string& id, const std::set<std::string>& taken) {
    for (int n = 2;; ++n) {
        std::string suffix = "-" + std::to_string(n);
        std::string candidate = id.substr(0, std::min(id.size(), 128 - suffix.size())) + suffix;
        if (!taken.count(candidate)) return candidate;
    }
}

enum class Placing { Create, Existing, Mapped };

struct OrgPlan {
    std::string local;  // the id it has here
    Placing placing = Placing::Create;
};

}  // namespace

ImportReport import_bundle(Connection& c, const Bundle& b, const std::string& source, bool dry_run,
                           const OrgMappingOptions& mapping) {
    ImportReport report;
    const std::string here = database_origin(c);
    auto error = [&](const std::string& where, const std::string& message) {
        report.diagnostics.add({Severity::Error, source, where, message});
    };

    // ---- The plan: where each organisation and round goes. Every clash is found here,
    // before anything is written.
    std::vector<LocalOrg> locals = local_organisations(c, here);
    std::set<std::string> taken;
    for (const auto& l : locals) taken.insert(l.rec.id);
    for (const auto& o : b.organisations) taken.insert(o.id);
    std::map<std::string, OrgPlan> plan;
    std::vector<std::size_t> clashing;  // indexes into b.organisations, given new ids with --as-new
    for (std::size_t i = 0; i < b.organisations.size(); ++i) {
        const BundleOrganisation& o = b.organisations[i];
        const std::string origin = o.origin.empty() ? b.origin : o.origin;
        if (auto m = mapping.map_orgs.find(o.id); m != mapping.map_orgs.end()) {
            plan[o.id] = {m->second, Placing::Mapped};
            report.organisations_placed.push_back({o.id, m->second, "mapped"});
            continue;
        }
        auto same = std::find_if(locals.begin(), locals.end(), [&](const LocalOrg& l) {
            return l.origin == origin && l.id_at_origin == o.id_at_origin();
        });
        if (same != locals.end()) {
            plan[o.id] = {same->rec.id, Placing::Existing};
            if (same->rec.id != o.id) report.organisations_placed.push_back({o.id, same->rec.id, "known"});
            continue;
        }
        auto clash = std::find_if(locals.begin(), locals.end(), [&](const LocalOrg& l) { return l.rec.id == o.id; });
        if (clash == locals.end()) {
            plan[o.id] = {o.id, Placing::Create};
        } else if (mapping.as_new) {
            clashing.push_back(i);
        } else {
            report.organisations_clashing.push_back(o.id);
            error("/organisations/" + std::to_string(i) + "/id",
                  "organisation " + in_quotes(o.id) + " in the bundle (" + in_quotes(o.name) + ") and " + in_quotes(o.id) +
                      " here (" + in_quotes(clash->rec.name) + ") share an id but were made by different databases" +
                      (b.origin_known ? "" : " (a yardstick-bundle/1 file does not say which database made it)") +
                      "; import again with --map-org " + o.id + "=" + o.id + " to put its rounds into yours (or =ID for another of yours), or with --as-new to add it under a new id");
        }
    }
    for (std::size_t i : clashing) {
        const BundleOrganisation& o = b.organisations[i];
        std::string id = fresh_id(o.id, taken);
        taken.insert(id);
        plan[o.id] = {id, Placing::Create};
        report.organisations_placed.push_back({o.id, id, "as new"});
    }
    if (!report.ok()) return report;

    // Rounds: a round of an organisation placed under another id here takes the id that
    // organisation's round would have (round_id_for), so importing again finds it.
    struct RoundPlan {
        std::string id, organisation;
        bool exists = false;
    };
    std::vector<RoundPlan> rounds;
    std::map<std::string, std::size_t> round_from;  // local id -> index in b.rounds
    for (std::size_t i = 0; i < b.rounds.size(); ++i) {
        const BundleRound& r = b.rounds[i];
        const OrgPlan& org = plan.at(r.organisation);
        RoundPlan rp{r.id, org.local, false};
        if (org.local != r.organisation) {
            auto q = b.questionnaires.find(r.questionnaire_hash);
            rp.id = round_id_for(org.local, r.period, q != b.questionnaires.end() ? q->second->id : r.id);
        }
        const std::string where = "/rounds/" + std::to_string(i) + "/id";
        auto [at, fresh] = round_from.emplace(rp.id, i);
        if (!fresh) {
            rounds.push_back(rp);
            error(where, "rounds " + in_quotes(b.rounds[at->second].id) + " and " + in_quotes(r.id) + " would both be round " +
                             in_quotes(rp.id) + " here; map their organisations onto different ones");
            continue;
        }
        const std::string origin = r.origin.empty() ? b.origin : r.origin;
        Statement existing = c.prepare(
            "SELECT organisation_id, coalesce(origin, ?), framework_hash, questionnaire_hash FROM round WHERE id = ?");
        existing.bind(1, here).bind(2, rp.id);
        if (existing.step()) {
            rp.exists = true;
            const std::string renamed = rp.id == r.id ? "" : " (the bundle's " + in_quotes(r.id) + ")";
            if (existing.text(1) != origin) {
                error(where, "round " + in_quotes(rp.id) + renamed + " is already here, made by another database; rounds from " +
                                 "two databases are never merged" +
                                 (org.placing == Placing::Mapped
                                      ? ": import " + in_quotes(r.organisation) + " with --as-new instead of --map-org"
                                      : ", so nothing was imported"));
            } else if (existing.text(0) != rp.organisation) {
                error(where, "round " + in_quotes(rp.id) + renamed + " is here under organisation " +
                                 in_quotes(existing.text(0)) + ", but the bundle puts it under " + in_quotes(rp.organisation));
            } else if (existing.text(2) != r.framework_hash || existing.text(3) != r.questionnaire_hash) {
                error("/rounds", "round " + in_quotes(rp.id) + " is already in the database with other framework or "
                                 "questionnaire versions; upgrade one of them first");
            }
        }
        rounds.push_back(rp);
    }
    if (!report.ok()) return report;

    // ---- The writes, all in one transaction.
    Transaction t(c);
    for (const auto& [hash, doc] : b.definitions) put_definition(c, doc);
    // New organisations, parents before children: the bundle's hierarchy has no cycles
    // (parse_bundle checks), and every other organisation is here already.
    std::set<std::string> placed;
    for (const auto& [id, p] : plan)
        if (p.placing != Placing::Create) placed.insert(id);
    for (std::size_t i = 0; i < b.organisations.size(); ++i) {
        const BundleOrganisation& o = b.organisations[i];
        const OrgPlan& p = plan.at(o.id);
        if (p.placing != Placing::Existing) continue;
        auto local = find_organisation(c, p.local);
        std::string parent = o.parent.empty() ? "" : plan.at(o.parent).local;
        if (local && (local->name != o.name || local->type != o.type || local->region != o.region ||
                      local->ons_code != o.ons_code || local->parent != parent))
            report.diagnostics.add({Severity::Warning, source, "/organisations/" + std::to_string(i),
                                    "organisation " + in_quotes(p.local) +
                                        " is kept as it is here; the bundle's name, type, region, ONS code or parent "
                                        "differ (change them with org edit and org move if you want the bundle's)"});
    }
    for (bool progress = true; progress;) {
        progress = false;
        for (const auto& o : b.organisations) {
            if (placed.count(o.id) || (!o.parent.empty() && !placed.count(o.parent))) continue;
            const std::string& id = plan.at(o.id).local;
            add_organisation(c, {id, o.name, o.type, o.region, o.ons_code, o.parent.empty() ? "" : plan.at(o.parent).local});
            Statement s = c.prepare("UPDATE organisation SET origin = ?, origin_id = ? WHERE id = ?");
            bind_origin(s, 1, o.origin.empty() ? b.origin : o.origin, here);
            s.bind_optional(2, o.id_at_origin() == id ? std::string() : o.id_at_origin());
            s.bind(3, id);
            s.run();
            report.organisations_created.push_back(id);
            placed.insert(o.id);
            progress = true;
        }
    }
    // Peer groups: a group already here keeps its name; members are added.
    for (const auto& g : b.peer_groups) {
        Statement s = c.prepare("INSERT OR IGNORE INTO peer_group (id, name) VALUES (?, ?)");
        s.bind(1, g.id).bind(2, g.name);
        s.run();
        for (const auto& m : g.members) add_peer_group_member(c, g.id, plan.at(m).local);
    }
    for (std::size_t i = 0; i < b.rounds.size(); ++i) {
        const BundleRound& r = b.rounds[i];
        const RoundPlan& rp = rounds[i];
        Diagnostics d(source);
        auto q = round_questionnaire(b, r, d);
        if (!q) {
            report.diagnostics.append(d);
            continue;
        }
        if (!rp.exists) {
            Statement s = c.prepare(
                "INSERT INTO round (id, organisation_id, framework_hash, questionnaire_hash, period, status, created_at, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            s.bind(1, rp.id).bind(2, rp.organisation).bind(3, r.framework_hash).bind(4, r.questionnaire_hash);
            // Filled while open, closed (if the bundle says so) below: a closed local round refuses writes.
            s.bind(5, r.period).bind(6, "open").bind(7, r.created ? r.created : now_seconds());
            bind_origin(s, 8, r.origin.empty() ? b.origin : r.origin, here);
            s.run();
            report.rounds_created.push_back(rp.id);
        }
        count_writes(report, rp.id, write_respondents(c, rp.id, *q, r.respondents));
        for (const auto& a : r.action_items) save_action_item(c, {rp.id, a.action, a.dimension, a.owner, a.due, a.status, a.notes, a.title});
        // A round's scope comes with the round it makes; a round here already keeps its own.
        if (!rp.exists) {
            replace_round_exclusions(c, rp.id, r.excluded);
        } else {
            std::vector<std::string> theirs = r.excluded;
            std::sort(theirs.begin(), theirs.end());
            if (theirs != round_exclusions(c, rp.id))
                report.diagnostics.add({Severity::Warning, source, "/rounds/" + std::to_string(i) + "/excluded",
                                        "round " + in_quotes(rp.id) + " keeps the scope it has here; the bundle's "
                                        "differs (see: yardstick-cli round scope " + rp.id + ")"});
        }
        if (!rp.exists && r.status != "open") set_round_status(c, rp.id, r.status);
        report.rounds_touched.push_back(rp.id);
    }
    // Targets belong to their organisation: one mapped onto yours keeps your targets.
    std::set<std::string> skipped;
    for (const auto& tg : b.targets) {
        const OrgPlan& p = plan.at(tg.organisation);
        if (p.placing == Placing::Mapped) {
            if (skipped.insert(tg.organisation).second)
                report.diagnostics.add({Severity::Warning, source, "/targets",
                                        "the targets of " + in_quotes(tg.organisation) + " were not imported: " +
                                            in_quotes(p.local) + ", which it was mapped onto, keeps its own"});
            continue;
        }
        set_target(c, {p.local, tg.framework, tg.dimension, tg.by, tg.level});
    }
    if (!report.ok() || dry_run) return report;
    t.commit();
    return report;
}

}  // namespace ys::store
