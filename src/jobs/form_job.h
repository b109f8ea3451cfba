#pragma once
// "Write the offline form" as one operation that the CLI and the GUI both call: it finds or
// makes the round, binds its questionnaire and writes one self-contained HTML file that a
// colleague opens in a browser, answers and saves as an answer file to send back.
#include <cstddef>
#include <string>
#include <vector>

namespace ys::jobs {

struct FormJob {
    std::string database;       // path of the Yardstick database
    std::string round;          // a round id: use its stored questionnaire; else the three below
    std::string questionnaire;  // a questionnaire id from the library, or a file
    std::string organisation;   // an organisation id that exists in the database
    std::string period;         // the round's period; the round is created when missing
    std::vector<std::string> library_dirs;  // where questionnaires and frameworks are looked up
    std::string note;      // optional words from the data lead, e.g. "Please reply by 16 January"
    std::string reply_to;  // optional: who the respondent sends the saved file to
    std::string out_path;  // the HTML file to write (atomically)
};

struct FormResult {
    int exit_code = 0;      // one of exit_codes.h; 0 = written
    std::string error;      // one line, when exit_code != 0
    std::string form_id;    // 32 lowercase hex characters, new for each form written
    std::string written;    // the file written
    std::size_t questions = 0;  // how many questions the form holds
};

// Never throws; every failure is a FormResult with a one-line error and nothing written.
FormResult write_form(const FormJob& job);

// The output check write_form makes first, alone: "" when out_path may be written, else one
// line (it is the database, the questionnaire file, or not a regular file). The GUI asks it
// before asking whether to replace a file. Never throws.
std::string refused_form_output(const FormJob& job);

}  // namespace ys::jobs
