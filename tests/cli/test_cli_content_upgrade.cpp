// Last year's rounds, made on version 1.0 of the council framework and questionnaires, move to
// the shipped 1.1 by `round upgrade`, keeping every score they had; the new dimensions wait for
// answers (frameworks/README.md, "Moving a 1.0 round to 1.1").
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

}  // namespace

TEST_CASE("cli: rounds on the 1.0 council questionnaires move to 1.1 with their scores kept", "[cli][store][content]") {
    WorkFolder w("content-upgrade", "rounds");
    Run imp = cli_with_1_0("import --db " + w.db + " " + kOld + "/answers/eastmere-2025-full.json " + kOld +
                           "/answers/northwold-2026-quick.json " + kOld + "/answers/ashby-vale-2026-full.json " + kOld +
                           "/answers/ashby-vale-childrens-2026.json");
    INFO(imp.err);
    REQUIRE(imp.code == 0);

    for (const char* round : {"eastmere.2025.council-full", "northwold.2026.council-quick-check",
                              "ashby-vale-childrens.2026.childrens-services"}) {
        INFO(round);
        nlohmann::json before = round_score(w.db, round);
        REQUIRE(before["framework"]["version"] == "1.0");
        REQUIRE(before["questionnaire"]["version"] == "1.0");

        Run up = cli(std::string("round upgrade ") + round + " --db " + w.db);
        INFO(up.err);
        REQUIRE(up.code == 0);
        CHECK(up.out.find("questionnaire 1.0 -> 1.1, framework 1.0 -> 1.1") != std::string::npos);

        nlohmann::json after = round_score(w.db, round);
        CHECK(after["framework"]["version"] == "1.1");
        CHECK(after["questionnaire"]["version"] == "1.1");
        // Nothing answered on 1.0 changes its score, and so the overall score stays.
        CHECK(after["overall"]["score"] == before["overall"]["score"]);
        CHECK(after["overall"]["answered"] == before["overall"]["answered"]);
        auto old_dims = by_id(before["dimensions"]);
        auto new_dims = by_id(after["dimensions"]);
        CHECK(old_dims.size() == 9);
        CHECK(new_dims.size() == 11);
        for (const auto& [id, d] : old_dims) {
            INFO(id);
            REQUIRE(new_dims.count(id));
            CHECK(new_dims[id]["score"] == d["score"]);
            CHECK(new_dims[id]["level"] == d["level"]);
            CHECK(new_dims[id]["answered"] == d["answered"]);
        }
        // The new dimensions have no answers yet, so no score.
        for (const char* id : {"security", "ai"}) {
            INFO(id);
            REQUIRE(new_dims.count(id));
            CHECK(new_dims[id]["score"].is_null());
            CHECK(new_dims[id]["answered"] == 0);
        }
    }
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
