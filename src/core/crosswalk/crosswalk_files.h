#pragma once
// Crosswalk files: read one, find one by name among the libraries (DIR/frameworks/crosswalks),
// and check one against the catalogue's framework and questionnaires.
#include <optional>
#include <string>
#include <vector>

#include "catalogue.h"
#include "crosswalk.h"
#include "diagnostics.h"

namespace ys {

// Every problem goes to diags (named by the file); nullopt when the file is unreadable or invalid.
std::optional<Crosswalk> read_crosswalk_file(const std::string& path, Diagnostics& diags);

// NAME is a file (it has a folder or ends in .json) or the id of a crosswalk, or of the
// framework it maps to ("cddo"), in DIR/frameworks/crosswalks of each library in order.
// Empty, with `error` set, when none is found.
std::string find_crosswalk(const std::string& name, const std::vector<std::string>& library_dirs, std::string& error);

// The names `find_crosswalk` accepts in these libraries: "cddo (cddo-dma-2023)", ...
std::vector<std::string> crosswalk_names(const std::vector<std::string>& library_dirs);

// Checks against the newest framework of the catalogue the crosswalk maps and the newest
// version of each questionnaire it names; a missing one is an error.
bool check_crosswalk_in(const Crosswalk& cw, const Catalogue& catalogue, Diagnostics& diags);

}  // namespace ys
