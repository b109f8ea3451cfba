#include "skills_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "targets.h"  // is_iso_date
#include "text_format.h"

namespace ys::report {
namespace {

using skills::Remedy;
using skills::TeamProfile;
using skills::TrainingItem;
using skills::TrainingPlan;

// A heatmap table wider than this many skills is split (by the framework's areas) so each
// column keeps room for a skill's name on an A4 page.
constexpr std::size_t kMaxSkillColumns = 5;

std::string count_words(long long n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string level_text(double v) {
    // Levels read from medians of whole answers are whole or halves: "2" or "2.5".
    return std::fabs(v - std::round(v)) < 1e-9 ? std::to_string(static_cast<long long>(std::lround(v))) : score_text(v);
}

class SkillsBuilder {
public:
    SkillsBuilder(const SkillsReportInput& in, const ReportTemplate& tpl)
        : in_(in), fw_(*in.skills), p_(*in.profile), plan_(*in.plan),
          w_(tpl, placeholders(in), subtitle(in), in.created) {}

    Document build() {
        for (const auto& s : w_.tpl().sections) {
            w_.start_section(s);
            if (s.id == "cover") cover();
            else if (s.id == "summary") summary();
            else if (s.id == "heatmap") heatmap();
            else if (s.id == "distribution") distribution();
            else if (s.id == "gaps") gaps();
            else if (s.id == "readiness") readiness();
            else if (s.id == "plan") training_plan();
            else if (s.id == "figures") figures();
            else if (s.id == "assumptions") assumptions();
            else if (s.id == "method") method();
        }
        return w_.take();
    }

private:
    static std::string org_name(const SkillsReportInput& in) {
        const Organisation& o = in.profile->organisation;
        return o.name.empty() ? o.id : o.name;
    }
    static std::string team_words(const SkillsReportInput& in) {
        return in.profile_options.team.empty() ? "the whole team" : in.profile_options.team;
    }
    static std::string subtitle(const SkillsReportInput& in) {
        std::string s = org_name(in);
        if (!in.profile_options.team.empty()) s += (s.empty() ? "" : ": ") + in.profile_options.team;
        return s;
    }
    static std::map<std::string, std::string> placeholders(const SkillsReportInput& in) {
        return {{"organisation", org_name(in)},
                {"period", in.profile->period},
                {"date", long_date(in.report_date)},
                {"framework", in.skills->title},
                {"framework_version", in.profile->framework_version},
                {"team", team_words(in)},
                {"people", std::to_string(in.profile->people.size())},
                {"start", long_date(in.plan_options.start)}};
    }

    std::string person(int i) const { return person_label(p_, i); }
    std::string skill_name(int k) const { return fw_.dimensions[p_.skills[k]].name; }
    std::string role_title(const std::string& id) const {
        if (id.empty()) return "-";
        const Role* r = in_.roles->find(id);
        return r ? r->title : id;
    }
    std::string level_words(double v) const {
        const Level* l = fw_.level(static_cast<int>(std::floor(v + 1e-9)));
        return level_text(v) + (l ? " (" + l->name + ")" : "");
    }
    std::optional<Colour> heat(const std::optional<double>& v) const {
        if (!v) return std::nullopt;
        double span = fw_.max_level() - fw_.min_level();
        return blend(w_.tpl().theme.heat_low, w_.tpl().theme.heat_high, span > 0 ? (*v - fw_.min_level()) / span : 0);
    }
    // The level a person's current role needs on a skill, from the gaps (the engine's own
    // reading of the catalogue) and else from the catalogue.
    std::optional<int> role_need(int person, int skill) const {
        const Role* r = in_.roles->find(p_.people[person].role);
        if (!r) return std::nullopt;
        const std::string& id = fw_.dimensions[p_.skills[skill]].id;
        for (const auto& s : r->skills)
            if (s.skill == id) return s.level;
        return std::nullopt;
    }
    std::string items_people() const {
        std::set<int> people;
        for (const auto& i : plan_.items) people.insert(i.person);
        return count_words(static_cast<long long>(people.size()), "person", "people");
    }

    void cover() {
        KeyValues kv;
        kv.rows.push_back({"Organisation", org_name(in_)});
        if (!p_.period.empty()) kv.rows.push_back({"Period", p_.period});
        kv.rows.push_back({"Team", in_.profile_options.team.empty() ? "Everyone in the round" : in_.profile_options.team});
        kv.rows.push_back({"People", std::to_string(p_.people.size())});
        if (!in_.source.empty()) kv.rows.push_back({"Made from", in_.source});
        kv.rows.push_back({"Names", p_.anonymised
                                        ? "Anonymised: people are numbered, and teams of fewer than " +
                                              std::to_string(in_.profile_options.min_team) + " are shown as \"Other teams\""
                                        : "Shown. This report holds personal data (each person's own ratings): keep it "
                                          "to the data lead and the people named"});
        kv.rows.push_back({"Skills framework", fw_.title + ", version " + p_.framework_version});
        kv.rows.push_back({"Role catalogue", p_.catalogue_id + ", version " + p_.catalogue_version});
        if (!in_.profile_options.target_role.empty())
            kv.rows.push_back({"Target role for everyone without one", role_title(in_.profile_options.target_role)});
        kv.rows.push_back({"Training plan starts", long_date(in_.plan_options.start)});
        kv.rows.push_back({"Apprenticeship levy", in_.plan_options.levy_payer ? "The council pays the levy"
                                                                              : "The council does not pay the levy"});
        kv.rows.push_back({"Date of this report", long_date(in_.report_date)});
        w_.add(kv);
    }

    void summary() {
        std::set<int> short_of_role, short_of_target;
        int role_gaps = 0, target_gaps = 0;
        for (const auto& g : p_.gaps) {
            if (g.size() <= 0) continue;
            if (g.for_target) {
                ++target_gaps;
                short_of_target.insert(g.person);
            } else {
                ++role_gaps;
                short_of_role.insert(g.person);
            }
        }
        w_.paragraph(count_words(static_cast<long long>(p_.people.size()), "person", "people") + " rated themselves on " +
                     count_words(static_cast<long long>(p_.skills.size()), "skill", "skills") + ". " +
                     count_words(static_cast<long long>(short_of_role.size()), "person is", "people are") +
                     " below what their current role needs on at least one skill (" +
                     count_words(role_gaps, "gap", "gaps") + " in all); " +
                     count_words(static_cast<long long>(short_of_target.size()), "person is", "people are") +
                     " below a target role (" + count_words(target_gaps, "gap", "gaps") + ").");
        if (plan_.items.empty()) {
            w_.paragraph("The plan proposes no training: nobody is below what their role or target role needs.");
        } else {
            w_.paragraph("The training plan has " + count_words(static_cast<long long>(plan_.items.size()), "item", "items") +
                         " for " + items_people() + ". Training costs " + money(plan_.cost) + ", of which " +
                         money(plan_.funded) + " is funded, so the council pays " + money(plan_.cost - plan_.funded) + ".");
            Table t;
            t.caption = "What the team needs, most people first";
            t.header = {"Training", "Kind", "People", "Training cost", "Funded", "Council pays"};
            t.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right};
            t.widths = {3.4, 1.4, 0.8, 1.2, 1.2, 1.2};
            t.first_column_is_header = true;
            for (const auto& n : plan_.summary)
                t.rows.push_back({n.what, remedy_words(n.remedy), std::to_string(n.people), money(n.cost), money(n.funded),
                                  money(n.cost - n.funded)});
            t.rows.push_back({"Total", "", std::to_string(items_people_count()), money(plan_.cost), money(plan_.funded),
                              money(plan_.cost - plan_.funded)});
            t.last_row_is_total = true;
            w_.add(t);
        }
        if (!p_.notes.empty()) w_.add(BulletList{p_.notes});
        if (!plan_.warnings.empty()) {
            w_.heading(2, "Warnings", "summary-warnings");
            w_.add(BulletList{plan_.warnings});
        }
    }
    int items_people_count() const {
        std::set<int> people;
        for (const auto& i : plan_.items) people.insert(i.person);
        return static_cast<int>(people.size());
    }

    // The skills grouped by the framework area (root dimension) they sit under, in order.
    std::vector<std::pair<std::string, std::vector<int>>> skill_groups() const {
        std::vector<std::pair<std::string, std::vector<int>>> groups;
        for (std::size_t k = 0; k < p_.skills.size(); ++k) {
            int d = p_.skills[k];
            while (d >= 0 && fw_.dimensions[d].parent >= 0) d = fw_.dimensions[d].parent;
            std::string area = d >= 0 && d != p_.skills[k] ? fw_.dimensions[d].name : "Skills";
            if (groups.empty() || groups.back().first != area || groups.back().second.size() >= kMaxSkillColumns)
                groups.push_back({area, {}});
            groups.back().second.push_back(static_cast<int>(k));
        }
        return groups;
    }

    void heatmap() {
        if (p_.people.empty()) {
            w_.paragraph("Nobody is in this profile, so there is nothing to show.");
            return;
        }
        w_.paragraph("Each cell is the person's level on the skill (" + std::to_string(fw_.min_level()) + " to " +
                         std::to_string(fw_.max_level()) +
                         "); darker cells are higher levels. An asterisk (*) marks a level below what the person's "
                         "current role needs; a dash means they answered nothing on that skill.",
                     TextStyle::note);
        for (const auto& [area, ks] : skill_groups()) {
            Table t;
            t.caption = area;
            t.header = {"Person", "Role"};
            t.align = {Align::left, Align::left};
            t.widths = {1.6, 2.0};
            for (int k : ks) {
                t.header.push_back(skill_name(k));
                t.align.push_back(Align::centre);
                t.widths.push_back(1.3);
            }
            t.first_column_is_header = true;
            for (std::size_t i = 0; i < p_.people.size(); ++i) {
                const auto& person_i = p_.people[i];
                std::vector<std::string> row{person(static_cast<int>(i)), role_title(person_i.role)};
                std::vector<std::optional<Colour>> fills{std::nullopt, std::nullopt};
                for (int k : ks) {
                    const auto& v = k < static_cast<int>(person_i.levels.size()) ? person_i.levels[k] : std::nullopt;
                    std::string cell = v ? level_text(*v) : "-";
                    auto need = role_need(static_cast<int>(i), k);
                    if (need && (!v || *v + 1e-9 < *need)) cell += "*";
                    row.push_back(cell);
                    fills.push_back(heat(v));
                }
                t.rows.push_back(row);
                t.fills.push_back(fills);
            }
            w_.add(t);
        }
        KeyValues key;
        for (const auto& l : fw_.levels) key.rows.push_back({"Level " + std::to_string(l.value), l.name + ": " + l.description});
        w_.heading(2, "The levels", "heatmap-levels");
        w_.add(key);
    }

    void distribution() {
        if (p_.skills.empty()) return;
        BarChart chart;
        chart.title = "People at each level, by skill";
        chart.alt = "For each skill, how many people in the team are at each level, stacked from the lowest level.";
        chart.stacked = true;
        for (std::size_t k = 0; k < p_.skills.size(); ++k) chart.categories.push_back(skill_name(static_cast<int>(k)));
        for (const auto& l : fw_.levels) {
            Series s{std::to_string(l.value) + " " + l.name, {}};
            for (std::size_t k = 0; k < p_.skills.size(); ++k) {
                const auto& at = k < p_.spread.size() ? p_.spread[k].at_level : std::vector<int>{};
                std::size_t idx = static_cast<std::size_t>(l.value - fw_.min_level());
                s.values.push_back(idx < at.size() ? at[idx] : 0);
            }
            chart.series.push_back(s);
        }
        w_.add(chart);
        Table t;
        t.caption = "People at each level, by skill";
        t.header = {"Skill"};
        t.widths = {3.0};
        for (const auto& l : fw_.levels) {
            t.header.push_back(std::to_string(l.value) + " " + l.name);
            t.widths.push_back(0.9);
        }
        for (const char* h : {"Not assessed", "Median", "Roles need it", "Below role", "Below target"}) {
            t.header.push_back(h);
            t.widths.push_back(0.9);
        }
        t.align.assign(t.header.size(), Align::right);
        t.align[0] = Align::left;
        t.first_column_is_header = true;
        for (std::size_t k = 0; k < p_.skills.size() && k < p_.spread.size(); ++k) {
            const skills::SkillSpread& s = p_.spread[k];
            std::vector<std::string> row{skill_name(static_cast<int>(k))};
            for (const auto& l : fw_.levels) {
                std::size_t idx = static_cast<std::size_t>(l.value - fw_.min_level());
                row.push_back(std::to_string(idx < s.at_level.size() ? s.at_level[idx] : 0));
            }
            row.push_back(std::to_string(s.not_assessed));
            row.push_back(s.median ? level_text(*s.median) : "-");
            row.push_back(std::to_string(s.need_it));
            row.push_back(std::to_string(s.below_need));
            row.push_back(std::to_string(s.below_target));
            t.rows.push_back(row);
        }
        w_.add(t);
        w_.paragraph("\"Roles need it\" counts the people whose current role needs the skill; \"Below role\" those of them "
                     "below the level it needs; \"Below target\" the people below what their target role needs.",
                     TextStyle::note);
    }

    void gaps() {
        std::vector<const skills::SkillGap*> shown;
        for (const auto& g : p_.gaps)
            if (g.size() > 0) shown.push_back(&g);
        if (shown.empty()) {
            w_.paragraph("Nobody is below what their role or target role needs.");
            return;
        }
        Table t;
        t.caption = "Each gap: the level a role needs against the person's own";
        t.header = {"Person", "Skill", "Against", "Has", "Needs", "Gap"};
        t.align = {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right};
        t.widths = {1.5, 3.0, 2.6, 0.9, 0.7, 0.7};
        t.first_column_is_header = true;
        for (const auto* g : shown) {
            const auto& pe = p_.people[g->person];
            std::string against = (g->for_target ? "Target role: " + role_title(pe.target_role.empty() ? in_.profile_options.target_role
                                                                                                      : pe.target_role)
                                                 : "Current role: " + role_title(pe.role));
            t.rows.push_back({person(g->person), skill_name(g->skill), against,
                              g->assessed ? level_text(g->have) : "not assessed", std::to_string(g->need),
                              level_text(g->size())});
        }
        w_.add(t);
        w_.paragraph("Gap = needs minus has. A skill the person answered nothing on counts as level 0 and is marked "
                     "\"not assessed\".",
                     TextStyle::note);
    }

    // Who could be grown into each target role, and when (the engine's readiness: ready now
    // with no gap against it, else when the last item closing such a gap ends).
    void readiness() {
        if (plan_.readiness.empty()) {
            w_.paragraph("Nobody has a target role, so there is no readiness to show. A target role can be set for each "
                         "person in the round, or for everyone without one when the report is made.");
            return;
        }
        Table t;
        t.caption = "Candidates for each target role";
        t.header = {"Target role", "Person", "Current role", "Gaps against it", "Not rated", "Ready"};
        t.align = {Align::left, Align::left, Align::left, Align::right, Align::right, Align::left};
        t.widths = {2.2, 1.4, 2.2, 1.0, 0.9, 2.2};
        for (const auto& r : plan_.readiness)
            t.rows.push_back({role_title(r.role), person(r.person), role_title(p_.people[r.person].role), std::to_string(r.gaps),
                              std::to_string(r.not_assessed),
                              r.ready_now() ? "Now" : "When the plan's training ends, " + long_date(r.ready_by)});
        w_.add(t);
        w_.paragraph("A roadmap can grow one of these people into the post (its \"grown from\" route) instead of "
                     "recruiting: this table says who could be grown and by when. \"Not rated\" counts skills the target "
                     "role needs that the person did not rate; they are ready only once those are assessed.",
                     TextStyle::note);
    }

    void training_plan() {
        if (plan_.items.empty()) {
            w_.paragraph("No training is proposed.");
            return;
        }
        Table t;
        t.caption = "Training plan, person by person";
        t.header = {"No.", "Person", "Training", "Closes", "From", "To", "Training cost", "Funded", "Council pays"};
        t.align = {Align::right, Align::left, Align::left, Align::left, Align::left, Align::left,
                   Align::right, Align::right, Align::right};
        t.widths = {0.5, 1.3, 2.6, 2.4, 1.1, 1.1, 1.1, 1.1, 1.1};
        std::vector<std::string> notes;
        for (std::size_t n = 0; n < plan_.items.size(); ++n) {
            const TrainingItem& it = plan_.items[n];
            std::vector<std::string> closes;
            for (int k : it.skills) closes.push_back(skill_name(k));
            t.rows.push_back({std::to_string(n + 1), person(it.person), it.what, join_words(closes), it.start, it.end,
                              money(it.cost), money(it.funded), money(it.employer_cost())});
            std::vector<std::string> words = it.notes;
            if (!it.eligible) words.insert(words.begin(), "Not funded for this person: the council pays the whole cost");
            if (it.assumption) words.push_back("Its cost or length is an assumption (see Assumptions)");
            if (!words.empty()) {
                std::string s;
                for (const auto& w : words) s += (s.empty() ? "" : " ") + w + (w.empty() || w.back() == '.' ? "" : ".");
                notes.push_back(std::to_string(n + 1) + ". " + s);
            }
        }
        t.rows.push_back({"", "Total", "", "", "", "", money(plan_.cost), money(plan_.funded), money(plan_.cost - plan_.funded)});
        t.last_row_is_total = true;
        w_.add(t);
        if (!notes.empty()) {
            w_.heading(2, "Funding and eligibility, item by item", "plan-notes");
            w_.add(BulletList{notes});
        }
    }

    // Every money figure beside its inputs, so it can be checked by hand.
    void figures() {
        Table t;
        t.caption = "Each total and the figures it is made from";
        t.header = {"Figure", "Amount", "Worked out as"};
        t.align = {Align::left, Align::right, Align::left};
        t.widths = {2.2, 1.2, 5.0};
        t.first_column_is_header = true;
        std::vector<std::string> costs, funded;
        for (std::size_t n = 0; n < plan_.items.size(); ++n) {
            costs.push_back(money(plan_.items[n].cost) + " (item " + std::to_string(n + 1) + ")");
            funded.push_back(money(plan_.items[n].funded) + " (item " + std::to_string(n + 1) + ")");
        }
        auto sum_text = [](const std::vector<std::string>& parts) {
            if (parts.empty()) return std::string("no items: £0");
            std::string s;
            for (const auto& p : parts) s += (s.empty() ? "" : " + ") + p;
            return s;
        };
        t.rows.push_back({"Training cost", money(plan_.cost), "The sum of each item's training cost: " + sum_text(costs)});
        t.rows.push_back({"Funded", money(plan_.funded),
                          "The sum of what funding meets for each item: " + sum_text(funded) +
                              (in_.plan_options.levy_payer ? "; a levy payer's apprenticeships are met from its levy funds"
                                                           : "; a council that does not pay the levy has the government "
                                                             "meet most of an apprenticeship's cost (co-investment)")});
        t.rows.push_back({"Council pays", money(plan_.cost - plan_.funded),
                          "Training cost minus funded: " + money(plan_.cost) + " - " + money(plan_.funded)});
        for (const auto& n : plan_.summary)
            if (n.people > 0 && n.cost > 0)
                t.rows.push_back({n.what, money(n.cost),
                                  count_words(n.people, "person", "people") + " at " + money(n.cost / n.people, 2) +
                                      " each; funded " + money(n.funded) + ", so the council pays " + money(n.cost - n.funded)});
        if (const TrainingBudgetRule* b = in_.assumptions->training_budget_on(in_.plan_options.start)) {
            const double budget = b->per_head * static_cast<double>(p_.people.size());
            t.rows.push_back({"Training budget for a year", money(budget),
                              money(b->per_head) + " a head a year (" + effective_words(*b) + ") x " +
                                  count_words(static_cast<long long>(p_.people.size()), "person", "people") +
                                  ", to set the plan's council cost against"});
        }
        w_.add(t);
        w_.paragraph("Money is rounded to the pound for printing; each figure is worked out in pence first. Dates, costs "
                     "and funding are those of the assumptions in force on each item's start date.",
                     TextStyle::note);
    }
    static std::string effective_words(const RulePeriod& r) {
        std::string s = "from " + long_date(r.effective_from);
        if (!r.effective_to.empty()) s += " to " + long_date(r.effective_to);
        if (!r.source.empty()) s += "; " + r.source;
        if (!r.date.empty()) s += ", checked " + long_date(r.date);
        if (r.assumption) s += "; an assumption" + (r.basis.empty() ? std::string() : ": " + r.basis);
        return s;
    }

    void assumptions() {
        const Assumptions& a = *in_.assumptions;
        Table t;
        t.caption = "The training and apprenticeship rules the plan uses, with their dates and sources";
        t.header = {"Rule", "Figure", "Applies", "Source", "Checked"};
        t.widths = {1.8, 3.2, 1.6, 3.0, 1.1};
        t.first_column_is_header = true;
        auto add = [&](const std::string& what, const std::string& figure, const RulePeriod& r) {
            std::string applies = "From " + long_date(r.effective_from) + (r.effective_to.empty() ? "" : " to " + long_date(r.effective_to));
            std::string source = r.source + (r.note.empty() ? "" : " " + r.note);
            if (r.assumption) source += " An assumption" + (r.basis.empty() ? std::string(".") : ": " + r.basis);
            t.rows.push_back({what, figure, applies, source, r.date.empty() ? "-" : r.date});
        };
        for (const auto& r : a.training_budget) add("Training budget", money(r.per_head) + " a head a year", r);
        for (const auto& r : a.short_course)
            add("Short course",
                money(r.per_course) + " a person a course, closing up to " + count_words(r.levels, "level", "levels") +
                    " of one skill in " + count_words(r.weeks, "week", "weeks"),
                r);
        for (const auto& r : a.apprenticeship_funding) {
            std::vector<std::string> bands;
            for (const auto& [k, v] : r.bands) bands.push_back(k + " " + money(v));
            add("Apprenticeship funding",
                "Band maxima: " + join_words(bands) + "; employer co-investment " + percent(r.co_investment), r);
        }
        for (const auto& r : a.apprenticeship_levy)
            add("Apprenticeship levy", percent(r.rate) + " of the pay bill, less " + money(r.allowance) + " a year", r);
        for (const auto& r : a.apprenticeship_eligibility) add("Apprenticeship eligibility", eligibility_words(r), r);
        for (const auto& r : a.apprenticeship_incentive)
            add("Apprenticeship incentive",
                money(r.amount) + " an apprentice" + (r.max_age > 0 && r.max_age < 1000 ? " aged " + std::to_string(r.max_age) + " or under" : "") +
                    (r.foundation_only ? ", foundation apprenticeships only" : ""),
                r);
        if (t.rows.empty()) {
            w_.paragraph("The assumptions file holds no training or apprenticeship rules.");
            return;
        }
        w_.add(t);
        w_.paragraph("From " + a.title + (a.version.empty() ? "" : ", version " + a.version) + ".", TextStyle::note);
    }

    void method() {
        BulletList l;
        l.items.push_back("Each person's level on a skill is read from their own answers with the skills framework's rules "
                          "(docs/skills.md gives the rule and a worked example).");
        l.items.push_back("A gap is the level the person's role (or target role) needs, from the role catalogue, minus "
                          "the level they have.");
        l.items.push_back("Each gap is closed by on-the-job learning, a short course or an apprenticeship, as docs/skills.md "
                          "sets out; costs and funding come from the assumptions in force on each item's start date.");
        l.items.push_back(p_.anonymised
                              ? "Anonymised: people are numbered, their names and keys are left out, and teams of "
                                "fewer than " + std::to_string(in_.profile_options.min_team) +
                                    " people are shown together as \"Other teams\"."
                              : "Named: the report shows each person's own ratings, which are personal data.");
        w_.add(l);
    }

    const SkillsReportInput& in_;
    const Framework& fw_;
    const TeamProfile& p_;
    const TrainingPlan& plan_;
    DocumentWriter w_;
};

}  // namespace

std::string person_label(const skills::TeamProfile& profile, int person) {
    if (profile.anonymised || person < 0 || person >= static_cast<int>(profile.people.size()))
        return "Person " + std::to_string(person + 1);
    const auto& p = profile.people[person];
    return p.name.empty() ? p.key : p.name;
}

std::string remedy_words(skills::Remedy r) {
    switch (r) {
        case skills::Remedy::OnTheJob: return "On-the-job learning";
        case skills::Remedy::ShortCourse: return "Short course";
        case skills::Remedy::Apprenticeship: return "Apprenticeship";
    }
    return "Training";
}

std::optional<Document> build_skills_report(const SkillsReportInput& in, const ReportTemplate& tpl, std::string& error) {
    if (!in.skills || !in.roles || !in.assumptions || !in.profile || !in.plan) {
        error = "a skills report needs the skills framework, the role catalogue, the assumptions, the profile and the plan";
        return std::nullopt;
    }
    if (tpl.kind != TemplateKind::Skills) {
        error = std::string("the template is for a ") + to_string(tpl.kind) + " report, not a skills report";
        return std::nullopt;
    }
    if (!is_iso_date(in.report_date)) {
        error = "the report date must be a date as YYYY-MM-DD, not \"" + in.report_date + "\"";
        return std::nullopt;
    }
    const skills::TeamProfile& p = *in.profile;
    const int skills = static_cast<int>(p.skills.size()), people = static_cast<int>(p.people.size());
    bool fits = p.spread.size() == p.skills.size();
    for (int d : p.skills) fits = fits && d >= 0 && d < static_cast<int>(in.skills->dimensions.size());
    for (const auto& g : p.gaps) fits = fits && g.person >= 0 && g.person < people && g.skill >= 0 && g.skill < skills;
    for (const auto& r : in.plan->readiness) fits = fits && r.person >= 0 && r.person < people;
    for (const auto& i : in.plan->items) {
        fits = fits && i.person >= 0 && i.person < people;
        for (int k : i.skills) fits = fits && k >= 0 && k < skills;
    }
    if (!fits) {
        error = "the skills profile does not fit its framework (a skill or person out of range)";
        return std::nullopt;
    }
    return SkillsBuilder(in, tpl).build();
}

}  // namespace ys::report
