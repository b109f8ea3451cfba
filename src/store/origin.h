#pragma once
// The database's origin: a random 128-bit id (32 lower-case hex digits) made once, when the
// database is created or upgraded to schema version 3. Organisations and rounds made here
// have this origin; those a bundle brought keep the origin of the database that made them,
// so that two councils' organisations with the same short id are never taken for one.
#include <string>

#include "sqlite_handle.h"

namespace ys::store {

std::string database_origin(Connection& c);

}  // namespace ys::store
