#pragma once
// The row encoder's search (rows.c, pixels.c): eight bytes compared at once, without branches,
// with the candidates at fixed distances (the previous pixel, the row above, the row above a
// pixel to either side) and from a hash table of the last positions of the same four bytes;
// and the tokens it finds, stored and counted. Private to CPNG.

#include "blocks.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// Tokens per block: a block's Huffman codes follow the frequencies of its part of the image.
#define CPNG_BLOCK_TOKENS 16384
/// The hash table's size: 2^14 buckets of the last positions seen with the same four bytes.
#define CPNG_HASH_BITS 14
/// The candidates per position: four at fixed distances, two from the hash table.
#define CPNG_CANDIDATES 6

/// The encoder's working memory: a block's tokens (and room for the few more one step may
/// add), the hash table, the block's frequencies.
struct cpng_row_work {
    uint32_t tokens[CPNG_BLOCK_TOKENS + 8];
    uint32_t head[2u << CPNG_HASH_BITS];  ///< per bucket, the last positions seen (0 at first)
    cpng_frequencies frequencies;
};

/// Eight bytes at `p` as a little-endian word (one load on x86-64).
static inline uint64_t cpng_load64(const uint8_t *p) {
    uint64_t x;
    memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/// How many bytes from `a` equal those from `b`, at most `limit`: eight at a time.
static inline size_t cpng_match_length(const uint8_t *a, const uint8_t *b, size_t limit) {
    size_t n = 0;
    while (n + 8 <= limit) {
        uint64_t difference = cpng_load64(a + n) ^ cpng_load64(b + n);
        if (difference != 0) return n + (size_t)(__builtin_ctzll(difference) / 8);
        n += 8;
    }
    while (n < limit && a[n] == b[n]) n++;
    return n;
}

/// How many of the eight bytes of two words are equal from the first: 0 to 8.
static inline uint32_t cpng_equal_bytes(uint64_t x, uint64_t y) {
    uint64_t difference = x ^ y;
    return difference != 0 ? (uint32_t)__builtin_ctzll(difference) >> 3 : 8;
}

/// A match: its length (0 for none) and distance.
typedef struct {
    uint32_t length;
    uint32_t distance;
} cpng_match;

/// The rows being encoded, the fixed distances tried and where all of them can be read.
typedef struct {
    const uint8_t *in;
    size_t count;
    uint32_t near[4];   ///< the previous pixel, the row above, and above a pixel back and on
    size_t fast_start;  ///< from here every fixed distance is within the rows read so far
    size_t fast_end;    ///< up to here a match of 258 bytes, and eight bytes past, can be read
    uint32_t *head;
} cpng_rows;

/// The bucket of the hash table for the four bytes in the low half of `x`.
static inline uint32_t cpng_bucket(uint64_t x) {
    return ((uint32_t)x * 2654435761u) >> (32 - CPNG_HASH_BITS);
}

/// The match at `here` among the candidates whose first eight bytes all match (`distances[k]`
/// with `equal[k]` == 8): bytes 8 to 23 of every candidate are compared at once, without
/// branches, for the longest match up to 24 bytes (the nearest on ties), and a match of 24
/// bytes is extended from there, eight bytes at a time, with that nearest candidate alone. Most
/// matches end within 24 bytes, where a branch per candidate is what a processor guesses wrong;
/// beyond, the nearest candidate is nearly always the longest (flat areas and rows that repeat).
static inline cpng_match cpng_extend(const uint8_t *here, const uint32_t *distances,
                                     const uint32_t *equal) {
    uint64_t x1 = cpng_load64(here + 8), x2 = cpng_load64(here + 16);
    cpng_match best = {0, 0};
    for (int k = 0; k < CPNG_CANDIDATES; k++) {
        const uint8_t *there = here - distances[k];  // `here` itself where there is none
        uint32_t a = cpng_equal_bytes(x1, cpng_load64(there + 8));
        uint32_t b = cpng_equal_bytes(x2, cpng_load64(there + 16));
        uint32_t length = equal[k] == 8 ? 8 + a + (a == 8 ? b : 0) : 0;
        if (length > best.length) best = (cpng_match){length, distances[k]};
    }
    if (best.length == 24) {
        best.length += (uint32_t)cpng_match_length(here + 24, here - best.distance + 24, 234);
    }
    return best;
}

/// How many of the first eight bytes at `here` (`x`) the hash table's candidate `distance`
/// back matches: 0 beyond the window, where the position is not read (a likely cache miss) and
/// the previous pixel's bytes stand in.
static inline __attribute__((always_inline)) uint32_t cpng_hash_equal(const cpng_rows *r,
                                                                       const uint8_t *here,
                                                                       uint64_t x,
                                                                       uint32_t distance) {
    int valid = distance - 1 < 32768;
    const uint8_t *there = valid ? here - distance : here - r->near[0];
    return valid ? cpng_equal_bytes(x, cpng_load64(there)) : 0;
}

/// The match at `i` (fast_start <= i < fast_end): the longest, the nearest candidate on ties
/// (beyond eight bytes, see cpng_extend), and `i` recorded in the hash table (`ways` positions
/// a bucket). No branch but for matches of eight bytes or more.
static inline __attribute__((always_inline)) cpng_match cpng_search(const cpng_rows *r, size_t i,
                                                                    int ways) {
    const uint8_t *here = r->in + i;
    uint64_t x = cpng_load64(here);
    uint32_t *bucket = r->head + (size_t)ways * cpng_bucket(x);
    uint32_t distances[CPNG_CANDIDATES] = {r->near[0], r->near[1], r->near[2], r->near[3], 0, 0};
    uint32_t equal[CPNG_CANDIDATES] = {0, 0, 0, 0, 0, 0};
    cpng_match m = {0, 0};
    for (int k = 0; k < 4; k++) {
        equal[k] = cpng_equal_bytes(x, cpng_load64(here - r->near[k]));
        if (equal[k] > m.length) m = (cpng_match){equal[k], r->near[k]};
    }
    for (int k = 0; k < ways; k++) {
        uint32_t distance = (uint32_t)i - bucket[k];
        uint32_t length = cpng_hash_equal(r, here, x, distance);
        equal[4 + k] = length;
        distances[4 + k] = length > 0 ? distance : 0;
        if (length > m.length) m = (cpng_match){length, distance};
    }
    if (ways > 1) bucket[1] = bucket[0];
    bucket[0] = (uint32_t)i;
    if (m.length == 8) m = cpng_extend(here, distances, equal);
    if (m.length < 3) m.length = 0;
    return m;
}

/// The match at `i` (fast_start <= i < fast_end) for efforts 1 and 2: the first candidate, in
/// the order of cpng_search's (the previous pixel, the row above, above a pixel back and on,
/// the hash table's), whose first eight bytes match, extended eight bytes at a time up to 258;
/// where none does, the longest shorter match (the first on ties). One candidate is compared
/// on, where cpng_extend compares every one to 24 bytes: 7% less time on the lesson's frames,
/// for files 3% larger. Where a fixed distance matches eight bytes, the hash table's candidates
/// are not read at all (a seventh less time, the same bytes), only `i` recorded.
static inline __attribute__((always_inline)) cpng_match cpng_search_nearest(const cpng_rows *r,
                                                                            size_t i, int ways) {
    const uint8_t *here = r->in + i;
    uint64_t x = cpng_load64(here);
    uint32_t *bucket = r->head + (size_t)ways * cpng_bucket(x);
    uint32_t old[2] = {bucket[0], ways > 1 ? bucket[1] : 0};
    if (ways > 1) bucket[1] = bucket[0];
    bucket[0] = (uint32_t)i;
    cpng_match m = {0, 0};
    uint32_t nearest = 0;  // the distance of the first candidate whose eight bytes match
    for (int k = 3; k >= 0; k--) {
        uint32_t length = cpng_equal_bytes(x, cpng_load64(here - r->near[k]));
        nearest = length == 8 ? r->near[k] : nearest;
        m = length >= m.length ? (cpng_match){length, r->near[k]} : m;
    }
    if (nearest == 0) {
        for (int k = 0; k < ways; k++) {
            uint32_t distance = (uint32_t)i - old[k];
            uint32_t length = cpng_hash_equal(r, here, x, distance);
            nearest = nearest == 0 && length == 8 ? distance : nearest;
            m = length > m.length ? (cpng_match){length, distance} : m;
        }
    }
    if (nearest != 0) {
        return (cpng_match){8 + (uint32_t)cpng_match_length(here + 8, here - nearest + 8, 250),
                            nearest};
    }
    if (m.length < 3) m.length = 0;
    return m;
}

/// The same search where eight bytes past a match, or the fixed distances, may not be there.
static inline cpng_match cpng_search_edge(const cpng_rows *r, size_t i, int ways) {
    cpng_match m = {0, 0};
    size_t limit = r->count - i < 258 ? r->count - i : 258;
    if (limit < 3) return m;
    const uint8_t *here = r->in + i;
    uint32_t distances[CPNG_CANDIDATES] = {r->near[0], r->near[1], r->near[2], r->near[3], 0, 0};
    if (limit >= 4) {
        uint32_t word = (uint32_t)here[0] | (uint32_t)here[1] << 8 | (uint32_t)here[2] << 16 |
                        (uint32_t)here[3] << 24;
        uint32_t *bucket = r->head + (size_t)ways * cpng_bucket(word);
        for (int k = 0; k < ways; k++) distances[4 + k] = (uint32_t)i - bucket[k];
        if (ways > 1) bucket[1] = bucket[0];
        bucket[0] = (uint32_t)i;
    }
    for (int k = 0; k < CPNG_CANDIDATES; k++) {
        uint32_t distance = distances[k];
        if (distance == 0 || distance > i || distance > 32768) continue;
        size_t length = cpng_match_length(here, here - distance, limit);
        if (length >= 3 && length > m.length) m = (cpng_match){(uint32_t)length, distance};
    }
    return m;
}

/// The match at `i`, through the fast search where it can read what it needs.
static inline __attribute__((always_inline)) cpng_match cpng_find(const cpng_rows *r, size_t i,
                                                                  int ways) {
    if (i >= r->fast_start && i < r->fast_end) {
        return ways > 1 ? cpng_search(r, i, 2) : cpng_search(r, i, 1);
    }
    return cpng_search_edge(r, i, ways);
}

/// The literal/length symbol of each match length (3...258) and the distance symbol of each
/// distance - 1 below 256 and, from 256 up, of each 128 distances (filled by
/// cpng_make_tables, once).
extern uint8_t cpng_length_symbols[259];
extern uint8_t cpng_distance_small[256];
extern uint8_t cpng_distance_large[256];
void cpng_make_tables(void);

/// Appends the token for `m` at `i` (a literal if no match) and counts its symbols, without
/// branches; returns the bytes it covers.
static inline __attribute__((always_inline)) size_t cpng_emit(const uint8_t *lines, size_t i,
                                                              cpng_match m, uint32_t *tokens,
                                                              size_t *n, uint32_t *litlen,
                                                              uint32_t *distances) {
    uint32_t is_match = m.length != 0;
    uint32_t length = is_match ? m.length : 1;
    uint32_t literal = lines[i];
    uint32_t d = m.distance - 1;
    uint32_t distance_symbol = d < 256 ? cpng_distance_small[d & 255]
                                       : cpng_distance_large[(d >> 7) & 255];
    litlen[is_match ? 256u + cpng_length_symbols[length] : literal]++;
    distances[is_match ? distance_symbol : 30]++;  // 30: the count a literal leaves aside
    tokens[(*n)++] =
        is_match ? (CPNG_MATCH | distance_symbol << 24 | (length - 3) << 16 | d)
                 : CPNG_LITERALS(literal, CPNG_NO_LITERAL, CPNG_NO_LITERAL);
    return length;
}


/// Encodes the rows as blocks into `w`, searching only where a row or a pixel starts (efforts
/// 1 and 2: `ways` positions a bucket of the hash table); pixels.c.
void cpng_deflate_pixels(const cpng_rows *r, size_t line, size_t pixel, int ways,
                         struct cpng_row_work *state, cpng_bit_writer *w);
