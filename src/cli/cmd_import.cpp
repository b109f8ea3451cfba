// yardstick-cli import: answer files and bundles (by their format) or a survey-tool CSV.
#include <ostream>

#include "exit_codes.h"
#include "import_answers.h"
#include "import_csv.h"
#include "store_command.h"

namespace ys::cli {

namespace {

void print_report(const Context& ctx, const store::ImportReport& r, bool dry_run) {
    for (const auto& d : r.diagnostics.items()) ctx.err << to_string(d) << "\n";
    if (!r.ok()) {
        ctx.err << "nothing was imported: " << r.diagnostics.error_count() << " problem"
                << (r.diagnostics.error_count() == 1 ? "" : "s") << "\n";
        return;
    }
    const char* verb = dry_run ? "would import" : "imported";
    ctx.out << verb << ": " << r.counts.respondents_added << " new respondents, " << r.counts.respondents_updated
            << " updated, " << r.counts.answers_written << " answers, into " << r.rounds_touched.size() << " round"
            << (r.rounds_touched.size() == 1 ? "" : "s") << "\n";
    for (const auto& o : r.organisations_created) ctx.out << (dry_run ? "  would add organisation " : "  added organisation ") << o << "\n";
    for (const auto& id : r.rounds_created) ctx.out << (dry_run ? "  would start round " : "  started round ") << id << "\n";
    if (dry_run) ctx.out << "(dry run: nothing was written)\n";
}

}  // namespace

int cmd_import(const Context& ctx, const std::vector<std::string>& args) {
    const std::vector<OptionSpec> spec = {
        kDbOption,
        {"dry-run", false, "", "check and report, write nothing"},
        {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires"},
        {"csv", true, "FILE", "a survey tool's CSV export (one row per respondent), into one round"},
        {"org", true, "ID", "with --csv: the organisation that answered"},
        {"period", true, "PERIOD", "with --csv: the round's period, such as 2026"},
        {"questionnaire", true, "ID[@VERSION]", "with --csv: the questionnaire answered (or name it in the mapping)"},
        {"mapping", true, "FILE", "with --csv: a yardstick-csv-mapping/1 file (docs/survey-csv-import.md)"},
        {"skip-invalid", false, "", "with --csv: import the valid rows and list every skipped one"},
        {"csv-long", true, "FILE", "answers in the long CSV layout that export --csv writes, for many rounds"},
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli import: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli import [options] FILE...\n\n"
                   "Imports answer files and bundles (told apart by their format) into the database.\n"
                   "Organisations and rounds are created when missing (a round keeps its questionnaire and\n"
                   "framework by value); everything is matched by stable ids, so importing a file twice\n"
                   "changes nothing. All files go in one transaction: when any has a problem, nothing is\n"
                   "written.\n\n"
                   "       yardstick-cli import --csv FILE --org ID --period P [--questionnaire ID] [--mapping FILE]\n"
                   "                            [--skip-invalid] [--dry-run]\n\n"
                   "Imports a Microsoft Forms, Google Forms or SurveyMonkey export: columns are matched to\n"
                   "questions by id or text (or a mapping), answers to options ignoring case and spaces.\n"
                   "Every problem is reported by row and column; nothing is written unless the whole file\n"
                   "is valid, or --skip-invalid is given.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    if (p.has("csv-long")) {
        return with_database(ctx, "import", p, [&](store::Connection& c) {
            store::ImportReport r = store::import_long_csv(c, p.value("csv-long"), library_dirs(ctx, p.values("library"), false),
                                                           p.has("dry-run"));
            print_report(ctx, r, p.has("dry-run"));
            return r.ok() ? exit_code::ok : exit_code::invalid_input;
        });
    }
    if (p.has("csv")) {
        if (!p.positional.empty() || p.value("org").empty() || p.value("period").empty()) {
            ctx.err << "yardstick-cli import: --csv takes --org and --period, and no other files; see --help\n";
            return exit_code::usage;
        }
        if (std::string problem = argument_text_problem(p, {{"period", TextField::Period}}); !problem.empty()) {
            ctx.err << "yardstick-cli import: " << problem << "\n";
            return exit_code::invalid_input;
        }
        return with_database(ctx, "import", p, [&](store::Connection& c) {
            store::ImportCsvRequest req{p.value("csv"), p.value("org"), p.value("period"), p.value("questionnaire"),
                                        p.value("mapping"), library_dirs(ctx, p.values("library"), false),
                                        p.has("skip-invalid"), p.has("dry-run")};
            store::ImportCsvReport r = store::import_survey_csv(c, req);
            if (req.dry_run || !r.import.ok()) {
                for (const auto& col : r.columns)
                    ctx.out << "  column " << col.column << " \"" << col.header << "\" -> "
                            << (col.target.empty() ? "(ignored)" : col.target) << " [" << col.how << "]\n";
            }
            for (const auto& s : r.skipped) ctx.out << "  skipped row " << s.record << ": " << s.reason << "\n";
            print_report(ctx, r.import, req.dry_run);
            return r.import.ok() ? exit_code::ok : exit_code::invalid_input;
        });
    }
    if (p.positional.empty()) {
        ctx.err << "yardstick-cli import: no files given; see --help\n";
        return exit_code::usage;
    }
    return with_database(ctx, "import", p, [&](store::Connection& c) {
        store::ImportAnswersRequest req{p.positional, library_dirs(ctx, p.values("library"), false), p.has("dry-run")};
        store::ImportReport r = store::import_files(c, req);
        print_report(ctx, r, req.dry_run);
        return r.ok() ? exit_code::ok : exit_code::invalid_input;
    });
}

}  // namespace ys::cli
