import Foundation

/// The lesson page's HTML around its frames: ASCII only (the page is read as windows-1252),
/// no network access, no external fonts or scripts.
enum PageTemplate {
    /// Everything before the first frame: the head, the style and the controls.
    static func head(title: String) -> String {
        let name = html(title)
        return #"""
            <!doctype html>
            <html lang="en"><head><meta charset="windows-1252">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src blob: data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self' blob:">
            <title>\#(name) &#x2014; Errorest lesson page</title>
            <style>
            body{font:16px/1.4 system-ui,sans-serif;margin:1em auto;max-width:1300px;padding:0 1em;color:#111;background:#fff}
            h1{font-size:1.3em;margin:.2em 0}
            #stage{position:relative;display:inline-block;max-width:100%}
            #frame{display:block;max-width:100%;height:auto;cursor:crosshair;border:1px solid #ccc}
            #frame:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #d60;outline-offset:2px}
            #controls{display:flex;flex-wrap:wrap;gap:.6em;align-items:center;margin:.5em 0}
            #slider{flex:1 1 20em}
            button{font:inherit;padding:.2em .8em}
            button[aria-pressed=true]{background:#dde}
            #status{font-variant-numeric:tabular-nums}
            table{border-collapse:collapse;margin:.3em 0}
            td,th{border:1px solid #bbb;padding:.1em .5em;text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f3f3f3}
            .up{color:#1452b8}.down{color:#b81414}
            #panels{display:flex;flex-wrap:wrap;gap:2em}
            </style>
            <script>\#(PageScript.early)</script></head>
            <body><main>
            <h1>\#(name)</h1>
            <p id="loading">Loading the frames&#x2026;</p>
            <div id="stage"><img id="frame" tabindex="0" alt=""></div>
            <div id="controls">
            <button id="play" type="button" aria-pressed="false">Play</button>
            <button id="prev" type="button" aria-label="Previous frame">&#x2190;</button>
            <label for="slider">Frame</label>
            <input id="slider" type="range" min="0" max="0" step="1" value="0">
            <button id="next" type="button" aria-label="Next frame">&#x2192;</button>
            <span id="status" aria-live="polite"></span>
            </div>
            <div id="panels">
            <section aria-labelledby="pointTitle"><h2 id="pointTitle">A point's wish</h2>
            <label for="point">Point number</label> <input id="point" type="number" min="1" value="1">
            <p>Hover over or tap a point in the frame, or type its number.</p>
            <div id="pointInfo" aria-live="polite"></div></section>
            <section aria-labelledby="unitTitle"><h2 id="unitTitle">A hidden unit</h2>
            <div id="units" role="group" aria-label="Hidden units"></div>
            <p>Click a hidden panel in the frame, or a unit's button.</p>
            <div id="unitInfo" aria-live="polite"></div></section>
            </div>
            <p><small>Keys: &#x2190; &#x2192; step a frame, Home and End go to the first and last,
            Space plays or pauses. Made by Errorest; every number is computed from the run
            record.</small></p>
            </main>

            """#
    }

    /// The call after the first frame that shows it at once, `width` by `height` with `alt`.
    static func first(width: Int, height: Int, alt: String) -> String {
        "<script>errorestFirst(\(width), \(height), " + PageData.string(alt) + ");</script>\n"
    }

    /// Everything after the last frame: the numbers as JSON and the script.
    static func tail(json: String) -> String {
        "<script type=\"application/json\" id=\"data\">" + json + "</script>\n<script>\n"
            + PageScript.source + "</script>\n</body></html>\n"
    }

    /// `text` for HTML: ASCII, with `<`, `>`, `&`, `"` and every other character as a reference.
    static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value > 0x7e
                || "<>&\"'".unicodeScalars.contains(scalar)
            {
                out += "&#x" + String(scalar.value, radix: 16) + ";"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
