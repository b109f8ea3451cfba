#pragma once
// The 33 fictional boroughs make_regional_csv writes answers for, added before their answers
// arrive, as in real use.
#include <cstdio>

#include "database.h"
#include "organisations.h"

namespace bench {

// With `in_a_region`, they sit under a region of their own ("region"), as a LOTI-style
// benchmark compares them; otherwise at the top.
inline void add_boroughs(ys::store::Connection& c, bool in_a_region) {
    if (in_a_region) ys::store::add_organisation(c, {"region", "Region (fictional)", "region", "", "", ""});
    for (int i = 1; i <= 33; ++i) {
        char id[32], name[64];
        std::snprintf(id, sizeof id, "borough-%02d", i);
        std::snprintf(name, sizeof name, "Borough %02d (fictional)", i);
        ys::store::add_organisation(c, {id, name, "london-borough", "London", "", in_a_region ? "region" : ""});
    }
}

}  // namespace bench
