#pragma once
// Problems found in input files, each one line: "FILE: WHERE: what was expected".
#include <cstddef>
#include <string>
#include <vector>

namespace ys {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    std::string where;  // a JSON pointer ("/dimensions/3/id"), "line:column", or "row R, column C"
    std::string message;
    // Set only on the line that stands for the problems of `file` past the cap: how many
    // more were found and not shown.
    std::size_t more_errors = 0;
    std::size_t more_warnings = 0;
    bool is_summary() const { return more_errors + more_warnings > 0; }
};

// A damaged file can hold millions of problems; keeping each would exhaust memory. Past
// this many per file, one summary line counts the rest.
inline constexpr std::size_t kMaxProblemsPerFile = 1000;

// "FILE: WHERE: message", always one line of valid UTF-8 (control characters and
// invalid bytes from input files are escaped).
std::string to_string(const Diagnostic& d);
std::string printable(const std::string& s);

// Problems of one file (or several, when appended): at most kMaxProblemsPerFile lines per
// file, then one summary line per file. The counts are of every problem, shown or not, so
// exit codes and "did this step add an error" checks never depend on the cap.
class Diagnostics {
public:
    explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

    void error(const std::string& where, const std::string& message);
    void warning(const std::string& where, const std::string& message);
    // A summary line (from another Diagnostics' items) adds the problems it counts.
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    const std::string& file() const { return file_; }
    void set_file(std::string file) { file_ = std::move(file); }
    const std::vector<Diagnostic>& items() const { return items_; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    bool has_errors() const { return errors_ > 0; }

private:
    struct FileTally {
        std::string file;
        std::size_t shown = 0;
        std::size_t summary = 0;  // index of its summary line in items_, when shown == cap
        bool has_summary = false;
    };
    FileTally& tally(const std::string& file);
    void count_past_cap(FileTally& t, const std::string& file, std::size_t errors, std::size_t warnings);

    std::string file_;
    std::vector<Diagnostic> items_;
    std::vector<FileTally> tallies_;  // one per file: few
    std::size_t last_tally_ = 0;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

}  // namespace ys
