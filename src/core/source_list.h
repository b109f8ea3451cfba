#pragma once
// The `sources` list that frameworks and questionnaires share: where facts, structures
// and wording came from (see frameworks/README.md and questionnaires/README.md).
#include <vector>

#include "framework.h"
#include "json_fields.h"

namespace ys {

// Reads an optional array of { title, publisher?, year?, url?, note? }; problems go to
// the JsonAt's diagnostics. An absent list gives an empty vector.
std::vector<Source> read_source_list(const JsonAt& list);

}  // namespace ys
