#include "crosswalk.h"

#include <cmath>
#include <set>

#include "json_fields.h"
#include "number_format.h"

namespace ys {

int Crosswalk::find_item(const std::string& item_id) const {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == item_id) return static_cast<int>(i);
    return -1;
}

int Crosswalk::find_axis(const std::string& axis_id) const {
    for (std::size_t i = 0; i < axes.size(); ++i)
        if (axes[i].id == axis_id) return static_cast<int>(i);
    return -1;
}

bool Crosswalk::maps_version(const std::string& framework_version) const {
    for (const auto& p : framework_versions)
        if (version_matches(p, framework_version)) return true;
    return false;
}

namespace {

void read_levels(const JsonAt& list, Crosswalk& cw) {
    if (!list.expect_array(2)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt l = list[i];
        if (!l.expect_object()) continue;
        l.check_keys({"value", "name", "description"});
        Level lv;
        if (auto v = l.integer("value", Need::Required)) {
            lv.value = static_cast<int>(*v);
            if (!cw.to_levels.empty() && lv.value != cw.to_levels.back().value + 1)
                l["value"].error("expected " + std::to_string(cw.to_levels.back().value + 1) +
                                 ": level values rise by exactly 1");
        }
        lv.name = l.string("name", Need::Required).value_or("");
        lv.description = l.string("description", Need::Optional).value_or("");
        cw.to_levels.push_back(std::move(lv));
    }
}

void read_to(const JsonAt& to, Crosswalk& cw) {
    if (!to.expect_object()) return;
    to.check_keys({"id", "name", "publisher", "year", "url", "levels"});
    cw.to_id = to.id("id", Need::Required).value_or("");
    cw.to_name = to.string("name", Need::Required).value_or("");
    cw.to_publisher = to.string("publisher", Need::Optional).value_or("");
    cw.to_url = to.string("url", Need::Optional).value_or("");
    if (auto y = to.integer("year", Need::Optional)) cw.to_year = static_cast<int>(*y);
    read_levels(to["levels"], cw);
}

void read_sources(const JsonAt& list, Crosswalk& cw) {
    if (!list.present() || !list.expect_array()) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt s = list[i];
        if (!s.expect_object()) continue;
        s.check_keys({"title", "publisher", "year", "url", "note", "checked"});
        Source src;
        src.title = s.string("title", Need::Required).value_or("");
        src.publisher = s.string("publisher", Need::Optional).value_or("");
        if (auto y = s.integer("year", Need::Optional)) src.year = static_cast<int>(*y);
        src.url = s.string("url", Need::Optional).value_or("");
        src.note = s.string("note", Need::Optional).value_or("");
        s.string("checked", Need::Optional);
        cw.sources.push_back(std::move(src));
    }
}

void read_axes(const JsonAt& list, Crosswalk& cw) {
    if (!list.expect_array(1)) return;
    std::set<std::string> axis_ids;
    for (std::size_t a = 0; a < list.size(); ++a) {
        JsonAt ax = list[a];
        if (!ax.expect_object()) continue;
        ax.check_keys({"id", "name", "items"});
        CrosswalkAxis axis;
        axis.id = ax.id("id", Need::Required).value_or("");
        axis.name = ax.string("name", Need::Required).value_or("");
        if (!axis.id.empty() && !axis_ids.insert(axis.id).second) ax["id"].error("a second axis \"" + axis.id + "\"");
        JsonAt items = ax["items"];
        if (items.expect_array(1)) {
            for (std::size_t i = 0; i < items.size(); ++i) {
                JsonAt it = items[i];
                if (!it.expect_object()) continue;
                it.check_keys({"id", "name", "note"});
                CrosswalkItem item;
                item.id = it.id("id", Need::Required).value_or("");
                item.name = it.string("name", Need::Required).value_or("");
                item.note = it.string("note", Need::Optional).value_or("");
                item.axis = static_cast<int>(cw.axes.size());
                if (item.id.empty()) continue;
                // Item ids are unique across axes, so a mapping's "to" needs no axis.
                if (cw.find_item(item.id) >= 0) {
                    it["id"].error("a second item \"" + item.id + "\"; item ids are unique across every axis");
                    continue;
                }
                axis.items.push_back(static_cast<int>(cw.items.size()));
                cw.items.push_back(std::move(item));
            }
        }
        cw.axes.push_back(std::move(axis));
    }
}

void read_mappings(const JsonAt& list, Crosswalk& cw) {
    if (!list.expect_array(1)) return;
    std::set<std::string> seen;
    for (std::size_t m = 0; m < list.size(); ++m) {
        JsonAt mp = list[m];
        if (!mp.expect_object()) continue;
        mp.check_keys({"dimension", "question", "to", "note"});
        CrosswalkMapping out;
        out.pointer = mp.pointer();
        bool has_dim = mp["dimension"].present(), has_q = mp["question"].present();
        if (has_dim == has_q) {
            mp.error(has_dim ? "names both a dimension and a question; give one per mapping"
                             : "expected \"dimension\" or \"question\": the item of ours being mapped");
            continue;
        }
        out.kind = has_dim ? CrosswalkMapping::Kind::Dimension : CrosswalkMapping::Kind::Question;
        out.id = mp.id(has_dim ? "dimension" : "question", Need::Required).value_or("");
        out.note = mp.string("note", Need::Optional).value_or("");
        if (out.id.empty()) continue;
        if (!seen.insert((has_dim ? "d:" : "q:") + out.id).second)
            mp[has_dim ? "dimension" : "question"].error("\"" + out.id +
                                                        "\" is mapped a second time; give each item of ours one mapping");
        JsonAt to = mp["to"];
        if (!to.present()) {
            mp.error("expected \"to\": an object of the other framework's item ids and weights");
            continue;
        }
        if (!to.expect_object()) continue;
        if (to.json().empty()) to.error("expected at least one item it maps to");
        for (auto it = to.json().begin(); it != to.json().end(); ++it) {
            JsonAt w = to[it.key()];
            int item = cw.find_item(it.key());
            if (item < 0) {
                w.error("unknown item \"" + it.key() + "\"; expected an item id from /axes");
                continue;
            }
            if (!it.value().is_number()) {
                w.error("expected a weight: a number above 0 and at most 1");
                continue;
            }
            double weight = it.value().get<double>();
            if (!std::isfinite(weight) || weight <= 0 || weight > 1) {
                w.error("expected a weight above 0 and at most 1 (1: wholly about that item, 0.5: partly), found " +
                        plain(weight, 4));
                continue;
            }
            out.to.push_back({item, weight});
        }
        cw.mappings.push_back(std::move(out));
    }
}

}  // namespace

std::optional<Crosswalk> parse_crosswalk(const nlohmann::json& doc, Diagnostics& diags) {
    std::size_t before = diags.error_count();
    JsonAt root(&doc, "", diags);
    if (!root.expect_object()) return std::nullopt;
    auto format = root.string("format", Need::Required);
    if (format && *format != kCrosswalkFormat) {
        root["format"].error("expected \"" + std::string(kCrosswalkFormat) + "\", found \"" + *format + "\"");
        return std::nullopt;
    }
    root.check_keys({"format", "id", "version", "title", "description", "approximation", "framework",
                     "questionnaires", "to", "sources", "axes", "mappings"});
    Crosswalk cw;
    cw.id = root.id("id", Need::Required).value_or("");
    cw.version = root.string("version", Need::Required).value_or("");
    cw.title = root.string("title", Need::Required).value_or("");
    cw.description = root.string("description", Need::Optional).value_or("");
    cw.approximation = root.string("approximation", Need::Required).value_or("");
    JsonAt fw = root["framework"];
    if (fw.expect_object()) {
        fw.check_keys({"id", "versions"});
        cw.framework_id = fw.id("id", Need::Required).value_or("");
        JsonAt versions = fw["versions"];
        if (versions.expect_array(1))
            for (std::size_t i = 0; i < versions.size(); ++i) {
                if (!versions[i].json().is_string()) {
                    versions[i].error("expected a version or a pattern such as \"1.*\"");
                    continue;
                }
                cw.framework_versions.push_back(versions[i].json().get<std::string>());
            }
    }
    JsonAt qs = root["questionnaires"];
    if (qs.present() && qs.expect_array())
        for (std::size_t i = 0; i < qs.size(); ++i) {
            if (!qs[i].json().is_string()) {
                qs[i].error("expected a questionnaire id");
                continue;
            }
            cw.questionnaires.push_back(qs[i].json().get<std::string>());
        }
    read_to(root["to"], cw);
    read_sources(root["sources"], cw);
    read_axes(root["axes"], cw);
    read_mappings(root["mappings"], cw);
    if (diags.error_count() != before) return std::nullopt;
    return cw;
}

namespace {

// The axes an item of ours reaches: through its own mapping, or a mapping of an ancestor
// dimension (a branch mapped whole covers its leaves).
std::set<int> axes_of_mapping(const Crosswalk& cw, const CrosswalkMapping& m) {
    std::set<int> out;
    for (const auto& l : m.to) out.insert(cw.items[l.item].axis);
    return out;
}

std::string axis_list(const Crosswalk& cw, const std::vector<int>& axes) {
    std::string out;
    for (std::size_t i = 0; i < axes.size(); ++i)
        out += (i == 0 ? "" : i + 1 == axes.size() ? " or " : ", ") + cw.axes[axes[i]].name;
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

bool check_crosswalk_dimensions(const Crosswalk& cw, const Framework& fw, Diagnostics& diags) {
    bool ok = true;
    for (const auto& m : cw.mappings)
        if (m.kind == CrosswalkMapping::Kind::Dimension && fw.find_dimension(m.id) < 0) {
            diags.error(m.pointer + "/dimension",
                        "unknown dimension \"" + m.id + "\" in framework \"" + fw.id + "\" " + fw.version);
            ok = false;
        }
    return ok;
}

bool check_crosswalk(const Crosswalk& cw, const Framework& fw, const std::vector<const Questionnaire*>& questionnaires,
                     Diagnostics& diags) {
    std::size_t before = diags.error_count();
    if (cw.framework_id != fw.id)
        diags.error("/framework/id", "maps framework \"" + cw.framework_id + "\" but was checked against \"" + fw.id + "\"");
    else if (!cw.maps_version(fw.version))
        diags.error("/framework/versions", "maps versions that do not include " + fw.id + " " + fw.version +
                                               "; add \"" + fw.version + "\" once its mappings are checked");

    // Which axes each dimension and question reaches directly.
    std::vector<std::set<int>> dim_axes(fw.dimensions.size());
    std::vector<std::vector<std::set<int>>> q_axes(questionnaires.size());
    for (std::size_t k = 0; k < questionnaires.size(); ++k)
        if (questionnaires[k]) q_axes[k].resize(questionnaires[k]->questions.size());
    std::vector<bool> item_used(cw.items.size(), false);

    for (const auto& m : cw.mappings) {
        for (const auto& l : m.to) item_used[l.item] = true;
        if (m.kind == CrosswalkMapping::Kind::Dimension) {
            int d = fw.find_dimension(m.id);
            if (d < 0) {
                diags.error(m.pointer + "/dimension", "unknown dimension \"" + m.id + "\" in framework \"" + fw.id +
                                                          "\" " + fw.version);
                continue;
            }
            auto axes = axes_of_mapping(cw, m);
            dim_axes[d].insert(axes.begin(), axes.end());
        } else {
            bool found = false;
            for (std::size_t k = 0; k < questionnaires.size(); ++k) {
                if (!questionnaires[k]) continue;
                int qi = questionnaires[k]->find_question(m.id);
                if (qi < 0) continue;
                found = true;
                auto axes = axes_of_mapping(cw, m);
                q_axes[k][qi].insert(axes.begin(), axes.end());
            }
            if (!found)
                diags.error(m.pointer + "/question", "unknown question \"" + m.id +
                                                         "\"; expected a question of a questionnaire listed in /questionnaires");
        }
    }
    if (diags.error_count() != before) return false;

    // A branch mapped whole covers everything under it.
    for (std::size_t d = 0; d < fw.dimensions.size(); ++d)
        for (int c : fw.dimensions[d].children) dim_axes[c].insert(dim_axes[d].begin(), dim_axes[d].end());

    auto missing_axes = [&](const std::set<int>& have) {
        std::vector<int> out;
        for (std::size_t a = 0; a < cw.axes.size(); ++a)
            if (!have.count(static_cast<int>(a))) out.push_back(static_cast<int>(a));
        return out;
    };
    // Warnings, not errors: a framework gains dimensions and questions before its crosswalk
    // catches up, and a return with a gap is still useful once the gap is said.
    for (std::size_t d = 0; d < fw.dimensions.size(); ++d) {
        if (!fw.dimensions[d].children.empty()) continue;
        auto missing = missing_axes(dim_axes[d]);
        if (!missing.empty())
            diags.warning("/mappings", "dimension \"" + fw.dimensions[d].id + "\" (" + fw.dimensions[d].name +
                                           ") is mapped to no " + lower(axis_list(cw, missing)) +
                                           " of " + cw.to_name + "; add a mapping for it");
    }
    for (std::size_t k = 0; k < questionnaires.size(); ++k) {
        const Questionnaire* q = questionnaires[k];
        if (!q) continue;
        for (std::size_t i = 0; i < q->questions.size(); ++i) {
            const Question& qu = q->questions[i];
            std::set<int> have = q_axes[k][i];
            if (qu.dimension >= 0) have.insert(dim_axes[qu.dimension].begin(), dim_axes[qu.dimension].end());
            auto missing = missing_axes(have);
            if (!missing.empty())
                diags.warning("/mappings", "question \"" + qu.id + "\" of " + q->id + " " + q->version +
                                               " reaches no " + lower(axis_list(cw, missing)) +
                                               " (neither it nor its dimension is mapped); add a mapping for it");
        }
    }
    for (std::size_t i = 0; i < cw.items.size(); ++i)
        if (!item_used[i])
            diags.warning("/axes", lower(cw.axes[cw.items[i].axis].name) + " \"" + cw.items[i].name +
                                       "\" has nothing mapped to it; it is left blank in every result");
    return diags.error_count() == before;
}

}  // namespace ys
