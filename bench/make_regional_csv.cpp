// Writes the regional benchmark file: 33 fictional councils x 5 yearly rounds x 200
// respondents x 60 questions of the full assessment, about 2,000,000 answers, in the long
// CSV layout that `yardstick-cli export --csv` writes and `yardstick-cli import --csv-long`
// reads. Deterministic: the same seed gives the same bytes.
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include <algorithm>
#include <cmath>

#include "answers_csv.h"
#include "score_output.h"
#include "catalogue.h"

using namespace ys;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_regional_csv OUT.csv LIBRARY_DIR [COUNCILS ROUNDS RESPONDENTS]\n");
        return 3;
    }
    int councils = argc > 3 ? std::atoi(argv[3]) : 33;
    int rounds = argc > 4 ? std::atoi(argv[4]) : 5;
    int respondents = argc > 5 ? std::atoi(argv[5]) : 200;
    Catalogue cat;
    cat.add_library(argv[2], "shipped");
    cat.bind_all();
    auto q = cat.questionnaire("council-full");
    if (!q) {
        std::fprintf(stderr, "make_regional_csv: council-full not found under %s\n", argv[2]);
        return 2;
    }
    const std::size_t questions = std::min<std::size_t>(60, q->questions.size());
    std::ofstream out(argv[1], std::ios::binary);
    out << "organisation,period,questionnaire,questionnaire_version,respondent,role,question,answer,answered_at\r\n";
    std::mt19937 rng(33);
    std::size_t written = 0;
    for (int c = 1; c <= councils; ++c) {
        char org[32];
        std::snprintf(org, sizeof org, "borough-%02d", c);
        double maturity = 1.5 + 3.0 * (c % 11) / 10.0;  // councils spread across the scale
        for (int r = 0; r < rounds; ++r) {
            std::string period = std::to_string(2022 + r);
            for (int p = 1; p <= respondents; ++p) {
                std::string key = "r" + std::to_string(p);
                const std::string& role = q->roles[static_cast<std::size_t>(p) % q->roles.size()].id;
                std::vector<const Answer*> by_question(q->questions.size(), nullptr);
                std::vector<Answer> given;
                given.reserve(questions);
                std::normal_distribution<double> noise(maturity + 0.15 * r, 0.8);
                for (std::size_t i = 0; i < questions; ++i) {
                    const Question& qu = q->questions[i];
                    Answer a;
                    a.question = static_cast<std::uint16_t>(i);
                    int level = std::clamp(static_cast<int>(std::lround(noise(rng))), 1, 5);
                    if (rng() % 40 == 0 && qu.allow_dont_know) a.state = AnswerState::DontKnow;
                    switch (qu.kind) {
                        case QuestionKind::Choice:
                        case QuestionKind::Likert: {
                            // The option whose score is nearest the respondent's level.
                            std::size_t best = 0;
                            for (std::size_t k = 0; k < qu.options.size(); ++k)
                                if (std::abs(qu.options[k].score - level) < std::abs(qu.options[best].score - level)) best = k;
                            a.choice = static_cast<std::uint8_t>(best);
                            break;
                        }
                        case QuestionKind::Chain: a.choice = static_cast<std::uint8_t>(std::min<std::size_t>(level - 1, qu.steps.size())); break;
                        case QuestionKind::Checklist:
                            for (int k = 0; k < level && k < static_cast<int>(qu.options.size()); ++k) a.ticked |= std::uint64_t{1} << k;
                            break;
                        case QuestionKind::Number: a.number = std::min(qu.max.value_or(100.0), 2.0 * level); break;
                    }
                    given.push_back(a);
                }
                for (auto& a : given) by_question[a.question] = &a;
                for (const Answer& a : given) {
                    const Question& qu = q->questions[a.question];
                    if (qu.condition && !condition_holds(*q, qu, by_question)) continue;
                    out << org << ',' << period << ",council-full," << q->version << ',' << key << ',' << role << ','
                        << qu.id << ',' << csv_field(answer_text(qu, a)) << ',' << period << "-06-01T09:00:00Z\r\n";
                    ++written;
                }
            }
        }
    }
    std::fprintf(stderr, "wrote %zu answers to %s\n", written, argv[1]);
    return 0;
}
