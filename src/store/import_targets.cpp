#include "import_targets.h"

#include "answer_files.h"
#include "rounds.h"

namespace ys::store {

TargetsImportReport import_targets_file(Connection& c, const std::string& path, const std::string& organisation,
                                        const std::vector<std::string>& library_dirs, bool dry_run) {
    TargetsImportReport report;
    LoadedAnswerFiles loaded = load_answer_files({{}, {}, {path}, library_dirs});
    report.diagnostics = std::move(loaded.diagnostics);
    if (report.diagnostics.has_errors() || loaded.targets.empty()) return report;
    const TargetSet& set = loaded.targets.front();
    report.framework = set.framework_id;
    report.organisation = organisation.empty() ? set.organisation : organisation;
    if (report.organisation.empty()) {
        report.diagnostics.add({Severity::Error, path, "/organisation",
                                "the file names no organisation; say which with --org ID"});
        return report;
    }
    Transaction t(c);
    for (const Target& target : set.targets) {
        set_target(c, {report.organisation, set.framework_id, target.dimension, target.by, target.level});
        ++report.targets;
    }
    if (!dry_run) t.commit();
    return report;
}

}  // namespace ys::store
