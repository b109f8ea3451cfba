#pragma once
// Reading a large answer file fast (issue 17 section 6): the text is scanned once to check it
// is valid JSON, and its respondents are then read straight from the text into an AnswerSet,
// with no JSON tree. The checks are those of answers_read.h (the file's head, each respondent's
// fields and each answer go through the same functions), so a file this reader takes is one
// parse_answers takes, with the same warnings.
//
// It only ever says yes or "not plainly valid": on any problem (bad JSON, a limit, an unknown
// key, an invalid answer, a questionnaire not found) it returns nullopt having reported
// nothing, and the caller reads the file the checked way, which reports what is wrong and
// where (file, JSON pointer, line:column). So errors have one way of being reported.
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "answers.h"
#include "answers_read.h"
#include "diagnostics.h"
#include "json_read.h"

namespace ys {

struct StreamedAnswers {
    AnswerSet set;
    std::shared_ptr<const Questionnaire> questionnaire;
};

using FindQuestionnaire = std::function<std::shared_ptr<const Questionnaire>(const AnswersHeader&)>;

// Warnings (answers to questions not asked) go to diags only when the file is read.
std::optional<StreamedAnswers> read_answers_streamed(std::string_view text, const JsonLimits& limits,
                                                     const FindQuestionnaire& find, Diagnostics& diags);

// The same reading for a list of respondents held elsewhere (a bundle's round, bundle_stream.h):
// `text` is the JSON array alone, `pointer` where it is (for warnings), and `check` reads each
// respondent's fields (their values all strings; the answers are read here) as the checked
// reader of that format does. nullopt, having reported nothing, when not plainly valid.
using RespondentFieldsCheck = std::function<void(const JsonAt& fields, std::set<std::string>& ids, Respondent& out)>;
std::optional<std::vector<Respondent>> read_respondents_streamed(std::string_view text, const Questionnaire& q,
                                                                const JsonLimits& limits, const std::string& pointer,
                                                                std::size_t max_respondents,
                                                                const RespondentFieldsCheck& check, Diagnostics& diags);

}  // namespace ys
