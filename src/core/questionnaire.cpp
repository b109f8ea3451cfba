#include "questionnaire.h"

namespace ys {

const char* to_string(QuestionKind k) {
    switch (k) {
        case QuestionKind::Choice: return "choice";
        case QuestionKind::Likert: return "likert";
        case QuestionKind::Chain: return "chain";
        case QuestionKind::Checklist: return "checklist";
        case QuestionKind::Number: return "number";
    }
    return "choice";
}

const char* to_string(Audience a) {
    switch (a) {
        case Audience::Organisation: return "organisation";
        case Audience::Service: return "service";
        case Audience::Individual: return "individual";
    }
    return "organisation";
}

int Questionnaire::find_question(const std::string& qid) const {
    for (std::size_t i = 0; i < questions.size(); ++i)
        if (questions[i].id == qid) return static_cast<int>(i);
    return -1;
}

const RetiredQuestion* Questionnaire::find_retired(const std::string& qid) const {
    for (const auto& r : retired)
        if (r.id == qid) return &r;
    return nullptr;
}

int Questionnaire::find_role(const std::string& rid) const {
    for (std::size_t i = 0; i < roles.size(); ++i)
        if (roles[i].id == rid) return static_cast<int>(i);
    return -1;
}

std::string option_ids(const Question& q) {
    std::string list;
    for (const auto& o : q.options) list += (list.empty() ? "" : ", ") + o.id;
    return list;
}

bool version_matches(const std::string& pattern, const std::string& version) {
    if (!pattern.empty() && pattern.back() == '*') {
        std::string prefix = pattern.substr(0, pattern.size() - 1);
        return version.compare(0, prefix.size(), prefix) == 0;
    }
    return pattern == version;
}

bool Questionnaire::fits_framework_version(const std::string& version) const {
    for (const auto& p : framework_versions)
        if (version_matches(p, version)) return true;
    return false;
}

}  // namespace ys
