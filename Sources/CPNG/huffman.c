// Huffman code lengths (two-queue construction over symbols sorted by frequency), limited by
// halving frequencies, and canonical codes.

#include "huffman.h"

#include <string.h>

/// A symbol and its weight while building the tree.
typedef struct {
    uint32_t weight;
    uint16_t symbol;
} cpng_leaf;

/// Sorts `m` leaves by weight, then by symbol (a total order, so one result whatever the sort):
/// as 64-bit keys, weight above symbol, merged in runs of doubling length (no calls through a
/// comparison function, which cost as much as the rest of a block's codes).
static void cpng_sort_leaves(cpng_leaf *leaves, int m) {
    uint64_t keys[CPNG_HUFFMAN_MAX_SYMBOLS], spare[CPNG_HUFFMAN_MAX_SYMBOLS];
    for (int k = 0; k < m; k++) keys[k] = (uint64_t)leaves[k].weight << 16 | leaves[k].symbol;
    // Runs of four by insertion, then merges.
    for (int start = 0; start < m; start += 4) {
        int end = start + 4 < m ? start + 4 : m;
        for (int k = start + 1; k < end; k++) {
            uint64_t key = keys[k];
            int j = k;
            for (; j > start && keys[j - 1] > key; j--) keys[j] = keys[j - 1];
            keys[j] = key;
        }
    }
    uint64_t *from = keys, *to = spare;
    for (int width = 4; width < m; width *= 2) {
        for (int start = 0; start < m; start += 2 * width) {
            int middle = start + width < m ? start + width : m;
            int end = start + 2 * width < m ? start + 2 * width : m;
            int a = start, b = middle, k = start;
            while (a < middle && b < end) to[k++] = from[a] <= from[b] ? from[a++] : from[b++];
            while (a < middle) to[k++] = from[a++];
            while (b < end) to[k++] = from[b++];
        }
        uint64_t *swap = from;
        from = to;
        to = swap;
    }
    for (int k = 0; k < m; k++) {
        leaves[k] = (cpng_leaf){(uint32_t)(from[k] >> 16), (uint16_t)(from[k] & 0xFFFF)};
    }
}

/// Huffman's construction for `m` >= 2 leaves sorted by weight: the two lightest of the
/// remaining leaves and made nodes are joined, leaves first on ties. Writes each leaf's depth
/// into `depths` and returns the largest.
static int cpng_huffman_depths(const cpng_leaf *leaves, int m, int *depths) {
    uint64_t node_weight[CPNG_HUFFMAN_MAX_SYMBOLS];
    int node_parent[CPNG_HUFFMAN_MAX_SYMBOLS];
    int leaf_parent[CPNG_HUFFMAN_MAX_SYMBOLS];
    int next_leaf = 0, next_node = 0;
    for (int made = 0; made < m - 1; made++) {
        uint64_t sum = 0;
        for (int pick = 0; pick < 2; pick++) {
            if (next_leaf < m &&
                (next_node >= made || leaves[next_leaf].weight <= node_weight[next_node])) {
                sum += leaves[next_leaf].weight;
                leaf_parent[next_leaf++] = made;
            } else {
                sum += node_weight[next_node];
                node_parent[next_node++] = made;
            }
        }
        node_weight[made] = sum;
    }
    // The last node made is the root; every other node's parent was made after it.
    int node_depth[CPNG_HUFFMAN_MAX_SYMBOLS];
    node_depth[m - 2] = 0;
    for (int k = m - 3; k >= 0; k--) node_depth[k] = node_depth[node_parent[k]] + 1;
    int deepest = 0;
    for (int k = 0; k < m; k++) {
        depths[k] = node_depth[leaf_parent[k]] + 1;
        if (depths[k] > deepest) deepest = depths[k];
    }
    return deepest;
}

void cpng_huffman_lengths(const uint32_t *frequencies, int count, int limit, uint8_t *lengths) {
    cpng_leaf leaves[CPNG_HUFFMAN_MAX_SYMBOLS];
    int depths[CPNG_HUFFMAN_MAX_SYMBOLS];
    int m = 0;
    memset(lengths, 0, (size_t)count);
    for (int s = 0; s < count; s++) {
        if (frequencies[s] > 0) leaves[m++] = (cpng_leaf){frequencies[s], (uint16_t)s};
    }
    // Fewer than two symbols: stand-ins make a complete code of two.
    for (int s = 0; m < 2 && s < count; s++) {
        if (frequencies[s] == 0) leaves[m++] = (cpng_leaf){1, (uint16_t)s};
    }
    if (m < 2) return;
    for (;;) {
        cpng_sort_leaves(leaves, m);
        if (cpng_huffman_depths(leaves, m, depths) <= limit) break;
        for (int k = 0; k < m; k++) leaves[k].weight = (leaves[k].weight + 1) / 2;
    }
    for (int k = 0; k < m; k++) lengths[leaves[k].symbol] = (uint8_t)depths[k];
}

void cpng_huffman_codes(const uint8_t *lengths, int count, uint16_t *codes) {
    int per_length[16] = {0};
    for (int s = 0; s < count; s++) per_length[lengths[s]]++;
    per_length[0] = 0;
    int next[16] = {0};
    int code = 0;
    for (int bits = 1; bits < 16; bits++) {
        code = (code + per_length[bits - 1]) << 1;
        next[bits] = code;
    }
    for (int s = 0; s < count; s++) {
        int length = lengths[s];
        if (length == 0) {
            codes[s] = 0;
            continue;
        }
        int value = next[length]++;
        int reversed = 0;
        for (int b = 0; b < length; b++) reversed |= ((value >> b) & 1) << (length - 1 - b);
        codes[s] = (uint16_t)reversed;
    }
}
