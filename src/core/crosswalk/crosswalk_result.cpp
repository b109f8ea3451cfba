#include "crosswalk_result.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "crosswalk_files.h"
#include "csv.h"
#include "number_format.h"

namespace ys {
namespace {

nlohmann::json opt_json(const std::optional<double>& v) {
    return v ? nlohmann::json(round_to(*v, 4)) : nlohmann::json(nullptr);
}

struct Scale {
    double from_min, from_max, to_min, to_max;
    double operator()(double s) const {
        if (from_max <= from_min) return to_min;
        return to_min + (s - from_min) * (to_max - to_min) / (from_max - from_min);
    }
};

int level_on(const Crosswalk& cw, double score) {
    if (cw.to_levels.empty()) return 0;
    // A small tolerance so that 3.0 computed as 2.9999999 is still level 3.
    int l = static_cast<int>(std::floor(score + 1e-9));
    return std::clamp(l, cw.to_levels.front().value, cw.to_levels.back().value);
}

// Pads to a width counted in characters, so UTF-8 names line up.
std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string basis_text(const CrosswalkItemResult& ir) {
    std::string out;
    int questions = 0;
    for (const auto& b : ir.basis) {
        if (b.kind == "question") {
            ++questions;
            continue;
        }
        out += (out.empty() ? "" : ", ") + b.name;
    }
    if (questions)
        out += (out.empty() ? "" : "; ") + std::to_string(questions) + (questions == 1 ? " question" : " questions");
    return out.empty() ? "nothing mapped" : out;
}

std::string to_label(const Crosswalk& cw) {
    std::string s = cw.to_name;
    if (!cw.to_publisher.empty() || cw.to_year) {
        s += " (";
        if (!cw.to_publisher.empty()) s += cw.to_publisher;
        if (cw.to_year) s += (cw.to_publisher.empty() ? "" : ", ") + std::to_string(*cw.to_year);
        s += ")";
    }
    return s;
}

}  // namespace

std::string crosswalk_level_name(const Crosswalk& cw, int level) {
    for (const auto& l : cw.to_levels)
        if (l.value == level) return l.name;
    return std::to_string(level);
}

CrosswalkResult apply_crosswalk(const Crosswalk& cw, const Framework& fw, const Questionnaire& q, const RoundResult& r) {
    CrosswalkResult res;
    res.crosswalk = &cw;
    res.items.resize(cw.items.size());
    for (std::size_t i = 0; i < cw.items.size(); ++i) res.items[i].item = static_cast<int>(i);
    Scale scale{static_cast<double>(fw.min_level()), static_cast<double>(fw.max_level()),
                cw.to_levels.empty() ? 0.0 : cw.to_levels.front().value,
                cw.to_levels.empty() ? 0.0 : cw.to_levels.back().value};
    bool questions_apply = std::find(cw.questionnaires.begin(), cw.questionnaires.end(), q.id) != cw.questionnaires.end();

    std::vector<double> sum(cw.items.size(), 0), scored_weight(cw.items.size(), 0), weight(cw.items.size(), 0);
    std::map<std::pair<int, int>, std::pair<double, double>> cells;  // (row, column) -> (sum, weight)
    std::vector<bool> dim_mapped(fw.dimensions.size(), false);

    for (const auto& m : cw.mappings) {
        CrosswalkBasis b;
        if (m.kind == CrosswalkMapping::Kind::Dimension) {
            int d = fw.find_dimension(m.id);
            if (d < 0) continue;
            dim_mapped[d] = true;
            b = {"dimension", m.id, fw.dimensions[d].name, 1, std::nullopt};
            if (r.dimensions[d].score) b.score = scale(*r.dimensions[d].score);
        } else {
            int qi = questions_apply ? q.find_question(m.id) : -1;
            if (qi < 0) continue;  // a question of another questionnaire
            b = {"question", m.id, q.questions[qi].text, 1, std::nullopt};
            if (r.questions[qi].value) b.score = scale(*r.questions[qi].value);
        }
        for (const auto& l : m.to) {
            CrosswalkBasis bl = b;
            bl.weight = l.weight;
            res.items[l.item].basis.push_back(bl);
            weight[l.item] += l.weight;
            if (b.score) {
                sum[l.item] += l.weight * *b.score;
                scored_weight[l.item] += l.weight;
            }
        }
        if (cw.axes.size() >= 2) {
            for (const auto& a : m.to) {
                if (cw.items[a.item].axis != 0) continue;
                for (const auto& c : m.to) {
                    if (cw.items[c.item].axis != 1) continue;
                    auto& cell = cells[{a.item, c.item}];
                    if (b.score) {
                        cell.first += a.weight * c.weight * *b.score;
                        cell.second += a.weight * c.weight;
                    }
                }
            }
        }
    }
    for (std::size_t i = 0; i < cw.items.size(); ++i) {
        auto& ir = res.items[i];
        if (scored_weight[i] > 0) {
            ir.score = sum[i] / scored_weight[i];
            ir.level = level_on(cw, *ir.score);
        }
        ir.coverage = weight[i] > 0 ? scored_weight[i] / weight[i] : 0;
    }
    for (const auto& [key, v] : cells) {
        CrosswalkCell c;
        c.row = key.first;
        c.column = key.second;
        if (v.second > 0) {
            c.score = v.first / v.second;
            c.level = level_on(cw, *c.score);
        }
        res.cells.push_back(c);
    }
    // A branch mapped whole covers its leaves.
    for (std::size_t d = 0; d < fw.dimensions.size(); ++d)
        for (int c : fw.dimensions[d].children)
            if (dim_mapped[d]) dim_mapped[c] = true;
    for (std::size_t d = 0; d < fw.dimensions.size(); ++d)
        if (fw.dimensions[d].children.empty() && !dim_mapped[d] && r.dimensions[d].score) {
            bool by_question = false;
            for (const auto& ir : res.items)
                for (const auto& b : ir.basis)
                    if (b.kind == "question" && q.find_question(b.id) >= 0 &&
                        q.questions[q.find_question(b.id)].dimension == static_cast<int>(d))
                        by_question = true;
            if (!by_question) res.unmapped.push_back(fw.dimensions[d].name);
        }
    return res;
}

void write_crosswalk_table(std::ostream& out, const CrosswalkResult& res) {
    const Crosswalk& cw = *res.crosswalk;
    out << "\nIn the terms of " << to_label(cw) << ", an approximation\n" << cw.approximation << "\n";
    for (const auto& axis : cw.axes) {
        out << "\n" << pad(axis.name, 44) << pad("Score", 7) << pad("Level", 16) << "Based on\n";
        for (int i : axis.items) {
            const auto& ir = res.items[i];
            out << pad(cw.items[i].name, 44) << pad(ir.score ? fixed(*ir.score, 2) : "-", 7)
                << pad(ir.score ? std::to_string(ir.level) + " " + crosswalk_level_name(cw, ir.level) : "-", 16)
                << basis_text(ir) << "\n";
        }
    }
    if (!res.unmapped.empty()) {
        out << "Not mapped, so left out of these figures:";
        for (std::size_t i = 0; i < res.unmapped.size(); ++i) out << (i ? ", " : " ") << res.unmapped[i];
        out << "\n";
    }
}

nlohmann::json crosswalk_json(const CrosswalkResult& res) {
    const Crosswalk& cw = *res.crosswalk;
    nlohmann::json j;
    j["crosswalk"] = {{"id", cw.id}, {"version", cw.version}, {"title", cw.title}};
    j["to"] = {{"id", cw.to_id}, {"name", cw.to_name}, {"publisher", cw.to_publisher}};
    if (cw.to_year) j["to"]["year"] = *cw.to_year;
    j["approximation"] = true;
    j["approximation_note"] = cw.approximation;
    nlohmann::json axes = nlohmann::json::array();
    for (const auto& axis : cw.axes) {
        nlohmann::json items = nlohmann::json::array();
        for (int i : axis.items) {
            const auto& ir = res.items[i];
            nlohmann::json it;
            it["id"] = cw.items[i].id;
            it["name"] = cw.items[i].name;
            it["score"] = opt_json(ir.score);
            it["level"] = ir.score ? nlohmann::json(ir.level) : nlohmann::json(nullptr);
            it["level_name"] = ir.score ? nlohmann::json(crosswalk_level_name(cw, ir.level)) : nlohmann::json(nullptr);
            it["coverage"] = round_to(ir.coverage, 4);
            nlohmann::json basis = nlohmann::json::array();
            for (const auto& b : ir.basis)
                basis.push_back({{b.kind, b.id}, {"name", b.name}, {"weight", b.weight}, {"score", opt_json(b.score)}});
            it["based_on"] = std::move(basis);
            items.push_back(std::move(it));
        }
        axes.push_back({{"id", axis.id}, {"name", axis.name}, {"items", std::move(items)}});
    }
    j["axes"] = std::move(axes);
    if (cw.axes.size() >= 2) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& c : res.cells)
            cells.push_back({{cw.axes[0].id, cw.items[c.row].id},
                             {cw.axes[1].id, cw.items[c.column].id},
                             {"score", opt_json(c.score)},
                             {"level", c.score ? nlohmann::json(c.level) : nlohmann::json(nullptr)}});
        j["cells"] = std::move(cells);
    }
    j["not_mapped"] = res.unmapped;
    return j;
}

nlohmann::json crosswalk_return_json(const ScoreReport& report, const std::vector<CrosswalkResult>& results,
                                     const std::string& generated_on) {
    nlohmann::json rounds = nlohmann::json::array();
    for (std::size_t k = 0; k < results.size() && k < report.rounds.size(); ++k) {
        const ScoredRound& sr = report.rounds[k];
        const RoundResult& r = sr.result;
        nlohmann::json j;
        j["organisation"] = {{"id", r.organisation.id}, {"name", r.organisation.name}, {"type", r.organisation.type}};
        j["period"] = r.period;
        j["framework"] = {{"id", sr.framework->id}, {"version", sr.framework->version}};
        j["questionnaire"] = {{"id", sr.questionnaire->id}, {"version", sr.questionnaire->version}};
        j["respondents"] = r.respondents;
        j["coverage"] = round_to(r.overall.coverage(), 4);
        j.update(crosswalk_json(results[k]));
        rounds.push_back(std::move(j));
    }
    return {{"format", "yardstick-crosswalk-return/1"}, {"generated_on", generated_on}, {"rounds", std::move(rounds)}};
}

void write_crosswalk_return_csv(std::ostream& out, const ScoreReport& report, const std::vector<CrosswalkResult>& results) {
    out << "organisation_id,organisation,period,questionnaire,crosswalk,crosswalk_version,axis,item_id,item,score,"
           "level,level_name,coverage,based_on,approximation\r\n";
    for (std::size_t k = 0; k < results.size() && k < report.rounds.size(); ++k) {
        const CrosswalkResult& res = results[k];
        const Crosswalk& cw = *res.crosswalk;
        const RoundResult& r = report.rounds[k].result;
        auto head = [&]() {
            out << csv_cell(r.organisation.id) << ',' << csv_cell(r.organisation.name) << ',' << csv_cell(r.period)
                << ',' << csv_cell(r.questionnaire_id) << ',' << csv_cell(cw.id) << ',' << csv_cell(cw.version) << ',';
        };
        for (const auto& axis : cw.axes)
            for (int i : axis.items) {
                const auto& ir = res.items[i];
                head();
                out << csv_cell(axis.id) << ',' << csv_cell(cw.items[i].id) << ',' << csv_cell(cw.items[i].name) << ','
                    << (ir.score ? plain(*ir.score, 4) : "") << ',' << (ir.score ? std::to_string(ir.level) : "")
                    << ',' << (ir.score ? csv_cell(crosswalk_level_name(cw, ir.level)) : "") << ','
                    << plain(ir.coverage, 4) << ',' << csv_cell(basis_text(ir)) << ",yes\r\n";
            }
        if (cw.axes.size() >= 2)
            for (const auto& c : res.cells) {
                head();
                out << csv_cell(cw.axes[0].id + " x " + cw.axes[1].id) << ','
                    << csv_cell(cw.items[c.row].id + "|" + cw.items[c.column].id) << ','
                    << csv_cell(cw.items[c.row].name + " / " + cw.items[c.column].name) << ','
                    << (c.score ? plain(*c.score, 4) : "") << ',' << (c.score ? std::to_string(c.level) : "") << ','
                    << (c.score ? csv_cell(crosswalk_level_name(cw, c.level)) : "") << ",,,yes\r\n";
            }
    }
}

void write_crosswalk_return_table(std::ostream& out, const ScoreReport& report, const std::vector<CrosswalkResult>& results) {
    for (std::size_t k = 0; k < results.size() && k < report.rounds.size(); ++k) {
        const RoundResult& r = report.rounds[k].result;
        if (k) out << "\n";
        out << r.organisation.name << " (" << r.organisation.id << "), " << r.period << "\n";
        out << "Questionnaire: " << report.rounds[k].questionnaire->title << " " << report.rounds[k].questionnaire->version
            << "; respondents: " << r.respondents << "; coverage " << fixed(r.overall.coverage() * 100, 0) << "%\n";
        write_crosswalk_table(out, results[k]);
    }
}

void add_crosswalks_json(nlohmann::json& scores, const std::vector<std::vector<CrosswalkResult>>& crosswalked) {
    if (crosswalked.empty() || !scores.contains("rounds")) return;
    auto& rounds = scores["rounds"];
    for (std::size_t k = 0; k < rounds.size(); ++k) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& results : crosswalked)
            if (k < results.size()) list.push_back(crosswalk_json(results[k]));
        rounds[k]["crosswalks"] = std::move(list);
    }
}

void write_crosswalks_table(std::ostream& out, const ScoreReport& report,
                            const std::vector<std::vector<CrosswalkResult>>& crosswalked) {
    for (std::size_t k = 0; k < report.rounds.size(); ++k)
        for (const auto& results : crosswalked) {
            if (k >= results.size()) continue;
            const RoundResult& r = report.rounds[k].result;
            out << "\n" << r.organisation.name << " (" << r.organisation.id << "), " << r.period;
            write_crosswalk_table(out, results[k]);
        }
}

bool crosswalk_rounds(const std::string& path, const ScoreReport& report, Crosswalk& cw,
                      std::vector<CrosswalkResult>& results, Diagnostics& diags) {
    std::vector<const ScoredRound*> rounds;
    for (const auto& sr : report.rounds) rounds.push_back(&sr);
    return crosswalk_rounds(path, rounds, cw, results, diags);
}

bool crosswalk_rounds(const std::string& path, const std::vector<const ScoredRound*>& rounds, Crosswalk& cw,
                      std::vector<CrosswalkResult>& results, Diagnostics& diags) {
    Diagnostics d(path);
    auto read = read_crosswalk_file(path, d);
    if (!read) {
        diags.append(d);
        return false;
    }
    cw = std::move(*read);
    std::vector<const Framework*> checked;  // each framework once: its problems are the same for every round
    for (const ScoredRound* srp : rounds) {
        const ScoredRound& sr = *srp;
        const RoundResult& r = sr.result;
        std::string round = r.organisation.name + " " + r.period + " (" + sr.questionnaire->title + ")";
        if (cw.framework_id != sr.framework->id) {
            d.error("/framework/id", "maps framework \"" + cw.framework_id + "\", but the round " + round + " uses \"" +
                                         sr.framework->id + "\"; choose a crosswalk for that framework");
            continue;
        }
        if (!cw.maps_version(sr.framework->version)) {
            d.error("/framework/versions", "does not map version " + sr.framework->version + " of \"" + sr.framework->id +
                                               "\", which the round " + round + " uses; use a crosswalk written for it");
            continue;
        }
        if (std::find(checked.begin(), checked.end(), sr.framework.get()) != checked.end()) continue;
        checked.push_back(sr.framework.get());
        check_crosswalk_dimensions(cw, *sr.framework, d);
    }
    diags.append(d);
    if (d.has_errors()) return false;
    results.clear();
    // The results point at cw, so it must not move after this.
    for (const ScoredRound* sr : rounds)
        results.push_back(apply_crosswalk(cw, *sr->framework, *sr->questionnaire, sr->result));
    return true;
}

}  // namespace ys
