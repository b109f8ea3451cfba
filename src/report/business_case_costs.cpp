// The business case's posts and costs: the plan's own posts (planned by the council or
// proposed by Yardstick), the existing team for information, the non-staff lines, and the
// cost per year with every line itemised. Every money cell is the engine's figure to the
// penny, as the roadmap's CSV gives it.
#include <algorithm>

#include "business_case_builder.h"
#include "money_text.h"
#include "number_format.h"
#include "text_format.h"

namespace ys::report::detail {
namespace {

std::string post_name(const RoadmapPost& p) { return p.name.empty() ? p.title : p.name + " (" + p.title + ")"; }

// Posts' notes, each said once with the posts it concerns; the engine's note of a missing
// London weighting figure (one per post and date) becomes one sentence.
using Notes = std::vector<std::pair<std::string, std::vector<std::string>>>;
void add_note(Notes& notes, const std::string& post, const std::string& note, bool& lw_missing) {
    if (note.rfind("No London weighting figure for ", 0) == 0) {
        lw_missing = true;
        return;
    }
    for (auto& [n, posts] : notes)
        if (n == note) {
            if (std::find(posts.begin(), posts.end(), post) == posts.end()) posts.push_back(post);
            return;
        }
    notes.push_back({note, {post}});
}

// The notes as a list: the missing London weighting once, then each note with its posts.
BulletList notes_said(const Notes& notes, bool lw_missing, const RoadmapRequest& req) {
    BulletList said;
    if (lw_missing) {
        std::string why;
        said.items.push_back(std::string("The assumptions give no London weighting figure for ") +
                             area_name(london_area(req, why)) + " for some or all of the plan, so none is added for those dates.");
    }
    for (const auto& [note, who] : notes) said.items.push_back(join_words(who) + ": " + note);
    return said;
}

bool is_staff_line(const std::string& name) {
    for (const char* l : kStaffCostLines)
        if (name == l) return true;
    return false;
}

const CostLine* find_line(const RoadmapScenario& sc, const std::string& id) {
    for (const auto& c : sc.costs)
        if (c.id == id) return &c;
    return nullptr;
}

}  // namespace

void BusinessCaseBuilder::posts() {
    const std::string over = "over " + count_text(sc().horizon_years, "year", "years");
    const auto shown = hires();
    if (shown.empty()) {
        w_.paragraph(role_ ? "The plan has no " + lower_title(role_->title) + " post." : "The plan has no new posts.");
    } else {
        Table t;
        t.caption = "New posts: planned by the council and proposed by Yardstick";
        t.header = {"Post", "Origin", "Route", "Posts", "FTE each", "Starts", "Per post, first year (mid)",
                    "Line total " + over + " (mid)"};
        t.align = {Align::left, Align::left, Align::left, Align::right, Align::right, Align::left, Align::right, Align::right};
        t.widths = {2.2, 1.4, 1.2, 0.6, 0.6, 1.2, 1.4, 1.5};
        t.first_column_is_header = true;
        Notes notes;
        int heads = 0;
        Money all;
        bool lw_missing = false;
        for (const RoadmapPost* p : shown) {
            const YearCost* first = first_paid_year(p->years);
            const double per_post = first ? to_pennies(first->total.mid / p->headcount) : 0;
            t.rows.push_back({post_name(*p), p->origin == PostOrigin::Proposed ? "Proposed by Yardstick" : "Planned by the council",
                              p->route_text, std::to_string(p->headcount), plain(p->fte, 2), long_date(p->start),
                              pennies_text(per_post) + (first ? " (year " + std::to_string(first->year) + ")" : ""),
                              pennies_text(p->total.mid)});
            heads += p->headcount;
            all += p->total;
            for (const auto& n : p->notes) add_note(notes, post_name(*p), n, lw_missing);
        }
        t.rows.push_back({"All new posts", "", "", std::to_string(heads), "", "", "", pennies_text(to_pennies(all.mid))});
        t.last_row_is_total = true;
        w_.add(t);
        w_.paragraph("A line's total is its cost per post, line by line to the penny, times its number of posts. A post "
                     "shared with other councils is costed at this council's share.",
                     TextStyle::note);
        BulletList said = notes_said(notes, lw_missing, req_);
        if (!said.items.empty()) w_.add(said);
    }

    if (!map_.team.empty() && !role_) {
        w_.heading(2, "The existing team: for information, not new spend", "posts-team");
        Table t;
        t.caption = "The existing team, costed for information; not new spend";
        t.header = {"Post", "Role", "FTE", "Cost " + over + " (mid)", "Low to high"};
        t.align = {Align::left, Align::left, Align::right, Align::right, Align::right};
        t.widths = {2.2, 2.0, 0.6, 1.6, 2.6};
        t.first_column_is_header = true;
        Money all;
        for (const auto& p : map_.team) {
            t.rows.push_back({p.name.empty() ? p.title : p.name, p.title, plain(p.fte, 2), pennies_text(p.total.mid),
                              pennies_text(p.total.low) + " to " + pennies_text(p.total.high)});
            all += p.total;
        }
        all = to_pennies(all);
        t.rows.push_back({"The existing team", "", "", pennies_text(all.mid), pennies_text(all.low) + " to " + pennies_text(all.high)});
        t.last_row_is_total = true;
        w_.add(t);
        Notes notes;
        bool lw_missing = false;
        for (const auto& p : map_.team)
            for (const auto& n : p.notes) add_note(notes, p.name.empty() ? p.title : p.name, n, lw_missing);
        BulletList said = notes_said(notes, lw_missing, req_);
        if (!said.items.empty()) w_.add(said);
    }

    if (!map_.other_costs.empty() && !role_) {
        w_.heading(2, "Other costs: not posts", "posts-other");
        const std::size_t years = map_.years.size();
        const bool by_year = years <= 5;
        Table t;
        t.caption = "Costs that are not posts";
        t.header = {"Cost", "Category", "Paid"};
        t.align = {Align::left, Align::left, Align::left};
        t.widths = {2.0, 1.6, 1.8};
        if (by_year)
            for (std::size_t y = 0; y < years; ++y) {
                t.header.push_back("Year " + std::to_string(y + 1));
                t.align.push_back(Align::right);
                t.widths.push_back(1.2);
            }
        t.header.push_back("Total " + over);
        t.align.push_back(Align::right);
        t.widths.push_back(1.4);
        t.first_column_is_header = true;
        std::vector<double> per_year(years, 0);
        double all = 0;
        for (const auto& o : map_.other_costs) {
            const CostLine* line = find_line(sc(), o.id);
            std::string paid;
            if (line && !o.recurring) paid = "Once, on " + long_date(line->start.empty() ? sc().start : line->start);
            else if (line)
                paid = money_words(line->amount) + " a year from " + long_date(line->start.empty() ? sc().start : line->start) +
                       (line->end.empty() ? " to the end of the plan" : " to " + long_date(line->end));
            else paid = o.recurring ? "Every year" : "Once";
            if (o.uplift) paid += ", uplifted for inflation";
            std::vector<std::string> row{o.name, category_name(o.category), paid};
            for (std::size_t y = 0; y < years; ++y) {
                const double v = y < o.per_year.size() ? o.per_year[y].mid : 0;
                per_year[y] += v;
                if (by_year) row.push_back(pennies_text(v));
            }
            row.push_back(pennies_text(o.total.mid));
            all += o.total.mid;
            t.rows.push_back(row);
        }
        std::vector<std::string> total{"All other costs", "", ""};
        if (by_year)
            for (double v : per_year) total.push_back(pennies_text(to_pennies(v)));
        total.push_back(pennies_text(to_pennies(all)));
        t.rows.push_back(total);
        t.last_row_is_total = true;
        w_.add(t);
        w_.paragraph("These costs are the same at low, mid and high salary. A recurring cost is prorated by day in a part year.",
                     TextStyle::note);
    }
}

void BusinessCaseBuilder::costs() {
    if (years_.empty()) {
        w_.paragraph("There is nothing to cost.");
        return;
    }
    Table sum;
    sum.caption = role_ ? "Cost per year of the plan's " + lower_title(role_->title) + " posts" : "Cost per year of new spend";
    sum.header = {"Year", "Dates", "Low", "Mid", "High", "Cumulative (mid)"};
    sum.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right};
    sum.widths = {0.8, 2.6, 1.4, 1.4, 1.4, 1.5};
    sum.first_column_is_header = true;
    BarChart chart;
    chart.title = "Cost per year at mid salary";
    chart.stacked = true;
    chart.value_prefix = "\xC2\xA3";
    Series pay{"Salary and London weighting", {}}, oncosts{"On-costs", {}}, other{"Recruitment and training", {}},
        nonstaff{"Costs that are not posts", {}};
    bool any_nonstaff = false;
    for (const auto& y : years_) {
        sum.rows.push_back({"Year " + std::to_string(y.year), long_date(y.from) + " to " + long_date(y.to),
                            pennies_text(y.total.low), pennies_text(y.total.mid), pennies_text(y.total.high),
                            pennies_text(y.cumulative.mid)});
        chart.categories.push_back("Year " + std::to_string(y.year));
        double p = 0, o = 0, x = 0, n = 0;
        for (const auto& [name, m] : y.lines) {
            if (name == "Salary" || name == "London weighting") p += m.mid;
            else if (name == "Employer National Insurance" || name == "Employer pension" || name == "Apprenticeship levy" ||
                     name == "On-costs (flat rate)")
                o += m.mid;
            else if (is_staff_line(name)) x += m.mid;
            else n += m.mid;
        }
        any_nonstaff = any_nonstaff || n != 0;
        pay.values.push_back(p);
        oncosts.values.push_back(o);
        other.values.push_back(x);
        nonstaff.values.push_back(n);
    }
    const Money& total = years_.back().cumulative;
    sum.rows.push_back({"Total", "", pennies_text(total.low), pennies_text(total.mid), pennies_text(total.high),
                        pennies_text(total.mid)});
    sum.last_row_is_total = true;
    w_.add(sum);
    chart.series = {pay, oncosts, other};
    if (any_nonstaff) chart.series.push_back(nonstaff);
    chart.alt = std::string("The cost of each year at mid salary, split into pay, on-costs, and recruitment and training") +
                (any_nonstaff ? ", and costs that are not posts." : ".");
    w_.add(chart);

    for (const auto& y : years_) {
        w_.heading(2, "Year " + std::to_string(y.year) + ": " + long_date(y.from) + " to " + long_date(y.to),
                   "costs-year-" + std::to_string(y.year));
        Table t;
        t.caption = "Year " + std::to_string(y.year) + ", itemised";
        t.header = {"Cost", "Low", "Mid", "High"};
        t.align = {Align::left, Align::right, Align::right, Align::right};
        t.widths = {3.0, 1.4, 1.4, 1.4};
        t.first_column_is_header = true;
        for (const auto& [name, m] : y.lines) {
            if (m.zero()) continue;
            t.rows.push_back({name, pennies_text(m.low), pennies_text(m.mid), pennies_text(m.high)});
        }
        t.rows.push_back({"Total", pennies_text(y.total.low), pennies_text(y.total.mid), pennies_text(y.total.high)});
        t.last_row_is_total = true;
        w_.add(t);
    }
    w_.paragraph("Lines that are zero every way are left out. Each line of each post is rounded to the penny, then "
                 "multiplied by the number of posts, so every total is the exact sum of its lines. Apprenticeship funding "
                 "and incentives are shown as negative costs.",
                 TextStyle::note);
    if (!role_ && !map_.team_years.empty()) {
        w_.heading(2, "The existing team per year: for information, not new spend", "costs-team");
        Table t;
        t.caption = "The existing team per year, for information";
        t.header = {"Year", "Low", "Mid", "High"};
        t.align = {Align::left, Align::right, Align::right, Align::right};
        t.widths = {3.0, 1.4, 1.4, 1.4};
        t.first_column_is_header = true;
        for (const auto& y : map_.team_years)
            t.rows.push_back({"Year " + std::to_string(y.year), pennies_text(y.total.low), pennies_text(y.total.mid),
                              pennies_text(y.total.high)});
        const Money& all = map_.team_years.back().cumulative;
        t.rows.push_back({"Total", pennies_text(all.low), pennies_text(all.mid), pennies_text(all.high)});
        t.last_row_is_total = true;
        w_.add(t);
    }
}

}  // namespace ys::report::detail
