// The candidates of `errorest-bench png`; see candidates.h.
#define _GNU_SOURCE
#include "candidates.h"

#include <dlfcn.h>
#include <libdeflate.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#if __has_include(<isa-l/igzip_lib.h>)
#include <isa-l/igzip_lib.h>
#define CAND_HAVE_ISAL_HEADER 1
#else
#define CAND_HAVE_ISAL_HEADER 0
#endif

static int cand_paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    if (pa <= pb && pa <= pc) return a;
    return pb <= pc ? b : c;
}

/// One row with one filter type; returns the sum of the filtered bytes' magnitudes.
static unsigned long cand_filter_row(const uint8_t *row, const uint8_t *above, size_t count,
                                     int type, uint8_t *out) {
    unsigned long sum = 0;
    for (size_t i = 0; i < count; i++) {
        int a = i >= 3 ? row[i - 3] : 0;
        int b = above ? above[i] : 0;
        int c = above && i >= 3 ? above[i - 3] : 0;
        int predicted = 0;
        switch (type) {
        case CAND_FILTER_SUB: predicted = a; break;
        case CAND_FILTER_UP: predicted = b; break;
        case CAND_FILTER_AVERAGE: predicted = (a + b) / 2; break;
        case CAND_FILTER_PAETH: predicted = cand_paeth(a, b, c); break;
        default: break;
        }
        uint8_t value = (uint8_t)(row[i] - predicted);
        out[i] = value;
        sum += value < 128 ? value : 256 - value;
    }
    return sum;
}

void cand_filter_rows(const uint8_t *rgb, int width, int height, cand_filter filter,
                      uint8_t *out) {
    size_t count = 3 * (size_t)width;
    uint8_t *trial = filter == CAND_FILTER_ADAPTIVE ? malloc(count) : NULL;
    for (size_t y = 0; y < (size_t)height; y++) {
        const uint8_t *row = rgb + y * count;
        const uint8_t *above = y > 0 ? row - count : NULL;
        uint8_t *line = out + y * (count + 1);
        if (filter == CAND_FILTER_NONE) {
            line[0] = 0;
            memcpy(line + 1, row, count);
        } else if (filter != CAND_FILTER_ADAPTIVE || trial == NULL) {
            line[0] = (uint8_t)filter;
            cand_filter_row(row, above, count, filter, line + 1);
        } else {
            unsigned long best = ~0ul;
            for (int type = 0; type <= 4; type++) {
                unsigned long sum = cand_filter_row(row, above, count, type, trial);
                if (sum < best) {
                    best = sum;
                    line[0] = (uint8_t)type;
                    memcpy(line + 1, trial, count);
                }
            }
        }
    }
    free(trial);
}

#if CAND_HAVE_ISAL_HEADER
typedef void (*cand_isal_init_fn)(struct isal_zstream *);
typedef int (*cand_isal_deflate_fn)(struct isal_zstream *);
static cand_isal_init_fn cand_isal_init;
static cand_isal_deflate_fn cand_isal_deflate;

static int cand_isal_load(void) {
    static int state = -1;
    if (state >= 0) return state;
    void *library = dlopen("libisal.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library != NULL) {
        cand_isal_init = (cand_isal_init_fn)dlsym(library, "isal_deflate_stateless_init");
        cand_isal_deflate = (cand_isal_deflate_fn)dlsym(library, "isal_deflate_stateless");
    }
    state = cand_isal_init != NULL && cand_isal_deflate != NULL;
    return state;
}

static size_t cand_isal(int level, const uint8_t *in, size_t count, uint8_t *out,
                        size_t capacity) {
    static const size_t buffers[4] = {0, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT,
                                      ISAL_DEF_LVL3_DEFAULT};
    if (level < 0 || level > 3 || count > UINT32_MAX || !cand_isal_load()) return 0;
    uint8_t *buffer = buffers[level] ? malloc(buffers[level]) : NULL;
    struct isal_zstream stream;
    cand_isal_init(&stream);
    stream.level = (uint32_t)level;
    stream.level_buf = buffer;
    stream.level_buf_size = (uint32_t)buffers[level];
    stream.gzip_flag = IGZIP_ZLIB;
    stream.end_of_stream = 1;
    stream.flush = NO_FLUSH;
    stream.next_in = (uint8_t *)in;
    stream.avail_in = (uint32_t)count;
    stream.next_out = out;
    stream.avail_out = capacity > UINT32_MAX ? UINT32_MAX : (uint32_t)capacity;
    int status = cand_isal_deflate(&stream);
    free(buffer);
    return status == COMP_OK ? stream.total_out : 0;
}
#endif

int cand_available(cand_library library) {
#if CAND_HAVE_ISAL_HEADER
    if (library == CAND_ISAL) return cand_isal_load();
#else
    if (library == CAND_ISAL) return 0;
#endif
    return 1;
}

size_t cand_bound(size_t count) { return count + count / 8 + 65536; }

size_t cand_compress(cand_library library, int level, const uint8_t *in, size_t count,
                     uint8_t *out, size_t capacity) {
    switch (library) {
    case CAND_ZLIB: {
        uLongf size = (uLongf)capacity;
        return compress2(out, &size, in, (uLong)count, level) == Z_OK ? size : 0;
    }
    case CAND_LIBDEFLATE: {
        struct libdeflate_compressor *compressor = libdeflate_alloc_compressor(level);
        if (compressor == NULL) return 0;
        size_t size = libdeflate_zlib_compress(compressor, in, count, out, capacity);
        libdeflate_free_compressor(compressor);
        return size;
    }
    case CAND_ISAL:
#if CAND_HAVE_ISAL_HEADER
        return cand_isal(level, in, count, out, capacity);
#else
        return 0;
#endif
    }
    return 0;
}

typedef struct {
    size_t count;
} cand_counter;

static void cand_count(png_structp png, png_bytep data, png_size_t length) {
    (void)data;
    ((cand_counter *)png_get_io_ptr(png))->count += length;
}

static void cand_flush(png_structp png) { (void)png; }

size_t cand_libpng(const uint8_t *rgb, int width, int height, int level, int filters) {
    cand_counter counter = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (png == NULL) return 0;
    png_infop info = png_create_info_struct(png);
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return 0;
    }
    png_set_write_fn(png, &counter, cand_count, cand_flush);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (size_t y = 0; y < (size_t)height; y++) {
        png_write_row(png, (png_const_bytep)(rgb + y * 3 * (size_t)width));
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return counter.count;
}
