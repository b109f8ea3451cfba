#include "answer_files.h"

#include <algorithm>

#include "answers_read.h"
#include "answers_stream.h"
#include "json_read.h"
#include "input_limits.h"
#include "io/file_map.h"
#include "io/heap_advice.h"

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
    const FindQuestionnaire find = [&](const AnswersHeader& h) {
        return out.catalogue.questionnaire(h.questionnaire_id, h.questionnaire_version);
    };
    for (const auto& path : request.answer_files) {
        Diagnostics d(path);
        bool streamed_once = false;  // a file the fast reader did not take is read the checked way
        {
            // The usual case, and fast: a valid file read straight from its mapped bytes.
            MappedFile mapped(path, limits.max_bytes);
            streamed_once = mapped.mapped();
            // What is read, then scored, takes about twice the text (a 27 MB file: 38 MB of
            // answers, then 10 MB of scores to take medians of).
            if (streamed_once) advise_large_heap(mapped.text().size() * 2);
            if (streamed_once)
                if (auto streamed = read_answers_streamed(mapped.text(), limits, find, d)) {
                    streamed->set.source = path;
                    out.sets.push_back(std::move(streamed->set));
                    out.questionnaires.push_back(std::move(streamed->questionnaire));
                    out.diagnostics.append(d);
                    continue;
                }
        }
        std::string text, error;
        if (!read_text_file(path, limits.max_bytes, text, error)) {
            d.error("", error);
        } else if (auto streamed = streamed_once ? std::nullopt : read_answers_streamed(text, limits, find, d)) {
            // Read from a pipe, say: the same fast reader.
            streamed->set.source = path;
            out.sets.push_back(std::move(streamed->set));
            out.questionnaires.push_back(std::move(streamed->questionnaire));
        } else if (auto doc = parse_json_text(text, d, limits)) {
            // Not plainly valid: the checked reader says what is wrong and where.
            text = std::string();
            if (auto header = read_answers_header(*doc, d)) {
                auto q = find(*header);
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
