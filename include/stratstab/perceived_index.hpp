// The index as one side perceives it (docs/methods.md §13.1): the other side's loadings drawn
// within what its uploads and downloads could have changed since the last data exchange
// (perceived_force), everything else at its point value, so the band is the width of that
// side's ignorance alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "stratstab/scenario.hpp"
#include "stratstab/uncertainty.hpp"
#include "stratstab/verification.hpp"

namespace stratstab {

/// The band of the index over `samples` Latin hypercube draws from `seed` of side `side`'s
/// loadings, each triangular on [low, high] of `perceived` with the truth as its mode. `loaded`:
/// the scenario as read; its side `side` must use `perceived`'s snapshot.
OutputBand perceived_index_band(const Scenario& loaded, std::size_t side, const PerceivedForce& perceived,
                                std::size_t samples, std::uint64_t seed, unsigned threads);

/// `verify --knowledge`: what the other party knows of a force on a date, with the data it last
/// had, against what the regime's data exchanges would let it know; and the index as it would
/// perceive it in each case beside the true one.
struct Knowledge {
  std::string scenario;
  std::string observed_side;  ///< the scenario side whose force is perceived
  std::string last_exchange;  ///< YYYY-MM-DD
  std::string last_exchange_note;
  std::string last_exchange_src;
  std::string as_of;            ///< YYYY-MM-DD
  PerceivedForce now;           ///< aged from the last exchange to as_of
  PerceivedForce under_regime;  ///< aged at most one exchange interval
  double true_index = 0;
  OutputBand perceived_now;
  OutputBand perceived_under_regime;
};

}  // namespace stratstab
