#include "console.hpp"

#include <iostream>

namespace stratstab::app {
namespace {

const Console& standard_console() {
  static const Console kStandard{&std::cout, &std::cerr, {}};
  return kStandard;
}

thread_local const Console* current = nullptr;

}  // namespace

const Console& console() {
  return current != nullptr ? *current : standard_console();
}

ConsoleScope::ConsoleScope(const Console& console) : previous_(current) {
  current = &console;
}

ConsoleScope::~ConsoleScope() {
  current = previous_;
}

}  // namespace stratstab::app
