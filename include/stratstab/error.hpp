// Errors raised by the stratstab library. The library never exits the process: it throws one of
// these, and only the command-line tool (or a future server / Python layer) turns them into
// messages and exit codes.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace stratstab {

/// Where in an input file a problem was found. Line and column are 1-based; 0 means "unknown"
/// (for instance a problem with the file as a whole).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key_path;  ///< dotted path of the offending key, e.g. `systems[3].cep_m`
};

enum class Severity { kError, kWarning };

/// One located problem with an input: where, and what was expected instead.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string message;
};

/// An error about one key where no line is known (validated structs, command-line options).
Diagnostic key_error(std::string key_path, std::string message, std::string file = {});

/// `file:line:column: error: key.path: message` (parts that are unknown are left out).
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Root of every error the library throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The input (a data file, scenario or option value) is invalid. Carries every problem found, so
/// a user can fix them all in one pass.
class InputError : public Error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// The caller asked for something that does not exist (an unknown snapshot id, say).
class NotFoundError : public Error {
 public:
  using Error::Error;
};

}  // namespace stratstab
