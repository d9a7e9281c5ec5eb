#include "data_scope.h"

#include <gtest/gtest.h>

namespace tianping::service {
namespace {

using Set = std::set<std::string>;

TEST(DataScopeTest, HiddenCellsNeverLeaveOneCellToSubtraction) {
  DataScope s;
  s.min_cell = 10;
  EXPECT_EQ(s.HiddenCells({{"a", 5}, {"b", 30}, {"c", 12}}), (Set{"a", "c"}));  // a alone would follow
  EXPECT_EQ(s.HiddenCells({{"a", 5}, {"b", 3}, {"c", 40}}), (Set{"a", "b"}));  // two small: enough
  EXPECT_EQ(s.HiddenCells({{"a", 50}, {"b", 30}, {"c", 0}}), Set{});          // nothing small; 0 shown
  EXPECT_EQ(s.HiddenCells({{"a", 5}, {"b", 0}}), Set{"a"});                    // no other non-empty cell
  EXPECT_EQ(s.HiddenCells({{"a", 9}, {"b", 10}, {"c", 10}}), (Set{"a", "b"})); // ties: the first smallest
  s.min_cell = 0;  // roles without suppression
  EXPECT_EQ(s.HiddenCells({{"a", 1}, {"b", 2}}), Set{});
}

}  // namespace
}  // namespace tianping::service
