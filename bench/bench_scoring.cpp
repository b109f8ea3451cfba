// Scores 10,000 respondents x 60 questions and prints time and peak memory beside the
// targets (under 1 s, under 100 MB on 2 cores). Two measurements in one run:
//  1. the engine: answers already in memory -> every node's score, per respondent and per role;
//  2. the whole CLI on a 10,000-respondent answer file, in a child process (time and its own peak).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "catalogue.h"
#include "scoring.h"

using namespace ys;

namespace {

constexpr int kRespondents = 10000;
constexpr std::size_t kQuestions = 60;

double peak_mb_self() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

// Random but valid answers to the first kQuestions questions.
AnswerSet generate(const Questionnaire& q, std::mt19937& rng) {
    AnswerSet set;
    set.questionnaire_id = q.id;
    set.questionnaire_version = q.version;
    set.organisation = {"benchmark-borough", "Benchmark Borough (fictional)", "london-borough", ""};
    set.period = "2026";
    set.respondents.reserve(kRespondents);
    std::uniform_real_distribution<double> u(0, 1);
    for (int r = 0; r < kRespondents; ++r) {
        Respondent resp;
        resp.id = "r" + std::to_string(r);
        resp.role = q.roles.empty() ? -1 : r % static_cast<int>(q.roles.size());
        for (std::size_t i = 0; i < q.questions.size() && i < kQuestions; ++i) {
            const Question& qu = q.questions[i];
            Answer a;
            a.question = static_cast<std::uint16_t>(i);
            double x = u(rng);
            if (x < 0.03 && qu.allow_dont_know) a.state = AnswerState::DontKnow;
            else if (x < 0.05 && qu.allow_na) a.state = AnswerState::NotApplicable;
            switch (qu.kind) {
                case QuestionKind::Choice:
                case QuestionKind::Likert: a.choice = static_cast<std::uint8_t>(rng() % qu.options.size()); break;
                case QuestionKind::Chain: a.choice = static_cast<std::uint8_t>(rng() % (qu.steps.size() + 1)); break;
                case QuestionKind::Checklist: a.ticked = rng() & ((std::uint64_t{1} << qu.options.size()) - 1); break;
                case QuestionKind::Number: a.number = qu.min.value_or(0) + u(rng) * (qu.max.value_or(100) - qu.min.value_or(0)) / 10; break;
            }
            resp.answers.push_back(a);
        }
        set.respondents.push_back(std::move(resp));
    }
    return set;
}

nlohmann::json to_json(const AnswerSet& set, const Questionnaire& q) {
    nlohmann::json rs = nlohmann::json::array();
    for (const auto& r : set.respondents) {
        nlohmann::json answers = nlohmann::json::object();
        for (const auto& a : r.answers) {
            const Question& qu = q.questions[a.question];
            nlohmann::json v;
            if (a.state == AnswerState::DontKnow) v["dont_know"] = true;
            else if (a.state == AnswerState::NotApplicable) v["na"] = true;
            else switch (qu.kind) {
                case QuestionKind::Choice:
                case QuestionKind::Likert: v["value"] = qu.options[a.choice].id; break;
                case QuestionKind::Chain: {
                    nlohmann::json steps = nlohmann::json::array();
                    for (std::size_t k = 0; k < a.choice; ++k) steps.push_back(true);
                    if (a.choice < qu.steps.size()) steps.push_back(false);
                    v["value"] = steps;
                    break;
                }
                case QuestionKind::Checklist: {
                    nlohmann::json ticks = nlohmann::json::array();
                    for (std::size_t k = 0; k < qu.options.size(); ++k)
                        if (a.ticked & (std::uint64_t{1} << k)) ticks.push_back(qu.options[k].id);
                    v["value"] = ticks;
                    break;
                }
                case QuestionKind::Number: v["value"] = a.number; break;
            }
            answers[qu.id] = v;
        }
        rs.push_back({{"id", r.id}, {"role", q.roles[r.role].id}, {"answers", answers}});
    }
    return {{"format", "yardstick-answers/1"},
            {"questionnaire", {{"id", q.id}, {"version", q.version}}},
            {"organisation", {{"id", set.organisation.id}, {"name", set.organisation.name}, {"type", "london-borough"}}},
            {"period", set.period},
            {"respondents", rs}};
}

void verdict(const char* what, double value, double target, const char* unit) {
    std::printf("  %-34s %10.3f %-3s target < %-6.0f %s\n", what, value, unit, target, value < target ? "MET" : "MISSED");
}

}  // namespace

int main() {
    Catalogue cat;
    cat.add_library(YS_SOURCE_DIR, "shipped");
    cat.bind_all();
    auto fw = cat.framework("council-data-maturity");
    auto q = cat.questionnaire("council-full");
    if (!fw || !q) {
        std::fprintf(stderr, "bench: the shipped council framework or questionnaire did not load\n");
        return 1;
    }
    std::mt19937 rng(20261121);
    AnswerSet set = generate(*q, rng);
    std::size_t answers = 0;
    for (const auto& r : set.respondents) answers += r.answers.size();
    std::printf("Scoring benchmark: %d respondents x %zu questions = %zu answers (council-full, %zu dimensions)\n",
                kRespondents, kQuestions, answers, fw->dimensions.size());

    // Warm-up once, then the best of three.
    double best = 1e9;
    RoundResult r;
    for (int i = 0; i < 4; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        r = score_round(*fw, *q, {&set}, ScoreOptions{true, true});
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (i > 0 && s < best) best = s;
    }
    std::printf("\n1. Engine (answers in memory; per question, per respondent, per role; overall %.3f)\n",
                r.overall.score.value_or(0));
    verdict("time, best of 3", best * 1000, 1000, "ms");
    verdict("peak memory of the process", peak_mb_self(), 100, "MB");

    // 2. The CLI end to end on a file, in its own process so its peak memory is its own.
    std::string path = "/tmp/yardstick-bench-10k.json";
    {
        std::ofstream f(path);
        f << to_json(set, *q).dump();
    }
    std::ifstream probe(path, std::ios::ate);
    double file_mb = static_cast<double>(probe.tellg()) / (1024.0 * 1024.0);
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);  // random answers to conditional questions draw "ignored" warnings
        execl(YS_CLI, YS_CLI, "score", "--format", "json", path.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage child{};
    wait4(pid, &status, 0, &child);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("\n2. yardstick-cli score on a %.1f MB answer file (read, check, score, write JSON)\n", file_mb);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::printf("  the CLI failed (status %d)\n", status);
        return 1;
    }
    std::printf("  %-34s %10.3f ms  (no target: file parsing dominates)\n", "time", secs * 1000);
    std::printf("  %-34s %10.3f MB  (no target)\n", "peak memory of the CLI process", child.ru_maxrss / 1024.0);
    std::remove(path.c_str());
    return 0;
}
