/// The lesson page's script: interaction only.
///
/// It shows the embedded PNG frames and the
/// numbers Errorest embedded; it computes nothing of the network's (ASCII only).
enum PageScript {
    /// The head's script: the decoder of a frame's text, and the first frame shown as soon as
    /// the parser has read it, long before the rest of the page.
    static let early = #"""
        (function () {
          "use strict";
          /* windows-1252: the characters of bytes 0x80 to 0x9F; the others are their byte. */
          var HIGH = [0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030,
            0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
            0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178];
          var back = new Uint8Array(0x2200);
          for (var c = 0; c < 256; c++) back[c] = c;
          for (var h = 0; h < 32; h++) back[HIGH[h]] = 0x80 + h;
          /* A frame's text back to its PNG bytes: the key, then each byte XOR the key, with
             ESC (0x1B) then the value XOR 0x40 for an escaped value. */
          window.errorestBytes = function(text) {
            var n = text.length, out = new Uint8Array(n), j = 0, escaped = false;
            var key = n > 0 ? back[text.charCodeAt(0)] : 0;
            for (var i = 1; i < n; i++) {
              var b = back[text.charCodeAt(i)];
              if (escaped) { out[j++] = b ^ 0x40 ^ key; escaped = false; }
              else if (b === 0x1B) escaped = true;
              else out[j++] = b ^ key;
            }
            return out.subarray(0, j);
          }
          window.errorestFirst = function (width, height, alt) {
            if (document.characterSet.toLowerCase() !== "windows-1252") return;
            var img = document.getElementById("frame"), text = document.getElementById("f0").textContent;
            window.errorestFirstURL = URL.createObjectURL(new Blob([window.errorestBytes(text)], { type: "image/png" }));
            img.addEventListener("load", function once() {
              img.removeEventListener("load", once);
              window.errorestFirstFrame = performance.now();
            });
            img.width = width;
            img.height = height;
            img.alt = alt;
            img.src = window.errorestFirstURL;
          };
        })();

        """#

    static let source = #"""
        (function () {
          "use strict";
          var D = JSON.parse(document.getElementById("data").textContent);
          var N = D.frames.length, P = D.labels.length;
          var $ = function (id) { return document.getElementById(id); };
          var img = $("frame"), slider = $("slider"), play = $("play"), status = $("status");
          var pointInput = $("point"), pointInfo = $("pointInfo"), unitInfo = $("unitInfo");
          var current = -1, point = null, unit = null, timer = null;
          var urls = new Array(N), blocks = null;
          var bytesOf = window.errorestBytes;
          function frameText(k) {
            if (blocks) return blocks[k];
            return $("f" + k).textContent;
          }
          function frameURL(k) {
            if (k === 0 && window.errorestFirstURL) urls[0] = window.errorestFirstURL;
            if (!urls[k]) {
              urls[k] = URL.createObjectURL(new Blob([bytesOf(frameText(k))], { type: "image/png" }));
            }
            return urls[k];
          }
          /* Served with another charset than the page's own (a course platform's header): the
             page's bytes are read again and the frames cut out of them. */
          function readOwnBytes(then) {
            fetch(location.href).then(function (r) { return r.arrayBuffer(); }).then(function (b) {
              var text = new TextDecoder("windows-1252").decode(b);
              blocks = [];
              for (var k = 0; k < N; k++) {
                var open = "id=\"f" + k + "\">", at = text.indexOf(open) + open.length;
                blocks.push(text.slice(at, text.indexOf("<\/script>", at)));
              }
              then();
            }).catch(function () { $("loading").textContent = "The frames could not be read."; });
          }
          function num(x) { return x === null ? "n/a" : String(x); }
          function pct(x) { return (100 * x).toFixed(1) + "%"; }
          var layers = [];
          (function () {
            var offset = 0;
            for (var l = 1; l < D.sizes.length; l++) {
              var inputs = D.sizes[l - 1], units = D.sizes[l];
              layers.push({ inputs: inputs, units: units, offset: offset });
              offset += units * (inputs + 1);
            }
          })();
          var K = layers[layers.length - 1].offset + layers[layers.length - 1].units * (layers[layers.length - 1].inputs + 1);
          function index(l, j, i) { var L = layers[l]; return L.offset + j * (L.inputs + 1) + i; }
          function unitName(l, j) {
            if (l === layers.length - 1) return "output";
            return layers.length > 2 ? "unit " + (l + 1) + "." + (j + 1) : "unit " + (j + 1);
          }
          function inputName(l, i) {
            if (l === 0) return "x" + (i + 1);
            return layers.length > 2 ? "h" + l + "." + (i + 1) : "h" + (i + 1);
          }
          function el(tag, text, cls) {
            var e = document.createElement(tag);
            if (text !== undefined) e.textContent = text;
            if (cls) e.className = cls;
            return e;
          }
          function cell(x) {
            var td = el("td");
            td.setAttribute("data-v", num(x));
            if (x > 0) { td.className = "up"; td.textContent = "\u25B2 " + num(x); }
            else if (x < 0) { td.className = "down"; td.textContent = "\u25BC " + num(x); }
            else td.textContent = num(x);
            return td;
          }
          /* A table of one value per weight and bias: a row per unit. */
          function table(values, caption) {
            var t = el("table"), cap = el("caption", caption);
            t.appendChild(cap);
            layers.forEach(function (L, l) {
              var head = el("tr");
              head.appendChild(el("th", "unit"));
              for (var i = 0; i < L.inputs; i++) head.appendChild(el("th", "from " + inputName(l, i)));
              head.appendChild(el("th", "bias"));
              t.appendChild(head);
              for (var j = 0; j < L.units; j++) {
                var row = el("tr");
                row.setAttribute("data-unit", unitName(l, j));
                row.appendChild(el("th", unitName(l, j)));
                for (var i2 = 0; i2 <= L.inputs; i2++) row.appendChild(cell(values[index(l, j, i2)]));
                t.appendChild(row);
              }
            });
            return t;
          }
          function showPoint(p) {
            if (p === null || p < 0 || p >= P) return;
            point = p;
            pointInput.value = p + 1;
            var f = D.frames[current];
            pointInfo.textContent = "";
            var line = el("p");
            line.id = "pointLine";
            line.textContent = "Point " + (p + 1) + " at (" + D.points[2 * p] + ", " + D.points[2 * p + 1] +
              "), label " + D.labels[p] + (D.labels[p] ? " (blue)" : " (red)") + ": y\u0302 = " + num(f.output[p]) +
              ", its error e = " + num(f.error[p]) + " at epoch " + f.time + ".";
            pointInfo.appendChild(line);
            pointInfo.setAttribute("data-point", p + 1);
            pointInfo.setAttribute("data-output", num(f.output[p]));
            pointInfo.setAttribute("data-error", num(f.error[p]));
            pointInfo.appendChild(table(f.wish.slice(p * K, (p + 1) * K),
              "Its wish \u2212\u03B7 \u2202e/\u2202w: the step this point alone asks of each weight (\u25B2 up, \u25BC down)"));
          }
          function showUnit(u) {
            if (!u) return;
            unit = u;
            var f = D.frames[current], before = D.frames[Math.max(0, current - 1)];
            var L = layers[u.l], names = [], ids = [];
            for (var i = 0; i <= L.inputs; i++) {
              names.push(i < L.inputs ? "weight from " + inputName(u.l, i) : "bias"); ids.push(index(u.l, u.j, i));
            }
            var next = layers[u.l + 1];
            for (var k = 0; next && k < next.units; k++) {
              names.push((u.l + 1 === layers.length - 1 ? "output weight" : "weight to " + unitName(u.l + 1, k)));
              ids.push(index(u.l + 1, k, u.j));
            }
            unitInfo.textContent = "";
            unitInfo.setAttribute("data-unit", unitName(u.l, u.j));
            unitInfo.appendChild(el("p", "Hidden " + unitName(u.l, u.j) + " at epoch " + f.time + ":"));
            var t = el("table"), head = el("tr");
            ["", "value", "change since the last frame", "training's step \u2212\u03B7\u2202E/\u2202w"].forEach(function (s) { head.appendChild(el("th", s)); });
            t.appendChild(head);
            ids.forEach(function (id, n) {
              var row = el("tr");
              row.appendChild(el("th", names[n]));
              var v = el("td", num(f.W[id])); v.setAttribute("data-v", num(f.W[id])); row.appendChild(v);
              row.appendChild(cell(current === 0 ? 0 : +(f.W[id] - before.W[id]).toPrecision(4)));
              row.appendChild(cell(f.step[id]));
              t.appendChild(row);
            });
            unitInfo.appendChild(t);
          }
          function show(k) {
            k = Math.max(0, Math.min(N - 1, k));
            var f = D.frames[k];
            current = k;
            slider.value = k;
            img.src = frameURL(k);
            img.alt = f.alt;
            status.textContent = "Frame " + (k + 1) + " of " + N + ": epoch " + f.time + ", E(W) = " + Number(f.E.toPrecision(4)) +
              ", accuracy " + pct(f.accuracy);
            showPoint(point);
            showUnit(unit);
          }
          function setPlaying(on) {
            if (timer) { clearInterval(timer); timer = null; }
            if (on) timer = setInterval(function () { show(current + 1 < N ? current + 1 : 0); }, 1000 / D.fps);
            play.setAttribute("aria-pressed", on ? "true" : "false");
            play.textContent = on ? "Pause" : "Play";
          }
          /* Where a panel draws a data point, in the frame's pixels (the manifest's geometry). */
          function pixel(panel, p) {
            var r = panel.rect, d = panel.domain;
            return [r[0] + (D.points[2 * p] - d[0][0]) / (d[0][1] - d[0][0]) * r[2],
                    r[1] + (1 - (D.points[2 * p + 1] - d[1][0]) / (d[1][1] - d[1][0])) * r[3]];
          }
          function hit(ev) {
            var box = img.getBoundingClientRect(), f = D.frames[current];
            var x = (ev.clientX - box.left) * f.size[0] / box.width, y = (ev.clientY - box.top) * f.size[1] / box.height;
            var found = { panel: null, point: null }, best = 100;
            f.panels.forEach(function (panel) {
              var r = panel.rect;
              if (x < r[0] || x > r[0] + r[2] || y < r[1] || y > r[1] + r[3]) return;
              found.panel = panel;
              for (var p = 0; p < P; p++) {
                var q = pixel(panel, p), d2 = (q[0] - x) * (q[0] - x) + (q[1] - y) * (q[1] - y);
                if (d2 < best) { best = d2; found.point = p; }
              }
            });
            return found;
          }
          img.addEventListener("mousemove", function (ev) {
            var h = hit(ev);
            if (h.point !== null) showPoint(h.point);
          });
          img.addEventListener("click", function (ev) {
            var h = hit(ev);
            if (h.point !== null) showPoint(h.point);
            if (h.panel && h.panel.kind === "hidden") showUnit({ l: h.panel.layer - 1, j: h.panel.unit - 1 });
          });
          slider.addEventListener("input", function () { setPlaying(false); show(+slider.value); });
          play.addEventListener("click", function () { setPlaying(!timer); });
          $("prev").addEventListener("click", function () { setPlaying(false); show(current - 1); });
          $("next").addEventListener("click", function () { setPlaying(false); show(current + 1); });
          pointInput.max = P;
          pointInput.addEventListener("input", function () {
            var p = parseInt(pointInput.value, 10);
            if (p >= 1 && p <= P) showPoint(p - 1);
          });
          layers.forEach(function (L, l) {
            if (l === layers.length - 1) return;
            for (var j = 0; j < L.units; j++) {
              var b = el("button", "Unit " + unitName(l, j).slice(5));
              b.type = "button";
              b.addEventListener("click", (function (u) { return function () { showUnit(u); }; })({ l: l, j: j }));
              $("units").appendChild(b);
            }
          });
          document.addEventListener("keydown", function (ev) {
            var t = ev.target;
            if (t === pointInput || ev.altKey || ev.ctrlKey || ev.metaKey) return;
            if (t === slider && ev.key !== " ") { setPlaying(false); return; }
            var to = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: N - 1 }[ev.key];
            if (to !== undefined) { ev.preventDefault(); setPlaying(false); show(to); }
            else if (ev.key === " " && t.tagName !== "BUTTON") { ev.preventDefault(); setPlaying(!timer); }
          });
          slider.max = N - 1;
          var first = D.frames[0];
          img.width = first.size[0];
          img.height = first.size[1];
          function start() {
            if (window.errorestFirstFrame === undefined) {
              img.addEventListener("load", function once() {
                img.removeEventListener("load", once);
                window.errorestFirstFrame = performance.now();
              });
            }
            $("loading").hidden = true;
            point = D.focus ? D.focus - 1 : 0;
            show(0);
            var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
            setPlaying(!still);
          }
          window.errorestPage = { show: show, frame: function () { return current; }, playing: function () { return !!timer; } };
          if (document.characterSet.toLowerCase() === "windows-1252") start(); else readOwnBytes(start);
        })();

        """#
}
