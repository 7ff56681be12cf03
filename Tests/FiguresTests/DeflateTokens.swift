import Foundation

/// A small inflater written from RFC 1950/1951 for the tests: it decodes a zlib stream and
/// records each match it meets (where in the output it starts, its length and distance), so a
/// test can see not only what an encoder's stream decodes to but how the encoder found it.
struct DeflateTokens {
    /// A match of the stream: `length` bytes copied from `distance` back, starting at `start`.
    struct Match: Equatable {
        var start: Int
        var length: Int
        var distance: Int
    }

    /// The decoded bytes.
    private(set) var bytes: [UInt8] = []
    /// Every match, in order.
    private(set) var matches: [Match] = []
    /// Where each literal starts in the output.
    private(set) var literals: [Int] = []

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private let input: [UInt8]
    private var bit = 0

    /// Decodes `stream`, a zlib stream; throws if it is not a valid one or its Adler-32 is wrong.
    init(zlib stream: [UInt8]) throws {
        input = stream
        guard stream.count >= 6, stream[0] & 0x0F == 8,
            (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0
        else { throw Malformed(description: "not a zlib header") }
        bit = 16
        var last = false
        while !last {
            last = try take(1) == 1
            switch try take(2) {
            case 0: try stored()
            case 1: try huffman(DeflateTokens.fixed())
            case 2: try huffman(try dynamic())
            default: throw Malformed(description: "block type 3")
            }
        }
        let end = (bit + 7) / 8
        guard end + 4 <= input.count else { throw Malformed(description: "no Adler-32") }
        let adler = input[end..<end + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        guard adler == b << 16 | a else { throw Malformed(description: "Adler-32 differs") }
    }

    private mutating func take(_ count: Int) throws -> Int {
        var value = 0
        for k in 0..<count {
            guard bit / 8 < input.count else { throw Malformed(description: "stream ends early") }
            value |= Int(input[bit / 8] >> (bit % 8) & 1) << k
            bit += 1
        }
        return value
    }

    /// A canonical Huffman code as (length, code) → symbol.
    typealias Code = [Int: Int]

    private static func code(_ lengths: [Int]) -> Code {
        var code: Code = [:]
        var next = 0
        for length in 1...15 {
            for (symbol, l) in lengths.enumerated() where l == length {
                code[length << 16 | next] = symbol
                next += 1
            }
            next <<= 1
        }
        return code
    }

    private static func fixed() -> (Code, Code) {
        let litlen = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
        return (code(litlen), code(Array(repeating: 5, count: 30)))
    }

    private mutating func symbol(_ code: Code) throws -> Int {
        var value = 0
        for length in 1...15 {
            value = value << 1 | (try take(1))
            if let symbol = code[length << 16 | value] { return symbol }
        }
        throw Malformed(description: "no such code")
    }

    private mutating func stored() throws {
        bit = (bit + 7) / 8 * 8
        let length = try take(16)
        guard try take(16) == length ^ 0xFFFF else { throw Malformed(description: "stored length") }
        for _ in 0..<length {
            literals.append(bytes.count)
            bytes.append(UInt8(try take(8)))
        }
    }

    private mutating func dynamic() throws -> (Code, Code) {
        let hlit = try take(5) + 257
        let hdist = try take(5) + 1
        let hclen = try take(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var clLengths = Array(repeating: 0, count: 19)
        for k in 0..<hclen { clLengths[order[k]] = try take(3) }
        let cl = DeflateTokens.code(clLengths)
        var lengths: [Int] = []
        while lengths.count < hlit + hdist {
            let s = try symbol(cl)
            switch s {
            case 16:
                guard let previous = lengths.last else { throw Malformed(description: "16 first") }
                lengths += Array(repeating: previous, count: 3 + (try take(2)))
            case 17: lengths += Array(repeating: 0, count: 3 + (try take(3)))
            case 18: lengths += Array(repeating: 0, count: 11 + (try take(7)))
            default: lengths.append(s)
            }
        }
        guard lengths.count == hlit + hdist else { throw Malformed(description: "lengths overrun") }
        return (
            DeflateTokens.code(Array(lengths[0..<hlit])),
            DeflateTokens.code(Array(lengths[hlit...]))
        )
    }

    private mutating func huffman(_ codes: (Code, Code)) throws {
        let lengthBase = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
            67, 83, 99, 115, 131, 163, 195, 227, 258,
        ]
        let lengthExtra = [
            0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
            5, 5, 5, 5, 0,
        ]
        while true {
            let s = try symbol(codes.0)
            if s < 256 {
                literals.append(bytes.count)
                bytes.append(UInt8(s))
                continue
            }
            if s == 256 { return }
            guard s <= 285 else { throw Malformed(description: "length symbol \(s)") }
            let length = lengthBase[s - 257] + (try take(lengthExtra[s - 257]))
            let d = try symbol(codes.1)
            guard d < 30 else { throw Malformed(description: "distance symbol \(d)") }
            let extra = d < 4 ? 0 : d / 2 - 1
            let base = d < 4 ? d + 1 : (2 + d % 2) << extra + 1
            let distance = base + (try take(extra))
            guard distance <= bytes.count, distance <= 32768 else {
                throw Malformed(description: "distance \(distance) beyond the output or window")
            }
            matches.append(Match(start: bytes.count, length: length, distance: distance))
            for _ in 0..<length { bytes.append(bytes[bytes.count - distance]) }
        }
    }
}
