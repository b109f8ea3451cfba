#include "worker.h"

#include <chrono>
#include <vector>

#include <wx/app.h>
#include <wx/progdlg.h>
#include <wx/timer.h>
#include <wx/window.h>

#include "wx_utf8.h"

namespace ys::gui {

void SharedProgress::step(long long done, long long total, const std::string& what) {
    std::lock_guard<std::mutex> lock(m_);
    done_ = done;
    total_ = total;
    what_ = what;
}

void SharedProgress::read(long long& done, long long& total, std::string& what) const {
    std::lock_guard<std::mutex> lock(m_);
    done = done_;
    total = total_;
    what = what_;
}

namespace {

// One running job: its thread, its progress, and the dialog shown while it runs.
struct Job {
    wxString title;
    wxWindow* parent = nullptr;
    SharedProgress progress;
    std::thread thread;
    std::atomic<bool> finished{false};
    JobOutcome outcome;
    std::function<void(const JobOutcome&)> done;
    std::unique_ptr<wxProgressDialog> dialog;
    std::unique_ptr<wxTimer> timer;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    bool delivered = false;
};

std::vector<std::shared_ptr<Job>>& jobs() {
    static std::vector<std::shared_ptr<Job>> list;
    return list;
}

void deliver(const std::shared_ptr<Job>& job) {
    if (job->delivered) return;
    job->delivered = true;
    if (job->thread.joinable()) job->thread.join();
    if (job->timer) job->timer->Stop();
    job->timer.reset();
    job->dialog.reset();
    auto& list = jobs();
    for (auto it = list.begin(); it != list.end(); ++it)
        if (*it == job) {
            list.erase(it);
            break;
        }
    job->outcome.cancelled = job->progress.cancelled();
    if (job->done) job->done(job->outcome);
}

void tick(const std::shared_ptr<Job>& job) {
    if (job->delivered || job->finished) return;
    using namespace std::chrono;
    if (!job->dialog) {
        if (steady_clock::now() - job->started < milliseconds(400)) return;
        job->dialog = std::make_unique<wxProgressDialog>(
            job->title, _("Starting\u2026"), 1000, job->parent,
            wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_SMOOTH);
        job->dialog->SetName(job->title);
    }
    long long done = 0, total = 0;
    std::string what;
    job->progress.read(done, total, what);
    wxString text = what.empty() ? _("Working\u2026") : wxs(what);
    bool go_on = true;
    if (total > 0)
        go_on = job->dialog->Update(static_cast<int>(std::min<long long>(999, done * 1000 / total)), text);
    else
        go_on = job->dialog->Pulse(text);
    if (!go_on) {
        job->progress.cancel();
        job->dialog->Update(job->dialog->GetValue(), _("Stopping\u2026"));
    }
}

}  // namespace

void run_in_background(wxWindow* parent, const wxString& title, std::function<void(Progress&)> work,
                       std::function<void(const JobOutcome&)> done) {
    auto job = std::make_shared<Job>();
    job->title = title;
    job->parent = parent;
    job->done = std::move(done);
    jobs().push_back(job);
    job->timer = std::make_unique<wxTimer>();
    job->timer->Bind(wxEVT_TIMER, [job](wxTimerEvent&) { tick(job); });
    job->timer->Start(100);
    job->thread = std::thread([job, work = std::move(work)]() {
        try {
            work(job->progress);
        } catch (...) {
            job->outcome.error = std::current_exception();
        }
        job->finished = true;
        // Back on the main thread: join, close the dialog, report.
        wxTheApp->CallAfter([job]() { deliver(job); });
    });
}

int jobs_running() { return static_cast<int>(jobs().size()); }

void cancel_and_wait_for_jobs() {
    auto list = jobs();
    for (auto& j : list) j->progress.cancel();
    for (auto& j : list) deliver(j);
}

}  // namespace ys::gui
