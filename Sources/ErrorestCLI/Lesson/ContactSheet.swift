import Foundation

/// `index.html`: the lesson's slides on one page, each with its number, title and caption.
enum ContactSheet {
    static func html(_ name: String, _ beats: [Storyboard.Entry]) -> String {
        let cells = beats.compactMap { beat -> String? in
            guard let slide = beat.slide else { return nil }
            return """
                <figure id="\(escaped(beat.beat))"><a href="\(escaped(slide))"><img src="\
                \(escaped(slide))" alt="\(escaped(beat.title))" width="480" height="270"></a>
                <figcaption><b>\(beat.number). \(escaped(beat.title))</b> \(escaped(beat.caption))\
                </figcaption></figure>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escaped(name))</title>
            <style>body{font-family:"DejaVu Sans",sans-serif;margin:2em;color:#1e1e1e}
            main{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:1.5em}
            figure{margin:0}img{width:100%;height:auto;border:1px solid #ccc}
            figcaption{font-size:0.9em;line-height:1.35}</style></head>
            <body><h1>\(escaped(name))</h1>
            <p>The slides of the lesson; the rules that chose each point and epoch, and every \
            number, are in <a href="storyboard.json">storyboard.json</a>; the slides as one PDF: \
            <a href="slides.pdf">slides.pdf</a>.</p>
            <main>
            \(cells.joined(separator: "\n"))
            </main></body></html>

            """
    }

    /// `text` with `&`, `<`, `>` and `"` escaped for HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "<", with: "&lt;"
        )
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
