#pragma once
// SHA-256 (FIPS 180-4) and the content hash that names definitions in bundles.
#include <string>

#include <nlohmann/json.hpp>

namespace ys {

// The SHA-256 digest of data as 64 lower-case hex digits.
std::string sha256_hex(const std::string& data);

// "sha256:" + sha256_hex(doc.dump()). nlohmann keeps object keys sorted and dump() writes
// no spaces, so the text hashed is canonical: the same as Python's
// json.dumps(obj, sort_keys=True, separators=(',', ':'), ensure_ascii=False) encoded as
// UTF-8, except for floats from 1e15 up to 1e16 (nlohmann writes 1e+15, Python
// 1000000000000000.0) and integers outside the 64-bit range (nlohmann keeps them as floats).
std::string content_hash(const nlohmann::json& doc);

}  // namespace ys
