#pragma once
// The candidates `errorest-bench png` measures for writing a PNG's image data: row filters, and
// deflate through zlib, libdeflate and (when installed) ISA-L, plus libpng's whole writer as
// Errorest used it before. Benchmark code only; Errorest writes PNGs through CPNG.

#include <stddef.h>
#include <stdint.h>

/// The PNG row filters: the five filter types, and libpng's adaptive choice per row (the
/// filter whose bytes, read as signed, have the smallest sum of magnitudes).
typedef enum {
    CAND_FILTER_NONE = 0,
    CAND_FILTER_SUB = 1,
    CAND_FILTER_UP = 2,
    CAND_FILTER_AVERAGE = 3,
    CAND_FILTER_PAETH = 4,
    CAND_FILTER_ADAPTIVE = 5,
} cand_filter;

/// The deflate libraries.
typedef enum {
    CAND_ZLIB = 0,
    CAND_LIBDEFLATE = 1,
    CAND_ISAL = 2,
} cand_library;

/// Writes the scanlines of `height` rows of `width` packed 8-bit RGB pixels, each a filter-type
/// byte and the filtered row, into `out` (height * (1 + 3 * width) bytes).
void cand_filter_rows(const uint8_t *rgb, int width, int height, cand_filter filter,
                      uint8_t *out);

/// Whether `library` can be used here (ISA-L only if libisal.so.2 loads).
int cand_available(cand_library library);

/// Compresses `count` bytes as one zlib stream with `library` at `level` into `out`; returns
/// the stream's size, or 0 on failure. `capacity` should be at least cand_bound(count).
size_t cand_compress(cand_library library, int level, const uint8_t *in, size_t count,
                     uint8_t *out, size_t capacity);

/// Room enough for any candidate's stream of `count` bytes.
size_t cand_bound(size_t count);

/// libpng's whole writer (png_write_row, zlib at `level`, `filters` a PNG_FILTER_* mask, e.g.
/// 0x08 for None or 0xF8 for the adaptive choice) on packed RGB: the file's size, 0 on failure.
size_t cand_libpng(const uint8_t *rgb, int width, int height, int level, int filters);
