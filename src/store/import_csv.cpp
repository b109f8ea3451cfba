#include "import_csv.h"

#include <fstream>

#include "catalogue.h"
#include "json_read.h"
#include "input_limits.h"
#include "organisations.h"
#include "rounds.h"
#include "io/platform.h"

namespace ys::store {

ImportCsvReport import_survey_csv(Connection& c, const ImportCsvRequest& req) {
    ImportCsvReport out;
    Diagnostics& diags = out.import.diagnostics;
    if (std::string why = file_size_problem(req.csv_file, kMaxExchangeFileBytes); !why.empty()) {
        diags.add({Severity::Error, req.csv_file, "", why});
        return out;
    }
    std::optional<SurveyMapping> mapping;
    if (!req.mapping_file.empty()) {
        Diagnostics d(req.mapping_file);
        if (auto doc = read_json_file(req.mapping_file, d, definition_json_limits())) mapping = parse_survey_mapping(*doc, d);
        diags.append(d);
        if (!mapping) return out;
        mapping->source = req.mapping_file;
    }
    std::string qspec = !req.questionnaire.empty() ? req.questionnaire : mapping ? mapping->questionnaire : "";
    std::string version;
    if (auto at = qspec.find('@'); at != std::string::npos) {
        version = qspec.substr(at + 1);
        qspec = qspec.substr(0, at);
    }
    if (qspec.empty()) {
        diags.error("", "which questionnaire does this file answer? give --questionnaire ID or name it in the mapping");
        return out;
    }
    if (!find_organisation(c, req.organisation))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + req.organisation +
                                                         "\" does not exist; add it with yardstick-cli org add");
    // The round's own questionnaire when the round exists; otherwise the libraries'.
    out.round = round_id_for(req.organisation, req.period, qspec);
    std::shared_ptr<const Questionnaire> q;
    std::shared_ptr<const nlohmann::json> fdoc, qdoc;
    Statement existing = c.prepare("SELECT 1 FROM round WHERE id = ?");
    existing.bind(1, out.round);
    bool round_exists = existing.step();
    if (round_exists) {
        RoundRecord r = get_round(c, out.round);
        auto fw = load_framework(c, r.framework_hash);
        q = load_questionnaire(c, r.questionnaire_hash, *fw);
        if (!version.empty() && version != q->version)
            throw StoreError(StoreError::Kind::Invalid, "round \"" + r.id + "\" uses version " + q->version + " of \"" + qspec +
                                                            "\", not " + version);
    } else {
        Catalogue cat;
        for (const auto& d : req.library_dirs) cat.add_library(d, "library");
        cat.bind_all();
        q = cat.questionnaire(qspec, version);
        if (!q) {
            diags.error("", "questionnaire \"" + qspec + "\"" + (version.empty() ? "" : " version " + version) +
                                " was not found (or is invalid) in the libraries");
            return out;
        }
        qdoc = cat.document_of(q.get());
        fdoc = cat.document_of(cat.framework(q->framework_id).get());
    }

    std::ifstream in(platform::path_from_utf8(req.csv_file), std::ios::binary);
    if (!in) {
        diags.add({Severity::Error, req.csv_file, "", "cannot open file"});
        return out;
    }
    SurveyImportOptions options;
    options.skip_invalid = req.skip_invalid;
    options.limits.max_total_bytes = kMaxExchangeFileBytes;
    SurveyImport imported = read_survey_csv(in, req.csv_file, *q, mapping ? &*mapping : nullptr, options);
    diags.append(imported.diags);
    out.columns = std::move(imported.columns);
    out.skipped = std::move(imported.skipped);
    out.notes = std::move(imported.notes);
    out.rows_read = imported.respondents.size() + out.skipped.size();
    if (!imported.ok() || diags.has_errors()) return out;

    stop_if_cancelled(req.progress);
    Transaction t(c);
    if (!round_exists) {
        new_round(c, req.organisation, req.period, *fdoc, *qdoc);
        out.import.rounds_created.push_back(out.round);
    }
    count_writes(out.import, out.round, write_respondents(c, out.round, *q, imported.respondents, req.progress));
    out.import.rounds_touched.push_back(out.round);
    if (!req.dry_run) t.commit();
    return out;
}

}  // namespace ys::store
