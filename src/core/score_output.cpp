#include "score_output.h"

#include "csv.h"
#include "number_format.h"
#include "round_scope.h"

namespace ys {
namespace {

std::string opt_fixed(const std::optional<double>& v, int decimals) { return v ? fixed(*v, decimals) : "-"; }
std::string opt_csv(const std::optional<double>& v, int decimals = 4) { return v ? plain(*v, decimals) : ""; }

nlohmann::json opt_json(const std::optional<double>& v) {
    return v ? nlohmann::json(round_to(*v, 4)) : nlohmann::json(nullptr);
}

std::string level_name(const Framework& fw, int level) {
    const Level* l = fw.level(level);
    return l ? l->name : std::to_string(level);
}

// Pads to a width counted in characters, not bytes, so UTF-8 names line up; a text as
// wide as its column still gets one space, so columns never run together.
std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string role_name(const Questionnaire& q, int role) {
    return role >= 0 && static_cast<std::size_t>(role) < q.roles.size() ? q.roles[role].id : "";
}

nlohmann::json node_json(const Framework& fw, const NodeScore& n) {
    nlohmann::json j;
    j["score"] = opt_json(n.score);
    j["level"] = n.score ? nlohmann::json(n.level) : nlohmann::json(nullptr);
    j["level_name"] = n.score ? nlohmann::json(level_name(fw, n.level)) : nlohmann::json(nullptr);
    j["coverage"] = round_to(n.coverage(), 4);
    j["answered"] = n.answered;
    j["dont_know"] = n.dont_know;
    j["not_applicable"] = n.not_applicable;
    j["unanswered"] = n.unanswered;
    if (n.target) {
        j["target"] = target_json(*n.target);
        if (n.target_by) j["target_by"] = *n.target_by;
        j["gap"] = opt_json(n.gap);
    }
    if (n.previous || n.change) {
        j["previous"] = opt_json(n.previous);
        j["change"] = opt_json(n.change);
    }
    return j;
}

// {"questions": n, "answers": n, "levels": [...], "questions_at_or_above": [shares],
// "answers_at_or_above": [shares]}: shares of n, index by index with "levels".
nlohmann::json distribution_json(const LevelDistributions& all, const LevelDistribution& d) {
    nlohmann::json levels = nlohmann::json::array(), qs = nlohmann::json::array(), as = nlohmann::json::array();
    for (std::size_t i = 0; i < d.questions_at_or_above.size(); ++i) {
        levels.push_back(all.min_level + static_cast<int>(i));
        qs.push_back(round_to(d.question_share(i), 4));
        as.push_back(round_to(d.answer_share(i), 4));
    }
    return {{"questions", d.questions},
            {"answers", d.answers},
            {"levels", levels},
            {"questions_at_or_above", qs},
            {"answers_at_or_above", as}};
}

nlohmann::json excluded_json(const Framework& fw, const RoundResult& r) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& id : r.excluded) {
        int k = fw.find_dimension(id);
        out.push_back({{"id", id}, {"name", k >= 0 ? fw.dimensions[static_cast<std::size_t>(k)].name : id}});
    }
    return out;
}

// Long format: one row per round, node (dimension, overall or facet cell) and level.
void write_levels_csv(std::ostream& out, const ScoreReport& report) {
    out << "organisation,period,questionnaire,dimension,facet,facet_value,level,questions,questions_at_or_above,"
           "question_share,answers,answers_at_or_above,answer_share\r\n";
    for (const ScoredRound& sr : report.rounds) {
        const RoundResult& r = sr.result;
        const Framework& fw = *sr.framework;
        const LevelDistributions& all = r.levels;
        auto rows = [&](const std::string& dim, const std::string& facet, const std::string& value,
                        const LevelDistribution& d) {
            for (std::size_t i = 0; i < d.questions_at_or_above.size(); ++i)
                out << csv_field(r.organisation.id) << "," << csv_field(r.period) << ","
                    << csv_field(sr.questionnaire->id) << "," << csv_field(dim) << "," << csv_field(facet) << ","
                    << csv_field(value) << "," << all.min_level + static_cast<int>(i) << "," << d.questions << ","
                    << d.questions_at_or_above[i] << "," << plain(d.question_share(i)) << "," << d.answers << ","
                    << d.answers_at_or_above[i] << "," << plain(d.answer_share(i)) << "\r\n";
        };
        if (all.empty()) continue;
        for (std::size_t k = 0; k < fw.dimensions.size(); ++k)
            if (!r.is_out_of_scope(k)) rows(fw.dimensions[k].id, "", "", all.dimensions[k]);
        rows("overall", "", "", all.overall);
        for (std::size_t f = 0; f < r.facets.size() && f < all.facets.size(); ++f) {
            const FacetMatrix& m = r.facets[f];
            for (std::size_t row = 0; row < m.rows.size(); ++row)
                for (std::size_t c = 0; c < m.columns.size(); ++c)
                    rows(fw.dimensions[static_cast<std::size_t>(m.rows[row])].id, m.facet, m.columns[c],
                         all.facets[f].cells[row * m.columns.size() + c]);
            for (std::size_t c = 0; c < m.columns.size(); ++c)
                rows("", m.facet, m.columns[c], all.facets[f].columns[c]);
        }
    }
}

}  // namespace

// Every text cell Yardstick writes is neutralised against formulas (csv.h).
std::string csv_field(const std::string& s) { return csv_cell(s); }

void write_score_table(std::ostream& out, const ScoreReport& report, const ScoreOutputOptions& opts) {
    bool first = true;
    for (const ScoredRound& sr : report.rounds) {
        const RoundResult& r = sr.result;
        const Framework& fw = *sr.framework;
        const Questionnaire& q = *sr.questionnaire;
        if (!first) out << "\n";
        first = false;
        out << r.organisation.name << " (" << r.organisation.id << "), " << r.period << "\n";
        out << "Questionnaire: " << q.title << " " << q.version << "; framework: " << fw.title << " " << fw.version
            << "\n";
        out << "Respondents: " << r.respondents << "; coverage " << fixed(r.overall.coverage() * 100, 0) << "% ("
            << r.overall.answered << " answered, " << r.overall.dont_know << " don't know, "
            << r.overall.not_applicable << " N/A, " << r.overall.unanswered << " blank)\n";
        if (!r.excluded.empty())
            out << "Excluded from this round: " << excluded_names(fw, r.excluded) << " (not scored, not counted)\n";
        bool targets = r.percent_to_target.has_value();
        bool progress = r.previous_period.has_value();
        if (progress) out << "Change is since " << *r.previous_period << ".\n";
        out << "\n" << pad("Dimension", 44) << pad("Score", 7) << pad("Level", 16) << pad("Coverage", 9);
        if (targets) out << pad("Target", 7) << pad("Gap", 6);
        if (progress) out << pad("Change", 7);
        out << "\n";
        auto row = [&](const std::string& label, const NodeScore& n) {
            out << pad(label, 44) << pad(opt_fixed(n.score, 2), 7)
                << pad(n.score ? std::to_string(n.level) + " " + level_name(fw, n.level) : "-", 16)
                << pad(fixed(n.coverage() * 100, 0) + "%", 9);
            if (targets) out << pad(n.target ? target_text(*n.target) : "-", 7) << pad(opt_fixed(n.gap, 2), 6);
            if (progress) {
                std::string c = n.change ? (*n.change >= 0 ? "+" : "") + fixed(*n.change, 2) : "-";
                out << pad(c, 7);
            }
            out << "\n";
        };
        for (std::size_t k = 0; k < fw.dimensions.size(); ++k)
            if (!r.is_out_of_scope(k)) row(std::string(2 * fw.dimensions[k].depth, ' ') + fw.dimensions[k].name, r.dimensions[k]);
        row("Overall", r.overall);
        if (targets) out << "Percent to target: " << fixed(*r.percent_to_target * 100, 1) << "%\n";
        if (!r.unscored_targets.empty()) {
            out << "Targets with no score yet:";
            for (const auto& t : r.unscored_targets) out << " " << t;
            out << "\n";
        }
        if (opts.levels && !r.levels.empty()) {
            // Shares of questions (answers combined) at or above each level; "of" is how many have a score.
            const LevelDistributions& all = r.levels;
            out << "\nQuestions at or above each level (share of the node's scored questions)\n"
                << pad("Dimension", 44) << pad("of", 5);
            for (std::size_t i = 0; i < all.overall.questions_at_or_above.size(); ++i)
                out << pad(">=" + std::to_string(all.min_level + static_cast<int>(i)), 7);
            out << "\n";
            auto dist_row = [&](const std::string& label, const LevelDistribution& d) {
                out << pad(label, 44) << pad(std::to_string(d.questions), 5);
                for (std::size_t i = 0; i < d.questions_at_or_above.size(); ++i)
                    out << pad(d.questions ? fixed(d.question_share(i) * 100, 0) + "%" : "-", 7);
                out << "\n";
            };
            for (std::size_t k = 0; k < fw.dimensions.size(); ++k)
                if (!r.is_out_of_scope(k))
                    dist_row(std::string(2 * fw.dimensions[k].depth, ' ') + fw.dimensions[k].name, all.dimensions[k]);
            dist_row("Overall", all.overall);
        }
        if (opts.roles && !r.roles.empty()) {
            // Dimensions down, roles across: role ids are short, dimension names are not.
            out << "\nBy respondent role (number of respondents in brackets)\n" << pad("Dimension", 44);
            for (const RoleResult& rr : r.roles)
                out << pad(q.roles[rr.role].id + " (" + std::to_string(rr.respondents) + ")", 18);
            out << "\n";
            for (std::size_t k = 0; k < fw.dimensions.size(); ++k) {
                out << pad(std::string(2 * fw.dimensions[k].depth, ' ') + fw.dimensions[k].name, 44);
                for (const RoleResult& rr : r.roles) out << pad(opt_fixed(rr.dimensions[k], 2), 18);
                out << "\n";
            }
            out << pad("Overall", 44);
            for (const RoleResult& rr : r.roles) out << pad(opt_fixed(rr.overall, 2), 18);
            out << "\n";
        }
        if (opts.questions) {
            out << "\n" << pad("Question", 28) << pad("Median", 7) << pad("IQR", 11) << pad("Agree", 6)
                << pad("n", 6) << pad("DK", 5) << pad("N/A", 5) << "\n";
            for (std::size_t i = 0; i < q.questions.size(); ++i) {
                const QuestionResult& qr = r.questions[i];
                std::string iqr = qr.spread.n ? fixed(qr.spread.q1, 2) + "-" + fixed(qr.spread.q3, 2) : "-";
                out << pad(q.questions[i].id, 28) << pad(qr.spread.n ? fixed(qr.spread.median, 2) : "-", 7)
                    << pad(iqr, 11) << pad(opt_fixed(qr.agreement, 2), 6) << pad(std::to_string(qr.answered), 6)
                    << pad(std::to_string(qr.dont_know), 5) << pad(std::to_string(qr.not_applicable), 5) << "\n";
            }
        }
        if (opts.respondents) {
            out << "\n" << pad("Respondent", 20) << pad("Role", 16) << pad("Overall", 8) << "Coverage\n";
            for (const auto& rr : r.respondent_results)
                out << pad(rr.id, 20) << pad(role_name(q, rr.role), 16) << pad(opt_fixed(rr.overall, 2), 8)
                    << fixed(rr.coverage * 100, 0) << "%\n";
        }
    }
}

nlohmann::json score_report_json(const ScoreReport& report, const ScoreOutputOptions& opts) {
    nlohmann::json rounds = nlohmann::json::array();
    for (const ScoredRound& sr : report.rounds) {
        const RoundResult& r = sr.result;
        const Framework& fw = *sr.framework;
        const Questionnaire& q = *sr.questionnaire;
        nlohmann::json j;
        j["organisation"] = {{"id", r.organisation.id}, {"name", r.organisation.name}, {"type", r.organisation.type}};
        j["period"] = r.period;
        j["framework"] = {{"id", fw.id}, {"version", fw.version}};
        j["questionnaire"] = {{"id", q.id}, {"version", q.version}};
        j["files"] = sr.files;
        j["respondents"] = r.respondents;
        j["overall"] = node_json(fw, r.overall);
        if (r.percent_to_target) j["percent_to_target"] = round_to(*r.percent_to_target, 4);
        if (r.previous_period) j["previous_period"] = *r.previous_period;
        if (!r.unscored_targets.empty()) j["unscored_targets"] = r.unscored_targets;
        if (!r.excluded.empty()) j["excluded"] = excluded_json(fw, r);
        if (!r.levels.empty()) j["overall"]["distribution"] = distribution_json(r.levels, r.levels.overall);
        nlohmann::json dims = nlohmann::json::array();
        for (std::size_t k = 0; k < fw.dimensions.size(); ++k) {
            nlohmann::json d = node_json(fw, r.dimensions[k]);
            if (r.is_out_of_scope(k)) d["out_of_scope"] = true;
            else if (!r.levels.empty()) d["distribution"] = distribution_json(r.levels, r.levels.dimensions[k]);
            d["id"] = fw.dimensions[k].id;
            d["name"] = fw.dimensions[k].name;
            d["parent"] = fw.dimensions[k].parent >= 0 ? nlohmann::json(fw.dimensions[fw.dimensions[k].parent].id)
                                                       : nlohmann::json(nullptr);
            dims.push_back(std::move(d));
        }
        j["dimensions"] = std::move(dims);
        if (!r.facets.empty()) {
            nlohmann::json facets = nlohmann::json::array();
            for (const FacetMatrix& m : r.facets) {
                nlohmann::json fm;
                fm["facet"] = m.facet;
                fm["columns"] = m.columns;
                nlohmann::json rows = nlohmann::json::array();
                const std::size_t fi = static_cast<std::size_t>(&m - r.facets.data());
                const bool dist = fi < r.levels.facets.size();
                for (std::size_t i = 0; i < m.rows.size(); ++i) {
                    nlohmann::json cells = nlohmann::json::array(), cell_dist = nlohmann::json::array();
                    for (std::size_t c = 0; c < m.columns.size(); ++c) {
                        cells.push_back(opt_json(m.cells[i * m.columns.size() + c]));
                        if (dist)
                            cell_dist.push_back(distribution_json(r.levels, r.levels.facets[fi].cells[i * m.columns.size() + c]));
                    }
                    nlohmann::json row = {{"dimension", fw.dimensions[m.rows[i]].id}, {"cells", cells}};
                    if (dist) row["distributions"] = std::move(cell_dist);
                    rows.push_back(std::move(row));
                }
                fm["rows"] = std::move(rows);
                nlohmann::json means = nlohmann::json::array();
                for (const auto& v : m.column_means) means.push_back(opt_json(v));
                fm["column_means"] = std::move(means);
                if (dist) {
                    nlohmann::json cols = nlohmann::json::array();
                    for (const auto& d : r.levels.facets[fi].columns) cols.push_back(distribution_json(r.levels, d));
                    fm["column_distributions"] = std::move(cols);
                }
                facets.push_back(std::move(fm));
            }
            j["facets"] = std::move(facets);
        }
        if (opts.roles) {
            nlohmann::json roles = nlohmann::json::array();
            for (const RoleResult& rr : r.roles) {
                nlohmann::json rj;
                rj["role"] = q.roles[rr.role].id;
                rj["respondents"] = rr.respondents;
                rj["overall"] = opt_json(rr.overall);
                nlohmann::json d = nlohmann::json::object();
                for (std::size_t k = 0; k < fw.dimensions.size(); ++k) d[fw.dimensions[k].id] = opt_json(rr.dimensions[k]);
                rj["dimensions"] = std::move(d);
                roles.push_back(std::move(rj));
            }
            j["roles"] = std::move(roles);
        }
        if (opts.questions) {
            nlohmann::json qs = nlohmann::json::array();
            for (std::size_t i = 0; i < q.questions.size(); ++i) {
                const QuestionResult& qr = r.questions[i];
                nlohmann::json x;
                x["id"] = q.questions[i].id;
                x["dimension"] = q.questions[i].dimension_id;
                x["value"] = opt_json(qr.value);
                x["answered"] = qr.answered;
                x["dont_know"] = qr.dont_know;
                x["not_applicable"] = qr.not_applicable;
                x["unanswered"] = qr.unanswered;
                x["not_asked"] = qr.not_asked;
                if (qr.spread.n) {
                    x["median"] = round_to(qr.spread.median, 4);
                    x["q1"] = round_to(qr.spread.q1, 4);
                    x["q3"] = round_to(qr.spread.q3, 4);
                    x["min"] = round_to(qr.spread.min, 4);
                    x["max"] = round_to(qr.spread.max, 4);
                    x["mean"] = round_to(qr.spread.mean, 4);
                }
                x["agreement"] = opt_json(qr.agreement);
                if (opts.roles) {
                    nlohmann::json br = nlohmann::json::object();
                    for (std::size_t k = 0; k < qr.by_role.size(); ++k)
                        if (qr.by_role[k]) br[q.roles[k].id] = round_to(*qr.by_role[k], 4);
                    x["by_role"] = std::move(br);
                }
                qs.push_back(std::move(x));
            }
            j["questions"] = std::move(qs);
        }
        if (opts.respondents) {
            nlohmann::json rs = nlohmann::json::array();
            for (const auto& rr : r.respondent_results)
                rs.push_back({{"id", rr.id},
                              {"role", role_name(q, rr.role)},
                              {"overall", opt_json(rr.overall)},
                              {"level", rr.overall ? nlohmann::json(rr.level) : nlohmann::json(nullptr)},
                              {"coverage", round_to(rr.coverage, 4)}});
            j["respondent_results"] = std::move(rs);
        }
        rounds.push_back(std::move(j));
    }
    return {{"format", "yardstick-scores/1"}, {"rounds", rounds}};
}

void write_score_csv(std::ostream& out, const ScoreReport& report, const ScoreOutputOptions& opts) {
    if (opts.levels) {
        write_levels_csv(out, report);
        return;
    }
    if (opts.questions) {
        out << "organisation,period,questionnaire,question,dimension,value,median,q1,q3,agreement,answered,dont_know,"
               "not_applicable,unanswered,not_asked\r\n";
        for (const ScoredRound& sr : report.rounds) {
            const RoundResult& r = sr.result;
            for (std::size_t i = 0; i < sr.questionnaire->questions.size(); ++i) {
                const QuestionResult& qr = r.questions[i];
                const Question& qu = sr.questionnaire->questions[i];
                auto sp = [&](double v) { return qr.spread.n ? plain(v) : std::string(); };
                out << csv_field(r.organisation.id) << "," << csv_field(r.period) << "," << csv_field(sr.questionnaire->id)
                    << "," << csv_field(qu.id) << "," << csv_field(qu.dimension_id) << "," << opt_csv(qr.value) << ","
                    << sp(qr.spread.median) << "," << sp(qr.spread.q1) << "," << sp(qr.spread.q3) << ","
                    << opt_csv(qr.agreement) << "," << qr.answered << "," << qr.dont_know << "," << qr.not_applicable
                    << "," << qr.unanswered << "," << qr.not_asked << "\r\n";
            }
        }
        return;
    }
    out << "organisation,period,questionnaire,role,dimension,parent,score,level,level_name,coverage,answered,"
           "dont_know,not_applicable,target,gap,previous,change,scope\r\n";
    for (const ScoredRound& sr : report.rounds) {
        const RoundResult& r = sr.result;
        const Framework& fw = *sr.framework;
        auto line = [&](const std::string& role, const std::string& dim, const std::string& parent, const NodeScore& n,
                        bool excluded = false) {
            out << csv_field(r.organisation.id) << "," << csv_field(r.period) << "," << csv_field(sr.questionnaire->id)
                << "," << csv_field(role) << "," << csv_field(dim) << "," << csv_field(parent) << ","
                << opt_csv(n.score) << "," << (n.score ? std::to_string(n.level) : "") << ","
                << csv_field(n.score ? level_name(fw, n.level) : "") << "," << plain(n.coverage()) << "," << n.answered
                << "," << n.dont_know << "," << n.not_applicable << "," << (n.target ? target_text(*n.target) : "")
                << "," << opt_csv(n.gap) << "," << opt_csv(n.previous) << "," << opt_csv(n.change) << ","
                << (excluded ? "excluded from this round" : "") << "\r\n";
        };
        for (std::size_t k = 0; k < fw.dimensions.size(); ++k) {
            const Dimension& d = fw.dimensions[k];
            line("all", d.id, d.parent >= 0 ? fw.dimensions[d.parent].id : "", r.dimensions[k], r.is_out_of_scope(k));
        }
        line("all", "overall", "", r.overall);
        if (opts.roles) {
            for (const RoleResult& rr : r.roles) {
                const std::string& role = sr.questionnaire->roles[rr.role].id;
                for (std::size_t k = 0; k < fw.dimensions.size(); ++k) {
                    if (r.is_out_of_scope(k)) continue;
                    NodeScore n;
                    n.score = rr.dimensions[k];
                    if (n.score) n.level = level_for_score(fw, fw.dimensions[k].level_mapping, *n.score);
                    const Dimension& d = fw.dimensions[k];
                    line(role, d.id, d.parent >= 0 ? fw.dimensions[d.parent].id : "", n);
                }
                NodeScore n;
                n.score = rr.overall;
                if (n.score) n.level = level_for_score(fw, fw.level_mapping, *n.score);
                line(role, "overall", "", n);
            }
        }
    }
}

}  // namespace ys
