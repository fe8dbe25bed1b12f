// Internal: the width text takes in a terminal, for aligning columns that may hold names in any
// script (fmt pads by bytes here, so "Россия–США" took 19 columns' worth of padding for 10).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stratstab::report {

/// Columns `text` (UTF-8) takes: one per code point, two for East Asian wide and fullwidth ones
/// (Unicode's UAX #11 W and F blocks, by block rather than code point), none for combining marks
/// (U+0300–U+036F). Bytes that are not valid UTF-8 count one column each.
std::size_t display_width(std::string_view text);

/// `text` right-aligned in `width` display columns (unchanged when it is wider).
std::string pad_left(std::string_view text, std::size_t width);
/// `text` left-aligned in `width` display columns (unchanged when it is wider).
std::string pad_right(std::string_view text, std::size_t width);

}  // namespace stratstab::report
