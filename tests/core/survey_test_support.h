#pragma once
// Shared by the survey import's newer test files: the tiny-check questionnaire, importing
// text or a fixture of tests/data/survey/, and finding one diagnostic by where it is.
#include <catch2/catch.hpp>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "json_read.h"
#include "survey_import.h"
#include "test_helpers.h"

namespace ys::survey_test {

inline const std::string kData = YS_TEST_DATA;

inline const Questionnaire& tiny() {
    static const Questionnaire q = [] {
        Diagnostics d("tiny");
        auto fwj = read_json_file(kData + "/frameworks/tiny-example.json", d);
        auto qj = read_json_file(kData + "/questionnaires/tiny-check.json", d);
        if (!fwj || !qj) throw std::runtime_error(test::all_problems(d));
        auto fw = parse_framework(*fwj, d);
        auto qn = parse_questionnaire(*qj, d);
        if (!fw || !qn || !bind_questionnaire(*qn, *fw, d)) throw std::runtime_error(test::all_problems(d));
        return *qn;
    }();
    return q;
}

inline SurveyImport import_text(const std::string& text, bool skip = false, const SurveyMapping* mapping = nullptr) {
    std::istringstream in(text);
    SurveyImportOptions opts;
    opts.skip_invalid = skip;
    return read_survey_csv(in, "survey.csv", tiny(), mapping, opts);
}

inline SurveyImport import_fixture(const std::string& name, bool skip = false) {
    std::ifstream in(kData + "/survey/" + name, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + name);
    SurveyImportOptions opts;
    opts.skip_invalid = skip;
    return read_survey_csv(in, name, tiny(), nullptr, opts);
}

inline const Answer* answer(const Respondent& r, const std::string& qid) {
    int qi = tiny().find_question(qid);
    for (const auto& a : r.answers)
        if (a.question == qi) return &a;
    return nullptr;
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

inline std::string all_notes(const SurveyImport& imp) {
    std::string s;
    for (const auto& n : imp.notes) s += n + "\n";
    return s;
}

// The one diagnostic at `where`, with its message containing each of `words`.
inline void expect_one(const SurveyImport& imp, const std::string& where, std::initializer_list<const char*> words,
                       Severity sev = Severity::Error) {
    INFO(test::all_problems(imp.diags));
    std::vector<Diagnostic> found;
    for (const auto& d : imp.diags.items())
        if (d.where == where) found.push_back(d);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == sev);
    for (const char* w : words) {
        INFO("expected \"" << w << "\" in: " << found[0].message);
        CHECK(contains(found[0].message, w));
    }
}

}  // namespace ys::survey_test
