// The business case's need (the responsibilities in scope, the scores behind them, how far
// the plan covers each, its phases and why it has each role), benefits and risks.
#include <algorithm>
#include <set>

#include "business_case_builder.h"
#include "level_tables.h"
#include "money_text.h"
#include "number_format.h"
#include "text_format.h"

namespace ys::report::detail {

// The responsibilities this case answers: the role's, or every one the plan needs.
std::vector<std::string> BusinessCaseBuilder::responsibilities_in_scope() const {
    std::vector<std::string> out;
    if (role_) {
        for (const auto& r : role_->responsibilities) out.push_back(r.id);
    } else {
        for (const auto& ph : map_.phases)
            for (const auto& r : ph.responsibilities) out.push_back(r);
    }
    return out;
}

int BusinessCaseBuilder::phase_of(const std::string& resp) const {
    for (const auto& ph : map_.phases)
        if (std::find(ph.responsibilities.begin(), ph.responsibilities.end(), resp) != ph.responsibilities.end())
            return ph.number;
    return 0;
}

void BusinessCaseBuilder::need() {
    auto scope = responsibilities_in_scope();
    if (role_) {
        Table t;
        t.caption = "Responsibilities this role carries";
        t.header = {"Responsibility", "Tier", "Needed from", "Phase", "Share of the post"};
        t.widths = {2.6, 1.0, 1.0, 1.0, 1.0};
        for (const auto& rr : role_->responsibilities) {
            const Responsibility* r = fw_.find_responsibility(rr.id);
            if (!r) continue;
            const int ph = phase_of(rr.id);
            t.rows.push_back({r->name, r->tier == Tier::Foundation ? "Foundation" : "Growth",
                              r->tier == Tier::Foundation ? "The start" : "Level " + std::to_string(r->from_level),
                              ph ? std::to_string(ph) : "Not yet needed", percent(rr.fte_share)});
        }
        w_.add(t);
    }
    std::set<int> dims;
    for (const auto& id : scope)
        if (const Responsibility* r = fw_.find_responsibility(id))
            for (const auto& d : r->dimensions)
                if (int k = fw_.find_dimension(d); k >= 0) dims.insert(k);

    // The evidence: the scores of the dimensions those responsibilities serve.
    if (!round()) {
        w_.paragraph("No assessment was given with the plan, so the need rests on the foundation responsibilities every "
                     "council must cover.");
    } else if (!dims.empty()) {
        std::vector<int> order(dims.begin(), dims.end());
        const RoundResult& rr = *round();
        auto short_by = [&](int k) { return rr.dimensions[k].gap ? *rr.dimensions[k].gap : 0.0; };
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return short_by(a) > short_by(b); });
        Table s;
        s.caption = "The evidence: scores in " + rr.period + " against targets";
        s.header = {"Dimension", "Score", "Level", "Target", "Gap"};
        s.align = {Align::left, Align::right, Align::right, Align::right, Align::right};
        s.first_column_is_header = true;
        for (int k : order) {
            if (rr.is_out_of_scope(static_cast<std::size_t>(k))) continue;  // listed below the table
            const NodeScore& n = rr.dimensions[k];
            s.rows.push_back({fw_.dimensions[k].name, n.score ? score_text(*n.score) : "-", n.score ? std::to_string(n.level) : "-",
                              n.target ? target_text(*n.target) + (n.target_by ? " by " + long_date(*n.target_by) : "")
                                       : "None set",
                              n.gap ? score_text(*n.gap) : "-"});
        }
        w_.add(s);
        if (auto out = excluded_text(fw_, rr); !out.empty())
            w_.paragraph("Excluded from this round, so not assessed: " + out + ".", TextStyle::note);
    }
    cover_table();
    if (!role_) phases_table();
    reasons();
    if (!role_ && !map_.uncovered.empty()) {
        std::vector<std::string> names;
        for (const auto& r : map_.uncovered) names.push_back(responsibility_name(r));
        w_.paragraph("No role in the catalogue carries " + join_words(names) + ", so the plan cannot cover " +
                         (names.size() == 1 ? "it" : "them") + " with posts.",
                     TextStyle::note);
    }
}

// Each responsibility as the engine reports it: covered, partly covered (held of needed)
// or not covered, with who holds it.
void BusinessCaseBuilder::cover_table() {
    if (map_.cover.empty()) return;
    std::set<std::string> mine;
    if (role_)
        for (const auto& rr : role_->responsibilities) mine.insert(rr.id);
    Table c;
    c.caption = role_ ? "Cover of the responsibilities this role carries, once every post in the plan has started"
                      : "Cover of each responsibility, once every post in the plan has started";
    c.header = {"Responsibility", "Phase", "Needed (FTE)", "Team", "Planned", "Proposed", "Cover"};
    c.align = {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left};
    c.widths = {2.4, 0.6, 0.9, 0.7, 0.8, 0.9, 2.6};
    c.first_column_is_header = true;
    for (const auto& x : map_.cover) {
        if (role_ && !mine.count(x.responsibility)) continue;
        c.rows.push_back({responsibility_name(x.responsibility), x.phase ? std::to_string(x.phase) : "-", fte_number(x.needed),
                          fte_number(x.from_team), fte_number(x.from_planned), fte_number(x.from_proposed), x.text()});
    }
    if (c.rows.empty()) return;
    w_.add(c);
    w_.paragraph(std::to_string(map_.count(CoverStatus::Covered)) + " of " +
                     count_text(static_cast<long long>(map_.cover.size()), "responsibility", "responsibilities") +
                     " the plan needs " + (map_.cover.size() == 1 ? "is" : "are") + " fully covered, " +
                     std::to_string(map_.count(CoverStatus::Partly)) + " partly and " +
                     std::to_string(map_.count(CoverStatus::NotCovered)) +
                     " not at all. Team, planned and proposed give the FTE each holds; a post shared with other councils "
                     "gives this council its share of the post's time.",
                 TextStyle::note);
}

void BusinessCaseBuilder::phases_table() {
    if (map_.phases.empty()) return;
    Table p;
    p.caption = "Phases: what each reaches once its posts have started";
    p.header = {"Phase", "Starts", "What it reaches", "Newly needed", "Posts"};
    p.widths = {0.6, 1.2, 2.6, 2.6, 2.4};
    for (const auto& ph : map_.phases) {
        std::vector<std::string> resps, posts;
        for (const auto& r : ph.responsibilities) resps.push_back(responsibility_name(r));
        for (auto i : ph.posts) {
            const RoadmapPost& x = map_.posts[i];
            posts.push_back((x.headcount > 1 ? std::to_string(x.headcount) + " x " : "") + x.title + " (" + x.route_text +
                            (x.origin == PostOrigin::Proposed ? ", proposed by Yardstick" : ", planned") + ")");
        }
        std::string none = team_covers(map_, ph) ? "None: already covered by the current team" : "No new posts in this phase";
        p.rows.push_back({std::to_string(ph.number),
                          "Year " + std::to_string(ph.start_year) + (ph.due.empty() ? "" : ", due " + long_date(ph.due)),
                          ph.name, join_words(resps), posts.empty() ? none : join_words(posts)});
    }
    w_.add(p);
}

// Why the plan has each role: one list per role, however many posts it has.
void BusinessCaseBuilder::reasons() {
    bool any = false;
    for (const auto& reason : map_.reasons) {
        if (role_ && reason.role != role_->id) continue;
        if (!any) w_.heading(2, role_ ? "Why the plan has this role" : "Why the plan has these roles", "need-why");
        any = true;
        const std::string who = reason.headcount == 1 ? with_article(reason.title)
                                                      : std::to_string(reason.headcount) + " " + lower_title(reason.title) +
                                                            " posts";
        w_.paragraph("The plan needs " + who + " for:");
        w_.add(BulletList{reason.reasons});
    }
}

// Framework actions for the next step of each dimension that need a responsibility in scope.
std::vector<std::string> BusinessCaseBuilder::enabled_actions() const {
    std::vector<std::string> out;
    if (!round()) return out;
    auto scope = responsibilities_in_scope();
    for (std::size_t d = 0; d < fw_.dimensions.size(); ++d) {
        const NodeScore& n = round()->dimensions[d];
        if (!n.score || n.target_met()) continue;
        for (const auto& a : fw_.dimensions[d].actions) {
            if (a.from != n.level) continue;
            bool needs = false;
            for (const auto& r : a.responsibilities) needs = needs || std::find(scope.begin(), scope.end(), r) != scope.end();
            if (needs) out.push_back(a.title + " (" + fw_.dimensions[d].name + ")");
        }
    }
    return out;
}

void BusinessCaseBuilder::benefits() {
    std::vector<std::string> rise;
    if (round()) {
        std::set<int> dims;
        for (const auto& id : responsibilities_in_scope())
            if (const Responsibility* r = fw_.find_responsibility(id))
                for (const auto& d : r->dimensions)
                    if (int k = fw_.find_dimension(d); k >= 0) dims.insert(k);
        for (int k : dims) {
            const NodeScore& n = round()->dimensions[k];
            if (n.score && n.target && !n.target_met())
                rise.push_back(fw_.dimensions[k].name + ": from level " + std::to_string(n.level) + " towards " +
                               target_text(*n.target) + (n.target_by ? " by " + long_date(*n.target_by) : ""));
        }
    }
    if (!rise.empty()) {
        w_.paragraph("The targets this investment supports:");
        w_.add(BulletList{rise});
    }
    auto acts = enabled_actions();
    if (!acts.empty()) {
        w_.paragraph("Actions from the framework's next steps that need this work done:");
        w_.add(BulletList{acts});
    }
    if (rise.empty() && acts.empty())
        w_.paragraph("No scored targets were given, so the benefits are those of the responsibilities covered.");
}

void BusinessCaseBuilder::risks() {
    Table t;
    t.caption = "What is left undone without the investment";
    t.header = {"If nobody carries", "Why it matters", "Targets at risk"};
    t.widths = {2.2, 2.6, 4.0};
    t.first_column_is_header = true;
    for (const auto& id : responsibilities_in_scope()) {
        const Responsibility* r = fw_.find_responsibility(id);
        if (!r) continue;
        std::vector<std::string> stuck;
        if (round())
            for (const auto& d : r->dimensions) {
                int k = fw_.find_dimension(d);
                if (k < 0) continue;
                const NodeScore& n = round()->dimensions[k];
                if (n.score && n.target && !n.target_met())
                    stuck.push_back(fw_.dimensions[k].name + " (" + std::to_string(n.level) + " of " +
                                    target_text(*n.target) + ")");
            }
        t.rows.push_back({r->name,
                          r->tier == Tier::Foundation ? "A foundation responsibility: every council needs it to get started"
                                                      : "Needed to reach level " + std::to_string(r->from_level),
                          stuck.empty() ? "None scored below target" : join_words(stuck)});
    }
    if (!t.rows.empty()) {
        w_.add(t);
        w_.paragraph("Targets at risk are the dimensions the responsibility serves that are below their target, shown as the "
                     "level reached of the level aimed at.",
                     TextStyle::note);
    }
}

}  // namespace ys::report::detail
