// Draws the Teams app icons (committed in appPackage/): color.png 192×192 and a transparent outline.png 32×32.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

function draw(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const i = (size * y + x) << 2;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  return PNG.sync.write(png);
}

// A speech bubble with a tick: advice that has been checked.
const inBubble = (x: number, y: number, s: number) => {
  const cx = s / 2;
  const cy = s * 0.45;
  const rx = s * 0.36;
  const ry = s * 0.28;
  const inEllipse = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  const inTail = y > cy && y < s * 0.85 && x > s * 0.3 && x < s * 0.3 + (s * 0.85 - y) * 0.6;
  return inEllipse || inTail;
};
const onTick = (x: number, y: number, s: number, w: number) => {
  const d1 = Math.abs(y - s * 0.45 - (x - s * 0.36)) / Math.SQRT2;
  const d2 = Math.abs(y - s * 0.55 + (x - s * 0.46)) / Math.SQRT2;
  return (x >= s * 0.34 && x <= s * 0.46 && d1 < w) || (x >= s * 0.44 && x <= s * 0.66 && d2 < w);
};

const dir = join(import.meta.dirname, "..", "appPackage");
writeFileSync(
  join(dir, "color.png"),
  draw(192, (x, y) =>
    inBubble(x, y, 192)
      ? onTick(x, y, 192, 8)
        ? [31, 95, 139, 255]
        : [255, 255, 255, 255]
      : [31, 95, 139, 255],
  ),
);
writeFileSync(
  join(dir, "outline.png"),
  draw(32, (x, y) => (inBubble(x, y, 32) && !onTick(x, y, 32, 1.6) ? [255, 255, 255, 255] : [0, 0, 0, 0])),
);
console.log("appPackage/color.png (192×192) and appPackage/outline.png (32×32, transparent) written");
