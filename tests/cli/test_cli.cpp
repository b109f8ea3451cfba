// yardstick-cli as a user runs it: real processes, their output and exit codes.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Runs the CLI with the shipped library only (no user files), from the source tree.
Run cli(const std::string& args) {
    // ctest runs test cases in parallel processes: every call gets files of its own.
    static int calls = 0;
    std::string tag = std::to_string(::getpid()) + "-" + std::to_string(++calls);
    std::filesystem::create_directories(YS_WORK_DIR);
    std::string out = std::string(YS_WORK_DIR) + "/out-" + tag + ".txt";
    std::string err = std::string(YS_WORK_DIR) + "/err-" + tag + ".txt";
    std::string cmd = std::string("cd ") + YS_SOURCE_DIR + " && XDG_DATA_HOME=" + YS_WORK_DIR + "/xdg YARDSTICK_DATA_DIR=" +
                      YS_SOURCE_DIR + " " + YS_CLI + " " + args + " > " + out + " 2> " + err + " < /dev/null";
    int status = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace

TEST_CASE("cli: --help on every command, usage errors exit 3", "[cli]") {
    for (const char* c : {"validate", "frameworks", "score"}) {
        Run r = cli(std::string(c) + " --help");
        CHECK(r.code == 0);
        CHECK(r.out.find("Usage: yardstick-cli") != std::string::npos);
    }
    CHECK(cli("--help").code == 0);
    CHECK(cli("").code == 3);
    CHECK(cli("nonsense").code == 3);
    Run r = cli("score --format xml examples/answers/northwold-2026-quick.json");
    CHECK(r.code == 3);
    CHECK(count_lines(r.err) == 1);
    CHECK(cli("validate --bogus x.json").code == 3);
}

TEST_CASE("cli: validate accepts every shipped file and rejects a bad one with exit 2", "[cli]") {
    Run ok = cli("validate frameworks/*.json questionnaires/*.json examples/answers/*.json examples/targets/*.json");
    INFO(ok.err);
    CHECK(ok.code == 0);
    CHECK(ok.err.empty());
    CHECK(ok.out.find("INVALID") == std::string::npos);

    Run bad = cli(std::string("validate ") + YS_TEST_DATA + "/bad/q-condition-forward.json " + YS_TEST_DATA +
                  "/frameworks/tiny-example.json");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("q-condition-forward.json: /sections/0/questions/") != std::string::npos);
    CHECK(bad.err.find("refers forward") != std::string::npos);

    Run missing = cli("validate no-such-file.json");
    CHECK(missing.code == 2);
    CHECK(missing.err == "no-such-file.json: cannot open file\n");
}

TEST_CASE("cli: frameworks lists the shipped frameworks and questionnaires", "[cli]") {
    Run r = cli("frameworks");
    CHECK(r.code == 0);
    for (const char* id : {"council-data-maturity", "analyst-data-skills", "council-full", "council-quick-check",
                           "childrens-services", "analyst-skills-self-assessment"})
        CHECK(r.out.find(id) != std::string::npos);
    Run j = cli("frameworks --format json");
    REQUIRE(j.code == 0);
    auto doc = nlohmann::json::parse(j.out);
    CHECK(doc["entries"].size() >= 6);
}

TEST_CASE("cli: score as table, JSON and CSV agree", "[cli]") {
    const std::string files = "examples/answers/eastmere-2025-full.json examples/answers/eastmere-2026-full.json";
    Run table = cli("score " + files + " --targets examples/targets/eastmere-2027.json");
    INFO(table.err);
    REQUIRE(table.code == 0);
    CHECK(table.out.find("Eastmere") != std::string::npos);
    CHECK(table.out.find("Percent to target") != std::string::npos);
    CHECK(table.out.find("Change is since 2025") != std::string::npos);

    Run js = cli("score --format json --questions --roles " + files);
    REQUIRE(js.code == 0);
    auto doc = nlohmann::json::parse(js.out);
    REQUIRE(doc["rounds"].size() == 2);
    const auto& latest = doc["rounds"][1];
    CHECK(latest["period"] == "2026");
    CHECK(latest["previous_period"] == "2025");
    CHECK(latest["questions"].size() >= 50);
    double overall = latest["overall"]["score"].get<double>();
    CHECK(overall >= 1);
    CHECK(overall <= 5);

    std::string out_csv = std::string(YS_WORK_DIR) + "/scores-" + std::to_string(::getpid()) + ".csv";
    Run csv = cli("score --format csv --out " + out_csv + " " + files);
    REQUIRE(csv.code == 0);
    std::string text = slurp(out_csv);
    CHECK(text.rfind("organisation,period,questionnaire,role,dimension", 0) == 0);
    // The CSV's overall for 2026 matches the JSON's, to four decimals.
    std::ostringstream want;
    auto pos = text.find("eastmere,2026,council-full,all,overall,,");
    REQUIRE(pos != std::string::npos);
    double csv_overall = std::stod(text.substr(pos + std::string("eastmere,2026,council-full,all,overall,,").size()));
    CHECK(csv_overall == Approx(overall).margin(1e-4));
}

TEST_CASE("cli: score refuses invalid answers, writes nothing, exits 2", "[cli]") {
    std::string out_file = std::string(YS_WORK_DIR) + "/never-" + std::to_string(::getpid()) + ".json";
    std::filesystem::remove(out_file);
    Run r = cli(std::string("score --format json --out ") + out_file + " --with " + YS_TEST_DATA +
                "/frameworks/tiny-example.json --with " + YS_TEST_DATA + "/questionnaires/tiny-check.json " +
                YS_TEST_DATA + "/answers/tiny-good.json " + YS_TEST_DATA + "/bad/ans-unknown-option.json");
    CHECK(r.code == 2);
    CHECK(r.err.find("ans-unknown-option.json: /respondents/0/answers/") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out_file));
}

TEST_CASE("cli: numbers do not follow the user's locale", "[cli]") {
    Run plain = cli("score --format csv examples/answers/northwold-2026-quick.json");
    REQUIRE(plain.code == 0);
    std::string cmd = "score --format csv examples/answers/northwold-2026-quick.json";
    setenv("LC_ALL", "de_DE.UTF-8", 1);
    Run german = cli(cmd);
    unsetenv("LC_ALL");
    CHECK(german.out == plain.out);
}
