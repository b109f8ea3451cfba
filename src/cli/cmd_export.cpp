// yardstick-cli export: rounds from the database as CSV (long or wide) or as a bundle.
#include <ostream>
#include <sstream>

#include "answers_csv.h"
#include "bundle_io.h"
#include "exit_codes.h"
#include "atomic_file.h"
#include "outputs.h"
#include "export_check.h"
#include "text_check.h"
#include "rounds.h"
#include "store_command.h"

namespace ys::cli {

int cmd_export(const Context& ctx, const std::vector<std::string>& args) {
    // --xlsx is a workbook, with options of its own (cmd_export_xlsx.cpp).
    auto given = [&](const std::string& name) {
        for (const auto& a : args)
            if (a == "--" + name || a.rfind("--" + name + "=", 0) == 0) return true;
        return false;
    };
    if (given("xlsx")) {
        if (given("csv") || given("bundle")) {
            ctx.err << "yardstick-cli export: one file at a time: give --csv, --bundle or --xlsx\n";
            return exit_code::usage;
        }
        return cmd_export_xlsx(ctx, args);
    }
    const std::vector<OptionSpec> spec = {
        kDbOption,
        {"csv", true, "FILE", "write answers as CSV"},
        {"bundle", true, "FILE", "write a bundle (JSON): rounds with their organisations, targets and definitions"},
        {"layout", true, "long|wide", "CSV layout: one row per answer (long, default) or per respondent (wide)"},
        {"round", true, "ID", "a round to export; may be repeated"},
        {"org", true, "ID", "every round of an organisation"},
        {"anonymise", false, "", "leave out names, emails and evidence notes"},
        {"raw", false, "", "CSV: write texts exactly, without the apostrophe before formula-like cells (see README)"},
        {"xlsx", true, "FILE", "write an Excel workbook instead (see export --xlsx FILE --help)"},
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli export: " << error << "\n";
        return exit_code::usage;
    }
    if (p.has("help")) {
        ctx.out << "Usage: yardstick-cli export (--csv FILE [--layout long|wide] | --bundle FILE)\n"
                   "                            (--round ID... | --org ID...) [--anonymise]\n\n"
                   "Writes rounds from the database. The wide CSV layout has one column per question and\n"
                   "needs exactly one round. A bundle carries the rounds with their organisations,\n"
                   "targets, action items and the frameworks and questionnaires they use; another\n"
                   "database imports it with yardstick-cli import. --anonymise leaves out names, emails,\n"
                   "evidence notes, action owners and notes. CSV text cells that a spreadsheet would run as\n"
                   "a formula (starting with =, +, -, @, tab or CR) get an apostrophe in front, which\n"
                   "yardstick-cli import takes off again; --raw writes them as they are.\n"
                   "With --xlsx FILE it writes an Excel workbook instead: a round's results, a benchmark\n"
                   "or a roadmap; `yardstick-cli export --xlsx FILE --help` lists its options.\n\n"
                << options_help(spec);
        return exit_code::ok;
    }
    std::string layout = p.value("layout", "long");
    if (p.has("csv") == p.has("bundle")) {
        ctx.err << "yardstick-cli export: say what to write: --csv FILE, --bundle FILE or --xlsx FILE; see --help\n";
        return exit_code::usage;
    }
    if (layout != "long" && layout != "wide") {
        ctx.err << "yardstick-cli export: --layout must be long or wide, not \"" << layout << "\"\n";
        return exit_code::usage;
    }
    if (!p.positional.empty()) {
        ctx.err << "yardstick-cli export: unexpected argument \"" << p.positional.front() << "\"\n";
        return exit_code::usage;
    }
    if (int code = refuse_unsafe_outputs(ctx, "export", {given_paths(p, {"csv", "bundle"}), {}, database_path(p)}))
        return code;
    // Names, emails and evidence notes: a new file is for its owner's eyes only.
    const WriteOptions write{!p.has("anonymise")};
    return with_database(ctx, "export", p, [&](store::Connection& c) {
        std::vector<std::string> ids = p.values("round");
        for (const auto& org : p.values("org"))
            for (const auto& r : store::list_rounds(c, org)) ids.push_back(r.id);
        if (ids.empty()) {
            ctx.err << "yardstick-cli export: no rounds chosen; give --round ID or --org ID\n";
            return exit_code::usage;
        }
        if (p.has("bundle")) {
            Bundle b = store::export_bundle(c, ids);
            // Nothing is written that this program's own import would refuse.
            if (std::string problem = bundle_text_problem(b, p.has("anonymise")); !problem.empty()) {
                ctx.err << "yardstick-cli export: " << problem << kExportTextFix << "\n";
                return exit_code::invalid_input;
            }
            std::string werr;
            if (!write_file_atomic(p.value("bundle"),
                                   bundle_to_json(b, p.has("anonymise")).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                                   werr, write)) {
                ctx.err << "yardstick-cli export: " << werr << "\n";
                return exit_code::output_failed;
            }
            ctx.out << "wrote " << p.value("bundle") << " (" << b.rounds.size() << " round" << (b.rounds.size() == 1 ? "" : "s")
                    << (p.has("anonymise") ? ", anonymised" : "") << ")\n";
            return exit_code::ok;
        }
        if (layout == "wide" && ids.size() != 1) {
            ctx.err << "yardstick-cli export: the wide layout takes exactly one round (its columns are its questions); "
                    << ids.size() << " were chosen\n";
            return exit_code::usage;
        }
        std::vector<store::LoadedRound> loaded;
        for (const auto& id : ids) loaded.push_back(store::load_round(c, id));
        std::vector<RoundAnswers> rounds;
        for (const auto& l : loaded) {
            rounds.push_back({l.record.id, &l.answers, l.questionnaire.get()});
            std::string problem = text_problem(TextField::Period, l.answers.period);
            if (problem.empty())
                problem = respondents_text_problem(l.record.id, l.answers.respondents, l.questionnaire.get(), p.has("anonymise"));
            if (!problem.empty()) {
                ctx.err << "yardstick-cli export: " << problem << kExportTextFix << "\n";
                return exit_code::invalid_input;
            }
        }
        const CsvText mode = p.has("raw") ? CsvText::Raw : CsvText::Neutralised;
        std::ostringstream text;
        if (layout == "wide") write_answers_csv_wide(text, rounds.front(), p.has("anonymise"), mode);
        else write_answers_csv_long(text, rounds, p.has("anonymise"), mode);
        std::string werr;
        if (!write_file_atomic(p.value("csv"), text.str(), werr, write)) {
            ctx.err << "yardstick-cli export: " << werr << "\n";
            return exit_code::output_failed;
        }
        ctx.out << "wrote " << p.value("csv") << " (" << rounds.size() << " round" << (rounds.size() == 1 ? "" : "s") << ")\n";
        return exit_code::ok;
    }, false);
}

}  // namespace ys::cli
