#include "business_case.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "number_format.h"
#include "targets.h"  // is_iso_date
#include "text_format.h"

namespace ys::report {
namespace {

bool is_zero(const Money& m) { return std::fabs(m.low) < 0.005 && std::fabs(m.mid) < 0.005 && std::fabs(m.high) < 0.005; }

// Adds b's lines, totals and cumulative totals into a, year by year.
void add_years_into(std::vector<YearCost>& a, const std::vector<YearCost>& b) {
    if (a.empty()) {
        a = b;
        return;
    }
    for (std::size_t y = 0; y < a.size() && y < b.size(); ++y) {
        if (a[y].lines.empty()) a[y].lines = b[y].lines;
        else
            for (std::size_t i = 0; i < a[y].lines.size() && i < b[y].lines.size(); ++i) a[y].lines[i].second += b[y].lines[i].second;
        a[y].total += b[y].total;
        a[y].cumulative += b[y].cumulative;
    }
}

Money horizon_total(const std::vector<YearCost>& years) { return years.empty() ? Money{} : years.back().cumulative; }

// "£46,800 (£39,000 to £54,000)"
std::string money_range(const Money& m) {
    return money(m.mid) + " (" + money(m.low) + " to " + money(m.high) + ")";
}

std::string effective(const RulePeriod& r) {
    return r.effective_to.empty() ? "From " + long_date(r.effective_from)
                                  : long_date(r.effective_from) + " to " + long_date(r.effective_to);
}

std::string rate_text(double share) { return plain(share * 100, 2) + "%"; }

std::string apprenticeship_text(const Apprenticeship& a) {
    return a.standard + ", level " + std::to_string(a.level) + (a.reference.empty() ? "" : " (" + a.reference + ")");
}

struct OptionRow {
    std::string name;      // "New post"
    std::string route;     // how, in words
    bool available = false;
    bool chosen = false;
    std::vector<YearCost> years;
    std::string note;
};

class BusinessCaseBuilder {
public:
    BusinessCaseBuilder(const BusinessCaseInput& in, const ReportTemplate& tpl, const Role* role)
        : in_(in), fw_(*in.framework), cat_(*in.roles), a_(*in.assumptions), req_(*in.request), map_(*in.roadmap),
          role_(role), w_(tpl, placeholders(in, role), organisation(in), in.created) {}

    std::optional<Document> build(std::string& error) {
        if (!cost(error)) return std::nullopt;
        for (const auto& s : w_.tpl().sections) {
            w_.start_section(s);
            if (s.id == "cover") cover();
            else if (s.id == "summary") summary();
            else if (s.id == "need") need();
            else if (s.id == "role") role_section();
            else if (s.id == "options") options();
            else if (s.id == "costs") costs();
            else if (s.id == "assumptions") assumptions();
            else if (s.id == "funding") funding();
            else if (s.id == "benefits") benefits();
            else if (s.id == "risks") risks();
        }
        return w_.take();
    }

private:
    static std::string organisation(const BusinessCaseInput& in) {
        if (!in.organisation.empty()) return in.organisation;
        return in.request->current ? in.request->current->organisation.name : std::string();
    }
    static std::map<std::string, std::string> placeholders(const BusinessCaseInput& in, const Role* role) {
        return {{"organisation", organisation(in)},
                {"period", in.request->current ? in.request->current->period : std::string()},
                {"date", long_date(in.report_date)},
                {"framework", in.framework->title},
                {"framework_version", in.framework->version},
                {"role", role ? role->title : "the data team"},
                {"horizon", std::to_string(in.request->scenario.horizon_years)},
                {"start", long_date(in.request->scenario.start)}};
    }

    const RoundResult* round() const { return req_.current; }

    // The roadmap's new posts this case is about: of the role, or all of them.
    std::vector<const RoadmapPost*> hires() const {
        std::vector<const RoadmapPost*> out;
        for (const auto& h : map_.posts)
            if (!role_ || h.role == role_->id) out.push_back(&h);
        return out;
    }

    // The roles this case describes, in the order the roadmap adds them.
    std::vector<const Role*> roles() const {
        std::vector<const Role*> out;
        if (role_) return {role_};
        for (const auto& h : map_.posts)
            if (const Role* r = cat_.find(h.role); r && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
        return out;
    }

    // The yearly costs shown: the roadmap's own for the whole roadmap; for one role, its
    // posts costed as the roadmap costs them (or a new post from year 1 when the roadmap
    // does not add the role).
    bool cost(std::string& error) {
        if (!role_) {
            years_ = map_.years;
            for (const Role* r : roles()) options_[r->id] = role_options(*r, error);
            return error.empty();
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

    // The role's years of service in the roadmap: the first hire's start year, else 1.
    int start_year(const Role& r) const {
        for (const auto& h : map_.posts)
            if (h.role == r.id) return h.start_year;
        return 1;
    }

    // An apprentice role that grows into this one: the one carrying most of its responsibilities.
    const Role* apprentice_for(const Role& r) const {
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

    // A post that could grow into this role: the one the request names, else a post in the
    // team that carries some of the same work on a lower salary.
    const Role* upskill_from(const Role& r) const {
        for (const auto& p : sc().posts)
            if (p.role == r.id && p.route == PostRoute::GrownFrom)
                if (const TeamPost* t = sc().find_team_post(p.grown_from)) return cat_.find(t->role);
        const Role* best = nullptr;
        double best_overlap = 0;
        for (const auto& m : sc().team) {
            const Role* t = cat_.find(m.role);
            if (!t || t->id == r.id || m.fte < 1 || t->salary.mid >= r.salary.mid) continue;
            double overlap = 0;
            for (const auto& a : r.responsibilities)
                for (const auto& b : t->responsibilities)
                    if (a.id == b.id) overlap += std::min(a.fte_share, b.fte_share);
            if (overlap > best_overlap + 1e-9) {
                best = t;
                best_overlap = overlap;
            }
        }
        return best;
    }

    int shared_councils(const Role& r) const {
        for (const auto& p : map_.posts)
            if (p.role == r.id && p.shared_with > 1) return p.shared_with;
        for (const auto& [id, n] : sc().share_proposals)
            if (id == r.id) return n;
        return 2;
    }

    std::string chosen_route(const Role& r) const {
        for (const auto& h : map_.posts)
            if (h.role == r.id) return h.route_text;
        return "";
    }
    std::optional<PostRoute> chosen(const Role& r) const {
        for (const auto& h : map_.posts)
            if (h.role == r.id) return h.route;
        return std::nullopt;
    }
    const RoadmapScenario& sc() const { return req_.scenario; }

    std::vector<OptionRow> role_options(const Role& r, std::string& error) const {
        std::vector<OptionRow> out;
        const int start = start_year(r);
        const auto route = chosen(r);
        auto costed = [&](OptionRow row, const Role& who, const Role* from, int shared_with) {
            row.available = true;
            PostTerms t;
            t.role = &who;
            t.start = add_years(sc().start, start - 1);
            t.shared_with = shared_with;
            t.grown_from = from;
            std::vector<std::string> notes;
            row.years = cost_post(req_, t, notes, error);
            if (from && error.empty()) {
                // The grown post's old work has to be covered again: a new post of its old role.
                PostTerms back;
                back.role = from;
                back.start = t.start;
                add_years_into(row.years, cost_post(req_, back, notes, error));
            }
            out.push_back(std::move(row));
        };
        OptionRow hire{r.apprenticeship ? "Apprentice post" : "New post",
                       r.apprenticeship ? "recruit an apprentice training towards " + apprenticeship_text(*r.apprenticeship)
                                        : "recruit to a new post",
                       false, route == PostRoute::NewPost || route == PostRoute::Apprenticeship, {}, ""};
        costed(hire, r, nullptr, 1);
        if (!r.apprenticeship) {
            if (const Role* app = apprentice_for(r)) {
                OptionRow row{"Apprenticeship", "recruit a " + app->title + " and grow them into the role", false, false,
                              {}, ""};
                row.note = "Covers part of the work at first; the full role needs experience after the apprenticeship.";
                costed(row, *app, nullptr, 1);
            } else {
                out.push_back({"Apprenticeship", "no apprentice role in the catalogue carries this work", false, false, {}, ""});
            }
        }
        if (const Role* from = upskill_from(r)) {
            OptionRow row{"Upskill", "train a " + from->title + " already in the team into the role", false,
                          route == PostRoute::GrownFrom, {}, ""};
            row.note = "Costs the rise in pay and on-costs, plus a new " + from->title +
                       " post to carry the grown post's old work.";
            costed(row, r, from, 1);
        } else {
            out.push_back({"Upskill", "no post in the current team could grow into this role", false, false, {}, ""});
        }
        if (r.shareable) {
            int n = shared_councils(r);
            OptionRow row{"Share", "share one post with " + std::to_string(n - 1) + " other council" + (n > 2 ? "s" : ""),
                          false, route == PostRoute::Shared, {}, ""};
            row.note = "This council pays 1/" + std::to_string(n) + " of the post and gets that share of its time.";
            costed(row, r, nullptr, n);
        } else {
            out.push_back({"Share", "the catalogue does not mark this role as suited to sharing", false, false, {}, ""});
        }
        return out;
    }

    // ---- sections ----

    void cover() {
        KeyValues kv;
        std::string org = organisation(in_);
        if (!org.empty()) kv.rows.push_back({"Organisation", org});
        if (role_) kv.rows.push_back({"Role", role_->title});
        else kv.rows.push_back({"Scope", "The whole resourcing roadmap: " + std::to_string(map_.headcount()) + " new post" +
                                             (map_.headcount() == 1 ? "" : "s")});
        if (round()) kv.rows.push_back({"Assessment", round()->period + ", " + fw_.title + " " + fw_.version});
        kv.rows.push_back({"Roadmap", sc().name + ": " + std::to_string(sc().horizon_years) + " year" +
                                          (sc().horizon_years == 1 ? "" : "s") + " from " + long_date(sc().start) + ", " +
                                          to_string(sc().structure) + " team"});
        kv.rows.push_back({"Costed with", a_.title + " (" + a_.id + " " + a_.version + ")"});
        kv.rows.push_back({"Date of this case", long_date(in_.report_date)});
        w_.add(kv);
    }

    void summary() {
        KeyValues kv;
        Money total = horizon_total(years_);
        if (role_) {
            auto hs = hires();
            if (hs.empty()) {
                kv.rows.push_back({"In the roadmap", "No: the roadmap does not add this role. Costed here as a new post from year 1."});
            } else {
                const RoadmapPost& h = *hs.front();
                kv.rows.push_back({"Route", h.route_text});
                kv.rows.push_back({"Starts", "Year " + std::to_string(h.start_year) + " (" +
                                                 long_date(h.start) + ")" + (h.phase ? ", phase " + std::to_string(h.phase) : "")});
                int heads = 0;
                for (const auto* x : hs) heads += x->headcount;
                kv.rows.push_back({"Posts", std::to_string(heads)});
            }
            kv.rows.push_back({"Salary band", money(role_->salary.min) + " to " + money(role_->salary.max) + " (mid " +
                                                  money(role_->salary.mid) + ")"});
        } else {
            kv.rows.push_back({"New posts", std::to_string(map_.headcount())});
            kv.rows.push_back({"Phases", std::to_string(map_.phases.size())});
            kv.rows.push_back({"Cover reached", std::to_string(map_.count(CoverStatus::Covered)) + " of " +
                                                    std::to_string(map_.cover.size()) + " responsibilities fully covered, " +
                                                    std::to_string(map_.count(CoverStatus::Partly)) + " partly, " +
                                                    std::to_string(map_.count(CoverStatus::NotCovered)) + " not covered"});
        }
        if (!years_.empty()) {
            kv.rows.push_back({"Cost in year 1", money_range(years_.front().total)});
            kv.rows.push_back({"Cost over " + std::to_string(years_.size()) + " years", money_range(total)});
        }
        w_.add(kv);
        w_.paragraph("Costs are given at the middle of each salary band, with the bottom and top of the band in brackets.",
                     TextStyle::note);
        if (!map_.warnings.empty()) {
            w_.paragraph("Warnings:");
            w_.add(BulletList{map_.warnings});
        }
    }

    // The responsibilities this case answers: the role's, or every one the roadmap phases in.
    std::vector<std::string> responsibilities_in_scope() const {
        std::vector<std::string> out;
        if (role_) {
            for (const auto& r : role_->responsibilities) out.push_back(r.id);
        } else {
            for (const auto& ph : map_.phases)
                for (const auto& r : ph.responsibilities) out.push_back(r);
        }
        return out;
    }

    int phase_of(const std::string& resp) const {
        for (const auto& ph : map_.phases)
            if (std::find(ph.responsibilities.begin(), ph.responsibilities.end(), resp) != ph.responsibilities.end())
                return ph.number;
        return 0;
    }

    void need() {
        auto scope = responsibilities_in_scope();
        // Responsibilities, with the phase that needs them.
        Table t;
        t.caption = role_ ? "Responsibilities this role carries" : "Responsibilities the roadmap covers";
        t.header = {"Responsibility", "Tier", "Needed from", "Phase"};
        if (role_) t.header.push_back("Share of the post");
        t.widths = {2.6, 1.0, 1.0, 0.8};
        if (role_) t.widths.push_back(1.0);
        std::set<int> dims;
        for (const auto& id : scope) {
            const Responsibility* r = fw_.find_responsibility(id);
            if (!r) continue;
            int ph = phase_of(id);
            std::vector<std::string> row{r->name, r->tier == Tier::Foundation ? "Foundation" : "Growth",
                                         r->tier == Tier::Foundation ? "The start" : "Level " + std::to_string(r->from_level),
                                         ph ? std::to_string(ph) : "Not yet needed"};
            if (role_)
                for (const auto& rr : role_->responsibilities)
                    if (rr.id == id) row.push_back(percent(rr.fte_share));
            t.rows.push_back(row);
            for (const auto& d : r->dimensions)
                if (int k = fw_.find_dimension(d); k >= 0) dims.insert(k);
        }
        w_.add(t);

        // The evidence: the scores of the dimensions those responsibilities serve.
        if (!round()) {
            w_.paragraph("No assessment was given with the roadmap, so the need rests on the foundation "
                         "responsibilities every council must cover.");
        } else {
            std::vector<int> order(dims.begin(), dims.end());
            const RoundResult& rr = *round();
            auto short_by = [&](int k) {
                const NodeScore& n = rr.dimensions[k];
                return n.gap ? *n.gap : 0.0;
            };
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return short_by(a) > short_by(b); });
            Table s;
            s.caption = "The evidence: scores in " + rr.period + " against targets";
            s.header = {"Dimension", "Score", "Level", "Target", "Gap"};
            s.align = {Align::left, Align::right, Align::right, Align::right, Align::right};
            s.first_column_is_header = true;
            for (int k : order) {
                const NodeScore& n = rr.dimensions[k];
                s.rows.push_back({fw_.dimensions[k].name, n.score ? score_text(*n.score) : "-",
                                  n.score ? std::to_string(n.level) : "-",
                                  n.target ? std::to_string(*n.target) + (n.target_by ? " by " + long_date(*n.target_by) : "")
                                           : "None set",
                                  n.gap ? score_text(*n.gap) : "-"});
            }
            w_.add(s);
        }
        std::vector<std::string> why;
        for (const auto& reason : map_.reasons)
            if (!role_ || reason.role == role_->id)
                for (const auto& j : reason.reasons) why.push_back((role_ ? "" : reason.title + ": ") + j);
        if (!why.empty()) {
            w_.heading(2, "Why the plan has " + std::string(role_ ? "this role" : "these roles"), "need-why");
            w_.add(BulletList{why});
        }
        if (!map_.cover.empty()) {
            Table c;
            c.caption = "Cover of each responsibility once every post has started";
            c.header = {"Responsibility", "Needed (FTE)", "Held (FTE)", "Cover"};
            c.align = {Align::left, Align::right, Align::right, Align::left};
            c.widths = {2.6, 1.0, 1.0, 2.6};
            for (const auto& x : map_.cover) {
                const Responsibility* r = fw_.find_responsibility(x.responsibility);
                c.rows.push_back({r ? r->name : x.responsibility, plain(x.needed, 2), plain(x.held, 2), x.text()});
            }
            w_.add(c);
        }
        if (!role_ && !map_.phases.empty()) {
            Table p;
            p.caption = "Phases";
            p.header = {"Phase", "Starts", "Prepares for", "Newly needed", "Posts added"};
            p.widths = {0.6, 1.2, 2.0, 3.0, 2.4};
            for (const auto& ph : map_.phases) {
                std::vector<std::string> resps, posts;
                for (const auto& r : ph.responsibilities) {
                    const Responsibility* x = fw_.find_responsibility(r);
                    resps.push_back(x ? x->name : r);
                }
                for (auto i : ph.posts)
                    posts.push_back((map_.posts[i].headcount > 1 ? std::to_string(map_.posts[i].headcount) + " x " : "") +
                                    map_.posts[i].title + " (" + map_.posts[i].route_text + ")");
                p.rows.push_back({std::to_string(ph.number),
                                  "Year " + std::to_string(ph.start_year) + (ph.due.empty() ? "" : ", due " + long_date(ph.due)),
                                  ph.name, join_words(resps), posts.empty() ? "None" : join_words(posts)});
            }
            w_.add(p);
        }
        if (!role_ && !map_.uncovered.empty()) {
            std::vector<std::string> names;
            for (const auto& r : map_.uncovered) {
                const Responsibility* x = fw_.find_responsibility(r);
                names.push_back(x ? x->name : r);
            }
            w_.paragraph("No role in the catalogue carries: " + join_words(names) + ".", TextStyle::note);
        }
    }

    std::string skill_name(const RoleSkill& s) const {
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

    void role_outline(const Role& r, int level) {
        if (level > 1) w_.heading(level, r.title, "role-" + r.id);
        w_.paragraph(r.purpose, TextStyle::lead);
        KeyValues kv;
        kv.rows.push_back({"Job title", r.title});
        kv.rows.push_back({"Grade", r.grade});
        kv.rows.push_back({"Salary band", money(r.salary.min) + " to " + money(r.salary.max) + ", mid-point " +
                                              money(r.salary.mid) + " a year"});
        kv.rows.push_back({"London weighting", r.london_weighting ? "Added where the council pays it" : "Not added"});
        kv.rows.push_back({"Apprenticeship standard", r.apprenticeship ? apprenticeship_text(*r.apprenticeship) : "None"});
        kv.rows.push_back({"Suited to sharing", r.shareable ? "Yes: a scarce or specialist post councils could share" : "No"});
        w_.add(kv);
        w_.paragraph("Salary source: " + r.salary.source + " (checked " + long_date(r.salary.date) + ").", TextStyle::note);
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

    void role_section() {
        auto rs = roles();
        if (rs.empty()) {
            w_.paragraph("The roadmap adds no posts.");
            return;
        }
        for (const Role* r : rs) role_outline(*r, role_ ? 1 : 2);
    }

    void options() {
        if (role_) {
            const auto& opts = options_.at(role_->id);
            Table t;
            t.caption = "Ways to fill the role, costed over the roadmap";
            t.header = {"Option", "How", "Year 1 (mid)", "Over " + std::to_string(sc().horizon_years) + " years (mid)",
                        "Range over the period", "Chosen"};
            t.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::left};
            t.widths = {1.2, 3.0, 1.2, 1.4, 2.2, 0.8};
            t.first_column_is_header = true;
            std::vector<std::string> notes;
            for (const auto& o : opts) {
                if (!o.available) {
                    t.rows.push_back({o.name, o.route, "-", "-", "-", ""});
                    continue;
                }
                Money total = horizon_total(o.years);
                Money first;
                for (const auto& y : o.years)
                    if (!is_zero(y.total)) {
                        first = y.total;
                        break;
                    }
                t.rows.push_back({o.name, o.route, money(first.mid), money(total.mid),
                                  money(total.low) + " to " + money(total.high), o.chosen ? "Yes" : ""});
                if (!o.note.empty()) notes.push_back(o.name + ": " + o.note);
            }
            w_.add(t);
            if (!notes.empty()) w_.add(BulletList{notes});
            w_.paragraph("Each option is costed from year " + std::to_string(start_year(*role_)) +
                             " with the same assumptions as the roadmap; \"Year 1\" is the first year the post is paid for.",
                         TextStyle::note);
            return;
        }
        Table t;
        t.caption = "Options per role, total cost over " + std::to_string(sc().horizon_years) + " years (mid)";
        t.header = {"Role", "Roadmap's route", "New post", "Apprenticeship", "Upskill", "Share"};
        t.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right};
        t.widths = {2.0, 2.0, 1.2, 1.4, 1.2, 1.2};
        t.first_column_is_header = true;
        for (const Role* r : roles()) {
            std::vector<std::string> row{r->title, chosen_route(*r), "-", "-", "-", "-"};
            for (const auto& o : options_.at(r->id)) {
                if (!o.available) continue;
                std::size_t col = o.name == "Apprenticeship" ? 3 : o.name == "Upskill" ? 4 : o.name == "Share" ? 5 : 2;
                row[col] = money(horizon_total(o.years).mid);
            }
            t.rows.push_back(row);
        }
        w_.add(t);
        w_.paragraph("\"New post\" is an apprentice post for apprentice roles. \"Apprenticeship\" grows an apprentice into "
                     "the role; \"Upskill\" trains a post already in the team; \"Share\" splits a post with other councils. "
                     "A dash means the option does not apply.",
                     TextStyle::note);
    }

    void costs() {
        if (years_.empty()) {
            w_.paragraph("There is nothing to cost.");
            return;
        }
        Table sum;
        sum.caption = "Cost per year";
        sum.header = {"Year", "Dates", "Low", "Mid", "High", "Cumulative (mid)"};
        sum.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right};
        sum.first_column_is_header = true;
        BarChart chart;
        chart.title = "Cost per year at mid salary";
        chart.stacked = true;
        chart.value_prefix = "\xC2\xA3";
        Series pay{"Salary and London weighting", {}}, oncosts{"On-costs", {}}, other{"Recruitment and training", {}};
        for (const auto& y : years_) {
            sum.rows.push_back({"Year " + std::to_string(y.year), long_date(y.from) + " to " + long_date(y.to), money(y.total.low),
                                money(y.total.mid), money(y.total.high), money(y.cumulative.mid)});
            chart.categories.push_back("Year " + std::to_string(y.year));
            double p = 0, o = 0, x = 0;
            for (const auto& [name, m] : y.lines) {
                if (name == "Salary" || name == "London weighting") p += m.mid;
                else if (name == "Employer National Insurance" || name == "Employer pension" ||
                         name == "Apprenticeship levy" || name == "On-costs (flat rate)")
                    o += m.mid;
                else x += m.mid;
            }
            pay.values.push_back(p);
            oncosts.values.push_back(o);
            other.values.push_back(x);
        }
        const Money& total = years_.back().cumulative;
        sum.rows.push_back({"Total", "", money(total.low), money(total.mid), money(total.high), money(total.mid)});
        sum.last_row_is_total = true;
        w_.add(sum);
        chart.series = {pay, oncosts, other};
        chart.alt = "The cost of each year at mid salary, split into pay, on-costs, and recruitment and training.";
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
                if (is_zero(m)) continue;
                t.rows.push_back({name, money(m.low, 2), money(m.mid, 2), money(m.high, 2)});
            }
            t.rows.push_back({"Total", money(y.total.low, 2), money(y.total.mid, 2), money(y.total.high, 2)});
            t.last_row_is_total = true;
            w_.add(t);
        }
        w_.paragraph("Lines that are zero every way are left out. Each line and total is rounded to the penny "
                     "separately, so a column may differ from its total by a penny. Apprenticeship funding is shown "
                     "as a negative cost.",
                     TextStyle::note);
    }

    void assumptions() {
        Table t;
        t.caption = "Assumptions, with the dates they apply and their sources";
        t.header = {"Assumption", "Figure", "Applies", "Source", "Checked"};
        t.widths = {1.5, 2.0, 1.7, 3.8, 1.5};
        auto row = [&](const std::string& what, const std::string& figure, const RulePeriod& r) {
            t.rows.push_back({what, figure, effective(r), r.source + (r.note.empty() ? "" : " " + r.note), long_date(r.date)});
        };
        if (a_.oncost_method == OncostMethod::Flat && a_.flat_rate)
            t.rows.push_back({"On-costs", "A flat " + rate_text(a_.flat_rate->rate) + " of pay", "Always",
                              a_.flat_rate->source, long_date(a_.flat_rate->date)});
        for (const auto& r : a_.employer_ni)
            row("Employer National Insurance", rate_text(r.rate) + " of pay above " + money(r.threshold) + " a year", r);
        for (const auto& r : a_.pension) row("Employer pension", rate_text(r.rate) + " of pay", r);
        for (const auto& r : a_.apprenticeship_levy)
            row("Apprenticeship levy", rate_text(r.rate) + " of the pay bill, less " + money(r.allowance) + " a year", r);
        for (const auto& r : a_.pay_award) row("Pay award", "Pay rises by " + rate_text(r.rate) + (r.assumption ? " (an assumption: " + r.basis + ")" : ""), r);
        for (const auto& r : a_.london_weighting)
            row("London weighting", money(r.amount) + " a year, " + area_name(r.area), r);
        for (const auto& r : a_.recruitment_cost) row("Recruitment", money(r.per_hire) + " a post", r);
        for (const auto& r : a_.training_budget) row("Training", money(r.per_head) + " a post a year", r);
        for (const auto& r : a_.apprenticeship_funding) {
            std::vector<std::string> bands;
            for (const auto& [k, v] : r.bands) bands.push_back(k + " " + money(v));
            row("Apprenticeship funding",
                "Band maxima: " + join_words(bands) + "; employer co-investment " + rate_text(r.co_investment) +
                    "; funds expire after " + std::to_string(r.expiry_months) + " months; top-up " + rate_text(r.top_up),
                r);
        }
        w_.add(t);
        KeyValues kv;
        kv.rows.push_back({"On-cost method", a_.oncost_method == OncostMethod::Flat
                                                 ? "A flat rate on pay"
                                                 : "Each on-cost by its own dated rule, prorated by day"});
        std::string why;
        const LondonArea area = london_area(req_, why);
        kv.rows.push_back({"London weighting", area == LondonArea::None ? "None (" + why + ")"
                                                                        : std::string("For ") + area_name(area) + " (" + why + ")"});
        kv.rows.push_back({"Pays the apprenticeship levy", sc().levy_payer ? "Yes" : "No"});
        kv.rows.push_back({"Team structure", std::string(to_string(sc().structure)) + ", " +
                                                 std::to_string(sc().departments) + " department" +
                                                 (sc().departments == 1 ? "" : "s")});
        w_.add(kv);
        if (!map_.notes.empty()) w_.add(BulletList{map_.notes});
        if (!map_.assumed.empty()) {
            w_.paragraph("Figures that are assumptions, not published ones:");
            w_.add(BulletList{map_.assumed});
        }
        w_.paragraph("Every figure can be changed in the assumptions file; a rule applies from its start date, so a "
                     "change announced for a later date sits beside the figure it replaces.",
                     TextStyle::note);
    }

    void funding() {
        const std::string first_day = add_years(sc().start, start_year_all() - 1);
        if (const ApprenticeshipLevyRule* levy = a_.apprenticeship_levy_on(first_day)) {
            if (sc().levy_payer)
                w_.paragraph("The council pays the apprenticeship levy: " + rate_text(levy->rate) + " of its pay bill, less an "
                             "allowance of " + money(levy->allowance) + " a year. Its levy funds pay for apprenticeship "
                             "training up to each standard's funding band maximum. Each new post adds its share of the "
                             "levy, shown as a cost line.");
            else
                w_.paragraph("The council does not pay the apprenticeship levy, so it meets a share of apprenticeship "
                             "training costs itself (co-investment) and the government pays the rest.");
        }
        // Apprenticeships in this case: the roles' own, or the apprenticeship option for one role.
        std::vector<const Role*> apprentices;
        for (const Role* r : roles())
            if (r->apprenticeship) apprentices.push_back(r);
        if (role_ && !role_->apprenticeship)
            if (const Role* app = apprentice_for(*role_)) apprentices.push_back(app);
        if (apprentices.empty()) {
            w_.paragraph("No apprenticeship is part of this case.");
        } else {
            Table t;
            t.caption = "Apprenticeship funding";
            t.header = {"Role", "Standard", "Band maximum", "Co-investment", "Funds expire after", "Rules from"};
            t.widths = {2.0, 2.2, 1.2, 1.1, 1.2, 1.4};
            for (const Role* r : apprentices) {
                const std::string hired = add_years(sc().start, start_year(*r) - 1);
                const ApprenticeshipFundingRule* f = a_.apprenticeship_funding_on(hired);
                double band = a_.apprenticeship_band(funding_band_key(*r->apprenticeship), hired);
                t.rows.push_back({r->title, apprenticeship_text(*r->apprenticeship),
                                  band > 0 ? money(band) : "No band in the assumptions",
                                  f ? (sc().levy_payer ? "None (levy funds)" : rate_text(f->co_investment)) : "-",
                                  f ? std::to_string(f->expiry_months) + " months" : "-",
                                  f ? long_date(f->effective_from) : "-"});
            }
            w_.add(t);
        }
        Money training, funded, levy_cost;
        for (const auto& y : years_) {
            training += y.line("Apprenticeship training");
            funded += y.line("Apprenticeship funding");
            levy_cost += y.line("Apprenticeship levy");
        }
        KeyValues kv;
        kv.rows.push_back({"Apprenticeship training over the period", money(training.mid)});
        kv.rows.push_back({"Met from apprenticeship funding", money(-funded.mid)});
        kv.rows.push_back({"Levy on the new posts' pay (mid)", money(levy_cost.mid)});
        w_.add(kv);
    }

    int start_year_all() const {
        int y = sc().horizon_years;
        for (const RoadmapPost* h : hires()) y = std::min(y, h->start_year);
        return hires().empty() ? 1 : y;
    }

    // Framework actions for the next step of each dimension that need a responsibility in scope.
    std::vector<std::string> enabled_actions() const {
        std::vector<std::string> out;
        if (!round()) return out;
        auto scope = responsibilities_in_scope();
        for (std::size_t d = 0; d < fw_.dimensions.size(); ++d) {
            const NodeScore& n = round()->dimensions[d];
            if (!n.score || (n.target && n.level >= *n.target)) continue;
            for (const auto& a : fw_.dimensions[d].actions) {
                if (a.from != n.level) continue;
                bool needs = false;
                for (const auto& r : a.responsibilities)
                    needs = needs || std::find(scope.begin(), scope.end(), r) != scope.end();
                if (needs) out.push_back(a.title + " (" + fw_.dimensions[d].name + ")");
            }
        }
        return out;
    }

    void benefits() {
        std::vector<std::string> rise;
        if (round()) {
            std::set<int> dims;
            for (const auto& id : responsibilities_in_scope())
                if (const Responsibility* r = fw_.find_responsibility(id))
                    for (const auto& d : r->dimensions)
                        if (int k = fw_.find_dimension(d); k >= 0) dims.insert(k);
            for (int k : dims) {
                const NodeScore& n = round()->dimensions[k];
                if (n.score && n.target && n.level < *n.target)
                    rise.push_back(fw_.dimensions[k].name + ": from level " + std::to_string(n.level) + " towards " +
                                   std::to_string(*n.target) + (n.target_by ? " by " + long_date(*n.target_by) : ""));
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

    void risks() {
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
                    if (n.score && n.target && n.level < *n.target)
                        stuck.push_back(fw_.dimensions[k].name + " (" + std::to_string(n.level) + " of " +
                                        std::to_string(*n.target) + ")");
                }
            t.rows.push_back({r->name,
                              r->tier == Tier::Foundation ? "A foundation responsibility: every council needs it to get started"
                                                          : "Needed to reach level " + std::to_string(r->from_level),
                              stuck.empty() ? "None scored below target" : join_words(stuck)});
        }
        if (!t.rows.empty()) {
            w_.add(t);
            w_.paragraph("Targets at risk are the dimensions the responsibility serves that are below their target, shown as "
                         "the level reached of the level aimed at.",
                         TextStyle::note);
        }
    }

    const BusinessCaseInput& in_;
    const Framework& fw_;
    const RoleCatalogue& cat_;
    const Assumptions& a_;
    const RoadmapRequest& req_;
    const Roadmap& map_;
    const Role* role_;
    DocumentWriter w_;
    std::vector<YearCost> years_;
    std::map<std::string, std::vector<OptionRow>> options_;
};

}  // namespace

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
    }
    return BusinessCaseBuilder(in, tpl, role).build(error);
}

}  // namespace ys::report
