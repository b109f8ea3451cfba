#include "roadmap_book.h"

#include <algorithm>

#include "business_case.h"

namespace ys::xlsx {
namespace {

// Rounded to the penny where it is written: a running total carries no float noise.
Cell money(double v) { return number(to_pennies(v), Format::money); }

Cell bolded(Cell c) {
    c.bold = true;
    return c;
}

std::string responsibility_name(const Framework& fw, const std::string& id) {
    const Responsibility* r = fw.find_responsibility(id);
    return r ? r->name : id;
}

// The business case's "Cost per year" table: each year, then the plan's total.
Sheet per_year_sheet(const std::string& name, const std::vector<YearCost>& years) {
    Sheet s;
    s.name = name;
    s.filter = false;  // a total row under the years: sorting would move it
    s.columns = {{"Year"}, {"From"}, {"To"}, {"Low"}, {"Mid"}, {"High"}, {"Cumulative (mid)"}};
    for (const auto& y : years)
        s.rows.push_back({number(y.year, Format::integer), date(y.from), date(y.to), money(y.total.low), money(y.total.mid),
                          money(y.total.high), money(y.cumulative.mid)});
    if (!years.empty()) {
        const Money& t = years.back().cumulative;
        s.rows.push_back({bolded(text("Total")), blank(), blank(), bolded(money(t.low)), bolded(money(t.mid)),
                          bolded(money(t.high)), bolded(money(t.mid))});
    }
    return s;
}

// Every line of every year, as the business case itemises it, with each year's total and
// the running total.
Sheet lines_sheet(const std::string& name, const std::vector<YearCost>& years) {
    Sheet s;
    s.name = name;
    s.columns = {{"Year"}, {"From"}, {"To"}, {"Cost line", 30}, {"Low"}, {"Mid"}, {"High"}};
    for (const auto& y : years) {
        auto row = [&](const std::string& line, const Money& m, bool bold) {
            std::vector<Cell> r = {number(y.year, Format::integer), date(y.from), date(y.to), text(line), money(m.low),
                                   money(m.mid), money(m.high)};
            for (auto& c : r) c.bold = bold;
            s.rows.push_back(std::move(r));
        };
        for (const auto& [line, m] : y.lines)
            if (!m.zero()) row(line, m, false);
        row("Total", y.total, true);
        row("Cumulative", y.cumulative, true);
    }
    return s;
}

Sheet posts_sheet(const std::string& name, const std::vector<RoadmapPost>& posts, std::size_t years) {
    Sheet s;
    s.name = name;
    s.columns = {{"Post id"}, {"Name"}, {"Role", 28}, {"Origin"}, {"Route", 28}, {"Headcount"}, {"FTE each"},
                 {"Shared with"}, {"Start"}, {"Start year"}, {"Phase"}, {"Sits in"}};
    for (std::size_t y = 1; y <= years; ++y) s.columns.push_back({"Year " + std::to_string(y) + " (mid)"});
    s.columns.insert(s.columns.end(), {{"Total (low)"}, {"Total (mid)"}, {"Total (high)"}, {"Notes", 60}});
    for (const auto& p : posts) {
        std::string notes;
        for (const auto& n : p.notes) notes += (notes.empty() ? "" : " ") + n;
        std::vector<Cell> row = {text(p.id), text(p.name), text(p.title), text(to_string(p.origin)), text(p.route_text),
                                 number(p.headcount, Format::integer), number(p.fte, Format::fte),
                                 number(p.shared_with, Format::integer), date(p.start), number(p.start_year, Format::integer),
                                 p.phase ? number(p.phase, Format::integer) : blank(), text(p.sits_in)};
        for (std::size_t y = 0; y < years; ++y) row.push_back(y < p.years.size() ? money(p.years[y].total.mid) : blank());
        row.insert(row.end(), {money(p.total.low), money(p.total.mid), money(p.total.high), text(notes)});
        s.rows.push_back(std::move(row));
    }
    return s;
}

// Each post line's cost lines per year: for one post and for the line's headcount (the
// roadmap CSV's rows).
Sheet post_costs_sheet(const std::string& name, const std::vector<RoadmapPost>& posts) {
    Sheet s;
    s.name = name;
    s.columns = {{"Post id"}, {"Role", 28}, {"Headcount"}, {"Year"}, {"From"}, {"To"}, {"Cost line", 30},
                 {"Low a post"}, {"Mid a post"}, {"High a post"}, {"Low"}, {"Mid"}, {"High"}};
    for (const auto& p : posts)
        for (const auto& y : p.years)
            for (const auto& [line, m] : y.lines) {
                if (m.zero()) continue;
                const double n = p.headcount;
                s.rows.push_back({text(p.id), text(p.title), number(p.headcount, Format::integer),
                                  number(y.year, Format::integer), date(y.from), date(y.to), text(line),
                                  money(to_pennies(m.low / n)), money(to_pennies(m.mid / n)), money(to_pennies(m.high / n)),
                                  money(m.low), money(m.mid), money(m.high)});
            }
    return s;
}

// Posts in place in each plan year (from their start year on): headcount and FTE.
Sheet posts_per_year_sheet(const Roadmap& r) {
    Sheet s;
    s.name = "Posts per year";
    s.columns = {{"Year"}, {"From"}, {"To"}, {"New posts (headcount)"}, {"New FTE for this council"},
                 {"Existing team (headcount)"}, {"Existing team FTE"}};
    for (const auto& y : r.years) {
        auto count = [&](const std::vector<RoadmapPost>& ps, int& heads, double& fte) {
            for (const auto& p : ps)
                if (p.start_year <= y.year) {
                    heads += p.headcount;
                    fte += p.headcount * p.fte / p.shared_with;
                }
        };
        int heads = 0, team_heads = 0;
        double fte = 0, team_fte = 0;
        count(r.posts, heads, fte);
        count(r.team, team_heads, team_fte);
        s.rows.push_back({number(y.year, Format::integer), date(y.from), date(y.to), number(heads, Format::integer),
                          number(fte, Format::fte), number(team_heads, Format::integer), number(team_fte, Format::fte)});
    }
    return s;
}

Sheet other_costs_sheet(const Roadmap& r) {
    Sheet s;
    s.name = "Other costs";
    s.columns = {{"Id"}, {"Name", 30}, {"Category"}, {"Recurring"}, {"Uplifted"}};
    for (std::size_t y = 1; y <= r.years.size(); ++y) s.columns.push_back({"Year " + std::to_string(y)});
    s.columns.push_back({"Total"});
    for (const auto& o : r.other_costs) {
        std::vector<Cell> row = {text(o.id), text(o.name), text(category_name(o.category)), text(o.recurring ? "Yes" : "No"),
                                 text(o.uplift ? "Yes" : "No")};
        for (std::size_t y = 0; y < r.years.size(); ++y) row.push_back(y < o.per_year.size() ? money(o.per_year[y].mid) : blank());
        row.push_back(money(o.total.mid));
        s.rows.push_back(std::move(row));
    }
    return s;
}

Sheet cover_sheet(const Roadmap& r, const Framework& fw) {
    Sheet s;
    s.name = "Cover";
    s.columns = {{"Responsibility id"}, {"Responsibility", 36}, {"Phase"}, {"FTE needed"}, {"FTE held"}, {"From the team"},
                 {"From planned posts"}, {"From proposed posts"}, {"Status", 40}};
    for (const auto& c : r.cover)
        s.rows.push_back({text(c.responsibility), text(responsibility_name(fw, c.responsibility)), number(c.phase, Format::integer),
                          number(c.needed, Format::fte), number(c.held, Format::fte), number(c.from_team, Format::fte),
                          number(c.from_planned, Format::fte), number(c.from_proposed, Format::fte), text(c.text())});
    return s;
}

Sheet assumptions_sheet(const Roadmap& r, const Assumptions& a) {
    Sheet s;
    s.name = "Assumptions";
    s.columns = {{"Assumption", 30}, {"Figure", 50}, {"Applies", 26}, {"Assumed, not published"}, {"Basis", 50},
                 {"Source", 60}, {"Checked"}};
    for (const auto& row : report::assumption_rows(a))
        s.rows.push_back({text(row.what), text(row.figure), text(row.applies), text(row.assumption ? "Yes" : "No"),
                          text(row.basis), text(row.source), row.checked.empty() ? blank() : date(row.checked)});
    // How the plan used them, in words, as every output lists it.
    for (const auto& n : r.notes) s.rows.push_back({text("How the plan was costed"), text(n)});
    for (const auto& n : r.assumed) s.rows.push_back({text("Figure used that is an assumption"), text(n), blank(), text("Yes")});
    return s;
}

Sheet scenarios_sheet(const std::vector<ScenarioSummary>& sums) {
    Sheet s;
    s.name = "Scenarios compared";
    s.filter = false;
    std::size_t years = 0;
    for (const auto& x : sums) years = std::max(years, x.cost_per_year.size());
    s.columns = {{"Scenario", 30}};
    for (std::size_t y = 1; y <= years; ++y) s.columns.push_back({"Year " + std::to_string(y) + " (mid)"});
    s.columns.insert(s.columns.end(), {{"Total (low)"}, {"Total (mid)"}, {"Total (high)"}, {"Fully covered"},
                                       {"Partly covered"}, {"Not covered"}, {"Responsibilities"}, {"New posts (headcount)"},
                                       {"New FTE for this council"}, {"Existing team (mid)"}});
    for (const auto& x : sums) {
        std::vector<Cell> row = {text(x.name)};
        for (std::size_t y = 0; y < years; ++y) row.push_back(y < x.cost_per_year.size() ? money(x.cost_per_year[y].mid) : blank());
        row.insert(row.end(), {money(x.total.low), money(x.total.mid), money(x.total.high), number(x.fully, Format::integer),
                               number(x.partly, Format::integer), number(x.not_covered, Format::integer),
                               number(x.responsibilities, Format::integer), number(x.headcount, Format::integer),
                               number(x.fte, Format::fte), money(x.team_cost.mid)});
        s.rows.push_back(std::move(row));
    }
    return s;
}

}  // namespace

Book roadmap_book(const RoadmapBookInput& in) {
    const Roadmap& r = *in.roadmap;
    const RoadmapScenario& sc = in.request->scenario;
    About about = in.about;
    about.what = "Roadmap and business case figures";
    about.anonymise_applies = false;
    about.rows.push_back({"Scenario", sc.name});
    about.rows.push_back({"Plan", "from " + sc.start + ", " + std::to_string(sc.horizon_years) + " years"});
    about.rows.push_back({"Money", "pounds to the penny, as the business case prints them; low, mid and high salary points"});
    for (const auto& w : r.warnings) about.rows.push_back({"Warning", w});
    Book b;
    b.title = "Roadmap: " + sc.name;
    b.subject = "Yardstick roadmap";
    b.sheets = {about_sheet(about), per_year_sheet("Cost per year", r.years), lines_sheet("Cost lines", r.years),
                posts_sheet("Posts", r.posts, r.years.size()), post_costs_sheet("Post costs", r.posts),
                posts_per_year_sheet(r)};
    if (!r.other_costs.empty()) b.sheets.push_back(other_costs_sheet(r));
    if (!r.team.empty()) {
        b.sheets.push_back(posts_sheet("Existing team", r.team, r.team_years.size()));
        b.sheets.push_back(lines_sheet("Existing team cost lines", r.team_years));
    }
    b.sheets.push_back(cover_sheet(r, *in.framework));
    b.sheets.push_back(assumptions_sheet(r, *in.request->assumptions));
    if (in.compared.size() > 1) b.sheets.push_back(scenarios_sheet(in.compared));
    return b;
}

}  // namespace ys::xlsx
