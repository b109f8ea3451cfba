// The business case's options: each way of filling a role (a new post, an apprenticeship,
// growing a post in the team, sharing with other councils), costed by the engine's own
// cost_post for one post and for the plan's headcount, with the same start, FTE, salary
// point and age as the plan's posts of the role.
#include <algorithm>

#include "business_case_builder.h"
#include "money_text.h"
#include "roadmap_dates.h"
#include "text_format.h"

namespace ys::report::detail {

// The yearly costs shown: the plan's own for the whole roadmap; for one role, its posts as
// the plan costs them (or one new post from the plan's start when the plan has none).
bool BusinessCaseBuilder::cost(std::string& error) {
    if (!role_) {
        years_ = map_.years;
        for (const Role* r : roles()) {
            options_[r->id] = role_options(*r, error);
            if (!error.empty()) return false;
        }
        return true;
    }
    for (const RoadmapPost* h : hires()) add_years_into(years_, h->years);
    if (years_.empty()) {
        PostTerms t;
        t.role = role_;
        t.start = sc().start;
        std::vector<std::string> notes;
        years_ = cost_post(req_, t, notes, error);
        if (!error.empty()) return false;
    }
    options_[role_->id] = role_options(*role_, error);
    return error.empty();
}

// An apprentice role that grows into this one: the one carrying most of its responsibilities.
const Role* BusinessCaseBuilder::apprentice_for(const Role& r) const {
    const Role* best = nullptr;
    double best_overlap = 0;
    for (const auto& c : cat_.roles) {
        if (!c.apprenticeship || c.id == r.id) continue;
        double overlap = 0;
        for (const auto& a : r.responsibilities)
            for (const auto& b : c.responsibilities)
                if (a.id == b.id) overlap += std::min(a.fte_share, b.fte_share);
        if (overlap > best_overlap + 1e-9) {
            best = &c;
            best_overlap = overlap;
        }
    }
    return best;
}

// The team post that could grow into this role: the one the plan grows, else a whole-time
// post in the team that carries some of the same work on a lower salary.
const TeamPost* BusinessCaseBuilder::upskill_from(const Role& r) const {
    for (const auto& p : sc().posts)
        if (p.role == r.id && p.route == PostRoute::GrownFrom)
            if (const TeamPost* t = sc().find_team_post(p.grown_from)) return t;
    const TeamPost* best = nullptr;
    double best_overlap = 0;
    for (const auto& m : sc().team) {
        const Role* t = cat_.find(m.role);
        if (!t || t->id == r.id || m.fte < 1 || t->salary.mid >= r.salary.mid) continue;
        double overlap = 0;
        for (const auto& a : r.responsibilities)
            for (const auto& b : t->responsibilities)
                if (a.id == b.id) overlap += std::min(a.fte_share, b.fte_share);
        if (overlap > best_overlap + 1e-9) {
            best = &m;
            best_overlap = overlap;
        }
    }
    return best;
}

int BusinessCaseBuilder::shared_councils(const Role& r) const {
    for (const RoadmapPost* p : posts_of(r))
        if (p->shared_with > 1) return p->shared_with;
    for (const auto& [id, n] : sc().share_proposals)
        if (id == r.id) return n;
    return 2;
}

std::vector<OptionRow> BusinessCaseBuilder::role_options(const Role& r, std::string& error) const {
    std::vector<OptionRow> out;
    const auto posts = posts_of(r);
    const int heads = std::max(1, headcount_of(r));
    // Every option starts, works and is paid as the plan's first post of the role does.
    PostTerms base;
    base.start = sc().start;
    if (!posts.empty()) {
        base.start = posts.front()->start;
        base.fte = posts.front()->fte;
        base.salary = posts.front()->salary;
        base.age = posts.front()->age;
    }
    std::vector<PostRoute> routes;
    for (const RoadmapPost* p : posts) routes.push_back(p->route);
    auto planned = [&](PostRoute x) { return std::find(routes.begin(), routes.end(), x) != routes.end(); };

    // Costs one option for one post and for the headcount; `backfill` adds a new post of
    // that role to carry the old work of a grown post.
    auto costed = [&](OptionRow row, PostTerms t, const Role* backfill) {
        row.available = true;
        row.headcount = heads;
        std::vector<std::string> notes;
        t.headcount = 1;
        row.per_post = cost_post(req_, t, notes, error);
        t.headcount = heads;
        if (error.empty()) row.total = cost_post(req_, t, notes, error);
        if (backfill && error.empty()) {
            row.grown_part = horizon_total(row.per_post);
            PostTerms back;
            back.role = backfill;
            back.start = t.start;
            back.fte = t.fte;
            back.headcount = 1;
            auto back_one = cost_post(req_, back, notes, error);
            back.headcount = heads;
            auto back_all = error.empty() ? cost_post(req_, back, notes, error) : std::vector<YearCost>{};
            row.backfill_part = horizon_total(back_one);
            row.backfill_title = backfill->title;
            add_years_into(row.per_post, back_one);
            add_years_into(row.total, back_all);
        }
        out.push_back(std::move(row));
    };
    auto unavailable = [&](const std::string& name, const std::string& why) {
        OptionRow row;
        row.name = name;
        row.route = why;
        out.push_back(std::move(row));
    };

    {
        OptionRow row;
        row.name = r.apprenticeship ? "Apprentice post" : "New post";
        row.route = r.apprenticeship ? "recruit an apprentice training towards " + apprenticeship_text(*r.apprenticeship)
                                     : "recruit to a new post";
        row.chosen = planned(PostRoute::NewPost) || planned(PostRoute::Apprenticeship);
        PostTerms t = base;
        t.role = &r;
        costed(row, t, nullptr);
    }
    if (!r.apprenticeship) {
        if (const Role* app = apprentice_for(r)) {
            OptionRow row;
            row.name = "Apprenticeship";
            row.route = "recruit " + with_article(app->title) + " and grow them into the role";
            row.note = "It covers part of the work at first; the full role needs experience after the apprenticeship.";
            PostTerms t = base;
            t.role = app;
            t.salary = SalaryChoice{};  // the apprentice role's own band
            costed(row, t, nullptr);
        } else {
            unavailable("Apprenticeship", "no apprentice role in the catalogue carries this work");
        }
    }
    if (const TeamPost* from = upskill_from(r)) {
        const Role* old_role = cat_.find(from->role);
        const std::string who = !from->name.empty() ? from->name : old_role ? lower_title(old_role->title) : from->id;
        OptionRow row;
        row.name = "Upskill";
        row.route = "grow the team's " + who + " post into the role; a new post carries its old work";
        row.chosen = planned(PostRoute::GrownFrom);
        PostTerms t = base;
        t.role = &r;
        t.grown_from = old_role;
        t.grown_from_salary = from->salary;
        costed(row, t, old_role);
    } else {
        unavailable("Upskill", "no post in the current team could grow into this role");
    }
    if (r.shareable) {
        const int n = shared_councils(r);
        OptionRow row;
        row.name = "Share";
        row.route = "share each post with " + count_text(n - 1, "other council", "other councils");
        row.chosen = planned(PostRoute::Shared);
        row.note = "This council pays 1/" + std::to_string(n) + " of each post and gets that share of its time.";
        PostTerms t = base;
        t.role = &r;
        t.shared_with = n;
        costed(row, t, nullptr);
    } else {
        unavailable("Share", "the catalogue does not mark this role as suited to sharing");
    }
    return out;
}

void BusinessCaseBuilder::options() {
    const std::string over = "over " + count_text(sc().horizon_years, "year", "years");
    if (role_) {
        const auto& opts = options_.at(role_->id);
        Table t;
        t.caption = "Ways to fill the role, costed " + over;
        t.header = {"Option", "Posts", "Per post, first year (mid)", "Per post " + over + " (mid)",
                    "Total " + over + " (mid)", "Total, low to high", "Chosen"};
        t.align = {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left};
        t.widths = {1.4, 0.6, 1.3, 1.3, 1.4, 2.4, 0.8};
        t.first_column_is_header = true;
        std::vector<std::string> notes;
        for (const auto& o : opts) {
            if (!o.available) {
                t.rows.push_back({o.name, "-", "-", "-", "-", "-", ""});
                notes.push_back(o.name + ": not possible here, as " + o.route + ".");
                continue;
            }
            const Money total = horizon_total(o.total), each = horizon_total(o.per_post);
            const YearCost* first = first_paid_year(o.per_post);
            t.rows.push_back({o.name, std::to_string(o.headcount), pennies_text(first ? first->total.mid : 0),
                              pennies_text(each.mid), pennies_text(total.mid),
                              pennies_text(total.low) + " to " + pennies_text(total.high), o.chosen ? "Yes" : ""});
            std::string how = o.name + ": " + o.route + ".";
            if (!o.backfill_title.empty())
                how += " Each post costs " + pennies_text(o.grown_part.mid) + " " + over +
                       " for the rise in pay and on-costs of the grown post, plus " + pennies_text(o.backfill_part.mid) +
                       " for a new " + lower_title(o.backfill_title) + " post to carry its old work (mid).";
            if (!o.note.empty()) how += " " + o.note;
            notes.push_back(how);
        }
        w_.add(t);
        if (!notes.empty()) w_.add(BulletList{notes});
        w_.paragraph("Each option is costed as the plan's posts of this role are: the same start, FTE and salary point, "
                     "with the same assumptions. The total is the cost per post times the number of posts, each line "
                     "rounded to the penny first, as the roadmap costs it. \"First year\" is the first plan year the "
                     "post is paid for.",
                     TextStyle::note);
        return;
    }
    Table t;
    t.caption = "Options per role: the total " + over + " for the plan's number of posts (mid)";
    t.header = {"Role", "Posts", "Route in the plan", "New post", "Apprenticeship", "Upskill", "Share"};
    t.align = {Align::left, Align::right, Align::left, Align::right, Align::right, Align::right, Align::right};
    t.widths = {1.8, 0.6, 2.0, 1.4, 1.4, 1.4, 1.4};
    t.first_column_is_header = true;
    for (const Role* r : roles()) {
        std::vector<std::string> row{r->title, std::to_string(headcount_of(*r)), chosen_route(*r), "-", "-", "-", "-"};
        for (const auto& o : options_.at(r->id)) {
            if (!o.available) continue;
            std::size_t col = o.name == "Apprenticeship" ? 4 : o.name == "Upskill" ? 5 : o.name == "Share" ? 6 : 3;
            row[col] = pennies_text(horizon_total(o.total).mid) + (o.chosen ? " (chosen)" : "");
        }
        t.rows.push_back(row);
    }
    w_.add(t);
    w_.paragraph("\"New post\" is an apprentice post for apprentice roles. \"Apprenticeship\" grows an apprentice into the "
                 "role; \"Upskill\" grows a post already in the team and includes a new post to carry its old work; "
                 "\"Share\" splits each post with other councils. A dash means the option does not apply. The business "
                 "case for one role shows each option's cost per post and its range.",
                 TextStyle::note);
}

}  // namespace ys::report::detail
