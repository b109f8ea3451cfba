#include "import_answers.h"

#include <algorithm>

#include "answer_files.h"
#include "bundle_io.h"
#include "bundle_stream.h"
#include "form_returns.h"
#include "json_fields.h"
#include "json_read.h"
#include "organisations.h"
#include "input_limits.h"
#include "io/file_map.h"

namespace ys::store {

ImportReport import_answer_files(Connection& c, const ImportAnswersRequest& request) {
    ImportReport report;
    LoadedAnswerFiles loaded = load_answer_files({request.files, {}, {}, request.library_dirs});
    report.diagnostics = std::move(loaded.diagnostics);
    if (report.diagnostics.has_errors()) return report;

    // Of two returns of the same form and respondent, the newer save is imported.
    const std::vector<bool> newest = newest_returns(loaded.sets, report);
    Transaction t(c);
    // Organisations first, parents before children, whatever order the files came in.
    for (bool progress = true; progress;) {
        progress = false;
        for (const AnswerSet& set : loaded.sets) {
            const Organisation& o = set.organisation;
            if (find_organisation(c, o.id) || (!o.parent.empty() && !find_organisation(c, o.parent))) continue;
            add_organisation(c, {o.id, o.name, o.type.empty() ? "other" : o.type, "", "", o.parent});
            report.organisations_created.push_back(o.id);
            progress = true;
        }
    }
    for (std::size_t i = 0; i < loaded.sets.size(); ++i) {
        stop_if_cancelled(request.progress);
        const AnswerSet& set = loaded.sets[i];
        const auto& q = loaded.questionnaires[i];
        auto fw = loaded.catalogue.framework(q->framework_id);
        const Organisation& o = set.organisation;
        if (!find_organisation(c, o.id)) {
            report.diagnostics.add({Severity::Error, set.source, "/organisation/parent",
                                    "parent organisation \"" + o.parent + "\" is neither in the database nor in these files"});
            continue;
        }
        if (!newest[i]) continue;
        std::string id = round_id_for(o.id, set.period, q->id);
        if (set.form && set.form->round != id) {
            report.diagnostics.add({Severity::Error, set.source, "/form/round",
                                    "this form was made for round \"" + set.form->round + "\", but the file's organisation, "
                                    "period and questionnaire make round \"" + id + "\"; it was changed after it was "
                                    "saved: ask the respondent to save it again from their form"});
            continue;
        }
        bool exists = false;
        {
            Statement s = c.prepare("SELECT questionnaire_hash FROM round WHERE id = ?");
            s.bind(1, id);
            exists = s.step();
        }
        if (!exists) {
            auto fdoc = loaded.catalogue.document_of(fw.get());
            auto qdoc = loaded.catalogue.document_of(q.get());
            new_round(c, o.id, set.period, *fdoc, *qdoc);
            report.rounds_created.push_back(id);
        }
        if (set.form) {
            if (import_form_return(c, set, *q, id, report) &&
                std::find(report.rounds_touched.begin(), report.rounds_touched.end(), id) == report.rounds_touched.end())
                report.rounds_touched.push_back(id);
            continue;
        }
        // Answers are checked against the round's own questionnaire, which may be an older copy.
        RoundRecord r = get_round(c, id);
        if (r.questionnaire_version != q->version) {
            report.diagnostics.add({Severity::Error, set.source, "/questionnaire/version",
                                    "round \"" + id + "\" uses version " + r.questionnaire_version + " of \"" + q->id +
                                        "\"; these answers are to version " + q->version});
            continue;
        }
        try {
            count_writes(report, id, write_respondents(c, id, *q, set.respondents, request.progress));
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Invalid) throw;
            report.diagnostics.add({Severity::Error, set.source, "", e.what()});  // a closed round
            continue;
        }
        if (std::find(report.rounds_touched.begin(), report.rounds_touched.end(), id) == report.rounds_touched.end())
            report.rounds_touched.push_back(id);
    }
    if (!report.ok() || request.dry_run) return report;  // the transaction rolls back
    t.commit();
    return report;
}

namespace {
void merge(ImportReport& into, ImportReport&& from) {
    into.diagnostics.append(from.diagnostics);
    for (auto& o : from.organisations_created) into.organisations_created.push_back(std::move(o));
    for (auto& r : from.rounds_created) into.rounds_created.push_back(std::move(r));
    for (auto& o : from.organisations_placed) into.organisations_placed.push_back(std::move(o));
    for (auto& o : from.organisations_clashing) into.organisations_clashing.push_back(std::move(o));
    for (auto& r : from.rounds_touched)
        if (std::find(into.rounds_touched.begin(), into.rounds_touched.end(), r) == into.rounds_touched.end())
            into.rounds_touched.push_back(std::move(r));
    for (const auto& [round, w] : from.by_round) count_writes(into, round, w);
    for (auto& n : from.returns) into.returns.push_back(std::move(n));
}
}  // namespace

void count_writes(ImportReport& report, const std::string& round, const WriteCounts& w) {
    report.counts.add(w);
    for (auto& [id, counts] : report.by_round)
        if (id == round) {
            counts.add(w);
            return;
        }
    report.by_round.emplace_back(round, w);
}

ImportReport import_files(Connection& c, const ImportAnswersRequest& request) {
    ImportReport report;
    std::vector<std::string> answer_files;
    std::vector<std::pair<std::string, Bundle>> bundles;
    for (const auto& path : request.files) {
        stop_if_cancelled(request.progress);
        Diagnostics d(path);
        {
            // A bundle taken by the fast reader (bundle_stream.h); else, and any other file, as below.
            MappedFile mapped(path, exchange_json_limits().max_bytes);
            if (mapped.mapped())
                if (auto b = read_bundle_streamed(mapped.text(), exchange_json_limits(), d)) {
                    bundles.emplace_back(path, std::move(*b));
                    report.diagnostics.append(d);
                    continue;
                }
        }
        auto doc = read_json_file(path, d, exchange_json_limits());
        const std::string format = doc && doc->is_object() ? string_or_empty(*doc, "format") : "";
        if (format.rfind("yardstick-bundle/", 0) == 0) {
            if (auto b = parse_bundle(*doc, d)) bundles.emplace_back(path, std::move(*b));
        } else if (format.rfind("yardstick-targets/", 0) == 0) {
            // Targets are an organisation's aims, not answers: said plainly, not as a wrong "format".
            d.error("/format", "this is a targets file (" + format + "), which import does not take; set its targets with "
                               "yardstick-cli target import " + path + " (or one at a time with yardstick-cli target set), "
                               "or compare with them by yardstick-cli score --targets " + path);
        } else if (doc) {
            answer_files.push_back(path);  // read again, and checked, by the answer-file import
        }
        report.diagnostics.append(d);
    }
    if (report.diagnostics.has_errors()) return report;
    check_org_mapping(c, bundles, request.org_mapping);  // a usage error, before anything is written
    Transaction t(c);
    report.bundles = bundles.size();
    if (!answer_files.empty())
        merge(report, import_answer_files(c, {answer_files, request.library_dirs, false, request.progress}));
    for (auto& [path, b] : bundles) {
        stop_if_cancelled(request.progress);
        try {
            merge(report, import_bundle(c, b, path, false, request.org_mapping));
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Invalid) throw;
            report.diagnostics.add({Severity::Error, path, "", e.what()});  // such as a closed round it would change
        }
    }
    if (!report.ok() || request.dry_run) return report;
    t.commit();
    return report;
}

}  // namespace ys::store
