// Deflate blocks from tokens: dynamic Huffman codes (RFC 1951, 3.2.7), or stored blocks
// (3.2.4) when those are smaller, so a block is never larger than its bytes and a few more.

#include "blocks.h"
#include "huffman.h"

#include <string.h>

/// The order code-length code lengths are sent in (RFC 1951, 3.2.7).
static const uint8_t cpng_code_length_order[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                   11, 4,  12, 3, 13, 2, 14, 1, 15};

void cpng_flush_bits(cpng_bit_writer *w) {
    while (w->pending > 0) {
        if (w->count < w->capacity) {
            w->out[w->count++] = (uint8_t)w->bits;
        } else {
            w->overflow = 1;
        }
        w->bits >>= 8;
        w->pending = w->pending > 8 ? w->pending - 8 : 0;
    }
    w->bits = 0;
}

/// The number of extra bits of literal/length symbol `s` and of distance symbol `s`.
static int cpng_length_extra_bits(int s) {
    return s < 265 || s == 285 ? 0 : (s - 261) / 4;
}
static int cpng_distance_extra_bits(int s) { return s < 4 ? 0 : s / 2 - 1; }

/// Writes `count` bytes as stored blocks of at most 65,535 bytes each.
static void cpng_write_stored(cpng_bit_writer *w, const uint8_t *input, size_t count, int last) {
    do {
        size_t piece = count < 65535 ? count : 65535;
        cpng_put_bits(w, (last && piece == count) ? 1 : 0, 3);  // BFINAL, BTYPE 00
        cpng_flush_bits(w);
        uint8_t header[4] = {(uint8_t)piece, (uint8_t)(piece >> 8), (uint8_t)~piece,
                             (uint8_t)(~piece >> 8)};
        if (w->count + 4 + piece <= w->capacity) {
            memcpy(w->out + w->count, header, 4);
            memcpy(w->out + w->count + 4, input, piece);
            w->count += 4 + piece;
        } else {
            w->overflow = 1;
        }
        input += piece;
        count -= piece;
    } while (count > 0);
}

/// The code-length symbols (with their extra bits in bits 8 and up) of the concatenated code
/// lengths, runs written with symbols 16, 17 and 18; returns their number.
static int cpng_code_length_symbols(const uint8_t *lengths, int n, uint16_t *symbols) {
    int k = 0;
    for (int i = 0; i < n;) {
        uint8_t value = lengths[i];
        int run = 1;
        while (i + run < n && lengths[i + run] == value) run++;
        i += run;
        if (value == 0) {
            for (; run >= 11; run -= run < 138 ? run : 138) {
                int r = run < 138 ? run : 138;
                symbols[k++] = (uint16_t)(18 | (r - 11) << 8);
            }
            if (run >= 3) {
                symbols[k++] = (uint16_t)(17 | (run - 3) << 8);
                run = 0;
            }
        } else {
            symbols[k++] = value;
            run--;
            for (; run >= 3; run -= run < 6 ? run : 6) {
                int r = run < 6 ? run : 6;
                symbols[k++] = (uint16_t)(16 | (r - 3) << 8);
            }
        }
        for (; run > 0; run--) symbols[k++] = value;
    }
    return k;
}

/// Writes the tokens with the block's codes: up to three literals' codes, or a match's length
/// code with its extra bits and its distance code with its extra bits, as one write of at most
/// 52 bits a token. The caller has made sure that the block, and 16 bytes more, fit in the
/// buffer.
static void cpng_write_tokens(cpng_bit_writer *w, const uint32_t *tokens, size_t token_count,
                              const uint16_t *codes, const uint8_t *lengths) {
    // Per literal (0-255), per match length (3-258, at 256 + length - 3) and for no literal
    // (CPNG_NO_LITERAL: nothing): the code with its extra bits above it, and their count of
    // bits in bits 24 and up. Up to 1023, what a match's other bits index reads: nothing.
    uint32_t litlen[1024] = {0};
    for (int s = 0; s < 256; s++) litlen[s] = codes[s] | (uint32_t)lengths[s] << 24;
    for (uint32_t l = 3; l <= 258; l++) {
        uint32_t extra;
        int extra_bits;
        int s = cpng_length_symbol(l, &extra, &extra_bits);
        litlen[256 + l - 3] =
            (codes[s] | extra << lengths[s]) | (uint32_t)(lengths[s] + extra_bits) << 24;
    }
    // Per distance symbol (and at 30, nothing, for literals): the code in bits 0-15, its
    // length in bits 16-23 and the count of extra bits in bits 24 and up.
    uint32_t distance[32] = {0};
    for (int s = 0; s < 30; s++) {
        distance[s] = codes[286 + s] | (uint32_t)lengths[286 + s] << 16 |
                      (uint32_t)cpng_distance_extra_bits(s) << 24;
    }
    while (w->pending >= 8) {  // whole bytes first, so that 7 bits at most are pending
        w->out[w->count++] = (uint8_t)w->bits;
        w->bits >>= 8;
        w->pending -= 8;
    }
    uint8_t *out = w->out;
    size_t count = w->count;
    uint64_t bits = w->bits;
    int pending = w->pending;
    for (size_t k = 0; k < token_count; k++) {
        uint32_t token = tokens[k];
        // Both ways, without a branch (literals and matches alternate where the image is
        // busy): a match's length code, extra bits, distance code and extra bits, and three
        // literals' codes, the one the token is chosen.
        uint32_t first = litlen[256 + ((token >> 16) & 0xFF)];
        uint32_t far = distance[(token >> 24) & 31];
        uint32_t code_bits = (far >> 16) & 0xFF;
        uint32_t extra_bits = far >> 24;
        uint64_t extra = token & 0x7FFF & ((1u << extra_bits) - 1);
        uint64_t match = (uint64_t)(first & 0xFFFFFF) |
                         ((uint64_t)(far & 0xFFFF) | extra << code_bits) << (first >> 24);
        int match_bits = (int)((first >> 24) + code_bits + extra_bits);
        uint32_t a = litlen[token & 0x3FF];
        uint32_t b = litlen[(token >> 10) & 0x3FF];
        uint32_t c = litlen[(token >> 20) & 0x3FF];
        uint64_t three = (uint64_t)(a & 0xFFFFFF) | (uint64_t)(b & 0xFFFFFF) << (a >> 24);
        int two_bits = (int)((a >> 24) + (b >> 24));
        three |= (uint64_t)(c & 0xFFFFFF) << two_bits;
        int three_bits = two_bits + (int)(c >> 24);
        int is_match = (int)(token >> 31);
        bits |= (is_match ? match : three) << pending;
        pending += is_match ? match_bits : three_bits;
        // At most 7 + 3 * 15 or 7 + 20 + 28 bits are pending: write the whole bytes (eight
        // bytes, of which those beyond are written again).
        uint64_t little = bits;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        little = __builtin_bswap64(bits);
#endif
        memcpy(out + count, &little, 8);
        count += (size_t)(pending >> 3);
        bits >>= pending & ~7;
        pending &= 7;
    }
    w->count = count;
    w->bits = bits;
    w->pending = pending;
}

void cpng_write_block(cpng_bit_writer *w, const uint32_t *tokens, size_t token_count,
                      cpng_frequencies *frequencies, const uint8_t *input, size_t count,
                      int last) {
    frequencies->litlen[256] = 1;  // the end of the block
    uint8_t lengths[286 + 30];
    cpng_huffman_lengths(frequencies->litlen, 286, 15, lengths);
    cpng_huffman_lengths(frequencies->distance, 30, 15, lengths + 286);
    int hlit = 286, hdist = 30;
    while (hlit > 257 && lengths[hlit - 1] == 0) hlit--;
    while (hdist > 1 && lengths[286 + hdist - 1] == 0) hdist--;
    uint8_t sent[286 + 30];
    memcpy(sent, lengths, (size_t)hlit);
    memcpy(sent + hlit, lengths + 286, (size_t)hdist);
    uint16_t symbols[286 + 30];
    int symbol_count = cpng_code_length_symbols(sent, hlit + hdist, symbols);
    uint32_t cl_frequencies[19] = {0};
    for (int k = 0; k < symbol_count; k++) cl_frequencies[symbols[k] & 0xFF]++;
    uint8_t cl_lengths[19];
    uint16_t cl_codes[19];
    cpng_huffman_lengths(cl_frequencies, 19, 7, cl_lengths);
    cpng_huffman_codes(cl_lengths, 19, cl_codes);
    int hclen = 19;
    while (hclen > 4 && cl_lengths[cpng_code_length_order[hclen - 1]] == 0) hclen--;

    // The block's size both ways, in bits.
    uint64_t dynamic = 3 + 14 + 3 * (uint64_t)hclen;
    static const int cl_extra[19] = {[16] = 2, [17] = 3, [18] = 7};
    for (int s = 0; s < 19; s++) dynamic += cl_frequencies[s] * (uint64_t)(cl_lengths[s] + cl_extra[s]);
    for (int s = 0; s < 286; s++) {
        dynamic += frequencies->litlen[s] * (uint64_t)(lengths[s] + cpng_length_extra_bits(s));
    }
    for (int s = 0; s < 30; s++) {
        dynamic += frequencies->distance[s] *
                   (uint64_t)(lengths[286 + s] + cpng_distance_extra_bits(s));
    }
    uint64_t stored = 8 * (uint64_t)count + 48 * (count / 65535 + 1);
    if (stored <= dynamic) {
        cpng_write_stored(w, input, count, last);
        return;
    }
    // The token writer writes eight bytes at a time: room for the block and 16 bytes more.
    if (w->count + (size_t)(((uint64_t)w->pending + dynamic + 7) / 8) + 16 > w->capacity) {
        w->overflow = 1;
        return;
    }

    cpng_put_bits(w, (last ? 1u : 0u) | 2u << 1, 3);  // BFINAL, BTYPE 10
    cpng_put_bits(w, (uint32_t)(hlit - 257) | (uint32_t)(hdist - 1) << 5 |
                         (uint32_t)(hclen - 4) << 10, 14);
    for (int k = 0; k < hclen; k++) cpng_put_bits(w, cl_lengths[cpng_code_length_order[k]], 3);
    for (int k = 0; k < symbol_count; k++) {
        int s = symbols[k] & 0xFF;
        cpng_put_bits(w, cl_codes[s], cl_lengths[s]);
        if (cl_extra[s] > 0) cpng_put_bits(w, symbols[k] >> 8, cl_extra[s]);
    }
    uint16_t codes[286 + 30];
    cpng_huffman_codes(lengths, 286, codes);
    cpng_huffman_codes(lengths + 286, 30, codes + 286);
    cpng_write_tokens(w, tokens, token_count, codes, lengths);
    cpng_put_bits(w, codes[256], lengths[256]);
}
