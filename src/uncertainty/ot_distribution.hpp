// Internal: an uncertain input's distribution as an OpenTURNS object (distribution.cpp), for the
// files of this stage that draw from it.
#pragma once

#include <openturns/Distribution.hxx>

#include "stratstab/uncertainty.hpp"

namespace stratstab {

OT::Distribution ot_distribution(const UncertainInput& input);

}  // namespace stratstab
