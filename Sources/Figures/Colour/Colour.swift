import Foundation

/// An sRGB colour with components in 0...1 and an opacity.
struct Colour: Equatable, Sendable {
    var red: Double
    var green: Double
    var blue: Double
    var alpha: Double = 1

    init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from `0xRRGGBB`.
    init(hex: UInt32, alpha: Double = 1) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
        self.alpha = alpha
    }

    /// The same colour with another opacity.
    func withAlpha(_ alpha: Double) -> Colour {
        Colour(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// The colour `t` of the way from `self` to `other` (component-wise in sRGB).
    func mixed(with other: Colour, _ t: Double) -> Colour {
        Colour(
            red: red + (other.red - red) * t, green: green + (other.green - green) * t,
            blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    /// The largest difference of one of the red, green and blue channels from `other`'s, 0...1.
    func largestChannelDifference(to other: Colour) -> Double {
        max(abs(red - other.red), abs(green - other.green), abs(blue - other.blue))
    }

    /// The opaque pixel `0x00RRGGBB` that Cairo's RGB24 images hold.
    var pixel: UInt32 {
        func byte(_ v: Double) -> UInt32 { UInt32((min(1, max(0, v)) * 255).rounded()) }
        return byte(red) << 16 | byte(green) << 8 | byte(blue)
    }

    /// WCAG relative luminance, for choosing readable text and outlines.
    var luminance: Double {
        func linear(_ c: Double) -> Double {
            c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055).power(2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG contrast ratio between two opaque colours (1 to 21).
    func contrast(with other: Colour) -> Double {
        let a = luminance
        let b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static let white = Colour(hex: 0xFFFFFF)
    static let black = Colour(hex: 0x000000)
}

extension Double {
    /// `self` raised to `exponent`, for positive `self`.
    func power(_ exponent: Double) -> Double {
        Foundation.pow(self, exponent)
    }
}
