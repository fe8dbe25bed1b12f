#include "stratstab/error.hpp"

#include <fmt/format.h>

namespace stratstab {

Diagnostic key_error(std::string key_path, std::string message, std::string file) {
  Diagnostic d;
  d.where.file = std::move(file);
  d.where.key_path = std::move(key_path);
  d.message = std::move(message);
  return d;
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  const SourceLocation& at = diagnostic.where;
  std::string out = at.file;
  if (at.line > 0) out += fmt::format(":{}:{}", at.line, at.column);
  out += diagnostic.severity == Severity::kError ? ": error: " : ": warning: ";
  if (!at.key_path.empty()) out += fmt::format("{}: ", at.key_path);
  out += diagnostic.message;
  return out;
}

namespace {
std::string summarise(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "invalid input";
  std::string text = format_diagnostic(diagnostics.front());
  if (diagnostics.size() > 1) text += fmt::format(" (and {} more problems)", diagnostics.size() - 1);
  return text;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : Error(summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace stratstab
