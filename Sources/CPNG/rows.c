// Errorest's own deflate encoder for scanlines (filter type None). At each position it compares
// eight bytes at once with the previous pixel, the row above, the row above a pixel to either
// side, and the last one or two positions of the same four bytes (a hash table), without
// branches; only a match of eight bytes or more is extended. Greedy (efforts 1 and 2), or with
// a one-step lazy check (3). Plain C, no CPU dispatch: the same bytes on every CPU.

#include "blocks.h"
#include "cpng.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Tokens per block: a block's Huffman codes follow the frequencies of its part of the image.
#define CPNG_BLOCK_TOKENS 16384
/// The hash table's size: 2^14 buckets of the last positions seen with the same four bytes.
#define CPNG_HASH_BITS 14
/// Matches shorter than this are checked against a longer one at the next position (lazy).
#define CPNG_LAZY_BELOW 32
/// The candidates per position: four at fixed distances, two from the hash table.
#define CPNG_CANDIDATES 6

/// The encoder's working memory.
struct cpng_row_work {
    uint32_t tokens[CPNG_BLOCK_TOKENS];
    uint32_t head[2u << CPNG_HASH_BITS];  ///< per bucket, the last positions seen (0 at first)
    cpng_frequencies frequencies;
};

size_t cpng_row_work_size(void) { return sizeof(struct cpng_row_work); }

size_t cpng_row_deflate_bound(size_t count) {
    // Stored blocks at worst: 5 bytes of header per 65,535 bytes, per block of tokens; the zlib
    // header and trailer; and 16 bytes the block writer may write ahead (blocks.c).
    return count + 5 * (count / 65535 + count / CPNG_BLOCK_TOKENS + 2) + 6 + 8 + 16;
}

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
static cpng_match cpng_extend(const uint8_t *here, const uint32_t *distances,
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

/// The match at `i` (fast_start <= i < fast_end): the longest, the nearest candidate on ties
/// (beyond 24 bytes, see cpng_extend), and `i` recorded in the hash table (`ways` positions a
/// bucket). No branch but for matches of eight bytes or more.
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
        int valid = distance - 1 < 32768;
        // A position beyond the window is not read (a likely cache miss): the previous
        // pixel's bytes stand in, and the length counts as 0.
        const uint8_t *there = valid ? here - distance : here - r->near[0];
        uint32_t length = cpng_equal_bytes(x, cpng_load64(there));
        length = valid ? length : 0;
        equal[4 + k] = length;
        distances[4 + k] = valid ? distance : 0;
        if (length > m.length) m = (cpng_match){length, distance};
    }
    if (ways > 1) bucket[1] = bucket[0];
    bucket[0] = (uint32_t)i;
    if (m.length == 8) m = cpng_extend(here, distances, equal);
    if (m.length < 3) m.length = 0;
    return m;
}

/// The same search where eight bytes past a match, or the fixed distances, may not be there.
static cpng_match cpng_search_edge(const cpng_rows *r, size_t i, int ways) {
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
/// distance - 1 below 256 and, from 256 up, of each 128 distances.
static uint8_t cpng_length_symbols[259];
static uint8_t cpng_distance_small[256];
static uint8_t cpng_distance_large[256];
static pthread_once_t cpng_tables_once = PTHREAD_ONCE_INIT;

static void cpng_make_tables(void) {
    uint32_t extra;
    int extra_bits;
    for (uint32_t l = 3; l <= 258; l++) {
        cpng_length_symbols[l] = (uint8_t)(cpng_length_symbol(l, &extra, &extra_bits) - 256);
    }
    for (uint32_t d = 0; d < 256; d++) {
        cpng_distance_small[d] = (uint8_t)cpng_distance_symbol(d + 1, &extra, &extra_bits);
        cpng_distance_large[d] = (uint8_t)cpng_distance_symbol((d << 7) + 1, &extra, &extra_bits);
    }
}

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
        is_match ? (CPNG_MATCH | distance_symbol << 24 | (length - 3) << 16 | d) : literal;
    return length;
}

size_t cpng_row_deflate(const uint8_t *lines, size_t count, size_t line, size_t pixel,
                        int effort, void *work, uint8_t *out, size_t capacity) {
    struct cpng_row_work *state = (struct cpng_row_work *)work;
    if (lines == NULL || state == NULL || out == NULL || capacity < 6 || pixel < 1 ||
        pixel > 8 || line <= pixel) {
        return 0;
    }
    (void)pthread_once(&cpng_tables_once, cpng_make_tables);
    cpng_bit_writer w = {out, 0, capacity, 0, 0, 0};
    cpng_put_bits(&w, 0x78 | 0x01 << 8, 16);  // zlib: deflate, 32 KiB window, fastest
    int ways = effort >= 2 ? 2 : 1;
    int lazy = effort >= 3;
    // Beyond the window the row above is out of reach: the previous pixel stands in for it.
    uint32_t p = (uint32_t)pixel;
    uint32_t above = line <= 32768 ? (uint32_t)line : p;
    uint32_t on = line + pixel <= 32768 ? (uint32_t)(line + pixel) : above;
    uint32_t back = line <= 32768 ? (uint32_t)(line - pixel) : p;
    cpng_rows r = {lines, count, {p, above, back, on}, on, count > 266 ? count - 266 : 0,
                   state->head};
    memset(state->head, 0, sizeof(uint32_t) * ((size_t)ways << CPNG_HASH_BITS));
    memset(&state->frequencies, 0, sizeof state->frequencies);
    uint32_t *litlen = state->frequencies.litlen;
    uint32_t *distances = state->frequencies.distance;
    size_t i = 0, start = 0, n = 0;
    cpng_match next = {0, 0};
    size_t next_at = SIZE_MAX;  // where `next` was found
    while (i < count) {
        if (!lazy && i >= r.fast_start && i < r.fast_end) {
            // Greedy: at most one token a byte, so the block has room up to `stop`.
            size_t stop = r.fast_end - i < CPNG_BLOCK_TOKENS - n ? r.fast_end
                                                                  : i + CPNG_BLOCK_TOKENS - n;
            if (ways > 1) {
                while (i < stop) {
                    i += cpng_emit(lines, i, cpng_search(&r, i, 2), state->tokens, &n, litlen,
                                   distances);
                }
            } else {
                while (i < stop) {
                    i += cpng_emit(lines, i, cpng_search(&r, i, 1), state->tokens, &n, litlen,
                                   distances);
                }
            }
        } else {
            cpng_match m = next_at == i ? next : cpng_find(&r, i, ways);
            if (lazy && m.length != 0 && m.length < CPNG_LAZY_BELOW && i + 1 < count) {
                next = cpng_find(&r, i + 1, ways);
                next_at = i + 1;
                if (next.length > m.length + 1) m.length = 0;  // a literal, the longer match next
            }
            i += cpng_emit(lines, i, m, state->tokens, &n, litlen, distances);
        }
        if (n == CPNG_BLOCK_TOKENS || i >= count) {
            cpng_write_block(&w, state->tokens, n, &state->frequencies, lines + start, i - start,
                             i >= count);
            memset(&state->frequencies, 0, sizeof state->frequencies);
            start = i;
            n = 0;
        }
    }
    if (count == 0) cpng_write_block(&w, state->tokens, 0, &state->frequencies, lines, 0, 1);
    cpng_flush_bits(&w);
    uint32_t adler = libdeflate_adler32(1, lines, count);
    for (int shift = 24; shift >= 0; shift -= 8) {
        if (w.count < w.capacity) {
            out[w.count++] = (uint8_t)(adler >> shift);
        } else {
            w.overflow = 1;
        }
    }
    return w.overflow ? 0 : w.count;
}
