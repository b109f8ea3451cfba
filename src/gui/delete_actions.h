#pragma once
// Deleting what the app can add: a round, a respondent, an organisation. Each asks first,
// naming what goes with it (answers, respondents, rounds, scenarios), then submits an
// undoable command (delete_commands.h); Edit > Undo puts it all back. Each returns whether
// the delete was done (false when cancelled or refused, with the reason shown).
#include <string>

#include <wx/string.h>

class wxMenu;
class wxWindow;

namespace ys::gui {

class Host;
class MainFrame;

bool delete_round(Host& host, wxWindow* parent, const std::string& round);
// Chooses one of the round's respondents, then asks before deleting them and their answers.
bool delete_respondent(Host& host, wxWindow* parent, const std::string& round);
bool delete_organisation(Host& host, wxWindow* parent, const std::string& id);

// The confirmation's words (tests check them): "Delete the round 2026 (Full assessment) of
// Eastmere with its 40 answers from 3 respondents?".
wxString round_delete_question(Host& host, const std::string& round);

// Edit > Delete round / Delete respondent and Organisation > Delete organisation / Peer
// groups: appended to the main window's menus and bound there.
void add_kept_work_menus(MainFrame& frame, wxMenu* edit, wxMenu* organisation);

}  // namespace ys::gui
