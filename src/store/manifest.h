// MANIFEST.json and CURRENT (de)serialisation and the store's directory layout.
// Persisted: see docs/store-format.md "Manifest" and "CURRENT"; do not rename keys.
#pragma once

#include <string>

#include "tianping/common/status.h"
#include "tianping/store/snapshot_info.h"

namespace tianping::store {

std::string SnapshotDirName(uint64_t id);  // "000042"
std::string ManifestPath(const std::string& dir, uint64_t id);
std::string CurrentPath(const std::string& dir);
// MANIFEST.crc32c beside each MANIFEST.json: its CRC32C as 8 hex digits and a newline.
std::string ManifestCrcPath(const std::string& dir, uint64_t id);
std::string EncodeManifestCrc(uint32_t crc);

std::string EncodeManifest(const SnapshotInfo& info);
// `where` names the file in errors.
Result<SnapshotInfo> DecodeManifest(const std::string& text, const std::string& where);

// CURRENT holds "<id> <crc32c of that snapshot's MANIFEST.json, 8 hex digits>\n".
std::string EncodeCurrent(uint64_t id, uint32_t manifest_crc);
struct CurrentPointer {
  uint64_t id = 0;
  uint32_t manifest_crc = 0;
};
// NotFound when DIR/CURRENT does not exist (an empty store); Corruption when malformed.
Result<CurrentPointer> ReadCurrent(const std::string& dir);
// Reads the manifest of snapshot `id` and checks it against MANIFEST.crc32c and, when `check_crc`,
// against `expected_crc` (from CURRENT).
Result<SnapshotInfo> ReadManifest(const std::string& dir, uint64_t id, bool check_crc, uint32_t expected_crc);

std::string NowUtcIso8601();

}  // namespace tianping::store
