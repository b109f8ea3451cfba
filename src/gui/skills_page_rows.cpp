#include "skills_page_rows.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <algorithm>
#include <set>

#include "date_field.h"
#include "display_names.h"
#include "money_text.h"
#include "number_format.h"

namespace ys::gui {
namespace {

wxString money(double pounds) { return wxs(money_words(pounds)); }
wxString level_text(double v) { return wxs(fixed(v, v == static_cast<int>(v) ? 0 : 1)); }

}  // namespace

wxString person_name(const skills::TeamProfile& profile, int person) {
    if (person < 0 || person >= static_cast<int>(profile.people.size())) return {};
    const skills::Person& p = profile.people[static_cast<std::size_t>(person)];
    if (!p.name.empty()) return wxs(p.name);
    if (profile.anonymised) return wxString::Format(_("Person %d"), person + 1);
    return wxString::Format(_("Unnamed respondent %d"), person + 1);
}

wxString role_title(const RoleCatalogue& roles, const std::string& id) {
    if (id.empty()) return {};
    const Role* r = roles.find(id);
    return r ? wxs(r->title) : wxs(id);
}

wxString skill_name(const Framework& skills, int dimension) {
    if (dimension < 0 || dimension >= static_cast<int>(skills.dimensions.size())) return {};
    return wxs(skills.dimensions[static_cast<std::size_t>(dimension)].name);
}

wxString remedy_name(skills::Remedy r) {
    switch (r) {
        case skills::Remedy::OnTheJob: return _("On the job");
        case skills::Remedy::ShortCourse: return _("Short course");
        case skills::Remedy::Apprenticeship: return _("Apprenticeship");
    }
    return {};
}

Heatmap people_heatmap(const Framework& skills, const skills::TeamProfile& profile) {
    Heatmap h;
    h.lo = skills.min_level();
    h.hi = std::max(skills.max_level(), skills.min_level() + 1);
    h.legend_title = _("Level");
    for (int s : profile.skills) h.columns.push_back(skill_name(skills, s));
    for (std::size_t p = 0; p < profile.people.size(); ++p) {
        h.rows.push_back(person_name(profile, static_cast<int>(p)));
        const auto& levels = profile.people[p].levels;
        for (std::size_t s = 0; s < profile.skills.size(); ++s) h.cells.push_back(s < levels.size() ? levels[s] : std::nullopt);
    }
    return h;
}

std::vector<wxString> spread_headings(const Framework& skills) {
    std::vector<wxString> out{_("Skill")};
    for (const Level& l : skills.levels) out.push_back(wxString::Format(wxS("%d %s"), l.value, wxs(l.name)));
    for (const wxString& s : {_("Not assessed"), _("Median"), _("Role needs it"), _("Below role"), _("Below target")}) out.push_back(s);
    return out;
}

TableRows spread_rows(const Framework& skills, const skills::TeamProfile& profile) {
    TableRows rows;
    for (std::size_t s = 0; s < profile.skills.size() && s < profile.spread.size(); ++s) {
        const skills::SkillSpread& sp = profile.spread[s];
        std::vector<wxString> row{skill_name(skills, profile.skills[s])};
        for (std::size_t l = 0; l < skills.levels.size(); ++l)
            row.push_back(l < sp.at_level.size() ? wxString::Format(wxS("%d"), sp.at_level[l]) : wxString(wxS("0")));
        row.push_back(wxString::Format(wxS("%d"), sp.not_assessed));
        row.push_back(sp.median ? level_text(*sp.median) : wxString(wxS("\u2013")));
        row.push_back(wxString::Format(wxS("%d"), sp.need_it));
        row.push_back(wxString::Format(wxS("%d"), sp.below_need));
        row.push_back(wxString::Format(wxS("%d"), sp.below_target));
        rows.push_back(std::move(row));
    }
    return rows;
}

TableRows gap_rows(const Framework& skills, const RoleCatalogue& roles, const skills::TeamProfile& profile) {
    TableRows rows;
    for (const skills::SkillGap& g : profile.gaps) {
        if (g.size() <= 0) continue;
        if (g.person < 0 || g.person >= static_cast<int>(profile.people.size())) continue;
        if (g.skill < 0 || g.skill >= static_cast<int>(profile.skills.size())) continue;
        const skills::Person& p = profile.people[static_cast<std::size_t>(g.person)];
        rows.push_back({person_name(profile, g.person), role_title(roles, p.role),
                        skill_name(skills, profile.skills[static_cast<std::size_t>(g.skill)]),
                        g.assessed ? level_text(g.have) : _("not assessed"), wxString::Format(wxS("%d"), g.need),
                        level_text(g.size()),
                        g.for_target ? _("Target: ") + role_title(roles, p.target_role) : _("Current role")});
    }
    return rows;
}

TableRows plan_rows(const Framework& skills, const skills::TeamProfile& profile, const skills::TrainingPlan& plan) {
    TableRows rows;
    for (const skills::TrainingItem& item : plan.items) {
        wxString closes;
        for (int s : item.skills)
            if (s >= 0 && s < static_cast<int>(profile.skills.size()))
                closes += (closes.empty() ? wxString() : wxString(wxS(", "))) + skill_name(skills, profile.skills[static_cast<std::size_t>(s)]);
        wxString notes;
        if (item.colleague >= 0) notes = wxString::Format(_("Alongside %s."), person_name(profile, item.colleague));
        if (!item.eligible) notes += (notes.empty() ? wxString() : wxString(wxS(" "))) + _("Not funded for this person: the council pays.");
        if (item.assumption) notes += (notes.empty() ? wxString() : wxString(wxS(" "))) + _("Cost or length assumed.");
        for (const auto& n : item.notes) notes += (notes.empty() ? wxString() : wxString(wxS(" "))) + wxs(n);
        rows.push_back({person_name(profile, item.person), wxs(item.what), closes, uk_date(item.start), uk_date(item.end),
                        money(item.cost), money(item.funded), money(item.employer_cost()), notes});
    }
    rows.push_back({_("Total"), count_text(static_cast<long long>(plan.items.size()), _("item"), _("items")), {}, {}, {},
                    money(plan.cost), money(plan.funded), money(plan.cost - plan.funded), {}});
    return rows;
}

TableRows readiness_rows(const RoleCatalogue& roles, const skills::TeamProfile& profile, const skills::TrainingPlan& plan) {
    TableRows rows;
    for (const skills::Readiness& r : plan.readiness)
        rows.push_back({person_name(profile, r.person), role_title(roles, r.role), wxString::Format(wxS("%d"), r.gaps),
                        wxString::Format(wxS("%d"), r.not_assessed), r.ready_now() ? _("Now") : uk_date(r.ready_by)});
    return rows;
}

TableRows need_rows(const skills::TrainingPlan& plan) {
    TableRows rows;
    for (const skills::TrainingNeed& n : plan.summary)
        rows.push_back({wxs(n.what), remedy_name(n.remedy), count_text(n.people, _("person"), _("people")), money(n.cost),
                        money(n.funded), money(n.cost - n.funded)});
    return rows;
}

wxString skills_summary(const skills::TeamProfile& profile, const skills::TrainingPlan& plan) {
    int role_gaps = 0, target_gaps = 0;
    std::set<int> short_people;
    for (const skills::SkillGap& g : profile.gaps) {
        if (g.size() <= 0) continue;
        (g.for_target ? target_gaps : role_gaps)++;
        if (!g.for_target) short_people.insert(g.person);
    }
    wxString text = count_text(static_cast<long long>(profile.people.size()), _("person"), _("people"));
    if (!profile.teams.empty()) text += wxS(" in ") + count_text(static_cast<long long>(profile.teams.size()), _("team"), _("teams"));
    text += wxS(": ") + count_text(role_gaps, _("gap"), _("gaps")) + _(" against their current roles (") +
            count_text(static_cast<long long>(short_people.size()), _("person"), _("people")) + _(" below what their role needs)");
    if (target_gaps > 0) text += wxS(", ") + count_text(target_gaps, _("gap"), _("gaps")) + _(" against target roles");
    text += wxS(". ");
    if (plan.items.empty())
        text += _("No training is needed.");
    else
        text += wxString::Format(_("The training plan has %s costing %s, of which %s is funded and %s falls on the council."),
                                 count_text(static_cast<long long>(plan.items.size()), _("item"), _("items")), money(plan.cost),
                                 money(plan.funded), money(plan.cost - plan.funded));
    for (const auto& n : profile.notes) text += wxS(" ") + wxs(n);
    for (const auto& w : plan.warnings) text += wxS(" ") + wxs(w);
    return text;
}

}  // namespace ys::gui
