// The business case: its entry point, the helpers its sections share, and the cover,
// summary and scenario comparison.
#include "business_case.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "apprenticeship_routes.h"
#include "business_case_builder.h"
#include "money_text.h"
#include "number_format.h"
#include "targets.h"  // is_iso_date
#include "text_format.h"

namespace ys::report {
namespace detail {

std::string pennies_text(double v) { return money(v, 2); }

Money horizon_total(const std::vector<YearCost>& years) { return years.empty() ? Money{} : years.back().cumulative; }

const YearCost* first_paid_year(const std::vector<YearCost>& years) {
    for (const auto& y : years)
        if (!y.total.zero()) return &y;
    return years.empty() ? nullptr : &years.front();
}

void add_years_into(std::vector<YearCost>& a, const std::vector<YearCost>& b) {
    if (a.empty()) {
        a = b;
        return;
    }
    for (std::size_t y = 0; y < a.size() && y < b.size(); ++y) {
        for (const auto& line : b[y].lines) {
            // Not a structured binding: clang's C++17 lambdas cannot capture one.
            auto it = std::find_if(a[y].lines.begin(), a[y].lines.end(), [&](const auto& l) { return l.first == line.first; });
            if (it == a[y].lines.end()) a[y].lines.push_back(line);
            else it->second += line.second;
        }
        a[y].total += b[y].total;
        a[y].total = to_pennies(a[y].total);
        a[y].cumulative += b[y].cumulative;
        a[y].cumulative = to_pennies(a[y].cumulative);
    }
}

std::string count_text(long long n, const std::string& singular, const std::string& plural) {
    return count_of(n, singular, plural);
}

std::string lower_title(const std::string& t) {
    if (t.size() > 1 && std::isupper(static_cast<unsigned char>(t[0])) && !std::isupper(static_cast<unsigned char>(t[1])))
        return static_cast<char>(std::tolower(static_cast<unsigned char>(t[0]))) + t.substr(1);
    return t;
}

std::string rate_text(double share) { return plain(share * 100, 2) + "%"; }

std::string effective(const RulePeriod& r) {
    return r.effective_to.empty() ? "From " + long_date(r.effective_from)
                                  : long_date(r.effective_from) + " to " + long_date(r.effective_to);
}

std::string apprenticeship_text(const Apprenticeship& a) {
    std::string ages;
    if (!a.ages.empty()) ages = ", for apprentices " + age_bands_words(a.ages) + " on their start date";
    return a.standard + (a.foundation ? " foundation apprenticeship" : "") + ", level " + std::to_string(a.level) +
           (a.reference.empty() ? "" : " (" + a.reference + ")") + ages;
}

bool team_covers(const Roadmap& r, const RoadmapPhase& ph) {
    for (const auto& id : ph.responsibilities)
        for (const auto& c : r.cover)
            if (c.responsibility == id && !c.elsewhere && c.from_team + 1e-9 < c.needed) return false;
    return true;
}

BusinessCaseBuilder::BusinessCaseBuilder(const BusinessCaseInput& in, const ReportTemplate& tpl, const Role* role)
    : in_(in), fw_(*in.framework), cat_(*in.roles), a_(*in.assumptions), req_(*in.request), map_(*in.roadmap), role_(role),
      w_(tpl, placeholders(in, role), organisation(in), in.created) {}

std::optional<Document> BusinessCaseBuilder::build(std::string& error) {
    if (!cost(error)) return std::nullopt;
    for (const auto& s : w_.tpl().sections) {
        w_.start_section(s);
        if (s.id == "cover") cover();
        else if (s.id == "summary") summary();
        else if (s.id == "need") need();
        else if (s.id == "role") role_section();
        else if (s.id == "options") options();
        else if (s.id == "posts") posts();
        else if (s.id == "costs") costs();
        else if (s.id == "scenarios") scenarios();
        else if (s.id == "assumptions") assumptions();
        else if (s.id == "funding") funding();
        else if (s.id == "benefits") benefits();
        else if (s.id == "risks") risks();
    }
    return w_.take();
}

std::string BusinessCaseBuilder::organisation(const BusinessCaseInput& in) {
    if (!in.organisation.empty()) return in.organisation;
    return in.request->current ? in.request->current->organisation.name : std::string();
}

std::map<std::string, std::string> BusinessCaseBuilder::placeholders(const BusinessCaseInput& in, const Role* role) {
    return {{"organisation", organisation(in)},
            {"period", in.request->current ? in.request->current->period : std::string()},
            {"date", long_date(in.report_date)},
            {"framework", in.framework->title},
            {"framework_version", in.framework->version},
            {"role", role ? role->title : "the data team"},
            {"horizon", std::to_string(in.request->scenario.horizon_years)},
            {"start", long_date(in.request->scenario.start)},
            {"role_needed", role ? with_article(role->title) : "a data team"},
            {"plan_length", count_of(in.request->scenario.horizon_years, "year", "years")}};
}

std::string BusinessCaseBuilder::plan_name() const { return sc().name.empty() ? "This plan" : sc().name; }

std::vector<const RoadmapPost*> BusinessCaseBuilder::posts_of(const Role& r) const {
    std::vector<const RoadmapPost*> out;
    for (const auto& p : map_.posts)
        if (p.role == r.id) out.push_back(&p);
    return out;
}

std::vector<const RoadmapPost*> BusinessCaseBuilder::hires() const {
    if (role_) return posts_of(*role_);
    std::vector<const RoadmapPost*> out;
    for (const auto& p : map_.posts) out.push_back(&p);
    return out;
}

std::vector<const Role*> BusinessCaseBuilder::roles() const {
    if (role_) return {role_};
    std::vector<const Role*> out;
    for (const auto& p : map_.posts)
        if (const Role* r = cat_.find(p.role); r && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    return out;
}

int BusinessCaseBuilder::start_year(const Role& r) const {
    for (const RoadmapPost* p : posts_of(r)) return p->start_year;
    return 1;
}

int BusinessCaseBuilder::headcount_of(const Role& r) const {
    int n = 0;
    for (const RoadmapPost* p : posts_of(r)) n += p->headcount;
    return n;
}

std::string BusinessCaseBuilder::chosen_route(const Role& r) const {
    std::vector<std::string> routes;
    for (const RoadmapPost* p : posts_of(r))
        if (std::find(routes.begin(), routes.end(), p->route_text) == routes.end()) routes.push_back(p->route_text);
    return routes.empty() ? "Not in the plan" : join_words(routes);
}

std::string BusinessCaseBuilder::responsibility_name(const std::string& id) const {
    const Responsibility* r = fw_.find_responsibility(id);
    return r ? r->name : id;
}

// ---- sections ----

void BusinessCaseBuilder::cover() {
    KeyValues kv;
    std::string org = organisation(in_);
    if (!org.empty()) kv.rows.push_back({"Organisation", org});
    if (role_) kv.rows.push_back({"Role", role_->title});
    else kv.rows.push_back({"Scope", "The whole resourcing roadmap: " + count_text(map_.headcount(), "new post", "new posts")});
    if (round()) kv.rows.push_back({"Assessment", round()->period + ", " + fw_.title + " " + fw_.version});
    kv.rows.push_back({"Plan", plan_name() + ": " + count_text(sc().horizon_years, "year", "years") + " from " +
                                   long_date(sc().start) + ", " + to_string(sc().structure) + " team"});
    kv.rows.push_back({"Costed with", a_.title + " (" + a_.id + " " + a_.version + ")"});
    kv.rows.push_back({"Date of this case", long_date(in_.report_date)});
    w_.add(kv);
}

void BusinessCaseBuilder::summary() {
    // Warnings first: a reader who stops after the summary must still see them.
    if (!map_.warnings.empty()) {
        w_.heading(2, map_.warnings.size() == 1 ? "Warning" : "Warnings", "summary-warnings");
        w_.add(BulletList{map_.warnings});
    }
    KeyValues kv;
    Money total = horizon_total(years_);
    if (role_) {
        auto hs = hires();
        if (hs.empty()) {
            kv.rows.push_back({"In the plan", "No: the plan has no " + lower_title(role_->title) +
                                                  " post. Costed here as one new post from the start of the plan."});
        } else {
            const RoadmapPost& h = *hs.front();
            kv.rows.push_back({"Route", chosen_route(*role_)});
            kv.rows.push_back({"Starts", "Year " + std::to_string(h.start_year) + " (" + long_date(h.start) + ")" +
                                             (h.phase ? ", phase " + std::to_string(h.phase) : "")});
            kv.rows.push_back({"Posts", count_text(headcount_of(*role_), "post", "posts")});
        }
        kv.rows.push_back({"Salary band", money(role_->salary.min) + " to " + money(role_->salary.max) + " (mid " +
                                              money(role_->salary.mid) + ")"});
    } else {
        kv.rows.push_back({"New posts", count_text(map_.headcount(), "post", "posts") + " (" +
                                            count_text(static_cast<long long>(map_.posts.size()), "line", "lines") +
                                            " in the plan)"});
        if (!map_.team.empty())
            kv.rows.push_back({"Existing team", count_text(static_cast<long long>(map_.team.size()), "post", "posts") +
                                                    ", for information; not new spend"});
        kv.rows.push_back({"Phases", std::to_string(map_.phases.size())});
        kv.rows.push_back({"Cover reached", std::to_string(map_.count(CoverStatus::Covered)) + " of " +
                                                count_text(static_cast<long long>(map_.cover.size()), "responsibility",
                                                           "responsibilities") +
                                                " fully covered, " + std::to_string(map_.count(CoverStatus::Partly)) +
                                                " partly, " + std::to_string(map_.count(CoverStatus::NotCovered)) +
                                                " not covered"});
    }
    if (!years_.empty()) {
        auto range = [](const Money& m) { return money(m.mid) + " (" + money(m.low) + " to " + money(m.high) + ")"; };
        kv.rows.push_back({"Cost in year 1", range(years_.front().total)});
        kv.rows.push_back({"Cost over " + count_text(static_cast<long long>(years_.size()), "year", "years"), range(total)});
    }
    w_.add(kv);
    w_.paragraph("Costs are given at the middle of each salary band, with the bottom and top of the band in brackets.",
                 TextStyle::note);
}

void BusinessCaseBuilder::scenarios() {
    if (role_) {
        w_.paragraph("Scenarios are compared in the business case for the whole roadmap.");
        return;
    }
    if (in_.compared.empty()) {
        w_.paragraph("No other scenario was given to compare with this plan.");
        return;
    }
    std::vector<ScenarioSummary> all{summarise(plan_name(), map_)};
    all.insert(all.end(), in_.compared.begin(), in_.compared.end());
    Table t;
    t.caption = "This plan beside the other scenarios";
    t.header = {""};
    t.align = {Align::left};
    t.widths = {2.2};
    for (const auto& s : all) {
        t.header.push_back(s.name);
        t.align.push_back(Align::right);
        t.widths.push_back(1.6);
    }
    t.first_column_is_header = true;
    std::size_t years = 0;
    for (const auto& s : all) years = std::max(years, s.cost_per_year.size());
    for (std::size_t y = 0; y < years; ++y) {
        std::vector<std::string> row{"Year " + std::to_string(y + 1) + " (mid)"};
        for (const auto& s : all) row.push_back(y < s.cost_per_year.size() ? money(s.cost_per_year[y].mid) : "-");
        t.rows.push_back(row);
    }
    auto row = [&](const std::string& name, auto cell) {
        std::vector<std::string> r{name};
        for (const auto& s : all) r.push_back(cell(s));
        t.rows.push_back(r);
    };
    row("Total (mid)", [](const ScenarioSummary& s) { return money(s.total.mid); });
    row("Total (low)", [](const ScenarioSummary& s) { return money(s.total.low); });
    row("Total (high)", [](const ScenarioSummary& s) { return money(s.total.high); });
    row("Fully covered", [](const ScenarioSummary& s) { return std::to_string(s.fully) + " of " + std::to_string(s.responsibilities); });
    row("Partly covered", [](const ScenarioSummary& s) { return std::to_string(s.partly); });
    row("Not covered", [](const ScenarioSummary& s) { return std::to_string(s.not_covered); });
    row("New posts (headcount)", [](const ScenarioSummary& s) { return std::to_string(s.headcount); });
    row("New FTE for this council", [](const ScenarioSummary& s) { return plain(s.fte, 2); });
    row("Existing team (mid, not new spend)", [](const ScenarioSummary& s) { return money(s.team_cost.mid); });
    w_.add(t);
    w_.paragraph("Each scenario is costed with the same assumptions. Cover counts the responsibilities each scenario needs "
                 "once all its posts have started; a shared post counts this council's share of its time.",
                 TextStyle::note);
}

}  // namespace detail

std::optional<Document> build_business_case(const BusinessCaseInput& in, const ReportTemplate& tpl, std::string& error) {
    if (!in.framework || !in.roles || !in.assumptions || !in.request || !in.roadmap) {
        error = "a business case needs a framework, a role catalogue, assumptions, a roadmap and its request";
        return std::nullopt;
    }
    if (tpl.kind != TemplateKind::BusinessCase) {
        error = std::string("the template is for a ") + to_string(tpl.kind) + " report, not a business case";
        return std::nullopt;
    }
    if (!is_iso_date(in.report_date)) {
        error = "the report date must be a date as YYYY-MM-DD, not \"" + in.report_date + "\"";
        return std::nullopt;
    }
    if (!is_iso_date(in.request->scenario.start) || in.request->scenario.horizon_years < 1) {
        error = "the roadmap request needs a start date and a horizon of at least one year";
        return std::nullopt;
    }
    if (in.request->current && in.request->current->dimensions.size() != in.framework->dimensions.size()) {
        error = "the scored round does not belong to framework \"" + in.framework->id + "\"";
        return std::nullopt;
    }
    const Role* role = nullptr;
    if (!in.role.empty()) {
        role = in.roles->find(in.role);
        if (!role) {
            error = "role \"" + in.role + "\" is not in the role catalogue \"" + in.roles->id + "\"";
            return std::nullopt;
        }
        if (!in.compared.empty()) {
            error = "scenarios are compared in the business case for the whole roadmap; leave out the role, or give one scenario";
            return std::nullopt;
        }
    }
    return detail::BusinessCaseBuilder(in, tpl, role).build(error);
}

}  // namespace ys::report
