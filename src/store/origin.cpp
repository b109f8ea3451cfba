#include "origin.h"

namespace ys::store {

std::string database_origin(Connection& c) {
    Statement s = c.prepare("SELECT origin FROM database_origin WHERE one = 1");
    if (!s.step()) throw StoreError(StoreError::Kind::Corrupt, c.path() + ": the database has lost its origin id; run db check");
    return s.text(0);
}

}  // namespace ys::store
