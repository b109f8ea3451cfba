// The business case's role section: each role as a job-description outline.
#include "business_case_builder.h"
#include "text_format.h"

namespace ys::report::detail {

std::string BusinessCaseBuilder::skill_name(const RoleSkill& s) const {
    if (in_.skills_framework) {
        int k = in_.skills_framework->find_dimension(s.skill);
        const Level* l = in_.skills_framework->level(s.level);
        std::string name = k >= 0 ? in_.skills_framework->dimensions[k].name : s.skill;
        if (k >= 0 && in_.skills_framework->dimensions[k].parent >= 0)
            name = in_.skills_framework->dimensions[in_.skills_framework->dimensions[k].parent].name + ": " + name;
        return name + ", level " + std::to_string(s.level) + (l && !l->name.empty() ? " (" + l->name + ")" : "");
    }
    return s.skill + ", level " + std::to_string(s.level);
}

void BusinessCaseBuilder::role_outline(const Role& r, int level) {
    if (level > 1) w_.heading(level, r.title, "role-" + r.id);
    w_.paragraph(r.purpose, TextStyle::lead);
    KeyValues kv;
    kv.rows.push_back({"Job title", r.title});
    kv.rows.push_back({"Grade", r.grade});
    kv.rows.push_back({"Salary band", money(r.salary.min) + " to " + money(r.salary.max) + ", mid-point " +
                                          money(r.salary.mid) + " a year" + (r.salary.assumption ? " (an assumption)" : "")});
    if (r.ddat)
        kv.rows.push_back({"Government DDaT role", r.ddat->family.empty()
                                                       ? "None fits" + (r.ddat->note.empty() ? "" : ": " + r.ddat->note)
                                                       : r.ddat->role + " (" + r.ddat->family + " job family)" +
                                                             (r.ddat->note.empty() ? "" : "; " + r.ddat->note)});
    kv.rows.push_back({"London weighting", r.london_weighting ? "Added where the council pays it" : "Not added"});
    kv.rows.push_back({"Apprenticeship standard", r.apprenticeship ? apprenticeship_text(*r.apprenticeship) : "None"});
    kv.rows.push_back({"Suited to sharing", r.shareable ? "Yes: a scarce or specialist post councils could share" : "No"});
    w_.add(kv);
    w_.paragraph("Salary source: " + r.salary.source + " (checked " + long_date(r.salary.date) + ").", TextStyle::note);
    salary_evidence(r.salary);
    BulletList resp;
    for (const auto& rr : r.responsibilities) {
        const Responsibility* x = fw_.find_responsibility(rr.id);
        resp.items.push_back((x ? x->name : rr.id) + " (" + percent(rr.fte_share) + " of the post)" +
                             (x && !x->description.empty() ? ": " + x->description : ""));
    }
    w_.paragraph("Key responsibilities:");
    w_.add(resp);
    if (!r.skills.empty()) {
        BulletList skills;
        for (const auto& s : r.skills) skills.items.push_back(skill_name(s));
        w_.paragraph(r.apprenticeship ? "Data skills expected on completing the apprenticeship:" : "Data skills needed:");
        w_.add(skills);
    }
}

// How the band was made, what it was checked against (each figure with its source and date),
// and, when the band is not a published figure, that it is an assumption and why.
void BusinessCaseBuilder::salary_evidence(const RoleSalary& s) {
    if (s.assumption)
        w_.paragraph("The salary band is an assumption, not a published figure: " + s.basis, TextStyle::note);
    if (!s.method.empty()) w_.paragraph("How the band was made: " + s.method, TextStyle::note);
    if (s.evidence.empty()) return;
    BulletList ev;
    for (const auto& e : s.evidence)
        ev.items.push_back(e.figure + " (" + e.source + "; checked " + long_date(e.date) + ")" +
                           (e.note.empty() ? "" : ". " + e.note));
    w_.paragraph("Pay figures the band rests on or was checked against:");
    w_.add(ev);
}

void BusinessCaseBuilder::role_section() {
    auto rs = roles();
    if (rs.empty()) {
        w_.paragraph("The plan has no new posts.");
        return;
    }
    for (const Role* r : rs) role_outline(*r, role_ ? 1 : 2);
}

}  // namespace ys::report::detail
