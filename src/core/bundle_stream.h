#pragma once
// Reading a large bundle fast (issue 17 section 6): its respondents, nearly all of its bytes,
// are read straight from the text by the answer files' fast reader (answers_stream.h); the
// rest, small, is parsed into a tree and checked by parse_bundle as before. A bundle this
// reader takes is one parse_bundle takes, with the same warnings.
//
// Like the fast answer reader it only ever says yes or "not plainly valid": on any problem (bad
// JSON, a limit, an error anywhere, not a bundle at all) it returns nullopt having reported
// nothing, and the caller reads the file the checked way (read_json_file, parse_bundle), which
// reports what is wrong and where. So errors have one way of being reported.
#include <optional>
#include <string_view>

#include "bundle.h"
#include "diagnostics.h"
#include "json_read.h"

namespace ys {

std::optional<Bundle> read_bundle_streamed(std::string_view text, const JsonLimits& limits, Diagnostics& diags);

}  // namespace ys
