#pragma once
// PNG in C: the image data of a PNG (scanlines compressed by Errorest's row encoder or by
// libdeflate), decoding through
// libpng's simplified API, and the CRC-32 of chunks. Swift sees status codes and messages.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes returned by every function here.
typedef enum {
    CPNG_OK = 0,
    CPNG_ERROR_LIBPNG = 1,     ///< libpng could not decode; the message says why.
    CPNG_ERROR_MEMORY = 2,     ///< Memory could not be allocated.
    CPNG_ERROR_ARGUMENT = 3,   ///< An argument is out of range; the message says which.
} cpng_status;

/// Pixel layouts accepted by cpng_image_data.
typedef enum {
    /// Cairo's CAIRO_FORMAT_RGB24 / ARGB32 pixels of an opaque image: one native-endian uint32
    /// per pixel, 0xXXRRGGBB. Written as 8-bit RGB (the fourth byte is dropped).
    CPNG_PIXELS_CAIRO_XRGB32 = 0,
    /// Bytes R, G, B, A. Written as 8-bit RGBA.
    CPNG_PIXELS_RGBA8 = 1,
} cpng_pixels;

/// A growable byte buffer owned by C; release it with cpng_buffer_free.
typedef struct {
    uint8_t *bytes;
    size_t count;
    size_t capacity;
} cpng_buffer;

/// A decoded image: width x height pixels of R, G, B, A bytes, rows packed; free with
/// cpng_image_free.
typedef struct {
    uint8_t *rgba;
    uint32_t width;
    uint32_t height;
} cpng_image;

/// The libdeflate level that PNG compression level `level` (0...9) is written with: 0 (stored)
/// and 4-8 the same number, 9 libdeflate's level 12 (its smallest); -1 for levels 1 to 3,
/// which Errorest's row encoder writes (cpng_row_deflate, efforts 1 to 3), and outside 0...9.
int cpng_deflate_level(int level);

/// What writes PNG compression level `level`, in a few words (for benchmarks).
const char *cpng_level_name(int level);

/// The image data of a PNG, the bytes its IDAT chunks hold: `height` rows of `width` pixels,
/// `stride` bytes apart, as scanlines of filter type None (8-bit RGB for Cairo's pixels, RGBA
/// for RGBA8), compressed as one zlib stream at `level` (see cpng_deflate_level).
///
/// The same pixels and level give the same bytes on every x86-64 CPU: the row encoder has no
/// CPU-dependent code, the scanlines are the same bytes whether SSSE3 shuffles them or not, and
/// libdeflate chooses code by CPU only for checksums and decompression. On failure, returns a
/// non-zero status and writes a sentence into `message`.
cpng_status cpng_image_data(const uint8_t *pixels, int width, int height, int stride,
                            cpng_pixels layout, int level, cpng_buffer *out, char *message,
                            size_t message_size);

/// The bytes of working memory cpng_row_deflate needs (about 200 KiB).
size_t cpng_row_work_size(void);

/// Room enough for cpng_row_deflate's stream of `count` bytes.
size_t cpng_row_deflate_bound(size_t count);

/// Errorest's own deflate encoder, made for scanlines of filter type None: compresses `count`
/// bytes of rows `line` bytes long (the filter byte included), `pixel` bytes a pixel (1 to 8),
/// as one zlib stream into `out`, using `work` (cpng_row_work_size() bytes). A search compares
/// eight bytes at once, without branches, with the previous pixel, the row above and the row
/// above a pixel to either side (where those are within deflate's 32 KiB window), and with the
/// last positions of the same four bytes (a hash table). Efforts 1 and 2 search only where a
/// row or a pixel starts (a pixel that starts no match is written as literals, a match is cut
/// to end where a pixel or a row starts), extend the first candidate whose eight bytes match,
/// and take the match found (greedy), keeping one or two positions per bucket of the hash
/// table. Effort 3 searches at every byte, compares every candidate whose eight bytes match on
/// to 24 bytes at once, keeps two positions a bucket and first checks whether the next position
/// has a longer match (lazy). Blocks are coded with dynamic Huffman codes of their own
/// frequencies, or stored when that is smaller. Plain C with no CPU-dependent code, so the same
/// bytes on every CPU. Returns the stream's size, 0 if `capacity` (at least
/// cpng_row_deflate_bound(count)) was too small or an argument is invalid.
size_t cpng_row_deflate(const uint8_t *lines, size_t count, size_t line, size_t pixel,
                        int effort, void *work, uint8_t *out, size_t capacity);

/// Frees the bytes of a buffer filled by cpng_image_data (safe on an empty buffer).
void cpng_buffer_free(cpng_buffer *buffer);

/// The CRC-32 of `count` bytes (zlib's function, computed by libdeflate), continuing from `crc` (0
/// to start): the checksum of PNG chunks.
uint32_t cpng_crc32(uint32_t crc, const uint8_t *bytes, size_t count);

/// Decodes a PNG held in memory to 8-bit RGBA.
cpng_status cpng_decode(const uint8_t *data, size_t size, cpng_image *out, char *message,
                        size_t message_size);

/// Frees the pixels of an image filled by cpng_decode (safe on an empty image).
void cpng_image_free(cpng_image *image);

#ifdef __cplusplus
}
#endif
