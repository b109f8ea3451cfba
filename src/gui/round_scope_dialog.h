#pragma once
// A round's scope in the app, as `yardstick-cli round scope` sets it: the framework's
// dimensions as a checklist, ticked when in scope (a district council unticks children's
// services). Unticking a dimension unticks those under it; ticking one ticks those above.
// The change is one undoable command; a closed round's scope is shown but cannot change.
#include <optional>
#include <string>
#include <vector>

#include <wx/cmdproc.h>

#include "framework.h"

class wxWindow;

namespace ys::gui {

class Host;

// What to exclude and to take back into scope (dimension ids), for store::set_round_scope.
struct ScopeChange {
    std::vector<std::string> exclude, include;
};

// The change the ticks make from `excluded` (the round's stored exclusions): each unticked
// dimension whose parent is ticked is excluded; each stored exclusion now ticked is included.
// `in_scope` has one flag per framework dimension.
ScopeChange scope_change(const Framework& fw, const std::vector<std::string>& excluded, const std::vector<char>& in_scope);

// Asks for the scope of `round` and applies it as a command; false when nothing changed.
bool edit_round_scope(wxWindow* parent, Host& host, const std::string& round);

class SetRoundScopeCommand : public wxCommand {
public:
    SetRoundScopeCommand(Host& host, std::string round, ScopeChange change);
    bool Do() override;
    bool Undo() override;

private:
    Host& host_;
    std::string round_;
    ScopeChange change_;
    std::optional<std::vector<std::string>> before_;
};

}  // namespace ys::gui
