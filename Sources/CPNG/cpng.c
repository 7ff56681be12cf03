// Reading PNG files through libpng's simplified API, and the CRC-32 of PNG chunks (libdeflate).
// Writing is in deflate.c.

#include "cpng.h"

#include <libdeflate.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cpng_set_message(char *message, size_t size, const char *text) {
    if (message == NULL || size == 0) return;
    snprintf(message, size, "%s", text);
}

uint32_t cpng_crc32(uint32_t crc, const uint8_t *bytes, size_t count) {
    // libdeflate's CRC-32 is the same function as zlib's (the same value for the same bytes on
    // every CPU) and several times as fast where the CPU multiplies carry-less.
    return count > 0 ? libdeflate_crc32(crc, bytes, count) : crc;
}

void cpng_buffer_free(cpng_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->bytes);
    buffer->bytes = NULL;
    buffer->count = 0;
    buffer->capacity = 0;
}

cpng_status cpng_decode(const uint8_t *data, size_t size, cpng_image *out, char *message,
                        size_t message_size) {
    if (out == NULL || data == NULL || size == 0) {
        cpng_set_message(message, message_size, "There are no PNG bytes to decode.");
        return CPNG_ERROR_ARGUMENT;
    }
    out->rgba = NULL;
    out->width = 0;
    out->height = 0;
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        char line[256];
        snprintf(line, sizeof line, "libpng could not read the PNG: %s.", image.message);
        cpng_set_message(message, message_size, line);
        png_image_free(&image);
        return CPNG_ERROR_LIBPNG;
    }
    image.format = PNG_FORMAT_RGBA;
    size_t bytes = PNG_IMAGE_SIZE(image);
    uint8_t *rgba = (uint8_t *)malloc(bytes ? bytes : 1);
    if (rgba == NULL) {
        png_image_free(&image);
        cpng_set_message(message, message_size, "Memory for the decoded PNG ran out.");
        return CPNG_ERROR_MEMORY;
    }
    if (!png_image_finish_read(&image, NULL, rgba, 0, NULL)) {
        char line[256];
        snprintf(line, sizeof line, "libpng could not decode the PNG: %s.", image.message);
        cpng_set_message(message, message_size, line);
        free(rgba);
        png_image_free(&image);
        return CPNG_ERROR_LIBPNG;
    }
    out->rgba = rgba;
    out->width = image.width;
    out->height = image.height;
    return CPNG_OK;
}

void cpng_image_free(cpng_image *image) {
    if (image == NULL) return;
    free(image->rgba);
    image->rgba = NULL;
    image->width = 0;
    image->height = 0;
}
