#include "framework_read.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "json_fields.h"
#include "use_case_areas.h"
#include "source_list.h"

namespace ys {
namespace {

std::optional<Aggregation> parse_aggregation(const JsonAt& at, const std::string& key) {
    auto s = at.string(key, Need::Optional);
    if (!s) return std::nullopt;
    if (*s == "mean") return Aggregation::Mean;
    if (*s == "weighted_mean") return Aggregation::WeightedMean;
    if (*s == "min") return Aggregation::Min;
    if (*s == "sum") return Aggregation::Sum;
    if (*s == "gated") return Aggregation::Gated;
    at[key].error("unknown aggregation \"" + *s +
                  "\"; expected mean, weighted_mean, min, sum or gated");
    return std::nullopt;
}

std::optional<Unanswered> parse_unanswered(const JsonAt& at, const std::string& key) {
    auto s = at.string(key, Need::Optional);
    if (!s) return std::nullopt;
    if (*s == "leave_out") return Unanswered::LeaveOut;
    if (*s == "lowest") return Unanswered::Lowest;
    if (*s == "void") return Unanswered::Void;
    at[key].error("unknown rule for unanswered questions \"" + *s + "\"; expected leave_out, lowest or void");
    return std::nullopt;
}

class FrameworkReader {
public:
    FrameworkReader(const nlohmann::json& doc, Diagnostics& diags)
        : root_(&doc, "", diags), errors_before_(diags.error_count()) {}

    std::optional<Framework> read() {
        if (!root_.expect_object()) return std::nullopt;
        root_.check_keys({"format", "id", "version", "title", "description", "licence", "sources",
                          "levels", "facets", "scoring", "dimensions", "responsibilities",
                          "roles_hint"});
        auto format = root_.string("format", Need::Required);
        if (format && *format != kFrameworkFormat) {
            root_["format"].error("expected \"" + std::string(kFrameworkFormat) + "\", found \"" +
                                  *format + "\"");
        }
        fw_.id = root_.id("id", Need::Required).value_or("");
        if (auto v = root_.string("version", Need::Required)) {
            if (is_valid_version(*v)) fw_.version = *v;
            else root_["version"].error("expected a version such as \"1.0\" or \"1.2.3\", found \"" + *v + "\"");
        }
        fw_.title = root_.string("title", Need::Required).value_or("");
        fw_.description = root_.string("description", Need::Optional).value_or("");
        fw_.licence = root_.string("licence", Need::Required).value_or("");
        read_sources();
        read_levels();
        read_facets();
        read_scoring();
        read_responsibilities();  // before dimensions' actions refer to them
        read_dimensions();
        check_responsibility_dimensions();
        if (auto hints = root_["roles_hint"]; hints.present() && hints.expect_array()) {
            for (std::size_t i = 0; i < hints.size(); ++i)
                if (!hints[i].json().is_string()) hints[i].error("expected a string");
        }
        if (root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(fw_);
    }

private:
    void read_sources() { fw_.sources = read_source_list(root_["sources"]); }

    void read_levels() {
        JsonAt levels = root_["levels"];
        if (!levels.expect_array(2)) return;
        for (std::size_t i = 0; i < levels.size(); ++i) {
            JsonAt l = levels[i];
            if (!l.expect_object()) continue;
            l.check_keys({"value", "name", "description"});
            Level out;
            auto v = l.integer("value", Need::Required);
            out.name = l.string("name", Need::Required).value_or("");
            out.description = l.string("description", Need::Optional).value_or("");
            if (!v) continue;
            if (i == 0 && *v != 0 && *v != 1) {
                l["value"].error("the first level must have value 0 or 1, found " + std::to_string(*v));
                continue;
            }
            if (i > 0 && !fw_.levels.empty() && *v != fw_.levels.back().value + 1) {
                l["value"].error("expected " + std::to_string(fw_.levels.back().value + 1) +
                                 " (level values rise by 1), found " + std::to_string(*v));
                continue;
            }
            out.value = static_cast<int>(*v);
            fw_.levels.push_back(std::move(out));
        }
        levels_ok_ = fw_.levels.size() == levels.size();
    }

    bool on_scale(long long v) const {
        return !fw_.levels.empty() && v >= fw_.min_level() && v <= fw_.max_level();
    }

    std::string scale_text() const {
        return std::to_string(fw_.min_level()) + " to " + std::to_string(fw_.max_level());
    }

    std::optional<int> level_field(const JsonAt& at, const std::string& key, Need need) {
        auto v = at.integer(key, need);
        if (!v) return std::nullopt;
        if (levels_ok_ && !on_scale(*v)) {
            at[key].error("expected a level from " + scale_text() + ", found " + std::to_string(*v));
            return std::nullopt;
        }
        return static_cast<int>(*v);
    }

    void read_facets() {
        JsonAt facets = root_["facets"];
        if (!facets.present() || !facets.expect_array()) return;
        // Every dimension holds the facets it inherits, so their number multiplies memory.
        if (facets.size() > kMaxFacets) {
            facets.error("at most " + std::to_string(kMaxFacets) + " facets are allowed, found " +
                         std::to_string(facets.size()));
            return;
        }
        std::set<std::string> ids;
        for (std::size_t i = 0; i < facets.size(); ++i) {
            JsonAt f = facets[i];
            if (!f.expect_object()) continue;
            f.check_keys({"id", "name", "values", "aggregation"});
            Facet out;
            out.id = f.id("id", Need::Required).value_or("");
            out.name = f.string("name", Need::Required).value_or("");
            out.aggregation = parse_aggregation(f, "aggregation").value_or(Aggregation::Mean);
            if (!out.id.empty() && !ids.insert(out.id).second)
                f["id"].error("duplicate facet id \"" + out.id + "\"");
            JsonAt values = f["values"];
            std::set<std::string>& known_values = facet_values_[out.id];  // the last of duplicates, as read_facet_refs finds
            known_values.clear();
            if (values.expect_array(1)) {
                std::set<std::string> vids;
                for (std::size_t k = 0; k < values.size(); ++k) {
                    JsonAt v = values[k];
                    if (!v.expect_object()) continue;
                    v.check_keys({"id", "name"});
                    FacetValue fv;
                    fv.id = v.id("id", Need::Required).value_or("");
                    fv.name = v.string("name", Need::Required).value_or("");
                    if (!fv.id.empty() && !vids.insert(fv.id).second)
                        v["id"].error("duplicate facet value id \"" + fv.id + "\"");
                    known_values.insert(fv.id);
                    out.values.push_back(std::move(fv));
                }
            }
            fw_.facets.push_back(std::move(out));
        }
    }

    std::optional<LevelMapping> read_mapping(const JsonAt& owner) {
        JsonAt m = owner["level_mapping"];
        if (!m.present()) return std::nullopt;
        if (!m.expect_object()) return std::nullopt;
        m.check_keys({"method", "thresholds"});
        LevelMapping out;
        auto method = m.string("method", Need::Required);
        if (!method) return std::nullopt;
        if (*method == "floor") out.method = LevelMapping::Method::Floor;
        else if (*method == "round") out.method = LevelMapping::Method::Round;
        else if (*method == "thresholds") out.method = LevelMapping::Method::Thresholds;
        else {
            m["method"].error("unknown method \"" + *method + "\"; expected floor, round or thresholds");
            return std::nullopt;
        }
        JsonAt th = m["thresholds"];
        if (out.method != LevelMapping::Method::Thresholds) {
            if (th.present()) th.error("thresholds are only used with method \"thresholds\"");
            return out;
        }
        if (!th.expect_array(1)) return std::nullopt;
        for (std::size_t i = 0; i < th.size(); ++i) {
            JsonAt t = th[i];
            if (!t.expect_object()) continue;
            t.check_keys({"min", "level"});
            auto min = t.number("min", Need::Required);
            auto level = level_field(t, "level", Need::Required);
            if (!min || !level) continue;
            if (!out.thresholds.empty()) {
                if (*min <= out.thresholds.back().min)
                    t["min"].error("threshold minimums must rise strictly");
                if (*level <= out.thresholds.back().level)
                    t["level"].error("threshold levels must rise strictly");
            }
            out.thresholds.push_back({*min, *level});
        }
        return out;
    }

    void read_scoring() {
        JsonAt s = root_["scoring"];
        if (!s.present() || !s.expect_object()) return;
        s.check_keys({"aggregation", "level_mapping", "combine", "unanswered"});
        if (auto a = parse_aggregation(s, "aggregation")) fw_.aggregation = *a;
        if (auto u = parse_unanswered(s, "unanswered")) fw_.unanswered = *u;
        if (auto m = read_mapping(s)) fw_.level_mapping = *m;
        if (auto c = s.string("combine", Need::Optional)) {
            if (*c == "median") fw_.combine = Combine::Median;
            else if (*c == "mean") fw_.combine = Combine::Mean;
            else s["combine"].error("unknown combine rule \"" + *c + "\"; expected median or mean");
        }
    }

    void read_dimensions() {
        JsonAt dims = root_["dimensions"];
        if (!dims.expect_array(1)) return;
        for (std::size_t i = 0; i < dims.size(); ++i) {
            int idx = read_dimension(dims[i], -1, 0, {fw_.aggregation, fw_.unanswered, fw_.level_mapping}, {});
            if (idx >= 0) fw_.roots.push_back(idx);
        }
    }

    void read_facet_refs(const JsonAt& owner, std::map<std::string, std::string>& facets) {
        JsonAt f = owner["facets"];
        if (!f.present() || !f.expect_object()) return;
        for (auto it = f.json().begin(); it != f.json().end(); ++it) {
            JsonAt v = f[it.key()];
            const Facet* facet = nullptr;
            for (const auto& x : fw_.facets)
                if (x.id == it.key()) facet = &x;
            if (!facet) {
                v.error("unknown facet \"" + it.key() + "\"; it is not in the framework's facets");
                continue;
            }
            if (!it->is_string()) {
                v.error("expected a facet value id (a string), found " + describe_json_type(*it));
                continue;
            }
            std::string value = it->get<std::string>();
            auto values = facet_values_.find(facet->id);
            if (values == facet_values_.end() || !values->second.count(value)) {
                v.error("unknown value \"" + value + "\" for facet \"" + facet->id + "\"");
                continue;
            }
            facets[it.key()] = value;
        }
    }

    // The scoring rules a dimension passes on to its children unless they set their own.
    struct Inherited {
        Aggregation aggregation;
        Unanswered unanswered;
        LevelMapping level_mapping;
    };

    int read_dimension(const JsonAt& d, int parent, int depth, const Inherited& inherited,
                       std::map<std::string, std::string> inherited_facets) {
        if (!d.expect_object()) return -1;
        d.check_keys({"id", "name", "description", "weight", "aggregation", "unanswered", "level_mapping",
                      "gate_level", "facets", "children", "descriptors", "actions"});
        Dimension dim;
        dim.pointer = d.pointer();
        dim.parent = parent;
        dim.depth = depth;
        dim.id = d.id("id", Need::Required).value_or("");
        dim.name = d.string("name", Need::Required).value_or("");
        dim.description = d.string("description", Need::Optional).value_or("");
        if (!dim.id.empty() && !dimension_ids_.insert(dim.id).second)
            d["id"].error("duplicate dimension id \"" + dim.id + "\"");
        if (auto w = d.number("weight", Need::Optional)) {
            if (*w <= 0) d["weight"].error("expected a weight above 0, found " + d["weight"].json().dump());
            else dim.weight = *w;
        }
        dim.aggregation = parse_aggregation(d, "aggregation").value_or(inherited.aggregation);
        dim.unanswered = parse_unanswered(d, "unanswered").value_or(inherited.unanswered);
        dim.level_mapping = read_mapping(d).value_or(inherited.level_mapping);
        dim.gate_level = level_field(d, "gate_level", Need::Optional);
        bool parent_gated = parent >= 0 && fw_.dimensions[parent].aggregation == Aggregation::Gated;
        if (parent_gated && !d["gate_level"].present())
            d.error("a child of a gated dimension needs a gate_level");
        if (!parent_gated && d["gate_level"].present())
            d["gate_level"].error("gate_level is only used on children of a gated dimension");
        dim.facets = std::move(inherited_facets);
        read_facet_refs(d, dim.facets);

        int idx = static_cast<int>(fw_.dimensions.size());
        dimension_index_.emplace(dim.id, idx);  // the first of duplicates, as find_dimension finds
        fw_.dimensions.push_back(dim);
        read_actions(d, idx);

        JsonAt children = d["children"];
        if (children.present()) {
            if (d["descriptors"].present())
                d["descriptors"].error("a dimension with children has no descriptors of its own; put them on its leaves");
            if (children.expect_array(1)) {
                for (std::size_t i = 0; i < children.size(); ++i) {
                    const Dimension& self = fw_.dimensions[idx];
                    int c = read_dimension(children[i], idx, depth + 1,
                                           {self.aggregation, self.unanswered, self.level_mapping}, self.facets);
                    if (c >= 0) fw_.dimensions[idx].children.push_back(c);
                }
            }
        } else {
            read_descriptors(d, idx);
        }
        return idx;
    }

    void read_descriptors(const JsonAt& d, int idx) {
        JsonAt desc = d["descriptors"];
        if (!desc.present()) {
            d.error("a leaf dimension needs descriptors, one per level (" + scale_text() + ")");
            return;
        }
        if (!desc.expect_object()) return;
        auto& out = fw_.dimensions[idx].descriptors;
        if (!levels_ok_) return;  // the levels are already reported; checking against them would only add noise
        for (auto it = desc.json().begin(); it != desc.json().end(); ++it) {
            JsonAt v = desc[it.key()];
            int level = -1;
            try {
                std::size_t used = 0;
                level = std::stoi(it.key(), &used);
                if (used != it.key().size()) level = -1;
            } catch (...) {
                level = -1;
            }
            if (level < 0 || !on_scale(level)) {
                v.error("\"" + it.key() + "\" is not a level of this framework; expected one of " +
                        scale_text());
                continue;
            }
            if (!it->is_string() || it->get<std::string>().empty()) {
                v.error("expected the descriptor text (a non-empty string)");
                continue;
            }
            out[level] = it->get<std::string>();
        }
        // Level 0 is "nothing in place": a leaf may leave it to the level's general description
        // rather than carry placeholder text (a checklist leaf scoring 0-1 has nothing to add).
        for (const auto& l : fw_.levels)
            if (!out.count(l.value) && l.value != 0)
                desc.error("missing the descriptor for level " + std::to_string(l.value) + " (" +
                           l.name + ")");
    }

    void read_actions(const JsonAt& d, int idx) {
        JsonAt actions = d["actions"];
        if (!actions.present() || !actions.expect_array()) return;
        for (std::size_t i = 0; i < actions.size(); ++i) {
            JsonAt a = actions[i];
            if (!a.expect_object()) continue;
            a.check_keys({"id", "from", "to", "title", "description", "effort", "timescale", "owner",
                          "responsibilities", "tags"});
            Action out;
            out.id = a.id("id", Need::Required).value_or("");
            if (!out.id.empty() && !action_ids_.insert(out.id).second)
                a["id"].error("duplicate action id \"" + out.id + "\"");
            auto from = level_field(a, "from", Need::Required);
            auto to = level_field(a, "to", Need::Required);
            if (from && to && *to != *from + 1)
                a["to"].error("expected " + std::to_string(*from + 1) +
                              " (an action moves up one level from \"from\"), found " +
                              std::to_string(*to));
            out.from = from.value_or(0);
            out.to = to.value_or(0);
            out.title = a.string("title", Need::Required).value_or("");
            out.description = a.string("description", Need::Optional).value_or("");
            if (auto e = a.string("effort", Need::Optional)) {
                if (*e == "small") out.effort = Effort::Small;
                else if (*e == "medium") out.effort = Effort::Medium;
                else if (*e == "large") out.effort = Effort::Large;
                else a["effort"].error("unknown effort \"" + *e + "\"; expected small, medium or large");
            }
            out.timescale = a.string("timescale", Need::Optional).value_or("");
            out.owner = a.string("owner", Need::Optional).value_or("");
            out.responsibilities = string_list(a, "responsibilities");
            for (std::size_t k = 0; k < out.responsibilities.size(); ++k)
                if (!responsibility_ids_.count(out.responsibilities[k]))
                    a["responsibilities"][k].error("unknown responsibility \"" + out.responsibilities[k] +
                                                   "\"; it is not in the framework's responsibilities");
            out.tags = string_list(a, "tags");
            check_use_case_tags(a["tags"]);
            fw_.dimensions[idx].actions.push_back(std::move(out));
        }
    }

    std::vector<std::string> string_list(const JsonAt& owner, const std::string& key) {
        std::vector<std::string> out;
        JsonAt list = owner[key];
        if (!list.present() || !list.expect_array()) return out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].json().is_string()) {
                list[i].error("expected a string, found " + describe_json_type(list[i].json()));
                continue;
            }
            out.push_back(list[i].json().get<std::string>());
        }
        return out;
    }

    void read_responsibilities() {
        JsonAt rs = root_["responsibilities"];
        if (!rs.present() || !rs.expect_array()) return;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < rs.size(); ++i) {
            JsonAt r = rs[i];
            if (!r.expect_object()) continue;
            r.check_keys({"id", "name", "description", "tier", "from_level", "dimensions"});
            Responsibility out;
            out.id = r.id("id", Need::Required).value_or("");
            if (!out.id.empty() && !ids.insert(out.id).second)
                r["id"].error("duplicate responsibility id \"" + out.id + "\"");
            out.name = r.string("name", Need::Required).value_or("");
            out.description = r.string("description", Need::Optional).value_or("");
            if (auto t = r.string("tier", Need::Required)) {
                if (*t == "foundation") out.tier = Tier::Foundation;
                else if (*t == "growth") out.tier = Tier::Growth;
                else r["tier"].error("unknown tier \"" + *t + "\"; expected foundation or growth");
            }
            out.from_level = level_field(r, "from_level", Need::Required).value_or(0);
            out.dimensions = string_list(r, "dimensions");
            responsibility_ids_.insert(out.id);
            fw_.responsibilities.push_back(std::move(out));
            responsibility_pointers_.push_back(r.pointer());
        }
    }

    void check_responsibility_dimensions() {
        for (std::size_t i = 0; i < fw_.responsibilities.size(); ++i) {
            const auto& r = fw_.responsibilities[i];
            for (std::size_t k = 0; k < r.dimensions.size(); ++k)
                if (!dimension_index_.count(r.dimensions[k]))
                    root_.diags().error(responsibility_pointers_[i] + "/dimensions/" + std::to_string(k),
                                        "unknown dimension \"" + r.dimensions[k] + "\"");
        }
    }

    JsonAt root_;
    std::size_t errors_before_;
    Framework fw_;
    bool levels_ok_ = false;
    std::set<std::string> dimension_ids_;
    std::set<std::string> action_ids_;
    std::vector<std::string> responsibility_pointers_;
    // Lookups by id while reading: searching the lists for every reference was quadratic.
    std::unordered_map<std::string, int> dimension_index_;
    std::unordered_set<std::string> responsibility_ids_;
    std::map<std::string, std::set<std::string>> facet_values_;  // facet id -> its value ids
};

}  // namespace

std::optional<Framework> parse_framework(const nlohmann::json& doc, Diagnostics& diags) {
    return FrameworkReader(doc, diags).read();
}

}  // namespace ys
