// gzip (RFC 1952) compression of response bodies with zlib. Thread-safety: reentrant.
#pragma once

#include <string>
#include <string_view>

#include "tianping/common/status.h"

namespace tianping::service {

std::string GzipCompress(std::string_view data, int level = 6);
// For tests and clients: inflates a gzip stream. Errors: Corruption.
Result<std::string> GzipDecompress(std::string_view data);

}  // namespace tianping::service
