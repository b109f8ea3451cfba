#pragma once
// Reading answer and target files with the frameworks and questionnaires they name,
// shared by scoring files and importing them into the store.
#include <memory>
#include <string>
#include <vector>

#include "answers.h"
#include "catalogue.h"
#include "diagnostics.h"
#include "targets.h"

namespace ys {

struct AnswerFilesRequest {
    std::vector<std::string> answer_files;
    std::vector<std::string> definition_files;  // extra frameworks/questionnaires
    std::vector<std::string> target_files;
    std::vector<std::string> library_dirs;
};

struct LoadedAnswerFiles {
    Catalogue catalogue;
    std::vector<AnswerSet> sets;
    std::vector<std::shared_ptr<const Questionnaire>> questionnaires;  // one per set
    std::vector<TargetSet> targets;
    Diagnostics diagnostics;
};

// Every problem in every file is reported; check diagnostics.has_errors() before use.
LoadedAnswerFiles load_answer_files(const AnswerFilesRequest& request);

}  // namespace ys
