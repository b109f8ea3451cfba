// yardstick-cli form: the questionnaire as one offline HTML form for a round. The CLI only
// fills the job; jobs::write_form does the work, as it does for the GUI.
#include <ostream>

#include "database.h"
#include "exit_codes.h"
#include "form_job.h"
#include "store_command.h"

namespace ys::cli {
int cmd_form(const Context& ctx, const std::vector<std::string>& args) {
    const std::vector<OptionSpec> spec = {
        kDbOption,
        {"round", true, "ID", "the round the form is for (its stored questionnaire is used)"},
        {"org", true, "ID", "with QUESTIONNAIRE: the organisation assessed (it must exist)"},
        {"period", true, "P", "with QUESTIONNAIRE: the round's period, such as 2026; the round is started when missing"},
        {"out", true, "FORM.html", "write the form here (atomically)"},
        {"note", true, "TEXT", "a note shown at the top of the form, such as \"Please reply by 16 January\""},
        {"reply-to", true, "TEXT", "who to send the saved answers to, such as \"Jo Smith (jo.smith@westford.example)\""},
        {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires"},
    };
    ParsedArgs p;
    std::string error;
    if (!parse_args(args, spec, p, error)) {
        ctx.err << "yardstick-cli form: " << error << "\n";
        return exit_code::usage;
    }
    const char* usage =
        "Usage: yardstick-cli form (--round ID | QUESTIONNAIRE --org ID --period P) --out FORM.html\n"
        "                          [--note TEXT] [--reply-to TEXT] [--db PATH]\n\n"
        "Writes the round's questionnaire as one HTML file that works offline: send it to colleagues\n"
        "(by email or a shared folder); each answers in their browser and \"Save my answers\" gives them\n"
        "a file to send back, which yardstick-cli import reads into the round. QUESTIONNAIRE is an id\n"
        "from the libraries (ID[@VERSION]) or a questionnaire file.\n\n";
    if (p.has("help")) {
        ctx.out << usage << options_help(spec);
        return exit_code::ok;
    }
    if (p.positional.size() > 1) {
        ctx.err << "yardstick-cli form: unexpected argument \"" << p.positional[1] << "\"; give one questionnaire\n";
        return exit_code::usage;
    }
    if (!p.has("out")) {
        ctx.err << "yardstick-cli form: give --out FORM.html\n";
        return exit_code::usage;
    }
    jobs::FormJob job;
    job.database = p.value("db");
    if (job.database.empty()) job.database = store::default_database_path();
    job.round = p.value("round");
    job.questionnaire = p.positional.empty() ? std::string() : p.positional.front();
    job.organisation = p.value("org");
    job.period = p.value("period");
    if (job.round.empty() && (job.questionnaire.empty() || job.organisation.empty() || job.period.empty())) {
        ctx.err << "yardstick-cli form: give --round ID, or QUESTIONNAIRE with --org ID and --period P\n";
        return exit_code::usage;
    }
    if (!job.round.empty() && (!job.questionnaire.empty() || p.has("org") || p.has("period"))) {
        ctx.err << "yardstick-cli form: --round names the questionnaire, organisation and period; leave out "
                << (job.questionnaire.empty() ? std::string(p.has("org") ? "--org" : "--period") : "\"" + job.questionnaire + "\"")
                << ", or leave out --round\n";
        return exit_code::usage;
    }
    job.library_dirs = library_dirs(ctx, p.values("library"), false);
    job.note = p.value("note");
    job.reply_to = p.value("reply-to");
    job.out_path = p.value("out");
    jobs::FormResult r = jobs::write_form(job);
    if (r.exit_code != exit_code::ok) {
        ctx.err << "yardstick-cli form: " << r.error << "\n";
        return r.exit_code;
    }
    ctx.out << "wrote " << r.written << " (" << r.questions << " question" << (r.questions == 1 ? "" : "s") << ")\n"
            << "form id " << r.form_id << "\n"
            << "Next: send the file to the people who should answer. Each opens it in a browser, answers, and sends\n"
            << "back the file that \"Save my answers\" makes; read the returned files in with:\n"
            << "  yardstick-cli import answers-*.json" << (p.has("db") ? " --db " + job.database : std::string()) << "\n";
    return exit_code::ok;
}
}  // namespace ys::cli
