#include "roadmap_forms.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <cctype>
#include <vector>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "dialogs.h"
#include "date_field.h"
#include "money_text.h"
#include "roadmap_words.h"
#include "targets.h"

namespace ys::gui {
namespace {

std::string trimmed(const wxString& s) { return u8(wxString(s).Strip(wxString::both)); }

// Role titles of the catalogue that pass `keep`, for "roles with one: ..." hints.
wxString titles(const RoleCatalogue& roles, bool (*keep)(const Role&)) {
    wxString out;
    for (const auto& r : roles.roles)
        if (keep(r)) out += (out.empty() ? wxString() : wxS(", ")) + wxs(r.title);
    return out.empty() ? _("none") : out;
}

wxString salary_problem(const SalaryChoice& s) {
    if (s.point == SalaryPoint::Exact && !(s.exact > 0))
        return _("Exact salary: give the salary in pounds a year, more than \u00a30, or choose a point of the band.");
    return {};
}

// The salary controls of a form: a choice of point and the exact figure, enabled with "Exact".
struct SalaryFields {
    wxChoice* point;
    wxSpinCtrlDouble* exact;
    SalaryChoice value() const {
        SalaryChoice s;
        s.point = static_cast<SalaryPoint>(std::max(0, point->GetSelection()));
        s.exact = s.point == SalaryPoint::Exact ? exact->GetValue() : 0;
        return s;
    }
};

SalaryFields add_salary(FormDialog& dlg, const SalaryChoice& initial) {
    SalaryFields f{dlg.add_choice(_("Salary:"), salary_choices(), static_cast<int>(initial.point)),
                   dlg.add_number(_("Exact salary (\u00a3 a year):"), initial.exact, 0, 1000000, 1)};
    f.point->SetToolTip(_("The role's band gives the low, mid and high columns; a point or an exact salary is used in every column"));
    f.exact->Enable(initial.point == SalaryPoint::Exact);
    auto exact = f.exact;
    auto point = f.point;
    f.point->Bind(wxEVT_CHOICE, [exact, point](wxCommandEvent&) {
        exact->Enable(point->GetSelection() == static_cast<int>(SalaryPoint::Exact));
    });
    return f;
}

wxArrayString role_titles(const RoleCatalogue& roles) {
    wxArrayString out;
    for (const auto& r : roles.roles) out.push_back(wxs(r.title));
    return out;
}

int role_index(const RoleCatalogue& roles, const std::string& id) {
    for (std::size_t i = 0; i < roles.roles.size(); ++i)
        if (roles.roles[i].id == id) return static_cast<int>(i);
    return 0;
}

}  // namespace

std::string slug(const std::string& label) {
    std::string s;
    for (char ch : label) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 128) s += static_cast<char>(std::tolower(c));
        else if (!s.empty() && s.back() != '-') s += '-';
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
    return s;
}

wxString check_date(const wxString& label, const std::string& value, bool optional) {
    if (value.empty()) return optional ? wxString() : label + _(": give a date as YYYY-MM-DD, such as 2026-04-01.");
    if (!is_iso_date(value))
        return label + wxString::Format(_(": \u201c%s\u201d is not a date; write it as YYYY-MM-DD, such as 2026-04-01."), wxs(value));
    return {};
}

FieldProblem check_team_post(const TeamPost& t, const RoleCatalogue& roles) {
    if (!roles.find(t.role)) return {"role", _("Role: choose one of the catalogue's roles.")};
    if (!(t.fte > 0)) return {"fte", _("FTE: the post's hours as a share of full time, more than 0 (1 is full time).")};
    if (wxString p = salary_problem(t.salary); !p.empty()) return {"salary", p};
    return {};
}

FieldProblem check_planned_post(const PlannedPost& p, const RoleCatalogue& roles, const RoadmapScenario& s) {
    const Role* r = roles.find(p.role);
    if (!r) return {"role", _("Role: choose one of the catalogue's roles.")};
    if (p.headcount < 1 || p.headcount > 10000) return {"headcount", _("Number of posts: from 1 to 10,000.")};
    if (!(p.fte > 0) || p.fte > 1) return {"fte", _("FTE of each post: more than 0 and at most 1 (1 is full time).")};
    switch (p.route) {
        case PostRoute::NewPost: break;
        case PostRoute::Apprenticeship:
            if (!r->apprenticeship)
                return {"route", wxString::Format(_("Route: there is no apprenticeship for %s. Roles with one: %s."), wxs(r->title),
                                                  titles(roles, [](const Role& x) { return x.apprenticeship.has_value(); }))};
            break;
        case PostRoute::Shared:
            if (!r->shareable)
                return {"route", wxString::Format(_("Route: %s is not a role councils share. Roles that can be shared: %s."),
                                                  wxs(r->title), titles(roles, [](const Role& x) { return x.shareable; }))};
            if (p.shared_with < 2 || p.shared_with > 100)
                return {"shared_with", _("Councils sharing: from 2 to 100, this council included.")};
            break;
        case PostRoute::GrownFrom: {
            const TeamPost* from = s.find_team_post(p.grown_from);
            if (!from) return {"grown_from", _("Grown from: choose the post in the team whose holder moves into this post (add the team first).")};
            if (from->role == p.role)
                return {"grown_from", wxString::Format(_("Grown from: %s is already a %s; growing into the same role adds nothing."),
                                                       team_post_label(&roles, *from), wxs(r->title))};
            for (const auto& other : s.posts)
                if (other.id != p.id && other.route == PostRoute::GrownFrom && other.grown_from == p.grown_from)
                    return {"grown_from", wxString::Format(_("Grown from: %s already grows into %s; a post can grow into one role only."),
                                                           team_post_label(&roles, *from), planned_post_label(&roles, other))};
            if (p.headcount != 1) return {"headcount", _("Number of posts: a post grown from one in the team is one post.")};
            break;
        }
    }
    if (wxString d = check_date(_("Start date"), p.start, true); !d.empty()) return {"start", d};
    if (wxString sp = salary_problem(p.salary); !sp.empty()) return {"salary", sp};
    return {};
}

FieldProblem check_cost_line(const CostLine& c) {
    if (c.name.empty()) return {"name", _("Name: say what the cost is for, such as \u201cProgramme administration\u201d.")};
    if (!(c.amount > 0)) return {"amount", _("Amount: the cost in pounds, more than \u00a30 (a year when it recurs).")};
    if (wxString d = check_date(_("Start date"), c.start, true); !d.empty()) return {"start", d};
    if (wxString d = check_date(_("End date"), c.end, true); !d.empty()) return {"end", d};
    if (!c.end.empty() && !c.recurring) return {"end", _("End date: only a recurring cost has one; leave it empty for a one-off cost.")};
    if (!c.end.empty() && !c.start.empty() && c.end < c.start) return {"end", _("End date: on or after the start date.")};
    return {};
}

FieldProblem check_plan_settings(const RoadmapScenario& s) {
    if (wxString d = check_date(_("Year 1 starts"), s.start, false); !d.empty()) return {"start", d};
    if (s.inflation < 0 || s.inflation > 1) return {"inflation", _("Inflation: a rate from 0% to 100% a year.")};
    if (s.inflation > 0 && s.inflation_basis.empty())
        return {"inflation_basis", _("Basis for inflation: say where the rate comes from (such as \u201cCPI forecast, OBR March 2026\u201d), or set inflation to 0.")};
    return {};
}

std::optional<TeamPost> ask_team_post(wxWindow* parent, const RoleCatalogue& roles, const TeamPost& initial) {
    FormDialog dlg(parent, initial.id.empty() ? _("Add a post in the team") : _("Edit a post in the team"),
                   _("A post the council has now. Its work counts towards the cover first; its cost is shown for "
                     "information and is not new spend."));
    auto* role = dlg.add_choice(_("Role:"), role_titles(roles), role_index(roles, initial.role));
    auto* name = dlg.add_text(_("Name (optional):"), wxs(initial.name), _("Housing performance analyst"));
    auto* fte = dlg.add_number(_("FTE:"), initial.fte, 0.01, 500, 0.1);
    fte->SetToolTip(_("All the FTE held in this role by these posts (1 is one full-time post)"));
    SalaryFields salary = add_salary(dlg, initial.salary);
    auto read = [&] {
        TeamPost t = initial;
        t.role = role->GetSelection() >= 0 ? roles.roles[static_cast<std::size_t>(role->GetSelection())].id : std::string();
        t.name = trimmed(name->GetValue());
        t.fte = fte->GetValue();
        t.salary = salary.value();
        return t;
    };
    dlg.set_check([&]() -> FormDialog::Problem {
        FieldProblem p = check_team_post(read(), roles);
        wxWindow* at = p.field == "fte" ? static_cast<wxWindow*>(fte) : p.field == "salary" ? static_cast<wxWindow*>(salary.exact) : role;
        return {at, p.text};
    });
    dlg.finish();
    if (!dlg.run()) return std::nullopt;
    return read();
}

std::optional<PlannedPost> ask_planned_post(wxWindow* parent, const RoleCatalogue& roles, const RoadmapScenario& s,
                                            const PlannedPost& initial) {
    FormDialog dlg(parent, initial.id.empty() ? _("Plan a post") : _("Edit a planned post"),
                   _("Posts the council plans, costed exactly as entered: two apprentices cost two apprenticeships. "
                     "Leave the start date empty for the first day of the plan."));
    auto* role = dlg.add_choice(_("Role:"), role_titles(roles), role_index(roles, initial.role));
    auto* name = dlg.add_text(_("Name (optional):"), wxs(initial.name), _("Data analyst, adult social care"));
    auto* headcount = dlg.add_integer(_("Number of posts:"), initial.headcount, 1, 10000);
    auto* fte = dlg.add_number(_("FTE of each post:"), initial.fte, 0.01, 1, 0.1);
    auto* route = dlg.add_choice(_("Route:"), route_choices(), static_cast<int>(initial.route));
    auto* shared = dlg.add_integer(_("Councils sharing:"), std::max(2, initial.shared_with), 2, 100);
    shared->SetToolTip(_("Councils sharing each post, this one included: this council pays, and gets the time of, its share"));
    wxArrayString team;
    int team_sel = 0;
    for (std::size_t i = 0; i < s.team.size(); ++i) {
        team.push_back(team_post_label(&roles, s.team[i]) + wxS(" (") + role_title(&roles, s.team[i].role) + wxS(")"));
        if (s.team[i].id == initial.grown_from) team_sel = static_cast<int>(i);
    }
    auto* grown = dlg.add_choice(_("Grown from:"), team, team.empty() ? -1 : team_sel);
    grown->SetToolTip(_("The post in the team whose holder is trained into this one: only the rise in pay is new money"));
    auto* start = dlg.add_date(_("Start date:"), initial.start, true);
    start->SetToolTip(_("Empty: the plan's start"));
    SalaryFields salary = add_salary(dlg, initial.salary);
    auto* age = dlg.add_choice(_("Apprentice's age:"), age_choices(), static_cast<int>(initial.age));
    age->SetToolTip(_("The apprentice's age on the start date: it decides National Insurance relief and funding"));
    auto enable = [route, shared, grown, age, headcount] {
        int r = route->GetSelection();
        shared->Enable(r == static_cast<int>(PostRoute::Shared));
        grown->Enable(r == static_cast<int>(PostRoute::GrownFrom) && grown->GetCount() > 0);
        age->Enable(r == static_cast<int>(PostRoute::Apprenticeship));
        if (r == static_cast<int>(PostRoute::GrownFrom)) headcount->SetValue(1);
        headcount->Enable(r != static_cast<int>(PostRoute::GrownFrom));
    };
    route->Bind(wxEVT_CHOICE, [enable](wxCommandEvent&) { enable(); });
    enable();
    auto read = [&] {
        PlannedPost p = initial;
        p.role = role->GetSelection() >= 0 ? roles.roles[static_cast<std::size_t>(role->GetSelection())].id : std::string();
        p.name = trimmed(name->GetValue());
        p.headcount = headcount->GetValue();
        p.fte = fte->GetValue();
        p.route = static_cast<PostRoute>(std::max(0, route->GetSelection()));
        p.shared_with = p.route == PostRoute::Shared ? shared->GetValue() : 0;
        p.grown_from = p.route == PostRoute::GrownFrom && grown->GetSelection() >= 0
                           ? s.team[static_cast<std::size_t>(grown->GetSelection())].id
                           : std::string();
        p.start = start->iso().value_or(trimmed(start->GetValue()));
        p.salary = salary.value();
        p.age = p.route == PostRoute::Apprenticeship ? static_cast<AgeBand>(std::max(0, age->GetSelection())) : AgeBand::Unknown;
        return p;
    };
    dlg.set_check([&]() -> FormDialog::Problem {
        FieldProblem p = check_planned_post(read(), roles, s);
        wxWindow* at = role;
        if (p.field == "headcount") at = headcount;
        else if (p.field == "fte") at = fte;
        else if (p.field == "route") at = route;
        else if (p.field == "shared_with") at = shared;
        else if (p.field == "grown_from") at = grown->IsEnabled() ? static_cast<wxWindow*>(grown) : route;
        else if (p.field == "start") at = start;
        else if (p.field == "salary") at = salary.exact;
        return {at, p.text};
    });
    dlg.finish();
    if (!dlg.run()) return std::nullopt;
    return read();
}

std::optional<CoveredElsewhere> ask_covered(wxWindow* parent, const Framework& fw, const RoadmapScenario& s,
                                            const CoveredElsewhere& initial) {
    std::vector<const Responsibility*> open;
    wxArrayString names;
    int sel = 0;
    for (const auto& r : fw.responsibilities) {
        bool taken = false;
        for (const auto& c : s.covered) taken |= c.responsibility == r.id && r.id != initial.responsibility;
        if (taken) continue;
        if (r.id == initial.responsibility) sel = static_cast<int>(open.size());
        open.push_back(&r);
        names.push_back(wxs(r.name));
    }
    if (open.empty()) return std::nullopt;
    FormDialog dlg(parent, _("A responsibility covered some other way"),
                   _("Carried by someone outside the data roles, such as a partner, a contract or a service's own staff. "
                     "It counts as covered, and Yardstick proposes no post for it."));
    auto* r = dlg.add_choice(_("Responsibility:"), names, sel);
    auto* how = dlg.add_text(_("How (optional):"), wxs(initial.how), _("Provided by the county's shared service"));
    dlg.finish();
    if (!dlg.run() || r->GetSelection() < 0) return std::nullopt;
    return CoveredElsewhere{open[static_cast<std::size_t>(r->GetSelection())]->id, trimmed(how->GetValue())};
}

std::optional<CostLine> ask_cost_line(wxWindow* parent, const CostLine& initial) {
    FormDialog dlg(parent, initial.id.empty() ? _("Add a cost line") : _("Edit a cost line"),
                   _("A cost that is not a post: paid once on its start date, or every year from its start to its end "
                     "(part years by the day). Leave the dates empty for the plan's start and end."));
    auto* name = dlg.add_text(_("Name:"), wxs(initial.name), _("Programme administration"));
    auto* category = dlg.add_choice(_("Category:"), category_choices(), static_cast<int>(initial.category));
    auto* amount = dlg.add_number(_("Amount (\u00a3):"), initial.amount, 0, 100000000, 1);
    wxArrayString kinds;
    kinds.push_back(_("One-off"));
    kinds.push_back(_("Every year"));
    auto* kind = dlg.add_choice(_("Paid:"), kinds, initial.recurring ? 1 : 0);
    auto* start = dlg.add_date(_("Start date:"), initial.start, true);
    start->SetToolTip(_("Empty: the plan's start"));
    auto* end = dlg.add_date(_("End date:"), initial.end, true);
    end->SetToolTip(_("Empty: the plan's end"));
    auto* uplift = dlg.add_check(_("Rises with the plan's inflation from year 2"), initial.uplift);
    auto enable = [kind, end] { end->Enable(kind->GetSelection() == 1); };
    kind->Bind(wxEVT_CHOICE, [enable](wxCommandEvent&) { enable(); });
    enable();
    auto read = [&] {
        CostLine c = initial;
        c.name = trimmed(name->GetValue());
        c.category = static_cast<CostCategory>(std::max(0, category->GetSelection()));
        c.amount = amount->GetValue();
        c.recurring = kind->GetSelection() == 1;
        c.start = start->iso().value_or(trimmed(start->GetValue()));
        c.end = c.recurring ? end->iso().value_or(trimmed(end->GetValue())) : std::string();
        c.uplift = uplift->GetValue();
        return c;
    };
    dlg.set_check([&]() -> FormDialog::Problem {
        FieldProblem p = check_cost_line(read());
        wxWindow* at = name;
        if (p.field == "amount") at = amount;
        else if (p.field == "start") at = start;
        else if (p.field == "end") at = end;
        return {at, p.text};
    });
    dlg.finish();
    if (!dlg.run()) return std::nullopt;
    return read();
}

std::optional<std::pair<std::string, int>> ask_shared_proposal(wxWindow* parent, const RoleCatalogue& roles,
                                                               const std::pair<std::string, int>& initial) {
    std::vector<const Role*> shareable;
    wxArrayString titles_list;
    int sel = 0;
    for (const auto& r : roles.roles)
        if (r.shareable) {
            if (r.id == initial.first) sel = static_cast<int>(shareable.size());
            shareable.push_back(&r);
            titles_list.push_back(wxs(r.title));
        }
    if (shareable.empty()) return std::nullopt;
    FormDialog dlg(parent, _("Share proposed posts"),
                   _("When Yardstick proposes a post of this role, it proposes one shared with other councils: this "
                     "council pays, and gets the time of, its share."));
    auto* role = dlg.add_choice(_("Role:"), titles_list, sel);
    auto* councils = dlg.add_integer(_("Councils sharing:"), std::max(2, initial.second), 2, 100);
    dlg.finish();
    if (!dlg.run() || role->GetSelection() < 0) return std::nullopt;
    return std::make_pair(shareable[static_cast<std::size_t>(role->GetSelection())]->id, councils->GetValue());
}

}  // namespace ys::gui
