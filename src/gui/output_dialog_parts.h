#pragma once
// What the Reports and the Export workbook dialogs share: what they read of the
// organisation, their label/control rows and how they name a round.
#include <string>
#include <vector>

#include <wx/string.h>

#include "benchmark_page.h"
#include "rounds.h"

class wxFlexGridSizer;
class wxWindow;

namespace ys {
class Catalogue;
}

namespace ys::gui {

class Session;

// The organisation's name (its id when it has none or cannot be read), its rounds and
// whom it can be compared with. A read error is shown over `parent`; what was read stays.
struct OrganisationChoices {
    std::string name;
    std::vector<store::RoundRecord> rounds;
    std::vector<BenchmarkGroup> groups;
};
OrganisationChoices read_organisation_choices(wxWindow* parent, Session& s, const std::string& organisation);

// The skills rounds among `rounds` (those of the role catalogue's skills framework, as the
// Skills page lists them), newest first. The shipped catalogue is read when `skills_framework`
// is not given; none when it cannot be read.
std::vector<store::RoundRecord> skills_rounds_of(Session& s, const std::vector<store::RoundRecord>& rounds,
                                                 const std::string& skills_framework = {});

// One row of a two-column grid: the label on the right of its column, the control
// stretched and named (screen readers and the tests find it by name).
void add_labelled_row(wxWindow* dialog, wxFlexGridSizer* grid, const wxString& label, wxWindow* control,
                      const wxString& name);

// "2026 – Council data maturity: quick check" (display_names.h).
wxString round_label(const Catalogue& catalogue, const store::RoundRecord& r);

}  // namespace ys::gui
