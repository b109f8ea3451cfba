#include "org_tree.h"

#include <unordered_map>
#include <utility>

namespace ys {

OrgTree walk_org_tree(const std::vector<OrgLink>& orgs) {
    OrgTree out;
    const std::size_t n = orgs.size();
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(n);
    for (std::size_t i = 0; i < n; ++i) index.emplace(orgs[i].id, i);
    std::vector<std::vector<std::size_t>> children(n);
    std::vector<std::size_t> roots, orphans;
    for (std::size_t i = 0; i < n; ++i) {
        auto p = orgs[i].parent.empty() ? index.end() : index.find(orgs[i].parent);
        if (p != index.end()) children[p->second].push_back(i);
        else (orgs[i].parent.empty() ? roots : orphans).push_back(i);
    }
    roots.insert(roots.end(), orphans.begin(), orphans.end());  // after the true top, as the GUI always showed them
    // An explicit stack: a chain of 10,000 parents costs memory, not call depth.
    std::vector<char> seen(n, 0);
    std::vector<std::pair<std::size_t, int>> stack;
    for (auto r = roots.rbegin(); r != roots.rend(); ++r) stack.emplace_back(*r, 1);
    while (!stack.empty()) {
        auto [at, level] = stack.back();
        stack.pop_back();
        if (seen[at]) continue;  // a duplicate id in the list
        seen[at] = 1;
        out.rows.push_back({at, level});
        if (level > kMaxOrganisationDepth) ++out.deeper_than_limit;
        for (auto c = children[at].rbegin(); c != children[at].rend(); ++c) stack.emplace_back(*c, level + 1);
    }
    // Whatever no walk from the top reached sits on (or under) a loop of parents.
    for (std::size_t i = 0; i < n; ++i)
        if (!seen[i]) out.in_cycle.push_back(i);
    return out;
}

}  // namespace ys
