#include "round_scope.h"

#include <algorithm>

namespace ys {

std::vector<char> out_of_scope_mask(const Framework& fw, const std::vector<std::string>& excluded) {
    std::vector<char> mask;
    if (excluded.empty()) return mask;
    mask.assign(fw.dimensions.size(), 0);
    bool any = false;
    // Pre-order storage: a parent comes before its children, so one forward pass inherits.
    for (std::size_t k = 0; k < fw.dimensions.size(); ++k) {
        const Dimension& d = fw.dimensions[k];
        bool named = std::find(excluded.begin(), excluded.end(), d.id) != excluded.end();
        mask[k] = named || (d.parent >= 0 && mask[static_cast<std::size_t>(d.parent)]);
        any = any || mask[k];
    }
    if (!any) mask.clear();
    return mask;
}

std::vector<std::string> known_exclusions(const Framework& fw, const std::vector<std::string>& excluded) {
    std::vector<std::string> out;
    for (const Dimension& d : fw.dimensions)
        if (std::find(excluded.begin(), excluded.end(), d.id) != excluded.end()) out.push_back(d.id);
    return out;
}

std::string excluded_names(const Framework& fw, const std::vector<std::string>& excluded) {
    std::string out;
    for (const std::string& id : known_exclusions(fw, excluded)) {
        if (!out.empty()) out += ", ";
        out += fw.dimensions[static_cast<std::size_t>(fw.find_dimension(id))].name;
    }
    return out;
}

}  // namespace ys
