#pragma once
// Building frameworks, questionnaires and answers from inline JSON for tests.
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "answers_read.h"
#include "framework_read.h"
#include "questionnaire_read.h"

namespace ys::test {

inline std::string all_problems(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.items()) s += to_string(x) + "\n";
    return s;
}

inline Framework make_framework(const nlohmann::json& j) {
    Diagnostics d("inline framework");
    auto fw = parse_framework(j, d);
    if (!fw) throw std::runtime_error(all_problems(d));
    return *fw;
}

inline Questionnaire make_questionnaire(const nlohmann::json& j, const Framework& fw) {
    Diagnostics d("inline questionnaire");
    auto q = parse_questionnaire(j, d);
    if (!q || !bind_questionnaire(*q, fw, d)) throw std::runtime_error(all_problems(d));
    return *q;
}

inline AnswerSet make_answers(const nlohmann::json& j, const Questionnaire& q) {
    Diagnostics d("inline answers");
    auto a = parse_answers(j, q, d);
    if (!a) throw std::runtime_error(all_problems(d));
    return *a;
}

// Descriptors for every level from lo to hi, for leaves in test frameworks.
inline nlohmann::json descriptors(int lo, int hi) {
    nlohmann::json d = nlohmann::json::object();
    for (int l = lo; l <= hi; ++l) d[std::to_string(l)] = "Level " + std::to_string(l) + " looks like this.";
    return d;
}

inline nlohmann::json levels(int lo, int hi) {
    nlohmann::json l = nlohmann::json::array();
    for (int v = lo; v <= hi; ++v) l.push_back({{"value", v}, {"name", "L" + std::to_string(v)}});
    return l;
}

// A choice question offering one option per listed score, ids "s0", "s1", ...
inline nlohmann::json choice(const std::string& id, const std::string& dim, const std::vector<double>& scores) {
    nlohmann::json opts = nlohmann::json::array();
    for (std::size_t i = 0; i < scores.size(); ++i)
        opts.push_back({{"id", "s" + std::to_string(i)}, {"label", "Option " + std::to_string(i)}, {"score", scores[i]}});
    return {{"id", id}, {"kind", "choice"}, {"text", "Question " + id}, {"dimension", dim}, {"options", opts}};
}

inline nlohmann::json questionnaire(const std::string& fw_id, const std::vector<nlohmann::json>& questions,
                                    const nlohmann::json& extra = nlohmann::json::object()) {
    nlohmann::json q = {{"format", "yardstick-questionnaire/1"},
                        {"id", "test-q"},
                        {"version", "1.0"},
                        {"title", "Test questionnaire"},
                        {"framework", {{"id", fw_id}, {"versions", {"1.*"}}}},
                        {"audience", "organisation"},
                        {"sections", {{{"id", "s1"}, {"title", "Section"}, {"questions", nlohmann::json(questions)}}}}};
    q.update(extra);
    return q;
}

inline nlohmann::json answers(const std::vector<nlohmann::json>& respondents, const std::string& period = "2026") {
    return {{"format", "yardstick-answers/1"},
            {"questionnaire", {{"id", "test-q"}, {"version", "1.0"}}},
            {"organisation", {{"id", "testshire"}, {"name", "Testshire (fictional)"}, {"type", "county"}}},
            {"period", period},
            {"respondents", nlohmann::json(respondents)}};
}

}  // namespace ys::test
