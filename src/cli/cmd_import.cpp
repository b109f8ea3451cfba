// yardstick-cli import: answer files and bundles (by their format) or a survey-tool CSV.
#include <ostream>

#include "bundle_io.h"
#include "exit_codes.h"
#include "import_answers.h"
#include "import_csv.h"
#include "io/file_patterns.h"
#include "json_fields.h"
#include "store_command.h"

namespace ys::cli {

namespace {

// For --dry-run: each round's respondents as new, changed and unchanged (the first 20 keys of each).
void print_respondents_by_round(const Context& ctx, const store::ImportReport& r) {
    auto keys = [&](const char* label, const std::vector<std::string>& list) {
        if (list.empty()) return;
        ctx.out << "    " << label << " (" << list.size() << "):";
        for (std::size_t i = 0; i < list.size() && i < 20; ++i) ctx.out << " " << list[i];
        if (list.size() > 20) ctx.out << " and " << list.size() - 20 << " more";
        ctx.out << "\n";
    };
    for (const auto& [round, w] : r.by_round) {
        ctx.out << "  round " << round << ":\n";
        keys("new", w.added_keys);
        keys("changed", w.changed_keys);
        keys("unchanged", w.unchanged_keys);
    }
}

void print_report(const Context& ctx, const store::ImportReport& r, bool dry_run) {
    for (const auto& d : r.diagnostics.items()) ctx.err << to_string(d) << "\n";
    if (!r.ok()) {
        ctx.err << "nothing was imported: " << r.diagnostics.error_count() << " problem"
                << (r.diagnostics.error_count() == 1 ? "" : "s") << "\n";
        return;
    }
    const char* verb = dry_run ? "would import" : "imported";
    ctx.out << verb << ": " << r.counts.respondents_added << " new respondents, " << r.counts.respondents_updated
            << (dry_run ? " to change, " : " changed, ") << r.counts.respondents_unchanged << " unchanged, "
            << r.counts.answers_written << " answers " << (dry_run ? "to write" : "written") << " ("
            << r.counts.answers_unchanged << " unchanged), into " << r.rounds_touched.size() << " round"
            << (r.rounds_touched.size() == 1 ? "" : "s") << "\n";
    if (r.counts.answers_removed)
        ctx.out << "  " << r.counts.answers_removed << " answer" << (r.counts.answers_removed == 1 ? "" : "s")
                << (dry_run ? " to remove" : " removed") << " (no longer in a newer save of a returned form)\n";
    for (const auto& n : r.returns) ctx.out << "  " << n.file << ": " << n.message << "\n";
    if (dry_run) print_respondents_by_round(ctx, r);
    for (const auto& o : r.organisations_created) ctx.out << (dry_run ? "  would add organisation " : "  added organisation ") << o << "\n";
    for (const auto& id : r.rounds_created) ctx.out << (dry_run ? "  would start round " : "  started round ") << id << "\n";
    for (const auto& m : r.organisations_placed)
        ctx.out << "  bundle organisation " << m.bundle_id << " -> " << m.local_id << " (" << m.how << ")\n";
    if (dry_run) ctx.out << "(dry run: nothing was written)\n";
}

// --map-org THEIRS=OURS (repeatable) and --as-new; false, with the message written, on a mistake.
bool org_mapping_options(const Context& ctx, const ParsedArgs& p, store::OrgMappingOptions& out) {
    out.as_new = p.has("as-new");
    for (const auto& v : p.values("map-org")) {
        auto eq = v.find('=');
        std::string theirs = v.substr(0, eq), ours = eq == std::string::npos ? "" : v.substr(eq + 1);
        if (eq == std::string::npos || !is_valid_id(theirs) || !is_valid_id(ours)) {
            ctx.err << "yardstick-cli import: --map-org \"" << v << "\": expected THEIRS=OURS, the bundle's organisation id and "
                       "one of yours, such as eastmere=eastmere-council\n";
            return false;
        }
        if (!out.map_orgs.emplace(theirs, ours).second) {
            ctx.err << "yardstick-cli import: --map-org maps \"" << theirs << "\" twice; give each organisation once\n";
            return false;
        }
    }
    return true;
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
        {"map-org", true, "THEIRS=OURS", "a bundle's organisation THEIRS, made by another database, is your OURS: its "
                                         "rounds go into OURS, which is not changed (repeatable)"},
        {"as-new", false, "", "a bundle's organisations whose ids are taken here by another database's get new ids"},
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
                   "written. A pattern such as returns/*.json is expanded (* any characters, ? one) when the\n"
                   "shell has not done it.\n\n"
                   "A file saved by an offline form (with a \"form\" stamp) goes into the round it was made for:\n"
                   "a later save of the same form and respondent replaces the earlier one wholesale, an older\n"
                   "one is skipped, and each is reported. A targets file is refused: use yardstick-cli target import.\n\n"
                   "Organisations are matched by the database that made them (their origin) as well as their\n"
                   "id: a bundle's organisation whose id is taken here by another database's is refused,\n"
                   "unless --map-org or --as-new says what it is. An import never changes the name, type or\n"
                   "parent of an organisation already here.\n\n"
                   "       yardstick-cli import --csv FILE --org ID --period P [--questionnaire ID] [--mapping FILE]\n"
                   "                            [--skip-invalid] [--dry-run]\n\n"
                   "Imports a Microsoft Forms, Google Forms or SurveyMonkey export: columns are matched to\n"
                   "questions by id or text (or a mapping), answers to options ignoring case and spaces.\n"
                   "Every problem is reported by row and column; nothing is written unless the whole file\n"
                   "is valid, or --skip-invalid is given.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    store::OrgMappingOptions mapping;
    if (!org_mapping_options(ctx, p, mapping)) return exit_code::usage;
    if ((p.has("csv-long") || p.has("csv")) && (mapping.as_new || !mapping.map_orgs.empty())) {
        ctx.err << "yardstick-cli import: --map-org and --as-new apply to bundles, not to --csv or --csv-long; see --help\n";
        return exit_code::usage;
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
    // Patterns the shell left as they are (Windows' shells expand none) are expanded here.
    std::vector<std::string> files;
    for (const auto& arg : p.positional) {
        std::string problem;
        if (!expand_file_pattern(arg, files, problem)) {
            ctx.err << "yardstick-cli import: " << problem << "\n";
            return exit_code::invalid_input;
        }
    }
    return with_database(ctx, "import", p, [&](store::Connection& c) {
        store::ImportAnswersRequest req{files, library_dirs(ctx, p.values("library"), false), p.has("dry-run")};
        req.org_mapping = mapping;
        store::ImportReport r;
        try {
            r = store::import_files(c, req);
        } catch (const store::OrgMappingError& e) {
            ctx.err << "yardstick-cli import: " << e.what() << "\n";
            return exit_code::usage;
        }
        print_report(ctx, r, req.dry_run);
        return r.ok() ? exit_code::ok : exit_code::invalid_input;
    });
}

}  // namespace ys::cli
