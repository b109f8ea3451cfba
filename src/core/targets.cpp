#include "targets.h"

#include <cmath>
#include <set>

#include "json_fields.h"
#include "number_format.h"
#include "timestamps.h"

namespace ys {

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return valid_date(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)));
}

std::string target_text(double level) { return plain(level); }

nlohmann::json target_json(double level) {
    double whole = std::round(level);
    if (std::fabs(level - whole) < 1e-9) return static_cast<long long>(whole);
    return round_to(level, 4);
}

int target_aim(double level) { return static_cast<int>(std::ceil(level - 1e-9)); }

std::optional<std::string> read_targets_framework(const nlohmann::json& doc, Diagnostics& diags) {
    JsonAt root(&doc, "", diags);
    if (!root.expect_object()) return std::nullopt;
    auto format = root.string("format", Need::Required);
    if (format && *format != kTargetsFormat) {
        root["format"].error("expected \"" + std::string(kTargetsFormat) + "\", found \"" + *format + "\"");
        return std::nullopt;
    }
    return root.id("framework", Need::Required);
}

std::optional<TargetSet> parse_targets(const nlohmann::json& doc, const Framework& fw, Diagnostics& diags) {
    std::size_t before = diags.error_count();
    JsonAt root(&doc, "", diags);
    auto fid = read_targets_framework(doc, diags);
    if (!fid) return std::nullopt;
    root.check_keys({"format", "framework", "organisation", "targets"});
    TargetSet out;
    out.framework_id = *fid;
    if (*fid != fw.id) root["framework"].error("names framework \"" + *fid + "\" but was checked against \"" + fw.id + "\"");
    out.organisation = root.id("organisation", Need::Optional).value_or("");
    JsonAt list = root["targets"];
    if (list.expect_array(1)) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            JsonAt t = list[i];
            if (!t.expect_object()) continue;
            t.check_keys({"dimension", "level", "by"});
            Target tg;
            tg.dimension = t.id("dimension", Need::Required).value_or("");
            if (!tg.dimension.empty()) {
                if (fw.find_dimension(tg.dimension) < 0)
                    t["dimension"].error("unknown dimension \"" + tg.dimension + "\" in framework \"" + fw.id + "\"");
                else if (!seen.insert(tg.dimension).second)
                    t["dimension"].error("a second target for \"" + tg.dimension + "\"");
            }
            // A number, not only a whole level: frameworks with fractional scores have fractional targets.
            if (auto l = t.number("level", Need::Required)) {
                if (*l < fw.min_level() || *l > fw.max_level())
                    t["level"].error("expected a level from " + std::to_string(fw.min_level()) + " to " +
                                     std::to_string(fw.max_level()) + " (fractions such as 2.5 allowed), found " +
                                     target_text(*l));
                tg.level = *l;
            }
            tg.by = t.string("by", Need::Optional).value_or("");
            if (!tg.by.empty() && !is_iso_date(tg.by)) t["by"].error("expected a date as YYYY-MM-DD, found \"" + tg.by + "\"");
            out.targets.push_back(std::move(tg));
        }
    }
    if (diags.error_count() != before) return std::nullopt;
    return out;
}

}  // namespace ys
