// `tianping ingest --from URL` (docs/source-postgresql.md). Returns the process exit code.
#pragma once

#include <string>

#include "tianping/store/ingest.h"

namespace tianping::cli {

int IngestFrom(const std::string& url, const std::string& data_dir, const IngestOptions& ingest,
               int overlap_seconds, const std::string& format);

}  // namespace tianping::cli
