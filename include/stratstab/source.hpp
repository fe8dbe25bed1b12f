// Bibliography entries that figures cite by id.
#pragma once

#include <map>
#include <string>

namespace stratstab {

struct Source {
  std::string id;  ///< lower-case [a-z0-9-], unique over all bibliography files in use
  std::string title;
  std::string author;     ///< optional
  std::string publisher;  ///< optional
  std::string date;       ///< YYYY, YYYY-MM or YYYY-MM-DD
  std::string url;        ///< optional
  std::string file;       ///< bibliography file it was read from
  int line = 0;
};

/// Sources by id.
using Bibliography = std::map<std::string, Source, std::less<>>;

}  // namespace stratstab
