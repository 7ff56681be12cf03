// Errorest's own deflate encoder for scanlines (filter type None). At efforts 1 and 2 it
// searches where rows and pixels start (pixels.c); at effort 3 at every byte, with a one-step
// lazy check. Each search compares eight bytes at once with the previous pixel, the row above,
// the row above a pixel to either side, and the last one or two positions of the same four
// bytes (a hash table), without branches (search.h). Plain C, no CPU dispatch: the same bytes
// on every CPU.

#include "search.h"
#include "cpng.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Matches shorter than this are checked against a longer one at the next position (lazy).
#define CPNG_LAZY_BELOW 32

size_t cpng_row_work_size(void) { return sizeof(struct cpng_row_work); }

size_t cpng_row_deflate_bound(size_t count) {
    // Stored blocks at worst: 5 bytes of header per 65,535 bytes, per block of tokens; the zlib
    // header and trailer; and 16 bytes the block writer may write ahead (blocks.c).
    return count + 5 * (count / 65535 + count / CPNG_BLOCK_TOKENS + 2) + 6 + 8 + 16;
}

uint8_t cpng_length_symbols[259];
uint8_t cpng_distance_small[256];
uint8_t cpng_distance_large[256];
static pthread_once_t cpng_tables_once = PTHREAD_ONCE_INIT;

void cpng_make_tables(void) {
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

/// Effort 3: a search at every byte, a literal where a longer match starts at the next byte.
static void cpng_deflate_lazy(const cpng_rows *r, struct cpng_row_work *state,
                              cpng_bit_writer *w) {
    const uint8_t *lines = r->in;
    size_t count = r->count;
    uint32_t *litlen = state->frequencies.litlen;
    uint32_t *distances = state->frequencies.distance;
    size_t i = 0, start = 0, n = 0;
    cpng_match next = {0, 0};
    size_t next_at = SIZE_MAX;  // where `next` was found
    while (i < count) {
        cpng_match m = next_at == i ? next : cpng_find(r, i, 2);
        if (m.length != 0 && m.length < CPNG_LAZY_BELOW && i + 1 < count) {
            next = cpng_find(r, i + 1, 2);
            next_at = i + 1;
            if (next.length > m.length + 1) m.length = 0;  // a literal, the longer match next
        }
        i += cpng_emit(lines, i, m, state->tokens, &n, litlen, distances);
        if (n == CPNG_BLOCK_TOKENS || i >= count) {
            cpng_write_block(w, state->tokens, n, &state->frequencies, lines + start, i - start,
                             i >= count);
            memset(&state->frequencies, 0, sizeof state->frequencies);
            start = i;
            n = 0;
        }
    }
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
    // Beyond the window the row above is out of reach: the previous pixel stands in for it.
    uint32_t p = (uint32_t)pixel;
    uint32_t above = line <= 32768 ? (uint32_t)line : p;
    uint32_t on = line + pixel <= 32768 ? (uint32_t)(line + pixel) : above;
    uint32_t back = line <= 32768 ? (uint32_t)(line - pixel) : p;
    cpng_rows r = {lines, count, {p, above, back, on}, on, count > 266 ? count - 266 : 0,
                   state->head};
    memset(state->head, 0, sizeof(uint32_t) * ((size_t)ways << CPNG_HASH_BITS));
    memset(&state->frequencies, 0, sizeof state->frequencies);
    if (effort >= 3) {
        cpng_deflate_lazy(&r, state, &w);
    } else {
        cpng_deflate_pixels(&r, line, pixel, ways, state, &w);
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
