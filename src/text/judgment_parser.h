// The judgment parser's entry point and its JSON form live in judgment_parser.cc; the pieces it calls are
// declared in judgment_parts.h. Public API: include/tianping/text/judgment.h.
#pragma once

#include "tianping/text/judgment.h"

namespace tianping::text {

// Operative items: 一、… 二、… (or 1. 2.) split into separate strings; one item when unnumbered.
std::vector<std::string> SplitOperativeItems(std::string_view operative);

}  // namespace tianping::text
