#pragma once
// Runs a store or core operation and turns what it throws into a message that says what
// was being done and where: the GUI never lets a store error escape as a crash.
#include <exception>
#include <new>
#include <string>

#include "exit_codes.h"
#include "messages.h"
#include "sqlite_handle.h"
#include "wx_utf8.h"

namespace ys::gui {

template <class F>
bool guarded(wxWindow* parent, const std::string& db_path, const wxString& doing, F&& f) {
    try {
        f();
        return true;
    } catch (const store::StoreError& e) {
        show_message(parent, store_error_message(e, db_path, doing));
    } catch (const std::bad_alloc&) {
        show_error(parent, _("Out of memory"), doing, {}, exit_code::internal_error);
    } catch (const std::exception& e) {
        show_error(parent, _("Internal error"), doing,
                   wxs(e.what()) + wxS("\n") + _("This is a bug in Yardstick; please report it."), exit_code::internal_error);
    }
    return false;
}

}  // namespace ys::gui
