// Pooling councils' anonymised skills profiles: counts only, never a person.
#include "pooling.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>

#include "csv.h"
#include "money_text.h"
#include "skills_output.h"

namespace ys::skills {

namespace {

using nlohmann::json;

bool is_count(const json& v) { return v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() < 1000000; }

struct Reader {
    Diagnostics& diags;
    std::string file;
    bool ok = true;
    void error(const std::string& where, const std::string& m) {
        diags.add({Severity::Error, file, where, m});
        ok = false;
    }
};

}  // namespace

std::optional<PooledProfiles> pool_profiles(const std::vector<json>& docs, const std::vector<std::string>& files,
                                            Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    PooledProfiles out;
    if (docs.size() < 2) {
        diags.error("", "a comparison needs the anonymised profiles of at least two councils; found " +
                            std::to_string(docs.size()));
        return std::nullopt;
    }
    if (docs.size() > kMaxPooledFiles) {
        diags.error("", "a comparison takes at most " + std::to_string(kMaxPooledFiles) + " files; found " +
                            std::to_string(docs.size()) + ": compare a region at a time");
        return std::nullopt;
    }
    std::map<std::string, std::size_t> by_id;           // skill id -> index in out.skills
    std::vector<std::string> org_ids;                   // per council, to refuse one given twice
    std::map<std::pair<std::string, std::string>, TrainingNeed> cohorts;
    for (std::size_t c = 0; c < docs.size(); ++c) {
        Reader r{diags, c < files.size() ? files[c] : "file " + std::to_string(c + 1)};
        const json& d = docs[c];
        if (!d.is_object() || d.value("format", json()) != kSkillsFormat) {
            r.error("/format", std::string("expected a skills document (\"format\": \"") + kSkillsFormat +
                                   "\"), as `yardstick-cli skills profile --format json --anonymise` writes");
            continue;
        }
        if (d.value("anonymised", json()) != true) {
            r.error("/anonymised", "this profile holds people's names: a comparison takes anonymised profiles only; "
                                   "write it again with --anonymise");
            continue;
        }
        const json fw = d.value("framework", json::object());
        const std::string fid = fw.is_object() ? fw.value("id", std::string()) : std::string();
        const std::string fver = fw.is_object() ? fw.value("version", std::string()) : std::string();
        if (c == 0) {
            out.framework_id = fid, out.framework_version = fver;
            if (d.contains("levels") && d["levels"].is_array())
                for (const auto& l : d["levels"])
                    if (l.is_object()) out.levels.push_back(l.value("name", std::string()));
        } else if (fid != out.framework_id) {
            r.error("/framework/id", "rates skills on \"" + printable(fid) + "\", not on \"" + out.framework_id +
                                         "\" as " + out.files.front() + " does; compare profiles of one skills framework");
            continue;
        }
        const json org = d.value("organisation", json::object());
        std::string name = org.is_object() ? org.value("name", std::string()) : std::string();
        if (name.empty()) name = r.file;
        const std::string org_id = org.is_object() ? org.value("id", std::string()) : std::string();
        if (!org_id.empty()) {
            auto seen = std::find(org_ids.begin(), org_ids.end(), org_id);
            if (seen != org_ids.end()) {
                r.error("/organisation/id", "\"" + printable(org_id) + "\" is already in the comparison (" +
                                                out.files[static_cast<std::size_t>(seen - org_ids.begin())] +
                                                "): give each council once, or its people are counted twice");
                continue;
            }
        }
        const json skills = d.value("skills", json());
        if (!skills.is_array()) {
            r.error("/skills", "missing; expected the counts per skill and level");
            continue;
        }
        const json people = d.value("people_count", json());
        if (!is_count(people)) {
            r.error("/people_count", "expected the number of people in the profile (a whole number, 0 or more)");
            continue;
        }
        const int n = people.get<int>();
        const std::size_t council = out.councils.size();
        for (std::size_t s = 0; s < skills.size() && r.ok; ++s) {
            const json& k = skills[s];
            const std::string where = "/skills/" + std::to_string(s);
            if (!k.is_object() || !k.contains("id") || !k["id"].is_string() || !k.contains("at_level") ||
                !k["at_level"].is_array()) {
                r.error(where, "expected a skill with an id and its counts at_level");
                break;
            }
            std::vector<int> at;
            long long sum = 0;
            for (const auto& v : k["at_level"]) {
                if (!is_count(v)) {
                    r.error(where + "/at_level", "expected counts of people (whole numbers, 0 or more)");
                    break;
                }
                at.push_back(v.get<int>());
                sum += v.get<int>();
            }
            if (!r.ok) break;
            if (!out.levels.empty() && at.size() != out.levels.size()) {
                r.error(where + "/at_level", "expected " + std::to_string(out.levels.size()) +
                                                 " counts, one per level of the scale; found " + std::to_string(at.size()));
                break;
            }
            const long long not_assessed = is_count(k.value("not_assessed", json(0))) ? k.value("not_assessed", 0LL) : -1;
            if (not_assessed < 0 || sum + not_assessed != n) {
                r.error(where, "the counts at each level and not assessed add up to " + std::to_string(sum + std::max(0LL, not_assessed)) +
                                   ", not to the profile's " + std::to_string(n) + " people; the file was changed by hand");
                break;
            }
            const std::string id = k["id"].get<std::string>();
            auto it = by_id.find(id);
            if (it == by_id.end()) {
                it = by_id.emplace(id, out.skills.size()).first;
                PooledSkill ps;
                ps.skill = -1;
                ps.id = id;
                ps.name = k.value("name", id);
                out.skills.push_back(ps);
            }
            PooledSkill& ps = out.skills[it->second];
            ps.at_level.resize(council + 1, std::vector<int>(at.size(), 0));
            ps.below_need.resize(council + 1, 0);
            ps.at_level[council] = at;
            ps.below_need[council] = is_count(k.value("below_need", json(0))) ? k.value("below_need", 0) : 0;
        }
        if (!r.ok) continue;
        // The plan's team summary, when the file carries one: needs that could share a cohort.
        if (d.contains("plan") && d["plan"].is_object() && d["plan"].contains("summary") && d["plan"]["summary"].is_array())
            for (const auto& row : d["plan"]["summary"]) {
                if (!row.is_object() || !is_count(row.value("people", json())) || !row.contains("what") ||
                    !row["what"].is_string())
                    continue;
                const std::string remedy = row.value("remedy", std::string());
                if (remedy == "on-the-job") continue;  // learnt in the council's own team
                TrainingNeed& t = cohorts[{remedy, row["what"].get<std::string>()}];
                t.remedy = remedy == "apprenticeship" ? Remedy::Apprenticeship : Remedy::ShortCourse;
                t.what = row["what"].get<std::string>();
                t.people += row["people"].get<int>();
                t.councils += 1;
                if (row.contains("cost") && row["cost"].is_number()) t.cost += row["cost"].get<double>();
                if (row.contains("funded") && row["funded"].is_number()) t.funded += row["funded"].get<double>();
            }
        out.councils.push_back(name);
        out.people.push_back(n);
        out.files.push_back(r.file);
        org_ids.push_back(org_id);
    }
    if (diags.error_count() != before) return std::nullopt;
    for (auto& ps : out.skills) {
        ps.at_level.resize(out.councils.size(), std::vector<int>(out.levels.size(), 0));
        ps.below_need.resize(out.councils.size(), 0);
    }
    for (auto& [k, t] : cohorts) out.cohorts.push_back(t);
    std::stable_sort(out.cohorts.begin(), out.cohorts.end(), [](const TrainingNeed& a, const TrainingNeed& b) {
        if (a.councils != b.councils) return a.councils > b.councils;
        return a.people > b.people;
    });
    return out;
}

json pooled_json(const PooledProfiles& p, const std::string& today) {
    json j = {{"format", "yardstick-skills-pooled/1"}, {"made", today},
              {"framework", {{"id", p.framework_id}, {"version", p.framework_version}}}, {"levels", p.levels}};
    json councils = json::array();
    for (std::size_t c = 0; c < p.councils.size(); ++c) councils.push_back({{"name", p.councils[c]}, {"people", p.people[c]}});
    j["councils"] = councils;
    json skills = json::array();
    for (const auto& s : p.skills) {
        std::vector<int> total(p.levels.size(), 0);
        int below = 0;
        for (std::size_t c = 0; c < s.at_level.size(); ++c) {
            for (std::size_t l = 0; l < total.size() && l < s.at_level[c].size(); ++l) total[l] += s.at_level[c][l];
            below += s.below_need[c];
        }
        skills.push_back({{"id", s.id}, {"name", s.name}, {"at_level", s.at_level}, {"below_need", s.below_need},
                          {"total_at_level", total}, {"total_below_need", below}});
    }
    j["skills"] = skills;
    json cohorts = json::array();
    for (const auto& t : p.cohorts)
        cohorts.push_back({{"remedy", to_string(t.remedy)}, {"what", t.what}, {"councils", t.councils},
                           {"people", t.people}, {"cost", t.cost}, {"funded", t.funded}});
    j["cohorts"] = cohorts;
    return j;
}

void write_pooled_csv(std::ostream& out, const PooledProfiles& p) {
    out << "council,skill,skill_name,level,level_name,people\r\n";
    for (const auto& s : p.skills)
        for (std::size_t c = 0; c < p.councils.size(); ++c)
            for (std::size_t l = 0; l < s.at_level[c].size(); ++l)
                out << csv_cell(p.councils[c]) << ',' << csv_cell(s.id) << ',' << csv_cell(s.name) << ',' << l << ','
                    << csv_cell(l < p.levels.size() ? p.levels[l] : std::string()) << ',' << s.at_level[c][l] << "\r\n";
}

void write_pooled_table(std::ostream& out, const PooledProfiles& p) {
    int total = 0;
    for (int n : p.people) total += n;
    out << "Pooled skills of " << count_of(static_cast<long long>(p.councils.size()), "council", "councils") << " ("
        << count_of(total, "person", "people") << "), counts only:\n";
    for (std::size_t c = 0; c < p.councils.size(); ++c)
        out << "  " << p.councils[c] << ": " << count_of(p.people[c], "person", "people") << "\n";
    out << "\nPeople at each level (";
    for (std::size_t l = 0; l < p.levels.size(); ++l) out << (l ? ", " : "") << l << " " << p.levels[l];
    out << "), all councils; below the role's need:\n";
    for (const auto& s : p.skills) {
        std::vector<int> t(p.levels.size(), 0);
        int below = 0;
        for (std::size_t c = 0; c < s.at_level.size(); ++c) {
            for (std::size_t l = 0; l < t.size() && l < s.at_level[c].size(); ++l) t[l] += s.at_level[c][l];
            below += s.below_need[c];
        }
        out << "  " << std::left << std::setw(46) << s.name.substr(0, 45);
        for (int v : t) out << std::right << std::setw(4) << v;
        out << "   below need " << below << "\n";
    }
    if (!p.cohorts.empty()) {
        out << "\nShared training (a cohort across councils):\n";
        for (const auto& t : p.cohorts)
            out << "  " << t.what << ": " << count_of(t.people, "person", "people") << " in "
                << count_of(t.councils, "council", "councils") << "\n";
    }
}

}  // namespace ys::skills
