// A PNG's image data: pixels to scanlines (filter type None), compressed as one zlib stream by
// Errorest's row encoder (rows.c) or libdeflate, by level. The chunks around it are written in
// Swift (PNGChunks).

#include "cpng.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cpng_set_message(char *message, size_t size, const char *text) {
    if (message == NULL || size == 0) return;
    snprintf(message, size, "%s", text);
}

/// The row encoder's effort for each PNG compression level, 0 where libdeflate writes it.
static const int cpng_row_efforts[10] = {0, 1, 2, 3, 0, 0, 0, 0, 0, 0};

int cpng_deflate_level(int level) {
    // 0 stores, 4-8 are libdeflate's levels of the same number (zlib's scale), and 9, the
    // smallest, is libdeflate's slowest and smallest level, 12; 1-3 are the row encoder's.
    static const int levels[10] = {0, -1, -1, -1, 4, 5, 6, 7, 8, 12};
    return level >= 0 && level <= 9 ? levels[level] : -1;
}

const char *cpng_level_name(int level) {
    static const char *names[10] = {"stored",
                                    "row encoder, pixel starts, greedy",
                                    "row encoder, pixel starts, greedy, 2-way",
                                    "row encoder, every byte, lazy, 2-way",
                                    "libdeflate 4",
                                    "libdeflate 5",
                                    "libdeflate 6",
                                    "libdeflate 7",
                                    "libdeflate 8",
                                    "libdeflate 12"};
    return level >= 0 && level <= 9 ? names[level] : "not a level";
}

/// A buffer a thread keeps from one image to the next: fresh memory for every frame costs a page
/// fault per 4 KiB, as much as a fifth of the encode.
typedef struct {
    uint8_t *bytes;
    size_t capacity;
} cpng_scratch_buffer;

/// A thread's buffers: the scanlines, the compressed stream, the row encoder's working memory.
typedef struct {
    cpng_scratch_buffer lines;
    cpng_scratch_buffer stream;
    cpng_scratch_buffer work;
} cpng_scratch;

/// Buffers up to this size are kept for the thread's next image; larger ones are freed at once.
#define CPNG_SCRATCH_KEPT ((size_t)64 << 20)

static pthread_key_t cpng_scratch_key;
static pthread_once_t cpng_scratch_once = PTHREAD_ONCE_INIT;

static void cpng_scratch_free(void *pointer) {
    cpng_scratch *scratch = (cpng_scratch *)pointer;
    free(scratch->lines.bytes);
    free(scratch->stream.bytes);
    free(scratch->work.bytes);
    free(scratch);
}

static void cpng_scratch_make_key(void) {
    (void)pthread_key_create(&cpng_scratch_key, cpng_scratch_free);
}

/// The calling thread's buffers (NULL if memory ran out).
static cpng_scratch *cpng_scratch_get(void) {
    (void)pthread_once(&cpng_scratch_once, cpng_scratch_make_key);
    cpng_scratch *scratch = (cpng_scratch *)pthread_getspecific(cpng_scratch_key);
    if (scratch == NULL) {
        scratch = (cpng_scratch *)calloc(1, sizeof *scratch);
        if (scratch != NULL && pthread_setspecific(cpng_scratch_key, scratch) != 0) {
            free(scratch);
            scratch = NULL;
        }
    }
    return scratch;
}

/// At least `count` bytes of `buffer` (NULL if memory ran out).
static uint8_t *cpng_reserve(cpng_scratch_buffer *buffer, size_t count) {
    if (buffer->capacity >= count) return buffer->bytes;
    free(buffer->bytes);
    buffer->bytes = (uint8_t *)malloc(count);
    buffer->capacity = buffer->bytes != NULL ? count : 0;
    return buffer->bytes;
}

/// Frees what is beyond the size a thread keeps.
static void cpng_release(cpng_scratch_buffer *buffer) {
    if (buffer->capacity <= CPNG_SCRATCH_KEPT) return;
    free(buffer->bytes);
    buffer->bytes = NULL;
    buffer->capacity = 0;
}

#if defined(__x86_64__)
#include <tmmintrin.h>
/// R, G, B of `count` of Cairo's pixels (0xXXRRGGBB, little-endian) with SSSE3's byte
/// shuffle, four at a time; returns how many it converted (up to `count` - 2: each store
/// writes four bytes past its twelve, which the next pixel's bytes overwrite).
__attribute__((target("ssse3"))) static int cpng_rgb_ssse3(const uint8_t *row, int count,
                                                           uint8_t *line) {
    const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = 0;
    for (; x + 6 <= count; x += 4) {
        __m128i pixels = _mm_loadu_si128((const __m128i *)(row + 4 * (size_t)x));
        _mm_storeu_si128((__m128i *)(line + 3 * (size_t)x), _mm_shuffle_epi8(pixels, order));
    }
    return x;
}
#endif

/// Row `y` as a scanline: the filter-type byte 0 (None), then R, G, B (and A) of each pixel.
static void cpng_scanline(const uint8_t *pixels, int width, int stride, cpng_pixels layout,
                          size_t y, uint8_t *line) {
    const uint8_t *row = pixels + y * (size_t)stride;
    *line++ = 0;
    if (layout == CPNG_PIXELS_RGBA8) {
        memcpy(line, row, (size_t)width * 4);
        return;
    }
    // Cairo's pixels are native-endian 32-bit words 0xXXRRGGBB; reading them as words makes
    // this right on either byte order.
    int x = 0;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("ssse3")) {
        x = cpng_rgb_ssse3(row, width, line);
        line += 3 * (size_t)x;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // Four pixels at a time: each word byte-swapped is R, G, B in its low three bytes.
    for (; x + 4 <= width; x += 4) {
        uint32_t words[4];
        memcpy(words, row + 4 * (size_t)x, 16);
        uint64_t rgb[4];
        for (int k = 0; k < 4; k++) rgb[k] = __builtin_bswap32(words[k]) >> 8;
        uint64_t first = rgb[0] | rgb[1] << 24 | rgb[2] << 48;
        uint32_t last = (uint32_t)(rgb[2] >> 16) | (uint32_t)rgb[3] << 8;
        memcpy(line, &first, 8);
        memcpy(line + 8, &last, 4);
        line += 12;
    }
#endif
    for (; x < width; x++) {
        uint32_t pixel;
        memcpy(&pixel, row + 4 * (size_t)x, 4);
        line[0] = (uint8_t)(pixel >> 16);
        line[1] = (uint8_t)(pixel >> 8);
        line[2] = (uint8_t)pixel;
        line += 3;
    }
}

cpng_status cpng_image_data(const uint8_t *pixels, int width, int height, int stride,
                            cpng_pixels layout, int level, cpng_buffer *out, char *message,
                            size_t message_size) {
    if (out == NULL || pixels == NULL || width < 1 || height < 1 || stride < 4 * width ||
        level < 0 || level > 9) {
        cpng_set_message(message, message_size,
                         "The PNG encoder was called with an invalid size, stride or level.");
        return CPNG_ERROR_ARGUMENT;
    }
    out->bytes = NULL;
    out->count = 0;
    out->capacity = 0;
    size_t channels = layout == CPNG_PIXELS_RGBA8 ? 4 : 3;
    size_t line = 1 + channels * (size_t)width;
    size_t count = line * (size_t)height;
    int effort = cpng_row_efforts[level];
    cpng_scratch *scratch = cpng_scratch_get();
    struct libdeflate_compressor *compressor =
        effort == 0 ? libdeflate_alloc_compressor(cpng_deflate_level(level)) : NULL;
    uint8_t *lines = scratch != NULL ? cpng_reserve(&scratch->lines, count) : NULL;
    uint8_t *work = effort > 0 && lines != NULL
                        ? cpng_reserve(&scratch->work, cpng_row_work_size())
                        : NULL;
    // With room for the bound, both encoders always succeed, and take the same path every time.
    size_t bound = effort > 0              ? cpng_row_deflate_bound(count)
                   : compressor != NULL ? libdeflate_zlib_compress_bound(compressor, count)
                                        : 0;
    uint8_t *stream = lines != NULL && bound > 0 && (effort == 0 || work != NULL)
                          ? cpng_reserve(&scratch->stream, bound)
                          : NULL;
    size_t written = 0;
    if (stream != NULL) {
        for (size_t y = 0; y < (size_t)height; y++) {
            cpng_scanline(pixels, width, stride, layout, y, lines + y * line);
        }
        written = effort > 0
                      ? cpng_row_deflate(lines, count, line, channels, effort, work, stream, bound)
                      : libdeflate_zlib_compress(compressor, lines, count, stream, bound);
        out->bytes = written > 0 ? (uint8_t *)malloc(written) : NULL;
        if (out->bytes != NULL) {
            memcpy(out->bytes, stream, written);
            out->count = written;
            out->capacity = written;
        }
    }
    if (compressor != NULL) libdeflate_free_compressor(compressor);
    if (scratch != NULL) {
        cpng_release(&scratch->lines);
        cpng_release(&scratch->stream);
    }
    if (out->bytes == NULL) {
        cpng_set_message(message, message_size, "Memory for the PNG's image data ran out.");
        return CPNG_ERROR_MEMORY;
    }
    return CPNG_OK;
}
