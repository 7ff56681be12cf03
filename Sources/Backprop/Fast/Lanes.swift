/// Four doubles processed together: the training kernel works on four points at a time.
package typealias Lanes = SIMD4<Double>

/// `e^x` in every lane, to within about two units in the last place, by the project's own code
/// so that every machine gets the same bits.
///
/// Method: `x = k·ln2 + r` with `|r| ≤ ln2/2` (Cody–Waite), `e^r − 1` by its Taylor polynomial to
/// `r¹³` (truncation below 5e-18), and `2^k` built from its bits. Below `−708` the result is 0
/// (where `e^x` would be subnormal); above `709` it stays at `e^709`, finite.
@inline(__always)
package func exponential(_ x: Lanes) -> Lanes {
    let (scale, p) = exponentialParts(x)
    return (scale + scale * p).replacing(with: 0, where: x .< -708)
}

/// `e^x − 1` in every lane, accurate near zero where `e^x − 1` cancels.
@inline(__always)
package func exponentialMinusOne(_ x: Lanes) -> Lanes {
    let (scale, p) = exponentialParts(x)
    return ((scale - 1) + scale * p).replacing(with: -1, where: x .< -708)
}

/// `2^k` and `e^r − 1` such that `e^x = 2^k · (1 + (e^r − 1))`.
@inline(__always)
func exponentialParts(_ x: Lanes) -> (scale: Lanes, p: Lanes) {
    let low = Lanes(repeating: -708)
    let high = Lanes(repeating: 709)
    let x = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
    let shifter = Lanes(repeating: 0x1.8p52)  // adding it rounds to an integer, ties to even
    let shifted = x * 0x1.71547652b82fep0 + shifter  // x / ln2
    let k = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- 0x4338_0000_0000_0000
    let kd = shifted - shifter
    let r = (x - kd * 0x1.62e42fee00000p-1) - kd * 0x1.a39ef35793c76p-33  // x − k·ln2
    var q = Lanes(repeating: 1.0 / 6_227_020_800)  // 1/13!
    q = q * r + 1.0 / 479_001_600
    q = q * r + 1.0 / 39_916_800
    q = q * r + 1.0 / 3_628_800
    q = q * r + 1.0 / 362_880
    q = q * r + 1.0 / 40_320
    q = q * r + 1.0 / 5_040
    q = q * r + 1.0 / 720
    q = q * r + 1.0 / 120
    q = q * r + 1.0 / 24
    q = q * r + 1.0 / 6
    q = q * r + 0.5
    let p = r + (r * r) * q
    let scale = unsafeBitCast((k &+ 1023) &<< 52, to: Lanes.self)
    return (scale, p)
}

/// `σ(z) = 1 / (1 + e^(−z))` in every lane, from `e = e^(−|z|)` so nothing overflows.
@inline(__always)
package func sigmoid(_ z: Lanes) -> Lanes {
    sigmoid(z, e: exponential(-magnitude(z)))
}

/// `σ(z)` given `e = e^(−|z|)`.
@inline(__always)
func sigmoid(_ z: Lanes, e: Lanes) -> Lanes {
    Lanes(repeating: 1).replacing(with: e, where: z .< 0) / (1 + e)
}

/// `e^x` for `x ≤ 0` in every lane as a fraction `n / d`, for a caller that divides several at
/// once or multiplies them into a logarithm: `d` lies in [0.7, 1.5] and `n` in [0, 1.5].
///
/// `x = k·ln2 + r` as in ``exponential(_:)``, and `e^r = N(r) / N(−r)`, the [6/6] Padé
/// approximant, within 2e-19 of `e^r` for `|r| ≤ ln2/2`: `n = 2^k · N(r)`, `d = N(−r)`. Below
/// `−708`, `x` is taken as `−708`.
@inline(__always)
func exponentialFraction(_ x: Lanes) -> (numerator: Lanes, denominator: Lanes) {
    let x = x.replacing(with: -708, where: x .< -708)
    let shifter = Lanes(repeating: 0x1.8p52)  // adding it rounds to an integer, ties to even
    let shifted = x * 0x1.71547652b82fep0 + shifter  // x / ln2
    let k = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- 0x4338_0000_0000_0000
    let kd = shifted - shifter
    let r = (x - kd * 0x1.62e42fee00000p-1) - kd * 0x1.a39ef35793c76p-33  // x − k·ln2
    let r2 = r * r
    // N(±r) = even(r²) ± r·odd(r²), coefficients (12 − i)! 6! / (12! i! (6 − i)!).
    var even = Lanes(repeating: 1.0 / 665_280)
    even = even * r2 + 1.0 / 792
    even = even * r2 + 5.0 / 44
    even = even * r2 + 1
    var odd = Lanes(repeating: 1.0 / 15_840)
    odd = odd * r2 + 1.0 / 66
    odd = (odd * r2 + 0.5) * r
    let scale = unsafeBitCast((k &+ 1023) &<< 52, to: Lanes.self)
    return (scale * (even + odd), even - odd)
}

/// `σ(z)` in every lane as a fraction `n / d` with `d` in [0.7, 3]: from
/// `e^(−|z|) = s / t` (``exponentialFraction(_:)``), `σ(z) = t / (t + s)` for `z ≥ 0` and
/// `s / (t + s)` below.
@inline(__always)
func sigmoidFraction(_ z: Lanes) -> (numerator: Lanes, denominator: Lanes) {
    let (s, t) = exponentialFraction(-magnitude(z))
    return (t.replacing(with: s, where: z .< 0), t + s)
}

/// `tanh(z)` in every lane: `sign(z) · −m / (2 + m)` with `m = e^(−2|z|) − 1`.
@inline(__always)
package func hyperbolicTangent(_ z: Lanes) -> Lanes {
    let m = exponentialMinusOne(-2 * magnitude(z))
    let magnitude = -m / (2 + m)
    return magnitude.replacing(with: -magnitude, where: z .< 0)
}

/// `e^x` for one number, by the same code as the lanes.
@inline(__always)
package func exponential(_ x: Double) -> Double {
    exponential(Lanes(repeating: x))[0]
}

/// `|x|` in every lane (the sign bit cleared).
@inline(__always)
package func magnitude(_ x: Lanes) -> Lanes {
    unsafeBitCast(unsafeBitCast(x, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF, to: Lanes.self)
}
