#include "input_limits.h"

#include <filesystem>
#include <system_error>

#include "io/platform.h"

#include "number_format.h"
#include "questionnaire.h"

namespace ys {
namespace {

std::vector<JsonArrayCap> format_caps() {
    const std::string questions = "questions in one questionnaire";
    const std::string q_advice = "split it into several questionnaires of one framework";
    const std::string r_advice = "check that the file holds the answers of one round";
    const std::string s_advice = "group identical posts with headcount, or split the plan into several scenarios";
    return {
        {"/sections/*/questions", kMaxQuestions, true, questions, q_advice},
        {"/definitions/*/sections/*/questions", kMaxQuestions, true, questions, q_advice},
        {"/respondents", kMaxRoundRespondents, false, "respondents in one answer file", r_advice},
        {"/rounds/*/respondents", kMaxRoundRespondents, false, "respondents in one round", r_advice},
        // An answer per question: more answers than questions can never be valid.
        {"/respondents/*/answers", kMaxQuestions, false, "answers by one respondent", "check how the file was made"},
        {"/rounds/*/respondents/*/answers", kMaxQuestions, false, "answers by one respondent",
         "check how the file was made"},
        // Roadmap scenarios: no other format has these keys at the top.
        {"/posts", kMaxScenarioPosts, false, "planned posts in one scenario", s_advice},
        {"/team", kMaxScenarioTeamPosts, false, "team posts in one scenario", s_advice},
        {"/costs", kMaxScenarioCostLines, false, "cost lines in one scenario", s_advice},
        {"/covered", kMaxScenarioListItems, false, "covered responsibilities in one scenario", s_advice},
        {"/share_proposals", kMaxScenarioListItems, false, "share proposals in one scenario", s_advice},
    };
}

}  // namespace

JsonLimits definition_json_limits() {
    JsonLimits l;
    l.max_bytes = kMaxDefinitionFileBytes;
    l.caps = format_caps();
    return l;
}

JsonLimits exchange_json_limits() {
    JsonLimits l;
    l.max_bytes = kMaxExchangeFileBytes;
    l.caps = format_caps();
    return l;
}

std::string file_size_problem(const std::string& path, std::uint64_t max_bytes) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path p = platform::path_from_utf8(path);
    const fs::file_status st = fs::status(p, ec);  // follows links
    if (st.type() == fs::file_type::not_found) return "no such file; check the name and the folder";
    if (ec) return "";  // opening it says why
    if (fs::is_directory(st)) return "this is a folder; expected a file";
    if (fs::is_regular_file(st)) {
        const std::uintmax_t size = fs::file_size(p, ec);
        if (!ec && static_cast<std::uint64_t>(size) > max_bytes)
            return "the file is " + format_bytes(static_cast<std::uint64_t>(size)) + "; the limit is " +
                   format_bytes(max_bytes) + " (see \"Limits\" in the README)";
    }
    return "";
}

}  // namespace ys
