#pragma once
// How a long operation reports progress and learns it should stop, without knowing who
// is watching: the CLI prints a line on stderr, the GUI drives a progress dialog.
#include <string>

namespace ys {

class Progress {
public:
    virtual ~Progress() = default;
    // `done` of `total` steps; `what` is a short UTF-8 description of the current step.
    virtual void step(long long done, long long total, const std::string& what) = 0;
    // Polled between steps; an operation that sees true stops, undoes what it wrote,
    // and reports that it was cancelled.
    virtual bool cancelled() const { return false; }
};

// Watches nothing: for tests and callers that do not care.
class NoProgress final : public Progress {
public:
    void step(long long, long long, const std::string&) override {}
};

}  // namespace ys
