#pragma once
// Huffman codes for deflate blocks (RFC 1951, 3.2.2): code lengths from symbol frequencies,
// limited to a maximum length, and the canonical codes of those lengths. Private to CPNG.

#include <stdint.h>

/// The most symbols of any deflate alphabet (the literal/length alphabet's 286, and room).
#define CPNG_HUFFMAN_MAX_SYMBOLS 288

/// Writes into `lengths` a code length for each of `count` symbols (0 for a symbol of frequency
/// 0), the lengths of a Huffman code for `frequencies` whose longest code is at most `limit`
/// bits. When fewer than two symbols occur, the code is still a complete code of two symbols
/// (symbols 0 and 1 stand in), since not every decoder accepts a code of one.
///
/// Length-limiting is plain: while the optimal code for the frequencies is too deep, every
/// frequency is halved (rounding up, so none reaches 0) and the code built again. Equal
/// frequencies reach a balanced tree, so this ends whenever 2^limit >= count.
void cpng_huffman_lengths(const uint32_t *frequencies, int count, int limit, uint8_t *lengths);

/// The canonical codes for `lengths` (RFC 1951, 3.2.2), each bit-reversed, since deflate's bit
/// stream sends a code's first bit in the lowest bit.
void cpng_huffman_codes(const uint8_t *lengths, int count, uint16_t *codes);
