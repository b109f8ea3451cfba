#include "bundle.h"
#include "bundle_reader.h"

#include "own_action.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "answers_read.h"
#include "catalogue.h"
#include "framework_read.h"
#include "json_fields.h"
#include "json_read.h"
#include "own_action.h"
#include "questionnaire_read.h"
#include "sha256.h"
#include "targets.h"
#include "timestamps.h"

namespace ys {
namespace bundle_detail {

// Re-adds diagnostics made against a document nested at `prefix` in the bundle.
void add_prefixed(Diagnostics& into, const Diagnostics& from, const std::string& prefix) {
    for (Diagnostic d : from.items()) {
        if (d.where.empty() || d.where == "/") d.where = prefix;
        else if (d.where[0] == '/') d.where = prefix + d.where;
        else d.where = prefix + " (" + d.where + ")";
        into.add(std::move(d));
    }
}

// The framework a questionnaire binds to among `frameworks`: the newest fitting version,
// else (so that the mismatch is reported) the newest of any version; empty when none.
std::string choose_framework(const Questionnaire& q,
                             const std::map<std::string, std::shared_ptr<const Framework>>& frameworks) {
    std::string best, any;
    for (const auto& [hash, fw] : frameworks) {
        if (fw->id != q.framework_id) continue;
        if (any.empty() || compare_versions(fw->version, frameworks.at(any)->version) > 0) any = hash;
        if (q.fits_framework_version(fw->version) &&
            (best.empty() || compare_versions(fw->version, frameworks.at(best)->version) > 0))
            best = hash;
    }
    return best.empty() ? any : best;
}

// Where an action hangs, or -1.
int action_dimension(const Framework& fw, const std::string& action_id) {
    for (std::size_t i = 0; i < fw.dimensions.size(); ++i)
        for (const auto& a : fw.dimensions[i].actions)
            if (a.id == action_id) return static_cast<int>(i);
    return -1;
}

// A questionnaire definition parsed afresh and bound to fw; errors relative to the definition.
std::shared_ptr<const Questionnaire> bind_definition(const nlohmann::json& def, const Framework& fw,
                                                     Diagnostics& diags) {
    auto q = parse_questionnaire(def, diags);
    if (!q || !bind_questionnaire(*q, fw, diags)) return nullptr;
    return std::make_shared<const Questionnaire>(std::move(*q));
}

std::optional<Bundle> BundleReader::read() {
    std::size_t before = diags_.error_count();
    if (!root_.expect_object()) return std::nullopt;
    auto format = root_.string("format", Need::Required);
    if (!format) return std::nullopt;
    if (*format != kBundleFormat && *format != kBundleFormatV1) {
        root_["format"].error("expected " + in_quotes(kBundleFormat) + " (or the older " + in_quotes(kBundleFormatV1) +
                              "), found " + in_quotes(*format));
        return std::nullopt;
    }
    v1_ = *format == kBundleFormatV1;
    root_.check_keys({"format", "origin", "created", "anonymised", "definitions", "organisations", "peer_groups",
                      "rounds", "targets"});
    out_.origin = origin(root_, "origin");
    out_.created = timestamp(root_, "created");
    out_.anonymised = root_.boolean("anonymised", Need::Optional).value_or(false);
    read_definitions();
    read_organisations();
    read_peer_groups();
    read_rounds();
    read_targets();
    if (diags_.error_count() != before) return std::nullopt;
    if (v1_) give_v1_origin();
    return std::move(out_);
}

// An origin id at obj[key]: required in version 2; in version 1 there is none (empty).
std::string BundleReader::origin(const JsonAt& obj, const std::string& key) {
    if (v1_) {
        if (obj[key].present())
            obj[key].error(in_quotes(key) + " belongs to " + in_quotes(kBundleFormat) + "; a " + in_quotes(kBundleFormatV1) +
                           " bundle has no origins (write \"format\": " + in_quotes(kBundleFormat) + ", or leave it out)");
        return {};
    }
    auto s = obj.string(key, Need::Required);
    if (!s) return {};
    if (!is_origin_id(*s)) {
        obj[key].error("expected an origin id: 32 lower-case hex digits such as "
                       "\"3f2a9c0b5d8e4f1a7b6c2d9e0f1a2b3c\", found " + in_quotes(*s));
        return {};
    }
    return *s;
}

// A version 1 bundle does not say which database made it. It is given an origin derived
// from what identifies the file (its time, and its organisations' and rounds' ids, names
// and times): importing the same file again finds what it made before, while any other
// version 1 bundle, or any organisation already in a database, is of another origin.
void BundleReader::give_v1_origin() {
    out_.origin_known = false;
    std::string text = std::string(kBundleFormatV1) + "\n" + std::to_string(out_.created) + "\n";
    for (const auto& o : out_.organisations) text += "o\n" + o.id + "\n" + o.name + "\n";
    for (const auto& r : out_.rounds) text += "r\n" + r.id + "\n" + r.organisation + "\n" + std::to_string(r.created) + "\n";
    out_.origin = sha256_hex(text).substr(0, 32);
    for (auto& o : out_.organisations) o.origin = out_.origin;
    for (auto& r : out_.rounds) r.origin = out_.origin;
}

std::int64_t BundleReader::timestamp(const JsonAt& obj, const std::string& key) {
    auto s = obj.string(key, Need::Required);
    if (!s) return 0;
    auto t = parse_iso_datetime(*s);
    if (!t) {
        obj[key].error("expected a date and time such as \"2026-11-21T05:30:00Z\", found " + in_quotes(*s));
        return 0;
    }
    return *t;
}

void BundleReader::read_definitions() {
    JsonAt defs = root_["definitions"];
    if (!defs.present() || !defs.expect_object()) return;
    std::vector<std::pair<std::string, Questionnaire>> pending;
    for (auto it = defs.json().begin(); it != defs.json().end(); ++it) {
        const std::string& key = it.key();
        JsonAt d = defs[key];
        if (!is_content_hash_text(key)) {
            d.error("definition key " + in_quotes(key) +
                    " is not a content hash; expected \"sha256:\" and 64 lower-case hex digits");
            continue;
        }
        std::string actual = content_hash(it.value());
        if (actual != key) {
            d.error("hash does not match the content: the content hashes to " + actual);
            continue;
        }
        DocKind kind = kind_of(it.value());
        if (kind != DocKind::Framework && kind != DocKind::Questionnaire) {
            d.error("expected a framework (" + in_quotes(kFrameworkFormat) + ") or a questionnaire (" +
                    in_quotes(kQuestionnaireFormat) + ")");
            continue;
        }
        Diagnostics sub(diags_.file());
        bool ok = false;
        try {  // the readers are meant not to throw; a bundle must not escape as an exception if one does
            if (kind == DocKind::Framework) {
                if (auto fw = parse_framework(it.value(), sub)) {
                    same_version(d, "framework", fw->id, fw->version);
                    out_.frameworks[key] = std::make_shared<const Framework>(std::move(*fw));
                    ok = true;
                }
            } else if (auto q = parse_questionnaire(it.value(), sub)) {
                same_version(d, "questionnaire", q->id, q->version);
                pending.emplace_back(key, std::move(*q));
                ok = true;
            }
        } catch (const nlohmann::json::exception&) {
            // The library's own words would mean nothing to the user.
            sub.error("", "cannot be read as a framework or questionnaire; export the bundle again from Yardstick");
            ok = false;
        }
        add_prefixed(diags_, sub, d.pointer());
        if (ok) out_.definitions[key] = it.value();
    }
    for (auto& [hash, q] : pending) {
        JsonAt d = defs[hash];
        std::string fw_hash = choose_framework(q, out_.frameworks);
        if (fw_hash.empty()) {
            std::string list;
            for (const auto& v : q.framework_versions) list += (list.empty() ? "" : ", ") + v;
            d["framework"]["id"].error("questionnaire " + in_quotes(q.id) + " measures framework " +
                                       in_quotes(q.framework_id) + " (versions " + list +
                                       "), which is not among the bundle's definitions");
            continue;
        }
        Diagnostics sub(diags_.file());
        if (bind_questionnaire(q, *out_.frameworks.at(fw_hash), sub)) {
            out_.questionnaires[hash] = std::make_shared<const Questionnaire>(std::move(q));
            out_.questionnaire_framework[hash] = fw_hash;
        }
        add_prefixed(diags_, sub, d.pointer());
    }
}

// Two different files claiming the same id and version: allowed, but worth a warning.
void BundleReader::same_version(const JsonAt& d, const char* kind, const std::string& id, const std::string& version) {
    auto [it, fresh] = versions_.emplace(std::string(kind) + " " + id + " " + version, d.pointer());
    if (!fresh)
        d.warning(std::string(kind) + " " + in_quotes(id) + " " + version + " differs from the one at " +
                  it->second + " with the same id and version");
}

// A reference to a definition of a kind; nullptr/empty when it does not resolve.
std::string BundleReader::definition_ref(const JsonAt& obj, const std::string& key, DocKind want) {
    auto h = obj.string(key, Need::Required);
    if (!h) return {};
    const char* want_name = want == DocKind::Framework ? "framework" : "questionnaire";
    if (!is_content_hash_text(*h)) {
        obj[key].error("expected the content hash of a " + std::string(want_name) +
                       " definition (\"sha256:\" and 64 lower-case hex digits), found " + in_quotes(*h));
        return {};
    }
    auto def = out_.definitions.find(*h);
    if (def == out_.definitions.end()) {
        if (!root_["definitions"][*h].present())
            obj[key].error("unknown " + std::string(want_name) + " " + *h +
                           ": the bundle's definitions hold nothing with this hash");
        return {};  // present but invalid: already reported where it is defined
    }
    DocKind kind = kind_of(def->second);
    if (kind != want) {
        obj[key].error(*h + " is a " + to_string(kind) + " definition; expected a " + want_name);
        return {};
    }
    return *h;
}

void BundleReader::read_organisations() {
    JsonAt list = root_["organisations"];
    if (!list.present() || !list.expect_array()) return;
    std::vector<std::size_t> index;    // organisations[k] came from list[index[k]]
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt o = list[i];
        if (!o.expect_object()) continue;
        o.check_keys({"id", "name", "type", "region", "ons_code", "parent", "origin", "origin_id"});
        BundleOrganisation org;
        org.id = o.id("id", Need::Required).value_or("");
        org.origin = origin(o, "origin");
        if (v1_ && o["origin_id"].present()) origin(o, "origin_id");  // the same refusal
        else org.origin_id = o.id("origin_id", Need::Optional).value_or("");
        if (org.origin_id == org.id) org.origin_id.clear();
        if (!org.id.empty() && !org_index_.emplace(org.id, out_.organisations.size()).second)
            o["id"].error("duplicate organisation id " + in_quotes(org.id));
        org.name = o.text("name", TextField::OrganisationName, Need::Required).value_or("");
        if (auto t = o.string("type", Need::Required)) {
            if (!one_of(*t, kOrgTypes))
                o["type"].error("unknown organisation type " + in_quotes(*t) + "; expected one of: " +
                                list_text(kOrgTypes));
            org.type = *t;
        }
        org.region = o.text("region", TextField::Region, Need::Optional).value_or("");
        if (auto c = o.string("ons_code", Need::Optional)) {
            if (!is_ons_code(*c))
                o["ons_code"].error("expected an ONS code: a capital letter and 8 digits such as "
                                    "\"E09000001\", found " + in_quotes(*c));
            org.ons_code = *c;
        }
        org.parent = o.id("parent", Need::Optional).value_or("");
        out_.organisations.push_back(std::move(org));
        index.push_back(i);
    }
    // Parents exist and never lead back to where they started.
    for (std::size_t k = 0; k < out_.organisations.size(); ++k) {
        const auto& org = out_.organisations[k];
        if (!org.parent.empty() && !org_index_.count(org.parent))
            list[index[k]]["parent"].error("unknown parent organisation " + in_quotes(org.parent));
    }
    // Each organisation is walked over once, so that this stays linear however long the
    // chains of parents are (walking up from every organisation in turn was quadratic). A
    // cycle is reported at its first member in file order, listing the cycle from there.
    // Organisations whose id is a duplicate (already an error) are left out.
    enum : char { kUnseen, kOnPath, kDone, kCyclePending };
    const std::size_t n = out_.organisations.size();
    std::vector<char> state(n, kUnseen);
    auto parent_of = [this](std::size_t k) -> std::size_t {
        const std::string& p = out_.organisations[k].parent;
        auto it = p.empty() ? org_index_.end() : org_index_.find(p);
        return it == org_index_.end() ? SIZE_MAX : it->second;
    };
    auto report_cycle = [&](std::size_t first) {
        std::string chain;
        std::size_t cur = first;
        do {
            chain += out_.organisations[cur].id + " -> ";
            state[cur] = kDone;
            cur = parent_of(cur);
        } while (cur != first);
        list[index[first]]["parent"].error("organisation parents form a cycle: " + chain +
                                           out_.organisations[first].id);
    };
    for (std::size_t k = 0; k < n; ++k) {
        const std::string& id = out_.organisations[k].id;
        if (id.empty() || org_index_.at(id) != k || state[k] == kDone) continue;
        if (state[k] == kCyclePending) {  // found from an organisation earlier in the file
            report_cycle(k);
            continue;
        }
        std::vector<std::size_t> path{k};
        state[k] = kOnPath;
        std::size_t cur = parent_of(k);
        while (cur != SIZE_MAX && state[cur] == kUnseen) {
            state[cur] = kOnPath;
            path.push_back(cur);
            cur = parent_of(cur);
        }
        std::size_t cycle_at = path.size();  // where on the path a cycle starts, if one does
        if (cur != SIZE_MAX && state[cur] == kOnPath)
            cycle_at = static_cast<std::size_t>(std::find(path.begin(), path.end(), cur) - path.begin());
        for (std::size_t i = 0; i < path.size(); ++i) state[path[i]] = i < cycle_at ? kDone : kCyclePending;
        if (cycle_at == 0) report_cycle(k);
    }
}

void BundleReader::read_peer_groups() {
    JsonAt list = root_["peer_groups"];
    if (!list.present() || !list.expect_array()) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt g = list[i];
        if (!g.expect_object()) continue;
        g.check_keys({"id", "name", "members"});
        BundlePeerGroup pg;
        pg.id = g.id("id", Need::Required).value_or("");
        if (!pg.id.empty() && !ids.insert(pg.id).second) g["id"].error("duplicate peer group id " + in_quotes(pg.id));
        pg.name = g.text("name", TextField::PeerGroupName, Need::Required).value_or("");
        JsonAt members = g["members"];
        if (members.expect_array()) {
            std::set<std::string> seen;
            for (std::size_t m = 0; m < members.size(); ++m) {
                const auto& j = members[m].json();
                if (!j.is_string()) {
                    members[m].error("expected an organisation id (a string), found " + describe_json_type(j));
                    continue;
                }
                std::string id = j.get<std::string>();
                if (!org_index_.count(id)) members[m].error("unknown organisation " + in_quotes(id));
                else if (!seen.insert(id).second) members[m].error(in_quotes(id) + " is listed twice");
                pg.members.push_back(std::move(id));
            }
        }
        out_.peer_groups.push_back(std::move(pg));
    }
}

const Framework* BundleReader::newest_framework(const std::string& id) const {
    const Framework* best = nullptr;
    for (const auto& [hash, fw] : out_.frameworks)
        if (fw->id == id && (!best || compare_versions(fw->version, best->version) > 0)) best = fw.get();
    return best;
}

void BundleReader::read_targets() {
    JsonAt list = root_["targets"];
    if (!list.present() || !list.expect_array()) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt t = list[i];
        if (!t.expect_object()) continue;
        t.check_keys({"organisation", "framework", "dimension", "level", "by"});
        BundleTarget tg;
        tg.organisation = t.id("organisation", Need::Required).value_or("");
        if (!tg.organisation.empty() && !org_index_.count(tg.organisation))
            t["organisation"].error("unknown organisation " + in_quotes(tg.organisation));
        tg.framework = t.id("framework", Need::Required).value_or("");
        const Framework* fw = tg.framework.empty() ? nullptr : newest_framework(tg.framework);
        if (!tg.framework.empty() && !fw && !any_framework_definition(tg.framework))
            t["framework"].error("framework " + in_quotes(tg.framework) + " is not among the bundle's definitions");
        tg.dimension = t.id("dimension", Need::Required).value_or("");
        if (fw && !tg.dimension.empty()) {
            if (fw->find_dimension(tg.dimension) < 0)
                t["dimension"].error("unknown dimension " + in_quotes(tg.dimension) + " in framework " +
                                     framework_label(*fw));
            else if (!seen.insert(tg.organisation + "\n" + tg.framework + "\n" + tg.dimension).second)
                t["dimension"].error("a second target for " + in_quotes(tg.dimension) + " of " +
                                     in_quotes(tg.organisation));
        }
        if (auto l = t.number("level", Need::Required)) {
            if (fw && (*l < fw->min_level() || *l > fw->max_level()))
                t["level"].error("expected a level from " + std::to_string(fw->min_level()) + " to " +
                                 std::to_string(fw->max_level()) + ", found " + target_text(*l));
            tg.level = *l;
        }
        tg.by = t.string("by", Need::Optional).value_or("");
        if (t["by"].present() && !is_iso_date(tg.by))
            t["by"].error("expected a date as YYYY-MM-DD, found " + in_quotes(tg.by));
        out_.targets.push_back(std::move(tg));
    }
}

// A framework definition with this id that failed to parse (already reported).
bool BundleReader::any_framework_definition(const std::string& id) const {
    JsonAt defs = root_["definitions"];
    if (!defs.present() || !defs.json().is_object()) return false;
    for (const auto& d : defs.json()) {
        if (kind_of(d) != DocKind::Framework) continue;
        auto it = d.find("id");
        if (it != d.end() && it->is_string() && it->get<std::string>() == id) return true;
    }
    return false;
}

}  // namespace bundle_detail

using namespace bundle_detail;

bool is_ons_code(const std::string& s) {
    if (s.size() != 9 || s[0] < 'A' || s[0] > 'Z') return false;
    for (std::size_t i = 1; i < 9; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

bool is_origin_id(const std::string& s) {
    if (s.size() != 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool is_content_hash_text(const std::string& s) {
    static const std::string prefix = "sha256:";
    if (s.size() != prefix.size() + 64 || s.compare(0, prefix.size(), prefix) != 0) return false;
    for (std::size_t i = prefix.size(); i < s.size(); ++i)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    return true;
}

std::optional<Bundle> parse_bundle(const nlohmann::json& doc, Diagnostics& diags) {
    return BundleReader(doc, diags).read();
}

std::shared_ptr<const Questionnaire> round_questionnaire(const Bundle& b, const BundleRound& r, Diagnostics& diags) {
    auto q = b.questionnaires.find(r.questionnaire_hash);
    auto fw = b.frameworks.find(r.framework_hash);
    if (q == b.questionnaires.end() || fw == b.frameworks.end()) {
        diags.error("", "round " + in_quotes(r.id) + ": " +
                            (q == b.questionnaires.end() ? "questionnaire " + r.questionnaire_hash
                                                         : "framework " + r.framework_hash) +
                            " is not in the bundle");
        return nullptr;
    }
    auto bound = b.questionnaire_framework.find(r.questionnaire_hash);
    if (bound != b.questionnaire_framework.end() && bound->second == r.framework_hash) return q->second;
    auto def = b.definitions.find(r.questionnaire_hash);
    if (def == b.definitions.end()) {
        diags.error("", "round " + in_quotes(r.id) + ": questionnaire " + r.questionnaire_hash +
                            " has no definition to bind to framework " + r.framework_hash);
        return nullptr;
    }
    Diagnostics sub(diags.file());
    auto out = bind_definition(def->second, *fw->second, sub);
    add_prefixed(diags, sub, "/definitions/" + pointer_escape(r.questionnaire_hash));
    return out;
}

}  // namespace ys
