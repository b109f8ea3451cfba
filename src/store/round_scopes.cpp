#include "round_scopes.h"

#include <algorithm>
#include <cctype>

#include "round_scope.h"
#include "round_summaries.h"
#include "rounds.h"
#include "store_errors.h"

namespace ys::store {
namespace {

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// "leadership, culture, ...": every dimension id, for a message that says what was expected.
std::string dimension_ids(const Framework& fw) {
    std::string out;
    for (const auto& d : fw.dimensions) out += (out.empty() ? "" : ", ") + d.id;
    return out;
}

// The dimension `given` names: its id, else the one dimension with that name.
int find_dimension_by_id_or_name(const Framework& fw, const std::string& given, const std::string& round) {
    int k = fw.find_dimension(given);
    if (k >= 0) return k;
    int found = -1, matches = 0;
    for (std::size_t i = 0; i < fw.dimensions.size(); ++i)
        if (lower(fw.dimensions[i].name) == lower(given)) {
            found = static_cast<int>(i);
            ++matches;
        }
    if (matches == 1) return found;
    if (matches > 1)
        invalid("\"" + given + "\" names " + std::to_string(matches) + " dimensions of " + fw.title +
                "; give the dimension's id, one of: " + dimension_ids(fw));
    invalid("round \"" + round + "\": " + fw.title + " " + fw.version + " has no dimension \"" + given +
            "\"; expected a dimension's id or name, one of: " + dimension_ids(fw));
}

void write_exclusions(Connection& c, const std::string& round, const std::vector<std::string>& ids) {
    Statement d = c.prepare("DELETE FROM round_scope WHERE round_id = ?");
    d.bind(1, round);
    d.run();
    Statement ins = c.prepare("INSERT INTO round_scope (round_id, dimension_id) VALUES (?, ?)");
    for (const auto& id : ids) {
        ins.reset();
        ins.bind(1, round).bind(2, id);
        ins.run();
    }
}

}  // namespace

std::vector<std::string> round_exclusions(Connection& c, const std::string& round) {
    std::vector<std::string> out;
    Statement s = c.prepare("SELECT dimension_id FROM round_scope WHERE round_id = ? ORDER BY dimension_id");
    s.bind(1, round);
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::vector<std::string> set_round_scope(Connection& c, const std::string& round,
                                         const std::vector<std::string>& exclude,
                                         const std::vector<std::string>& include) {
    Transaction t(c);
    RoundRecord r = get_round(c, round);  // NotFound names the round
    require_open_round(c, round, "its scope cannot change");
    auto fw = load_framework(c, r.framework_hash);
    std::vector<std::string> now = round_exclusions(c, round);
    std::vector<std::string> out_ids, in_ids;
    for (const auto& e : exclude) out_ids.push_back(fw->dimensions[find_dimension_by_id_or_name(*fw, e, round)].id);
    for (const auto& e : include) in_ids.push_back(fw->dimensions[find_dimension_by_id_or_name(*fw, e, round)].id);
    for (const auto& id : out_ids)
        if (std::find(in_ids.begin(), in_ids.end(), id) != in_ids.end())
            invalid("dimension \"" + fw->dimensions[fw->find_dimension(id)].name +
                    "\" is both excluded and included; give it once, with --exclude or --include");
    for (const auto& id : in_ids) now.erase(std::remove(now.begin(), now.end(), id), now.end());
    for (const auto& id : out_ids)
        if (std::find(now.begin(), now.end(), id) == now.end()) now.push_back(id);
    std::sort(now.begin(), now.end());
    std::vector<char> mask = out_of_scope_mask(*fw, now);
    for (const auto& id : in_ids) {
        int k = fw->find_dimension(id);
        if (!mask.empty() && mask[static_cast<std::size_t>(k)]) {
            int above = fw->dimensions[static_cast<std::size_t>(k)].parent;
            while (above >= 0 && std::find(now.begin(), now.end(), fw->dimensions[static_cast<std::size_t>(above)].id) == now.end())
                above = fw->dimensions[static_cast<std::size_t>(above)].parent;
            const std::string parent = above >= 0 ? fw->dimensions[static_cast<std::size_t>(above)].name : "";
            invalid("dimension \"" + fw->dimensions[static_cast<std::size_t>(k)].name + "\" is under \"" + parent +
                    "\", which stays excluded from round \"" + round + "\"; include \"" + parent + "\" instead");
        }
    }
    bool any_left = false;
    for (int root : fw->roots) any_left = any_left || mask.empty() || !mask[static_cast<std::size_t>(root)];
    if (!any_left)
        invalid("round \"" + round + "\" would have no dimension left to score; exclude fewer dimensions");
    if (now != round_exclusions(c, round)) {
        write_exclusions(c, round, now);
        clear_round_summary(c, round);  // the summary's scores were made with the old scope
    }
    t.commit();
    return now;
}

void replace_round_exclusions(Connection& c, const std::string& round, const std::vector<std::string>& excluded) {
    std::vector<std::string> ids = excluded;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids == round_exclusions(c, round)) return;
    write_exclusions(c, round, ids);
    clear_round_summary(c, round);
}

}  // namespace ys::store
