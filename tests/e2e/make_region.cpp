// Writes a region of fictional councils as survey-tool exports, for the regional end-to-end
// test: COUNCILS councils, each with a children's services department, three yearly rounds
// each, and 50 to 200 respondents per council round (20 to 60 per department round). Each
// round is one CSV file as Microsoft Forms exports it: one row per respondent, numbered
// question texts as headers, an ID, a role and a completion time. Deterministic.
//
//   make_region OUT_DIR LIBRARY_DIR [COUNCILS]
// Prints one line per file: org period questionnaire path
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "answers.h"
#include "answers_csv.h"
#include "catalogue.h"
#include "score_output.h"

using namespace ys;

namespace {

Answer answer_at(const Question& qu, std::uint16_t index, int level) {
    Answer a;
    a.question = index;
    switch (qu.kind) {
        case QuestionKind::Choice:
        case QuestionKind::Likert: {
            std::size_t best = 0;  // the option whose score is nearest the level
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
    return a;
}

void write_round(const std::string& path, const Questionnaire& q, int respondents, double maturity, std::mt19937& rng,
                 const std::string& period) {
    std::ofstream out(path, std::ios::binary);
    out << "ID,Start time,Completion time,Email,Name,Role";
    for (std::size_t i = 0; i < q.questions.size(); ++i)
        out << ',' << csv_field(std::to_string(i + 1) + ". " + q.questions[i].text);
    out << "\r\n";
    std::normal_distribution<double> noise(maturity, 0.8);
    for (int p = 1; p <= respondents; ++p) {
        std::vector<Answer> given;
        for (std::size_t i = 0; i < q.questions.size(); ++i) {
            int level = std::clamp(static_cast<int>(std::lround(noise(rng))), 1, 5);
            given.push_back(answer_at(q.questions[i], static_cast<std::uint16_t>(i), level));
            if (rng() % 40 == 0 && q.questions[i].allow_dont_know) given.back().state = AnswerState::DontKnow;
        }
        std::vector<const Answer*> by_question;
        for (const Answer& a : given) by_question.push_back(&a);
        const std::string& role = q.roles.empty() ? std::string() : q.roles[static_cast<std::size_t>(p) % q.roles.size()].name;
        out << p << ',' << period << "-05-02 09:00:00," << period << "-05-02 09:" << (10 + p % 50) << ":00,,,"
            << csv_field(role);
        for (std::size_t i = 0; i < q.questions.size(); ++i) {
            const Question& qu = q.questions[i];
            out << ',';
            if (qu.condition && !condition_holds(q, qu, by_question)) continue;  // not asked: left blank
            out << csv_field(given[i].state == AnswerState::DontKnow ? "Don't know" : answer_text(qu, given[i]));
        }
        out << "\r\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_region OUT_DIR LIBRARY_DIR [COUNCILS]\n");
        return 3;
    }
    const std::string dir = argv[1];
    const int councils = argc > 3 ? std::atoi(argv[3]) : 33;
    Catalogue cat;
    cat.add_library(argv[2], "shipped");
    cat.bind_all();
    auto full = cat.questionnaire("council-full");
    auto childrens = cat.questionnaire("childrens-services");
    if (!full || !childrens) {
        std::fprintf(stderr, "make_region: council-full or childrens-services not found under %s\n", argv[2]);
        return 2;
    }
    std::filesystem::create_directories(dir);
    std::mt19937 rng(2026);
    for (int c = 1; c <= councils; ++c) {
        char org[32];
        std::snprintf(org, sizeof org, "council-%02d", c);
        const double maturity = 1.4 + 2.8 * (c % 9) / 8.0;  // councils spread across the scale
        for (int r = 0; r < 3; ++r) {
            const std::string period = std::to_string(2024 + r);
            const int people = 50 + static_cast<int>(rng() % 151);
            std::string path = dir + "/" + org + "-" + period + ".csv";
            write_round(path, *full, people, maturity + 0.3 * r, rng, period);
            std::printf("%s %s council-full %s\n", org, period.c_str(), path.c_str());
            const int staff = 20 + static_cast<int>(rng() % 41);
            path = dir + "/" + org + "-childrens-" + period + ".csv";
            write_round(path, *childrens, staff, maturity - 0.3 + 0.25 * r, rng, period);
            std::printf("%s-childrens %s childrens-services %s\n", org, period.c_str(), path.c_str());
        }
    }
    return 0;
}
