#include "answer_files.h"

#include <algorithm>

#include "answers_read.h"
#include "json_read.h"
#include "input_limits.h"

namespace ys {

LoadedAnswerFiles load_answer_files(const AnswerFilesRequest& request) {
    LoadedAnswerFiles out;
    for (const auto& dir : request.library_dirs) out.catalogue.add_library(dir, "library");
    for (const auto& f : request.definition_files) {
        Diagnostics d(f);
        if (!out.catalogue.add_file(f, "given", d)) d.error("/format", "expected a framework or questionnaire file");
        out.diagnostics.append(d);
    }
    out.catalogue.bind_all();
    for (const auto& e : out.catalogue.entries())
        if (e.origin == "given")
            for (const auto& p : e.problems)
                if (p.severity == Severity::Error &&
                    std::none_of(out.diagnostics.items().begin(), out.diagnostics.items().end(), [&](const Diagnostic& x) {
                        return x.file == p.file && x.where == p.where && x.message == p.message;
                    }))
                    out.diagnostics.add(p);

    const JsonLimits limits = exchange_json_limits();
    out.sets.reserve(request.answer_files.size());
    for (const auto& path : request.answer_files) {
        Diagnostics d(path);
        if (auto doc = read_json_file(path, d, limits)) {
            if (auto header = read_answers_header(*doc, d)) {
                auto q = out.catalogue.questionnaire(header->questionnaire_id, header->questionnaire_version);
                if (!q) {
                    d.error("/questionnaire", "questionnaire \"" + header->questionnaire_id + "\" version " +
                                                  header->questionnaire_version + " was not found (or is invalid)");
                } else if (auto set = parse_answers(*doc, *q, d)) {
                    set->source = path;
                    out.sets.push_back(std::move(*set));
                    out.questionnaires.push_back(q);
                }
            }
        }
        out.diagnostics.append(d);
    }
    for (const auto& path : request.target_files) {
        Diagnostics d(path);
        if (auto doc = read_json_file(path, d)) {
            if (auto fid = read_targets_framework(*doc, d)) {
                auto fw = out.catalogue.framework(*fid);
                if (!fw) d.error("/framework", "framework \"" + *fid + "\" was not found");
                else if (auto t = parse_targets(*doc, *fw, d)) out.targets.push_back(std::move(*t));
            }
        }
        out.diagnostics.append(d);
    }
    return out;
}

}  // namespace ys
