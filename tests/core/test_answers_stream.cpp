// The streaming reader of answer files (answers_stream.h) against the checked one
// (json_read.h + answers_read.h): it may only ever take a file the checked reader takes, and
// then it must give the same answers and the same warnings. Every fixture, hand-made edits of
// a good file and thousands of random one-byte changes to it are read both ways.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include "answers_read.h"
#include "answers_stream.h"
#include "catalogue.h"
#include "input_limits.h"
#include "json_read.h"

namespace {

const std::string kData = YS_TEST_DATA;

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

const ys::Catalogue& catalogue() {
    static const ys::Catalogue cat = [] {
        ys::Catalogue c;
        ys::Diagnostics d;
        c.add_file(kData + "/frameworks/tiny-example.json", "given", d);
        c.add_file(kData + "/questionnaires/tiny-check.json", "given", d);
        c.bind_all();
        return c;
    }();
    return cat;
}

struct Outcome {
    std::optional<ys::AnswerSet> set;
    std::vector<std::string> lines;  // every diagnostic, as printed
};

std::vector<std::string> lines_of(const ys::Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(ys::to_string(x));
    return out;
}

// As load_answer_files read every file before the streaming reader.
Outcome checked(const std::string& text) {
    Outcome o;
    ys::Diagnostics d("answers.json");
    if (auto doc = ys::parse_json_text(text, d, ys::exchange_json_limits()))
        if (auto header = ys::read_answers_header(*doc, d)) {
            if (auto q = catalogue().questionnaire(header->questionnaire_id, header->questionnaire_version))
                o.set = ys::parse_answers(*doc, *q, d);
            else
                d.error("/questionnaire", "not found");
        }
    o.lines = lines_of(d);
    return o;
}

Outcome streamed(const std::string& text) {
    Outcome o;
    ys::Diagnostics d("answers.json");
    auto find = [](const ys::AnswersHeader& h) {
        return catalogue().questionnaire(h.questionnaire_id, h.questionnaire_version);
    };
    if (auto s = ys::read_answers_streamed(text, ys::exchange_json_limits(), find, d)) o.set = std::move(s->set);
    o.lines = lines_of(d);
    return o;
}

std::string describe(const ys::AnswerSet& s) {
    std::ostringstream o;
    o << s.questionnaire_id << ' ' << s.questionnaire_version << " | " << s.organisation.id << ' '
      << s.organisation.name << ' ' << s.organisation.type << ' ' << s.organisation.parent << " | " << s.period;
    if (s.form) o << " | form " << s.form->id << ' ' << s.form->round << ' ' << s.form->saved_at;
    for (const auto& r : s.respondents) {
        o << "\n" << r.id << ' ' << r.role << ' ' << r.name << ' ' << r.email << ':';
        for (const auto& a : r.answers)
            o << " [" << a.question << ' ' << static_cast<int>(a.state) << ' ' << int(a.choice) << ' ' << a.confidence
              << ' ' << a.ticked << ' ' << a.number << ' ' << a.answered_at << ' ' << a.evidence << ']';
    }
    return o.str();
}

// The rule, for one text. Returns whether the streaming reader took it.
bool same_either_way(const std::string& text) {
    Outcome c = checked(text);
    Outcome s = streamed(text);
    INFO("file: " << text);
    if (!s.set) {
        CHECK(s.lines.empty());  // giving up reports nothing: the checked reader does
        return false;
    }
    REQUIRE(c.set.has_value());
    CHECK(describe(*s.set) == describe(*c.set));
    CHECK(s.lines == c.lines);
    return true;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a valid answer file is read the fast way, with the checked reader's answers", "[answers][stream]") {
    const std::string good = slurp(kData + "/answers/tiny-good.json");
    CHECK(same_either_way(good));
    // Keys in another order than a tree holds them: the respondents before the questionnaire,
    // answers out of question order, the respondent's id after its answers.
    std::string late = R"J({"respondents": [{"answers": {"q-trained": {"value": 3}, "q-quality": {"value": "level-1"}},
                         "id": "r1"}], "period": "2026", "format": "yardstick-answers/1",
                         "organisation": {"id": "x", "name": "X (fictional)"},
                         "questionnaire": {"id": "tiny-check", "version": "1.0"}})J";
    CHECK(same_either_way(late));
    // Escapes and characters beyond ASCII in a note, numbers as nlohmann keeps them.
    CHECK(same_either_way(replaced(good, "Monthly checks since March.", R"J(Caf\u00e9 \ud83d\ude00 \"checked\" Zoë)J")));
    CHECK(same_either_way(replaced(good, "\"value\": 12", "\"value\": 12.0e0")));
    CHECK(same_either_way(replaced(good, "\"value\": 12", "\"value\": -0")));
    // A condition that does not hold: the answer is dropped with the same warning.
    const std::string unasked = replaced(good, "\"q-trained\": { \"na\": true }",
                                         "\"q-trained\": { \"na\": true }, \"q-training-plan\": { \"value\": \"no\" }");
    CHECK(checked(unasked).lines.size() == 1);
    CHECK(same_either_way(unasked));
}

TEST_CASE("every answer fixture, good or bad, reads the same either way", "[answers][stream]") {
    int taken = 0, files = 0;
    for (const auto& e : std::filesystem::directory_iterator(kData + "/bad")) {
        const std::string name = e.path().filename().string();
        if (name.rfind("ans-", 0) != 0 && name.rfind("syntax-", 0) != 0) continue;
        ++files;
        INFO(name);
        if (same_either_way(slurp(e.path().string()))) ++taken;
    }
    CHECK(files > 20);
    CHECK(taken == 0);  // every one of them is refused by the checked reader
}

TEST_CASE("edits the checked reader refuses make the fast reader give up", "[answers][stream]") {
    const std::string good = slurp(kData + "/answers/tiny-good.json");
    const std::vector<std::pair<std::string, std::string>> edits = {
        {"\"format\"", "\"format\": 1, \"format\""},                         // a key twice
        {"\"q-checks\": { \"value\": [true, false] }", "\"q-checks\": { \"value\": [true, false], \"value\": [true] }"},
        {"\"id\": \"r02\"", "\"id\": \"r02\", \"id\": \"r03\""},
        {"\"value\": 12", "\"value\": 1e400"},                              // not a finite number
        {"\"value\": 12", "\"value\": 012"},
        {"\"value\": 12", "\"value\": 12."},
        {"Monthly", "Mon\tthly"},                                           // a control character
        {"Monthly", "Mon\\xthly"},                                          // no such escape
        {"Monthly", "\\udc00"},                                             // half a surrogate pair
        {"Monthly", "\xC3\x28"},                                            // not UTF-8
        {"Monthly", "\xED\xA0\x80"},                                        // a surrogate in UTF-8
        {"Monthly", "\xF4\x90\x80\x80"},                                    // beyond U+10FFFF
        {"\"level-2\"", "\"level-9\""},                                     // no such option
        {"\"q-quality\"", "\"q-nothing\""},                                 // no such question
        {"\"q-quality\"", "\"x-note\""},                                    // an extension key
        {"\"senior-leader\"", "\"mayor\""},                                 // no such role
        {"\"r02\"", "\"r01\""},                                             // a respondent twice
        {"\"2026\"", "2026"},                                               // period not a string
        {"{ \"dont_know\": true }", "{ \"dont_know\": true, \"value\": \"level-1\" }"},
        {"\"confidence\": 0.8", "\"confidence\": 1.8"},
        {"\"value\": [true, true]", "\"value\": [false, true]"},            // a step after a no
    };
    for (const auto& [from, to] : edits) {
        INFO(from << " -> " << to);
        CHECK_FALSE(same_either_way(replaced(good, from, to)));
    }
    CHECK_FALSE(same_either_way("\xEF\xBB\xBF" + good));  // a byte order mark: the checked reader decides
    CHECK_FALSE(same_either_way(good + "x"));
    CHECK_FALSE(same_either_way(good.substr(0, good.size() / 2)));
    CHECK_FALSE(same_either_way(std::string(100, '[') + std::string(100, ']')));
}

TEST_CASE("random one-byte changes never make the two readers disagree", "[answers][stream]") {
    const std::string good = slurp(kData + "/answers/tiny-good.json");
    std::mt19937 rng(17);  // fixed: the same changes every run
    const std::string bytes = "{}[]\",:\\0123456789.eE+-tfnul \t\nxq\x80\xC3\xFF";
    int taken = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string text = good;
        const std::size_t at = rng() % text.size();
        switch (rng() % 3) {
            case 0: text[at] = bytes[rng() % bytes.size()]; break;
            case 1: text.erase(at, 1); break;
            default: text.insert(at, 1, bytes[rng() % bytes.size()]); break;
        }
        if (same_either_way(text)) ++taken;
    }
    // Many changes (inside notes and ids, white space) leave a valid file: those are read fast.
    CHECK(taken > 100);
}
