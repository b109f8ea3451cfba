// The Roadmap page's named scenarios (saved per organisation in the store) and scenario
// files: the buttons above the editor and what they do.
#include "roadmap_page.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include "atomic_file.h"
#include "dialogs.h"
#include "guard.h"
#include "io/output_path.h"
#include "roadmap_dates.h"
#include "roadmap_forms.h"
#include "roadmap_words.h"
#include "scenario_compare.h"
#include "scenario_file.h"
#include "scenarios.h"
#include "scenario_editor.h"
#include "session.h"
#include "timestamps.h"


namespace ys::gui {
namespace {

// Asks for one of `names`; -1 when cancelled.
int choose(wxWindow* parent, const wxString& title, const wxString& intro, const std::vector<std::string>& names,
           const std::string& preselect) {
    wxArrayString items;
    int sel = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        items.push_back(wxs(names[i]));
        if (names[i] == preselect) sel = static_cast<int>(i);
    }
    FormDialog dlg(parent, title, intro);
    auto* c = dlg.add_choice(_("Scenario:"), items, sel);
    dlg.finish();
    if (!dlg.run()) return -1;
    return c->GetSelection();
}

// Asks for a scenario name; nothing when cancelled.
std::optional<std::string> ask_name(wxWindow* parent, const wxString& title, const wxString& intro, const std::string& value) {
    FormDialog dlg(parent, title, intro);
    auto* t = dlg.add_text(_("Name:"), wxs(value), _("Shared data academy, 3 years"));
    dlg.set_check([t]() -> FormDialog::Problem {
        if (wxString(t->GetValue()).Strip(wxString::both).empty()) return {t, _("Name: give the scenario a name.")};
        return {};
    });
    dlg.finish();
    t->SelectAll();
    if (!dlg.run()) return std::nullopt;
    return u8(t->GetValue().Strip(wxString::both));
}

}  // namespace

std::vector<std::string> RoadmapPage::saved_scenarios() {
    std::vector<std::string> names;
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) return names;
    guarded(this, s.path(), _("The saved scenarios could not be read."), [&] {
        for (const auto& x : store::list_scenarios(s.db(), org_)) names.push_back(x.name);
    });
    return names;
}

bool RoadmapPage::save_scenario_as(const std::string& name, bool replace) {
    build();
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) return false;
    RoadmapScenario sc = editor_->scenario();
    sc.name = name;
    if (sc.created.empty()) sc.created = today_iso_date();
    if (!guarded(this, s.path(), wxString::Format(_("The scenario \u201c%s\u201d was not saved."), wxs(name)),
                 [&] { store::save_scenario(s.db(), org_, sc, replace); }))
        return false;
    editor_->set_scenario(sc);
    name_ = name;
    modified_ = false;
    show_name();
    host_.set_status(wxString::Format(_("Saved scenario \u201c%s\u201d."), wxs(name)));
    return true;
}

bool RoadmapPage::open_scenario(const std::string& name) {
    build();
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) return false;
    RoadmapScenario sc;
    bool damaged = false;
    guarded(this, s.path(), _("The saved scenarios could not be read."), [&] {
        for (const auto& x : store::list_scenarios(s.db(), org_)) damaged |= x.name == name && x.damaged;
    });
    if (damaged) {
        // One stored scenario that no longer reads: the database itself is fine.
        wxString detail;
        try {
            store::load_scenario(s.db(), org_, name);
        } catch (const std::exception& e) {
            detail = wxs(e.what());
        }
        show_error(this, _("Scenario not opened"),
                   wxString::Format(_("The saved scenario \u201c%s\u201d no longer reads as a scenario; the others are not "
                                      "affected. Delete it, or save the plan again under its name."),
                                    wxs(name)),
                   detail, exit_code::invalid_input);
        return false;
    }
    if (!guarded(this, s.path(), wxString::Format(_("The scenario \u201c%s\u201d could not be opened."), wxs(name)),
                 [&] { sc = store::load_scenario(s.db(), org_, name); }))
        return false;
    name_ = name;
    modified_ = false;
    show_name();
    set_scenario(sc);
    return true;
}

bool RoadmapPage::rename_scenario(const std::string& from, const std::string& to) {
    build();
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) return false;
    if (!guarded(this, s.path(), wxString::Format(_("The scenario \u201c%s\u201d was not renamed."), wxs(from)),
                 [&] { store::rename_scenario(s.db(), org_, from, to); }))
        return false;
    if (name_ == from) {
        name_ = to;
        RoadmapScenario sc = editor_->scenario();
        sc.name = to;
        editor_->set_scenario(sc);
        show_name();
    }
    return true;
}

bool RoadmapPage::delete_scenario(const std::string& name) {
    build();
    Session& s = host_.session();
    if (!s.is_open() || org_.empty()) return false;
    if (!guarded(this, s.path(), wxString::Format(_("The scenario \u201c%s\u201d was not deleted."), wxs(name)),
                 [&] { store::delete_scenario(s.db(), org_, name); }))
        return false;
    // The editor keeps what it shows, now as a scenario not saved.
    if (name_ == name) {
        name_.clear();
        modified_ = true;
        show_name();
    }
    return true;
}

std::optional<std::vector<ScenarioSummary>> RoadmapPage::compare(const std::vector<std::string>& names) {
    build();
    Session& s = host_.session();
    if (!s.is_open() || org_.empty() || !load_inputs() || !load_scores()) return std::nullopt;
    std::vector<ScenarioSummary> out;
    for (const auto& name : names) {
        RoadmapScenario sc;
        if (!guarded(this, s.path(), wxString::Format(_("The scenario \u201c%s\u201d could not be opened."), wxs(name)),
                     [&] { sc = store::load_scenario(s.db(), org_, name); }))
            return std::nullopt;
        std::string error;
        auto plan = cost(sc, error);
        if (!plan) {
            show_error(this, _("Scenarios not compared"),
                       wxString::Format(_("The scenario \u201c%s\u201d cannot be costed."), wxs(name)), wxs(error),
                       exit_code::invalid_input);
            return std::nullopt;
        }
        out.push_back(summarise(name, *plan));
    }
    return out;
}

bool RoadmapPage::import_scenario(const std::string& path) {
    build();
    // The reader the command line uses: the same size limit and caps.
    Diagnostics d(path);
    std::optional<RoadmapScenario> sc = read_scenario_file(path, d);
    if (sc && load_inputs()) check_scenario(*sc, inputs_->roles, *inputs_->framework, d);
    if (!sc || d.has_errors()) {
        wxString detail;
        for (const auto& item : d.items())
            if (item.severity == Severity::Error)
                detail += scenario_problem(sc ? &*sc : nullptr, inputs_ ? &inputs_->roles : nullptr, item) + wxS("\n");
        show_error(this, _("Scenario not read"), wxString::Format(_("%s is not a scenario Yardstick can use:"), wxs(path)), detail,
                   exit_code::invalid_input);
        return false;
    }
    // A file is not a saved scenario of this organisation until it is saved here.
    name_.clear();
    modified_ = true;
    set_scenario(*sc);
    show_name();
    host_.set_status(wxString::Format(_("Read %s; save it to keep it with this organisation."), wxs(path)));
    return true;
}

bool RoadmapPage::export_scenario(const std::string& path) {
    build();
    RoadmapScenario sc = editor_->scenario();
    // A file names its scenario: the saved name, else one from today's date.
    if (sc.name.empty()) sc.name = name_.empty() ? "Roadmap scenario, " + today_iso_date() : name_;
    if (sc.created.empty()) sc.created = today_iso_date();
    // Not over the assumptions, nor the open database.
    OutputCheck check = check_outputs({{{"The scenario file", path}}, {{"the assumptions", assumptions_file_}}, host_.session().path()});
    if (!check.ok()) {
        show_error(this, _("Scenario not written"), _("The file would replace one Yardstick is using."), wxs(check.message),
                   exit_code::usage);
        return false;
    }
    std::string error;
    if (!write_file_atomic(path, scenario_json(sc).dump(2) + "\n", error)) {
        show_error(this, _("Scenario not written"), _("The file could not be written."), wxs(error), exit_code::output_failed);
        return false;
    }
    host_.set_status(wxString::Format(_("Wrote %s."), wxs(path)));
    return true;
}

void RoadmapPage::bind_scenario_buttons() {
    // Unsaved changes are lost only when the user says so.
    auto may_discard = [this] {
        if (!modified_) return true;
        return ask(this, _("Scenario not saved"), _("The scenario shown has changes that are not saved. Leave them?"),
                   {_("Leave them"), _("Cancel")}) == 0;
    };
    new_->Bind(wxEVT_BUTTON, [this, may_discard](wxCommandEvent&) {
        if (!may_discard()) return;
        name_.clear();
        modified_ = false;
        show_name();
        RoadmapScenario fresh;
        fresh.start = next_financial_year_start(today_iso_date());
        set_scenario(fresh);
    });
    open_->Bind(wxEVT_BUTTON, [this, may_discard](wxCommandEvent&) {
        std::vector<std::string> names = saved_scenarios();
        if (names.empty()) {
            show_info(this, _("Open scenario"), _("This organisation has no saved scenarios yet: Save as keeps the one shown."));
            return;
        }
        if (!may_discard()) return;
        int i = choose(this, _("Open scenario"), _("A scenario saved for this organisation:"), names, name_);
        if (i >= 0) open_scenario(names[static_cast<std::size_t>(i)]);
    });
    save_as_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string suggestion = name_.empty() ? editor_->scenario().name : name_;
        auto name = ask_name(this, _("Save scenario as"), _("Scenarios are kept with this organisation, under a name of your choosing."),
                             suggestion);
        if (!name) return;
        std::vector<std::string> names = saved_scenarios();
        bool exists = std::find(names.begin(), names.end(), *name) != names.end();
        if (exists && ask(this, _("Save scenario as"),
                          wxString::Format(_("This organisation already has a scenario \u201c%s\u201d. Replace it?"), wxs(*name)),
                          {_("Replace"), _("Cancel")}) != 0)
            return;
        save_scenario_as(*name, exists);
    });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (name_.empty()) {
            wxCommandEvent e(wxEVT_BUTTON, save_as_->GetId());
            e.SetEventObject(save_as_);
            save_as_->GetEventHandler()->ProcessEvent(e);
            return;
        }
        save_scenario_as(name_, true);
    });
    rename_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::vector<std::string> names = saved_scenarios();
        if (names.empty()) return show_info(this, _("Rename scenario"), _("This organisation has no saved scenarios."));
        int i = choose(this, _("Rename scenario"), _("The scenario to rename:"), names, name_);
        if (i < 0) return;
        const std::string from = names[static_cast<std::size_t>(i)];
        if (auto to = ask_name(this, _("Rename scenario"), wxString::Format(_("A new name for \u201c%s\u201d:"), wxs(from)), from))
            if (*to != from) rename_scenario(from, *to);
    });
    delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::vector<std::string> names = saved_scenarios();
        if (names.empty()) return show_info(this, _("Delete scenario"), _("This organisation has no saved scenarios."));
        int i = choose(this, _("Delete scenario"), _("The scenario to delete:"), names, name_);
        if (i < 0) return;
        const std::string name = names[static_cast<std::size_t>(i)];
        if (ask(this, _("Delete scenario"), wxString::Format(_("Delete the scenario \u201c%s\u201d? This cannot be undone."), wxs(name)),
                {_("Delete"), _("Cancel")}) == 0)
            delete_scenario(name);
    });
    compare_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::vector<std::string> names = saved_scenarios();
        if (names.size() < 2) {
            show_info(this, _("Compare scenarios"), _("Save two or more scenarios for this organisation to compare them."));
            return;
        }
        if (auto picked = ask_scenarios_to_compare(this, names))
            if (auto sums = compare(*picked)) show_comparison(this, *sums);
    });
    import_->Bind(wxEVT_BUTTON, [this, may_discard](wxCommandEvent&) {
        if (!may_discard()) return;
        wxFileDialog dlg(this, _("Import a scenario file"), wxStandardPaths::Get().GetDocumentsDir(), wxEmptyString,
                         _("Scenarios (*.json)|*.json|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dlg.ShowModal() == wxID_OK) import_scenario(path_u8(dlg.GetPath()));
    });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string stem = slug(name_.empty() ? editor_->scenario().name : name_);
        wxFileDialog dlg(this, _("Export the scenario to a file"), wxStandardPaths::Get().GetDocumentsDir(),
                         wxs((stem.empty() ? std::string("roadmap-scenario") : stem) + ".json"), _("Scenarios (*.json)|*.json"),
                         wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() == wxID_OK) export_scenario(path_u8(dlg.GetPath()));
    });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Skip();
        const bool store = host_.session().is_open() && !org_.empty();
        for (auto* b : {open_, save_, save_as_, rename_, delete_, compare_}) b->Enable(store);
    });
}

std::vector<std::string> RoadmapPage::unsaved_organisations() const {
    std::vector<std::string> out;
    if (modified_ && !scenario_org_.empty()) out.push_back(scenario_org_);
    const std::string prefix = scenario_db_ + '\n';
    for (const auto& [key, draft] : drafts_)
        if (draft.modified && key.compare(0, prefix.size(), prefix) == 0 && key.substr(prefix.size()) != scenario_org_)
            out.push_back(key.substr(prefix.size()));
    return out;
}

bool RoadmapPage::may_close() {
    std::vector<std::string> orgs = unsaved_organisations();
    if (orgs.empty()) return true;
    wxString names;
    Session& s = host_.session();
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        std::string name = orgs[i];
        if (s.is_open())
            guarded(this, s.path(), _("The organisations could not be read."), [&] {
                if (auto o = store::find_organisation(s.db(), orgs[i])) name = o->name;
            });
        names += (i == 0 ? wxString() : i + 1 == orgs.size() ? _(" and ") : wxString(wxS(", "))) + wxs(name);
    }
    const wxString text = wxString::Format(
        orgs.size() == 1 ? _("The roadmap scenario of %s has changes that are not saved. Quit without them?")
                         : _("The roadmap scenarios of %s have changes that are not saved. Quit without them?"),
        names);
    return ask(this, _("Scenario not saved"), text, {_("Quit without saving")}) == 0;
}

}  // namespace ys::gui
