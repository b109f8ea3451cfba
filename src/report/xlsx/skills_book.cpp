#include "skills_book.h"

#include "skills_report.h"  // person_label, remedy_words

namespace ys::xlsx {
namespace {

using skills::TeamProfile;

Cell level_cell(const std::optional<double>& v) { return v ? number(*v, Format::score) : blank(); }

std::string role_title(const RoleCatalogue& roles, const std::string& id) {
    if (id.empty()) return "";
    const Role* r = roles.find(id);
    return r ? r->title : id;
}

std::string skill_name(const Framework& fw, const TeamProfile& p, int k) { return fw.dimensions[p.skills[k]].name; }

Sheet people_sheet(const SkillsBookInput& in) {
    const TeamProfile& p = *in.profile;
    Sheet s;
    s.name = "People";
    s.columns = {{"Person"}, {"Team"}, {"Role"}, {"Target role"}};
    for (std::size_t k = 0; k < p.skills.size(); ++k) s.columns.push_back({skill_name(*in.skills, p, static_cast<int>(k))});
    for (std::size_t i = 0; i < p.people.size(); ++i) {
        const skills::Person& pe = p.people[i];
        std::vector<Cell> row = {text(report::person_label(p, static_cast<int>(i))), text(pe.team),
                                 text(role_title(*in.roles, pe.role)), text(role_title(*in.roles, pe.target_role))};
        for (std::size_t k = 0; k < p.skills.size(); ++k) row.push_back(level_cell(k < pe.levels.size() ? pe.levels[k] : std::nullopt));
        s.rows.push_back(std::move(row));
    }
    return s;
}

Sheet spread_sheet(const SkillsBookInput& in) {
    const TeamProfile& p = *in.profile;
    const Framework& fw = *in.skills;
    Sheet s;
    s.name = "Spread";
    s.columns = {{"Skill id"}, {"Skill"}};
    for (const auto& l : fw.levels) s.columns.push_back({"Level " + std::to_string(l.value) + " " + l.name});
    for (const char* h : {"Not assessed", "Median", "Roles need it", "Below role", "Below target"}) s.columns.push_back({h});
    for (std::size_t k = 0; k < p.skills.size() && k < p.spread.size(); ++k) {
        const skills::SkillSpread& sp = p.spread[k];
        std::vector<Cell> row = {text(fw.dimensions[p.skills[k]].id), text(skill_name(fw, p, static_cast<int>(k)))};
        for (const auto& l : fw.levels) {
            std::size_t idx = static_cast<std::size_t>(l.value - fw.min_level());
            row.push_back(number(idx < sp.at_level.size() ? sp.at_level[idx] : 0, Format::integer));
        }
        row.push_back(number(sp.not_assessed, Format::integer));
        row.push_back(level_cell(sp.median));
        row.push_back(number(sp.need_it, Format::integer));
        row.push_back(number(sp.below_need, Format::integer));
        row.push_back(number(sp.below_target, Format::integer));
        s.rows.push_back(std::move(row));
    }
    return s;
}

Sheet gaps_sheet(const SkillsBookInput& in) {
    const TeamProfile& p = *in.profile;
    Sheet s;
    s.name = "Gaps";
    s.columns = {{"Person"}, {"Skill"}, {"Against"}, {"Role"}, {"Has"}, {"Assessed"}, {"Needs"}, {"Gap"}};
    for (const auto& g : p.gaps) {
        if (g.size() <= 0) continue;
        const skills::Person& pe = p.people[g.person];
        s.rows.push_back({text(report::person_label(p, g.person)), text(skill_name(*in.skills, p, g.skill)),
                          text(g.for_target ? "Target role" : "Current role"),
                          text(role_title(*in.roles, g.for_target ? pe.target_role : pe.role)), number(g.have, Format::score),
                          text(g.assessed ? "Yes" : "No"), number(g.need, Format::integer), number(g.size(), Format::score)});
    }
    return s;
}

Sheet readiness_sheet(const SkillsBookInput& in) {
    const TeamProfile& p = *in.profile;
    Sheet s;
    s.name = "Readiness";
    s.columns = {{"Target role"}, {"Person"}, {"Current role"}, {"Gaps"}, {"Not assessed"}, {"Ready"}};
    for (const auto& r : in.plan->readiness) {
        if (r.person < 0 || r.person >= static_cast<int>(p.people.size())) continue;
        s.rows.push_back({text(role_title(*in.roles, r.role)), text(report::person_label(p, r.person)),
                          text(role_title(*in.roles, p.people[r.person].role)), number(r.gaps, Format::integer),
                          number(r.not_assessed, Format::integer), r.ready_now() ? text("Now") : date(r.ready_by)});
    }
    return s;
}

Sheet plan_sheet(const SkillsBookInput& in) {
    const TeamProfile& p = *in.profile;
    Sheet s;
    s.name = "Training plan";
    s.columns = {{"No."},  {"Person"}, {"Kind"},         {"Training"}, {"Closes"},       {"For"},  {"Start"},
                 {"End"},  {"Training cost"}, {"Funded"}, {"Council pays"}, {"Funded for this person"}, {"Notes", 60}};
    for (std::size_t n = 0; n < in.plan->items.size(); ++n) {
        const skills::TrainingItem& it = in.plan->items[n];
        std::string closes, notes;
        for (int k : it.skills) closes += (closes.empty() ? "" : "; ") + skill_name(*in.skills, p, k);
        for (const auto& w : it.notes) notes += (notes.empty() ? "" : " ") + w;
        s.rows.push_back({number(static_cast<double>(n + 1), Format::integer), text(report::person_label(p, it.person)),
                          text(report::remedy_words(it.remedy)), text(it.what), text(closes),
                          text(it.for_target ? "Target role" : "Current role"), date(it.start), date(it.end),
                          number(it.cost, Format::money), number(it.funded, Format::money),
                          number(it.employer_cost(), Format::money), text(it.eligible ? "Yes" : "No"), text(notes)});
    }
    Cell total = text("Total");
    total.bold = true;
    s.rows.push_back({blank(), total, blank(), blank(), blank(), blank(), blank(), blank(), number(in.plan->cost, Format::money),
                      number(in.plan->funded, Format::money), number(in.plan->cost - in.plan->funded, Format::money), blank(),
                      blank()});
    return s;
}

Sheet summary_sheet(const SkillsBookInput& in) {
    Sheet s;
    s.name = "Summary";
    s.columns = {{"Kind"}, {"Training"}, {"People"}, {"Training cost"}, {"Funded"}, {"Council pays"}};
    for (const auto& n : in.plan->summary)
        s.rows.push_back({text(report::remedy_words(n.remedy)), text(n.what), number(n.people, Format::integer),
                          number(n.cost, Format::money), number(n.funded, Format::money),
                          number(n.cost - n.funded, Format::money)});
    for (const auto& w : in.plan->warnings) s.rows.push_back({text("Warning"), text(w), blank(), blank(), blank(), blank()});
    return s;
}

Sheet assumptions_sheet(const SkillsBookInput& in) {
    const Assumptions& a = *in.assumptions;
    Sheet s;
    s.name = "Assumptions";
    s.columns = {{"Rule"}, {"Figure"}, {"Unit"}, {"From"}, {"To"}, {"Source", 60}, {"Checked"}, {"Assumption"}, {"Basis", 40}};
    auto add = [&](const std::string& what, Cell figure, const std::string& unit, const RulePeriod& r) {
        s.rows.push_back({text(what), figure, text(unit), date(r.effective_from), r.effective_to.empty() ? blank() : date(r.effective_to),
                          text(r.source + (r.note.empty() ? "" : " " + r.note)), r.date.empty() ? blank() : date(r.date),
                          text(r.assumption ? "Yes" : "No"), text(r.basis)});
    };
    for (const auto& r : a.training_budget) add("Training budget", number(r.per_head, Format::money), "a head a year", r);
    for (const auto& r : a.short_course)
        add("Short course", number(r.per_course, Format::money),
            "a person a course; closes up to " + std::to_string(r.levels) + " levels in " + std::to_string(r.weeks) + " weeks", r);
    for (const auto& r : a.apprenticeship_funding)
        for (const auto& [key, band] : r.bands) add("Apprenticeship funding band: " + key, number(band, Format::money), "maximum", r);
    for (const auto& r : a.apprenticeship_funding)
        add("Apprenticeship co-investment", number(r.co_investment, Format::percent), "employer's share, non-levy", r);
    for (const auto& r : a.apprenticeship_eligibility) add("Apprenticeship eligibility", text(eligibility_words(r)), "", r);
    for (const auto& r : a.apprenticeship_incentive)
        add("Apprenticeship incentive", number(r.amount, Format::money),
            "an apprentice" + (r.max_age > 0 && r.max_age < 1000 ? " aged " + std::to_string(r.max_age) + " or under" : std::string()), r);
    return s;
}

}  // namespace

Book skills_book(const SkillsBookInput& in) {
    Book b;
    b.title = "Team skills profile and training plan";
    const TeamProfile& p = *in.profile;
    b.subject = p.organisation.name.empty() ? p.organisation.id : p.organisation.name;
    About about = in.about;
    about.what = "Team skills profile and training plan";
    about.anonymised = p.anonymised;
    about.rows.push_back({"People", std::to_string(p.people.size())});
    about.rows.push_back({"Skills framework", in.skills->title + " (" + p.framework_id + " version " + p.framework_version + ")"});
    about.rows.push_back({"Role catalogue", p.catalogue_id + " version " + p.catalogue_version});
    for (const auto& n : p.notes) about.rows.push_back({"Note", n});
    if (!p.anonymised)
        about.rows.push_back({"Personal data", "Each person's own ratings, by name: keep this workbook to the data lead"});
    b.sheets = {about_sheet(about),    people_sheet(in),  spread_sheet(in),   gaps_sheet(in),
                readiness_sheet(in),   plan_sheet(in),    summary_sheet(in),  assumptions_sheet(in)};
    return b;
}

}  // namespace ys::xlsx
