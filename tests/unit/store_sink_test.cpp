// The store sink's pieces: one column type per axis, a grid point as the row `--csv` prints, and skip()
// from the bitmap of stored points.
#include <gtest/gtest.h>

#include "stratstab/store_sink.hpp"

namespace stratstab {
namespace {

std::vector<StoredValue> typed(std::vector<std::string> values) {
  return stored_axis_values(GridAxis{"k", std::move(values)});
}

TEST(StoreSinkTest, AnAxisIsIntegerRealOrTextAsAWhole) {
  EXPECT_EQ(typed({"-3", "0", "500"}),
            (std::vector<StoredValue>{std::int64_t{-3}, std::int64_t{0}, std::int64_t{500}}));
  // A range from 0 in steps of 0.25 writes "0" first: the column is REAL throughout, 0 included.
  EXPECT_EQ(typed({"0", "0.25", "1e3"}), (std::vector<StoredValue>{0.0, 0.25, 1000.0}));
  EXPECT_EQ(typed({"1", "generated"}), (std::vector<StoredValue>{std::string("1"), std::string("generated")}));
  EXPECT_EQ(typed({"true", "false"}), (std::vector<StoredValue>{std::string("true"), std::string("false")}));
  EXPECT_EQ(typed({"1", ""}), (std::vector<StoredValue>{std::string("1"), std::string("")}));
  // 2^63 does not fit INTEGER: the axis is REAL.
  EXPECT_EQ(typed({"1", "9223372036854775808"}), (std::vector<StoredValue>{1.0, 9223372036854775808.0}));
}

TEST(StoreSinkTest, OutputColumnsAndValuesFollowTheCsvRow) {
  EXPECT_EQ(grid_output_columns({"US", "RU"}),
            (std::vector<std::string>{"index", "US.c1", "US.c2", "US.ratio", "RU.c1", "RU.c2", "RU.ratio",
                                      "US->RU.s_star", "US->RU.victim_surviving", "US->RU.retaliation_arriving",
                                      "RU->US.s_star", "RU->US.victim_surviving", "RU->US.retaliation_arriving"}));
  GridPoint point;
  point.index = 7;
  point.at = {1, 0};
  point.result.index = 0.25;
  point.result.sides[0].stability.c1 = 1;
  point.result.sides[0].stability.c2 = 2;
  point.result.sides[0].stability.ratio = 3;
  point.result.sides[1].stability.c1 = 4;
  point.result.sides[1].stability.c2 = 5;
  point.result.sides[1].stability.ratio = 6;
  point.result.exchanges[0].counterforce_spent = 7;
  point.result.exchanges[0].victim_surviving = 7.5;
  point.result.exchanges[0].retaliation_arriving = 8;
  point.result.exchanges[1].counterforce_spent = 9;
  point.result.exchanges[1].victim_surviving = 9.5;
  point.result.exchanges[1].retaliation_arriving = 10;
  const std::vector<std::vector<StoredValue>> axes = {typed({"100", "200"}), typed({"generated", "day_to_day"})};
  const StoredPoint row = stored_grid_point(axes, point);
  EXPECT_EQ(row.index, 7U);
  EXPECT_EQ(row.inputs, (std::vector<StoredValue>{std::int64_t{200}, std::string("generated")}));
  EXPECT_EQ(row.outputs, (std::vector<double>{0.25, 1, 2, 3, 4, 5, 6, 7, 7.5, 8, 9, 9.5, 10}));
}

}  // namespace
}  // namespace stratstab
