// yardstick: the desktop application. Everything it does lives in yardstick_gui_lib.
#include "app.h"

wxIMPLEMENT_APP(ys::gui::App);
