#include "output_dialog_parts.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "guard.h"
#include "organisations.h"
#include "display_names.h"
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

void add_labelled_row(wxWindow* dialog, wxFlexGridSizer* grid, const wxString& label, wxWindow* control,
                      const wxString& name) {
    grid->Add(new wxStaticText(dialog, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    grid->Add(control, 1, wxEXPAND);
    control->SetName(name);
}

wxString round_label(const Catalogue& catalogue, const store::RoundRecord& r) { return round_name(catalogue, r); }

}  // namespace ys::gui
