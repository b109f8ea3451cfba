// Last year's rounds, made on version 1.0 of the council framework and questionnaires, move to
// the shipped 1.1 by `round upgrade`, keeping every answer 1.1 still asks; answers to the questions
// 1.1 retired are left behind only when asked to; the new dimensions wait for answers
// (frameworks/README.md, "Moving a 1.0 round to 1.1").
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_run.h"

using namespace ys::test;

namespace {

const std::string kOld = std::string(YS_TEST_DATA) + "/content-1.0";

// yardstick-cli with the 1.0 content as its data folder, as an installation from before the
// change had (cli() always runs with the shipped, current content).
Run cli_with_1_0(const std::string& args) {
    std::string dir = std::string(YS_WORK_DIR) + "/content-1.0-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    std::string cmd = "cd " + std::string(YS_SOURCE_DIR) + " && XDG_DATA_HOME=" + YS_WORK_DIR +
                      "/xdg YARDSTICK_DATA_DIR=" + kOld + " " + YS_CLI + " " + args + " > " + dir + "/out 2> " + dir +
                      "/err < /dev/null";
    int status = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir + "/out");
    r.err = slurp(dir + "/err");
    std::filesystem::remove_all(dir);
    return r;
}

nlohmann::json round_score(const std::string& db, const std::string& round) {
    Run s = cli("score --format json --db " + db + " --round " + round);
    INFO(s.err);
    REQUIRE(s.code == 0);
    return nlohmann::json::parse(s.out)["rounds"][0];
}

std::map<std::string, nlohmann::json> by_id(const nlohmann::json& dimensions) {
    std::map<std::string, nlohmann::json> out;
    for (const auto& d : dimensions) out[d["id"].get<std::string>()] = d;
    return out;
}

int answered_total(const nlohmann::json& round) { return round["overall"]["answered"].get<int>(); }

// The checks every upgraded round passes: new versions, the nine 1.0 dimensions still there
// with the answers they had (less any left behind), the two new ones waiting for answers.
void check_upgraded(const nlohmann::json& before, const nlohmann::json& after, int left_behind) {
    CHECK(after["framework"]["version"] == "1.1");
    CHECK(after["questionnaire"]["version"] == "1.1");
    CHECK(answered_total(after) == answered_total(before) - left_behind);
    auto old_dims = by_id(before["dimensions"]);
    auto new_dims = by_id(after["dimensions"]);
    CHECK(old_dims.size() == 9);
    CHECK(new_dims.size() == 11);
    int answered_old = 0, answered_new = 0;
    for (const auto& [id, d] : old_dims) {
        INFO(id);
        REQUIRE(new_dims.count(id));
        answered_old += d["answered"].get<int>();
        answered_new += new_dims[id]["answered"].get<int>();
        // Scores may move (1.1 scores "neither agree nor disagree" as 2, not 3) but never vanish.
        CHECK(new_dims[id]["score"].is_null() == d["score"].is_null());
    }
    CHECK(answered_new == answered_old - left_behind);
    for (const char* id : {"security", "ai"}) {
        INFO(id);
        REQUIRE(new_dims.count(id));
        CHECK(new_dims[id]["score"].is_null());
        CHECK(new_dims[id]["answered"] == 0);
    }
}

}  // namespace

TEST_CASE("cli: rounds on the 1.0 quick check and children's questionnaires move to 1.1 with every answer",
          "[cli][store][content]") {
    WorkFolder w("content-upgrade", "rounds");
    Run imp = cli_with_1_0("import --db " + w.db + " " + kOld + "/answers/northwold-2026-quick.json " + kOld +
                           "/answers/ashby-vale-2026-full.json " + kOld + "/answers/ashby-vale-childrens-2026.json");
    INFO(imp.err);
    REQUIRE(imp.code == 0);
    for (const char* round : {"northwold.2026.council-quick-check", "ashby-vale-childrens.2026.childrens-services"}) {
        INFO(round);
        nlohmann::json before = round_score(w.db, round);
        REQUIRE(before["framework"]["version"] == "1.0");
        REQUIRE(before["questionnaire"]["version"] == "1.0");
        Run up = cli(std::string("round upgrade ") + round + " --db " + w.db);
        INFO(up.err);
        REQUIRE(up.code == 0);
        CHECK(up.out.find("questionnaire 1.0 -> 1.1, framework 1.0 -> 1.1") != std::string::npos);
        CHECK(up.out.find("left behind") == std::string::npos);
        check_upgraded(before, round_score(w.db, round), 0);
    }
}

TEST_CASE("cli: a 1.0 full assessment with answers to retired questions moves to 1.1 only with --drop-retired",
          "[cli][store][content]") {
    WorkFolder w("content-upgrade", "retired");
    Run imp = cli_with_1_0("import --db " + w.db + " " + kOld + "/answers/eastmere-2025-full.json");
    INFO(imp.err);
    REQUIRE(imp.code == 0);
    const std::string round = "eastmere.2025.council-full";
    nlohmann::json before = round_score(w.db, round);

    // Eastmere answered both replaced questions: refused, naming them, the database untouched.
    std::size_t hash = database_hash(w.db);
    Run refused = cli("round upgrade " + round + " --db " + w.db);
    CHECK(refused.code == 2);
    CHECK(refused.err.find("full-skills-analysts") != std::string::npos);
    CHECK(refused.err.find("full-gov-isas") != std::string::npos);
    CHECK(refused.err.find("--drop-retired") != std::string::npos);
    CHECK(count_lines(refused.err) == 1);
    CHECK(database_hash(w.db) == hash);
    CHECK(round_score(w.db, round)["questionnaire"]["version"] == "1.0");

    // The answers to the two retired questions, counted from the stored round.
    Run answers = cli("score --format json --questions --db " + w.db + " --round " + round);
    REQUIRE(answers.code == 0);
    const nlohmann::json questions = nlohmann::json::parse(answers.out)["rounds"][0]["questions"];
    int retired_answers = 0;
    for (const auto& q : questions) {
        std::string id = q["id"].get<std::string>();
        if (id == "full-skills-analysts" || id == "full-gov-isas")
            retired_answers += q["answered"].get<int>() + q["dont_know"].get<int>() + q["not_applicable"].get<int>();
    }
    REQUIRE(retired_answers > 0);

    Run up = cli("round upgrade " + round + " --drop-retired --db " + w.db);
    INFO(up.err);
    REQUIRE(up.code == 0);
    CHECK(up.out.find(std::to_string(retired_answers) + " answers to retired questions left behind "
                      "(full-gov-isas, full-skills-analysts)") != std::string::npos);
    nlohmann::json after = round_score(w.db, round);
    // Given answers that no longer count: those to the retired questions, and those to the
    // question asked only after a high enough full-gov-isa-coverage answer, which nobody has
    // given yet (its answers stay stored, not asked, until someone does).
    int no_longer_counted = 0;
    for (const auto& q : questions) {
        std::string id = q["id"].get<std::string>();
        if (id == "full-skills-analysts" || id == "full-gov-isas" || id == "full-gov-isa-speed")
            no_longer_counted += q["answered"].get<int>();
    }
    check_upgraded(before, after, no_longer_counted);
}

TEST_CASE("cli: a 1.0 answer file is refused by the 1.1 library until the 1.0 questionnaire is given with --library",
          "[cli][content]") {
    WorkFolder w("content-upgrade", "file");
    std::string file = kOld + "/answers/northwold-2026-quick.json";
    Run refused = cli("import --db " + w.db + " " + file);
    CHECK(refused.code == 2);
    CHECK(refused.err.find("version 1.0") != std::string::npos);
    CHECK(cli("round list --db " + w.db).out.find("(no rounds)") != std::string::npos);  // nothing imported

    Run ok = cli("import --library " + kOld + " --db " + w.db + " " + file);
    INFO(ok.err);
    CHECK(ok.code == 0);
}
