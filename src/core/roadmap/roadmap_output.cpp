#include "roadmap_output.h"

#include <algorithm>
#include <cmath>

#include "money_text.h"
#include "number_format.h"
#include "score_output.h"

namespace ys {
namespace {

std::string pounds(double v) { return money_words(std::round(v)); }

std::string padded(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

nlohmann::json money_json(const Money& m) {
    return {{"low", round_to(m.low, 2)}, {"mid", round_to(m.mid, 2)}, {"high", round_to(m.high, 2)}};
}

std::string responsibility_name(const Framework& fw, const std::string& id) {
    const Responsibility* r = fw.find_responsibility(id);
    return r ? r->name : id;
}

std::string post_label(const RoadmapPost& p) {
    std::string who = p.headcount > 1 ? std::to_string(p.headcount) + " x " + p.title : p.title;
    if (p.fte < 1) who += " (" + fte_words(p.fte) + " each)";
    return p.name.empty() || p.name == p.title ? who : p.name + ": " + who;
}

std::string origin_words(const RoadmapPost& p) {
    return p.origin == PostOrigin::Planned ? "planned" : p.origin == PostOrigin::Proposed ? "proposed by Yardstick" : "team";
}

// "Already covered by the current team" only when the team alone covers all of it.
bool team_covers(const Roadmap& r, const RoadmapPhase& ph) {
    for (const auto& id : ph.responsibilities)
        for (const auto& c : r.cover)
            if (c.responsibility == id && !c.elsewhere && c.from_team + 1e-9 < c.needed) return false;
    return true;
}

void money_row(std::ostream& out, const std::string& name, const Money& m) {
    out << "  " << padded(name, 42) << padded(pounds(m.low), 14) << padded(pounds(m.mid), 14) << pounds(m.high) << "\n";
}

std::string csv_money(double v) { return fixed(v, 2); }

}  // namespace

void write_roadmap_table(std::ostream& out, const Roadmap& r, const Framework& fw) {
    for (const auto& w : r.warnings) out << "Warning: " << w << "\n";
    if (!r.warnings.empty()) out << "\n";
    for (const auto& ph : r.phases) {
        out << "Phase " << ph.number << " (from year " << ph.start_year
            << (ph.due.empty() ? "" : ", due by " + ph.due + (ph.due_before_start ? ", before the plan starts" : "")) << "): " << ph.name
            << "\n";
        out << "  Needs:";
        for (const auto& id : ph.responsibilities) out << " " << responsibility_name(fw, id) << ";";
        out << "\n";
        if (ph.posts.empty())
            out << "  " << (team_covers(r, ph) ? "Already covered by the current team." : "No new posts in this phase.") << "\n";
        for (std::size_t i : ph.posts) {
            const RoadmapPost& p = r.posts[i];
            out << "  + " << post_label(p) << " (" << origin_words(p) << ", " << p.route_text << ", from " << long_day(p.start)
                << (p.sits_in.empty() ? "" : ", " + p.sits_in) << ")\n";
        }
    }
    for (const auto& p : r.posts)
        if (p.phase == 0)
            out << "Also planned: " << post_label(p) << " (" << p.route_text << ", from " << long_day(p.start) << ")\n";

    out << "\nCover once every post has started (FTE needed; held by the team + planned + proposed posts)\n";
    for (const auto& c : r.cover)
        out << "  " << padded(responsibility_name(fw, c.responsibility), 42) << c.text()
            << (c.elsewhere || c.status != CoverStatus::Covered ? "" : " (" + fte_number(c.held) + " of " + fte_words(c.needed) + ")")
            << "\n";
    if (!r.uncovered.empty()) {
        out << "No role in the catalogue carries:";
        for (const auto& u : r.uncovered) out << " " << responsibility_name(fw, u) << ";";
        out << "\n";
    }
    if (!r.reasons.empty()) out << "\nWhy these roles\n";
    for (const auto& reason : r.reasons) {
        out << "  " << reason.title << " (" << count_of(reason.headcount, "post", "posts") << ")\n";
        for (const auto& line : reason.reasons) out << "    - " << line << "\n";
    }
    if (!r.team.empty()) {
        out << "\nThe existing team (for information; not new spend)\n";
        for (const auto& p : r.team)
            out << "  " << padded(post_label(p) + ", " + fte_words(p.fte), 56) << pounds(p.total.mid) << " over the plan (mid)\n";
    }
    if (!r.posts.empty()) out << "\nNew posts (cost per post in its first full year, and the line's total over the plan, mid)\n";
    for (const auto& p : r.posts) {
        Money first;
        for (const auto& y : p.years)
            if (!y.total.zero()) {
                first = y.total;
                break;
            }
        out << "  " << padded(post_label(p), 56) << padded(pounds(first.mid / p.headcount) + " a post", 18) << pounds(p.total.mid)
            << "\n";
        for (const auto& n : p.notes) out << "      " << n << "\n";
    }
    if (!r.other_costs.empty()) out << "\nOther costs (total over the plan)\n";
    for (const auto& o : r.other_costs) {
        const std::string category = category_name(o.category);
        out << "  " << padded(o.name + " (" + (o.name == category ? "" : category + ", ") + (o.recurring ? "a year" : "once") + ")", 74)
            << pounds(o.total.mid) << "\n";
    }

    out << "\nCost per year of new spend (low / mid / high salary points)\n";
    for (const auto& y : r.years) {
        out << "Year " << y.year << " (" << y.from << " to " << y.to << ")\n";
        for (const auto& [name, m] : y.lines)
            if (!m.zero()) money_row(out, name, m);
        money_row(out, "Total", y.total);
        money_row(out, "Cumulative", y.cumulative);
    }
    if (!r.team.empty()) {
        out << "The existing team per year, for information\n";
        for (const auto& y : r.team_years) money_row(out, "Year " + std::to_string(y.year), y.total);
    }
    for (const auto& n : r.notes) out << "Note: " << n << "\n";
    for (const auto& a : r.assumed) out << "Assumption: " << a << "\n";
}

nlohmann::json roadmap_json(const Roadmap& r) {
    auto years_json = [](const std::vector<YearCost>& ys) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& y : ys) {
            nlohmann::json lines = nlohmann::json::array();
            for (const auto& [name, m] : y.lines) lines.push_back({{"item", name}, {"cost", money_json(m)}});
            out.push_back({{"year", y.year}, {"from", y.from}, {"to", y.to}, {"lines", lines}, {"total", money_json(y.total)},
                           {"cumulative", money_json(y.cumulative)}});
        }
        return out;
    };
    auto posts_json = [&](const std::vector<RoadmapPost>& ps) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : ps) {
            nlohmann::json covers = nlohmann::json::array();
            for (const auto& [id, fte] : p.covers) covers.push_back({{"responsibility", id}, {"fte", round_to(fte, 6)}});
            out.push_back({{"id", p.id}, {"name", p.name}, {"origin", to_string(p.origin)}, {"role", p.role}, {"title", p.title},
                           {"route", to_string(p.route)}, {"route_text", p.route_text}, {"headcount", p.headcount},
                           {"fte", p.fte}, {"shared_with", p.shared_with}, {"grown_from", p.grown_from}, {"start", p.start},
                           {"start_year", p.start_year}, {"phase", p.phase}, {"sits_in", p.sits_in},
                           {"salary", to_string(p.salary.point)},
                           {"exact_salary", p.salary.point == SalaryPoint::Exact ? nlohmann::json(p.salary.exact) : nlohmann::json(nullptr)},
                           {"age", to_string(p.age)}, {"covers", covers},
                           {"years", years_json(p.years)}, {"total", money_json(p.total)}, {"notes", p.notes}});
        }
        return out;
    };
    nlohmann::json phases = nlohmann::json::array(), cover = nlohmann::json::array(), reasons = nlohmann::json::array(),
                   other = nlohmann::json::array();
    for (const auto& ph : r.phases)
        phases.push_back({{"number", ph.number}, {"name", ph.name}, {"start_year", ph.start_year}, {"level", ph.level},
                          {"due", ph.due.empty() ? nlohmann::json(nullptr) : nlohmann::json(ph.due)},
                          {"due_before_start", ph.due_before_start}, {"responsibilities", ph.responsibilities},
                          {"fully_covered", ph.fully_covered}, {"partly_covered", ph.partly_covered},
                          {"not_covered", ph.not_covered}, {"posts", ph.posts}});
    for (const auto& c : r.cover)
        cover.push_back({{"responsibility", c.responsibility}, {"phase", c.phase}, {"needed", round_to(c.needed, 6)},
                         {"held", round_to(c.held, 6)}, {"from_team", round_to(c.from_team, 6)},
                         {"from_planned", round_to(c.from_planned, 6)}, {"from_proposed", round_to(c.from_proposed, 6)},
                         {"elsewhere", c.elsewhere}, {"elsewhere_how", c.elsewhere_how}, {"status", to_string(c.status)},
                         {"text", c.text()}});
    for (const auto& x : r.reasons)
        reasons.push_back({{"role", x.role}, {"title", x.title}, {"headcount", x.headcount}, {"reasons", x.reasons}});
    for (const auto& o : r.other_costs) {
        nlohmann::json per_year = nlohmann::json::array();
        for (const auto& m : o.per_year) per_year.push_back(round_to(m.mid, 2));
        other.push_back({{"id", o.id}, {"name", o.name}, {"category", to_string(o.category)}, {"recurring", o.recurring},
                         {"uplift", o.uplift}, {"per_year", per_year}, {"total", round_to(o.total.mid, 2)}});
    }
    return {{"format", "yardstick-roadmap/2"}, {"warnings", r.warnings}, {"phases", phases}, {"cover", cover},
            {"reasons", reasons}, {"team", posts_json(r.team)}, {"posts", posts_json(r.posts)}, {"other_costs", other},
            {"years", years_json(r.years)}, {"team_years", years_json(r.team_years)}, {"uncovered", r.uncovered},
            {"notes", r.notes}, {"assumptions", r.assumed}};
}

void write_roadmap_csv(std::ostream& out, const Roadmap& r) {
    out << "section,id,name,role,origin,route,headcount,fte_each,shared_with,start,year,from,to,line,"
           "low_per_post,mid_per_post,high_per_post,low,mid,high\r\n";
    // What the figures rest on travels with them: warnings and assumptions first, text in "name".
    for (const auto& w : r.warnings) out << "warning,," << csv_field(w) << ",,,,,,,,,,,,,,,,,\r\n";
    for (const auto& a : r.assumed) out << "assumption,," << csv_field(a) << ",,,,,,,,,,,,,,,,,\r\n";
    auto post_rows = [&](const char* section, const RoadmapPost& p) {
        for (const auto& y : p.years)
            for (const auto& [line, m] : y.lines) {
                if (m.zero()) continue;
                const double n = p.headcount;
                out << section << "," << csv_field(p.id) << "," << csv_field(p.name) << "," << csv_field(p.title) << ","
                    << to_string(p.origin) << "," << csv_field(p.route_text) << "," << p.headcount << "," << plain(p.fte, 4) << ","
                    << p.shared_with << "," << p.start << "," << y.year << "," << y.from << "," << y.to << "," << csv_field(line)
                    << "," << csv_money(to_pennies(m.low / n)) << "," << csv_money(to_pennies(m.mid / n)) << ","
                    << csv_money(to_pennies(m.high / n)) << "," << csv_money(m.low) << "," << csv_money(m.mid) << ","
                    << csv_money(m.high) << "\r\n";
            }
    };
    for (const auto& p : r.posts) post_rows("new post", p);
    for (const auto& o : r.other_costs)
        for (std::size_t y = 0; y < o.per_year.size() && y < r.years.size(); ++y) {
            const Money& m = o.per_year[y];
            if (m.zero()) continue;
            out << "other cost," << csv_field(o.id) << "," << csv_field(o.name) << ",,,"
                << (o.recurring ? "recurring" : "one-off") << ",,,," << "," << r.years[y].year << "," << r.years[y].from << ","
                << r.years[y].to << "," << csv_field(category_name(o.category)) << ",,,," << csv_money(m.low) << ","
                << csv_money(m.mid) << "," << csv_money(m.high) << "\r\n";
        }
    auto totals = [&](const char* section, const std::vector<YearCost>& years) {
        for (const auto& y : years) {
            for (const auto& [line, m] : y.lines)
                if (!m.zero())
                    out << section << ",,,,,,,,,," << y.year << "," << y.from << "," << y.to << "," << csv_field(line) << ",,,,"
                        << csv_money(m.low) << "," << csv_money(m.mid) << "," << csv_money(m.high) << "\r\n";
            out << section << ",,,,,,,,,," << y.year << "," << y.from << "," << y.to << ",Total,,,," << csv_money(y.total.low)
                << "," << csv_money(y.total.mid) << "," << csv_money(y.total.high) << "\r\n";
            out << section << ",,,,,,,,,," << y.year << "," << y.from << "," << y.to << ",Cumulative,,,,"
                << csv_money(y.cumulative.low) << "," << csv_money(y.cumulative.mid) << "," << csv_money(y.cumulative.high)
                << "\r\n";
        }
    };
    totals("plan total", r.years);
    for (const auto& p : r.team) post_rows("existing team", p);
    if (!r.team.empty()) totals("existing team total", r.team_years);
}

void write_comparison_table(std::ostream& out, const std::vector<ScenarioSummary>& s) {
    if (s.empty()) return;
    std::size_t width = 26, years = 0;
    for (const auto& x : s) {
        width = std::max(width, x.name.size() + 2);
        years = std::max(years, x.cost_per_year.size());
    }
    auto row = [&](const std::string& name, auto cell) {
        out << padded(name, 28);
        for (const auto& x : s) out << padded(cell(x), width);
        out << "\n";
    };
    row("", [](const ScenarioSummary& x) { return x.name; });
    for (std::size_t y = 0; y < years; ++y)
        row("Year " + std::to_string(y + 1) + " (mid)", [y](const ScenarioSummary& x) {
            return y < x.cost_per_year.size() ? pounds(x.cost_per_year[y].mid) : std::string("-");
        });
    row("Total (mid)", [](const ScenarioSummary& x) { return pounds(x.total.mid); });
    row("Total (low to high)", [](const ScenarioSummary& x) { return pounds(x.total.low) + " to " + pounds(x.total.high); });
    row("Fully covered", [](const ScenarioSummary& x) { return std::to_string(x.fully) + " of " + std::to_string(x.responsibilities); });
    row("Partly covered", [](const ScenarioSummary& x) { return std::to_string(x.partly); });
    row("Not covered", [](const ScenarioSummary& x) { return std::to_string(x.not_covered); });
    row("New posts (headcount)", [](const ScenarioSummary& x) { return std::to_string(x.headcount); });
    row("New FTE for this council", [](const ScenarioSummary& x) { return fte_number(x.fte); });
    row("Existing team (mid)", [](const ScenarioSummary& x) { return pounds(x.team_cost.mid); });
    for (const auto& x : s)
        if (x.cost_per_year.size() < years) {
            out << "A dash: that plan is shorter. Totals are over each plan's own years.\n";
            break;
        }
}

nlohmann::json comparison_json(const std::vector<ScenarioSummary>& s) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& x : s) {
        nlohmann::json years = nlohmann::json::array();
        for (const auto& m : x.cost_per_year) years.push_back(money_json(m));
        out.push_back({{"name", x.name}, {"cost_per_year", years}, {"total", money_json(x.total)}, {"fully_covered", x.fully},
                       {"partly_covered", x.partly}, {"not_covered", x.not_covered}, {"responsibilities", x.responsibilities},
                       {"headcount", x.headcount}, {"fte", round_to(x.fte, 6)}, {"team_cost", money_json(x.team_cost)}});
    }
    return {{"format", "yardstick-roadmap-comparison/1"}, {"scenarios", out}};
}

void write_comparison_csv(std::ostream& out, const std::vector<ScenarioSummary>& s) {
    out << "scenario,year,low,mid,high,fully_covered,partly_covered,not_covered,responsibilities,headcount,fte\r\n";
    for (const auto& x : s) {
        for (std::size_t y = 0; y < x.cost_per_year.size(); ++y)
            out << csv_field(x.name) << "," << y + 1 << "," << csv_money(x.cost_per_year[y].low) << ","
                << csv_money(x.cost_per_year[y].mid) << "," << csv_money(x.cost_per_year[y].high) << ",,,,,,\r\n";
        out << csv_field(x.name) << ",total," << csv_money(x.total.low) << "," << csv_money(x.total.mid) << ","
            << csv_money(x.total.high) << "," << x.fully << "," << x.partly << "," << x.not_covered << "," << x.responsibilities
            << "," << x.headcount << "," << plain(x.fte, 4) << "\r\n";
    }
}

}  // namespace ys
