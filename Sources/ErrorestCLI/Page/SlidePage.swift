import Foundation

/// `lesson.html`: a lesson's slides and captions as one self-contained page, made like the
/// lesson page of a run (``PageSink``): the slides' own PNG bytes embedded, read as
/// windows-1252, no network access; a slider, ← → Home End, and each slide's caption below it.
enum SlidePage {
    /// One slide: its PNG, title and caption (the storyboard's).
    struct Slide {
        var png: Data
        var title: String
        var caption: String
    }

    static func html(name: String, slides: [Slide]) -> Data {
        let title = PageTemplate.html(name)
        var page = Data(
            #"""
            <!doctype html>
            <html lang="en"><head><meta charset="windows-1252">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src blob: data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src blob:">
            <title>\#(title) &#x2014; Errorest lesson</title>
            <style>
            body{font:18px/1.45 system-ui,sans-serif;margin:1em auto;max-width:1300px;padding:0 1em;color:#111;background:#fff}
            #frame{display:block;max-width:100%;height:auto;border:1px solid #ccc}
            #frame:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #d60;outline-offset:2px}
            #controls{display:flex;gap:.6em;align-items:center;margin:.5em 0}
            #slider{flex:1 1 20em} button{font:inherit;padding:.2em .8em}
            </style>
            <script>\#(PageScript.early)</script></head>
            <body><main><h1>\#(title)</h1>
            <img id="frame" tabindex="0" alt="">
            <div id="controls">
            <button id="prev" type="button" aria-label="Previous slide">&#x2190;</button>
            <label for="slider">Slide</label>
            <input id="slider" type="range" min="0" max="0" step="1" value="0">
            <button id="next" type="button" aria-label="Next slide">&#x2192;</button>
            <span id="status" aria-live="polite"></span></div>
            <h2 id="slideTitle"></h2><p id="caption" aria-live="polite"></p>
            </main>

            """#.utf8)
        for (k, slide) in slides.enumerated() {
            page.append(Data("<script type=\"application/x-errorest-png\" id=\"f\(k)\">".utf8))
            page.append(PageSink.escaped(slide.png))
            page.append(Data("</script>\n".utf8))
        }
        let json =
            "{\"slides\":["
            + slides.map {
                "{\"title\":" + PageData.string($0.title) + ",\"caption\":"
                    + PageData.string($0.caption) + "}"
            }.joined(separator: ",") + "]}"
        page.append(
            Data(
                ("<script type=\"application/json\" id=\"data\">" + json + "</script>\n<script>\n"
                    + script + "</script>\n</body></html>\n").utf8))
        return page
    }

    static let script = #"""
        (function () {
          "use strict";
          var S = JSON.parse(document.getElementById("data").textContent).slides, N = S.length;
          var $ = function (id) { return document.getElementById(id); };
          var img = $("frame"), slider = $("slider"), urls = [], current = 0;
          function show(k) {
            k = Math.max(0, Math.min(N - 1, k));
            current = k;
            if (!urls[k]) {
              urls[k] = URL.createObjectURL(new Blob([window.errorestBytes($("f" + k).textContent)], { type: "image/png" }));
            }
            img.src = urls[k];
            img.alt = "Slide " + (k + 1) + ", " + S[k].title + ": " + S[k].caption;
            slider.value = k;
            $("status").textContent = "Slide " + (k + 1) + " of " + N;
            $("slideTitle").textContent = S[k].title;
            $("caption").textContent = S[k].caption;
          }
          slider.max = N - 1;
          slider.addEventListener("input", function () { show(+slider.value); });
          $("prev").addEventListener("click", function () { show(current - 1); });
          $("next").addEventListener("click", function () { show(current + 1); });
          document.addEventListener("keydown", function (ev) {
            if (ev.target === slider || ev.altKey || ev.ctrlKey || ev.metaKey) return;
            var to = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: N - 1 }[ev.key];
            if (to !== undefined) { ev.preventDefault(); show(to); }
          });
          window.errorestPage = { show: show, frame: function () { return current; } };
          show(0);
        })();

        """#
}
