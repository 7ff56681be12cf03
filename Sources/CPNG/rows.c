// Errorest's own deflate encoder for scanlines (filter None): matches at the distance of the
// previous pixel and of the row above, then a one-entry hash table for other distances; greedy,
// or with a one-step lazy check. Plain C, no CPU dispatch: the same bytes on every CPU.

#include "blocks.h"
#include "cpng.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Tokens per block: a block's Huffman codes follow the frequencies of its part of the image.
#define CPNG_BLOCK_TOKENS 16384
/// Matches shorter than this are looked for in the hash table too.
#define CPNG_HASH_BELOW 16
/// The hash table's size: 2^15 buckets of the last positions seen with the same four bytes.
#define CPNG_HASH_BITS 15

/// The encoder's working memory.
struct cpng_row_work {
    uint32_t tokens[CPNG_BLOCK_TOKENS];
    uint32_t head[2u << CPNG_HASH_BITS];  ///< buckets of positions + 1, 0 where none
    cpng_frequencies frequencies;
};

size_t cpng_row_work_size(void) { return sizeof(struct cpng_row_work); }

size_t cpng_row_deflate_bound(size_t count) {
    // Stored blocks at worst: 5 bytes of header per 65,535 bytes, per block of tokens, and the
    // zlib header and trailer.
    return count + 5 * (count / 65535 + count / CPNG_BLOCK_TOKENS + 2) + 6 + 8;
}

/// How many bytes from `a` equal those from `b`, at most `limit`: eight at a time.
static inline size_t cpng_match_length(const uint8_t *a, const uint8_t *b, size_t limit) {
    size_t n = 0;
    while (n + 8 <= limit) {
        uint64_t x, y;
        memcpy(&x, a + n, 8);
        memcpy(&y, b + n, 8);
        uint64_t difference = x ^ y;
        if (difference != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            return n + (size_t)(__builtin_clzll(difference) / 8);
#else
            return n + (size_t)(__builtin_ctzll(difference) / 8);
#endif
        }
        n += 8;
    }
    while (n < limit && a[n] == b[n]) n++;
    return n;
}

/// The four bytes at `p` as a little-endian word (one load on x86-64; the same on any CPU).
static inline uint32_t cpng_word(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/// The rows being encoded and what is known of their shape.
typedef struct {
    const uint8_t *in;
    size_t count;
    size_t pixel;  ///< distance to the previous pixel
    size_t line;   ///< distance to the row above, 0 if beyond deflate's window
    uint32_t *head;
    int ways;      ///< positions kept per bucket of the hash table: 1 or 2
} cpng_rows;

/// The length of the match at `here` with `there` (0 unless its first three bytes, the low
/// three of `word`, match), at most `limit`.
static inline size_t cpng_match_at(const uint8_t *here, const uint8_t *there, uint32_t word,
                                   size_t limit) {
    if (((word ^ cpng_word(there)) & 0xFFFFFF) != 0) return 0;
    return 3 + cpng_match_length(here + 3, there + 3, limit - 3);
}

/// The longest match at `i` (0 if none of 3 bytes or more), its distance in `*distance`.
static inline __attribute__((always_inline)) size_t cpng_best_match(const cpng_rows *r, size_t i,
                                                                    size_t *distance) {
    size_t limit = r->count - i < 258 ? r->count - i : 258;
    if (limit < 4) return 0;  // the last three bytes go as literals
    const uint8_t *here = r->in + i;
    uint32_t word = cpng_word(here);
    size_t best = 0;
    if (i >= r->pixel) {
        best = cpng_match_at(here, here - r->pixel, word, limit);
        *distance = r->pixel;
    }
    if (r->line != 0 && i >= r->line && best < limit) {
        size_t length = cpng_match_at(here, here - r->line, word, limit);
        if (length > best) {
            best = length;
            *distance = r->line;
        }
    }
    if (best < CPNG_HASH_BELOW) {
        // The bucket of these four bytes: its last positions, newest first.
        uint32_t *bucket = r->head + r->ways * ((word * 2654435761u) >> (32 - CPNG_HASH_BITS));
        for (int k = 0; k < r->ways; k++) {
            size_t seen = bucket[k];
            if (seen == 0 || seen - 1 >= i || i - (seen - 1) > 32768) continue;
            size_t length = cpng_match_at(here, r->in + seen - 1, word, limit);
            if (length > best) {
                best = length;
                *distance = i - (seen - 1);
            }
        }
        for (int k = r->ways - 1; k > 0; k--) bucket[k] = bucket[k - 1];
        bucket[0] = (uint32_t)(i + 1);
    }
    return best;
}

size_t cpng_row_deflate(const uint8_t *lines, size_t count, size_t line, size_t pixel,
                        int effort, void *work, uint8_t *out, size_t capacity) {
    struct cpng_row_work *state = (struct cpng_row_work *)work;
    if (lines == NULL || state == NULL || out == NULL || capacity < 6 || pixel < 1) return 0;
    cpng_bit_writer w = {out, 0, capacity, 0, 0, 0};
    cpng_put_bits(&w, 0x78 | 0x01 << 8, 16);  // zlib: deflate, 32 KiB window, fastest
    int ways = effort >= 3 ? 2 : 1;
    cpng_rows r = {lines, count, pixel, line <= 32768 ? line : 0, state->head, ways};
    memset(state->head, 0, sizeof(uint32_t) * ((size_t)ways << CPNG_HASH_BITS));
    int lazy = effort >= 2;
    size_t i = 0, start = 0, n = 0;
    size_t known = SIZE_MAX, known_length = 0, known_distance = 0;  // the match at i + 1
    memset(&state->frequencies, 0, sizeof state->frequencies);
    while (i < count) {
        size_t distance = 0;
        size_t length = known == i ? known_length : cpng_best_match(&r, i, &distance);
        if (known == i) distance = known_distance;
        if (length > 0 && lazy && length < 32 && i + 1 < count) {
            known = i + 1;
            known_length = cpng_best_match(&r, i + 1, &known_distance);
            if (known_length > length + 1) length = 0;  // a literal here, the longer match next
        }
        uint32_t extra;
        int extra_bits;
        if (length == 0) {
            state->tokens[n++] = lines[i];
            state->frequencies.litlen[lines[i]]++;
            i++;
        } else {
            state->tokens[n++] =
                CPNG_MATCH | (uint32_t)(length - 3) << 16 | (uint32_t)(distance - 1);
            state->frequencies.litlen[cpng_length_symbol((uint32_t)length, &extra, &extra_bits)]++;
            state->frequencies.distance[cpng_distance_symbol((uint32_t)distance, &extra,
                                                             &extra_bits)]++;
            i += length;
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
