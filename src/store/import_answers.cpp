#include "import_answers.h"

#include <algorithm>

#include "answer_files.h"
#include "organisations.h"

namespace ys::store {

ImportReport import_answer_files(Connection& c, const ImportAnswersRequest& request) {
    ImportReport report;
    LoadedAnswerFiles loaded = load_answer_files({request.files, {}, {}, request.library_dirs});
    report.diagnostics = std::move(loaded.diagnostics);
    if (report.diagnostics.has_errors()) return report;

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
        const AnswerSet& set = loaded.sets[i];
        const auto& q = loaded.questionnaires[i];
        auto fw = loaded.catalogue.framework(q->framework_id);
        const Organisation& o = set.organisation;
        if (!find_organisation(c, o.id)) {
            report.diagnostics.add({Severity::Error, set.source, "/organisation/parent",
                                    "parent organisation \"" + o.parent + "\" is neither in the database nor in these files"});
            continue;
        }
        std::string id = round_id_for(o.id, set.period, q->id);
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
        } else if (get_round(c, id).status == "closed") {
            report.diagnostics.add({Severity::Error, set.source, "", "round \"" + id + "\" is closed; reopen it to import into it"});
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
        WriteCounts w = write_respondents(c, id, *q, set.respondents);
        report.counts.respondents_added += w.respondents_added;
        report.counts.respondents_updated += w.respondents_updated;
        report.counts.answers_written += w.answers_written;
        if (std::find(report.rounds_touched.begin(), report.rounds_touched.end(), id) == report.rounds_touched.end())
            report.rounds_touched.push_back(id);
    }
    if (!report.ok() || request.dry_run) return report;  // the transaction rolls back
    t.commit();
    return report;
}

}  // namespace ys::store
