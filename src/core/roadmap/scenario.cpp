#include "scenario.h"

#include <map>
#include <set>

#include "input_limits.h"
#include "json_fields.h"
#include "number_format.h"
#include "targets.h"  // is_iso_date
#include "text_check.h"

namespace ys {

const char* to_string(TeamStructure s) {
    switch (s) {
        case TeamStructure::Centralised: return "centralised";
        case TeamStructure::HubAndSpoke: return "hub-and-spoke";
        case TeamStructure::Decentralised: return "decentralised";
    }
    return "centralised";
}

std::optional<TeamStructure> parse_team_structure(const std::string& s) {
    if (s == "centralised") return TeamStructure::Centralised;
    if (s == "hub-and-spoke") return TeamStructure::HubAndSpoke;
    if (s == "decentralised") return TeamStructure::Decentralised;
    return std::nullopt;
}

const char* to_string(SalaryPoint p) {
    switch (p) {
        case SalaryPoint::Band: return "band";
        case SalaryPoint::Low: return "low";
        case SalaryPoint::Mid: return "mid";
        case SalaryPoint::High: return "high";
        case SalaryPoint::Exact: return "exact";
    }
    return "band";
}

const char* to_string(PostRoute r) {
    switch (r) {
        case PostRoute::NewPost: return "new-post";
        case PostRoute::Apprenticeship: return "apprenticeship";
        case PostRoute::Shared: return "shared";
        case PostRoute::GrownFrom: return "grown-from";
    }
    return "new-post";
}

const char* to_string(CostCategory c) {
    switch (c) {
        case CostCategory::ProgrammeManagement: return "programme-management";
        case CostCategory::Evaluation: return "evaluation";
        case CostCategory::Training: return "training";
        case CostCategory::Software: return "software";
        case CostCategory::Recruitment: return "recruitment";
        case CostCategory::Other: return "other";
    }
    return "other";
}

const char* category_name(CostCategory c) {
    switch (c) {
        case CostCategory::ProgrammeManagement: return "Programme management and administration";
        case CostCategory::Evaluation: return "Evaluation";
        case CostCategory::Training: return "Training budget";
        case CostCategory::Software: return "Software and licences";
        case CostCategory::Recruitment: return "Recruitment campaigns";
        case CostCategory::Other: return "Other";
    }
    return "Other";
}

std::optional<CostCategory> parse_cost_category(const std::string& s) {
    for (auto c : {CostCategory::ProgrammeManagement, CostCategory::Evaluation, CostCategory::Training,
                   CostCategory::Software, CostCategory::Recruitment, CostCategory::Other})
        if (s == to_string(c)) return c;
    return std::nullopt;
}

const TeamPost* RoadmapScenario::find_team_post(const std::string& id) const {
    for (const auto& t : team)
        if (t.id == id) return &t;
    return nullptr;
}

namespace {

constexpr double kMaxExactSalary = 1'000'000;
constexpr double kMaxTeamFte = 10'000;
constexpr int kMaxHeadcount = 10'000;
constexpr int kMinShared = 2, kMaxShared = 100;
constexpr int kMaxHorizon = 20, kMaxDepartments = 500;
constexpr double kMaxInflation = 0.5;

std::string found(const JsonAt& at) { return at.present() ? at.json().dump() : "nothing"; }

std::string quoted_list(std::initializer_list<const char*> words) {
    std::string out;
    std::size_t i = 0;
    for (const char* w : words) {
        out += std::string(i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + "\"" + w + "\"";
        ++i;
    }
    return out;
}

class ScenarioReader {
public:
    ScenarioReader(const nlohmann::json& doc, Diagnostics& diags)
        : root_(&doc, "", diags), errors_before_(diags.error_count()) {}

    std::optional<RoadmapScenario> read() {
        if (!root_.expect_object()) return std::nullopt;
        root_.check_keys({"format", "name", "description", "created", "start", "horizon_years", "structure",
                          "departments", "team", "posts", "covered", "costs", "propose", "prefer_apprenticeships",
                          "share_proposals", "london_area", "levy_payer", "inflation", "inflation_basis"});
        auto format = root_.string("format", Need::Required);
        if (format && *format != kScenarioFormat)
            root_["format"].error("expected \"" + std::string(kScenarioFormat) + "\", found \"" + *format + "\"");
        s_.name = line(root_, "name", Need::Required, "scenario name");
        s_.description = note(root_, "description", "description");
        s_.created = date(root_, "created", Need::Optional);
        s_.start = date(root_, "start", Need::Required);
        s_.horizon_years = whole(root_, "horizon_years", 1, kMaxHorizon, "a number of years", s_.horizon_years);
        if (auto st = root_.string("structure", Need::Optional)) {
            if (auto v = parse_team_structure(*st)) s_.structure = *v;
            else root_["structure"].error("expected " + quoted_list({"centralised", "hub-and-spoke", "decentralised"}) +
                                          ", found \"" + *st + "\"");
        }
        s_.departments = whole(root_, "departments", 1, kMaxDepartments, "a number of departments", s_.departments);
        read_team();
        read_posts();
        read_covered();
        read_costs();
        s_.propose = root_.boolean("propose", Need::Optional).value_or(true);
        s_.prefer_apprenticeships = root_.boolean("prefer_apprenticeships", Need::Optional).value_or(true);
        read_share_proposals();
        if (auto a = root_.string("london_area", Need::Optional)) {
            bool ok = *a == "auto";
            if (auto area = parse_london_area(*a)) {
                s_.london_area = *area;
                ok = true;
            }
            if (!ok)
                root_["london_area"].error("expected " + quoted_list({"auto", "none", "inner-london", "outer-london", "fringe"}) +
                                           ", found \"" + *a + "\"");
        }
        s_.levy_payer = root_.boolean("levy_payer", Need::Optional).value_or(true);
        if (auto r = root_.number("inflation", Need::Optional)) {
            if (*r < 0 || *r > kMaxInflation)
                root_["inflation"].error("expected a yearly rate from 0 to 0.5 (0.02 means 2% a year), found " +
                                         found(root_["inflation"]));
            else s_.inflation = *r;
        }
        s_.inflation_basis = note(root_, "inflation_basis", "inflation basis");
        if (s_.inflation > 0 && s_.inflation_basis.empty())
            root_["inflation_basis"].error("missing; expected why the inflation rate is " + found(root_["inflation"]) +
                                           " (a non-empty string): a rate above 0 states its basis");
        if (root_.diags().error_count() != errors_before_) return std::nullopt;
        return std::move(s_);
    }

private:
    // One line of text: no control characters, at most 200 characters.
    std::string line(const JsonAt& owner, const std::string& key, Need need, const char* label) {
        auto v = owner.string(key, need);
        if (!v) return {};
        if (std::string p = text_rule(*v, label, false, kMaxNameChars); !p.empty()) {
            owner[key].error(p);
            return {};
        }
        return *v;
    }
    // Free text: tabs and line breaks allowed, at most 20,000 characters.
    std::string note(const JsonAt& owner, const std::string& key, const char* label) {
        auto v = owner.string(key, Need::Optional);
        if (!v) return {};
        if (std::string p = text_rule(*v, label, true, kMaxNoteChars); !p.empty()) {
            owner[key].error(p);
            return {};
        }
        return *v;
    }
    static std::string text_rule(const std::string& v, const char* label, bool multi_line, std::size_t max) {
        if (std::string p = utf8_problem(label, v); !p.empty()) return p;
        for (std::size_t i = 0; i < v.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(v[i]);
            bool allowed = multi_line && (c == '\t' || c == '\n' || (c == '\r' && i + 1 < v.size() && v[i + 1] == '\n'));
            if ((c < 0x20 || c == 0x7f) && !allowed)
                return std::string(label) + " holds a control character; expected " +
                       (multi_line ? "text with no control characters but tabs and line breaks" : "one line of text");
        }
        if (std::size_t n = utf8_length(v); n > max)
            return std::string(label) + " is longer than " + format_count(max) + " characters (" + format_count(n) +
                   "); shorten it";
        return "";
    }

    std::string date(const JsonAt& owner, const std::string& key, Need need) {
        auto d = owner.string(key, need);
        if (!d) return {};
        if (!is_iso_date(*d)) {
            owner[key].error("expected a date as YYYY-MM-DD, found \"" + *d + "\"");
            return {};
        }
        return *d;
    }

    int whole(const JsonAt& owner, const std::string& key, int lo, int hi, const char* what, int fallback) {
        if (!owner[key].present()) return fallback;
        auto v = owner.integer(key, Need::Optional);
        if (!v) return fallback;
        if (*v < lo || *v > hi) {
            owner[key].error("expected " + std::string(what) + " from " + std::to_string(lo) + " to " + std::to_string(hi) +
                             ", found " + found(owner[key]));
            return fallback;
        }
        return static_cast<int>(*v);
    }

    // An array at `key` holding at most `cap` items; false when absent or wrong.
    bool list(const std::string& key, std::size_t cap, const char* what) {
        JsonAt a = root_[key];
        if (!a.present() || !a.expect_array()) return false;
        if (a.size() > cap) {
            a.error("expected at most " + format_count(cap) + " " + what + ", found " + format_count(a.size()) +
                    " (see \"Limits\" in the README)");
            return false;
        }
        return true;
    }

    // Ids of team posts, planned posts and cost lines share one space.
    std::string unique_id(const JsonAt& owner) {
        auto id = owner.id("id", Need::Required);
        if (!id) return {};
        auto [it, fresh] = ids_.emplace(*id, owner["id"].pointer());
        if (!fresh)
            owner["id"].error("id \"" + *id + "\" is already used at " + it->second +
                              "; ids must be unique across team, posts and costs");
        return *id;
    }

    SalaryChoice salary(const JsonAt& owner) {
        SalaryChoice out;
        JsonAt s = owner["salary"];
        if (!s.present()) return out;
        const std::string expected = "expected \"band\", \"low\", \"mid\", \"high\" or a salary in GBP a year (a number "
                                     "above 0 and below 1,000,000)";
        if (s.json().is_string()) {
            const auto& t = s.json().get_ref<const std::string&>();
            if (t == "band") out.point = SalaryPoint::Band;
            else if (t == "low") out.point = SalaryPoint::Low;
            else if (t == "mid") out.point = SalaryPoint::Mid;
            else if (t == "high") out.point = SalaryPoint::High;
            else s.error(expected + ", found \"" + t + "\"");
        } else if (s.json().is_number()) {
            auto v = owner.number("salary", Need::Optional);
            if (v && (*v <= 0 || *v >= kMaxExactSalary)) s.error(expected + ", found " + found(s));
            else if (v) {
                out.point = SalaryPoint::Exact;
                out.exact = *v;
            }
        } else {
            s.error(expected + ", found " + describe_json_type(s.json()));
        }
        return out;
    }

    void read_team() {
        if (!list("team", kMaxScenarioTeamPosts, "team posts")) return;
        JsonAt team = root_["team"];
        for (std::size_t i = 0; i < team.size(); ++i) {
            JsonAt t = team[i];
            if (!t.expect_object()) continue;
            t.check_keys({"id", "name", "role", "fte", "salary"});
            TeamPost p;
            p.id = unique_id(t);
            p.name = line(t, "name", Need::Optional, "post name");
            p.role = t.id("role", Need::Required).value_or("");
            if (auto f = t.number("fte", Need::Optional)) {
                if (*f <= 0 || *f > kMaxTeamFte)
                    t["fte"].error("expected the FTE held in this role, above 0 and at most 10,000, found " + found(t["fte"]));
                else p.fte = *f;
            }
            p.salary = salary(t);
            s_.team.push_back(std::move(p));
        }
    }

    void read_posts() {
        if (!list("posts", kMaxScenarioPosts, "planned posts")) return;
        JsonAt posts = root_["posts"];
        std::map<std::string, std::string> grown;  // team post id -> the pointer of the post grown from it
        for (std::size_t i = 0; i < posts.size(); ++i) {
            JsonAt p = posts[i];
            if (!p.expect_object()) continue;
            p.check_keys({"id", "name", "role", "headcount", "fte", "route", "shared_with", "grown_from", "start",
                          "salary", "age", "note"});
            PlannedPost out;
            out.id = unique_id(p);
            out.name = line(p, "name", Need::Optional, "post name");
            out.role = p.id("role", Need::Required).value_or("");
            out.headcount = whole(p, "headcount", 1, kMaxHeadcount, "a number of identical posts", 1);
            if (auto f = p.number("fte", Need::Optional)) {
                if (*f <= 0 || *f > 1)
                    p["fte"].error("expected the FTE of each post, above 0 and at most 1 (0.5 is half time), found " +
                                   found(p["fte"]));
                else out.fte = *f;
            }
            bool route_ok = true;
            if (auto r = p.string("route", Need::Optional)) {
                route_ok = false;
                for (auto v : {PostRoute::NewPost, PostRoute::Apprenticeship, PostRoute::Shared, PostRoute::GrownFrom})
                    if (*r == to_string(v)) {
                        out.route = v;
                        route_ok = true;
                    }
                if (!route_ok)
                    p["route"].error("expected " + quoted_list({"new-post", "apprenticeship", "shared", "grown-from"}) +
                                     ", found \"" + *r + "\"");
            }
            if (route_ok) read_route(p, out, grown);
            out.start = date(p, "start", Need::Optional);
            out.salary = salary(p);
            out.note = note(p, "note", "note");
            s_.posts.push_back(std::move(out));
        }
    }

    // The keys that belong to one route only: shared_with, grown_from and age.
    void read_route(const JsonAt& p, PlannedPost& out, std::map<std::string, std::string>& grown) {
        const char* route = to_string(out.route);
        if (out.route == PostRoute::Shared) {
            if (!p["shared_with"].present())
                p["shared_with"].error("missing; expected how many councils share each post, this one included (2 to 100)");
            else out.shared_with = whole(p, "shared_with", kMinShared, kMaxShared, "a number of councils", 0);
        } else if (p["shared_with"].present()) {
            p["shared_with"].error(std::string("only for route \"shared\"; this post's route is \"") + route +
                                   "\": set \"route\": \"shared\" or remove shared_with");
        }
        if (out.route == PostRoute::GrownFrom) {
            if (!p["grown_from"].present()) {
                p["grown_from"].error("missing; expected the id of the team post whose holder moves into this post");
            } else if (auto g = p.id("grown_from", Need::Required)) {
                if (!s_.find_team_post(*g)) {
                    p["grown_from"].error("\"" + *g + "\" is not the id of a post in \"team\"; expected the id of the "
                                          "team post whose holder moves into this post");
                } else if (auto [it, fresh] = grown.emplace(*g, p["grown_from"].pointer()); !fresh) {
                    p["grown_from"].error("team post \"" + *g + "\" is already grown into at " + it->second +
                                          "; one holder can move into one post");
                } else {
                    out.grown_from = *g;
                }
            }
            if (out.headcount != 1)
                p["headcount"].error("expected 1 for route \"grown-from\" (one holder moves into one post), found " +
                                     found(p["headcount"]));
        } else if (p["grown_from"].present()) {
            p["grown_from"].error(std::string("only for route \"grown-from\"; this post's route is \"") + route +
                                  "\": set \"route\": \"grown-from\" or remove grown_from");
        }
        if (auto a = p.string("age", Need::Optional)) {
            if (out.route != PostRoute::Apprenticeship) {
                p["age"].error(std::string("only for route \"apprenticeship\"; this post's route is \"") + route +
                               "\": remove age");
                return;
            }
            bool ok = false;
            if (auto age = parse_age_band(*a)) {
                out.age = *age;
                ok = true;
            }
            if (!ok)
                p["age"].error("expected the apprentice's age on the start date: " +
                               quoted_list({"16-18", "19-21", "22-24", "25-plus"}) + ", found \"" + *a + "\"");
        }
    }

    void read_covered() {
        if (!list("covered", kMaxScenarioListItems, "covered responsibilities")) return;
        JsonAt covered = root_["covered"];
        std::map<std::string, std::string> seen;
        for (std::size_t i = 0; i < covered.size(); ++i) {
            JsonAt c = covered[i];
            if (!c.expect_object()) continue;
            c.check_keys({"responsibility", "how"});
            CoveredElsewhere out;
            out.responsibility = c.id("responsibility", Need::Required).value_or("");
            if (!out.responsibility.empty()) {
                auto [it, fresh] = seen.emplace(out.responsibility, c["responsibility"].pointer());
                if (!fresh)
                    c["responsibility"].error("responsibility \"" + out.responsibility + "\" is already listed at " +
                                              it->second + "; list each once");
            }
            out.how = note(c, "how", "how");
            s_.covered.push_back(std::move(out));
        }
    }

    void read_costs() {
        if (!list("costs", kMaxScenarioCostLines, "cost lines")) return;
        JsonAt costs = root_["costs"];
        for (std::size_t i = 0; i < costs.size(); ++i) {
            JsonAt c = costs[i];
            if (!c.expect_object()) continue;
            c.check_keys({"id", "name", "category", "amount", "recurring", "start", "end", "uplift", "note"});
            CostLine out;
            out.id = unique_id(c);
            out.name = line(c, "name", Need::Required, "cost line name");
            if (auto cat = c.string("category", Need::Required)) {
                if (auto v = parse_cost_category(*cat)) out.category = *v;
                else c["category"].error("expected " +
                                         quoted_list({"programme-management", "evaluation", "training", "software",
                                                      "recruitment", "other"}) +
                                         ", found \"" + *cat + "\"");
            }
            if (auto a = c.number("amount", Need::Required)) {
                if (*a < 0) c["amount"].error("expected an amount in GBP of 0 or more, found " + found(c["amount"]));
                else out.amount = *a;
            }
            out.recurring = c.boolean("recurring", Need::Optional).value_or(false);
            out.start = date(c, "start", Need::Optional);
            out.uplift = c.boolean("uplift", Need::Optional).value_or(false);
            out.note = note(c, "note", "note");
            if (c["end"].present() && !out.recurring) {
                c["end"].error("only for a recurring cost (\"recurring\": true); a one-off cost is paid once, on its "
                               "start date: remove end");
            } else {
                out.end = date(c, "end", Need::Optional);
                const std::string& from = out.start.empty() ? s_.start : out.start;
                if (!out.end.empty() && !from.empty() && out.end < from)
                    c["end"].error("the end " + out.end + " is before the start " + from +
                                   (out.start.empty() ? " (the scenario's)" : "") + "; expected end on or after start");
            }
            s_.costs.push_back(std::move(out));
        }
    }

    void read_share_proposals() {
        if (!list("share_proposals", kMaxScenarioListItems, "share proposals")) return;
        JsonAt proposals = root_["share_proposals"];
        std::map<std::string, std::string> seen;
        for (std::size_t i = 0; i < proposals.size(); ++i) {
            JsonAt e = proposals[i];
            if (!e.expect_object()) continue;
            e.check_keys({"role", "councils"});
            auto role = e.id("role", Need::Required);
            if (role) {
                auto [it, fresh] = seen.emplace(*role, e["role"].pointer());
                if (!fresh) e["role"].error("role \"" + *role + "\" is already listed at " + it->second + "; list each once");
            }
            int councils = 0;
            if (!e["councils"].present())
                e["councils"].error("missing; expected how many councils would share each post (2 to 100)");
            else councils = whole(e, "councils", kMinShared, kMaxShared, "a number of councils", 0);
            s_.share_proposals.emplace_back(role.value_or(""), councils);
        }
    }

    JsonAt root_;
    std::size_t errors_before_;
    RoadmapScenario s_;
    std::map<std::string, std::string> ids_;  // id -> the pointer where it was first used
};

std::string role_titles(const RoleCatalogue& roles, bool (*fits)(const Role&)) {
    std::string out;
    for (const auto& r : roles.roles)
        if (fits(r)) out += (out.empty() ? "" : ", ") + r.title;
    return out.empty() ? "none" : out;
}

bool is_shareable(const Role& r) { return r.shareable; }
bool has_apprenticeship(const Role& r) { return r.apprenticeship.has_value(); }

}  // namespace

std::optional<RoadmapScenario> parse_scenario(const nlohmann::json& doc, Diagnostics& diags) {
    return ScenarioReader(doc, diags).read();
}

bool check_scenario(const RoadmapScenario& s, const RoleCatalogue& roles, const Framework& fw, Diagnostics& diags) {
    std::size_t before = diags.error_count();
    auto known = [&](const std::string& at, const std::string& id) -> const Role* {
        const Role* r = roles.find(id);
        if (!r)
            diags.error(at, "unknown role \"" + id + "\" in role catalogue \"" + roles.id +
                                "\"; expected one of its role ids (see `yardstick-cli frameworks` or the catalogue file)");
        return r;
    };
    for (std::size_t i = 0; i < s.team.size(); ++i) known("/team/" + std::to_string(i) + "/role", s.team[i].role);
    for (std::size_t i = 0; i < s.posts.size(); ++i) {
        const PlannedPost& p = s.posts[i];
        const std::string at = "/posts/" + std::to_string(i);
        const Role* r = known(at + "/role", p.role);
        if (!r) continue;
        if (p.route == PostRoute::Apprenticeship && !r->apprenticeship)
            diags.error(at + "/route", "\"" + r->title + "\" has no apprenticeship in role catalogue \"" + roles.id +
                                           "\"; roles with one: " + role_titles(roles, has_apprenticeship));
        if (p.route == PostRoute::Shared && !r->shareable)
            diags.error(at + "/route", "\"" + r->title + "\" is not marked shareable in role catalogue \"" + roles.id +
                                           "\"; shareable roles: " + role_titles(roles, is_shareable));
        if (p.route == PostRoute::GrownFrom) {
            const TeamPost* from = s.find_team_post(p.grown_from);
            if (from && from->role == p.role)
                diags.error(at + "/grown_from", "team post \"" + from->id + "\" is already a " + r->title +
                                                    "; growing into the same role adds nothing: use route \"new-post\" "
                                                    "or name a team post in another role");
        }
    }
    for (std::size_t i = 0; i < s.share_proposals.size(); ++i) {
        const std::string at = "/share_proposals/" + std::to_string(i) + "/role";
        const Role* r = known(at, s.share_proposals[i].first);
        if (r && !r->shareable)
            diags.error(at, "\"" + r->title + "\" is not marked shareable in role catalogue \"" + roles.id +
                                "\"; shareable roles: " + role_titles(roles, is_shareable));
    }
    for (std::size_t i = 0; i < s.covered.size(); ++i)
        if (!fw.find_responsibility(s.covered[i].responsibility))
            diags.error("/covered/" + std::to_string(i) + "/responsibility",
                        "unknown responsibility \"" + s.covered[i].responsibility + "\" in framework \"" + fw.id + "\"");
    return diags.error_count() == before;
}

namespace {

nlohmann::json salary_json(const SalaryChoice& s) {
    if (s.point == SalaryPoint::Exact) return s.exact;
    return to_string(s.point);
}

}  // namespace

nlohmann::json scenario_json(const RoadmapScenario& s) {
    using nlohmann::json;
    // ordered_json would keep this order; plain json sorts keys, which is as stable.
    json out = json::object();
    out["format"] = kScenarioFormat;
    out["name"] = s.name;
    out["description"] = s.description;
    if (!s.created.empty()) out["created"] = s.created;
    out["start"] = s.start;
    out["horizon_years"] = s.horizon_years;
    out["structure"] = to_string(s.structure);
    out["departments"] = s.departments;
    json team = json::array();
    for (const auto& t : s.team)
        team.push_back({{"id", t.id}, {"name", t.name}, {"role", t.role}, {"fte", t.fte}, {"salary", salary_json(t.salary)}});
    out["team"] = std::move(team);
    json posts = json::array();
    for (const auto& p : s.posts) {
        json j = {{"id", p.id},       {"name", p.name},     {"role", p.role},
                  {"headcount", p.headcount}, {"fte", p.fte}, {"route", to_string(p.route)},
                  {"salary", salary_json(p.salary)}, {"note", p.note}};
        if (p.route == PostRoute::Shared) j["shared_with"] = p.shared_with;
        if (p.route == PostRoute::GrownFrom) j["grown_from"] = p.grown_from;
        if (!p.start.empty()) j["start"] = p.start;
        if (p.route == PostRoute::Apprenticeship && p.age != AgeBand::Unknown) j["age"] = to_string(p.age);
        posts.push_back(std::move(j));
    }
    out["posts"] = std::move(posts);
    json covered = json::array();
    for (const auto& c : s.covered) covered.push_back({{"responsibility", c.responsibility}, {"how", c.how}});
    out["covered"] = std::move(covered);
    json costs = json::array();
    for (const auto& c : s.costs) {
        json j = {{"id", c.id},         {"name", c.name},           {"category", to_string(c.category)},
                  {"amount", c.amount}, {"recurring", c.recurring}, {"uplift", c.uplift},
                  {"note", c.note}};
        if (!c.start.empty()) j["start"] = c.start;
        if (c.recurring && !c.end.empty()) j["end"] = c.end;
        costs.push_back(std::move(j));
    }
    out["costs"] = std::move(costs);
    out["propose"] = s.propose;
    out["prefer_apprenticeships"] = s.prefer_apprenticeships;
    json share = json::array();
    for (const auto& [role, councils] : s.share_proposals) share.push_back({{"role", role}, {"councils", councils}});
    out["share_proposals"] = std::move(share);
    out["london_area"] = s.london_area ? to_string(*s.london_area) : "auto";
    out["levy_payer"] = s.levy_payer;
    out["inflation"] = s.inflation;
    out["inflation_basis"] = s.inflation_basis;
    return out;
}

}  // namespace ys
