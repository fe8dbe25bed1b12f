// Exit codes of the stratstab command (documented in docs/usersguide.md).
#pragma once

namespace stratstab::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;  ///< ran, but a check found problems (e.g. unsourced figures)
inline constexpr int kExitUsage = 2;        ///< bad command line
inline constexpr int kExitInput = 3;        ///< invalid or missing input file / data / id
inline constexpr int kExitInternal = 4;     ///< a bug: please report it

}  // namespace stratstab::app
