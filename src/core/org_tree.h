#pragma once
// Organisation hierarchies walked without recursion, whatever made them (the tool, a bundle,
// a database edited by hand): a deep chain or a cycle of parents is found and reported,
// never followed for ever or down the call stack.
#include <cstddef>
#include <string>
#include <vector>

namespace ys {

// The most levels an organisation hierarchy may have, the top being level 1 (region >
// county > district > department needs four). Every entry point keeps to it: org add and
// move, answer files and bundles (through the store), and the GUI.
inline constexpr int kMaxOrganisationDepth = 32;

struct OrgLink {
    std::string id, parent;  // parent "" at the top
};

struct OrgTreeRow {
    std::size_t index;  // into the list given
    int level;          // 1 at the top
};

struct OrgTree {
    // Pre-order: each organisation after its parent, siblings in the order given. One whose
    // parent is not in the list is placed at the top, after those with no parent.
    std::vector<OrgTreeRow> rows;
    // Organisations whose chain of parents loops (and those under them), in the order given.
    std::vector<std::size_t> in_cycle;
    std::size_t deeper_than_limit = 0;  // rows with level > kMaxOrganisationDepth
};

OrgTree walk_org_tree(const std::vector<OrgLink>& orgs);

}  // namespace ys
