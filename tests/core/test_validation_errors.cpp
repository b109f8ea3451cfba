// Malformed inputs: each fixture in tests/data/bad holds one problem, and the validator
// must report it as one clear line naming the file, where (a JSON pointer, or line:column
// for a syntax error) and what was expected.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "validate.h"

namespace {

const std::string kData = YS_TEST_DATA;
const std::string kFramework = kData + "/frameworks/tiny-example.json";
const std::string kQuestionnaire = kData + "/questionnaires/tiny-check.json";
const std::string kAnswers = kData + "/answers/tiny-good.json";

// The good fixtures a bad file is checked together with.
enum class With {
    Nothing,                    // JSON problems, frameworks
    Framework,                  // questionnaires and targets, against tiny-example
    FrameworkAndQuestionnaire,  // answers, against tiny-check
};

struct BadCase {
    std::string file;                // in tests/data/bad
    With with;
    std::string where;               // the exact JSON pointer or line:column
    std::vector<std::string> words;  // the message contains each of these
    std::size_t errors = 1;          // errors expected in all (one problem, one line)
};

std::string deep_pointer() {
    std::string p = "/x-deep";
    for (int i = 0; i < 63; ++i) p += "/0";  // the 64th nested array is the 65th level
    return p;
}

const std::vector<BadCase>& cases() {
    static const std::vector<BadCase> all = {
        // --- JSON syntax and structure: line:column is 1-based, counted in characters ---
        {"syntax-missing-comma.json", With::Nothing, "5:5", {"syntax error", "unexpected '{'", "expected ']'"}},
        {"syntax-trailing-garbage.json", With::Nothing, "4:3", {"unexpected '}'", "expected end of input"}},
        {"syntax-empty.json", With::Nothing, "1:1", {"unexpected end of input"}},
        {"syntax-not-utf8.json", With::Nothing, "3:17", {"UTF-8"}},
        {"syntax-duplicate-key.json", With::Nothing, "/levels/0/name", {"duplicate key \"name\""}},
        {"syntax-nesting-too-deep.json", With::Nothing, deep_pointer(), {"nesting deeper than 64 levels"}},
        {"format-missing.json", With::Nothing, "/format", {"missing", "yardstick-framework/1"}},
        {"format-unknown.json", With::Nothing, "/format", {"unknown format \"yardstick-survey/1\""}},
        {"fw-format-wrong-version.json", With::Nothing, "/format",
         {"expected \"yardstick-framework/1\"", "found \"yardstick-framework/2\""}},

        // --- frameworks ---
        // A typo'd key also leaves the leaf without descriptors: two true statements.
        {"fw-unknown-key-descriptor.json", With::Nothing, "/dimensions/0/children/1/descriptor",
         {"unknown key \"descriptor\"", "descriptors"}, 2},
        {"fw-unknown-key-top-level.json", With::Nothing, "/descripton", {"unknown key \"descripton\"", "description"}},
        {"fw-duplicate-dimension-id.json", With::Nothing, "/dimensions/0/children/1/id",
         {"duplicate dimension id \"data.quality\""}},
        {"fw-leaf-missing-descriptor.json", With::Nothing, "/dimensions/0/children/1/descriptors",
         {"missing the descriptor for level 3"}},
        {"fw-leaf-without-descriptors.json", With::Nothing, "/dimensions/0/children/1",
         {"leaf dimension needs descriptors"}},
        {"fw-levels-not-rising-by-one.json", With::Nothing, "/levels/2/value", {"expected 3", "rise by 1", "found 4"}},
        {"fw-first-level-not-0-or-1.json", With::Nothing, "/levels/0/value",
         {"first level must have value 0 or 1", "found 2"}},
        {"fw-one-level-only.json", With::Nothing, "/levels", {"at least 2 items", "found 1"}},
        {"fw-action-to-not-from-plus-1.json", With::Nothing, "/dimensions/0/children/0/actions/0/to",
         {"expected 2", "found 3"}},
        {"fw-action-unknown-responsibility.json", With::Nothing,
         "/dimensions/0/children/0/actions/0/responsibilities/0", {"unknown responsibility \"data-quality\""}},
        {"fw-action-unknown-effort.json", With::Nothing, "/dimensions/0/children/0/actions/0/effort",
         {"unknown effort \"tiny\"", "small, medium or large"}},
        {"fw-effort-with-newline.json", With::Nothing, "/dimensions/0/children/0/actions/0/effort",
         {"unknown effort", "small, medium or large"}},
        {"fw-duplicate-action-id.json", With::Nothing, "/dimensions/0/children/0/actions/1/id",
         {"duplicate action id \"dq-1-2\""}},
        {"fw-invalid-id-characters.json", With::Nothing, "/dimensions/0/children/1/id",
         {"\"Data Skills\" is not a valid id", "lower case letters"}},
        {"fw-weight-not-above-zero.json", With::Nothing, "/dimensions/0/children/0/weight",
         {"weight above 0", "found 0"}},
        {"fw-thresholds-not-rising.json", With::Nothing, "/dimensions/0/level_mapping/thresholds/2/min",
         {"threshold minimums must rise strictly"}},
        {"fw-gated-child-without-gate-level.json", With::Nothing, "/dimensions/0/children/1",
         {"gated", "needs a gate_level"}},
        {"fw-unknown-aggregation.json", With::Nothing, "/dimensions/0/aggregation",
         {"unknown aggregation \"median\"", "weighted_mean"}},
        {"fw-responsibility-unknown-dimension.json", With::Nothing, "/responsibilities/0/dimensions/0",
         {"unknown dimension \"data.qualty\""}},
        {"fw-bad-version.json", With::Nothing, "/version", {"expected a version", "found \"v1\""}},

        // --- questionnaires, checked against tiny-example ---
        {"q-unknown-dimension.json", With::Framework, "/sections/0/questions/0/dimension",
         {"unknown dimension \"data.qualty\"", "tiny-example"}},
        {"q-dimension-not-leaf.json", With::Framework, "/sections/0/questions/0/dimension",
         {"\"data\" has child dimensions", "leaf"}},
        {"q-duplicate-question-id.json", With::Framework, "/sections/0/questions/1/id",
         {"duplicate question id \"q-1\""}},
        {"q-option-score-outside-scale.json", With::Framework, "/sections/0/questions/0",
         {"outside the framework's scale", "1 to 3"}},
        {"q-condition-forward.json", With::Framework, "/sections/0/questions/0/condition/question",
         {"refers forward", "\"q-2\"", "earlier question"}},
        {"q-condition-self.json", With::Framework, "/sections/0/questions/0/condition/question",
         {"its own question", "loop"}},
        {"q-condition-unknown-option.json", With::Framework, "/sections/0/questions/1/condition/any_of/0",
         {"no option or step \"level-4\""}},
        {"q-condition-unknown-question.json", With::Framework, "/sections/0/questions/0/condition/question",
         {"unknown question \"q-0\""}},
        // The framework is there, at a version the questionnaire does not fit.
        {"q-framework-version-mismatch.json", With::Framework, "/framework/versions",
         {"2.*", "\"tiny-example\"", "1.0"}},
        {"q-framework-not-found.json", With::Framework, "/framework", {"\"no-such-framework\"", "not found"}},
        {"q-likert-unknown-scale.json", With::Framework, "/sections/0/questions/0/scale",
         {"unknown scale \"agree3\""}},
        {"q-unknown-key-typo.json", With::Framework, "/sections/0/questions/0/helpp", {"unknown key \"helpp\""}},
        {"q-unknown-kind.json", With::Framework, "/sections/0/questions/0/kind",
         {"unknown question kind \"ranking\"", "choice, likert, chain, checklist or number"}},
        {"q-chain-scores-not-rising.json", With::Framework, "/sections/0/questions/0/steps/1/score",
         {"step scores must rise"}},

        // --- answers, checked against tiny-check ---
        {"ans-unknown-question.json", With::FrameworkAndQuestionnaire, "/respondents/0/answers/q-qualty",
         {"unknown question \"q-qualty\"", "tiny-check"}},
        {"ans-unknown-option.json", With::FrameworkAndQuestionnaire, "/respondents/0/answers/q-quality/value",
         {"\"level-4\" is not an option", "level-1, level-2, level-3"}},
        {"ans-value-wrong-type.json", With::FrameworkAndQuestionnaire, "/respondents/0/answers/q-trained/value",
         {"expected a number", "found a string"}},
        {"ans-na-not-allowed.json", With::FrameworkAndQuestionnaire, "/respondents/0/answers/q-quality/na",
         {"does not allow \"not applicable\""}},
        {"ans-dont-know-not-allowed.json", With::FrameworkAndQuestionnaire,
         "/respondents/0/answers/q-checks/dont_know", {"does not allow \"don't know\""}},
        {"ans-chain-empty.json", With::FrameworkAndQuestionnaire,
         "/respondents/0/answers/q-checks/value", {"at least one", "always asked"}},
        {"ans-chain-step-after-false.json", With::FrameworkAndQuestionnaire,
         "/respondents/0/answers/q-checks/value/1", {"step 2", "answered no"}},
        {"ans-number-outside-min-max.json", With::FrameworkAndQuestionnaire,
         "/respondents/0/answers/q-trained/value", {"expected a number", "100", "found 250"}},
        {"ans-value-and-na.json", With::FrameworkAndQuestionnaire, "/respondents/0/answers/q-trained",
         {"exactly one of"}},
        {"ans-checklist-ticked-twice.json", With::FrameworkAndQuestionnaire,
         "/respondents/0/answers/q-practices/value/1", {"\"dictionary\" is ticked twice"}},
        {"ans-confidence-out-of-range.json", With::FrameworkAndQuestionnaire,
         "/respondents/0/answers/q-quality/confidence", {"confidence from 0 to 1"}},
        {"ans-unknown-respondent-role.json", With::FrameworkAndQuestionnaire, "/respondents/0/role",
         {"unknown role \"councillor\"", "senior-leader, analyst"}},
        {"ans-duplicate-respondent-id.json", With::FrameworkAndQuestionnaire, "/respondents/1/id",
         {"duplicate respondent id \"r01\""}},
        {"ans-unknown-organisation-type.json", With::FrameworkAndQuestionnaire, "/organisation/type",
         {"unknown organisation type \"parish\"", "london-borough"}},
        {"ans-questionnaire-version-not-found.json", With::FrameworkAndQuestionnaire, "/questionnaire",
         {"\"tiny-check\" version 2.0", "not found"}},

        // --- targets, checked against tiny-example ---
        {"tg-unknown-dimension.json", With::Framework, "/targets/0/dimension", {"unknown dimension \"data.qualty\""}},
        {"tg-level-outside-scale.json", With::Framework, "/targets/0/level", {"level from 1 to 3", "found 4"}},
        {"tg-bad-date.json", With::Framework, "/targets/0/by", {"YYYY-MM-DD", "\"2027-02-30\""}},
        {"tg-duplicate-dimension.json", With::Framework, "/targets/1/dimension", {"a second target for \"data\""}},
    };
    return all;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Well-formed UTF-8 (no stray bytes copied from a broken input into the message).
bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t follow = 0;
        if (c < 0x80) follow = 0;
        else if (c >= 0xC2 && c <= 0xDF) follow = 1;
        else if (c >= 0xE0 && c <= 0xEF) follow = 2;
        else if (c >= 0xF0 && c <= 0xF4) follow = 3;
        else return false;
        if (i + follow >= s.size() && follow > 0) return false;
        for (std::size_t k = 1; k <= follow; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += follow + 1;
    }
    return true;
}

// One line, and nothing that would garble a terminal or a log.
bool is_one_clean_line(const std::string& s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return valid_utf8(s);
}

std::string all_lines(const ys::ValidateReport& r) {
    std::string s;
    for (const auto& d : r.diagnostics.items()) s += ys::to_string(d) + "\n";
    return s;
}

std::vector<std::string> files_for(const BadCase& c) {
    std::vector<std::string> files;
    if (c.with != With::Nothing) files.push_back(kFramework);
    if (c.with == With::FrameworkAndQuestionnaire) files.push_back(kQuestionnaire);
    files.push_back(kData + "/bad/" + c.file);
    return files;
}

}  // namespace

TEST_CASE("each malformed input is reported as one clear line", "[validate][errors]") {
    const auto index = GENERATE(range(std::size_t{0}, cases().size()));
    const BadCase& c = cases()[index];
    INFO("fixture: bad/" << c.file);

    ys::ValidateReport report = ys::validate_files(ys::ValidateRequest{files_for(c), {}});
    INFO("diagnostics:\n" << all_lines(report));

    CHECK_FALSE(report.ok());

    // Exactly one diagnostic says what is wrong, where, in the bad file.
    std::size_t matching = 0;
    for (const auto& d : report.diagnostics.items()) {
        if (d.severity != ys::Severity::Error || !ends_with(d.file, "/" + c.file) || d.where != c.where) continue;
        bool all_words = std::all_of(c.words.begin(), c.words.end(),
                                     [&](const std::string& w) { return contains(d.message, w); });
        if (all_words) ++matching;
    }
    INFO("expected: " << c.file << ": " << c.where << ": ...");
    CHECK(matching == 1);

    // One problem gives one line (no cascade), and the good fixtures stay clean.
    CHECK(report.diagnostics.error_count() == c.errors);
    for (const auto& d : report.diagnostics.items()) {
        INFO("line: " << ys::to_string(d));
        CHECK(ends_with(d.file, "/" + c.file));
        CHECK(ys::to_string(d).find('\n') == std::string::npos);
        CHECK(is_one_clean_line(ys::to_string(d)));
    }
}

TEST_CASE("every fixture in tests/data/bad is a listed case, and there are many", "[validate][errors]") {
    std::set<std::string> listed;
    for (const auto& c : cases()) {
        INFO(c.file);
        CHECK(listed.insert(c.file).second);  // distinct
    }
    CHECK(listed.size() >= 30);

    std::set<std::string> on_disk;
    for (const auto& e : std::filesystem::directory_iterator(kData + "/bad"))
        if (e.path().extension() == ".json") on_disk.insert(e.path().filename().string());
    CHECK(on_disk == listed);
}

TEST_CASE("the tiny framework, questionnaire and answers validate without a word", "[validate][errors]") {
    ys::ValidateReport report = ys::validate_files(ys::ValidateRequest{{kFramework, kQuestionnaire, kAnswers}, {}});
    INFO(all_lines(report));
    CHECK(report.ok());
    CHECK(report.diagnostics.items().empty());

    REQUIRE(report.files.size() == 3);
    for (const auto& f : report.files) {
        INFO(f.path);
        CHECK(f.ok);
    }
    auto kind_of_file = [&](const std::string& path) {
        for (const auto& f : report.files)
            if (f.path == path) return f.kind;
        return ys::DocKind::Unknown;
    };
    CHECK(kind_of_file(kFramework) == ys::DocKind::Framework);
    CHECK(kind_of_file(kQuestionnaire) == ys::DocKind::Questionnaire);
    CHECK(kind_of_file(kAnswers) == ys::DocKind::Answers);
}

TEST_CASE("the tiny questionnaire has one question of each kind, a condition and roles", "[validate][errors]") {
    // Guards the fixture itself: the answer cases above rely on these questions.
    ys::ValidateReport report = ys::validate_files(ys::ValidateRequest{{kFramework, kQuestionnaire}, {}});
    INFO(all_lines(report));
    REQUIRE(report.ok());
    ys::Catalogue catalogue;
    ys::Diagnostics d;
    REQUIRE(catalogue.add_file(kFramework, "given", d));
    REQUIRE(catalogue.add_file(kQuestionnaire, "given", d));
    catalogue.bind_all();
    auto q = catalogue.questionnaire("tiny-check", "1.0");
    REQUIRE(q);
    std::set<ys::QuestionKind> kinds;
    bool has_scale_likert = false, has_condition = false;
    for (const auto& qu : q->questions) {
        kinds.insert(qu.kind);
        has_condition = has_condition || qu.condition.has_value();
        if (qu.kind == ys::QuestionKind::Likert) has_scale_likert = qu.options.size() == 3;
    }
    CHECK(kinds.size() == 5);
    CHECK(has_scale_likert);
    CHECK(has_condition);
    CHECK(q->roles.size() == 2);
}
