// Files far over a limit are refused early: time and peak memory of yardstick-cli given
// a questionnaire of half a million questions, a 150 MB bundle and a 200 MB survey CSV (as
// issue 12 names them), each as a file and through a pipe (where its size cannot be known
// before reading), and a survey CSV under the byte limit with more rows than a round may
// hold. The target beside each: refused (exit 2) in seconds, under 200 MB of memory.
//
//   bench_limits                 generate, measure, print the table
//   bench_limits --before PATH   also measure another yardstick-cli (an older build) beside it
//   bench_limits --generate DIR  write the files only (run by the benchmark as a child, so the
//                                generator's memory is not counted in any figure)
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "number_format.h"

namespace fs = std::filesystem;
using ys::fixed;

namespace {

constexpr std::size_t kHugeQuestions = 500000;
constexpr std::uint64_t kBundleBytes = 150'000'000;
constexpr std::uint64_t kCsvBytes = 200'000'000;
constexpr std::size_t kManyRows = 150000;

nlohmann::json load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return nlohmann::json::parse(in);
}

// The shipped quick check with its first question repeated under new ids, written a
// question at a time so the generator stays small.
bool write_questionnaire(const std::string& path) {
    nlohmann::json q = load(std::string(YS_SOURCE_DIR) + "/questionnaires/council-quick-check.json");
    // A small question, so the file stays under the byte limit and the count is what refuses it.
    nlohmann::json one = {{"kind", "choice"},
                          {"dimension", q["sections"][0]["questions"][0]["dimension"]},
                          {"text", "Is it so?"},
                          {"options", {{{"id", "a"}, {"label", "No"}, {"score", 1}}, {{"id", "b"}, {"label", "Yes"}, {"score", 5}}}}};
    q["id"] = "huge-check";
    q["sections"] = "@sections@";  // a placeholder where the questions are streamed
    const std::string text = q.dump(), marker = "\"@sections@\"";
    const std::size_t at = text.find(marker);
    std::ofstream out(path, std::ios::binary);
    out << text.substr(0, at) << "[{\"id\":\"s-all\",\"title\":\"Everything\",\"questions\":[";
    for (std::size_t i = 0; i < kHugeQuestions; ++i) {
        one["id"] = "q" + std::to_string(i);
        out << (i ? "," : "") << one.dump();
    }
    out << "]}]" << text.substr(at + marker.size());
    return static_cast<bool>(out);
}

// A bundle whose first round holds copies of one respondent until the file is 150 MB.
bool write_bundle(const std::string& path) {
    nlohmann::json b = load(std::string(YS_SOURCE_DIR) + "/tests/data/bundles/good.json");
    nlohmann::json r = b["rounds"][0]["respondents"][0];
    b["rounds"][0]["respondents"] = nlohmann::json::array();
    std::string text = b.dump();
    const std::string marker = "\"respondents\":[]";
    std::size_t at = text.find(marker);
    std::ofstream out(path, std::ios::binary);
    out << text.substr(0, at) << "\"respondents\":[";
    std::uint64_t written = at;
    for (std::size_t i = 0; written < kBundleBytes; ++i) {
        r["id"] = "r" + std::to_string(i);
        std::string s = (i ? "," : "") + r.dump();
        out << s;
        written += s.size();
    }
    out << "]" << text.substr(at + marker.size());
    return static_cast<bool>(out);
}

// A survey export of the quick check: a header of question ids, then answer rows.
bool write_csv(const std::string& path, std::uint64_t bytes, std::size_t rows) {
    nlohmann::json q = load(std::string(YS_SOURCE_DIR) + "/questionnaires/council-quick-check.json");
    std::string header = "Respondent ID", row_tail;
    for (const auto& s : q["sections"])
        for (const auto& qu : s["questions"]) {
            if (qu.value("kind", "") != "choice") continue;
            header += "," + qu["id"].get<std::string>();
            row_tail += "," + qu["options"][0]["id"].get<std::string>();
        }
    std::ofstream out(path, std::ios::binary);
    out << header << "\n";
    std::uint64_t written = header.size() + 1;
    for (std::size_t i = 0; (bytes && written < bytes) || (!bytes && i < rows); ++i) {
        std::string line = "r" + std::to_string(i) + row_tail + "\n";
        out << line;
        written += line.size();
    }
    return static_cast<bool>(out);
}

int generate(const std::string& dir) {
    fs::create_directories(dir);
    bool ok = write_questionnaire(dir + "/huge-questionnaire.json") && write_bundle(dir + "/huge-bundle.json") &&
              write_csv(dir + "/huge-survey.csv", kCsvBytes, 0) && write_csv(dir + "/many-rows.csv", 0, kManyRows);
    return ok ? 0 : 1;
}

struct Case {
    std::string name;
    std::string file;
    std::vector<std::string> args;  // after the program; "{}" stands for the file
    bool piped = false;
    bool uses_db = true;
};

// Runs a case: the file given by name, or fed through a pipe as /dev/stdin.
bench::Measured run_case(const std::string& cli, const Case& c, const std::string& db) {
    bench::remove_db(db);
    if (bench::run({cli, "org", "add", "fenmarsh", "--name", "Fenmarsh District Council", "--type", "district", "--db", db},
                   true)
            .status != 0)
        return {};
    std::vector<std::string> argv = {cli};
    for (const auto& a : c.args) argv.push_back(a == "{}" ? (c.piped ? "/dev/stdin" : c.file) : a);
    if (c.uses_db) {
        argv.push_back("--db");
        argv.push_back(db);
    }
    if (!c.piped) return bench::run(argv, /*quiet_stderr=*/true);
    // Through a pipe: the shell's cat feeds standard input, so no size is known in advance.
    std::string cmd;
    for (const auto& a : argv) cmd += "'" + a + "' ";
    return bench::run({"/bin/sh", "-c", "cat '" + c.file + "' | " + cmd + "2>/dev/null"}, true);
}

std::string cell(const bench::Measured& m) {
    if (m.status < 0) return "      (failed)      ";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%7s s %7s MB  %d", fixed(m.seconds, 2).c_str(), fixed(m.peak_mb, 1).c_str(), m.status);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--generate") == 0) return generate(argv[2]);
    std::string before;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--before") == 0) before = argv[i + 1];
    const std::string dir = "/tmp/yardstick-bench-limits";
    if (bench::run({"/proc/self/exe", "--generate", dir}).status != 0) {
        std::fprintf(stderr, "bench: could not generate the files in %s\n", dir.c_str());
        return 1;
    }
    auto mb = [&](const char* f) { return fixed(static_cast<double>(fs::file_size(dir + "/" + f)) / 1e6, 1); };
    std::printf("Early limit checks: files far over a limit, refused by yardstick-cli (exit 2)\n");
    std::printf("  huge-questionnaire.json %s MB (%zu questions; limit 2,000)\n", mb("huge-questionnaire.json").c_str(),
                kHugeQuestions);
    std::printf("  huge-bundle.json %s MB (limit 128 MB)\n", mb("huge-bundle.json").c_str());
    std::printf("  huge-survey.csv %s MB (limit 128 MB)\n", mb("huge-survey.csv").c_str());
    std::printf("  many-rows.csv %s MB, %zu rows (limit 100,000 respondents)\n\n", mb("many-rows.csv").c_str(), kManyRows);

    const std::vector<std::string> csv_args = {"import", "--csv", "{}", "--org", "fenmarsh", "--period", "2026",
                                               "--questionnaire", "council-quick-check"};
    std::vector<Case> cases = {
        {"questionnaire, 500,000 questions (validate)", dir + "/huge-questionnaire.json", {"validate", "{}"}, false, false},
        {"  the same through a pipe", dir + "/huge-questionnaire.json", {"validate", "{}"}, true, false},
        {"bundle, 150 MB (import)", dir + "/huge-bundle.json", {"import", "{}"}},
        {"  the same through a pipe", dir + "/huge-bundle.json", {"import", "{}"}, true},
        {"survey CSV, 200 MB (import --csv)", dir + "/huge-survey.csv", csv_args},
        {"  the same through a pipe", dir + "/huge-survey.csv", csv_args, true},
        {"survey CSV, 150,000 rows (import --csv)", dir + "/many-rows.csv", csv_args},
    };
    const std::string db = dir + "/bench.db";
    std::printf("  %-44s %-24s", "case", "this build: time, peak, exit");
    if (!before.empty()) std::printf("  %-24s", "before: time, peak, exit");
    std::printf("  target\n");
    bool met = true;
    for (const auto& c : cases) {
        bench::Measured now = run_case(YS_CLI, c, db);
        std::printf("  %-44s %-24s", c.name.c_str(), cell(now).c_str());
        if (!before.empty()) std::printf("  %-24s", cell(run_case(before, c, db)).c_str());
        std::printf("  exit 2, < 10 s, < 200 MB\n");
        met = met && now.status == 2 && now.seconds < 10 && now.peak_mb < 200;
    }
    std::printf("\n  target %s\n", met ? "met" : "NOT met");
    bench::remove_db(db);
    fs::remove_all(dir);
    return met ? 0 : 1;
}
