#pragma once
// What an import did, in words for the person who asked for it: the headline counts, the
// organisations and rounds it added, and the problems it found (capped, one a line).
#include <cstddef>
#include <string>
#include <vector>

#include <wx/string.h>

#include "diagnostics.h"
#include "import_answers.h"

namespace ys::gui {

// "Imported 3 new respondents (1 changed, 0 unchanged) and 36 answers, into 1 round.", and
// how many returned forms replaced earlier answers or were skipped.
wxString import_summary(const store::ImportReport& r);
// One line for each returned form replaced or skipped (by file name), organisation added,
// round started and bundle organisation placed.
std::vector<std::string> import_lines(const store::ImportReport& r);
// The problems, one a line, at most `max_lines` and then how many more.
wxString diagnostics_text(const Diagnostics& d, std::size_t max_lines = 30);

}  // namespace ys::gui
