#pragma once
// Deflate blocks (RFC 1951) from a list of tokens, literals and matches: the bit writer, and
// each block as dynamic Huffman codes or stored, whichever is smaller. Private to CPNG.

#include <stddef.h>
#include <stdint.h>

/// A token: one to three literal bytes, CPNG_LITERALS(a, b, c) (CPNG_NO_LITERAL where there
/// are fewer), or a match, CPNG_MATCH | distance symbol << 24 | (length - 3) << 16 |
/// (distance - 1).
#define CPNG_MATCH 0x80000000u
/// In a token of literals, the place of a literal that is not there.
#define CPNG_NO_LITERAL 512u
/// A token of up to three literals, each 0...255 or CPNG_NO_LITERAL, written in this order.
#define CPNG_LITERALS(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 10 | (uint32_t)(c) << 20)

/// Bits written least significant first into a byte buffer that stops at its capacity.
typedef struct {
    uint8_t *out;
    size_t count;
    size_t capacity;
    uint64_t bits;
    int pending;  ///< bits in `bits` not yet written
    int overflow; ///< set once the buffer was too small
} cpng_bit_writer;

/// The symbol frequencies of the tokens of one block.
typedef struct {
    uint32_t litlen[CPNG_NO_LITERAL + 1];  ///< and at CPNG_NO_LITERAL, what no literal counts
    uint32_t distance[31];  ///< and at 30, what literals count aside (not a symbol)
} cpng_frequencies;

/// The literal/length symbol of a match of `length` (3...258), its extra bits and their count.
static inline int cpng_length_symbol(uint32_t length, uint32_t *extra, int *extra_bits) {
    uint32_t l = length - 3;
    if (l < 8) {
        *extra = 0;
        *extra_bits = 0;
        return 257 + (int)l;
    }
    if (l == 255) {
        *extra = 0;
        *extra_bits = 0;
        return 285;
    }
    int top = 31 - __builtin_clz(l);  // 3...7
    *extra_bits = top - 2;
    *extra = l & ((1u << (top - 2)) - 1);
    return 257 + 4 * (top - 1) + (int)((l >> (top - 2)) & 3);
}

/// The distance symbol of `distance` (1...32768), its extra bits and their count.
static inline int cpng_distance_symbol(uint32_t distance, uint32_t *extra, int *extra_bits) {
    uint32_t d = distance - 1;
    if (d < 4) {
        *extra = 0;
        *extra_bits = 0;
        return (int)d;
    }
    int top = 31 - __builtin_clz(d);  // 2...14
    *extra_bits = top - 1;
    *extra = d & ((1u << (top - 1)) - 1);
    return 2 * top + (int)((d >> (top - 1)) & 1);
}

/// Writes the low `count` bits of `value` (count <= 32).
static inline void cpng_put_bits(cpng_bit_writer *w, uint32_t value, int count) {
    w->bits |= (uint64_t)value << w->pending;
    w->pending += count;
    if (w->pending >= 32) {
        if (w->count + 4 <= w->capacity) {
            uint32_t word = (uint32_t)w->bits;
            w->out[w->count] = (uint8_t)word;
            w->out[w->count + 1] = (uint8_t)(word >> 8);
            w->out[w->count + 2] = (uint8_t)(word >> 16);
            w->out[w->count + 3] = (uint8_t)(word >> 24);
            w->count += 4;
        } else {
            w->overflow = 1;
        }
        w->bits >>= 32;
        w->pending -= 32;
    }
}

/// Writes the pending bits, padded with zeros to a whole byte.
void cpng_flush_bits(cpng_bit_writer *w);

/// Writes one block holding `tokens` (`frequencies` counted from them, the end-of-block symbol
/// not included), which encode the `count` input bytes at `input`: with dynamic Huffman codes,
/// or as stored blocks when that is smaller. `last` marks the stream's final block.
void cpng_write_block(cpng_bit_writer *w, const uint32_t *tokens, size_t token_count,
                      cpng_frequencies *frequencies, const uint8_t *input, size_t count,
                      int last);
