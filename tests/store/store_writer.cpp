// A helper for tests/store/test_store.cpp: writes answers into a round the way the tool does,
// telling its parent exactly what has been committed, so the parent can kill it at any moment
// and then check that nothing committed was lost.
//
//   store_writer DB ROUND N        for i in 0..N-1: add respondent "w<pid>-<i>", set one answer
//                                  with set_answer, then print the key (one line, flushed)
//   store_writer DB ROUND N --tx   prints "writing", writes N respondents (one answer each) with
//                                  one call to write_respondents, then prints "committed"
//
// The answer is to the round's first question that has options (option i modulo their number).
// Exit codes: 0 done, 1 a store error (its one-line message on stderr), 2 usage.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "database.h"
#include "rounds.h"

namespace {

int usage() {
    std::fprintf(stderr, "usage: store_writer DB ROUND N [--tx]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 && argc != 5) return usage();
    const std::string db = argv[1], round = argv[2];
    const bool tx = argc == 5;
    if (tx && std::string(argv[4]) != "--tx") return usage();
    char* end = nullptr;
    const long long n = std::strtoll(argv[3], &end, 10);
    if (!end || *end || n < 0) return usage();
    const std::string prefix = "w" + std::to_string(static_cast<long long>(::getpid())) + "-";

    try {
        ys::store::Connection c = ys::store::open_database(db);
        ys::store::RoundRecord r = ys::store::get_round(c, round);
        auto fw = ys::store::load_framework(c, r.framework_hash);
        auto q = ys::store::load_questionnaire(c, r.questionnaire_hash, *fw);
        int qi = -1;
        for (std::size_t i = 0; i < q->questions.size() && qi < 0; ++i)
            if ((q->questions[i].kind == ys::QuestionKind::Choice || q->questions[i].kind == ys::QuestionKind::Likert) &&
                !q->questions[i].options.empty())
                qi = static_cast<int>(i);
        if (qi < 0) {
            std::fprintf(stderr, "store_writer: round %s has no choice or likert question\n", round.c_str());
            return 1;
        }
        const ys::Question& question = q->questions[static_cast<std::size_t>(qi)];
        const std::string role = q->roles.empty() ? std::string() : q->roles[0].id;
        const std::size_t options = question.options.size();

        if (!tx) {
            for (long long i = 0; i < n; ++i) {
                std::string key = prefix + std::to_string(i);
                ys::store::add_respondent(c, round, role, "", "", key);
                nlohmann::json answer = {{"value", question.options[static_cast<std::size_t>(i) % options].id}};
                ys::store::set_answer(c, round, key, question.id, answer, 1767225600 + i);
                // Only now is the answer committed: tell the parent.
                std::fputs((key + "\n").c_str(), stdout);
                std::fflush(stdout);
            }
            return 0;
        }

        std::vector<ys::Respondent> respondents;
        respondents.reserve(static_cast<std::size_t>(n));
        for (long long i = 0; i < n; ++i) {
            ys::Respondent p;
            p.id = prefix + std::to_string(i);
            p.role = q->roles.empty() ? -1 : 0;
            ys::Answer a;
            a.question = static_cast<std::uint16_t>(qi);
            a.state = ys::AnswerState::Given;
            a.choice = static_cast<std::uint8_t>(static_cast<std::size_t>(i) % options);
            a.answered_at = 1767225600 + i;
            p.answers.push_back(a);
            respondents.push_back(std::move(p));
        }
        std::fputs("writing\n", stdout);
        std::fflush(stdout);
        ys::store::write_respondents(c, round, *q, respondents);
        std::fputs("committed\n", stdout);
        std::fflush(stdout);
        return 0;
    } catch (const ys::store::StoreError& e) {
        std::fprintf(stderr, "store_writer: %s\n", e.what());
        return 1;
    }
}
