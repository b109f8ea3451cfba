#include "delete_actions.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <wx/choice.h>
#include <wx/menu.h>

#include "assessments_page.h"
#include "delete_commands.h"
#include "display_names.h"
#include "dialogs.h"
#include "guard.h"
#include "host.h"
#include "main_frame.h"
#include "messages.h"
#include "money_text.h"
#include "peer_groups_dialog.h"
#include "session.h"
#include "snapshots.h"

namespace ys::gui {

namespace {

wxString count(long long n, const char* singular, const char* plural) { return wxs(count_of(n, singular, plural)); }

std::string org_name(store::Connection& c, const std::string& id) {
    auto o = store::find_organisation(c, id);
    return o && !o->name.empty() ? o->name : id;
}

// "2026 (Full assessment)": how a round is named to the user.
wxString round_words(const store::LoadedRound& r) {
    return period_name(r.record.period) + wxS(" (") + wxs(r.questionnaire ? r.questionnaire->title : r.record.questionnaire_id) + wxS(")");
}

}  // namespace

wxString round_delete_question(Host& host, const std::string& round) {
    Session& s = host.session();
    wxString text;
    guarded(host.window(), s.path(), _("The round could not be read."), [&] {
        store::LoadedRound r = store::load_round(s.db(), round);
        const long long answers = r.record.answers, people = r.record.respondents;
        text = wxString::Format(_("Delete the round %s of %s"), round_words(r), wxs(org_name(s.db(), r.record.organisation)));
        if (people == 0) text += _(", which has no answers yet?");
        else
            text += wxString::Format(_(", with its %s from %s?"), count(answers, "answer", "answers"),
                                     count(people, "respondent", "respondents"));
        text += wxS(" ") + _("Its invitation list, forms and action plan go with it. Edit > Undo puts it all back.");
    });
    return text;
}

bool delete_round(Host& host, wxWindow* parent, const std::string& round) {
    if (round.empty() || !host.session().is_open()) return false;
    wxString question = round_delete_question(host, round);
    if (question.empty()) return false;  // not read: the reason was shown
    if (ask(parent, _("Delete round"), question, {_("Delete round")}) != 0) return false;
    wxString label;
    guarded(parent, host.session().path(), _("The round could not be read."), [&] {
        label = wxString::Format(_("Delete round %s"), round_words(store::load_round(host.session().db(), round)));
    });
    if (!host.commands().Submit(new DeleteRoundCommand(host, round, label))) return false;
    host.set_status(_("Round deleted; Edit > Undo puts it back."));
    return true;
}

bool delete_respondent(Host& host, wxWindow* parent, const std::string& round) {
    Session& s = host.session();
    if (round.empty() || !s.is_open()) return false;
    std::optional<store::LoadedRound> r;
    if (!guarded(parent, s.path(), _("The respondents could not be read."), [&] { r = store::load_round(s.db(), round); })) return false;
    const auto& people = r->answers.respondents;
    if (people.empty()) {
        show_info(parent, _("Delete respondent"), _("This round has no respondents yet."));
        return false;
    }
    auto role_of = [&](const Respondent& p) -> wxString {
        if (p.role < 0 || !r->questionnaire || p.role >= static_cast<int>(r->questionnaire->roles.size())) return {};
        return wxs(r->questionnaire->roles[static_cast<std::size_t>(p.role)].name);
    };
    auto who = [&](const Respondent& p) { return p.name.empty() ? wxs(p.id) : wxs(p.name); };
    wxArrayString names;
    for (const auto& p : people) {
        wxString role = role_of(p);
        names.push_back(who(p) + (role.empty() ? wxString() : wxS(", ") + role) + wxS(" \u2013 ") +
                        count(static_cast<long long>(p.answers.size()), "answer", "answers"));
    }
    FormDialog dlg(parent, _("Delete respondent"),
                   wxString::Format(_("Whose answers to take out of the round %s:"), round_words(*r)));
    auto* which = dlg.add_choice(_("Respondent:"), names, 0);
    dlg.finish();
    if (!dlg.run() || which->GetSelection() < 0) return false;
    const Respondent& p = people[static_cast<std::size_t>(which->GetSelection())];
    wxString question = wxString::Format(_("Delete %s and their %s from the round %s? Edit > Undo puts them back."), who(p),
                                         count(static_cast<long long>(p.answers.size()), "answer", "answers"), round_words(*r));
    if (ask(parent, _("Delete respondent"), question, {_("Delete respondent")}) != 0) return false;
    if (!host.commands().Submit(new DeleteRespondentCommand(host, round, p.id, wxString::Format(_("Delete respondent %s"), who(p)))))
        return false;
    host.set_status(_("Respondent deleted; Edit > Undo puts them back."));
    return true;
}

bool delete_organisation(Host& host, wxWindow* parent, const std::string& id) {
    Session& s = host.session();
    if (id.empty() || !s.is_open()) return false;
    std::optional<store::OrganisationSnapshot> what;
    // Read as the delete would copy it: one with organisations under it is refused here, in the store's words.
    if (!guarded(parent, s.path(), _("The organisation was not deleted."), [&] { what = store::snapshot_organisation(s.db(), id); }))
        return false;
    const wxString name = wxs(what->record.name.empty() ? id : what->record.name);
    wxString text = wxString::Format(_("Delete %s"), name);
    std::vector<wxString> held;
    if (!what->rounds.empty())
        held.push_back(count(static_cast<long long>(what->rounds.size()), "round", "rounds") + wxS(" (") +
                       count(what->answers, "answer", "answers") + _(" from ") + count(what->respondents, "respondent", "respondents") +
                       wxS(")"));
    if (what->scenarios) held.push_back(count(what->scenarios, "saved roadmap scenario", "saved roadmap scenarios"));
    if (what->targets) held.push_back(count(what->targets, "target", "targets"));
    if (held.empty()) text += _(", which holds nothing yet?");
    else {
        text += _(" with its ");
        for (std::size_t i = 0; i < held.size(); ++i)
            text += (i == 0 ? wxString() : i + 1 == held.size() ? _(" and ") : wxString(wxS(", "))) + held[i];
        text += wxS("?");
    }
    text += wxS(" ") + _("Edit > Undo puts it all back.");
    if (ask(parent, _("Delete organisation"), text, {_("Delete organisation")}) != 0) return false;
    if (!host.commands().Submit(new DeleteOrganisationCommand(host, id, wxString::Format(_("Delete organisation %s"), name))))
        return false;
    host.set_status(wxString::Format(_("%s deleted; Edit > Undo puts it back."), name));
    return true;
}

void add_kept_work_menus(MainFrame& frame, wxMenu* edit, wxMenu* organisation) {
    const int round_id = wxWindow::NewControlId(), respondent_id = wxWindow::NewControlId();
    const int org_id = wxWindow::NewControlId(), groups_id = wxWindow::NewControlId();
    // Placed after "Who has answered", before the separator and Preferences.
    size_t at = edit->GetMenuItemCount() >= 2 ? edit->GetMenuItemCount() - 2 : edit->GetMenuItemCount();
    edit->Insert(at++, round_id, _("&Delete round\u2026"), _("Delete the selected round with its answers (Edit > Undo puts it back)"));
    edit->Insert(at, respondent_id, _("Delete res&pondent\u2026"), _("Take one respondent and their answers out of the selected round"));
    organisation->AppendSeparator();
    organisation->Append(org_id, _("&Delete organisation\u2026"), _("Delete the selected organisation with everything it holds (Edit > Undo puts it back)"));
    organisation->AppendSeparator();
    organisation->Append(groups_id, _("&Peer groups\u2026"), _("Create, rename, fill and delete the groups organisations are compared in"));

    MainFrame* f = &frame;
    frame.Bind(wxEVT_MENU, [f](wxCommandEvent&) { delete_round(*f, f, f->assessments()->selected_round()); }, round_id);
    frame.Bind(wxEVT_MENU, [f](wxCommandEvent&) { delete_respondent(*f, f, f->assessments()->selected_round()); }, respondent_id);
    frame.Bind(wxEVT_MENU, [f](wxCommandEvent&) { delete_organisation(*f, f, f->selected_organisation()); }, org_id);
    frame.Bind(wxEVT_MENU, [f](wxCommandEvent&) { show_peer_groups(*f, f); }, groups_id);
    auto round_chosen = [f](wxUpdateUIEvent& e) { e.Enable(f->session().is_open() && !f->assessments()->selected_round().empty()); };
    frame.Bind(wxEVT_UPDATE_UI, round_chosen, round_id);
    frame.Bind(wxEVT_UPDATE_UI, round_chosen, respondent_id);
    frame.Bind(wxEVT_UPDATE_UI, [f](wxUpdateUIEvent& e) { e.Enable(f->session().is_open() && !f->selected_organisation().empty()); }, org_id);
    frame.Bind(wxEVT_UPDATE_UI, [f](wxUpdateUIEvent& e) { e.Enable(f->session().is_open()); }, groups_id);
}

}  // namespace ys::gui
