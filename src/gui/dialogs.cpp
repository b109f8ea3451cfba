#include "dialogs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filename.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "bundle.h"
#include "catalogue.h"
#include "date_field.h"
#include "display_names.h"
#include "json_fields.h"
#include "field_check.h"
#include "text_check.h"
#include "org_tree.h"
#include "respondent_tags.h"
#include "targets.h"
#include "wx_utf8.h"

namespace ys::gui {

const char* const* organisation_types() {
    static const char* const types[] = {"region", "london-borough", "metropolitan-district", "county", "unitary",
                                        "district", "department", "other", nullptr};
    return types;
}

wxString status_label(const std::string& status) {
    if (status == "not-started") return _("Not started");
    if (status == "in-progress") return _("In progress");
    if (status == "done") return _("Done");
    if (status == "dropped") return _("Dropped");
    if (status == "open") return _("Open");
    if (status == "closed") return _("Closed");
    if (status == "draft") return _("Draft");
    return wxs(status);
}

FieldRule text_rule(wxTextCtrl* t, TextField field, const wxString& required_reason) {
    return [t, field, required_reason]() -> wxString {
        std::string v = u8(wxString(t->GetValue()).Strip(wxString::both));
        if (v.empty()) return required_reason;
        std::string p = text_problem(field, v);
        if (p.empty()) return {};
        // The store's words start with the field's label in lower case ("organisation name is ...").
        p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
        return wxs(p);
    };
}

namespace {

wxArrayString organisation_type_names() {
    wxArrayString types;
    for (auto t = organisation_types(); *t; ++t) types.push_back(organisation_type_name(*t));
    return types;
}

FieldRule ons_rule(wxTextCtrl* t) {
    return [t]() -> wxString {
        std::string v = u8(wxString(t->GetValue()).Strip(wxString::both));
        if (v.empty() || is_ons_code(v)) return {};
        return _("ONS code: a capital letter and 8 digits, such as E09000001; or leave it empty.");
    };
}

}  // namespace

std::optional<store::OrgRecord> ask_organisation(wxWindow* parent, const std::vector<store::OrgRecord>& existing,
                                                 const std::string& parent_id) {
    bool id_typed = false;  // before the dialog: its handlers use it until the dialog is gone
    FormDialog dlg(parent, _("New organisation"),
                   _("A region, a council, or a department within a council. The id is how files and the command "
                     "line name it: lower case letters, digits and dashes."));
    auto* name = dlg.add_text(_("Name:"), {}, _("Westford London Borough Council"));
    auto* id = dlg.add_text(_("Id:"), {}, _("westford"));
    auto* type = dlg.add_choice(_("Type:"), organisation_type_names(), parent_id.empty() ? 0 : 1);
    wxArrayString parents;
    parents.push_back(_("(none: at the top)"));
    int sel = 0;
    for (const auto& o : existing) {
        parents.push_back(wxs(o.name));
        if (o.id == parent_id) sel = static_cast<int>(parents.size()) - 1;
    }
    auto* par = dlg.add_choice(_("Part of:"), parents, sel);
    auto* region = dlg.add_text(_("Region:"), {}, _("London"));
    auto* ons = dlg.add_text(_("ONS code:"), {}, _("E09000001 (optional)"));
    dlg.require(name, text_rule(name, TextField::OrganisationName, _("Name: type the organisation's name.")));
    dlg.require(id, [id, &existing]() -> wxString {
        std::string v = u8(wxString(id->GetValue()).Strip(wxString::both));
        if (v.empty()) return _("Id: type a short id, such as westford (it is suggested from the name).");
        if (!is_valid_id(v))
            return _("Id: lower case letters, digits, dashes, dots and underscores only, starting with a letter or "
                     "digit, such as westford-housing.");
        if (std::string p = text_problem(TextField::OrganisationId, v); !p.empty()) return _("Id: shorten it to 128 characters or fewer.");
        for (const auto& o : existing)
            if (o.id == v)
                return wxString::Format(_("Id: %s already has the id \u201c%s\u201d; choose another, such as %s-2."),
                                        wxs(o.name), wxs(v), wxs(v));
        return {};
    });
    dlg.require(region, text_rule(region, TextField::Region));
    dlg.require(ons, ons_rule(ons));
    // Suggest an id from the name while the id has not been typed.
    id->Bind(wxEVT_TEXT, [id, &id_typed](wxCommandEvent& e) {
        id_typed = !id->IsEmpty();  // cleared: suggest again
        e.Skip();
    });
    name->Bind(wxEVT_TEXT, [name, id, &id_typed](wxCommandEvent& e) {
        e.Skip();
        if (id_typed) return;
        std::string s;
        for (char ch : u8(name->GetValue())) {
            unsigned char c = static_cast<unsigned char>(ch);
            if (std::isalnum(c) && c < 128) s += static_cast<char>(std::tolower(c));
            else if (!s.empty() && s.back() != '-') s += '-';
        }
        while (!s.empty() && s.back() == '-') s.pop_back();
        id->ChangeValue(wxs(s));
    });
    dlg.finish();
    if (!dlg.run()) return std::nullopt;
    store::OrgRecord o;
    o.id = u8(id->GetValue().Strip(wxString::both));
    o.name = u8(name->GetValue().Strip(wxString::both));
    o.type = organisation_types()[type->GetSelection() < 0 ? 0 : type->GetSelection()];
    o.region = u8(region->GetValue().Strip(wxString::both));
    o.ons_code = u8(ons->GetValue().Strip(wxString::both));
    int p = par->GetSelection();
    if (p > 0) o.parent = existing[static_cast<std::size_t>(p - 1)].id;
    return o;
}

std::optional<store::OrgEdit> ask_edit_organisation(wxWindow* parent, const store::OrgRecord& org) {
    FormDialog dlg(parent, _("Edit organisation"),
                   wxString::Format(_("The details of %s. Its id (%s) does not change: files and the command line "
                                      "know it by that. Move organisation changes what it is part of."),
                                    wxs(org.name), wxs(org.id)));
    auto* name = dlg.add_text(_("Name:"), wxs(org.name), _("Westford London Borough Council"));
    int sel = -1;
    int i = 0;
    for (auto t = organisation_types(); *t; ++t, ++i)
        if (org.type == *t) sel = i;
    auto* type = dlg.add_choice(_("Type:"), organisation_type_names(), sel < 0 ? 0 : sel);
    auto* region = dlg.add_text(_("Region:"), wxs(org.region), _("London"));
    auto* ons = dlg.add_text(_("ONS code:"), wxs(org.ons_code), _("E09000001 (optional)"));
    dlg.require(name, text_rule(name, TextField::OrganisationName, _("Name: type the organisation's name.")));
    dlg.require(region, text_rule(region, TextField::Region));
    dlg.require(ons, ons_rule(ons));
    dlg.finish();
    name->SetFocus();
    name->SelectAll();
    if (!dlg.run()) return std::nullopt;
    store::OrgEdit e;
    e.name = u8(name->GetValue().Strip(wxString::both));
    e.type = organisation_types()[type->GetSelection() < 0 ? 0 : type->GetSelection()];
    e.region = u8(region->GetValue().Strip(wxString::both));
    e.ons_code = u8(ons->GetValue().Strip(wxString::both));
    return e;
}

std::vector<ParentChoice> parent_choices(const std::vector<store::OrgRecord>& orgs, const std::string& id) {
    std::vector<ParentChoice> out;
    // Depth first from the top, as the tree shows them (org_tree.h walks without recursion;
    // those whose parent is missing are at the top); the branch under `id` is left out, and
    // so is a loop of parents made by hand (a move under it is refused).
    std::vector<OrgLink> links;
    for (const auto& o : orgs) links.push_back({o.id, o.parent});
    int skipping_below = 0;  // the level of `id` while its branch is passed over
    for (const auto& row : walk_org_tree(links).rows) {
        if (skipping_below && row.level > skipping_below) continue;
        skipping_below = 0;
        if (orgs[row.index].id == id) {
            skipping_below = row.level;
            continue;
        }
        out.push_back({&orgs[row.index], std::min(row.level, kMaxOrganisationDepth) - 1});
    }
    return out;
}

std::optional<std::string> ask_move_organisation(wxWindow* parent, const std::vector<store::OrgRecord>& orgs,
                                                 const store::OrgRecord& org) {
    FormDialog dlg(parent, _("Move organisation"),
                   wxString::Format(_("What %s is part of: a region for a council, a council for a department. "
                                      "Its rounds, targets and action plans move with it."),
                                    wxs(org.name)));
    std::vector<ParentChoice> choices = parent_choices(orgs, org.id);
    wxArrayString items;
    items.push_back(_("(none: at the top)"));
    int sel = 0;
    for (const auto& c : choices) {
        // Indented as in the tree (figure spaces keep their width in any font).
        items.push_back(wxString(wxUniChar(0x2007), static_cast<size_t>(3 * c.depth)) + wxs(c.org->name));
        if (c.org->id == org.parent) sel = static_cast<int>(items.size()) - 1;
    }
    auto* where = dlg.add_choice(_("Part of:"), items, sel);
    dlg.finish();
    where->SetFocus();
    if (!dlg.run() || where->GetSelection() < 0) return std::nullopt;
    int i = where->GetSelection();
    return i == 0 ? std::string() : choices[static_cast<std::size_t>(i - 1)].org->id;
}

std::optional<RoundForm> ask_new_round(wxWindow* parent, const Catalogue& catalogue, const wxString& organisation_name,
                                       const std::string& default_period) {
    std::vector<const CatalogueEntry*> qs;
    wxArrayString items;
    for (const auto& e : catalogue.entries())
        if (e.kind == DocKind::Questionnaire && e.valid) {
            qs.push_back(&e);
            items.push_back(wxString::Format(_("%s, version %s (%s)"), wxs(e.title), wxs(e.version),
                                             count_text(static_cast<long long>(e.question_count), _("question"), _("questions"))));
        }
    if (qs.empty()) return std::nullopt;
    FormDialog dlg(parent, _("New assessment round"),
                   wxString::Format(_("A round of %s: one questionnaire, one period, any number of respondents. The "
                                      "questionnaire and its framework are copied into the database."),
                                    organisation_name));
    int sel = 0;
    for (std::size_t i = 0; i < qs.size(); ++i)
        if (qs[i]->id == "council-quick-check") sel = static_cast<int>(i);
    auto* q = dlg.add_choice(_("Questionnaire:"), items, sel);
    auto* period = dlg.add_text(_("Period:"), wxs(default_period), _("2026, 2026/27 or 2026-Q1"));
    dlg.require(period, text_rule(period, TextField::Period,
                                  _("Period: type the year or financial year the answers describe, such as 2026 or 2026/27.")));
    wxArrayString statuses;
    statuses.push_back(_("Open: answers can be given now"));
    statuses.push_back(_("Draft"));
    auto* status = dlg.add_choice(_("Status:"), statuses, 0);
    dlg.finish();
    if (!dlg.run() || q->GetSelection() < 0) return std::nullopt;
    const auto* e = qs[static_cast<std::size_t>(q->GetSelection())];
    return RoundForm{e->id, e->version, u8(period->GetValue().Strip(wxString::both)),
                     status->GetSelection() == 1 ? "draft" : "open"};
}

std::optional<RespondentForm> ask_respondent(wxWindow* parent, const Questionnaire& q) {
    FormDialog dlg(parent, _("Add a respondent"),
                   _("Each respondent answers on their own; their answers are combined in the results. The name and "
                     "email are optional and are left out of anonymised exports."));
    wxArrayString roles;
    for (const auto& r : q.roles) roles.push_back(wxs(r.name));
    roles.push_back(_("(no role)"));
    auto* role = dlg.add_choice(_("Role:"), roles, 0);
    auto* name = dlg.add_text(_("Name:"), {}, _("optional"));
    auto* email = dlg.add_text(_("Email:"), {}, _("optional, such as sam.patel@westford.example"));
    dlg.require(name, text_rule(name, TextField::RespondentName));
    dlg.require(email, [email]() -> wxString {
        wxString v = wxString(email->GetValue()).Strip(wxString::both);
        if (v.empty()) return {};
        if (wxString p = text_rule(email, TextField::RespondentEmail)(); !p.empty()) return p;
        // One @ with something either side and a dot after it: enough to catch a name typed in the wrong box.
        int at = v.Find('@');
        if (at <= 0 || v.Find('@', true) != at || v.find('.', static_cast<size_t>(at)) == wxString::npos || v.Last() == '.' ||
            v.Find(' ') != wxNOT_FOUND)
            return _("Email: an address such as sam.patel@westford.example, or leave it empty.");
        return {};
    });
    // A skills self-assessment also asks the person's team, the role they are working towards
    // and their age band (only for apprenticeship funding), as the offline form does.
    wxTextCtrl* team = nullptr;
    wxChoice *target = nullptr, *age = nullptr;
    static const char* const kBands[] = {"16-18", "19-21", "22-24", "25-plus"};
    if (q.audience == Audience::Individual) {
        team = dlg.add_text(_("Team:"), {}, _("optional, such as Children's services analytics"));
        dlg.require(team, [team]() -> wxString {
            std::string p = team_problem(u8(team->GetValue().Strip(wxString::both)));
            return p.empty() ? wxString() : wxs(p);
        });
        wxArrayString targets;
        targets.push_back(_("(none)"));
        for (const auto& r : q.roles) targets.push_back(wxs(r.name));
        target = dlg.add_choice(_("Working towards:"), targets, 0);
        wxArrayString bands;
        bands.push_back(_("(not given: only used to tell which apprenticeships are funded)"));
        for (const char* b : kBands) bands.push_back(wxString::FromUTF8(b));
        age = dlg.add_choice(_("Age band:"), bands, 0);
    }
    dlg.finish();
    if (!dlg.run()) return std::nullopt;
    RespondentForm f;
    int r = role->GetSelection();
    if (r >= 0 && r < static_cast<int>(q.roles.size())) f.role = q.roles[static_cast<std::size_t>(r)].id;
    f.name = u8(name->GetValue().Strip(wxString::both));
    f.email = u8(email->GetValue().Strip(wxString::both));
    if (team) f.team = u8(team->GetValue().Strip(wxString::both));
    if (target && target->GetSelection() > 0) f.target_role = q.roles[static_cast<std::size_t>(target->GetSelection() - 1)].id;
    if (age && age->GetSelection() > 0) f.age_band = kBands[age->GetSelection() - 1];
    return f;
}

std::optional<TargetForm> ask_target(wxWindow* parent, const Framework& fw, const Dimension& d, std::optional<double> level,
                                     const std::string& by) {
    FormDialog dlg(parent, _("Set target"),
                   wxString::Format(_("The level %s aims for, and by when. Scores are medians, so a target may be half-way "
                                      "between two levels."),
                                    wxs(d.name)));
    // The levels in order with the half-way points between them; the target's own value if it is neither.
    std::vector<double> values;
    wxArrayString labels;
    for (std::size_t i = 0; i < fw.levels.size(); ++i) {
        const auto& lv = fw.levels[i];
        if (i > 0) {
            const auto& below = fw.levels[i - 1];
            const double half = (below.value + lv.value) / 2.0;
            if (half != below.value && half != lv.value) {
                values.push_back(half);
                labels.push_back(wxs(target_text(half)) +
                                 wxString::Format(_(" (between %s and %s)"), wxs(below.name), wxs(lv.name)));
            }
        }
        values.push_back(lv.value);
        labels.push_back(wxString::Format(wxS("%d "), lv.value) + wxs(lv.name));
    }
    if (level && std::none_of(values.begin(), values.end(), [&](double v) { return std::abs(v - *level) < 1e-9; })) {
        auto at = std::lower_bound(values.begin(), values.end(), *level);
        const auto i = at - values.begin();
        values.insert(at, *level);
        labels.Insert(wxs(target_text(*level)) + _(" (as set now)"), static_cast<std::size_t>(i));
    }
    int sel = static_cast<int>(values.size()) - 1;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (level && std::abs(values[i] - *level) < 1e-9) sel = static_cast<int>(i);
    auto* lv = dlg.add_choice(_("Target level:"), labels, sel);
    auto* date = dlg.add_date(_("By:"), by, true);
    dlg.finish();
    if (!dlg.run() || lv->GetSelection() < 0) return std::nullopt;
    return TargetForm{values[static_cast<std::size_t>(lv->GetSelection())], date->iso().value_or("")};
}

std::optional<store::ActionItem> ask_action_item(wxWindow* parent, const Framework& fw, const store::ActionItem& item,
                                                 const std::vector<const Action*>& offered) {
    const bool adding = item.action.empty();
    FormDialog dlg(parent, adding ? _("Adopt an action") : _("Edit action"),
                   adding ? _("Choose one of the framework's recommended actions for the action plan, or write your own.")
                          : wxString());
    wxChoice* which = nullptr;
    if (adding) {
        wxArrayString items;
        for (const Action* a : offered) {
            wxString dim;
            for (const auto& d : fw.dimensions)
                for (const auto& x : d.actions)
                    if (&x == a) dim = wxs(d.name);
            items.push_back(dim + wxString::Format(wxS(" %d\u2192%d: "), a->from, a->to) + wxs(a->title));
        }
        items.push_back(_("Write your own action"));  // always last, so offered[i] is row i
        which = dlg.add_choice(_("Action:"), items, 0);
    } else if (!item.own()) {
        for (const auto& d : fw.dimensions)
            for (const auto& x : d.actions)
                if (x.id == item.action) dlg.add_note(wxs(x.title));
    }
    // The council's own action: its title and, if it chooses, a dimension.
    wxTextCtrl* title = nullptr;
    wxChoice* dimension = nullptr;
    if (adding || item.own()) {
        title = dlg.add_text(_("Title:"), wxs(item.title), _("what is to be done"));
        title->SetName(_("Title"));
        wxArrayString dims;
        dims.push_back(_("No dimension"));
        int dim_sel = 0;
        for (std::size_t i = 0; i < fw.dimensions.size(); ++i) {
            dims.push_back(wxs(fw.dimensions[i].name));
            if (fw.dimensions[i].id == item.dimension) dim_sel = static_cast<int>(i) + 1;
        }
        dimension = dlg.add_choice(_("Dimension:"), dims, dim_sel);
    }
    auto own_chosen = [&] { return which ? which->GetSelection() == static_cast<int>(offered.size()) : item.own(); };
    if (title)
        dlg.require(title, [&, title, dimension]() -> wxString {
            const bool own = own_chosen();
            title->Enable(own);
            dimension->Enable(own);
            if (!own) return {};
            const std::string text = u8(title->GetValue().Strip(wxString::both));
            if (text.empty()) return _("Write what is to be done.");
            return wxs(text_problem(TextField::ActionTitle, text));
        });
    auto* owner = dlg.add_text(_("Owner:"), wxs(item.owner), _("who is responsible"));
    dlg.require(owner, text_rule(owner, TextField::ActionOwner));
    auto* due = dlg.add_date(_("Due:"), item.due, true);
    const char* statuses[] = {"not-started", "in-progress", "done", "dropped"};
    wxArrayString st;
    int sel = 0;
    for (int i = 0; i < 4; ++i) {
        st.push_back(status_label(statuses[i]));
        if (item.status == statuses[i]) sel = i;
    }
    auto* status = dlg.add_choice(_("Status:"), st, sel);
    auto* notes = dlg.add_text(_("Notes:"), wxs(item.notes), {}, true);
    dlg.require(notes, [notes]() -> wxString {
        std::string p = text_problem(TextField::ActionNotes, u8(notes->GetValue()));
        if (p.empty()) return {};
        p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
        return wxs(p);
    });
    dlg.finish();
    if (!dlg.run()) return std::nullopt;
    store::ActionItem out = item;
    if (own_chosen()) {
        out.title = u8(title->GetValue().Strip(wxString::both));
        const int d = dimension->GetSelection();
        out.dimension = d > 0 ? fw.dimensions[static_cast<std::size_t>(d - 1)].id : std::string();
    } else if (which) {
        if (which->GetSelection() < 0) return std::nullopt;
        out.action = offered[static_cast<std::size_t>(which->GetSelection())]->id;
    }
    out.owner = u8(owner->GetValue().Strip(wxString::both));
    out.due = due->iso().value_or("");
    out.status = statuses[status->GetSelection() < 0 ? 0 : status->GetSelection()];
    out.notes = u8(notes->GetValue());
    return out;
}

std::optional<CsvImportForm> ask_csv_import(wxWindow* parent, const std::vector<store::OrgRecord>& orgs,
                                            const std::string& organisation, const Catalogue& catalogue) {
    FormDialog dlg(parent, _("Import a survey CSV"),
                   _("A Microsoft Forms, Google Forms or SurveyMonkey export, one row per respondent, into one round. "
                     "Nothing is written unless the whole file is valid (or invalid rows are skipped and listed)."));
    wxArrayString names;
    int sel = 0;
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        names.push_back(wxs(orgs[i].name));
        if (orgs[i].id == organisation) sel = static_cast<int>(i);
    }
    auto* org = dlg.add_choice(_("Organisation:"), names, sel);
    auto* period = dlg.add_text(_("Period:"), {}, _("2026, 2026/27 or 2026-Q1"));
    dlg.require(period, text_rule(period, TextField::Period,
                                  _("Period: type the year or financial year the answers describe, such as 2026 or 2026/27.")));
    std::vector<std::string> q_ids{std::string()};
    wxArrayString qs;
    qs.push_back(_("(named in the mapping file)"));
    for (const auto& e : catalogue.entries())
        if (e.kind == DocKind::Questionnaire && e.valid) {
            q_ids.push_back(e.id);
            qs.push_back(wxString::Format(_("%s, version %s"), wxs(e.title), wxs(e.version)));
        }
    auto* q = dlg.add_choice(_("Questionnaire:"), qs, qs.size() > 1 ? 1 : 0);
    auto* mapping = dlg.add_text(_("Mapping file:"), {}, _("optional: a yardstick-csv-mapping/1 file"));
    dlg.require(mapping, [mapping, q]() -> wxString {
        wxString v = wxString(mapping->GetValue()).Strip(wxString::both);
        if (v.empty())
            return q->GetSelection() == 0 ? _("Mapping file: name the mapping file, or choose the questionnaire above.")
                                          : wxString();
        if (!wxFileName::FileExists(v)) return _("Mapping file: there is no file at that path; check it, or leave it empty.");
        return {};
    });
    auto* skip = dlg.add_check(_("Import the valid rows and list the skipped ones"), false);
    dlg.finish();
    if (!dlg.run() || org->GetSelection() < 0) return std::nullopt;
    CsvImportForm f;
    f.organisation = orgs[static_cast<std::size_t>(org->GetSelection())].id;
    f.period = u8(period->GetValue().Strip(wxString::both));
    if (q->GetSelection() > 0) f.questionnaire = q_ids[static_cast<std::size_t>(q->GetSelection())];
    f.mapping = u8(mapping->GetValue().Strip(wxString::both));
    f.skip_invalid = skip->GetValue();
    return f;
}

}  // namespace ys::gui
