#pragma once
// What several benchmarks share: random but valid answers, and the best of three runs.
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "questionnaire.h"

namespace bench {

using ys::Question;
using ys::QuestionKind;

// One answer object, as a survey tool would write it: random but valid for its question.
inline nlohmann::json random_answer(const Question& qu, std::mt19937& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    double x = u(rng);
    if (x < 0.03 && qu.allow_dont_know) return {{"dont_know", true}};
    if (x < 0.05 && qu.allow_na) return {{"na", true}};
    nlohmann::json v;
    switch (qu.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert: v = qu.options[rng() % qu.options.size()].id; break;
        case QuestionKind::Chain: {
            std::size_t yes = rng() % (qu.steps.size() + 1);
            v = nlohmann::json::array();
            for (std::size_t k = 0; k < yes; ++k) v.push_back(true);
            if (yes < qu.steps.size()) v.push_back(false);
            break;
        }
        case QuestionKind::Checklist: {
            v = nlohmann::json::array();
            for (const auto& o : qu.options)
                if (rng() % 2) v.push_back(o.id);
            break;
        }
        case QuestionKind::Number: {
            double lo = qu.min.value_or(0), hi = qu.max.value_or(100);
            v = lo + std::floor(u(rng) * (hi - lo) / 10);
            break;
        }
    }
    nlohmann::json a = {{"value", v}};
    if (rng() % 20 == 0) a["evidence"] = "Seen in the data team's quarterly return to the board.";
    return a;
}

inline Measured best_of_3(const std::vector<std::string>& argv) {
    Measured best;
    best.seconds = 1e9;
    best.cpu_seconds = 1e9;
    for (int i = 0; i < 3; ++i) {
        Measured m = run(argv, /*quiet_stderr=*/true);
        if (m.status != 0) return m;
        if (m.seconds < best.seconds) best.seconds = m.seconds;
        if (m.cpu_seconds < best.cpu_seconds) best.cpu_seconds = m.cpu_seconds;
        if (m.peak_mb > best.peak_mb) best.peak_mb = m.peak_mb;  // the worst peak: peaks hardly vary
        best.status = 0;
    }
    return best;
}

}  // namespace bench
