// The row encoder at efforts 1 and 2: it searches only where a row or a pixel starts. Where no
// match starts, the pixel's bytes are literals (a pixel rarely matches from its second byte
// when it does not from its first), and a match is cut to end where a pixel or a row starts,
// so the next search starts there too. That is a third of the searches on runs of literals
// (the shading's smooth parts), for files a few percent larger.

#include "search.h"

/// Appends the `k` bytes at `here` as literals, in tokens of up to three, and counts them.
static inline __attribute__((always_inline)) void cpng_literals(const uint8_t *here, size_t k,
                                                                uint32_t *tokens, size_t *n,
                                                                uint32_t *litlen) {
    for (size_t j = 0; j < k; j += 3) {
        uint32_t a = here[j];
        uint32_t b = j + 1 < k ? here[j + 1] : CPNG_NO_LITERAL;
        uint32_t c = j + 2 < k ? here[j + 2] : CPNG_NO_LITERAL;
        litlen[a]++;
        litlen[b]++;
        litlen[c]++;
        tokens[(*n)++] = CPNG_LITERALS(a, b, c);
    }
}

/// The loop, for pixels of `pixel` bytes and `ways` positions a bucket (both constants where
/// it is inlined).
static inline __attribute__((always_inline)) void cpng_pixel_loop(const cpng_rows *r,
                                                                  size_t line, size_t pixel,
                                                                  int ways,
                                                                  struct cpng_row_work *state,
                                                                  cpng_bit_writer *w) {
    const uint8_t *lines = r->in;
    size_t count = r->count;
    uint32_t *litlen = state->frequencies.litlen;
    uint32_t *distances = state->frequencies.distance;
    uint32_t *tokens = state->tokens;
    // `i` is always where a row (its filter byte) or a pixel starts, within the row that
    // starts at `row` and ends before `next_row`.
    size_t i = 0, start = 0, n = 0, row = 0, next_row = line;
    while (i < count) {
        cpng_match m = i >= r->fast_start && i < r->fast_end ? cpng_search_nearest(r, i, ways)
                                                              : cpng_search_edge(r, i, ways);
        // Where the match ends, cut back to where a row or a pixel starts: within the row,
        // by the length's remainder (from a pixel's start, or from the filter byte's next).
        size_t end = i + m.length, cut;
        if (end < next_row) {
            cut = (m.length - (i == row)) % pixel;
        } else {
            size_t end_row = next_row;
            while (end >= end_row + line) end_row += line;
            cut = end > end_row ? (end - end_row - 1) % pixel : 0;
        }
        if (m.length >= 3 + cut) {
            m.length -= (uint32_t)cut;
            i += cpng_emit(lines, i, m, tokens, &n, litlen, distances);
            while (i >= next_row) {
                row = next_row;
                next_row += line;
            }
        } else {
            size_t k = i == row ? 1 : pixel;  // the filter byte, or the whole pixel
            if (k > count - i) k = count - i;
            cpng_literals(lines + i, k, tokens, &n, litlen);
            distances[30] += (uint32_t)k;
            i += k;
            if (i >= next_row) {
                row = next_row;
                next_row += line;
            }
        }
        if (n >= CPNG_BLOCK_TOKENS || i >= count) {
            cpng_write_block(w, tokens, n, &state->frequencies, lines + start, i - start,
                             i >= count);
            memset(&state->frequencies, 0, sizeof state->frequencies);
            start = i;
            n = 0;
        }
    }
}

void cpng_deflate_pixels(const cpng_rows *r, size_t line, size_t pixel, int ways,
                         struct cpng_row_work *state, cpng_bit_writer *w) {
    if (pixel == 3) {
        if (ways > 1) {
            cpng_pixel_loop(r, line, 3, 2, state, w);
        } else {
            cpng_pixel_loop(r, line, 3, 1, state, w);
        }
    } else if (ways > 1) {
        cpng_pixel_loop(r, line, pixel, 2, state, w);
    } else {
        cpng_pixel_loop(r, line, pixel, 1, state, w);
    }
}
