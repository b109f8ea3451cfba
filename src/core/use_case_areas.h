#pragma once
// The one vocabulary of use-case areas: the areas of council work where data is used, which
// action tags name in every framework (the council and the analyst framework alike), so that an
// action plan can be grouped by area across files. Based on the eleven areas of data use in
// Nesta's "Wise Council" (2016); the ids are ours.
#include <string>
#include <vector>

#include "json_fields.h"

namespace ys {

struct UseCaseArea {
    const char* id;    // "outcomes-based-performance"
    const char* name;  // "Managing performance by outcomes"
};

const std::vector<UseCaseArea>& use_case_areas();
// nullptr when `id` is not an area.
const UseCaseArea* find_use_case_area(const std::string& id);
// Warns (not errors: a framework stored in a database before this check must still load) at
// each string of `tags` that is not an area's id, naming the ids that are.
void check_use_case_tags(const JsonAt& tags);

}  // namespace ys
