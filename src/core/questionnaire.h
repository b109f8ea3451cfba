#pragma once
// The questionnaire model: sections of questions, each mapped to a framework leaf.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ys {

struct Framework;

enum class QuestionKind { Choice, Likert, Chain, Checklist, Number };
enum class Audience { Organisation, Service, Individual };
const char* to_string(QuestionKind k);
const char* to_string(Audience a);

// Documented limits that keep answers compact (see questionnaires/README.md).
inline constexpr std::size_t kMaxOptions = 64;
inline constexpr std::size_t kMaxChainSteps = 64;
inline constexpr std::size_t kMaxQuestions = 2000;

struct Option {
    std::string id;
    std::string label;
    double score = 0;   // choice, likert (after any reversal)
    double points = 1;  // checklist
};

struct ChainStep {
    std::string id;
    std::string text;
    double score = 0;
};

struct Band {
    double min = 0;
    double score = 0;
};

struct Condition {
    int question = -1;  // index of an earlier question
    std::vector<std::string> any_of;
    std::optional<double> score_at_least;
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::Choice;
    std::string text;
    std::string help;
    std::string evidence_prompt;
    std::string dimension_id;
    int dimension = -1;  // index into the framework, once bound
    std::map<std::string, std::string> facets;  // explicit; inherited ones added when bound
    double weight = 1;
    std::optional<int> gate_level;
    bool allow_na = false;
    bool allow_dont_know = true;
    std::optional<Condition> condition;
    std::vector<Option> options;  // choice, likert, checklist
    std::vector<ChainStep> steps;
    std::optional<double> score_if_none;  // chain; defaults to the lowest level when bound
    enum class ChecklistScoring { Sum, Count } checklist_scoring = ChecklistScoring::Count;
    std::vector<Band> bands;  // checklist (count), number
    std::string unit;
    std::optional<double> min, max;  // number
    int section = 0;
    std::string pointer;

    // The lowest and highest score this question can give; set when bound.
    double min_score = 0, max_score = 0;
};

struct Section {
    std::string id;
    std::string title;
    std::string description;
    std::vector<int> questions;
};

struct RespondentRole {
    std::string id;
    std::string name;
};

// A question an earlier version asked and this one does not: stored answers to it are not
// carried over by `round upgrade` (which says so, and asks for --drop-retired first).
struct RetiredQuestion {
    std::string id;
    std::string replaced_by;  // a question of this version, or empty
    std::string note;         // why it was retired
};

struct Questionnaire {
    std::string id;
    std::string version;
    std::string title;
    std::string description;
    std::string licence;
    std::string framework_id;
    std::vector<std::string> framework_versions;  // patterns: "1.0" or "1.*"
    Audience audience = Audience::Organisation;
    std::string service_area;
    std::vector<RespondentRole> roles;
    std::vector<Section> sections;
    std::vector<Question> questions;
    std::vector<RetiredQuestion> retired;
    bool bound = false;

    int find_question(const std::string& id) const;  // -1 when absent
    int find_role(const std::string& id) const;
    const RetiredQuestion* find_retired(const std::string& id) const;  // nullptr when absent
    bool fits_framework_version(const std::string& version) const;
};

bool version_matches(const std::string& pattern, const std::string& version);

// "l1, l2, l3": a question's option ids, for messages that say what was expected.
std::string option_ids(const Question& q);

}  // namespace ys
