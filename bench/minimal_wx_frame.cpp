// The floor for bench_gui_start: the smallest wxWidgets program that opens a frame and
// paints it. Prints the monotonic clock at its first paint and exits.
#include <cstdio>
#include <ctime>

#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/frame.h>
#include <wx/panel.h>

class MinimalApp : public wxApp {
public:
    bool OnInit() override {
        auto* frame = new wxFrame(nullptr, wxID_ANY, wxS("Minimal"), wxDefaultPosition, wxSize(1180, 760));
        auto* panel = new wxPanel(frame);
        panel->Bind(wxEVT_PAINT, [frame, panel](wxPaintEvent&) {
            wxPaintDC dc(panel);
            dc.DrawText(wxS("Hello"), 10, 10);
            static bool done = false;
            if (done) return;
            done = true;
            frame->CallAfter([frame] {
                timespec now{};
                clock_gettime(CLOCK_MONOTONIC, &now);
                std::printf("first-paint-monotonic-ns %lld\n", static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
                std::fflush(stdout);
                frame->Destroy();
            });
        });
        frame->Show();
        return true;
    }
};

wxIMPLEMENT_APP(MinimalApp);
