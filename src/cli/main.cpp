// yardstick-cli: parses the command line and calls the same operations as the GUI.
#include <clocale>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "io/platform.h"
#include "terminal_output.h"

namespace {

const char* kUsage =
    "Usage: yardstick-cli COMMAND [options]\n\n"
    "Commands:\n"
    "  validate FILE...     check frameworks, questionnaires, answer and target files\n"
    "  frameworks           list the frameworks and questionnaires available\n"
    "  score ANSWERS...     score answer files, or rounds in the database (table, JSON or CSV)\n"
    "  org                  organisations: add, list, edit, move, remove\n"
    "  group                peer groups: add, member, list\n"
    "  round                assessment rounds: new, list, close, reopen, invite, status, scope\n"
    "  respondent           add a respondent to a round\n"
    "  answer               set an answer (scripted entry)\n"
    "  target               targets per dimension: set, import, list\n"
    "  action               a round's action plan: set, add, remove, list\n"
    "  import FILE...       import answer files into the database\n"
    "  export               write rounds as CSV or a bundle; --xlsx: Excel workbooks\n"
    "  benchmark            compare organisations: ranks, quartiles, trends, common gaps\n"
    "  roadmap              the costed resourcing roadmap: phases, roles, cost per year\n"
    "  scenario             roadmap scenarios saved per organisation: save, list, show, export\n"
    "  report KIND          action plan, benchmark report or business case as PDF and HTML\n"
    "  form                 the questionnaire as an offline HTML form to send to colleagues\n"
    "  crosswalk ROUND...   a round's result in CDDO's or Data Orchard's terms (an approximation)\n"
    "  skills               a team's skills profile and training plan; councils' profiles pooled\n"
    "  db                   check the database\n\n"
    "Run 'yardstick-cli COMMAND --help' for a command's options.\n"
    "Exit codes: 0 ok, 1 internal error, 2 invalid input, 3 usage error, 4 output not written,\n"
    "5 database busy, 6 database refused (not Yardstick's, damaged or newer).\n";

std::string executable_path(const char* argv0) {
    std::string p = ys::platform::executable_path();
    if (!p.empty()) return p;
    return argv0 ? argv0 : "";
}

}  // namespace

int main(int argc, char** argv) {
    // Numbers we print never depend on the locale; keep the C locale for everything.
    std::setlocale(LC_ALL, "C");
    // Windows: the console shows our UTF-8, and arguments come from the wide command line
    // (argv holds them in the ANSI code page, which cannot spell every file name).
    ys::platform::use_utf8_console();
    ys::platform::use_binary_standard_output();
    // Control characters in anything printed are shown escaped, never sent raw to the terminal.
    ys::cli::TerminalSafeStream safe_out(std::cout), safe_err(std::cerr);
    try {
        std::vector<std::string> args = ys::platform::utf8_arguments(argc, argv);
        if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
            std::cout << kUsage;
            return args.empty() ? ys::exit_code::usage : ys::exit_code::ok;
        }
        if (args[0] == "--version") {
            std::cout << "yardstick-cli " << YARDSTICK_VERSION << "\n";
            return ys::exit_code::ok;
        }
        std::string exe = executable_path(argv[0]);
        ys::cli::Context ctx{exe, ys::default_data_dirs(exe, YARDSTICK_SOURCE_DATA_DIR), std::cout, std::cerr};
        std::string cmd = args[0];
        args.erase(args.begin());
        if (cmd == "validate") return ys::cli::cmd_validate(ctx, args);
        if (cmd == "frameworks") return ys::cli::cmd_frameworks(ctx, args);
        if (cmd == "score") return ys::cli::cmd_score(ctx, args);
        if (cmd == "org") return ys::cli::cmd_org(ctx, args);
        if (cmd == "group") return ys::cli::cmd_group(ctx, args);
        if (cmd == "round") return ys::cli::cmd_round(ctx, args);
        if (cmd == "respondent") return ys::cli::cmd_respondent(ctx, args);
        if (cmd == "answer") return ys::cli::cmd_answer(ctx, args);
        if (cmd == "target") return ys::cli::cmd_target(ctx, args);
        if (cmd == "db") return ys::cli::cmd_db(ctx, args);
        if (cmd == "action") return ys::cli::cmd_action(ctx, args);
        if (cmd == "benchmark") return ys::cli::cmd_benchmark(ctx, args);
        if (cmd == "roadmap") return ys::cli::cmd_roadmap(ctx, args);
        if (cmd == "scenario") return ys::cli::cmd_scenario(ctx, args);
        if (cmd == "import") return ys::cli::cmd_import(ctx, args);
        if (cmd == "export") return ys::cli::cmd_export(ctx, args);
        if (cmd == "report") return ys::cli::cmd_report(ctx, args);
        if (cmd == "form") return ys::cli::cmd_form(ctx, args);
        if (cmd == "crosswalk") return ys::cli::cmd_crosswalk(ctx, args);
        if (cmd == "skills") return ys::cli::cmd_skills(ctx, args);
        std::cerr << "yardstick-cli: unknown command \"" << cmd << "\"\n" << kUsage;
        return ys::exit_code::usage;
    } catch (const std::bad_alloc&) {
        std::cerr << "yardstick-cli: out of memory\n";
        return ys::exit_code::internal_error;
    } catch (const std::exception& e) {
        std::cerr << "yardstick-cli: internal error: " << e.what() << "\n";
        return ys::exit_code::internal_error;
    }
}
