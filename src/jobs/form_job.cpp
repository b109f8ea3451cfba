#include "form_job.h"

#include <exception>
#include <filesystem>

#include "atomic_file.h"
#include "catalogue.h"
#include "database.h"
#include "exit_codes.h"
#include "form_page.h"
#include "forms.h"
#include "io/output_path.h"
#include "io/platform.h"
#include "job_support.h"
#include "organisations.h"
#include "rounds.h"
#include "text_check.h"

namespace ys::jobs {
namespace {

// The data lead's words go into the page as they are: valid UTF-8, a sensible length and
// no control characters (line breaks allowed in the note).
void check_words(const std::string& option, const std::string& text, std::size_t limit, bool lines) {
    if (std::string p = utf8_problem(option, text); !p.empty()) fail(exit_code::usage, p);
    if (utf8_length(text) > limit)
        fail(exit_code::usage, option + " is longer than " + std::to_string(limit) + " characters; shorten it");
    for (unsigned char c : text)
        if ((c < 0x20 && !(lines && (c == '\n' || c == '\t'))) || c == 0x7f)
            fail(exit_code::usage, option + " holds a control character; " +
                                       (lines ? "only tabs and line breaks are allowed" : "write it on one line"));
}

// A questionnaire given as a path (it names a file, or looks like one) rather than an id.
bool names_a_file(const std::string& spec) {
    std::error_code ec;
    return spec.find('/') != std::string::npos || spec.find('\\') != std::string::npos ||
           (spec.size() > 5 && spec.compare(spec.size() - 5, 5, ".json") == 0) || std::filesystem::is_regular_file(platform::path_from_utf8(spec), ec);
}

struct Chosen {
    std::shared_ptr<const Questionnaire> questionnaire;
    std::shared_ptr<const nlohmann::json> questionnaire_doc, framework_doc;
};

// A reader's problem as one line that starts with the file's name.
std::string naming(const std::string& path, const std::string& problem) {
    return problem.rfind(path, 0) == 0 ? problem : path + ": " + problem;
}

// The questionnaire named by id[@version] from the libraries, or read from a file, bound to
// its framework from the libraries.
Chosen choose_questionnaire(const FormJob& job) {
    Catalogue cat;
    for (const auto& dir : job.library_dirs) cat.add_library(dir, "library");
    std::string id = job.questionnaire, version;
    const bool file = names_a_file(job.questionnaire);
    if (file) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(platform::path_from_utf8(job.questionnaire), ec))
            fail(exit_code::invalid_input, job.questionnaire + ": no such file; check the name and the folder");
        Diagnostics diags;
        if (!cat.add_file(job.questionnaire, "given", diags))
            fail(exit_code::invalid_input, diags.items().empty() ? job.questionnaire + ": not a questionnaire file"
                                                                 : naming(job.questionnaire, to_string(diags.items().front())));
    } else if (auto at = id.find('@'); at != std::string::npos) {
        version = id.substr(at + 1);
        id = id.substr(0, at);
    }
    cat.bind_all();
    if (file) {
        for (const auto& e : cat.entries()) {
            if (e.origin != "given") continue;
            if (e.kind == DocKind::Questionnaire && e.valid) {
                id = e.id;
                version = e.version;
                continue;
            }
            const std::string why = e.problems.empty() ? std::string() : naming(job.questionnaire, to_string(e.problems.front()));
            if (e.kind == DocKind::Questionnaire)
                fail(exit_code::invalid_input, why.empty() ? job.questionnaire + ": the questionnaire is invalid" : why);
            fail(exit_code::invalid_input,
                 e.kind == DocKind::Unknown
                     ? (why.empty() ? job.questionnaire + ": not a questionnaire file" : why)
                     : job.questionnaire + ": is a " + std::string(to_string(e.kind)) + " file, not a questionnaire");
        }
    }
    Chosen out;
    out.questionnaire = cat.questionnaire(id, version);
    if (!out.questionnaire)
        fail(exit_code::invalid_input, "questionnaire \"" + id + "\"" + (version.empty() ? "" : " version " + version) +
                                           " was not found (or is invalid); see yardstick-cli frameworks");
    out.questionnaire_doc = cat.document_of(out.questionnaire.get());
    auto fw = cat.framework(out.questionnaire->framework_id);
    out.framework_doc = fw ? cat.document_of(fw.get()) : nullptr;
    if (!out.questionnaire_doc || !out.framework_doc)
        fail(exit_code::invalid_input, "questionnaire \"" + id + "\": its framework \"" + out.questionnaire->framework_id +
                                           "\" was not found; see yardstick-cli frameworks");
    return out;
}

// What the form writes and reads, for check_outputs.
OutputPlan output_plan(const FormJob& job) {
    OutputPlan plan;
    plan.database = job.database;
    plan.outputs.push_back({"the form file", job.out_path});
    if (job.round.empty() && !job.questionnaire.empty() && names_a_file(job.questionnaire))
        plan.inputs.push_back({"the questionnaire", job.questionnaire});
    return plan;
}

}  // namespace

std::string refused_form_output(const FormJob& job) {
    try {
        return check_outputs(output_plan(job)).message;
    } catch (const std::exception&) {
        return {};  // write_form says what went wrong
    }
}

FormResult write_form(const FormJob& job) {
    FormResult out;
    try {
        if (job.out_path.empty()) fail(exit_code::usage, "name the form's file (FORM.html) to write");
        const bool by_round = !job.round.empty();
        if (by_round && (!job.questionnaire.empty() || !job.organisation.empty() || !job.period.empty()))
            fail(exit_code::usage, "give a round, or a questionnaire with an organisation and a period, not both");
        if (!by_round && (job.questionnaire.empty() || job.organisation.empty() || job.period.empty()))
            fail(exit_code::usage, "give a round, or a questionnaire with an organisation and a period");
        if (!by_round)
            if (std::string p = text_problem(TextField::Period, job.period); !p.empty()) fail(exit_code::usage, p);
        check_words("the note", job.note, 2000, true);
        check_words("the reply-to text", job.reply_to, 500, false);

        // Before anything is opened or written: the form may not replace the database, the
        // questionnaire file, or anything that is not a regular file.
        OutputCheck check = check_outputs(output_plan(job));
        if (!check.ok()) fail(exit_code::usage, check.message);

        Chosen chosen;
        if (!by_round) chosen = choose_questionnaire(job);

        store::OpenOptions options;
        options.create = false;
        store::Connection c = store::open_database(job.database, options);
        std::string round = job.round;
        if (by_round) {
            store::get_round(c, round);  // NotFound names it
        } else {
            if (!store::find_organisation(c, job.organisation))
                fail(exit_code::invalid_input, "organisation \"" + job.organisation +
                                                   "\" does not exist; add it first with yardstick-cli org add");
            round = store::round_id_for(job.organisation, job.period, chosen.questionnaire->id);
            bool exists = false;
            for (const auto& r : store::list_rounds(c, job.organisation, false)) exists = exists || r.id == round;
            // A round already there keeps the questionnaire it was started with.
            if (!exists)
                store::new_round(c, job.organisation, job.period, *chosen.framework_doc, *chosen.questionnaire_doc);
        }
        store::RoundRecord record = store::get_round(c, round);
        if (record.status == "closed")
            fail(exit_code::invalid_input, store::closed_round_message(c, round, "no form can be made for it"));
        store::LoadedRound loaded = store::load_round(c, round);
        auto org = store::find_organisation(c, record.organisation);
        if (!org) fail(exit_code::invalid_input, "organisation \"" + record.organisation + "\" of round \"" + round + "\" does not exist");

        form::FormPage page;
        page.questionnaire = loaded.questionnaire.get();
        page.organisation.id = org->id;
        page.organisation.name = org->name;
        page.organisation.type = org->type;
        page.period = record.period;
        page.round = round;
        page.form_id = form::new_form_id();
        page.note = job.note;
        page.reply_to = job.reply_to;
        const std::string html = form::render_form_page(page);

        // The form is recorded in the same transaction that is committed only once the file is
        // written: a failed write leaves no record of a form nobody received.
        store::Transaction recording(c);
        store::record_form(c, page.form_id, round, store::now_seconds(), job.note);
        std::string error;
        if (!write_file_atomic(job.out_path, html, error)) fail(exit_code::output_failed, error);
        recording.commit();
        out.form_id = page.form_id;
        out.written = job.out_path;
        out.questions = loaded.questionnaire->questions.size();
    } catch (...) {
        JobError e = current_job_error();
        out.exit_code = e.exit_code;
        out.error = std::move(e.message);
    }
    if (out.exit_code != exit_code::ok) out.form_id.clear();
    return out;
}

}  // namespace ys::jobs
