#pragma once
// Long work (imports, benchmarks of many rounds, batch reports) on a worker thread, with a
// progress dialog and Cancel. The work receives a ys::Progress to report steps and poll
// for cancellation; when it ends, `done` runs on the main thread with its result or the
// exception it threw. The work must not touch the main thread's database connection:
// it opens its own.
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <wx/string.h>

#include "progress.h"

class wxWindow;

namespace ys::gui {

// The Progress a worker thread sees: written by the worker, read by the main thread.
class SharedProgress final : public Progress {
public:
    void step(long long done, long long total, const std::string& what) override;
    bool cancelled() const override { return cancel_.load(); }
    void cancel() { cancel_ = true; }
    void read(long long& done, long long& total, std::string& what) const;

private:
    mutable std::mutex m_;
    long long done_ = 0, total_ = 0;
    std::string what_;
    std::atomic<bool> cancel_{false};
};

struct JobOutcome {
    bool cancelled = false;
    std::exception_ptr error;  // set when the work threw
};

// Starts `work` on a thread. A progress dialog (parented to `parent`) appears when the work
// takes longer than a moment; `done` is called on the main thread afterwards. Returns at once.
void run_in_background(wxWindow* parent, const wxString& title, std::function<void(Progress&)> work,
                       std::function<void(const JobOutcome&)> done);

// Jobs still running (the main window waits for them before closing).
int jobs_running();
// Asks every running job to stop and waits until they have ended, dispatching their results.
void cancel_and_wait_for_jobs();

}  // namespace ys::gui
