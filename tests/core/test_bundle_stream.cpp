// The fast reader of bundles (bundle_stream.h) against the checked one (json_read.h +
// parse_bundle): it may only ever take a bundle the checked reader takes, and then it must give
// the same bundle and the same warnings. Every bundle fixture, a few hand-made edits and
// thousands of random one-byte changes (half of them among the rounds) are read both ways.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "bundle.h"
#include "bundle_stream.h"
#include "input_limits.h"
#include "json_read.h"

namespace {

const std::string kBundles = std::string(YS_TEST_DATA) + "/bundles";

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

struct Outcome {
    std::optional<ys::Bundle> bundle;
    std::vector<std::string> lines;  // every diagnostic, as printed
};

std::vector<std::string> lines_of(const ys::Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(ys::to_string(x));
    return out;
}

// As import_files read a bundle before the fast reader.
Outcome checked(const std::string& text) {
    Outcome o;
    ys::Diagnostics d("bundle.json");
    if (auto doc = ys::parse_json_text(text, d, ys::exchange_json_limits())) o.bundle = ys::parse_bundle(*doc, d);
    o.lines = lines_of(d);
    return o;
}

Outcome streamed(const std::string& text) {
    Outcome o;
    ys::Diagnostics d("bundle.json");
    o.bundle = ys::read_bundle_streamed(text, ys::exchange_json_limits(), d);
    o.lines = lines_of(d);
    return o;
}

// All of a bundle, respondents and answers included, as the writer gives it.
std::string written(const ys::Bundle& b) {
    std::string out = ys::bundle_to_json(b, false).dump();
    out += b.origin_known ? " origin known" : " origin derived";
    for (const auto& r : b.rounds)
        for (const auto& p : r.respondents) {
            out += "\n" + r.id + " " + p.id + " " + std::to_string(p.role) + ":";
            for (const auto& a : p.answers)
                out += " " + std::to_string(a.question) + "/" + std::to_string(static_cast<int>(a.state)) + "/" +
                       std::to_string(a.choice) + "/" + std::to_string(a.number) + "/" + std::to_string(a.ticked) +
                       "/" + a.evidence;
        }
    return out;
}

// The rule, for one text. Returns whether the fast reader took it.
bool same_either_way(const std::string& text) {
    Outcome c = checked(text);
    Outcome s = streamed(text);
    INFO("bundle: " << text);
    if (!s.bundle) {
        CHECK(s.lines.empty());  // giving up reports nothing: the checked reader does
        return false;
    }
    REQUIRE(c.bundle.has_value());
    CHECK(written(*s.bundle) == written(*c.bundle));
    CHECK(s.lines == c.lines);
    return true;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("every bundle fixture, good or bad, reads the same either way", "[bundle][stream]") {
    int taken = 0, files = 0;
    for (const auto& e : std::filesystem::directory_iterator(kBundles)) {
        if (e.path().extension() != ".json") continue;
        ++files;
        const std::string name = e.path().filename().string();
        INFO(name);
        const bool fast = same_either_way(slurp(e.path().string()));
        if (fast) ++taken;
        // Good bundles, and the one whose only message is a warning, are read the fast way.
        if (name.rfind("good", 0) == 0 || name.rfind("warn", 0) == 0) CHECK(fast);
        if (name.rfind("bad", 0) == 0) CHECK_FALSE(fast);
    }
    CHECK(files > 40);
    CHECK(taken >= 3);
}

TEST_CASE("a bundle's respondents are read by the fast reader with the checked reader's warnings",
          "[bundle][stream]") {
    const std::string warn = slurp(kBundles + "/warn-unasked-answer.json");
    Outcome s = streamed(warn);
    REQUIRE(s.bundle);
    REQUIRE(s.lines.size() == 1);
    CHECK(s.lines[0].find("/rounds/0/respondents/") != std::string::npos);
    CHECK(s.lines[0].find("answer ignored") != std::string::npos);
    std::size_t respondents = 0;
    for (const auto& r : s.bundle->rounds) respondents += r.respondents.size();
    CHECK(respondents > 0);
}

TEST_CASE("edits the checked reader refuses make the fast bundle reader give up", "[bundle][stream]") {
    const std::string good = slurp(kBundles + "/good.json");
    REQUIRE(same_either_way(good));
    // Each is refused by the checked reader: the fast one must give up and report nothing.
    const std::string rounds = good.substr(good.find("\"rounds\""));
    const std::vector<std::pair<std::string, std::string>> edits = {
        {"\"respondents\": [", "\"respondents\": {}, \"x\": ["},  // not a list (and an unknown key)
        {"\"respondents\": [", "\"respondents\": [{\"id\": 5}, "},  // an id that is not text
        {"\"respondents\": [", "\"respondents\": [{\"answers\": {}}, "},  // no id
        {"\"respondents\": [", "\"respondents\": [{\"id\": \"zz\", \"answers\": {\"nope\": {\"value\": 1}}}, "},
        {"\"respondents\": [", "\"respondents\": [{\"id\": \"zz\", \"role\": \"astronaut\", \"answers\": {}}, "},
        {"\"respondents\": [", "\"respondents\": [{\"id\": \"zz\", \"answers\": {}, \"id\": \"zy\"}, "},
        {"\"respondents\": [", "\"respondents\": [{\"id\": \"zz\", \"answers\": {}, \"team\": 1}, "},
        {"\"respondents\": [", "\"respondents\": [{\"id\": \"zz\", \"answers\": []}, "},
    };
    for (const auto& [from, to] : edits) {
        const std::string text = replaced(good, from, to);
        INFO(to);
        CHECK_FALSE(streamed(text).bundle);
        CHECK_FALSE(checked(text).bundle);
        same_either_way(text);
    }
    // A duplicate respondent id within a round.
    Outcome c = checked(good);
    REQUIRE(c.bundle);
    REQUIRE_FALSE(c.bundle->rounds.empty());
    REQUIRE_FALSE(c.bundle->rounds[0].respondents.empty());
    const std::string id = c.bundle->rounds[0].respondents[0].id;
    const std::string twice = replaced(good, "\"respondents\": [", "\"respondents\": [{\"id\": \"" + id + "\", \"answers\": {}}, ");
    CHECK_FALSE(streamed(twice).bundle);
    CHECK_FALSE(checked(twice).bundle);
    // Not a bundle at all: left to the reader of its kind.
    CHECK_FALSE(streamed(slurp(std::string(YS_TEST_DATA) + "/answers/tiny-good.json")).bundle);
}

TEST_CASE("random one-byte changes never make the two bundle readers disagree", "[bundle][stream]") {
    const std::string good = slurp(kBundles + "/good-v2.json");
    const std::size_t rounds = good.find("\"rounds\"");
    REQUIRE(rounds != std::string::npos);
    std::mt19937 rng(17);  // fixed: the same changes every run
    const std::string bytes = "{}[]\",:\\0123456789.eE+-tfnul \t\nxq\x80\xC3\xFF";
    int taken = 0;
    for (int i = 0; i < 1500; ++i) {
        std::string text = good;
        // Half among the rounds, where the fast reader reads respondents itself.
        const std::size_t at = i % 2 ? rng() % text.size() : rounds + rng() % (text.size() - rounds);
        switch (rng() % 3) {
            case 0: text[at] = bytes[rng() % bytes.size()]; break;
            case 1: text.erase(at, 1); break;
            default: text.insert(at, 1, bytes[rng() % bytes.size()]); break;
        }
        if (same_either_way(text)) ++taken;
    }
    CHECK(taken > 100);  // white space, text inside names and notes: still valid, read fast
}
