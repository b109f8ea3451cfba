#include "output_dialog_parts.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "guard.h"
#include "organisations.h"
#include "display_names.h"
#include "roadmap_inputs.h"
#include "session.h"

namespace ys::gui {

OrganisationChoices read_organisation_choices(wxWindow* parent, Session& s, const std::string& organisation) {
    OrganisationChoices out;
    out.name = organisation;
    guarded(parent, s.path(), _("The organisation could not be read."), [&] {
        if (auto o = store::find_organisation(s.db(), organisation)) out.name = o->name;
        out.rounds = store::list_rounds(s.db(), organisation, false);
        out.groups = benchmark_groups(s.db(), organisation);
    });
    return out;
}

std::vector<store::RoundRecord> skills_rounds_of(Session& s, const std::vector<store::RoundRecord>& rounds,
                                                 const std::string& skills_framework) {
    std::string id = skills_framework;
    if (id.empty()) {
        Diagnostics diags;
        if (auto in = load_roadmap_inputs(s.shipped_roles_file(), s.shipped_assumptions_file(), s.library_dirs(), diags))
            id = in->roles.skills_framework_id;
    }
    std::vector<store::RoundRecord> out;
    if (id.empty()) return out;
    for (const auto& r : rounds)
        if (r.framework_id == id) out.push_back(r);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.period > b.period; });
    return out;
}

void add_labelled_row(wxWindow* dialog, wxFlexGridSizer* grid, const wxString& label, wxWindow* control,
                      const wxString& name) {
    grid->Add(new wxStaticText(dialog, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    grid->Add(control, 1, wxEXPAND);
    control->SetName(name);
}

wxString round_label(const Catalogue& catalogue, const store::RoundRecord& r) { return round_name(catalogue, r); }

}  // namespace ys::gui
