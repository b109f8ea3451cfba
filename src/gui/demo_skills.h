#pragma once
// The demo's skills round (issue 18): a small fictional analyst team of Eastmere, so the
// Skills page has something to show on first start. The team is a department of its own
// ("Eastmere Data and Insight (fictional)") so the council's maturity rounds stay as they were.
#include <string>

#include "catalogue.h"
#include "diagnostics.h"
#include "sqlite_handle.h"

namespace ys::gui {

inline constexpr const char* kDemoSkillsOrganisation = "eastmere-data-insight";

// Adds the department and a 2026 round of the newest analyst skills self-assessment, each
// person's answers chosen to give the levels written here. Inside the caller's transaction;
// false with a problem when the questionnaire or its framework is not in the libraries.
bool add_demo_skills_round(store::Connection& c, const Catalogue& cat, Diagnostics& problems);

}  // namespace ys::gui
