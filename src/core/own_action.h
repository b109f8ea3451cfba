#pragma once
// Actions a council writes itself, beside its framework's recommended ones: their ids are
// "own-" and a number (own-1, own-2, ...), chosen by the store, and they carry a title.
#include <string>

namespace ys {

inline bool is_own_action_id(const std::string& action) {
    // At most 9 digits, no leading zero: one spelling per number.
    if (action.size() <= 4 || action.size() > 4 + 9 || action.compare(0, 4, "own-") != 0 || action[4] == '0')
        return false;
    for (std::size_t i = 4; i < action.size(); ++i)
        if (action[i] < '0' || action[i] > '9') return false;
    return true;
}

}  // namespace ys
