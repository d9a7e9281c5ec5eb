// Durable file operations for the store: whole-file reads, atomic replace (temp → fsync → rename →
// fsync dir), directory listing. Errors name the path. Thread-safety: functions are reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tianping/common/status.h"

namespace tianping::store {

Result<std::string> ReadWholeFile(const std::string& path);
// Writes `data` to path.tmp, fsyncs it, renames it over `path` and fsyncs the directory.
Status WriteFileAtomic(const std::string& path, std::string_view data);
// Writes a new file (must not exist) and fsyncs it; the caller fsyncs the directory.
Status WriteNewFile(const std::string& path, std::string_view data);
Status FsyncDir(const std::string& dir);
Status MakeDirs(const std::string& dir);
bool PathExists(const std::string& path);
// Names of entries in `dir` (not "." or ".."); empty when dir does not exist.
std::vector<std::string> ListDir(const std::string& dir);
Status RemoveAll(const std::string& path);

}  // namespace tianping::store
