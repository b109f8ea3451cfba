#include "roadmap_words.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <cstdlib>
#include <map>
#include <vector>

#include "money_text.h"
#include "number_format.h"

namespace ys::gui {
namespace {

wxArrayString list(std::initializer_list<const char*> items) {
    wxArrayString out;
    for (const char* s : items) out.push_back(wxGetTranslation(wxString::FromUTF8(s)));
    return out;
}

// "/posts/1/start" -> {"posts", "1", "start"}
std::vector<std::string> split_pointer(const std::string& p) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < p.size()) {
        if (p[i] == '/') ++i;
        std::size_t j = p.find('/', i);
        if (j == std::string::npos) j = p.size();
        parts.push_back(p.substr(i, j - i));
        i = j;
    }
    return parts;
}

bool index_of(const std::string& s, std::size_t& out) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = static_cast<std::size_t>(std::strtoul(s.c_str(), nullptr, 10));
    return true;
}

wxString field_words(const std::string& key) {
    static const std::map<std::string, const char*> words = {
        {"name", "name"}, {"id", "name used in the file"}, {"role", "role"}, {"fte", "FTE"}, {"salary", "salary"},
        {"headcount", "number of posts"}, {"route", "route"}, {"shared_with", "councils sharing"},
        {"grown_from", "the team post it grows from"}, {"start", "start date"}, {"end", "end date"},
        {"age", "apprentice's age"}, {"note", "note"}, {"responsibility", "responsibility"}, {"how", "how"},
        {"category", "category"}, {"amount", "amount"}, {"recurring", "one-off or recurring"}, {"uplift", "inflation uplift"},
        {"horizon_years", "horizon"}, {"departments", "departments"}, {"structure", "structure"},
        {"london_area", "London area"}, {"levy_payer", "apprenticeship levy"}, {"inflation", "inflation"},
        {"inflation_basis", "basis for the inflation rate"}, {"propose", "proposals by Yardstick"},
        {"prefer_apprenticeships", "apprenticeships preferred"}, {"format", "format"}, {"description", "description"},
        {"created", "date written"}, {"share_proposals", "roles to share"}};
    auto it = words.find(key);
    return it != words.end() ? _(it->second) : wxs(key);
}

}  // namespace

wxArrayString route_choices() {
    return list({"New post", "Apprenticeship", "Shared with other councils", "Grown from a post in the team"});
}
wxArrayString salary_choices() {
    return list({"Band (low, mid and high)", "Low point of the band", "Mid point of the band", "High point of the band",
                 "Exact salary"});
}
wxArrayString age_choices() { return list({"Not known", "16 to 18", "19 to 21", "22 to 24", "25 or over"}); }
wxArrayString category_choices() {
    wxArrayString out;
    for (CostCategory c : {CostCategory::ProgrammeManagement, CostCategory::Evaluation, CostCategory::Training,
                           CostCategory::Software, CostCategory::Recruitment, CostCategory::Other})
        out.push_back(wxs(category_name(c)));
    return out;
}
wxArrayString structure_choices() { return list({"Centralised", "Hub and spoke", "Decentralised"}); }
wxArrayString london_choices() {
    return list({"From the organisation", "No London weighting", "Inner London", "Outer London", "London fringe"});
}

wxString role_title(const RoleCatalogue* roles, const std::string& id) {
    const Role* r = roles ? roles->find(id) : nullptr;
    return wxs(r ? r->title : id);
}

wxString responsibility_name(const Framework* fw, const std::string& id) {
    const Responsibility* r = fw ? fw->find_responsibility(id) : nullptr;
    return wxs(r ? r->name : id);
}

wxString salary_words(const SalaryChoice& s) {
    switch (s.point) {
        case SalaryPoint::Band: return _("Band");
        case SalaryPoint::Low: return _("Low point");
        case SalaryPoint::Mid: return _("Mid point");
        case SalaryPoint::High: return _("High point");
        case SalaryPoint::Exact: return wxs(money_words(s.exact));
    }
    return {};
}

wxString team_post_label(const RoleCatalogue* roles, const TeamPost& t) {
    return t.name.empty() ? role_title(roles, t.role) : wxs(t.name);
}

wxString planned_post_label(const RoleCatalogue* roles, const PlannedPost& p) {
    return p.name.empty() ? role_title(roles, p.role) : wxs(p.name);
}

wxString route_words(const RoleCatalogue* roles, const RoadmapScenario& s, const PlannedPost& p) {
    switch (p.route) {
        case PostRoute::NewPost: return _("New post");
        case PostRoute::Apprenticeship: {
            wxString age = p.age == AgeBand::Unknown ? wxString() : wxS(" (") + age_choices()[static_cast<int>(p.age)] + wxS(")");
            return _("Apprenticeship") + age;
        }
        case PostRoute::Shared: return wxString::Format(_("Shared with %d councils"), p.shared_with);
        case PostRoute::GrownFrom: {
            const TeamPost* t = s.find_team_post(p.grown_from);
            return _("Grown from ") + (t ? team_post_label(roles, *t) : wxs(p.grown_from));
        }
    }
    return {};
}

wxString cost_when_words(const CostLine& c) {
    wxString start = c.start.empty() ? _("the start") : wxs(c.start);
    wxString text;
    if (!c.recurring) text = wxString::Format(_("once, on %s"), start);
    else text = wxString::Format(_("a year, %s to %s"), start, c.end.empty() ? _("the end") : wxs(c.end));
    if (c.uplift) text += _(", with inflation");
    return text;
}

wxString scenario_place(const RoadmapScenario* s, const RoleCatalogue* roles, const std::string& pointer) {
    auto parts = split_pointer(pointer);
    if (parts.empty()) return _("The scenario");
    std::size_t i = 0;
    const std::string& list_key = parts[0];
    wxString where;
    if (parts.size() >= 2 && index_of(parts[1], i)) {
        wxString n = wxString::Format(wxS(" %zu"), i + 1);
        if (list_key == "team") {
            where = _("Team post") + n;
            if (s && i < s->team.size()) where += wxS(" (") + team_post_label(roles, s->team[i]) + wxS(")");
        } else if (list_key == "posts") {
            where = _("Planned post") + n;
            if (s && i < s->posts.size()) where += wxS(" (") + planned_post_label(roles, s->posts[i]) + wxS(")");
        } else if (list_key == "costs") {
            where = _("Cost line") + n;
            if (s && i < s->costs.size() && !s->costs[i].name.empty()) where += wxS(" (") + wxs(s->costs[i].name) + wxS(")");
        } else if (list_key == "covered") {
            where = _("Responsibility covered some other way") + n;
        } else if (list_key == "share_proposals") {
            where = _("Role to share") + n;
        } else {
            where = field_words(list_key) + n;
        }
        if (parts.size() >= 3) where += wxS(", ") + field_words(parts[2]);
        return where;
    }
    where = field_words(list_key);
    if (!where.empty()) where[0] = wxToupper(where[0]);
    return where;
}

wxString scenario_problem(const RoadmapScenario* s, const RoleCatalogue* roles, const Diagnostic& d) {
    if (d.is_summary()) return wxs(d.message);
    // A syntax error's place is "line:column", which is words enough.
    if (!d.where.empty() && d.where[0] != '/') return wxString::Format(_("Line and column %s: "), wxs(d.where)) + wxs(d.message);
    return scenario_place(s, roles, d.where) + wxS(": ") + wxs(d.message);
}

std::string unique_line_id(const RoadmapScenario& s, const std::string& base) {
    auto used = [&](const std::string& id) {
        for (const auto& t : s.team)
            if (t.id == id) return true;
        for (const auto& p : s.posts)
            if (p.id == id) return true;
        for (const auto& c : s.costs)
            if (c.id == id) return true;
        return false;
    };
    const std::string stem = base.empty() ? std::string("line") : base;
    if (!used(stem)) return stem;
    for (int n = 2;; ++n)
        if (!used(stem + "-" + std::to_string(n))) return stem + "-" + std::to_string(n);
}

}  // namespace ys::gui
